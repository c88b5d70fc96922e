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
 * after a write that replaced at least as many quads as the store keeps (rebuilding a
 * corpus, a server's rebuild of its watched inputs): then at least half the files are dead.
 * A series of small writes can leave up to that much behind before the next rebuild
 * compacts it.
 */
final class StoreCompaction {
    private StoreCompaction() {}

    /** After a committed write that emptied graphs holding {@code replaced} quads and left {@code kept}. */
    static void afterWrite(ScokgStore store, long replaced, long kept, Consumer<String> say) {
        if (replaced == 0 || replaced < kept) return;
        say.accept("compacting the store (the write replaced " + replaced + " quads, it keeps " + kept + ")");
        try {
            DatabaseMgr.compact(store.dataset().asDatasetGraph(), true);
        } catch (RuntimeException e) {
            // The write is committed; a failed compaction only leaves the files larger.
            say.accept("warning: compaction failed, the store is complete but larger than it needs to be: " + oneLine(e));
        }
    }
}
