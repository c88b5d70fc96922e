package org.scokg.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A server in a child process, driven over HTTP from the bench's JVM: started by a command
 * that serves on a given port of 127.0.0.1, ready when {@code /$/ping} answers 200, stopped
 * (with anything it started) by {@link #close}. A shutdown hook stops it too if the bench is
 * interrupted, so no server is left behind.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final URI base;
    private final Path log;
    private final Thread hook;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port + "/");
        this.log = log;
        this.hook = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "stop-server-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** {@code java [JAVA_OPTS] -jar JAR serve --db DB --port PORT [OPTIONS]}: the product's server. */
    static List<String> scokgServe(Path jar, Path db, int port, List<String> javaOptions, List<String> options) {
        List<String> cmd = new ArrayList<>(List.of(Child.java()));
        cmd.addAll(javaOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "serve", "--db", db.toString(), "--port", Integer.toString(port)));
        cmd.addAll(options);
        return cmd;
    }

    /** A port nobody listens on now (the server binds it a moment later: good enough on loopback). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts {@code cmd}, which serves on {@code port}, with its output in {@code log}, and waits
     * until {@code /$/ping} answers 200. If it exits first or is not ready within {@code ready},
     * it is stopped and an {@link IllegalStateException} says so.
     */
    static ServerProcess start(List<String> cmd, int port, Path log, Duration ready) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess s = new ServerProcess(p, port, log);
        URI ping = s.base.resolve("/$/ping");
        long deadline = System.nanoTime() + ready.toNanos();
        while (true) {
            try {
                LoadClient.fetch(ping, Duration.ofSeconds(1), Duration.ofSeconds(5));
                return s;
            } catch (IOException notYet) {
                // not listening or not answering yet
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String why = p.isAlive() ? "no answer to /$/ping within " + ready.toSeconds() + " s" : "the server exited (" + p.exitValue() + ")";
                s.close();
                throw new IllegalStateException(why + " (see " + log + ")");
            }
            Thread.sleep(100);
        }
    }

    /** Its base, {@code http://127.0.0.1:PORT/}. */
    URI base() {
        return base;
    }

    Path log() {
        return log;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Waits until the server is idle: its CPU time grows by less than {@code busy} over a
     * {@code window}, at most {@code max}. A server may go on working after it answers its
     * ping (opening the store, computing answers ahead); measured then, its first cells would
     * share the cores with that work. Returns the seconds waited.
     */
    double awaitIdle(Duration window, Duration busy, Duration max) throws InterruptedException {
        long t0 = System.nanoTime();
        Duration last = cpu();
        while (System.nanoTime() - t0 < max.toNanos() && process.isAlive()) {
            Thread.sleep(window.toMillis());
            Duration now = cpu();
            if (now.minus(last).compareTo(busy) < 0) break;
            last = now;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Child.stop(process, Duration.ofSeconds(30));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
