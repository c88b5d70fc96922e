package org.scokg.serve;

import java.net.URL;
import java.util.Objects;

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

    private final FusekiServer fuseki;
    private final Dataset dataset;
    private volatile boolean closed;

    private ScokgServer(FusekiServer fuseki, Dataset dataset) {
        this.fuseki = fuseki;
        this.dataset = dataset;
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
        ScokgFilter filter = new ScokgFilter(
            new LandingPage(dataset, catalog, options.queryTimeoutMillis(), linkedData),
            new CannedQueryHandler(dataset, catalog, options.queryTimeoutMillis()),
            linkedData);

        // Only a query endpoint: no update, no graph store protocol, no upload.
        DataService service = DataService.newBuilder(dsg).addEndpoint(Operation.Query, SPARQL).build();
        FusekiServer.Builder builder = FusekiServer.create()
            .port(options.port())
            .enablePing(true)
            .enableStats(true)
            .enableCors(true)
            .add(DATASET, service)
            // Filters given to the builder run before Fuseki's dataset dispatch filter.
            .addFilter("/*", filter)
            .addServlet("/$/server", new ActionServerStatus());
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
        FusekiServer fuseki = builder.build();
        for (Connector c : fuseki.getJettyServer().getConnectors())
            if (c instanceof ServerConnector sc) sc.setHost(options.host());
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            try { fuseki.stop(); } catch (RuntimeException ignored) { /* not started */ }
            TDBInternal.expel(dsg);
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new IllegalStateException("cannot serve on " + options.host() + ":" + options.port() + ": " + why, e);
        }
        return new ScokgServer(fuseki, dataset);
    }

    private static String uiLocation() {
        URL index = ScokgServer.class.getClassLoader().getResource("webapp/index.html");
        if (index == null) return null;
        String s = index.toExternalForm();
        return s.substring(0, s.length() - "index.html".length());
    }

    /** The port actually bound. */
    public int port() { return fuseki.getHttpPort(); }

    /** The underlying Fuseki server. */
    public FusekiServer fuseki() { return fuseki; }

    /** Blocks until the server stops. */
    public void join() { fuseki.join(); }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            fuseki.stop();
        } finally {
            TDBInternal.expel(dataset.asDatasetGraph());
        }
    }
}
