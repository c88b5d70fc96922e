package org.scokg.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.scokg.text.SourceReader;

/**
 * The scokg TDB2 store: the one entry point for writing, reading and dumping the graph.
 * This class connects to the store; each thing done to it is a class of its own:
 * {@link StoreWriter} writes (build, load, build from N-Quads partitions),
 * {@link Validation} validates with SHACL, {@link DatasetDescription} describes (VoID/DCAT),
 * {@link StoreExport} dumps, {@link SentenceIndex} keeps the full-text index of the sentences.
 *
 * <p>Open with {@link #open(Path)} (creates the store when missing) or
 * {@link #openExisting(Path)} (for read commands: never creates anything). The dataset has
 * TDB2's union default graph switched on, so SPARQL queries without {@code GRAPH} see every
 * named graph (docs/MODEL.md).
 *
 * <p>Trade-offs:
 * <ul>
 * <li>Every write ({@link #build}, {@link #load}, {@link #buildFromNQuads}) is one TDB2 write
 *     transaction ({@link StoreWriter}): all or nothing, even when the process is killed;
 *     readers (a server's requests) keep reading the previous state meanwhile and never wait.</li>
 * <li>TDB2 allows one process per store: it holds a file lock ({@code tdb.lock}, which
 *     records the owner's process id) as long as the store is open, and refuses any other
 *     process with the message of {@link #openFailure}. Within one JVM, every
 *     {@code ScokgStore} over one directory shares one connection.</li>
 * <li>{@link #close()} ends this object's use of the store, but TDB2's public API cannot
 *     release a connection: the store stays open, and locked, until the JVM exits (the
 *     command line runs one command per JVM).</li>
 * </ul>
 * Arguments are checked at the boundary ({@link IllegalArgumentException} /
 * {@link NullPointerException}); expected failures (missing store, parse errors, I/O) are
 * {@link StoreException}s with a one-line message.
 */
public final class ScokgStore implements AutoCloseable {
    /** Classpath location of the ontology, loaded into {@code Sco.ONTOLOGY_GRAPH} by a build. */
    public static final String ONTOLOGY_RESOURCE = "ontology/scokg.ttl";
    /** Classpath location of the gazetteer, loaded into {@code Sco.GAZETTEER_GRAPH} by a build, parsed with base {@code Iris.base()}. */
    public static final String GAZETTEER_RESOURCE = "ontology/gazetteer.ttl";
    /** Classpath location of the SHACL shapes a build validates with. */
    public static final String SHAPES_RESOURCE = "ontology/shapes.ttl";

    private final Path directory;
    private final Dataset dataset;
    private final Dataset writable;
    private boolean closed;

    private ScokgStore(Path directory, Dataset dataset) throws StoreException {
        this.directory = directory;
        this.dataset = dataset;
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        this.writable = SentenceIndex.over(dataset, directory);
    }

    /**
     * A store over a TDB2 dataset that is already open in this JVM (a running server's):
     * writes go through the same transactions the server's readers use, so they see the
     * old or the new state, never a mix.
     */
    public static ScokgStore over(Path dir, Dataset dataset) throws StoreException {
        Objects.requireNonNull(dir, "store directory");
        Objects.requireNonNull(dataset, "dataset");
        return new ScokgStore(dir, dataset);
    }

    /**
     * Present in a store directory while TDB2 creates a new store in it. TDB2 writes a new
     * store's files one by one: a process killed meanwhile leaves files TDB2 cannot open
     * ("Node block manager empty"), which never held data. The marker says so, so that the
     * next {@link #open} starts that store afresh and {@link #exists} does not count it.
     */
    static final String CREATING = "scokg-creating";

    /** Opens the store at {@code dir}, creating the directory and an empty store if needed. */
    public static ScokgStore open(Path dir) throws StoreException {
        Objects.requireNonNull(dir, "store directory");
        Path creating = dir.resolve(CREATING);
        boolean fresh;
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new StoreException(dir + " is not a directory");
            Files.createDirectories(dir);
            if (Files.exists(creating)) {
                clearAllBut(dir, creating);                // a creation killed before it ended: nothing was stored
                fresh = true;
            } else {
                fresh = !exists(dir);
                if (fresh) Files.createFile(creating);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create store directory " + dir + ": " + e.getMessage(), e);
        }
        ScokgStore store = connect(dir);
        if (fresh) {
            try {
                Files.delete(creating);
            } catch (IOException e) {
                store.close();
                throw new StoreException("cannot write the store directory " + dir + ": " + e.getMessage(), e);
            }
        }
        return store;
    }

