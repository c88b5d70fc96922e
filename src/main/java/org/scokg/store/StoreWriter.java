package org.scokg.store;

import static org.scokg.store.ScokgStore.oneLine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.scokg.canonical.CanonicalDocuments;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.pipeline.SourceBatch;
import org.scokg.text.SourceReader;
import org.scokg.vocab.DocumentIris;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Sco;
import org.scokg.vocab.ScriptLabels;

/**
 * Writes into the store: {@link #build} (texts, extracted as they are written),
 * {@link #load} (RDF files) and {@link #buildFromNQuads} (the partitions of a Spark job).
 *
 * <p>Trade-offs, in the manner of Jena's {@code LoaderFactory}:
 * <ul>
 * <li>Each call is one TDB2 write transaction on the caller's thread. A bad file, a failed
 *     write or a process killed at any moment (kill -9) leaves the store as it was; readers in
 *     read transactions (a server's requests) never wait for the writer and see the old state
 *     until the commit, the new one after it. TDB2 writes a transaction's changes to its
 *     files, not to the heap: the heap holds the documents in flight and the input of the
 *     canonical step (about 400 bytes a mention or document), whatever the size of the write.</li>
 * <li>Graphs are replaced, never merged: the first time a write names a graph, the graph is
 *     emptied, so writing a source twice never duplicates it. A graph named in several
 *     files of one load gets all of them.</li>
 * <li>Then, in the same transaction, what depends on every source: the canonical titles
 *     ({@link CanonicalDocuments}), computed once from the mentions this write wrote plus
 *     those of the source graphs it left alone, which are read with one SPARQL query; and the
 *     VoID/DCAT description ({@link DatasetDescription}), which a build writes and later loads
 *     keep up to date.</li>
 * <li>Jena's phased and parallel bulk loaders ({@code LoaderFactory}) are not used, although
 *     they fill a fresh store faster (the 1.46 million quads of the generated 10 MB corpus:
 *     22-24 s, against 38 s for a load here, on 2 cores): each of their index writers commits
 *     on its own, so a kill in between leaves indexes that disagree, and they keep readers
 *     out while they load.</li>
 * <li>TDB2 never overwrites a block in place, so the files grow by what a write removes and
 *     rewrites. A build writes only the difference between each graph and its new content;
 *     a write that removed at least half as many quads as the store keeps ends with a
 *     compaction ({@link StoreCompaction}).</li>
 * </ul>
 */
final class StoreWriter {
    private final ScokgStore store;
    private final DatasetGraph dsg;
    private final Consumer<String> say;
    /** The graphs this write has emptied and written, in order. */
    private final Set<Node> written = new LinkedHashSet<>();
    /** What the canonical step reads of the quads written. */
    private final CanonicalDocuments.Input mentions = new CanonicalDocuments.Input();
    private final Node canonicalGraph = NodeFactory.createURI(CanonicalDocuments.GRAPH);
    private final Node descriptionGraph = NodeFactory.createURI(DatasetDescription.GRAPH);
    /** Quads this write removed, quads it wrote, and quads in the store after it (once committed). */
    private long replaced, added, storeQuads = -1;
    /** True when an input held a description: the store then gets one. */
    private boolean described;

    StoreWriter(ScokgStore store, Consumer<String> progress) {
        this.store = store;
        this.dsg = store.writable().asDatasetGraph();
        this.say = progress == null ? s -> {} : progress;
    }

    /** What a build wrote; {@code processed} is empty when nothing was written, and {@code storeQuads} -1. */
    record Built(List<String> processed, List<String> skipped, List<String> failed, List<String> warnings, long sourceTriples,
                 long storeQuads) {}

    // ------------------------------------------------------------------ the three writes

