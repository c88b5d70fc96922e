package org.scokg.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job in local mode on about twenty documents (the seeds and some of the development set,
 * one in a subdirectory) and a few bad inputs, against {@code scokg extract} on the same
 * directory, run from the product jar.
 */
class SparkExtractTest {
    @TempDir static Path tmp;
    static Path corpus;
    static Run first;

    record Run(int code, String err, SparkExtract job) {}

    static Run spark(String... args) {
        SparkExtract job = new SparkExtract();
        StringWriter err = new StringWriter();
        CommandLine cl = SparkExtract.commandLine(job);
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, err.toString(), job);
    }

    @BeforeAll static void corpusAndAFirstRun() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (Stream<Path> s = Files.list(Path.of("../seeds"))) {
            for (Path p : s.toList()) Files.copy(p, corpus.resolve(p.getFileName()));
        }
        List<Path> dev;
        try (Stream<Path> s = Files.list(Path.of("../src/test/resources/dev"))) {
            dev = s.sorted().limit(14).toList();
        }
        Path sub = Files.createDirectories(corpus.resolve("dev"));
        for (Path p : dev) Files.copy(p, sub.resolve(p.getFileName()));
        Files.writeString(corpus.resolve("empty.txt"), "\n");                       // skipped
        Files.write(corpus.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0});  // failed
        Files.writeString(corpus.resolve(".hidden.txt"), "上海合作组织成员国元首理事会会议");  // not taken
        Files.writeString(corpus.resolve("notes.pdf"), "上海合作组织成员国元首理事会会议");    // not taken
        first = spark("--master", "local[2]", "--partitions", "4", "--out", tmp.resolve("out").toString(), corpus.toString());
    }

    @Test void thePartitionsHoldWhatExtractPrintsQuadForQuad() throws Exception {
        assertEquals(0, first.code(), first.err());
        Path nq = tmp.resolve("extract.nq");
        Product.scokg("extract", "--format", "nq", "--out", nq.toString(), corpus.toString());
        List<String> expected = Product.sortedLines(nq);
        List<String> actual = Product.sortedLines(tmp.resolve("out"));
        assertEquals(expected.size(), actual.size());
        assertEquals(expected, actual);
        SparkExtract.Summary s = first.job().summary;
        assertEquals(List.of(19L, 1L, 1L, (long) expected.size(), 4L), List.of(s.processed(), s.skipped(), s.failed(), s.quads(), (long) s.partitions()));
        assertTrue(first.err().contains("spark-extract: 19 document(s), 1 skipped, 1 failed; " + expected.size() + " quads in 4 partition(s)"), first.err());
        assertTrue(first.err().contains(corpus.resolve("binary.txt") + ": looks like a binary file, not text"), first.err());
    }

    @Test void gzippedPartitionsNamedPartNqGzWithSuccessAndEachDocumentInOne() throws Exception {
        assertEquals(0, first.code(), first.err());
        Path out = tmp.resolve("out");
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        List<Path> parts = Product.parts(out);
        assertEquals(4, parts.size());
        Map<String, String> partOfGraph = new HashMap<>();
        for (Path p : parts) {
            assertTrue(p.getFileName().toString().matches("part-0000[0-3]\\.nq\\.gz"), p.toString());
            List<String> lines = Product.lines(p);
            assertFalse(lines.isEmpty(), p + " is empty");
            for (String line : lines) {
                String graph = line.substring(line.lastIndexOf(" <") + 1, line.length() - 2);
                String before = partOfGraph.putIfAbsent(graph, p.getFileName().toString());
                assertTrue(before == null || before.equals(p.getFileName().toString()), graph + " in " + before + " and " + p);
            }
        }
        assertEquals(19, partOfGraph.size());
    }

    @Test void aRerunWritesTheSamePartitions() throws Exception {
        assertEquals(0, first.code(), first.err());
        Run again = spark("--master", "local[1]", "--partitions", "4", "--out", tmp.resolve("again").toString(), corpus.toString());
        assertEquals(0, again.code(), again.err());
        List<Path> a = Product.parts(tmp.resolve("out")), b = Product.parts(tmp.resolve("again"));
        assertEquals(a.stream().map(Path::getFileName).toList(), b.stream().map(Path::getFileName).toList());
        for (int i = 0; i < a.size(); i++) assertEquals(Product.lines(a.get(i)), Product.lines(b.get(i)), a.get(i).getFileName().toString());
    }

    @Test void anExistingOutputIsRefusedAndNothingUsableRemovesTheOutput() throws Exception {
        assertEquals(0, first.code(), first.err());
        Run exists = spark("--master", "local[1]", "--out", tmp.resolve("out").toString(), corpus.toString());
        assertEquals(1, exists.code());
        assertEquals("scokg: error: " + tmp.resolve("out") + " already exists; give a new directory to --out\n", exists.err());

        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("empty.txt"), "");
        Path out = tmp.resolve("bad-out");
        Run nothing = spark("--master", "local[1]", "--out", out.toString(), bad.toString(), tmp.resolve("missing").toString());
        assertEquals(1, nothing.code(), nothing.err());
        assertTrue(nothing.err().endsWith("scokg: error: nothing extracted: 1 input(s) failed, 1 skipped; " + out + " removed\n"), nothing.err());
        assertTrue(nothing.err().contains("failed: " + tmp.resolve("missing") + ": no such file or directory"), nothing.err());
        assertFalse(Files.exists(out));

        Run usage = spark("--master", "local[1]", "--out", out.toString(), "--max-size", "lots", bad.toString());
        assertEquals(1, usage.code());
        assertEquals("scokg: error: not a size: 'lots' (use e.g. 64M, 500k or a number of bytes)\n", usage.err());
        Run noInput = spark("--out", out.toString());
        assertEquals(2, noInput.code());
        assertTrue(noInput.err().startsWith("scokg: error: Missing required parameter: 'INPUT'"), noInput.err());
        List<String> lines = new ArrayList<>(noInput.err().lines().toList());
        assertEquals(1, lines.size(), noInput.err());
    }
}
