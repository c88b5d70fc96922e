package org.scokg.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.scokg.model.Prefixes;
import org.scokg.model.CanonicalDocuments;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.dboe.base.file.Location;
import org.scokg.model.Iris;
import org.scokg.model.Sco;
import org.scokg.text.SourceReader;

/**
 * The scokg TDB2 store: the one entry point for writing, reading and dumping the graph.
 *
 * <p>Open with {@link #open(Path)} (creates the store when missing) or
 * {@link #openExisting(Path)} (for read commands: never creates anything). The dataset has
 * TDB2's union default graph switched on, so SPARQL queries without {@code GRAPH} see every
 * named graph (docs/MODEL.md).
 *
 * <p>Trade-offs, in the spirit of Jena's loaders:
 * <ul>
 * <li>{@link #load} and {@link #build} write in <em>one</em> atomic step, streaming: files
 *     are parsed (on a second thread) and documents extracted (on a small pool,
 *     {@link SourceBatch#stream}) straight into the write, a bounded number of quads or
 *     documents at a time. Into a store of their own whose new content does not depend on
 *     the old (a load into an empty store, a build into an empty one, a pruning build of a
 *     store that holds only what builds write), they write a new generation of the TDB2
 *     store beside the old one, its indexes packed in bulk as Jena's bulk loaders do, and
 *     switch it in with an atomic rename ({@link NextGeneration}); otherwise, and always over
 *     a server's dataset ({@link #over}), in one TDB2 write transaction, which TDB2 writes to
 *     its files, not to the heap. Either way a bad file or a failed write leaves the store
 *     untouched, a kill before the switch or commit leaves the previous store, and readers
 *     of a served store see the old or the new state, never half a load. The end of the
 *     write recomputes the canonical titles and the dataset description over the union of
 *     all graphs; a build then validates with SHACL straight over the store in a read
 *     transaction.</li>
 * <li>Loading replaces graphs: each named graph present in the input is removed from the
 *     store and written anew, so loading a source twice never duplicates it. Triples in the
 *     default graph of an input file (e.g. a Turtle file) go into the graph
 *     {@code Iris.graph(FILE)}, FILE being the input's file name.</li>
 * <li>{@link #close()} releases the store from the JVM's TDB2 connection cache, so another
 *     process (or a server started later) may open it. Do not keep two {@code ScokgStore}
 *     objects over one directory open at the same time in one JVM.</li>
 * </ul>
 * Arguments are checked at the boundary ({@link IllegalArgumentException} /
 * {@link NullPointerException}); expected failures (missing store, parse errors, I/O) are
 * {@link StoreException}s with a one-line message.
 */
public final class ScokgStore implements AutoCloseable {
    /** Classpath location of the ontology, loaded into {@link Sco#ONTOLOGY_GRAPH}. */
    public static final String ONTOLOGY_RESOURCE = "ontology/scokg.ttl";
    /** Classpath location of the gazetteer, loaded into {@link Sco#GAZETTEER_GRAPH}, parsed with base {@link Iris#base()}. */
    public static final String GAZETTEER_RESOURCE = "ontology/gazetteer.ttl";
    /** Classpath location of the SHACL shapes used by {@link #build}. */
    public static final String SHAPES_RESOURCE = "ontology/shapes.ttl";
    /** How many subjects' types SHACL validation keeps in memory (a few hundred bytes each). */
    static final int SHACL_TYPES_REMEMBERED = 100_000;
    /** How many SHACL messages a build summary keeps. */
    public static final int SHACL_MESSAGES = 5;

    private final Path directory;
    private final Dataset dataset;
    /** False for a store over a dataset someone else owns (a running server): close() leaves it open. */
    private final boolean owned;
    private boolean closed;

    private ScokgStore(Path directory, Dataset dataset, boolean owned) {
        this.directory = directory;
        this.dataset = dataset;
        this.owned = owned;
    }

