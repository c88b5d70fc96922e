package org.scokg.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.scokg.serve.ScokgServer;
import org.scokg.serve.ServerOptions;
import org.scokg.store.ScokgStore;
import org.scokg.text.InputWalker;
import org.scokg.text.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loadtest}: serves the store on 127.0.0.1 (a free port), runs canned queries from
 * concurrent HTTP clients while the store is rebuilt in the server's process, alternating
 * between two states (every input, and every input but the last file), and reports requests,
 * failures and latency. A request fails when it does not answer 200 or when its row count is
 * neither the old state's nor the new state's. Bounded in clients, requests and time; exits
 * non-zero when any request failed or the rebuilds did not all finish in time.
 */
@Command(modelTransformer = Main.CollectErrors.class, name = "loadtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Load test on loopback: concurrent clients run canned queries over HTTP while the store is rebuilt;",
                   "reports requests, failures, p50/p99 latency. Writes the store at --db (built from INPUT, default seeds/)."})
final class LoadTestCommand extends Base {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "The TDB2 store to build and serve (created if missing; its graphs are replaced).")
    Path db;

    @Option(names = "--clients", defaultValue = "16", paramLabel = "N", description = "Concurrent clients, 1..64 (default 16).")
    int clients;

    @Option(names = "--rebuilds", defaultValue = "10", paramLabel = "N", description = "Rebuilds while the clients run, 0..100 (default 10).")
    int rebuilds;

    @Option(names = "--seconds", defaultValue = "120", paramLabel = "S", description = "Time limit, 1..600 (default 120); stops earlier when the rebuilds are done.")
    int seconds;

    @Option(names = "--max-requests", defaultValue = "1000000", paramLabel = "N", description = "Stop after N requests (default 1000000).")
    long maxRequests;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Source files or directories (default seeds).")
    List<Path> inputs;

    static final String TITLE = "国际道路运输便利化协定";
    static final List<String> QUERIES = List.of("meetings", "attendees", "mentions", "documents", "presidency", "next-meeting",
        "agreement-trace?title=" + URLEncoder.encode(TITLE, StandardCharsets.UTF_8));

    @Override
    int run() throws Exception {
        if (clients < 1 || clients > 64) throw fail("--clients must be 1..64");
        if (rebuilds < 0 || rebuilds > 100) throw fail("--rebuilds must be 0..100");
        if (seconds < 1 || seconds > 600) throw fail("--seconds must be 1..600");
        if (maxRequests < 1) throw fail("--max-requests must be at least 1");
        List<Path> in = inputs == null || inputs.isEmpty() ? List.of(Path.of("seeds")) : inputs;
        InputWalker.Listing listing = InputWalker.walk(in);
        List<Path> all = listing.files();
        if (all.isEmpty()) throw fail("no input files in " + in);
        List<Path> fewer = all.size() > 1 ? all.subList(0, all.size() - 1) : all;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        SourceReader reader = new SourceReader();

        progress("building " + all.size() + " file(s) into " + db);
        try (ScokgStore store = ScokgStore.open(db)) {
            if (!store.build(all, reader, true, null).usable()) throw fail("nothing usable in " + in);
        }
        ServerOptions options = new ServerOptions(db, ServerOptions.DEFAULT_HOST, 0, 30_000);
        try (ScokgServer server = ScokgServer.start(options)) {
            String base = "http://127.0.0.1:" + server.port() + "/scokg/query/";
            HttpClient probe = HttpClient.newHttpClient();
            // The row counts each query may answer with: state A (every file), state B (all but the last).
            Map<String, Set<Long>> valid = new LinkedHashMap<>();
            for (String q : QUERIES) valid.put(q, new HashSet<>());
            for (List<Path> state : List.of(fewer, all)) {
                server.rebuild(state, reader, true, null);
                for (String q : QUERIES) valid.get(q).add(rows(probe, base + q).rows);
            }
            progress("serving at http://127.0.0.1:" + server.port() + "/; " + clients + " clients, " + rebuilds + " rebuilds");

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong requests = new AtomicLong(), failures = new AtomicLong();
            List<String> failureSamples = new ArrayList<>();
            List<long[]> latencies = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                final int id = c;
                long[][] mine = { new long[1024] };
                int[] n = {0};
                Thread t = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                    int i = id;
                    while (!stop.get() && System.nanoTime() < deadline && requests.incrementAndGet() <= maxRequests) {
                        String q = QUERIES.get(i++ % QUERIES.size());
                        long t0 = System.nanoTime();
                        Answer a = rows(http, base + q);
                        long dt = System.nanoTime() - t0;
                        if (n[0] == mine[0].length) mine[0] = Arrays.copyOf(mine[0], n[0] * 2);
                        mine[0][n[0]++] = dt;
                        if (a.status != 200 || !valid.get(q).contains(a.rows)) {
                            failures.incrementAndGet();
                            synchronized (failureSamples) {
                                if (failureSamples.size() < 5) failureSamples.add(q + ": " + a.status + " " + a.rows + " rows " + a.error);
                            }
                        }
                    }
                    synchronized (latencies) { latencies.add(Arrays.copyOf(mine[0], n[0])); }
                }, "loadtest-client-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            int done = 0;
            String rebuildError = null;
            for (int r = 0; r < rebuilds && System.nanoTime() < deadline; r++) {
                Thread.sleep(300);
                try {
                    server.rebuild(r % 2 == 0 ? fewer : all, reader, true, null);
                    done++;
                    progress("rebuild " + done + "/" + rebuilds + " done");
                } catch (Exception e) {
                    rebuildError = Main.message(e);
                    break;
                }
            }
            Thread.sleep(300);
            stop.set(true);
            for (Thread t : threads) t.join(60_000);
            double secondsTaken = (System.nanoTime() - started) / 1e9;
            if (done % 2 == 1) server.rebuild(all, reader, true, null);   // leave the store with every input

            long[] all_ = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long total = all_.length;
            out().printf("requests: %d in %.1f s (%.0f/s) from %d clients%n", total, secondsTaken, total / secondsTaken, clients);
            out().printf("failures: %d%n", failures.get());
            out().printf("latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(all_, 0.50), pct(all_, 0.99), total == 0 ? 0 : all_[all_.length - 1] / 1e6);
            out().printf("rebuilds: %d of %d%n", done, rebuilds);
            for (String f : failureSamples) out().println("  failed: " + f);
            out().flush();
            if (rebuildError != null) throw fail("a rebuild failed: " + rebuildError);
            if (failures.get() > 0) throw fail(failures.get() + " request(s) failed");
            if (done < rebuilds) throw fail("only " + done + " of " + rebuilds + " rebuilds finished within " + seconds + " s");
        }
        return 0;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    record Answer(int status, long rows, String error) {}

    /** GETs a canned query as CSV: the status and the number of rows. */
    static Answer rows(HttpClient http, String url) {
        try {
            String sep = url.contains("?") ? "&" : "?";
            HttpRequest req = HttpRequest.newBuilder(URI.create(url + sep + "format=csv")).timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long lines = r.body().lines().filter(l -> !l.isEmpty()).count();
            return new Answer(r.statusCode(), Math.max(0, lines - 1), r.statusCode() == 200 ? "" : Main.oneLine(r.body()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return new Answer(-1, -1, Main.message(e));
        }
    }
}
