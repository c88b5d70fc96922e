package org.scokg.store;

import java.util.Iterator;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Quad counts without turning every stored term back into a Node: on TDB2 the indexes are
 * counted as tuples of node ids, elsewhere the quads are iterated. Call inside a transaction.
 */
final class StoreCounts {
    private StoreCounts() {}

    /** Quads in the named graph {@code g}. */
    static long quads(DatasetGraph dsg, Node g) {
        if (TDBInternal.isTDB2(dsg)) {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            return count(tdb.getQuadTable().getNodeTupleTable().findAsNodeIds(g, Node.ANY, Node.ANY, Node.ANY));
        }
        return count(dsg.find(g, Node.ANY, Node.ANY, Node.ANY));
    }

    /** Quads in the dataset: every named graph plus the stored default graph (as {@code dsg.find()}). */
    static long all(DatasetGraph dsg) {
        if (TDBInternal.isTDB2(dsg)) {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            return tdb.getTripleTable().getNodeTupleTable().size() + tdb.getQuadTable().getNodeTupleTable().size();
        }
        return count(dsg.find());
    }

    /** True when the store holds nothing but named graphs: no triple in the stored default graph, no stored prefix. */
    static boolean onlyNamedGraphs(DatasetGraph dsg) {
        if (!TDBInternal.isTDB2(dsg)) return dsg.getDefaultGraph().isEmpty() && dsg.prefixes().isEmpty();
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        return tdb.getTripleTable().getNodeTupleTable().isEmpty() && tdb.getStoragePrefixes().isEmpty();
    }

    private static long count(Iterator<?> it) {
        long n = 0;
        while (it.hasNext()) { it.next(); n++; }
        return n;
    }
}
