package org.scokg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bench's HTTP client: blocking GETs on kept-alive connections ({@link HttpURLConnection}),
 * and the latencies of many of them sent by concurrent clients. It runs in the bench's JVM,
 * the server in a child process of its own.
 *
 * <p>Why this client and not {@code java.net.http.HttpClient}: the bench and the server share
 * the machine's cores, so whatever the client spends is taken from the server. On small
 * answers that cost the server well under a millisecond, {@code HttpClient} (its selector
 * thread, flow control and buffer copies) measured 2–3× the median latency of this client.
 * The trade-off: one thread per client and no HTTP/2, which is all a latency cell needs.
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
    /** A request that takes longer than this is a failure, so that a run always ends. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

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

    /** The answer to {@code uri}; an {@link IllegalStateException} naming the path when it is not a 200. */
    static byte[] get(URI uri) {
        try {
            return fetch(uri, Duration.ofSeconds(5), REQUEST_TIMEOUT);
        } catch (IOException e) {
            throw new IllegalStateException(uri.getPath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The latencies of a cell: {@code ns} of the requests that were answered, in the order sent;
     * {@code failed} requests that were not (an error status, a closed connection, a timeout),
     * and the first one's message. Requests not sent (the budget spent) are in neither.
     */
    record Latencies(long[] ns, int failed, String firstFailure) {}

    /** {@link #latencies(List, int, int, Duration)} with no time limit. */
    static Latencies latencies(List<URI> uris, int clients, int requests) throws Exception {
        return latencies(uris, clients, requests, null);
    }

    /**
     * {@code requests} GETs (at least one per client) by {@code clients} concurrent clients,
     * round-robin over {@code uris}; with a {@code budget}, no request is sent once it has
     * passed (those in flight finish), so that a cell of slow requests still ends: fewer are
     * then measured. Each client first opens its connection with an unmeasured ping of the
     * server, and all start together: what is measured is requests on open connections, not 16
     * connections and threads being set up. A request that fails is counted and the client goes
     * on: one failure in a cell is a figure to report, not a reason to lose the others.
     */
    static Latencies latencies(List<URI> uris, int clients, int requests, Duration budget) throws Exception {
        if (uris.isEmpty() || clients < 1) throw new IllegalArgumentException("no URIs or no clients");
        int n = Math.max(clients, requests);
        long[] lat = new long[n];
        Arrays.fill(lat, -1);
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
                    long deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < n) {
                        long t0 = System.nanoTime();
                        try {
                            get(uris.get(i % uris.size()));
                            lat[i] = System.nanoTime() - t0;
                        } catch (IllegalStateException e) {
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
        return new Latencies(Arrays.stream(lat).filter(t -> t >= 0).toArray(), failed.get(), firstFailure.get());
    }

    /** The {@code q}-quantile of {@code ns} in milliseconds, nearest rank (p50: 0.50, p99: 0.99). */
    static double millis(long[] ns, double q) {
        if (ns.length == 0) return Double.NaN;
        long[] s = ns.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }
}
