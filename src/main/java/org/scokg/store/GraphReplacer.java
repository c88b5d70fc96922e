package org.scokg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes quads into a dataset inside a write transaction with <em>replace</em> semantics:
 * the first time a graph is written, whatever the dataset held in it is deleted, so the
 * graph ends up holding exactly what was written to it in this transaction. On TDB2 the
 * quads are held back in batches (of {@link #BATCH} unless told otherwise; as node ids in a
 * {@link TupleBuffer}, 32 bytes a quad) and written index by index in that index's order,
 * which touches far fewer B+tree pages than TDB2's quad-at-a-time {@code add}; still one
 * transaction on one thread, so just as atomic. Reads of the dataset must come after
 * {@link #flush()}. Beyond the batch, only the names of the graphs written are held.
 *
 * <p>With a batch as large as the whole input, or with {@link SortedRuns} to spill full
 * batches to, nothing reaches the indexes until the caller decides: into an empty store, the
 * held quads can then be packed into the indexes in bulk instead ({@link #pending()},
 * {@link #runs()}, {@link PackedIndexes}).
 *
 * <p>Not thread-safe, and TDB2 transactions belong to a thread: use it only on the thread
 * that began the write transaction.
 */
final class GraphReplacer {
    /** Quads held back (as node ids) and written index by index in sorted order. */
    static final int BATCH = 100_000;

    private final DatasetGraph dsg;
    private final Set<Node> replaced = new LinkedHashSet<>();
    private Node last;
    private long added;
    /** TDB2 only: the quad table's node table and indexes, and the quads not written yet. */
    private final NodeTable nodes;
    private final TupleIndex[] indexes;
    private final TupleBuffer pending = new TupleBuffer();
    private int batch;
    private final QuadPipe.Sink tee;
    /** Where full batches go before anything was written (null: to the indexes). */
    private final SortedRuns runs;
    /** The named graphs of the store before this write, when not the dataset's own (see {@link #untouched}). */
    private final Set<Node> before;
    private boolean written;
    /** The node ids of the last graph and subject, and of the predicates: most quads repeat them. */
    private final NodeIds lastGraph = new NodeIds(), lastSubject = new NodeIds();
    private final Map<Node, NodeId> predicates = new HashMap<>();

    GraphReplacer(DatasetGraph dsg) {
        this(dsg, BATCH, null, null, null);
    }

    /**
     * A writer that holds back up to {@code batch} quads before it writes them to the
     * indexes (then batches of {@link #BATCH} at most: the memory is given back), or, with
     * {@code runs} (when not null) and as long as nothing was written, spills each full batch
     * there; it shows every quad added to {@code tee} (when not null). {@code before}: the
     * named graphs of the store this write replaces, when {@code dsg} is not that store but
     * a new one in its place (null: {@code dsg} itself).
     */
    GraphReplacer(DatasetGraph dsg, int batch, QuadPipe.Sink tee, Set<Node> before, SortedRuns runs) {
        if (batch < 1) throw new IllegalArgumentException("batch " + batch);
        this.dsg = dsg;
        this.batch = batch;
        this.tee = tee;
        this.runs = runs;
        this.before = before;
        // Only on TDB2's own dataset objects: through a wrapper (one that watches changes,
        // say) the writes must go through the wrapper.
        NodeTupleTable quads = dsg instanceof DatasetGraphSwitchable || dsg instanceof DatasetGraphTDB
            ? TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable() : null;
        if (quads != null && Arrays.stream(quads.getTupleTable().getIndexes()).allMatch(i -> i instanceof TupleIndexRecord)) {
            nodes = quads.getNodeTable();
            indexes = quads.getTupleTable().getIndexes();
        } else {
            nodes = null;
            indexes = null;
        }
    }

    /** A one-entry cache of a node's id. */
    private static final class NodeIds {
        Node node;
        NodeId id;
    }

    /** Adds a quad, replacing graph {@code g} first if it has not been written yet. */
    void add(Node g, Node s, Node p, Node o) {
        if (g != last && !g.equals(last)) {
            if (replaced.add(g)) dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            last = g;
        }
        added++;
        if (tee != null) tee.add(g, s, p, o);
        if (nodes == null || Quad.isDefaultGraph(g)) {
            flush();
            written = true;
            dsg.add(g, s, p, o);
            return;
        }
        NodeId pid = predicates.get(p);
        if (pid == null) {
            if (predicates.size() > 10_000) predicates.clear();
            predicates.put(p, pid = nodes.getAllocateNodeId(p));
        }
        pending.add(id(lastGraph, g), id(lastSubject, s), pid, nodes.getAllocateNodeId(o));
        if (pending.size() >= batch) {
            if (runs != null && !written) {
                runs.spill(pending, indexes);
                pending.clear();
            } else {
                flush();
            }
        }
    }

    private NodeId id(NodeIds last, Node n) {
        if (!n.equals(last.node)) {
            last.id = nodes.getAllocateNodeId(n);
            last.node = n;
        }
        return last.id;
    }

    /**
     * Writes the quads held back: into each index in that index's order, so that
     * consecutive inserts go to neighbouring B+tree leaves (as TDB2's own dsg.add does,
     * one tuple into every index, but far fewer scattered page touches), spilled ones
     * included. Call before reading the dataset.
     */
    void flush() {
        boolean spilled = runs != null && !runs.isEmpty();
        if (pending.isEmpty() && !spilled) return;
        written = true;
        batch = Math.min(batch, BATCH);
        for (TupleIndex index : indexes) {
            RangeIndex tree = ((TupleIndexRecord) index).getRangeIndex();
            (spilled ? runs.records(index, pending, tree.getRecordFactory()) : pending.records(index.getMapping(), tree.getRecordFactory()))
                .forEachRemaining(tree::insert);
        }
        pending.clear();
        if (spilled) {
            try {
                runs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * True once a quad went to the dataset: false while every quad added is still held back
     * in {@link #pending()} (deletes do not count: into an empty store they change nothing).
     */
    boolean written() {
        return written;
    }

    /** The quads held back in memory, not written yet. */
    TupleBuffer pending() {
        return pending;
    }

    /** The quads held back on disk, not written yet (null when it does not spill). */
    SortedRuns runs() {
        return runs;
    }

    /** Replaces graph {@code g} with {@code content} (an empty {@code content} leaves the graph empty). */
    void replace(Node g, Graph content) {
        Iterator<Triple> it = content.find();
        while (it.hasNext()) {
            Triple t = it.next();
            add(g, t.getSubject(), t.getPredicate(), t.getObject());
        }
        if (replaced.add(g)) dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);   // empty content
    }

    /** Removes graph {@code g} (it counts as written: later quads for it are added, not replaced). */
    void clear(Node g) {
        if (replaced.contains(g)) flush();      // its quads held back go too
        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        replaced.add(g);
    }

    /** The graphs written so far, in the order first written. */
    Set<Node> graphs() {
        return replaced;
    }

    /** Quads added (duplicates included). */
    long added() {
        return added;
    }

    /** The named graphs of the store that were not written and whose IRI starts with {@code prefix}. */
    List<Node> untouched(String prefix) {
        List<Node> out = new ArrayList<>();
        Iterator<Node> graphs;
        if (before != null) graphs = before.iterator();
        else {
            flush();
            graphs = dsg.listGraphNodes();
        }
        graphs.forEachRemaining(g -> {
            if (g.isURI() && g.getURI().startsWith(prefix) && !replaced.contains(g)) out.add(g);
        });
        return out;
    }
}
