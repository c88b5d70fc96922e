package org.scokg.store;

import java.util.function.Consumer;

import org.apache.jena.tdb2.DatabaseMgr;

import static org.scokg.store.ScokgStore.oneLine;

/**
 * When to compact the store ({@link DatabaseMgr#compact}). TDB2 never overwrites a block in
 * place: a write that replaces graphs leaves the old quads' blocks behind, so the files grow
 * by what each write replaces. Compaction copies the live state into a new generation of the
 * store and deletes the old one; TDB2 does it safely while readers read (they finish on the
 * old generation) and a kill during it leaves the old generation in use.
 *
 * <p>Trade-off: compaction costs about as much as loading the store again, so it runs only
 * after a write that removed at least half as many quads as the store keeps (loading a
 * dump over its own store, rebuilding a corpus that changed): then about a third of the
 * files or more are dead. A build writes only what changed ({@link StoreWriter}), so
 * rebuilding an unchanged corpus removes nothing; a series of small writes can leave dead
 * blocks behind until a large one compacts the store.
 */
final class StoreCompaction {
    private StoreCompaction() {}

    /** After a committed write that removed {@code removed} quads and left {@code kept}. */
    static void afterWrite(ScokgStore store, long removed, long kept, Consumer<String> say) {
        if (removed == 0 || removed * 2 < kept) return;
        say.accept("compacting the store (the write removed " + removed + " quads, it keeps " + kept + ")");
        try {
            DatabaseMgr.compact(store.dataset().asDatasetGraph(), true);
        } catch (RuntimeException e) {
            // The write is committed; a failed compaction only leaves the files larger.
            say.accept("warning: compaction failed, the store is complete but larger than it needs to be: " + oneLine(e));
        }
    }
}
