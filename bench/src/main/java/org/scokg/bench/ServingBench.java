package org.scokg.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Query latency over HTTP: the server in a child process ({@code java -jar scokg.jar serve}),
 * the clients in the bench's JVM ({@link LoadClient}), at 1, 4 and 16 concurrent clients. Each
 * canned request is measured beside its baseline, the same query sent as plain SPARQL to
 * {@code /scokg/sparql} of the same server ({@link QueryFiles}). Only the documented HTTP
 * interface is used, so any server that answers it can be measured.
 */
final class ServingBench {
    static final int[] CLIENTS = {1, 4, 16};
    /** Rows per page in the paged cells. */
    static final int PAGE = 100;
    /** The queries whose pages are asked for at random offsets (issue 18). */
    static final List<String> PAGED = List.of("mentions", "documents", "attendees");
    /** Time for a server to answer its first ping. */
    static final Duration READY = Duration.ofMinutes(3);

    private final Report report;
    private final Path jar;
    private final Path out;
    private final QueryFiles queries;
    private final List<String> javaOptions, serverOptions;
    private final long seed;
    private final Duration budget;

    /**
     * {@code budget}: the longest a measured run of one cell goes on sending requests (its
     * unmeasured run before it: a quarter of that), so that a baseline whose requests take
     * seconds still ends; fewer requests are then measured, and the table says how many.
     */
    ServingBench(Report report, Path jar, Path out, QueryFiles queries, List<String> javaOptions, List<String> serverOptions,
                 long seed, Duration budget) {
        this.report = report;
        this.jar = jar;
        this.out = out;
        this.queries = queries;
        this.javaOptions = javaOptions;
        this.serverOptions = serverOptions;
        this.seed = seed;
        this.budget = budget;
    }

    /** A cell's figures: canned and plain latencies. */
    record Cell(int clients, LoadClient.Latencies canned, LoadClient.Latencies plain) {}

    /** The server of {@code db} in a child process, started, answering and idle. */
    ServerProcess serve(String label, Path db) throws Exception {
        int port = ServerProcess.freePort();
        Report.say("serving " + label + ": starting the server on port " + port);
        ServerProcess s = ServerProcess.start(ServerProcess.scokgServe(jar, db, port, javaOptions, serverOptions), port,
            out.resolve("logs").resolve("serve-" + label + ".log"), READY);
        double idle = s.awaitIdle(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMinutes(10));
        Report.say(String.format(java.util.Locale.ROOT, "serving %s: the server was idle %.0f s after its first ping", label, idle));
        return s;
    }

    /**
     * The whole answers of the queries that need no parameter, round-robin, {@code requests} per
     * cell; every cell run once unmeasured first (plans, caches, JIT: a few milliseconds a request
     * would otherwise measure the warm-up).
     */
    void wholeAnswers(String label, ServerProcess s, int requests) throws Exception {
        List<String> names = queries.wholeStore();
        List<Cell> cells = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        List<URI> canned = new ArrayList<>(), plain = new ArrayList<>();
        for (String n : names) {
            canned.add(QueryFiles.canned(s.base(), n, -1, 0));
            plain.add(QueryFiles.plain(s.base(), queries.plainText(n, -1, 0)));
            compare(n, canned.get(canned.size() - 1), plain.get(plain.size() - 1), differ);
        }
        for (int clients : CLIENTS) {
            Report.say("serving " + label + ": " + clients + " client(s)");
            cells.add(cell(clients, canned, plain, canned, plain, requests, requests));
        }
        report.row("");
        report.row("## Canned queries on the %s store: whole answers (ms; %d requests per cell, round-robin over %s;", label, requests, String.join(", ", names));
        report.row("target: canned p99 <= 25 ms at 16 clients)");
        table(cells, differ);
    }

    /**
     * Pages of {@value #PAGE} rows at seeded random offsets of {@link #PAGED} in turn, so that
     * hardly a page is asked twice; each cell after an unmeasured run of other random pages (a
     * fifth as many, at least one per client).
     */
    void randomPages(String label, ServerProcess s, int requests) throws Exception {
        List<Cell> cells = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> differ = new ArrayList<>();
        for (String n : PAGED) {
            rows.put(n, count(s.base(), n));
            long last = Math.max(0, rows.get(n) - PAGE / 2);
            compare(n + " (the page at " + last + ")", QueryFiles.canned(s.base(), n, PAGE, last),
                QueryFiles.plain(s.base(), queries.plainText(n, PAGE, last)), differ);
        }
        for (int clients : CLIENTS) {
            int warm = Math.max(clients, requests / 5);
            Report.say("serving " + label + ": random pages, " + clients + " client(s)");
            List<URI> canned = new ArrayList<>(), plain = new ArrayList<>(), warmCanned = new ArrayList<>(), warmPlain = new ArrayList<>();
            pages(s.base(), rows, requests, new Random(seed * 31 + clients), canned, plain);
            pages(s.base(), rows, warm, new Random(seed * 31 + clients + 1000), warmCanned, warmPlain);
            cells.add(cell(clients, canned, plain, warmCanned, warmPlain, warm, requests));
        }
        report.row("");
        report.row("## Canned queries on the %s store: pages of %d rows at random offsets (ms; %d requests per cell, round-robin over", label, PAGE, requests);
        StringBuilder sb = new StringBuilder();
        for (var e : rows.entrySet()) sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(" (").append(e.getValue()).append(" rows)");
        report.row("%s; target: canned p99 <= 250 ms at 16 clients)", sb);
        table(cells, differ);
    }

