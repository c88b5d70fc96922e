package org.scokg.store;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.jena.dboe.base.record.Record;
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
     * empty and not in a transaction, and those of {@code spilled} (null: none); the node
     * table must already hold their nodes (committed). With more than one core, half the
     * indexes are built on a second thread from a copy of the quads in memory (as Jena's
     * phased loader builds indexes on threads of their own): twice the memory of
     * {@code quads} for the time of the build.
     */
    static void build(DatasetGraphTDB tdb, TupleBuffer quads, SortedRuns spilled) {
        if (quads.isEmpty() && (spilled == null || spilled.isEmpty())) return;
        List<TupleIndex> indexes = List.of(tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes());
        if (Runtime.getRuntime().availableProcessors() < 2 || indexes.size() < 2) {
            for (TupleIndex index : indexes) pack(index, quads, spilled);
            return;
        }
        List<TupleIndex> first = indexes.subList(0, indexes.size() / 2), second = indexes.subList(indexes.size() / 2, indexes.size());
        TupleBuffer copy = quads.copy();
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> second.forEach(index -> pack(index, copy, spilled)), PackedIndexes::thread);
        try {
            first.forEach(index -> pack(index, quads, spilled));
        } finally {
            try {
                other.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private static void thread(Runnable r) {
        Thread t = new Thread(r, "scokg-pack");
        t.setDaemon(true);
        t.start();
    }

    /** Packs {@code quads} and {@code spilled} into {@code index}, in a transaction on that index alone. */
    private static void pack(TupleIndex index, TupleBuffer quads, SortedRuns spilled) {
        BPlusTree tree = (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
        CoLib.executeWrite(index, () -> {
            if (!tree.isEmpty()) throw new IllegalStateException("index " + index.getName() + " is not empty");
            Iterator<Record> records = spilled == null || spilled.isEmpty() ? quads.records(index.getMapping(), tree.getRecordFactory())
                : spilled.records(index, quads, tree.getRecordFactory());
            BPlusTreeRewriter.packIntoBPlusTree(records,
                tree.getParams(), tree.getRecordFactory(), tree.getStateManager().getBufferChannel(),
                tree.getNodeManager().getBlockMgr(), tree.getRecordsMgr().getBlockMgr());
        });
    }
}