    /** Deletes everything in {@code dir} but {@code keep} (the files of a store whose creation never ended). */
    private static void clearAllBut(Path dir, Path keep) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList())
                if (!p.equals(dir) && !p.equals(keep)) Files.delete(p);
        }
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

    /**
     * True when {@code dir} holds a TDB2 store (a directory with TDB2 data or its lock file),
     * not one whose creation was cut short.
     */
    public static boolean exists(Path dir) {
        if (dir == null || !Files.isDirectory(dir) || Files.exists(dir.resolve(CREATING))) return false;
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
        Dataset tdb;
        try {
            tdb = TDB2Factory.connectDataset(dir.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new StoreException(openFailure(dir, e), e);
        }
        return new ScokgStore(dir, tdb);
    }

    /**
     * The one-line message for a failure to open the TDB2 store at {@code dir}: "the store at
     * DIR is in use by another process (pid N); ..." when another process holds its lock.
     */
    public static String openFailure(Path dir, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t.getClass().getSimpleName().equals("AlreadyLocked") || m.contains("tdb.lock") || m.toLowerCase(Locale.ROOT).contains("locked")) {
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

    /** The TDB2 dataset (union default graph on, the full-text index in its context). Use it inside transactions. */
    public Dataset dataset() {
        checkOpen();
        return dataset;
    }

    /**
     * The same data as {@link #dataset()}, to write through: every change to a sentence changes
     * the full-text index in the same transaction ({@link SentenceIndex}). Queries are faster on
     * {@link #dataset()}, which TDB2's own query engine answers.
     */
    public Dataset writable() {
        checkOpen();
        return writable;
    }

    // ------------------------------------------------------------------ write

    /** What {@link #load} did: files read, graphs replaced, distinct quads now in them, quads in the store. */
    public record LoadSummary(int files, List<String> graphs, long quadsLoaded, long storeQuads) {}

    /**
     * Loads RDF files into the store, replacing each graph they name, in one write
     * transaction ({@link StoreWriter#load}).
     *
     * @throws StoreException naming the file (and line) of a parse error, or a write failure; nothing is changed then
     */
    public LoadSummary load(List<Path> files, Consumer<String> progress) throws StoreException {
        checkOpen();
        return new StoreWriter(this, progress).load(files);
    }

    /**
     * What {@link #build} or {@link #buildFromNQuads} did.
     *
     * @param processed       file names of the documents extracted (or loaded) and stored
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
     * Extracts the inputs into the store in one write transaction ({@link StoreWriter#build}),
     * then validates the store with SHACL ({@link Validation}). A document that cannot be
     * read or extracted is reported, not fatal; when no document could be used, the store
     * is left as it was.
     *
     * @param prune when true, source graphs of documents not in this build are removed (a full rebuild of the corpus)
     * @throws StoreException when the store cannot be written (nothing is changed then)
     */
    public BuildSummary build(List<Path> inputs, SourceReader reader, boolean prune, Consumer<String> progress) throws StoreException {
        checkOpen();
        return validated(new StoreWriter(this, progress).build(inputs, reader, prune), progress);
    }

    /**
     * Builds a complete store from a directory of N-Quads partitions written by a Spark job
     * ({@code DIR/part-*}, plus {@code _SUCCESS}) in one write transaction
     * ({@link StoreWriter#buildFromNQuads}), then validates it: the same store as
     * {@link #build} on the texts the partitions were extracted from.
     *
     * @throws StoreException when the directory is not a complete job output, a partition
     *                        cannot be parsed, or the store cannot be written (nothing is changed then)
     */
    public BuildSummary buildFromNQuads(Path partitions, boolean prune, Consumer<String> progress) throws StoreException {
        checkOpen();
        return validated(new StoreWriter(this, progress).buildFromNQuads(partitions, prune), progress);
    }

    /** The summary of a write, with the SHACL validation of the store written. */
    private BuildSummary validated(StoreWriter.Built b, Consumer<String> progress) throws StoreException {
        if (b.processed().isEmpty())
            return new BuildSummary(List.of(), b.skipped(), b.failed(), b.warnings(), 0, quadCount(), 0, -1, List.of());
        List<String> warnings = new ArrayList<>(b.warnings());
        Validation.Result v = Validation.validate(dataset, progress == null ? s -> {} : progress, warnings);
        return new BuildSummary(b.processed(), b.skipped(), b.failed(), List.copyOf(warnings), b.sourceTriples(),
            b.storeQuads(), entityCount(), v.violations(), v.messages());
    }

    // ------------------------------------------------------------------ read

    /** Number of quads in the store's named graphs. */
    public long quadCount() {
        return count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    }

    /** Distinct subjects that have an rdf:type, over the union of all graphs. */
    public long entityCount() {
        return count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t }");
    }

    /** Names of the named graphs in the store, sorted. */
    public List<String> graphNames() {
        checkOpen();
        return Txn.calculateRead(dataset, () -> {
            TreeSet<String> s = new TreeSet<>();
            dataset.asDatasetGraph().listGraphNodes().forEachRemaining(g -> s.add(g.toString()));
            return List.copyOf(s);
        });
    }

    /** The number {@code ?n} that {@code query} selects, in a read transaction (or the caller's). */
    private long count(String query) {
        checkOpen();
        return Txn.calculateRead(dataset, () -> count(dataset, query));
    }

    /** The number {@code ?n} that {@code query} selects over {@code ds}; call inside a transaction. */
    static long count(Dataset ds, String query) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            var rows = qe.execSelect();
            return rows.hasNext() ? rows.next().getLiteral("n").getLong() : 0;
        }
    }

    // ------------------------------------------------------------------ export

    /** Writes the store to {@code out} in {@code format} ({@link StoreExport}). The stream is not closed. */
    public void export(ExportFormat format, OutputStream out) throws StoreException {
        checkOpen();
        StoreExport.write(dataset, format, out);
    }

    // ------------------------------------------------------------------

    private void checkOpen() {
        if (closed) throw new IllegalStateException("store " + directory + " is closed");
    }

    /** Ends this object's use of the store (see the class comment). Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    /** A throwable as one line: its message, or its class name. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        return m.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
