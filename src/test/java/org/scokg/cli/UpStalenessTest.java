package org.scokg.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.store.ScokgStore;

class UpStalenessTest {
    @TempDir Path dir;

    @Test void staleUntilStampedThenOnChanges() throws Exception {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Path seed = seeds.resolve("a.txt");
        Files.writeString(seed, "上海合作组织");
        Path db = dir.resolve("data/tdb2"), stamp = dir.resolve("data/tdb2.stamp");
        assertEquals("no store yet", UpCommand.staleness(seeds, db, stamp, null));
        try (ScokgStore s = ScokgStore.open(db)) {
            s.build(List.of(seeds), null);
        }
        assertEquals("no build stamp", UpCommand.staleness(seeds, db, stamp, null));
        Files.writeString(stamp, UpCommand.fingerprint(seeds));
        Files.setLastModifiedTime(seed, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertNull(UpCommand.staleness(seeds, db, stamp, null));
        Files.setLastModifiedTime(seed, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertNotNull(UpCommand.staleness(seeds, db, stamp, null), "a newer seed");
        Files.setLastModifiedTime(seed, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path added = seeds.resolve("b.txt");
        Files.writeString(added, "x");
        Files.setLastModifiedTime(added, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertEquals("the set of seed files changed", UpCommand.staleness(seeds, db, stamp, null));
    }

    @Test void upWithoutSeedsIsOneLine() {
        // run from the test's working directory (the worktree) only if it has no seeds/: skip otherwise
        if (Files.isDirectory(Path.of("seeds"))) return;
        CliRun r = CliRun.run("up");
        MainTest.assertOneErrorLine(r);
    }
}
