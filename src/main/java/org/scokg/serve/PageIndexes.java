package org.scokg.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.scokg.query.CannedQuery;
import org.scokg.query.PageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PageIndex}es of a served store: one per canned query that says
 * {@code # @page keys ?var} and per set of bound parameters, each kept for the state of the data
 * it was built on (TDB2's data version, as {@link ResultCache} reads it).
 *
 * <p>The first page request that sees a state builds the index in its own read transaction: one
 * run of the query's key subquery over the whole store, which is what one page cost before
 * (about 20 s for the 635,000 mentions of a 100 MB store). Requests for the same index and state
 * that come meanwhile wait for that one build instead of each sorting the store; requests for other
 * indexes do not wait. A request that sees an older state than the index kept runs its page as
 * written, as does every request when a build fails. Without TDB2 there is no data version and no index.
 *
 * <p>Memory: one {@code int} per key row and each distinct value of the variable once (about 3 MB for
 * the mentions of a 100 MB store). At most {@link #MAX_INDEXES} indexes and {@link #MAX_ROWS} rows in
 * all are kept; the least recently used go first.
 */
final class PageIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(PageIndexes.class);
    /** Indexes kept at most (one per query and parameter values). */
    static final int MAX_INDEXES = 64;
    /** Key rows kept at most, over all indexes (4 bytes each). */
    static final long MAX_ROWS = 32_000_000L;

    private record Entry(ResultCache.State state, CompletableFuture<PageIndex> index) {}

    private final Dataset dataset;
    private final boolean versioned;
    private final LinkedHashMap<String, Entry> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long builds;

    PageIndexes(Dataset dataset) {
        this.dataset = dataset;
        this.versioned = TDBInternal.isTDB2(dataset.asDatasetGraph());
    }

    /**
     * The page index of {@code query} with {@code values} bound, for the data the calling thread's
     * read transaction sees; null without TDB2, outside a transaction, when the query has no
     * {@code # @page keys ?var}, for an older state than the one kept, or when the build failed.
     */
    PageIndex index(CannedQuery query, Binding values) {
        Var var = query.pageIndexVar();
        if (!versioned || var == null) return null;
        ResultCache.State now = ResultCache.dataState(dataset.asDatasetGraph(), 0);
        if (now == null) return null;
        String key = key(query, values);
        CompletableFuture<PageIndex> future;
        boolean build = false;
        synchronized (this) {
            Entry e = kept.get(key);
            if (e != null && e.state().equals(now)) future = e.index();
            else if (e != null && e.state().coordinator() == now.coordinator() && e.state().dataVersion() > now.dataVersion()) return null;
            else {
                future = new CompletableFuture<>();
                kept.put(key, new Entry(now, future));
                build = true;
            }
        }
        if (build) {
            try {
                PageIndex index = build(query, values, var);
                synchronized (this) {
                    builds++;
                }
                future.complete(index);
                trim();
            } catch (RuntimeException ex) {
                LOG.warn("page index of canned query {}: {}; its pages run as written", query.name(), QueryRunner.oneLine(ex));
                synchronized (this) {
                    kept.remove(key, new Entry(now, future));
                }
                future.completeExceptionally(ex);
                return null;
            }
        }
        try {
            return future.join();
        } catch (CompletionException ex) {
            return null;
        }
    }

    /** Runs the key subquery over the whole store, in page order, and remembers each row's {@code var}. */
    private PageIndex build(CannedQuery query, Binding values, Var var) {
        try (QueryExecution qe = query.prepareKeyOrder(dataset, values)) {
            ResultSet rs = qe.execSelect();
            Iterator<Node> column = new Iterator<>() {
                @Override public boolean hasNext() { return rs.hasNext(); }
                @Override public Node next() { return rs.nextBinding().get(var); }
            };
            return PageIndex.of(var, column);
        }
    }

    /** Drops the least recently used indexes past {@link #MAX_INDEXES} or {@link #MAX_ROWS}. */
    private synchronized void trim() {
        long rows = 0;
        List<Map.Entry<String, Entry>> built = new ArrayList<>();
        for (Map.Entry<String, Entry> e : kept.entrySet())
            if (e.getValue().index().isDone() && !e.getValue().index().isCompletedExceptionally()) {
                built.add(e);
                rows += e.getValue().index().join().rows();
            }
        int count = kept.size();
        for (Map.Entry<String, Entry> e : built) {   // least recently used first
            if (count <= MAX_INDEXES && rows <= MAX_ROWS) break;
            rows -= e.getValue().index().join().rows();
            kept.remove(e.getKey());
            count--;
        }
    }

    /** The query's name and its bound parameters, each as N-Triples. */
    private static String key(CannedQuery query, Binding values) {
        StringBuilder sb = new StringBuilder(query.name());
        for (CannedQuery.Param p : query.params()) {
            Node n = values.get(Var.alloc(p.variable()));
            if (n != null) sb.append('\u0000').append(p.name()).append('=').append(NodeFmtLib.strNT(n));
        }
        return sb.toString();
    }

    /** How many indexes were built (for tests). */
    synchronized long builds() {
        return builds;
    }

    /** How many indexes are kept (for tests). */
    synchronized int size() {
        return kept.size();
    }
}
