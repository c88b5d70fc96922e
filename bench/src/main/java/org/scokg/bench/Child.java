package org.scokg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs: the product's commands run as users run them ({@code java -jar scokg.jar …}),
 * and Jena's loader beside them, each in a process of its own, so that a figure includes
 * what a user waits for (start-up too) and no process measures in another's heap.
 */
final class Child {
    /** A command that runs longer than this is stopped and reported as failed, so that a run always ends. */
    static final Duration LIMIT = Duration.ofMinutes(60);

    private Child() {}

    /** The {@code java} of the JVM running the bench: children run on the same Java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -jar JAR ARGS…}: a command of the product. */
    static List<String> scokg(Path jar, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code java -cp CLASSPATH MAIN ARGS…} on the bench's own class path (the bench and the product jar). */
    static List<String> main(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Runs {@code cmd} with its output (both streams) in {@code log}; returns its wall time in
     * nanoseconds, from the start of the process to its exit. A non-zero exit or a run past
     * {@link #LIMIT} is an {@link IllegalStateException} that quotes the log's last line.
     */
    static long run(List<String> cmd, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
                throw new IllegalStateException("still running after " + LIMIT.toMinutes() + " min: " + String.join(" ", cmd));
            long t = System.nanoTime() - t0;
            if (p.exitValue() != 0)
                throw new IllegalStateException("exit " + p.exitValue() + " of " + String.join(" ", cmd) + ": " + lastLine(log) + " (see " + log + ")");
            return t;
        } finally {
            stop(p, Duration.ofSeconds(10));
        }
    }

    /** Stops {@code p} and anything it started: politely first (SIGTERM), then forcibly after {@code grace}. */
    static void stop(Process p, Duration grace) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        for (ProcessHandle h : all) h.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // still running: forced below
            }
            if (h.isAlive()) h.destroyForcibly();
        }
        p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) if (!lines.get(i).isBlank()) return lines.get(i).strip();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
        return "(no output)";
    }
}
