package org.scokg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.ActionDatasets;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.scokg.query.CannedQueries;
import org.scokg.store.ScokgStore;
import org.scokg.store.StoreException;
import org.scokg.text.SourceReader;
import org.scokg.vocab.Iris;

/**
 * A Fuseki server over a scokg store (docs/HTTP.md), built with Fuseki's own builder:
 * <ul>
 * <li>{@code /scokg/sparql}: the SPARQL query endpoint over the union of all graphs, read-only;
 *     with {@link ServerOptions#allowUpdate()}, {@code /scokg/update} and {@code /scokg/data} for
 *     authenticated users</li>
 * <li>{@code /scokg/query/NAME}: the canned queries, a Fuseki operation ({@link CannedQueryService}).
 *     Fuseki dispatches {@code /A/B} to the dataset {@code /A/B}, else to the endpoint {@code B} of
 *     the dataset {@code /A}; so the canned queries are the endpoints of a second data access point,
 *     {@code /scokg/query}, over the same dataset, one endpoint per query, and the unnamed endpoint
 *     lists them</li>
 * <li>resource IRIs at their own paths, {@code /.well-known/void}, {@code /scokg/context.jsonld}
 *     ({@link LinkedData}), {@code /} ({@link LandingPage}) and the analysts' pages ({@link AnalystPages}):
 *     Fuseki processors</li>
 * <li>the Fuseki UI ({@link FMod_UI}) at {@code /index.html}, with the read-only parts of the admin
 *     module it needs: {@code /$/server} ({@link ActionServerStatus}), {@code /$/datasets}
 *     ({@link ActionDatasets}, GET only), {@code /$/stats}, {@code /$/ping}</li>
 * </ul>
 */
public final class ScokgServer implements AutoCloseable {
    /** The dataset's path. */
    public static final String DATASET = "/scokg";
    /** The query endpoint's name under the dataset. */
    public static final String SPARQL = "sparql";
    /** The SPARQL Update endpoint's name (only with {@link ServerOptions#allowUpdate()}). */
    public static final String UPDATE = "update";
    /** The Graph Store Protocol endpoint's name (only with {@link ServerOptions#allowUpdate()}). */
    public static final String DATA = "data";
    /** Where the canned queries are: the data access point whose endpoints they are. */
    public static final String QUERIES = DATASET + "/query";
    /** The Fuseki UI's query page for the dataset. */
    static final String UI_LINK = "/index.html#/dataset" + DATASET + "/query";

    private final FusekiServer fuseki;
    private final ScokgStore store;
    private final ServerOptions options;
    private final Answers answers;
    private volatile boolean closed;
    private volatile Thread watcher;

    private ScokgServer(FusekiServer fuseki, ScokgStore store, ServerOptions options, Answers answers) {
        this.fuseki = fuseki;
        this.store = store;
        this.options = options;
        this.answers = answers;
    }

    /**
     * Starts serving; returns once the server answers.
     *
     * @throws IllegalArgumentException when the store cannot be opened or the password file read
     * @throws IllegalStateException when the server cannot start (e.g. the port is taken)
     */
    public static ScokgServer start(ServerOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.allowUpdate() && !Files.isReadable(options.passwordFile()))
            throw new IllegalArgumentException("cannot read the password file " + options.passwordFile());
        ScokgStore store;
        try {
            store = ScokgStore.openExisting(options.db());
        } catch (StoreException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            Answers answers = new Answers();
            FusekiServer fuseki = build(options, store.dataset(), answers);
            for (Connector c : fuseki.getJettyServer().getConnectors())
                if (c instanceof ServerConnector sc) sc.setHost(options.host());
            try {
                fuseki.start();
            } catch (RuntimeException e) {
                try { fuseki.stop(); } catch (RuntimeException ignored) { /* not started */ }
                Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
                throw new IllegalStateException("cannot serve on " + options.host() + ":" + options.port() + ": " + cause.getMessage(), e);
            }
            return new ScokgServer(fuseki, store, options, answers);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static FusekiServer build(ServerOptions options, Dataset dataset, Answers answers) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(options.queryTimeoutMillis()));
        CannedQueries queries = options.queries() != null ? options.queries() : CannedQueries.builtIn();
        LinkedData linkedData = new LinkedData(dataset, Iris.base());

        // The dataset: a query endpoint only, unless writes are allowed (then for authenticated users only).
        DataService.Builder service = DataService.newBuilder(dsg).addEndpoint(Operation.Query, SPARQL);
        if (options.allowUpdate())
            service.addEndpoint(Operation.Update, UPDATE, Auth.ANY_USER).addEndpoint(Operation.GSP_RW, DATA, Auth.ANY_USER);

