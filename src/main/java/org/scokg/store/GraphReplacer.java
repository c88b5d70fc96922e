package org.scokg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
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
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes quads into a dataset inside a write transaction with <em>replace</em> semantics:
 * the first time a graph is written, whatever the dataset held in it is deleted, so the
 * graph ends up holding exactly what was written to it in this transaction. On TDB2 the
 * quads are held back in batches of {@link #BATCH} (as node ids, about 15 MB) and written
 * index by index in that index's order, which touches far fewer B+tree pages than TDB2's
 * quad-at-a-time {@code add}; still one transaction on one thread, so just as atomic.
 * Reads of the dataset must come after {@link #flush()}. Beyond the batch, only the names
 * of the graphs written are held.
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
    private final List<Tuple<NodeId>> pending = new ArrayList<>();

    GraphReplacer(DatasetGraph dsg) {
        this.dsg = dsg;
        // Only on TDB2's own dataset objects: through a wrapper (one that watches changes,
        // say) the writes must go through the wrapper.
        if (dsg instanceof DatasetGraphSwitchable || dsg instanceof DatasetGraphTDB) {
            NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
            nodes = quads.getNodeTable();
            indexes = quads.getTupleTable().getIndexes();
        } else {
            nodes = null;
            indexes = null;
        }
    }

    /** Adds a quad, replacing graph {@code g} first if it has not been written yet. */
    void add(Node g, Node s, Node p, Node o) {
        if (g != last && !g.equals(last)) {
            if (replaced.add(g)) dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            last = g;
        }
        added++;
        if (nodes == null || Quad.isDefaultGraph(g)) {
            flush();
            dsg.add(g, s, p, o);
            return;
        }
        pending.add(TupleFactory.create4(nodes.getAllocateNodeId(g), nodes.getAllocateNodeId(s),
            nodes.getAllocateNodeId(p), nodes.getAllocateNodeId(o)));
        if (pending.size() >= BATCH) flush();
    }

    /**
     * Writes the quads held back: into each index in that index's order, so that
     * consecutive inserts go to neighbouring B+tree leaves (as TDB2's own dsg.add does,
     * one tuple into every index, but far fewer scattered page touches). Call before
     * reading the dataset.
     */
    void flush() {
        if (pending.isEmpty()) return;
        for (TupleIndex index : indexes) {
            if (index == null) continue;
            TupleMap map = index.getMapping();
            pending.sort((a, b) -> {
                for (int i = 0; i < 4; i++) {
                    int c = NodeId.compare(map.mapSlot(i, a), map.mapSlot(i, b));
                    if (c != 0) return c;
                }
                return 0;
            });
            for (Tuple<NodeId> t : pending) index.add(t);
        }
        pending.clear();
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
        flush();
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

    /** The named graphs of the dataset that were not written and whose IRI starts with {@code prefix}. */
    List<Node> untouched(String prefix) {
        flush();
        List<Node> out = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (g.isURI() && g.getURI().startsWith(prefix) && !replaced.contains(g)) out.add(g);
        });
        return out;
    }
}
