package org.scokg.serve;

import java.util.Iterator;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.scokg.query.CannedQuery;
import org.scokg.query.PageIndex;

/**
 * The {@link PageIndex}es of a served store: one per canned query that says
 * {@code # @page keys ?var} and per set of bound parameters, each kept for the state of the data
 * it was built on ({@link PerState}: the first request of a state builds it, requests for the same
 * index meanwhile wait for that build; without TDB2, none).
 *
 * <p>A build is one run of the query's key subquery over the whole store, which is what one page
 * cost before (about 33 s for the 635,000 mentions of a 100 MB store); the requests that wait for
 * it would otherwise each sort the store. Memory: one {@code int} per key row and each distinct
 * value of the variable once (about 3 MB for those mentions). At most {@link #MAX_INDEXES} indexes
 * and {@link #MAX_ROWS} rows in all are kept; the least recently used go first.
 */
final class PageIndexes {
    /** Indexes kept at most (one per query and parameter values). */
    static final int MAX_INDEXES = 64;
    /** Key rows kept at most, over all indexes (4 bytes each). */
    static final long MAX_ROWS = 32_000_000L;

    private final Dataset dataset;
    private final PerState<PageIndex> kept;

    PageIndexes(Dataset dataset) {
        this.dataset = dataset;
        this.kept = new PerState<>(dataset, "page index of", MAX_INDEXES, PageIndex::rows, MAX_ROWS);
    }

    /**
     * The page index of {@code query} with {@code values} bound, for the data the calling thread's
     * read transaction sees; null without TDB2, outside a transaction, when the query has no
     * {@code # @page keys ?var}, or when the build failed.
     */
    PageIndex index(CannedQuery query, Binding values) {
        Var var = query.pageIndexVar();
        if (var == null) return null;
        String key = query.name() + "?" + String.join("&", query.boundParams(values));
        return kept.get(key, () -> build(query, values, var));
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

    /** How many indexes were built (for tests). */
    long builds() {
        return kept.builds();
    }

    /** How many indexes are kept (for tests). */
    int size() {
        return kept.size();
    }
}
