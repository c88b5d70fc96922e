package org.scokg.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values built from a served store and kept per key for the state of the data they were built on
 * (TDB2's data version, as {@link ResultCache} reads it): what the server's indexes
 * ({@link ContainsIndexes}, {@link PageIndexes}) have in common.
 *
 * <p>The first request that needs a key in a state builds its value, in the caller's read
 * transaction; requests for the same key and state meanwhile wait for that one build, requests
 * for other keys do not. A request that sees an older state than the one kept builds a value of its
 * own, which is not kept. A build that fails is logged and gives null to the requests that waited
 * for it (they run their query as written); the next request tries again. Without TDB2 there is no
 * data version: always null, as outside a transaction.
 *
 * <p>At most {@code maxEntries} values and {@code maxWeight} in all are kept; the least recently
 * used go first.
 *
 * @param <V> what is built
 */
final class PerState<V> {
    private static final Logger LOG = LoggerFactory.getLogger(PerState.class);

    private record Entry<V>(ResultCache.State state, CompletableFuture<V> value) {}

    private final Dataset dataset;
    private final boolean versioned;
    private final String what;
    private final int maxEntries;
    private final ToLongFunction<V> weight;
    private final long maxWeight;
    private final LinkedHashMap<String, Entry<V>> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long builds;

    /**
     * @param what       what the values are, for the log ("page index")
     * @param maxEntries the most values kept
     * @param weight     the weight of a value (its rows, its bytes…)
     * @param maxWeight  the most weight kept in all
     */
    PerState(Dataset dataset, String what, int maxEntries, ToLongFunction<V> weight, long maxWeight) {
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be 1 or more, got " + maxEntries);
        this.dataset = dataset;
        this.versioned = TDBInternal.isTDB2(dataset.asDatasetGraph());
        this.what = what;
        this.maxEntries = maxEntries;
        this.weight = weight;
        this.maxWeight = maxWeight;
    }

    /**
     * The value of {@code key} for the data the calling thread's read transaction sees, built with
     * {@code build} (in that transaction) if no request of this state built it yet; null without
     * TDB2, outside a transaction, or when the build failed.
     */
    V get(String key, Supplier<V> build) {
        if (!versioned) return null;
        ResultCache.State now = ResultCache.dataState(dataset.asDatasetGraph(), 0);
        if (now == null) return null;
        CompletableFuture<V> waitFor = null, mine = null;
        boolean keep = false;
        synchronized (this) {
            Entry<V> e = kept.get(key);
            if (e != null && e.state().equals(now)) waitFor = e.value();
            else {
                keep = e == null || !e.state().isNewerThan(now);
                mine = new CompletableFuture<>();
                if (keep) kept.put(key, new Entry<>(now, mine));
            }
        }
        // Outside the lock: a build takes it when it is done, and requests for other keys go on.
        return waitFor != null ? join(waitFor) : build(key, now, mine, keep, build);
    }

    /** Builds the value into {@code future}, which the map holds when {@code keep}. */
    private V build(String key, ResultCache.State now, CompletableFuture<V> future, boolean keep, Supplier<V> build) {
        try {
            V value = build.get();
            synchronized (this) {
                builds++;
            }
            future.complete(value);
            if (keep) trim();
            return value;
        } catch (RuntimeException ex) {
            LOG.warn("{} {}: {}; the query runs as written", what, key, QueryRunner.oneLine(ex));
            synchronized (this) {
                kept.remove(key, new Entry<>(now, future));
            }
            future.completeExceptionally(ex);
            return null;
        }
    }

    private static <V> V join(CompletableFuture<V> f) {
        try {
            return f.join();
        } catch (CompletionException ex) {
            return null;
        }
    }

    /** Drops the least recently used values past the bounds. */
    private synchronized void trim() {
        long total = 0;
        List<String> keys = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (Map.Entry<String, Entry<V>> e : kept.entrySet()) {   // least recently used first
            CompletableFuture<V> f = e.getValue().value();
            if (f.isDone() && !f.isCompletedExceptionally()) {
                long w = weight.applyAsLong(f.join());
                keys.add(e.getKey());
                weights.add(w);
                total += w;
            }
        }
        int count = kept.size();
        for (int i = 0; i < keys.size() && (count > maxEntries || total > maxWeight); i++) {
            kept.remove(keys.get(i));
            total -= weights.get(i);
            count--;
        }
    }

    /** How many values were built (for tests). */
    synchronized long builds() {
        return builds;
    }

    /** How many values are kept (for tests). */
    synchronized int size() {
        return kept.size();
    }
}