    /**
     * Reads and extracts every input (in parallel, {@link SourceBatch#stream}) and writes each
     * document into its source graph as soon as it is ready; (re)loads the ontology and the
     * gazetteer from the classpath; then the canonical titles and the description. Only a few
     * documents are in memory at a time. When no document could be used, nothing is written.
     *
     * @param prune when true, source graphs of documents not in this build are removed
     */
    Built build(List<Path> inputs, SourceReader reader, boolean prune) throws StoreException {
        if (inputs == null || inputs.isEmpty()) throw new IllegalArgumentException("no inputs to build");
        Objects.requireNonNull(reader, "reader");
        List<String> warnings = new ArrayList<>(), processed = new ArrayList<>(), skipped = new ArrayList<>(), failed = new ArrayList<>();
        long[] triples = {0};
        Map<Node, Graph> packaged = packagedGraphs(warnings);
        say.accept("writing to " + store.directory() + " as documents are extracted (one transaction)");
        write(() -> {
            SourceBatch.stream(inputs, reader, SourceBatch.THREADS, say, r -> {
                switch (r.status()) {
                    case SKIPPED -> skipped.add(r.reason());
                    case FAILED -> failed.add(r.reason());
                    case PROCESSED -> {
                        ExtractedDocument d = r.document();
                        replace(NodeFactory.createURI(d.graphName()), d.model().getGraph());
                        triples[0] += d.model().size();
                        processed.add(d.fileName());
                        for (String w : d.warnings() == null ? List.<String>of() : d.warnings()) warnings.add(d.fileName() + ": " + w);
                    }
                }
            });
            if (processed.isEmpty()) return false;       // nothing usable: the store stays as it was
            packaged.forEach(this::replace);
            if (prune) prune();
            addIfAny(warnings, finish(true));
            return true;
        });
        return new Built(List.copyOf(processed), List.copyOf(skipped), List.copyOf(failed), List.copyOf(warnings), triples[0], storeQuads);
    }

    /**
     * Loads RDF files (syntax by extension: .trig .nq .ttl .nt .jsonld .rdf ..., each
     * optionally .gz), each parsed as a stream straight into the transaction; then the
     * canonical titles, and the description when the store has one. Triples in the default
     * graph of a file (a Turtle file, say) go into the graph {@code Iris.graph(FILE)}.
     *
     * @throws StoreException "FILE:LINE:COL: message" for a syntax error, "FILE: ..." for others
     */
    ScokgStore.LoadSummary load(List<Path> files) throws StoreException {
        if (files == null || files.isEmpty()) throw new IllegalArgumentException("no files to load");
        Map<Path, Lang> syntax = syntaxes(files, null);
        List<String> graphs = new ArrayList<>();
        long[] loaded = {0};
        say.accept("writing to " + store.directory() + " as the files are parsed (one transaction)");
        write(() -> {
            for (Map.Entry<Path, Lang> f : syntax.entrySet()) parse(f.getKey(), f.getValue());
            written.forEach(g -> graphs.add(g.getURI()));
            loaded[0] = quadsIn(written);
            String warning = finish(false);
            if (warning != null) say.accept("warning: " + warning);
            return true;
        });
        say.accept("loaded " + loaded[0] + " quads into " + graphs.size() + " graph(s)");
        return new ScokgStore.LoadSummary(files.size(), List.copyOf(graphs), loaded[0], storeQuads);
    }

    /** The file a Spark job writes last, when every partition is complete. */
    static final String SUCCESS = "_SUCCESS";

