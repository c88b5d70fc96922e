package org.scokg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bench's HTTP client: blocking GETs on kept-alive connections ({@link HttpURLConnection}),
 * and the latencies of many of them sent by concurrent clients.
 *
 * <p>Why this client and not {@code java.net.http.HttpClient}: the bench's clients run in the
 * server's JVM, on the same two cores, so whatever the client spends is taken from the server.
 * On the seeds' cached answers (up to 320 KB), whose hits cost the server 0.2–0.4 ms,
 * {@code HttpClient} (its selector thread, flow control and buffer copies) measured 2–3× the
 * median latency of this client and up to twice its p99 at 16 clients (BENCHMARKS.md, "The
 * bench's client, and warmed cells"). The trade-off: one thread per client and no HTTP/2, which is all
 * a latency cell needs.
 */
final class LoadClient {
    /** Idle connections kept per server: more than the 16 clients of the largest cell. */
    static final int KEEP_ALIVE = 64;

    static {
        // The JDK keeps 5 idle connections per server by default: with 16 clients, connections
        // would be closed and opened again during the cell. Read once, at the first kept connection.
        if (System.getProperty("http.maxConnections") == null)
            System.setProperty("http.maxConnections", Integer.toString(KEEP_ALIVE));
    }

    private static final String ACCEPT = "application/sparql-results+json";
    /** Big-store answers at 16 clients may take minutes. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);

    private LoadClient() {}

    /**
     * The body of a 200 answer to a GET of {@code uri} (SPARQL JSON asked for); an
     * {@link IOException} for any other status, a refused connection or a timeout.
     */
    static byte[] fetch(URI uri, Duration connectTimeout, Duration readTimeout) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout((int) connectTimeout.toMillis());
        c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
        c.setRequestProperty("Accept", ACCEPT);
        int status = c.getResponseCode();
        if (status != 200) {
            // Read the error body so that the connection can be kept for the next request.
            try (InputStream err = c.getErrorStream()) {
                if (err != null) err.readAllBytes();
            }
            throw new IOException("HTTP " + status);
        }
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The bytes of the answer to {@code uri}; an {@link IllegalStateException} naming the path when it is not a 200. */
    static long get(URI uri) {
        try {
            return fetch(uri, Duration.ofSeconds(5), REQUEST_TIMEOUT).length;
        } catch (IOException e) {
            throw new IllegalStateException(uri.getPath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The latencies of a cell: {@code ns} of the requests that were answered, in the order sent;
     * {@code failed} requests that were not (an error status, a closed connection), and the
     * first one's message.
     */
    record Latencies(long[] ns, int failed, String firstFailure) {}

    /**
     * {@code requests} GETs (at least one per client) by {@code clients} concurrent clients,
     * round-robin over {@code uris}. Each client first opens its connection with an unmeasured
     * ping of the server, and all start together: what is measured is requests on open
     * connections, not 16 connections and threads being set up. A request that fails is counted
     * and the client goes on: one failure in a cell of a long bench is a figure to report, not
     * a reason to lose the others.
     */
    static Latencies latencies(List<URI> uris, int clients, int requests) throws Exception {
        if (uris.isEmpty() || clients < 1) throw new IllegalArgumentException("no URIs or no clients");
        int n = Math.max(clients, requests);
        long[] lat = new long[n];
        AtomicInteger next = new AtomicInteger(), failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        URI ping = uris.get(0).resolve("/$/ping");
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++)
                fs.add(pool.submit(() -> {
                    get(ping);
                    start.await();
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        long t0 = System.nanoTime();
                        try {
                            get(uris.get(i % uris.size()));
                            lat[i] = System.nanoTime() - t0;
                        } catch (IllegalStateException e) {
                            lat[i] = -1;
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e.getMessage());
                        }
                    }
                    return null;
                }));
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
        return new Latencies(java.util.Arrays.stream(lat).filter(t -> t >= 0).toArray(), failed.get(), firstFailure.get());
    }
}