        FusekiServer.Builder builder = FusekiServer.create()
            .port(options.port())
            .enablePing(true)
            .enableCors(true)
            .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new BoundedQuery(options.maxRows()))
            .registerOperation(CannedQueryService.OPERATION, new CannedQueryService(queries, QUERIES, options.maxRows(), answers))
            .add(DATASET, service)
            .addDataset(QUERIES, dsg)
            .addOperation(QUERIES, CannedQueryService.OPERATION);
        for (String name : queries.names()) builder.addEndpoint(QUERIES, name, CannedQueryService.OPERATION);
        // what Fuseki does not dispatch to an endpoint: a name that is no canned query
        builder.addServlet(QUERIES + "/*", new UnknownQuery(queries));

        builder.addProcessor("", new LandingPage(dataset, queries, linkedData));
        new AnalystPages(dataset, queries, linkedData).addTo(builder);
        for (String path : linkedData.paths()) builder.addProcessor(path, linkedData);

        // The Fuseki UI and the read-only parts of the admin module it asks for. FMod_UI looks for
        // its files in Fuseki's base area (FUSEKI_BASE or ./run, webapp/ there) and then on the
        // classpath (jena-fuseki-ui); the server control only says where that area is.
        builder.addServletAttribute(Fuseki.attrFusekiServerCtl, new FusekiServerCtl(null))
            .fusekiModules(FusekiModules.create(FMod_UI.create()))
            .addServlet("/$/server", new ActionServerStatus())
            .addServlet("/$/datasets/*", new ReadOnlyDatasets())
            .addFilter("/index.html/*", new UiBase());

        if (options.allowUpdate())
            builder.passwordFile(options.passwordFile().toAbsolutePath().toString()).auth(AuthScheme.BASIC).realm("scokg")
                .addFilter(DATASET + "/*", new AfterWrites(answers));
        return builder.build();
    }

    /** What Fuseki does not dispatch to a canned query's endpoint: 404, with the names there are. */
    static final class UnknownQuery extends HttpServlet {
        private final CannedQueries queries;

        UnknownQuery(CannedQueries queries) { this.queries = queries; }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
            byte[] body = ("no canned query '" + LinkedData.abbreviate(name) + "'; known: " + String.join(", ", queries.names()) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            resp.setStatus(404);
            resp.setContentType("text/plain; charset=utf-8");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }

    /** {@code /$/datasets}: Fuseki's description of the datasets; creating or deleting one is refused (405). */
    static final class ReadOnlyDatasets extends ActionDatasets {
        @Override
        public void validate(HttpAction action) {
            String method = action.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS"))
                ServletOps.errorMethodNotAllowed(method, "this server's datasets are fixed; " + method + " is not allowed");
        }
    }

    /**
     * After a request to the dataset that may have written (a method other than GET, HEAD or
     * OPTIONS, answered with success, so committed), the kept answers are forgotten.
     */
    static final class AfterWrites extends HttpFilter {
        private final Answers answers;

        AfterWrites(Answers answers) { this.answers = answers; }

        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
            chain.doFilter(req, resp);
            String m = req.getMethod();
            if (!m.equals("GET") && !m.equals("HEAD") && !m.equals("OPTIONS") && resp.getStatus() / 100 == 2) answers.dataChanged();
        }
    }

    /**
     * The Fuseki UI takes its page's path as the server's: served at {@code /index.html}, it asks
     * for {@code /index.html/$/ping}, {@code /index.html/scokg/sparql}… Those requests are
     * redirected (307, which keeps the method and body) to the path after {@code /index.html}.
     */
    static final class UiBase extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
            String uri = req.getRequestURI();
            String prefix = req.getContextPath() + "/index.html/";
            if (!uri.startsWith(prefix)) {
                chain.doFilter(req, resp);
                return;
            }
            String query = req.getQueryString();
            resp.setStatus(307);
            resp.setHeader("Location", uri.substring(prefix.length() - 1) + (query == null ? "" : "?" + query));
        }
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
        try (ScokgStore over = ScokgStore.over(options.db(), store.dataset())) {
            return over.build(inputs, reader, prune, progress);
        } finally {
            answers.dataChanged();
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
            try (Stream<Path> s = Files.walk(in)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    try {
                        sb.append(p).append('\t').append(Files.size(p)).append('\t')
                          .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
                    } catch (IOException e) {
                        sb.append(p).append("\t?\n");
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                sb.append(in).append("\t?\n");
            }
        }
        return sb.toString();
    }

    /** The port actually bound. */
    public int port() { return fuseki.getHttpPort(); }

    /** The underlying Fuseki server. */
    public FusekiServer fuseki() { return fuseki; }

    /** Blocks until the server stops. */
    public void join() { fuseki.join(); }

    /** Stops serving and releases the store. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Thread w = watcher;
        if (w != null) w.interrupt();
        try {
            fuseki.stop();
        } finally {
            store.close();
        }
    }
}
