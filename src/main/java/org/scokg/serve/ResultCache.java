package org.scokg.serve;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serialized answers of canned queries, keyed by (query name, bound parameters, media type)
 * and valid for one state of the data.
 *
 * <p>The state is read from TDB2 itself: the data version of the read transaction, which TDB2's
 * transaction coordinator sets when the transaction begins and which every committed write
 * transaction advances (SPARQL Update and Graph Store writes through Fuseki,
 * {@link ScokgServer#rebuild rebuilds}, anything else on the same dataset); together with the
 * identity of the storage (a compaction or a switched database gets new storage) and a
 * generation that {@link #invalidate()} advances. The handler looks an answer up and, on a miss,
 * computes it in one read transaction, so an answer is stored under exactly the state it was
 * computed on and served only to requests whose transaction sees that same state. When the
 * dataset is not TDB2 there is no data version; the cache then relies on {@link #invalidate()}
 * alone and must not be used when anything else writes (see {@link #versioned()}).
 *
 * <p>Bounded by entries and by bytes (least recently used first out); an answer larger than a
 * quarter of the byte bound is not kept.
 */
final class ResultCache {
    private static final Logger LOG = LoggerFactory.getLogger(ResultCache.class);

    /** A state of the data. */
    record State(Object coordinator, long dataVersion, long generation) {
        /** True when this is a later state of the same storage than {@code other}: a value of it is kept over one of {@code other}. */
        boolean isNewerThan(State other) {
            return coordinator == other.coordinator && dataVersion > other.dataVersion;
        }
    }

    /** A stored answer. */
    private record Entry(State state, Answer answer) {
        long weight() { return answer.weight(); }
    }

    private final DatasetGraph dsg;
    private final boolean versioned;
    private final int maxEntries;
    private final long maxBytes;
    private final AtomicLong generation = new AtomicLong();
    private final LinkedHashMap<String, Entry> map = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits, misses;

    ResultCache(DatasetGraph dsg, int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) throw new IllegalArgumentException("a cache needs room");
        this.dsg = Objects.requireNonNull(dsg, "dsg");
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.versioned = TDBInternal.isTDB2(dsg);
        if (!versioned) LOG.info("the store has no TDB2 data version; the result cache is cleared on rebuilds only");
    }

    /** True when every commit to the dataset is seen (TDB2's data version); false: {@link #invalidate()} only. */
    boolean versioned() { return versioned; }

    /**
     * The state of the data that the calling thread's read transaction sees. Call it inside the
     * read transaction that computes the answer (or that would): an answer is then stored under
     * exactly the state it was computed on, and served only to transactions that see that state.
     *
     * @throws IllegalStateException outside a transaction on the dataset
     */
    State state() {
        long gen = generation.get();
        if (!versioned) return new State(null, 0, gen);
        State s = dataState(dsg, gen);
        if (s == null) throw new IllegalStateException("ResultCache.state() outside a transaction");
        return s;
    }

    /**
     * The TDB2 store and data version that the calling thread's transaction on {@code dsg} sees,
     * with {@code generation}; null outside a transaction. {@code dsg} must be a TDB2 dataset
     * ({@link TDBInternal#isTDB2}).
     */
    static State dataState(DatasetGraph dsg, long generation) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        Transaction txn = tdb.getTxnSystem().getThreadTransaction();
        return txn == null ? null : new State(tdb, txn.getDataVersion(), generation);
    }

    /** The answer stored under {@code key} for {@code current}, or null. */
    synchronized Answer get(String key, State current) {
        Entry e = map.get(key);
        if (e != null && e.state().equals(current)) {
            hits++;
            return e.answer();
        }
        if (e != null) remove(key);
        misses++;
        return null;
    }

    /** Stores an answer computed in a transaction begun after {@code state} was read. */
    synchronized void put(String key, State state, Answer answer) {
        Entry e = new Entry(state, answer);
        if (e.weight() > maxBytes / 4) return;
        // An answer computed before an invalidation is not kept.
        if (state.generation() != generation.get()) return;
        // Never replace an answer for a later data version by one for an earlier version.
        Entry old = map.get(key);
        if (old != null && old.state().coordinator() == state.coordinator()
            && old.state().generation() == state.generation() && old.state().dataVersion() > state.dataVersion()) return;
        remove(key);
        map.put(key, e);
        bytes += e.weight();
        Iterator<Map.Entry<String, Entry>> it = map.entrySet().iterator();
        while ((map.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            Map.Entry<String, Entry> oldest = it.next();
            if (oldest.getKey().equals(key)) continue;
            bytes -= oldest.getValue().weight();
            it.remove();
        }
    }

    private void remove(String key) {
        Entry old = map.remove(key);
        if (old != null) bytes -= old.weight();
    }

    /** Drops every answer; answers being computed from before this call are not stored. */
    synchronized void invalidate() {
        generation.incrementAndGet();
        map.clear();
        bytes = 0;
    }

    synchronized int size() { return map.size(); }

    synchronized long bytes() { return bytes; }

    synchronized long hits() { return hits; }

    synchronized long misses() { return misses; }

    /** The key of an answer: the query, its bound parameters in declared order, the media type. */
    static String key(String query, Iterable<String> boundParams, String mediaType) {
        StringBuilder sb = new StringBuilder(query).append('\u0000').append(mediaType);
        for (String p : boundParams) sb.append('\u0000').append(p);
        return sb.toString();
    }
}
