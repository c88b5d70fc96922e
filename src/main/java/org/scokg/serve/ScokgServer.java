package org.scokg.serve;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.scokg.store.ScokgStore;
import org.scokg.store.StoreException;
import org.scokg.text.SourceReader;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.DataValidator;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.LangTagValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.scokg.model.Iris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Fuseki server over a scokg store (see CONTRACT.md: HTTP).
 * <ul>
 * <li>{@code /scokg/sparql}: read-only SPARQL 1.1 query endpoint over the union of all graphs</li>
 * <li>{@code /scokg/query/NAME}: canned queries; {@code /scokg/query/} lists them</li>
 * <li>resource IRIs at their own paths ({@code /scokg/id/...}, {@code /scokg/ontology}): linked data</li>
 * <li>{@code /}: the page for people; {@code /index.html}: the Fuseki UI; {@code /$/ping}: health</li>
 * </ul>
 */
public final class ScokgServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScokgServer.class);
    /** The dataset's path. */
    public static final String DATASET = "/scokg";
    /** The query endpoint's name under the dataset. */
    public static final String SPARQL = "sparql";

    /** The SPARQL Update endpoint's name (only with {@link ServerOptions#allowUpdate()}). */
    public static final String UPDATE = "update";
    /** The Graph Store Protocol endpoint's name (read-write only with {@link ServerOptions#allowUpdate()}). */
    public static final String DATA = "data";

    private final FusekiServer fuseki;
    private final Dataset dataset;
    private final ServerOptions options;
    private volatile boolean closed;
    private volatile Thread watcher;
    private final CannedQueryHandler canned;
    /** A warm-up runs; asked again while it runs; the data version its last round began with. */
    private final AtomicBoolean warming = new AtomicBoolean();
    private volatile boolean warmAgain;
    /** The thread of the latest warm-up (one at a time), for {@link #close} to wait for. */
    private volatile Thread warmer;
    private volatile long warmedVersion = Long.MIN_VALUE;

    private ScokgServer(FusekiServer fuseki, Dataset dataset, ServerOptions options, CannedQueryHandler canned) {
        this.fuseki = fuseki;
        this.dataset = dataset;
        this.options = options;
        this.canned = canned;
    }

    /**
     * Starts serving; returns once the server answers.
     *
     * @throws IllegalArgumentException when the store cannot be opened
     * @throws IllegalStateException when the server cannot start (e.g. the port is taken)
     */
    public static ScokgServer start(ServerOptions options) {
        Objects.requireNonNull(options, "options");
        if (java.nio.file.Files.exists(options.db()) && !java.nio.file.Files.isDirectory(options.db()))
            throw new IllegalArgumentException("not a store directory: " + options.db());
        if (options.allowUpdate() && !java.nio.file.Files.isReadable(options.passwordFile()))
            throw new IllegalArgumentException("cannot read the password file " + options.passwordFile());
        Dataset dataset;
        try {
            dataset = TDB2Factory.connectDataset(options.db().toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(org.scokg.store.ScokgStore.openFailure(options.db(), e), e);
        }
        DatasetGraph dsg = dataset.asDatasetGraph();
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(options.queryTimeoutMillis()));

        QueryCatalog catalog = QueryCatalog.of(options.queries());
        catalog.problems().forEach(p -> LOG.warn(p));
        LinkedData linkedData = new LinkedData(dataset, Iris.base());
        ResultCache cache = null;
        if (options.cacheBytes() > 0) {
            cache = new ResultCache(dsg, ServerOptions.CACHE_ENTRIES, options.cacheBytes());
            if (!cache.versioned() && options.allowUpdate()) {
                // Without a data version, updates through Fuseki would not invalidate it.
                LOG.warn("no TDB2 data version: the canned-query cache is off because updates are allowed");
                cache = null;
            }
        }
        CannedQueryHandler canned = new CannedQueryHandler(dataset, catalog, options.queryTimeoutMillis(), options.maxRows(), cache,
            options.concurrentPages(), options.materialise());
        ScokgFilter filter = new ScokgFilter(
            new LandingPage(dataset, catalog, options.queryTimeoutMillis(), linkedData),
            canned,
            linkedData);

        // By default only a query endpoint: no update, no graph store protocol, no upload.
        // With allowUpdate, update and read-write GSP for authenticated users only (HTTP Basic).
        DataService.Builder service = DataService.newBuilder(dsg).addEndpoint(Operation.Query, SPARQL);
        if (options.allowUpdate())
            service.addEndpoint(Operation.Update, UPDATE, Auth.ANY_USER)
                   .addEndpoint(Operation.GSP_RW, DATA, Auth.ANY_USER);
        // After a write through Fuseki, the cache and page indexes are warmed again (when warming).
        AtomicReference<ScokgServer> started = new AtomicReference<>();
        FusekiServer.Builder builder = FusekiServer.create()
            .port(options.port())
            .enablePing(true)
            .enableStats(true)
            .enableCors(true)
            .add(DATASET, service.build())
            // Filters given to the builder run before Fuseki's dataset dispatch filter.
            .addFilter("/*", filter)
            .addFilter("/*", new ResultLimitFilter(DATASET, options.maxRows()))
            .addServlet("/$/server", new ActionServerStatus());
        if (options.allowUpdate())
            builder.addFilter("/*", new AfterWritesFilter(DATASET, () -> {
                ScokgServer server = started.get();
                if (server != null) server.warmIfChanged();
            }));
        String ui = uiLocation();
        if (ui != null) {
            // What FMod_UI does, without the admin module it expects: the UI's files and its
            // validators (read-only helpers of the query editor).
            builder.staticFileBase(ui)
                .addServlet("/$/validate/query", new QueryValidator())
                .addServlet("/$/validate/iri", new IRIValidator())
                .addServlet("/$/validate/langtag", new LangTagValidator())
                .addServlet("/$/validate/data", new DataValidator());
        } else {
            LOG.warn("Fuseki UI files (webapp/ from jena-fuseki-ui) are not on the classpath; no SPARQL UI");
        }
        if (options.allowUpdate())
            builder.passwordFile(options.passwordFile().toAbsolutePath().toString()).auth(AuthScheme.BASIC).realm("scokg");
        FusekiServer fuseki = builder.build();
        for (Connector c : fuseki.getJettyServer().getConnectors())
            if (c instanceof ServerConnector sc) sc.setHost(options.host());
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            try { fuseki.stop(); } catch (RuntimeException ignored) { /* not started */ }
            canned.close();
            TDBInternal.expel(dsg);
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new IllegalStateException("cannot serve on " + options.host() + ":" + options.port() + ": " + why, e);
        }
        ScokgServer server = new ScokgServer(fuseki, dataset, options, canned);
        started.set(server);
        server.warm();
        return server;
    }

    /**
     * With {@link ServerOptions#warmCache()}: builds the page indexes, the materialised answers
     * (with {@link ServerOptions#materialise()}) and fills the cache (when there is one) in the
     * background (never delays a request). One warm-up at a time: asked while
     * one runs, it goes round once more when it ends, for the data as it is then.
     */
    private void warm() {
        if (!options.warmCache() || closed) return;
        warmAgain = true;
        if (!warming.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                do {
                    while (warmAgain && !closed) {
                        warmAgain = false;
                        warmedVersion = dataVersion();
                        canned.warm(() -> closed);
                    }
                    warming.set(false);
                    // asked between the last round and now: go round again unless another thread does
                } while (warmAgain && !closed && warming.compareAndSet(false, true));
            } catch (RuntimeException e) {
                // e.g. the store closed under it while the server stops
                warming.set(false);
                if (!closed) LOG.warn("warming the cache failed: {}", QueryRunner.oneLine(e));
            }
        }, "scokg-cache-warm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        warmer = t;
        t.start();
    }

    /** After a request that may have written: warms again if the data changed since the last warm-up began. */
    private void warmIfChanged() {
        if (!options.warmCache() || closed) return;
        if (dataVersion() != warmedVersion) warm();
    }

    /** TDB2's data version of the served dataset (-1 without one): it changes on every commit. */
    private long dataVersion() {
        ResultCache.State s = Txn.calculateRead(dataset, () -> ResultCache.dataState(dataset.asDatasetGraph(), 0));
        return s == null ? -1 : s.dataVersion();
    }

    /**
     * Forgets every cached canned-query answer. Not needed after writes to the served dataset
     * (TDB2's data version changes on every commit), but cheap; {@link #rebuild} calls it.
     */
    public void invalidateCache() {
        ResultCache c = canned.cache();
        if (c != null) c.invalidate();
    }

    /**
     * Rebuilds the served store from {@code inputs} while it is being served: extraction runs
     * outside any transaction, then one TDB2 write transaction replaces the graphs. Readers
     * (every HTTP request runs in one read transaction) see the old state until the commit and
     * the new one after it, never a mix. Rebuilds are serialised.
     */
    public synchronized ScokgStore.BuildSummary rebuild(List<Path> inputs, SourceReader reader, boolean prune,
                                                       Consumer<String> progress) throws StoreException {
        if (closed) throw new IllegalStateException("the server is stopped");
        try (ScokgStore store = ScokgStore.over(options.db(), dataset)) {
            return store.build(inputs, reader, prune, progress);
        } finally {
            invalidateCache();
            warm();
        }
    }

    /**
     * Watches {@code inputs} (names, sizes and modification times of the files under them)
     * every {@code interval} and {@link #rebuild rebuilds} with pruning when they change.
     * Progress and failures go to {@code progress}; a failed rebuild leaves the store as it was.
     */
    public synchronized void watch(List<Path> inputs, SourceReader reader, Duration interval, Consumer<String> progress) {
        if (watcher != null) throw new IllegalStateException("already watching");
        Consumer<String> say = progress == null ? x -> {} : progress;
        Thread t = new Thread(() -> {
            String last = fingerprint(inputs);
            while (!closed) {
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                String now = fingerprint(inputs);
                if (now.equals(last) || closed) continue;
                last = now;
                say.accept("inputs changed; rebuilding " + options.db());
                try {
                    ScokgStore.BuildSummary s = rebuild(inputs, reader, true, say);
                    say.accept(s.usable() ? "rebuilt: " + s.lines().get(0) : "rebuild produced nothing usable; the store is unchanged");
                } catch (StoreException | RuntimeException e) {
                    say.accept("rebuild failed, the store is unchanged: " + e.getMessage());
                }
            }
        }, "scokg-watch");
        t.setDaemon(true);
        watcher = t;
        t.start();
    }

    /** Names, sizes and modification times of the files under {@code inputs}. */
    static String fingerprint(List<Path> inputs) {
        StringBuilder sb = new StringBuilder();
        for (Path in : inputs) {
            try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(in)) {
                for (Path p : s.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                    try {
                        sb.append(p).append('\t').append(java.nio.file.Files.size(p)).append('\t')
                          .append(java.nio.file.Files.getLastModifiedTime(p).toMillis()).append('\n');
                    } catch (java.io.IOException e) {
                        sb.append(p).append("\t?\n");
                    }
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                sb.append(in).append("\t?\n");
            }
        }
        return sb.toString();
    }

    private static String uiLocation() {
        URL index = ScokgServer.class.getClassLoader().getResource("webapp/index.html");
        if (index == null) return null;
        String s = index.toExternalForm();
        return s.substring(0, s.length() - "index.html".length());
    }

    /** The canned-query result cache, or null when it is off. */
    ResultCache cache() { return canned.cache(); }

    /** The page indexes of the canned queries (for tests). */
    PageIndexes pageIndexes() { return canned.pageIndexes(); }

    /** The materialised answers of the canned queries, or null when off (for tests). */
    MaterialisedAnswers answers() { return canned.answers(); }

    /** The materialised answers kept now (empty when off or none yet). */
    public List<MaterialisedAnswers.Summary> materialised() {
        MaterialisedAnswers a = canned.answers();
        return a == null ? List.of() : a.kept();
    }

    /**
     * Waits until the warm-up (page indexes, materialised answers, cache) has finished, at most
     * {@code timeout}: for a benchmark that measures a warmed server.
     *
     * @return true when no warm-up runs
     */
    public boolean awaitWarm(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (warming.get() || warmAgain) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(50);
        }
        return true;
    }

    /** The port actually bound. */
    public int port() { return fuseki.getHttpPort(); }

    /** The underlying Fuseki server. */
    public FusekiServer fuseki() { return fuseki; }

    /** Blocks until the server stops. */
    public void join() { fuseki.join(); }

    /**
     * How long {@link #close} waits for a running warm-up to see that the server stops. It looks
     * between queries and between pages of 1000 rows; one page index query may take longer (40 s
     * for {@code mentions} at 100 MB).
     */
    static final Duration WARM_UP_STOP_WAIT = Duration.ofSeconds(60);

    /**
     * Stops serving, waits for a running warm-up to stop (it holds a read transaction, and TDB2
     * cannot release a store with one open), deletes the materialised answers and releases the
     * store. A warm-up still running after {@link #WARM_UP_STOP_WAIT} keeps the store: it is
     * released with the process.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Thread w = watcher;
        if (w != null) w.interrupt();
        try {
            fuseki.stop();
        } finally {
            boolean warmUpStopped = true;
            Thread t = warmer;
            if (t != null) {
                try {
                    t.join(WARM_UP_STOP_WAIT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                warmUpStopped = !t.isAlive();
            }
            canned.close();
            if (warmUpStopped) TDBInternal.expel(dataset.asDatasetGraph());
            else LOG.warn("the warm-up is still reading the store; it is released when the process ends");
        }
    }
}
