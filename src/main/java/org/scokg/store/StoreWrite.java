package org.scokg.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.scokg.model.CanonicalDocuments;

import static org.scokg.store.ScokgStore.oneLine;

/**
 * The one atomic write of a {@link ScokgStore#load} or {@link ScokgStore#build}: in place in
 * one TDB2 write transaction, or into a new generation of the store switched in at the end
 * ({@link #write}); then what depends on every graph, the canonical titles and the dataset
 * description ({@link #finish}). Failures are {@link StoreException}s saying nothing was
 * changed. {@code owned} is false over a dataset someone else owns (a running server's):
 * then always in place. {@code progress} hears, in a line, how the write goes about it.
 */
record StoreWrite(Path directory, DatasetGraph dsg, boolean owned, java.util.function.Consumer<String> progress) {

    /** Work inside a write transaction: true to commit, false to abort; may throw a StoreException (aborts) or anything else. */
    private interface WriteWork {
        boolean run() throws StoreException;
    }

    /** Writing into the store through {@code w}: false when there was nothing usable to write (nothing is changed then). */
    interface Writing {
        boolean write(GraphReplacer w) throws StoreException;
    }

    /** Reads the store right after a write, before anyone else can write: {@code state} is the store, {@code graphs} those written. */
    interface AfterWriting {
        void read(DatasetGraph state, List<Node> graphs);
    }

    /**
     * Heap a write into a new generation may hold for the quads as node ids (32 bytes each,
     * twice while {@link PackedIndexes} builds): past it, each full batch is sorted and
     * spilled to disk ({@link SortedRuns}) and merged back when the indexes are packed.
     */
    static volatile long bulkBytes = Runtime.getRuntime().maxMemory() / 8;
    /**
     * Heap a write into a new generation may hold for {@link CanonicalInput} (about 400 bytes
     * a mention or document; measured: 27 MB for the 75,000 of the generated 10 MB corpus):
     * past it, the quads are written into the new generation as they come, as in place, and
     * the canonical titles computed over it.
     */
    static volatile long canonicalBytes = Runtime.getRuntime().maxMemory() / 4;