    /**
     * A store over a TDB2 dataset that is already open in this JVM (a running server's):
     * writes go through the same transactions the server's readers use, so they see the
     * old or the new state, never a mix. {@link #close()} does not release the dataset.
     */
    public static ScokgStore over(Path dir, Dataset dataset) {
        Objects.requireNonNull(dir, "store directory");
        Objects.requireNonNull(dataset, "dataset");
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        return new ScokgStore(dir, dataset, false);
    }

    /** Opens the store at {@code dir}, creating the directory and an empty store if needed. */
    public static ScokgStore open(Path dir) throws StoreException {
        Objects.requireNonNull(dir, "store directory");
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new StoreException(dir + " is not a directory");
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create store directory " + dir + ": " + e.getMessage(), e);
        }
        return connect(dir);
    }

    /**
     * Opens an existing store; never creates one.
     *
     * @throws StoreException "no store at DIR; run scokg build --db DIR ..." when there is none
     */
    public static ScokgStore openExisting(Path dir) throws StoreException {
        Objects.requireNonNull(dir, "store directory");
        if (!exists(dir))
            throw new StoreException("no store at " + dir + "; run scokg build --db " + dir + " INPUT... first");
        return connect(dir);
    }

    /** True when {@code dir} holds a TDB2 store (a non-empty directory with TDB2 data). */
    public static boolean exists(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("Data-") || n.equals("tdb.lock");
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static ScokgStore connect(Path dir) throws StoreException {
        try {
            Dataset ds = TDB2Factory.connectDataset(Location.create(dir.toAbsolutePath().toString()));
            ds.getContext().set(TDB2.symUnionDefaultGraph, true);
            return new ScokgStore(dir, ds, true);
        } catch (RuntimeException e) {
            throw new StoreException(openFailure(dir, e), e);
        }
    }

    /**
     * The one-line message for a failure to open the TDB2 store at {@code dir}. TDB2 allows
     * one process per store: it holds a file lock on {@code tdb.lock} (which records the
     * owner's process id) while the store is open, and refuses any other process.
     */
    public static String openFailure(Path dir, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t.getClass().getSimpleName().equals("AlreadyLocked") || m.contains("tdb.lock") || m.toLowerCase(java.util.Locale.ROOT).contains("locked")) {
                String pid = lockOwner(dir);
                return "the store at " + dir + " is in use by another process" + (pid == null ? "" : " (pid " + pid + ")")
                    + "; stop it first (a running server rebuilds its own store with serve --watch)";
            }
        }
        return "cannot open store at " + dir + ": " + oneLine(e);
    }

    /** The process id written in {@code DIR/tdb.lock}, or null. */
    static String lockOwner(Path dir) {
        try {
            String s = Files.readString(dir.resolve("tdb.lock")).strip();
            return s.matches("\\d{1,10}") ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public Path directory() { return directory; }

    /** The TDB2 dataset (union default graph on). Use it inside transactions. */
    public Dataset dataset() {
        checkOpen();
        return dataset;
    }

    // ------------------------------------------------------------------ load

    /** What {@link #load} did. */
    public record LoadSummary(int files, List<String> graphs, long quadsLoaded, long storeQuads) {}

    /**
     * Loads RDF files (syntax by extension: .trig .nq .ttl .nt .jsonld .rdf ..., optionally
     * .gz), replacing each named graph they contain, in one atomic write (into an empty
     * store: a new generation, see the class comment). Each file is parsed as a stream (on a
     * thread of its own) straight into the write; a graph of the store is deleted the first
     * time the input names it. On any error the write is abandoned and the store is left
     * exactly as it was; readers never see half a load.
     *
     * @throws StoreException naming the file (and line) of a parse error, or a write failure
     */
    public LoadSummary load(List<Path> files, Consumer<String> progress) throws StoreException {
        checkOpen();
        if (files == null || files.isEmpty()) throw new IllegalArgumentException("no files to load");
        Consumer<String> say = progress == null ? s -> {} : progress;
        List<Lang> langs = new ArrayList<>();
        for (Path f : files) {
            Objects.requireNonNull(f, "file");
            langs.add(syntaxOf(f));
        }
        DatasetGraph dsg = dataset.asDatasetGraph();
        List<String> names = new ArrayList<>();
        long[] loaded = {0};
        // Into an empty store, the load is the whole new content: a new generation.
        writer(say).write(Set::isEmpty, w -> {
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                QuadPipe.parse(f, langs.get(i), NodeFactory.createURI(Iris.graph(f.getFileName().toString())), w::add);
                say.accept("parsed " + f);
            }
            return true;
        }, false, (state, graphs) -> {
            // What the replaced graphs now hold is exactly what was loaded (duplicates merged).
            for (Node g : graphs) {
                names.add(g.getURI());
                loaded[0] += StoreCounts.quads(state, g);
            }
        });
        say.accept("loaded " + loaded[0] + " quads into " + names.size() + " graph(s)");
        return new LoadSummary(files.size(), List.copyOf(names), loaded[0], quadCount());
    }

    /** The one atomic write of a load or a build ({@link StoreWrite}), telling {@code say} how it writes. */
    private StoreWrite writer(Consumer<String> say) {
        return new StoreWrite(directory, dataset.asDatasetGraph(), owned, say);
    }

    /** The RDF syntax of {@code f}, from its name; fails when the file cannot be read. */
    private static Lang syntaxOf(Path f) throws StoreException {
        if (!Files.isRegularFile(f)) throw new StoreException(f + ": no such file");
        if (!Files.isReadable(f)) throw new StoreException(f + ": permission denied");
        String name = f.getFileName().toString();
        String bare = name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        Lang lang = RDFLanguages.filenameToLang(bare);
        if (lang == null)
            throw new StoreException(f + ": cannot tell the RDF syntax from the file name (use .trig, .nq, .ttl, .nt, .jsonld or .rdf)");
        return lang;
    }

    /** An error handler that turns the first error into a RiotException "FILE:LINE:COL: message"; warnings are ignored. */
    static ErrorHandler throwingHandler(Object where) {
        return new ErrorHandler() {
            @Override public void warning(String message, long line, long col) {}
            @Override public void error(String message, long line, long col) { fail(message, line, col); }
            @Override public void fatal(String message, long line, long col) { fail(message, line, col); }
            private void fail(String message, long line, long col) {
                String pos = line > 0 ? ":" + line + (col > 0 ? ":" + col : "") : "";
                throw new RiotException(where + pos + ": " + message);
            }
        };
    }

    // ------------------------------------------------------------------ build

    /**
     * What {@link #build} did.
     *
     * @param processed       file names of the documents extracted and stored
     * @param skipped         one line per skipped input (why)
     * @param failed          one line per failed input (why)
     * @param warnings        extraction and set-up warnings
     * @param sourceTriples   triples written into source graphs
     * @param storeQuads      quads in the store afterwards
     * @param entities        distinct subjects with an rdf:type, over all graphs
     * @param shaclViolations number of SHACL results (-1 when no shapes were available)
     * @param shaclMessages   the first few SHACL messages, one line each
     */
    public record BuildSummary(List<String> processed, List<String> skipped, List<String> failed, List<String> warnings,
                               long sourceTriples, long storeQuads, long entities,
                               int shaclViolations, List<String> shaclMessages) {
        /** True when something usable was produced. */
        public boolean usable() { return !processed.isEmpty(); }

        /** The summary, a few lines for people. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("documents: " + processed.size() + " processed, " + skipped.size() + " skipped, " + failed.size() + " failed");
            for (String s : processed) out.add("  processed: " + s);
            for (String s : skipped) out.add("  skipped: " + s);
            for (String s : failed) out.add("  failed: " + s);
            out.add("triples: " + sourceTriples + " extracted, " + storeQuads + " in the store");
            out.add("entities: " + entities);
            if (shaclViolations < 0) out.add("SHACL: no shapes (ontology/shapes.ttl missing), not validated");
            else {
                out.add("SHACL violations: " + shaclViolations);
                for (String m : shaclMessages) out.add("  " + m);
                if (shaclViolations > shaclMessages.size()) out.add("  ... and " + (shaclViolations - shaclMessages.size()) + " more");
            }
            return out;
        }
    }

    /** As {@link #build(List, SourceReader, boolean, Consumer)} with the default reader, keeping other source graphs. */
    public BuildSummary build(List<Path> inputs, Consumer<String> progress) throws StoreException {
        return build(inputs, new SourceReader(), false, progress);
    }

    /**
     * In one atomic write (a new generation when the store's content does not matter, see
     * the class comment): reads and extracts every input (in parallel,
     * {@link SourceBatch#stream}) and writes each document into its source graph as soon as
     * it is ready and its turn comes (the graph is replaced the first time it is written),
     * (re)loads the ontology and gazetteer graphs from the classpath, and recomputes the
     * canonical titles and the dataset description; then validates the union of all graphs
     * with the SHACL shapes. Only a few documents are in memory at a time. A document that
     * cannot be read or extracted is reported, not fatal; when no document could be used,
     * the write is abandoned and the store is left as it was.
     *
     * @param prune when true, source graphs ({@code Iris.graph(...)}) of documents not
     *              processed in this build are removed (a full rebuild of the corpus)
     * @throws StoreException when the store cannot be written (nothing is changed then)
     */
    public BuildSummary build(List<Path> inputs, SourceReader reader, boolean prune, Consumer<String> progress) throws StoreException {
        checkOpen();
        if (inputs == null || inputs.isEmpty()) throw new IllegalArgumentException("no inputs to build");
        Objects.requireNonNull(reader, "reader");
        Consumer<String> say = progress == null ? s -> {} : progress;

        List<String> warnings = new ArrayList<>();
        List<String> processed = new ArrayList<>(), skipped = new ArrayList<>(), failed = new ArrayList<>();
        long[] sourceTriples = {0};
        Graph ontology = classpathGraph(ONTOLOGY_RESOURCE, Sco.ONTOLOGY_GRAPH, warnings);
        Graph gazetteer = classpathGraph(GAZETTEER_RESOURCE, Iris.base(), warnings);
        if (gazetteer != null) org.scokg.model.ScriptLabels.enrichGazetteer(gazetteer);
        List<Node> removed = new ArrayList<>();
        DatasetGraph dsg = dataset.asDatasetGraph();
        say.accept("writing to " + directory + " as documents are extracted (one transaction)");
        // A pruning build replaces every source graph: when the store holds nothing else
        // than what a build writes, it is rebuilt from scratch (a new generation).
        String sources = Iris.base() + "graph/";
        Set<Node> rebuilt = Set.of(NodeFactory.createURI(Sco.ONTOLOGY_GRAPH), NodeFactory.createURI(Sco.GAZETTEER_GRAPH),
            NodeFactory.createURI(CanonicalDocuments.GRAPH), NodeFactory.createURI(DatasetDescription.GRAPH));
        writer(say).write(graphs -> graphs.isEmpty() || prune && ontology != null && gazetteer != null
                && graphs.stream().allMatch(g -> rebuilt.contains(g) || g.isURI() && g.getURI().startsWith(sources)), w -> {
            SourceBatch.stream(inputs, reader, SourceBatch.THREADS, say, r -> {
                switch (r.status()) {
                    case SKIPPED -> skipped.add(r.reason());
                    case FAILED -> failed.add(r.reason());
                    case PROCESSED -> {
                        var d = r.document();
                        w.replace(NodeFactory.createURI(d.graphName()), d.model().getGraph());
                        sourceTriples[0] += d.model().size();
                        processed.add(d.fileName());
                        for (String x : d.warnings() == null ? List.<String>of() : d.warnings())
                            warnings.add(d.fileName() + ": " + x);
                    }
                }
            });
            if (processed.isEmpty()) return false;     // nothing usable: the store stays as it was
            if (ontology != null) w.replace(NodeFactory.createURI(Sco.ONTOLOGY_GRAPH), ontology);
            if (gazetteer != null) w.replace(NodeFactory.createURI(Sco.GAZETTEER_GRAPH), gazetteer);
            if (prune) {
                removed.addAll(w.untouched(sources));
                for (Node g : removed) w.clear(g);
            }
            say.accept("computing canonical titles and the dataset description");
            return true;
        }, true, (state, graphs) -> {});
        if (processed.isEmpty())
            return new BuildSummary(List.of(), List.copyOf(skipped), List.copyOf(failed), List.copyOf(warnings), 0, quadCount(), 0, -1, List.of());
        for (Node g : removed) say.accept("removed stale graph " + g.getURI());

        int violations = -1;
        List<String> messages = new ArrayList<>();
        Graph shapesGraph = classpathGraph(SHAPES_RESOURCE, Sco.NS, null);
        if (shapesGraph != null) {
            say.accept("validating with SHACL shapes");
            try {
                Shapes shapes = Shapes.parse(shapesGraph);
                // Straight over the store's union graph, in a read transaction: no copy in memory;
                // the types of the value nodes sh:class checks are remembered (TypeCachingGraph).
                ValidationReport report = Txn.calculateRead(dsg, () ->
                    ShaclValidator.get().validate(shapes, new TypeCachingGraph(dsg.getUnionGraph(), SHACL_TYPES_REMEMBERED)));
                violations = report.getEntries().size();
                for (ReportEntry e : report.getEntries()) {
                    if (messages.size() >= SHACL_MESSAGES) break;
                    messages.add(describe(e));
                }
            } catch (RuntimeException e) {
                warnings.add("SHACL validation could not run: " + oneLine(e));
            }
        } else {
            warnings.add(SHAPES_RESOURCE + " not found; SHACL validation skipped");
        }
        return new BuildSummary(List.copyOf(processed), List.copyOf(skipped), List.copyOf(failed),
            List.copyOf(warnings), sourceTriples[0], quadCount(), entityCount(), violations, List.copyOf(messages));
    }

    private static String describe(ReportEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.severity() == null ? "" : e.severity().level().getLocalName()).append(": ");
        if (e.focusNode() != null) sb.append('<').append(e.focusNode().isURI() ? e.focusNode().getURI() : e.focusNode().toString()).append('>');
        if (e.resultPath() != null) sb.append(' ').append(e.resultPath());
        if (e.message() != null) sb.append(": ").append(e.message());
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /** A graph parsed from the classpath, or null when the resource is missing (a warning is added if {@code warnings} is not null). */
    static Graph classpathGraph(String resource, String base, List<String> warnings) throws StoreException {
        ClassLoader cl = ScokgStore.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                if (warnings != null) warnings.add(resource + " not found on the classpath; its graph is left empty");
                return null;
            }
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).base(base).errorHandler(throwingHandler(resource)).parse(g);
            return g;
        } catch (IOException e) {
            throw new StoreException("cannot read " + resource + ": " + e.getMessage(), e);
        } catch (RiotException e) {
            throw new StoreException("the packaged " + oneLine(e), e);
        }
    }

    // ------------------------------------------------------------------ read

    /** Number of quads in the store (all named graphs plus the stored default graph). */
    public long quadCount() {
        checkOpen();
        DatasetGraph dsg = dataset.asDatasetGraph();
        return Txn.calculateRead(dsg, () -> StoreCounts.all(dsg));
    }

    /** Names of the named graphs in the store, sorted. */
    public List<String> graphNames() {
        checkOpen();
        DatasetGraph dsg = dataset.asDatasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Set<String> s = new java.util.TreeSet<>();
            dsg.listGraphNodes().forEachRemaining(g -> s.add(g.toString()));
            return List.copyOf(s);
        });
    }

    /** Distinct subjects that have an rdf:type, over the union of all graphs. */
    public long entityCount() {
        checkOpen();
        return Txn.calculateRead(dataset, () -> {
            SubjectScan scan = SubjectScan.of(dataset.asDatasetGraph());
            if (scan != null) return scan.run(Set.of(), Set.of(), (s, c) -> {}).subjectsWithType;
            try (QueryExecution qe = QueryExecution.dataset(dataset)
                    .query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t }").build()) {
                ResultSet rs = qe.execSelect();
                if (!rs.hasNext()) return 0L;
                QuerySolution row = rs.next();
                return row.getLiteral("n").getLong();
            }
        });
    }

    // ------------------------------------------------------------------ export

    /**
     * Writes the store to {@code out} in {@code format}, with the prefixes of docs/MODEL.md.
     * {@code ttl} writes the union of all graphs (one graph); {@code trig}, {@code nq} and
     * {@code jsonld} write the dataset with its named graphs; {@code jsonld} is compacted
     * with the published context ({@link JsonLdContext}). Turtle, TriG and JSON-LD are
     * built in memory first (pretty output); N-Quads is streamed. The stream is not closed.
     */
    public void export(ExportFormat format, OutputStream out) throws StoreException {
        checkOpen();
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        DatasetGraph dsg = dataset.asDatasetGraph();
        try {
            Txn.executeRead(dsg, () -> {
                switch (format) {
                    case NQ -> RDFDataMgr.write(out, dsg, Lang.NQUADS);
                    case TTL -> {
                        Graph g = GraphFactory.createDefaultGraph();
                        dsg.getUnionGraph().find().forEachRemaining(g::add);
                        g.getPrefixMapping().setNsPrefixes(Prefixes.standard());
                        RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
                    }
                    case TRIG -> {
                        DatasetGraph copy = DatasetGraphFactory.create();
                        dsg.find().forEachRemaining(copy::add);
                        Prefixes.standard().getNsPrefixMap().forEach(copy.prefixes()::add);
                        RDFDataMgr.write(out, copy, RDFFormat.TRIG_PRETTY);
                    }
                    // compact, with the published context (ontology/context.jsonld) embedded
                    case JSONLD -> JsonLdContext.write(dsg, out);
                }
            });
            out.flush();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("export failed: " + oneLine(e), e);
        }
    }

    /**
     * Writes extracted documents as RDF (one named graph each) without any store; used by
     * {@code scokg extract}. Only {@code trig} and {@code nq} are accepted.
     */
    public static void writeDocuments(List<org.scokg.extract.ExtractedDocument> docs, ExportFormat format, OutputStream out) {
        Objects.requireNonNull(docs, "docs");
        if (format != ExportFormat.TRIG && format != ExportFormat.NQ)
            throw new IllegalArgumentException("extract writes trig or nq, not " + format);
        DatasetGraph ds = DatasetGraphFactory.create();
        Prefixes.standard().getNsPrefixMap().forEach(ds.prefixes()::add);
        for (var d : docs) {
            Node g = NodeFactory.createURI(d.graphName());
            Model m = d.model();
            m.getGraph().find().forEachRemaining(t -> ds.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        }
        RDFDataMgr.write(out, ds, format == ExportFormat.TRIG ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS);
    }

    // ------------------------------------------------------------------

    private void checkOpen() {
        if (closed) throw new IllegalStateException("store " + directory + " is closed");
    }

    /** Releases the store (see the class comment). Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (!owned) return;
        try {
            TDBInternal.expel(dataset.asDatasetGraph());
        } catch (RuntimeException e) {
            // best effort: the JVM exits soon after in the CLI
        }
    }

    /** A throwable as one line: its message, or its class name. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        return m.replaceAll("\\s*\\R\\s*", " ").strip();
    }

}