    /**
     * A build from the N-Quads partitions of a Spark job ({@code DIR/part-*}, each optionally
     * .gz, one document's quads in one partition): loads every partition as {@link #load}
     * does, then the ontology, the gazetteer, the canonical titles and the description as
     * {@link #build} does, so that the store is the one a build on the texts would give.
     *
     * @throws StoreException one line, when {@code DIR} has no {@value #SUCCESS} (the job has
     *                        not finished, or failed) or no partition, or a partition is bad
     */
    Built buildFromNQuads(Path dir, boolean prune) throws StoreException {
        Objects.requireNonNull(dir, "partitions directory");
        if (!Files.isDirectory(dir)) throw new StoreException(dir + ": no such directory");
        if (!Files.exists(dir.resolve(SUCCESS)))
            throw new StoreException(dir + ": no " + SUCCESS + " file, so the job that writes it has not finished (or failed); nothing was loaded");
        List<Path> parts;
        try (Stream<Path> s = Files.list(dir)) {
            parts = s.filter(p -> p.getFileName().toString().startsWith("part-") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        if (parts.isEmpty()) throw new StoreException(dir + ": no part-* files");
        Map<Path, Lang> syntax = syntaxes(parts, Lang.NQUADS);
        List<String> warnings = new ArrayList<>(), processed = new ArrayList<>();
        long[] quads = {0};
        Map<Node, Graph> packaged = packagedGraphs(warnings);
        String sources = Iris.base() + "graph/";
        say.accept("writing to " + store.directory() + " as the partitions are parsed (one transaction)");
        write(() -> {
            for (Map.Entry<Path, Lang> f : syntax.entrySet()) quads[0] += parse(f.getKey(), f.getValue());
            for (Node g : written)
                if (g.getURI().startsWith(sources))
                    processed.add(URLDecoder.decode(g.getURI().substring(sources.length()), StandardCharsets.UTF_8));
            if (processed.isEmpty()) throw new StoreException(dir + ": the partitions hold no source graph (" + sources + "...)");
            packaged.forEach(this::replace);
            if (prune) prune();
            addIfAny(warnings, finish(true));
            return true;
        });
        return new Built(List.copyOf(processed), List.of(), List.of(), List.copyOf(warnings), quads[0], storeQuads);
    }

    private static void addIfAny(List<String> warnings, String warning) {
        if (warning != null) warnings.add(warning);
    }

    // ------------------------------------------------------------------ inside the transaction

    /** Work inside the write transaction: true to commit, false to abandon (nothing is changed). */
    private interface Work {
        boolean run() throws StoreException;
    }

    /**
     * Runs {@code work} in one write transaction and commits, unless it returns false or
     * fails: then the transaction is aborted, the store is unchanged, and a failure is thrown
     * as a StoreException (its own, or "cannot write to the store at DIR (nothing was changed): ...").
     * After the commit, the store may be compacted ({@link StoreCompaction}).
     */
    private void write(Work work) throws StoreException {
        Dataset ds = store.writable();
        try {
            ds.begin(TxnType.WRITE);
        } catch (RuntimeException e) {
            throw failed(e);
        }
        boolean committed = false;
        try {
            if (work.run()) {
                long kept = ScokgStore.count(store.dataset(), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
                say.accept("committing: " + replaced + " quads removed, " + added + " written, " + kept + " in the store");
                ds.commit();
                committed = true;
                storeQuads = kept;
            }
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            if (!committed) {
                try { ds.abort(); } catch (RuntimeException ignored) { /* the original failure matters */ }
            }
            ds.end();
        }
        if (committed) StoreCompaction.afterWrite(store, replaced, storeQuads, say);
    }

    private StoreException failed(Exception e) {
        return new StoreException("cannot write to the store at " + store.directory() + " (nothing was changed): " + oneLine(e), e);
    }

    /**
     * Adds a quad; the first time this write names {@code g}, the graph is emptied first.
     * Quads of the canonical titles or of the description (a load of an export holds them)
     * are dropped: {@link #finish} computes both anew.
     */
    private void add(Node g, Node s, Node p, Node o) {
        if (g.equals(canonicalGraph)) return;
        if (g.equals(descriptionGraph)) {
            described = true;
            return;
        }
        if (written.add(g)) empty(g);
        dsg.add(g, s, p, o);
        added++;
        mentions.offer(s, p, o);
    }

    /**
     * Writes {@code content} as the graph {@code g}. The first time this write names {@code g},
     * the graph is made to hold exactly {@code content}, by writing only the difference: a
     * source rebuilt unchanged writes nothing, so a rebuild neither rewrites nor grows the
     * store by what it did not change. Later, {@code content} is added.
     */
    private void replace(Node g, Graph content) {
        boolean empty = written.add(g) && keepOnly(g, content) == 0;
        boolean source = !g.equals(canonicalGraph) && !g.equals(descriptionGraph);
        content.find().forEachRemaining(t -> {
            Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
            // TDB2 writes to every index even when a quad is there: look first
            if (empty || !dsg.contains(g, s, p, o)) {
                dsg.add(g, s, p, o);
                added++;
            }
            if (source) mentions.offer(s, p, o);
        });
    }

    /** Removes from {@code g} the quads not in {@code keep}; returns how many are left. */
    private long keepOnly(Node g, Graph keep) {
        List<Quad> stale = new ArrayList<>();
        long kept = 0;
        for (var it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); ) {
            Quad q = it.next();
            if (keep.contains(q.asTriple())) kept++;
            else stale.add(q);
        }
        stale.forEach(dsg::delete);
        replaced += stale.size();
        return kept;
    }

    /** Empties the graph {@code g} (the first time a load names it). */
    private void empty(Node g) {
        replaced += quadsIn(List.of(g));
        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
    }

    /** Distinct quads now in {@code graphs}. */
    private long quadsIn(Iterable<Node> graphs) {
        String values = stream(graphs).map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        if (values.isEmpty()) return 0;
        return ScokgStore.count(store.dataset(), "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?g { " + values + " } GRAPH ?g { ?s ?p ?o } }");
    }

    private static Stream<Node> stream(Iterable<Node> nodes) {
        return java.util.stream.StreamSupport.stream(nodes.spliterator(), false);
    }

    /** Removes the source graphs ({@code Iris.graph(...)}) this write did not write. */
    private void prune() {
        String sources = Iris.base() + "graph/";
        List<Node> stale = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (g.isURI() && g.getURI().startsWith(sources) && !written.contains(g)) stale.add(g);
        });
        for (Node g : stale) {
            empty(g);
            say.accept("removed stale graph " + g.getURI());
        }
    }