    private static int bulkQuads() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, bulkBytes / 64));
    }

    private static long canonicalInputSubjects() {
        return canonicalBytes / 400;
    }

    /**
     * Writes into the store in one atomic step, then recomputes what depends on every graph
     * ({@link #finish}) and calls {@code after} on the new state. Two ways, same result:
     * <ul>
     * <li>When the new content does not depend on what the store holds ({@code fresh}, given
     *     its named graphs; it must hold nothing else: no default-graph triple, no stored
     *     prefix) and the store is a TDB2 store on disk of the caller's own: into a new
     *     generation of the store, switched in at the end
     *     ({@link NextGeneration}). The quads are held as node ids (in memory up to
     *     {@link #bulkBytes}, then in sorted runs on disk) and the canonical titles computed
     *     from {@link CanonicalInput}; the indexes are then packed in bulk
     *     ({@link PackedIndexes}), as Jena's bulk loaders do into an empty store. Past
     *     {@link #canonicalBytes}, the quads are written to the new generation's indexes as
     *     they come, as in place. Meanwhile other threads' transactions
     *     on the store wait (TDB2's exclusive mode): one that spanned the switch would find the
     *     new generation under its feet half-way.</li>
     * <li>Otherwise, and always over a dataset someone else owns (a server's: its readers
     *     never wait), in one write transaction on the store ({@link GraphReplacer}).</li>
     * </ul>
     *
     * @return false when {@code writing} had nothing to write (the store is unchanged)
     */
    boolean write(Predicate<Set<Node>> fresh, Writing writing, boolean describe, AfterWriting after) throws StoreException {
        if (owned && NextGeneration.supports(dsg)) {
            DatasetGraphSwitchable container = (DatasetGraphSwitchable) dsg;
            container.startExclusiveMode();        // waits for other transactions, holds new ones back
            try {
                Set<Node> before = Txn.calculateRead(dsg, () -> StoreCounts.onlyNamedGraphs(dsg) ? graphNodes(dsg) : null);
                if (before != null && fresh.test(before)) return writeNewGeneration(before, writing, describe, after);
            } finally {
                container.finishExclusiveMode();
            }
        }
        return inWriteTransaction(dsg, () -> {
            GraphReplacer w = new GraphReplacer(dsg);
            if (!writing.write(w)) return false;
            w.flush();
            after.read(dsg, List.copyOf(w.graphs()));
            finish(dsg, w, describe);
            return true;
        });
    }

    /** The writing of {@link #write} into a new generation; false when there was nothing to write. */
    private boolean writeNewGeneration(Set<Node> before, Writing writing, boolean describe, AfterWriting after) throws StoreException {
        try (NextGeneration next = NextGeneration.create(dsg)) {
            DatasetGraphTDB tdb = next.dataset();
            CanonicalInput input = new CanonicalInput(canonicalInputSubjects());
            SortedRuns spilled = new SortedRuns(next.directory().resolve(SPILLED));
            GraphReplacer w = new GraphReplacer(tdb, bulkQuads(), (g, s, p, o) -> input.offer(s, p, o), before, spilled);
            boolean[] bulk = {false};
            Node canonical = NodeFactory.createURI(CanonicalDocuments.GRAPH);
            List<Node> written = new ArrayList<>();
            boolean wrote = inWriteTransaction(tdb, () -> {
                if (!writing.write(w)) return false;
                written.addAll(w.graphs());
                // Graphs that finish() rewrites must not come from the input as well.
                if (!w.written() && input.complete() && !w.graphs().contains(canonical)
                        && !w.graphs().contains(NodeFactory.createURI(DatasetDescription.GRAPH))) {
                    w.replace(canonical, input.canonical());
                    bulk[0] = !w.written();
                }
                // Nothing in the indexes yet: they are packed after this transaction, which
                // commits the node table. Otherwise as in the store itself.
                if (!bulk[0]) {
                    progress.accept("new generation: writing the indexes as it goes ("
                        + (w.written() ? "the input has default-graph triples" : !input.complete() ? "the canonical input passed its memory"
                            : "the input has its own canonical or description graph") + ")");
                    w.flush();
                    after.read(tdb, written);
                    finish(tdb, w, describe);
                }
                return true;
            });
            if (!wrote) return false;
            try {
                if (bulk[0]) {
                    progress.accept(String.format("new generation: packing the indexes in bulk (%,d quads in memory%s)",
                        w.pending().size(), spilled.isEmpty() ? "" : String.format(", %,d in %d sorted run%s on disk", spilled.quads(), spilled.runs(), spilled.runs() == 1 ? "" : "s")));
                    PackedIndexes.build(tdb, w.pending(), spilled);
                    w.pending().clear();
                    if (describe) {
                        DatasetGraphTDB packed = next.reopen();
                        inWriteTransaction(packed, () -> {
                            describe(packed, new GraphReplacer(packed));
                            return true;
                        });
                    }
                }
                spilled.close();                    // not part of the store
                next.switchIn();
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            }
            if (bulk[0]) Txn.executeRead(dsg, () -> after.read(dsg, written));
            return true;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The directory inside the new generation's for quads spilled to disk (gone before it is switched in). */
    private static final String SPILLED = "scokg-spilled-quads";

    /** "cannot write to the store at DIR (nothing was changed): why". */
    private StoreException failed(Exception e) {
        return new StoreException("cannot write to the store at " + directory + " (nothing was changed): " + oneLine(e), e);
    }

    /** The named graphs of {@code dsg}. */
    private static Set<Node> graphNodes(DatasetGraph dsg) {
        Set<Node> s = new java.util.HashSet<>();
        dsg.listGraphNodes().forEachRemaining(s::add);
        return s;
    }

    /**
     * Runs {@code work} in one write transaction on {@code target}, on this thread, and commits (unless it
     * returns false: then it aborts); on any failure
     * aborts (the store is unchanged) and throws a StoreException: the work's own, or
     * "cannot write to the store at DIR (nothing was changed): ...".
     *
     * @return true when it committed
     */
    private boolean inWriteTransaction(DatasetGraph target, WriteWork work) throws StoreException {
        try {
            target.begin(TxnType.WRITE);
        } catch (RuntimeException e) {
            throw failed(e);
        }
        boolean committed = false;
        try {
            if (work.run()) {
                target.commit();
                committed = true;
            }
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            if (!committed) {
                try { target.abort(); } catch (RuntimeException ignored) { /* the original failure matters */ }
            }
            target.end();
        }
        return committed;
    }

    /**
     * The end of every write transaction: recomputes the canonical document titles
     * ({@link CanonicalDocuments}) over the union of all graphs and, when {@code describe}
     * or when the store already has one, the dataset description ({@link DatasetDescription}).
     */
    private static void finish(DatasetGraph dsg, GraphReplacer w, boolean describe) {
        w.flush();
        // Canonical titles depend on every source: recompute them in the same transaction.
        Node canonical = NodeFactory.createURI(CanonicalDocuments.GRAPH);
        dsg.deleteAny(canonical, Node.ANY, Node.ANY, Node.ANY);
        Graph titles = CanonicalDocuments.compute(ModelFactory.createModelForGraph(dsg.getUnionGraph())).getGraph();
        w.replace(canonical, titles);
        w.flush();
        if (describe || dsg.containsGraph(NodeFactory.createURI(DatasetDescription.GRAPH))) describe(dsg, w);
    }

    /** The VoID/DCAT description: written by a build, kept up to date by later loads. */
    private static void describe(DatasetGraph dsg, GraphReplacer w) {
        Node described = NodeFactory.createURI(DatasetDescription.GRAPH);
        dsg.deleteAny(described, Node.ANY, Node.ANY, Node.ANY);
        w.replace(described, DatasetDescription.compute(dsg, java.time.OffsetDateTime.now()));
        w.flush();
    }
}
