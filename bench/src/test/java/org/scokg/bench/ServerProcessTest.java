package org.scokg.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child processes: a server is ready at its ping, and nothing it started outlives {@link ServerProcess#close}. */
class ServerProcessTest {
    @TempDir Path tmp;

    static final Duration READY = Duration.ofSeconds(30);

    @Test void aServerIsReadyAtItsPingAndStoppedWithWhatItStarted() throws Exception {
        int port = ServerProcess.freePort();
        ProcessHandle server;
        List<ProcessHandle> started;
        try (ServerProcess s = ServerProcess.start(Child.main(PingServer.class, Integer.toString(port), "500", "child"), port,
                tmp.resolve("ping.log"), READY)) {
            server = s.handle();
            assertEquals("pong", new String(LoadClient.get(s.base().resolve("/$/ping"))));
            // The server's own child (sleep) has been started before it listens.
            started = server.descendants().toList();
            assertEquals(1, started.size(), "the stand-in started one process: " + started);
            assertTrue(started.get(0).isAlive());
        }
        assertFalse(server.isAlive(), "the server is stopped");
        assertFalse(started.get(0).isAlive(), "and the process it started too");
    }

    @Test void aServerThatExitsIsReportedWithItsLog() throws Exception {
        int port = ServerProcess.freePort();
        Path log = tmp.resolve("exits.log");
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
            ServerProcess.start(List.of(Child.java(), "-version"), port, log, READY));
        assertTrue(e.getMessage().startsWith("the server exited (0)"), e.getMessage());
        assertTrue(e.getMessage().contains(log.toString()), e.getMessage());
        assertTrue(Files.readString(log).contains("version"), "its output is in the log");
    }

    @Test void aServerThatNeverAnswersIsStopped() throws Exception {
        int port = ServerProcess.freePort();
        List<String> cmd = Child.main(PingServer.class, Integer.toString(port), "600000");
        long before = ProcessHandle.current().children().count();
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
            ServerProcess.start(cmd, port, tmp.resolve("silent.log"), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().startsWith("no answer to /$/ping within 2 s"), e.getMessage());
        assertEquals(before, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "no process left behind");
    }

    @Test void aCommandIsTimedAndAFailureQuotesItsLastLine() throws Exception {
        Path log = tmp.resolve("logs/true.log");
        long ns = Child.run(List.of(Child.java(), "-version"), log);
        assertTrue(ns > 0);
        assertTrue(Files.readString(log).contains("version"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
            Child.run(List.of(Child.java(), "-cp", "nowhere", "NoSuchMain"), tmp.resolve("logs/fails.log")));
        assertTrue(e.getMessage().startsWith("exit 1 of "), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchMain"), e.getMessage());
    }
}
