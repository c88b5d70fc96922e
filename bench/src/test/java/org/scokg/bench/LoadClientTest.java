package org.scokg.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bench's client against a small HTTP server that counts requests and the connections they came on. */
class LoadClientTest {
    static final int BODY = 50_000;

    HttpServer server;
    ExecutorService threads;
    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    final AtomicInteger pings = new AtomicInteger(), answers = new AtomicInteger();

    @BeforeEach void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = Executors.newFixedThreadPool(16);
        server.setExecutor(threads);
        server.createContext("/", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            String path = ex.getRequestURI().getPath();
            if (path.equals("/$/ping")) pings.incrementAndGet();
            else if (!path.equals("/missing")) answers.incrementAndGet();
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = path.equals("/missing") ? "no such page".getBytes() : new byte[BODY];
            ex.sendResponseHeaders(path.equals("/missing") ? 404 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test void everyRequestIsTimedAndTheClientsKeepTheirConnections() throws Exception {
        List<URI> uris = List.of(uri("/a"), uri("/b"), uri("/c"));
        LoadClient.Latencies l = LoadClient.latencies(uris, 16, 200);
        long[] ns = l.ns();
        assertEquals(200, ns.length);
        assertEquals(0, l.failed());
        for (long t : ns) assertTrue(t > 0, "every request is timed");
        assertEquals(200, answers.get());
        assertEquals(16, pings.get(), "each client pings once before the measured requests");
        // With the JDK's default of 5 idle connections, 11 of the 16 opened by the pings are
        // closed while the clients wait to start, and measured requests open new ones.
        assertTrue(clientPorts.size() <= 16, clientPorts.size() + " connections for 16 clients");
    }

    @Test void nClientsUseAtMostNConnections() throws Exception {
        LoadClient.Latencies l = LoadClient.latencies(List.of(uri("/a"), uri("/b")), 4, 400);
        assertEquals(400, l.ns().length);
        assertEquals(400, answers.get());
        assertTrue(clientPorts.size() <= 4, clientPorts.size() + " connections for 4 clients");
    }

    @Test void noRequestIsSentOnceTheBudgetIsSpent() throws Exception {
        // 1,000 requests of 100 ms on 2 clients would take 50 s; the budget stops them after 0.3 s.
        LoadClient.Latencies l = LoadClient.latencies(List.of(uri("/slow")), 2, 1000, java.time.Duration.ofMillis(300));
        assertTrue(l.ns().length >= 2 && l.ns().length < 100, l.ns().length + " answered");
        assertEquals(0, l.failed(), "the requests in flight finish and count");
        assertEquals(l.ns().length, answers.get(), "no request was sent that is not measured");
    }

    @Test void percentilesAreNearestRank() {
        long[] ns = new long[100];
        for (int i = 0; i < 100; i++) ns[i] = (100 - i) * 1_000_000L;
        assertEquals(50.0, LoadClient.millis(ns, 0.50));
        assertEquals(99.0, LoadClient.millis(ns, 0.99));
        assertEquals(100.0, LoadClient.millis(ns, 1.0));
        assertTrue(Double.isNaN(LoadClient.millis(new long[0], 0.5)), "no answered request: no figure");
    }

    @Test void fewerRequestsThanClientsStillTimeOnePerClient() throws Exception {
        assertEquals(4, LoadClient.latencies(List.of(uri("/a")), 4, 1).ns().length);
        assertEquals(4, answers.get());
    }

    @Test void failedRequestsAreCountedAndTheOthersTimed() throws Exception {
        LoadClient.Latencies l = LoadClient.latencies(List.of(uri("/a"), uri("/missing")), 4, 100);
        assertEquals(50, l.failed());
        assertEquals(50, l.ns().length);
        assertEquals("/missing: HTTP 404", l.firstFailure());
        for (long t : l.ns()) assertTrue(t > 0);
    }

    @Test void anAnswerOtherThan200NamesThePathAndTheStatus() {
        assertEquals(BODY, LoadClient.get(uri("/a")).length);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LoadClient.get(uri("/missing")));
        assertEquals("/missing: HTTP 404", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LoadClient.latencies(List.of(), 4, 10));
    }
}
