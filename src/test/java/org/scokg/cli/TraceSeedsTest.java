package org.scokg.cli;

import static org.scokg.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `scokg trace` on the seeds, with the real canned queries: the road-transport agreement. */
class TraceSeedsTest {
    @TempDir
    static Path dir;
    static Path db;



    @BeforeAll
    static void build() {
        db = dir.resolve("tdb2");
        CliRun r = run("build", "--db", db.toString(), "seeds");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void timelineWithSigningFactsAndEveryCitingYear() {
        for (String spelling : List.of("上合组织成员国政府间国际道路运输便利化协定", "國際道路運輸便利化協議", "国际道路 运输便利化")) {
            CliRun r = run("trace", spelling, "--db", db.toString());
            assertEquals(0, r.code(), r.err());
            List<String> lines = r.out().lines().toList();
            assertTrue(lines.get(0).startsWith("《上合组织成员国政府间国际道路运输便利化协定》"), lines.get(0));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  signed 2014-09-12 杜尚别")), r.out());
            assertTrue(lines.stream().anyMatch(l -> l.equals("  ! the citations disagree on the act (adopted, signed)")), r.out());
            List<String> years = lines.stream().filter(l -> l.matches("[12][0-9]{3}-.*")).map(l -> l.substring(0, 4)).toList();
            assertEquals(List.of("2020", "2021", "2022", "2023", "2025"), years, r.out());
        }
    }

    @Test
    void aTitleNobodyCitedIsOneLineAndExitOne() {
        CliRun r = run("trace", "不存在的协定", "--db", db.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("scokg: error: no document"), r.err());
    }
}
