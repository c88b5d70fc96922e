package org.scokg.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The product's commands as users run them, {@code java -jar target/scokg.jar …}, and what the tests read of their output. */
final class Product {
    private Product() {}

    static final Path JAR = Path.of(System.getProperty("scokg.jar", "../target/scokg.jar")).toAbsolutePath();

    /** What a child process did. */
    record Run(int code, String out) {}

    /** {@code java -jar scokg.jar ARGS…}; fails the test unless it exits 0. */
    static String scokg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Run r = run(cmd, Path.of("."));
        assertEquals(0, r.code(), String.join(" ", cmd) + ":\n" + r.out());
        return r.out();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code cmd} in {@code dir}, both output streams together, at most 10 minutes. */
    static Run run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path log = Files.createTempFile("scokg-child", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("still running after 10 minutes: " + String.join(" ", cmd));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The lines of an N-Quads file, or of every {@code part-*} of a job's output (gunzipped), sorted. */
    static List<String> sortedLines(Path fileOrParts) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : Files.isDirectory(fileOrParts) ? parts(fileOrParts) : List.of(fileOrParts)) lines.addAll(lines(f));
        lines.sort(null);
        return lines;
    }

    /** The partitions of a job's output, by name. */
    static List<Path> parts(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    /** The lines of one file, gunzipped when its name ends in .gz. */
    static List<String> lines(Path f) throws IOException {
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }
}
