package org.scokg.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.scokg.serve.ServerOptions;
import picocli.CommandLine;

/** How the command-line options of serve and up become {@link ServerOptions}. */
class ServeOptionsTest {
    static ServerOptions parse(String... args) {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.limits.options(cmd.db, cmd.host, cmd.port);
    }

    @Test
    void answersAreMaterialisedUnlessTurnedOff() {
        ServerOptions byDefault = parse("--db", "store");
        assertTrue(byDefault.materialise());
        assertTrue(byDefault.warmCache(), "materialising is part of the warm-up");
        assertFalse(parse("--db", "store", "--no-materialise").materialise());
        assertEquals(Path.of("store"), byDefault.db());
    }

    @Test
    void noCacheLeavesMaterialisingOn() {
        ServerOptions o = parse("--db", "store", "--no-cache");
        assertEquals(0, o.cacheBytes());
        assertTrue(o.materialise(), "materialised answers are not the result cache");
    }
}
