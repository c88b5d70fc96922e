package org.scokg.store;

import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;

/**
 * Builds the quad indexes of an empty TDB2 store in bulk, the way Jena's own bulk loader
 * {@code tdb2.xloader} does ({@code ProcBuildIndexX}): each index's records are sorted
 * into its order and written bottom-up as full B+tree pages by
 * {@link BPlusTreeRewriter#packIntoBPlusTree}, in a transaction on that index alone,
 * instead of being inserted one by one from the root. Linear once sorted, and pages are
 * written once.
 *
 * <p>Only for a store that nobody else sees yet (a {@link NextGeneration}): the indexes are
 * written outside any transaction of the dataset, whose in-memory view of them is stale
 * afterwards; release it ({@link NextGeneration#reopen()}) before reading or writing it
 * again.
 */
final class PackedIndexes {
    private PackedIndexes() {}

    /**
     * Writes the quads of {@code quads} into every quad index of {@code tdb}, which must be
     * empty and not in a transaction; the node table must already hold their nodes
     * (committed).
     */
    static void build(DatasetGraphTDB tdb, TupleBuffer quads) {
        if (quads.isEmpty()) return;
        for (TupleIndex index : tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            BPlusTree tree = (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
            CoLib.executeWrite(index, () -> {
                if (!tree.isEmpty()) throw new IllegalStateException("index " + index.getName() + " is not empty");
                BPlusTreeRewriter.packIntoBPlusTree(quads.records(index.getMapping(), tree.getRecordFactory()),
                    tree.getParams(), tree.getRecordFactory(), tree.getStateManager().getBufferChannel(),
                    tree.getNodeManager().getBlockMgr(), tree.getRecordsMgr().getBlockMgr());
            });
        }
    }
}
