package org.scokg.bench;

import static org.scokg.cli.CliRun.run;
import org.scokg.cli.CliRun;
import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.cli.Main;
import picocli.CommandLine;

/** The bench runs on a tiny corpus and prints its table; no timing is asserted. */
class BenchCommandTest {
    @TempDir Path dir;



    @Test void runsOnATinySizeAndPrintsItsTable() throws Exception {
        CliRun r = run("bench", "--sizes", "0.05", "--out", dir.toString(), "--seeds", "seeds",
            "--requests", "4", "--no-fork", "--no-up", "--seed", "3", "--warm-up", "0");
        assertEquals(0, r.code(), r.err());
        for (String heading : new String[] {"## extraction", "## peak heap", "## loading", "## canned-query latency"})
            assertTrue(r.out().contains(heading), heading + " in\n" + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("0.05MB")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("seeds ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("(warm-up before the passes: ")), r.out());
        assertTrue(Files.readString(dir.resolve("bench-results.txt")).contains("## loading"));
    }

    @Test void onlyExtractionPrintsTheExtractionTableAndNothingElse() {
        CliRun r = run("bench", "--sizes", "0.05", "--out", dir.toString(), "--seeds", "seeds", "--only", "extraction",
            "--seed", "3", "--warm-up", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("## extraction"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("0.05MB")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("(warm-up before the passes: ")), r.out());
        for (String heading : new String[] {"## peak heap", "## loading", "## canned-query latency"})
            assertFalse(r.out().contains(heading), heading + " in\n" + r.out());
    }

    @Test void extractionGoesAloneInOnly() {
        CliRun r = run("bench", "--only", "extraction,queries", "--out", dir.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--only takes: queries, loading, loading,queries, or extraction"), r.err());
    }

    @Test void refusesABadWarmUp() {
        CliRun r = run("bench", "--warm-up", "-1", "--out", dir.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--warm-up must be 0..600 seconds"), r.err());
    }

    @Test void refusesABadSize() {
        CliRun r = run("bench", "--sizes", "-1", "--out", dir.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("scokg: error: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