    /** {@code n} pages, each of the next query in turn at a random offset: the canned request and its plain twin. */
    private void pages(URI base, Map<String, Long> rows, int n, Random random, List<URI> canned, List<URI> plain) {
        List<String> names = new ArrayList<>(rows.keySet());
        for (int i = 0; i < n; i++) {
            String name = names.get(i % names.size());
            long offset = (long) (random.nextDouble() * Math.max(1, rows.get(name) - PAGE));
            canned.add(QueryFiles.canned(base, name, PAGE, offset));
            plain.add(QueryFiles.plain(base, queries.plainText(name, PAGE, offset)));
        }
    }

    /**
     * A baseline is only one if it asks the same: the canned answer and its plain twin must have
     * the same rows. Each differing pair is added to {@code differ} (and reported under the
     * table); a request that fails here fails in the cells too, and is counted there.
     */
    private static void compare(String what, URI canned, URI plain, List<String> differ) {
        try {
            List<Binding> c = rows(LoadClient.get(canned)), p = rows(LoadClient.get(plain));
            if (!c.equals(p)) differ.add(String.format(java.util.Locale.ROOT, "%s: %d rows canned, %d plain%s", what, c.size(), p.size(),
                c.size() == p.size() ? ", not the same" : ""));
        } catch (IllegalStateException e) {
            differ.add(what + ": " + e.getMessage());
        }
    }

    private static List<Binding> rows(byte[] json) {
        List<Binding> rows = new ArrayList<>();
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json), ResultSetLang.RS_JSON);
        while (rs.hasNext()) rows.add(rs.nextBinding());
        return rows;
    }

    /**
     * Rows of the whole answer of {@code name}: asked as plain SPARQL (COUNT of the query as a
     * subquery), or, when the server cannot answer that in time, found from canned pages of one
     * row (the first empty page, by doubling and then halving the offset).
     */
    private long count(URI base, String name) {
        try {
            byte[] json = LoadClient.get(QueryFiles.plain(base, queries.countText(name)));
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json), ResultSetLang.RS_JSON);
            return rs.next().getLiteral("n").getLong();
        } catch (RuntimeException e) {
            Report.say("serving: no count of " + name + " as plain SPARQL (" + e.getMessage() + "); from its pages instead");
        }
        long lo = 0, hi = 1;   // a row at lo (or lo = 0), none at hi
        while (hasRowAt(base, name, hi)) {
            lo = hi;
            hi *= 2;
        }
        while (hi - lo > 1) {
            long mid = (lo + hi) / 2;
            if (hasRowAt(base, name, mid)) lo = mid;
            else hi = mid;
        }
        return hasRowAt(base, name, 0) ? hi : 0;
    }

    private static boolean hasRowAt(URI base, String name, long offset) {
        return !rows(LoadClient.get(QueryFiles.canned(base, name, 1, offset))).isEmpty();
    }

    /** One cell: the canned requests, then the plain ones, each after an unmeasured run of {@code warmRequests} of its warm-up URIs. */
    private Cell cell(int clients, List<URI> canned, List<URI> plain, List<URI> warmCanned, List<URI> warmPlain,
                      int warmRequests, int requests) throws Exception {
        Duration warm = budget.dividedBy(4);
        LoadClient.latencies(warmCanned, clients, warmRequests, warm);
        LoadClient.Latencies c = LoadClient.latencies(canned, clients, requests, budget);
        LoadClient.latencies(warmPlain, clients, warmRequests, warm);
        LoadClient.Latencies p = LoadClient.latencies(plain, clients, requests, budget);
        return new Cell(clients, c, p);
    }

    private void table(List<Cell> cells, List<String> differ) throws java.io.IOException {
        report.row("%-8s %9s %9s %9s %9s %7s %7s %11s %9s", "clients", "canned50", "canned99", "plain50", "plain99", "r50", "r99",
            "answered", "failed");
        for (Cell c : cells) {
            double c50 = LoadClient.millis(c.canned().ns(), 0.50), c99 = LoadClient.millis(c.canned().ns(), 0.99);
            double p50 = LoadClient.millis(c.plain().ns(), 0.50), p99 = LoadClient.millis(c.plain().ns(), 0.99);
            report.row("%-8d %9.1f %9.1f %9.1f %9.1f %7.2f %7.2f %11s %9s", c.clients(), c50, c99, p50, p99, c50 / p50, c99 / p99,
                c.canned().ns().length + "/" + c.plain().ns().length, c.canned().failed() + "/" + c.plain().failed());
        }
        for (Cell c : cells)
            for (LoadClient.Latencies l : List.of(c.canned(), c.plain()))
                if (l.failed() > 0) report.row("(FAILED at %d clients: %d requests, the first: %s)", c.clients(), l.failed(), l.firstFailure());
        for (String d : differ) report.row("(the canned and plain answers differ: %s)", d);
        report.row("(r50, r99: canned / plain; answered: canned/plain requests answered 200, of which the figures are; failed: those that");
        report.row(" were not (an error status, such as the server's timeout, or no answer), left out of the figures; a cell stops sending");
        report.row(" after %d s)", budget.toSeconds());
    }
}
