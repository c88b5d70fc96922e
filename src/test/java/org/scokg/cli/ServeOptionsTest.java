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
    void defaultsAreReadOnlyOnLoopback() {
        ServerOptions o = parse("--db", "store");
        assertEquals(Path.of("store"), o.db());
        assertEquals("127.0.0.1", o.host());
        assertEquals(3030, o.port());
        assertEquals(30_000, o.queryTimeoutMillis());
        assertEquals(ServerOptions.DEFAULT_MAX_ROWS, o.maxRows());
        assertFalse(o.allowUpdate());
    }

    @Test
    void limitsAndWriteAccess() {
        ServerOptions o = parse("--db", "store", "--timeout", "1.5", "--max-rows", "7", "--allow-update", "--password-file", "users");
        assertEquals(1500, o.queryTimeoutMillis());
        assertEquals(7, o.maxRows());
        assertTrue(o.allowUpdate());
        assertEquals(Path.of("users"), o.passwordFile());
    }

    @Test
    void badCombinationsAreOneLineErrors() {
        assertThrows(Base.UserError.class, () -> parse("--db", "store", "--allow-update"));
        assertThrows(Base.UserError.class, () -> parse("--db", "store", "--password-file", "users"));
        assertThrows(Base.UserError.class, () -> parse("--db", "store", "--timeout", "0"));
        assertThrows(Base.UserError.class, () -> parse("--db", "store", "--max-rows", "0"));
    }

    /** The options of the former result cache, page gate and materialised answers are gone. */
    @Test
    void removedOptionsAreUnknown() {
        for (String gone : new String[] {"--no-cache", "--no-materialise", "--cache-mb=64", "--concurrent-pages=4"}) {
            CliRun r = CliRun.run("serve", "--db", "store", gone);
            assertEquals(2, r.code(), gone + ": " + r);
            assertTrue(r.err().contains("Unknown option"), r.err());
        }
    }
}