    /**
     * The end of every write: the canonical titles over every source, and the description
     * when {@code describe} or when the store already has one.
     *
     * @return a warning when the sources now in the store were extracted under more than one
     *         title key version (see {@link DocumentIris}), else null
     */
    private String finish(boolean describe) {
        say.accept("computing canonical titles and the dataset description");
        offerSourcesLeftAlone();
        Graph titles = CanonicalDocuments.compute(mentions).getGraph();
        written.remove(canonicalGraph);
        replace(canonicalGraph, titles);
        if (describe || described || dsg.containsGraph(descriptionGraph)) {
            written.remove(descriptionGraph);
            replace(descriptionGraph, GraphFactory.createDefaultGraph());       // the description describes the others
            Graph description = DatasetDescription.compute(store.dataset(), OffsetDateTime.now());
            replace(descriptionGraph, description);
        }
        List<String> versions = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query("SELECT DISTINCT ?v WHERE { GRAPH ?g { ?a "
                + NodeFmtLib.strNT(Sco.titleKeyVersion.asNode()) + " ?v } } ORDER BY ?v").build()) {
            qe.execSelect().forEachRemaining(row -> versions.add(row.getLiteral("v").getLexicalForm()));
        }
        return versions.size() < 2 ? null : "the store holds sources extracted under title key versions " + String.join(", ", versions)
            + ", which name one document with different IRIs; rebuild them together (docs/MODEL.md)";
    }

    /**
     * Offers the canonical step the mentions and documents of the graphs this write left
     * alone (the other sources of a store a build adds to), read with one SPARQL query.
     */
    private void offerSourcesLeftAlone() {
        List<Node> others = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (!written.contains(g) && !g.equals(canonicalGraph) && !g.equals(descriptionGraph)) others.add(g);
        });
        if (others.isEmpty()) return;
        String properties = CanonicalDocuments.READ_PROPERTIES.stream().map(p -> NodeFmtLib.strNT(p.asNode())).collect(Collectors.joining(" "));
        String types = CanonicalDocuments.READ_TYPES.stream().map(t -> NodeFmtLib.strNT(t.asNode())).collect(Collectors.joining(" "));
        String query = "SELECT ?s ?p ?o WHERE { VALUES ?g { " + others.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" ")) + " }\n"
            + "  GRAPH ?g { { VALUES ?p { " + properties + " } ?s ?p ?o }\n"
            + "    UNION { VALUES ?o { " + types + " } ?s a ?o BIND(" + NodeFmtLib.strNT(RDF.Nodes.type) + " AS ?p) } } }";
        try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query).build()) {
            qe.execSelect().forEachRemaining(row -> mentions.offer(row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode()));
        }
    }

    // ------------------------------------------------------------------ files

    /**
     * The RDF syntax of each file: {@code known}, or else from its name; fails on the first
     * that cannot be read or told. (A Spark job names its partitions {@code part-00000.gz} or
     * {@code part-00000.nq.gz}: they are N-Quads whatever their name.)
     */
    private static Map<Path, Lang> syntaxes(List<Path> files, Lang known) throws StoreException {
        Map<Path, Lang> out = new LinkedHashMap<>();
        for (Path f : files) {
            Objects.requireNonNull(f, "file");
            if (!Files.isRegularFile(f)) throw new StoreException(f + ": no such file");
            if (!Files.isReadable(f)) throw new StoreException(f + ": permission denied");
            String name = f.getFileName().toString();
            String bare = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
            Lang lang = known != null ? known : RDFLanguages.filenameToLang(bare);
            if (lang == null)
                throw new StoreException(f + ": cannot tell the RDF syntax from the file name (use .trig, .nq, .ttl, .nt, .jsonld or .rdf, optionally .gz)");
            out.put(f, lang);
        }
        return out;
    }

    /**
     * Parses {@code f} into the transaction; default-graph triples go into {@code Iris.graph(FILE)}.
     * A .gz file is decompressed here: {@code RDFParser.source(Path)} reads the bytes as they
     * are, and RIOT's own decompression by file name reports a corrupt file as a missing one.
     *
     * @return the quads and triples read
     */
    private long parse(Path f, Lang lang) throws StoreException {
        Node defaultGraph = NodeFactory.createURI(Iris.graph(f.getFileName().toString()));
        long[] n = {0};
        StreamRDF into = new StreamRDFBase() {
            @Override public void triple(Triple t) {
                add(defaultGraph, t.getSubject(), t.getPredicate(), t.getObject());
                n[0]++;
            }
            @Override public void quad(Quad q) {
                add(q.isDefaultGraph() ? defaultGraph : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
                n[0]++;
            }
        };
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            RDFParser.source(in).lang(lang).base(f.toUri().toString()).errorHandler(throwingHandler(f)).parse(into);
        } catch (IOException e) {
            throw new StoreException(f + ": cannot read (" + oneLine(e) + ")", e);
        } catch (RiotException e) {
            String m = oneLine(e);
            throw new StoreException(m.startsWith(f.toString()) ? m : f + ": " + m, e);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof IOException io ? io : e;     // RIOT wraps read failures
            throw new StoreException(f + ": cannot load (" + oneLine(cause) + ")", e);
        }
        say.accept("parsed " + f);
        return n[0];
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

    // ------------------------------------------------------------------ packaged graphs

    /** The ontology and the gazetteer (with its computed script labels) by graph; a missing one is a warning. */
    private static Map<Node, Graph> packagedGraphs(List<String> warnings) throws StoreException {
        Map<Node, Graph> out = new LinkedHashMap<>();
        Graph ontology = classpathGraph(ScokgStore.ONTOLOGY_RESOURCE, Sco.ONTOLOGY_GRAPH, warnings);
        if (ontology != null) out.put(NodeFactory.createURI(Sco.ONTOLOGY_GRAPH), ontology);
        Graph gazetteer = classpathGraph(ScokgStore.GAZETTEER_RESOURCE, Iris.base(), warnings);
        if (gazetteer != null) {
            ScriptLabels.enrichGazetteer(gazetteer);
            out.put(NodeFactory.createURI(Sco.GAZETTEER_GRAPH), gazetteer);
        }
        return out;
    }

    /** A graph parsed from the classpath, or null when the resource is missing (a warning is added if {@code warnings} is not null). */
    static Graph classpathGraph(String resource, String base, List<String> warnings) throws StoreException {
        try (InputStream in = StoreWriter.class.getClassLoader().getResourceAsStream(resource)) {
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
}
