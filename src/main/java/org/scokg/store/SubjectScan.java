package org.scokg.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

/**
 * One pass over a TDB2 store's quads in subject order (its SPOG index), as node ids: quads,
 * distinct subjects and the IRI classes ({@code rdf:type}) of each subject are counted
 * without a set of all subjects in memory; only the subjects of classes the caller asks
 * about are turned back into Nodes. Call inside a transaction.
 */
final class SubjectScan {
    private final DatasetGraphTDB tdb;
    private final TupleIndex spog;

    private SubjectScan(DatasetGraphTDB tdb, TupleIndex spog) {
        this.tdb = tdb;
        this.spog = spog;
    }

    /**
     * A scan of {@code dsg}, or null when it does not apply: not TDB2, no SPOG index, or
     * triples in the stored default graph (they are in another table, not in subject order
     * with the quads).
     */
    static SubjectScan of(DatasetGraph dsg) {
        if (!TDBInternal.isTDB2(dsg)) return null;
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        if (!tdb.getTripleTable().getNodeTupleTable().isEmpty()) return null;
        for (TupleIndex idx : tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes())
            if (idx.getName().equalsIgnoreCase("SPOG")) return new SubjectScan(tdb, idx);
        return null;
    }

    /** What the scan found. */
    static final class Result {
        long quads, subjects, typedSubjects, subjectsWithType;
        /** Distinct subjects per IRI class. */
        final Map<Node, Long> perClass = new HashMap<>();
    }

    /** True when graph {@code g} holds no quad. */
    boolean emptyGraph(Node g) {
        return !tdb.getQuadTable().getNodeTupleTable().findAsNodeIds(g, Node.ANY, Node.ANY, Node.ANY).hasNext();
    }

    /**
     * Scans every quad.
     *
     * @param watched classes whose subjects go to {@code onSubject} (subject, class), once per pair
     * @param watchedSubjects subjects to report (to {@code onSubject} with a null class) when present
     */
    Result run(Set<Node> watched, Set<Node> watchedSubjects, BiConsumer<Node, Node> onSubject) {
        NodeTable nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        NodeId type = nodes.getNodeIdForNode(RDF.Nodes.type);
        Map<NodeId, Node> watchedIds = new HashMap<>();
        for (Node c : watched) {
            NodeId id = nodes.getNodeIdForNode(c);
            if (id != null && !NodeId.isDoesNotExist(id)) watchedIds.put(id, c);
        }
        Map<NodeId, Node> watchedSubjectIds = new HashMap<>();
        for (Node s : watchedSubjects) {
            NodeId id = nodes.getNodeIdForNode(s);
            if (id != null && !NodeId.isDoesNotExist(id)) watchedSubjectIds.put(id, s);
        }
        Map<NodeId, Boolean> isIri = new HashMap<>();
        Map<NodeId, long[]> perClass = new HashMap<>();
        Result r = new Result();
        NodeId current = null;
        boolean hasType = false;
        Set<NodeId> classes = new HashSet<>();
        Iterator<Tuple<NodeId>> it = spog.all();
        while (it.hasNext()) {
            Tuple<NodeId> t = it.next();      // in table order: G S P O
            r.quads++;
            NodeId s = t.get(1);
            if (!s.equals(current)) {
                flush(current, hasType, classes, perClass, watchedIds, nodes, onSubject, r);
                current = s;
                hasType = false;
                classes.clear();
                r.subjects++;
                Node ws = watchedSubjectIds.get(s);
                if (ws != null) onSubject.accept(ws, null);
            }
            if (type != null && t.get(2).equals(type)) {
                hasType = true;
                NodeId o = t.get(3);
                if (isIri.computeIfAbsent(o, id -> !id.isInline() && nodes.getNodeForNodeId(id).isURI())) classes.add(o);
            }
        }
        flush(current, hasType, classes, perClass, watchedIds, nodes, onSubject, r);
        perClass.forEach((id, n) -> r.perClass.put(nodes.getNodeForNodeId(id), n[0]));
        return r;
    }

    private static void flush(NodeId s, boolean hasType, Set<NodeId> classes, Map<NodeId, long[]> perClass,
                              Map<NodeId, Node> watchedIds, NodeTable nodes, BiConsumer<Node, Node> onSubject, Result r) {
        if (s == null) return;
        if (hasType) r.subjectsWithType++;
        if (classes.isEmpty()) return;
        r.typedSubjects++;
        Node subject = null;
        for (NodeId c : classes) {
            perClass.computeIfAbsent(c, k -> new long[1])[0]++;
            Node watched = watchedIds.get(c);
            if (watched != null) {
                if (subject == null) subject = nodes.getNodeForNodeId(s);
                onSubject.accept(subject, watched);
            }
        }
    }
}
