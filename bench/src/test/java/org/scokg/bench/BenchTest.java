package org.scokg.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bench end to end on tiny inputs, against the product jar ({@code -Dscokg.jar}, set by the
 * pom): what it writes, not how fast anything is.
 */
class BenchTest {
    @TempDir Path tmp;

    static final Path JAR = Path.of(System.getProperty("scokg.jar", "../target/scokg.jar"));

    record Run(int code, String out, List<String> table) {}

    Run bench(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--jar", JAR.toString(), "--seeds", "../seeds", "--queries", "../queries",
            "--out", tmp.resolve("out").toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new Bench()).execute(all.toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        Path file = tmp.resolve("out/bench-results.txt");
        return new Run(code, buf.toString(StandardCharsets.UTF_8), Files.exists(file) ? Files.readAllLines(file) : List.of());
    }

    /** The rows of the table under the heading that starts with {@code heading}: up to the next blank line. */
    static List<String> section(List<String> table, String heading) {
        int i = 0;
        while (i < table.size() && !table.get(i).startsWith(heading)) i++;
        assertTrue(i < table.size(), "no section " + heading + " in\n" + String.join("\n", table));
        List<String> rows = new ArrayList<>();
        for (i++; i < table.size() && !table.get(i).isBlank(); i++) rows.add(table.get(i));
        return rows;
    }

    /** Both serving tables on one server of the seeds store (the bench runs the pages on its largest corpus). */
    @Test void servingMeasuresEveryCellAgainstTheRealServerAndLeavesNoProcess() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the product jar is built first (mvn package at the root): " + JAR);
        Path db = tmp.resolve("db-seeds");
        Bench.build(JAR, Path.of("../seeds"), db, tmp.resolve("build.log"));
        Report report = new Report(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), tmp.resolve("results.txt"));
        ServingBench serving = new ServingBench(report, JAR, tmp, new QueryFiles(Path.of("../queries")), List.of(), List.of(), 6,
            java.time.Duration.ofSeconds(60));
        try (ServerProcess s = serving.serve("seeds", db)) {
            serving.wholeAnswers("seeds", s, 12);
            serving.randomPages("seeds", s, 6);
        }
        List<String> table = Files.readAllLines(tmp.resolve("results.txt"));
        assertEquals(report.lines(), table, "the file is the table");
        for (String heading : List.of("## Canned queries on the seeds store: whole answers", "## Canned queries on the seeds store: pages of 100 rows")) {
            List<String> rows = section(table, heading).stream().filter(l -> l.matches("(1|4|16) .*")).toList();
            assertEquals(3, rows.size(), heading + ": " + rows);
            for (String row : rows) assertTrue(row.endsWith(" 0/0"), "no request failed: " + row);
        }
        assertTrue(table.stream().noneMatch(l -> l.contains("differ")), "canned and plain answers agree:\n" + String.join("\n", table));
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "no server left behind");
    }

    @Test void extractionIsARatioToHanLPPerCorpus() throws Exception {
        Run r = bench("--only", "extraction", "--sizes", "0.05", "--warm-up", "0", "--passes", "1");
        assertEquals(0, r.code(), r.out());
        List<String> rows = section(r.table(), "## Extraction");
        assertTrue(rows.get(1).startsWith("seeds "), rows.toString());
        assertTrue(rows.get(2).startsWith("0.05MB "), rows.toString());
        for (String row : rows.subList(1, 3)) {
            String[] cols = row.trim().split(" +");
            assertTrue(Double.parseDouble(cols[cols.length - 1]) > 0, row);
        }
    }

    @Test void jenaLoadsAFileInAChild() throws Exception {
        Path nq = tmp.resolve("a.nq");
        Files.writeString(nq, "<http://e/s> <http://e/p> \"o\" <http://e/g> .\n<http://e/s> <http://e/p> \"p\" <http://e/g> .\n");
        Path log = tmp.resolve("load.log");
        Child.run(Child.main(JenaLoad.class, "phased", tmp.resolve("db").toString(), nq.toString()), log);
        assertTrue(Files.readString(log).contains("loaded 2 quads"), Files.readString(log));
    }

    @Test void badOptionsAreOneLineErrors() throws Exception {
        assertEquals(2, bench("--only", "everything").code());
        assertEquals(2, bench("--sizes", "0").code());
        assertEquals(2, bench("--jar", tmp.resolve("none.jar").toString()).code());
    }
}
