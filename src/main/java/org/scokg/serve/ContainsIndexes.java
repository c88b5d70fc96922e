package org.scokg.serve;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.scokg.query.CannedQuery;
import org.scokg.query.ContainsIndex;

/**
 * The {@link ContainsIndex}es of a served store, one per property a canned query's
 * {@code # @contains} line names, each kept for the state of the data it was built on (TDB2's
 * data version, as {@link ResultCache} reads it) and built again, in the read transaction of
 * the first request that sees a newer state. Without TDB2 there is no data version, and no
 * index: queries run as written. Building takes one scan of the property (about a second for
 * the 79,000 canonical keys of a 100 MB store) while other requests for it wait.
 */
final class ContainsIndexes implements CannedQuery.Narrowing {
    private record Built(ResultCache.State state, ContainsIndex index) {}

    private final Dataset dataset;
    private final boolean versioned;
    private final Map<Node, Built> built = new HashMap<>();
    private long builds;

    ContainsIndexes(Dataset dataset) {
        this.dataset = dataset;
        this.versioned = TDBInternal.isTDB2(dataset.asDatasetGraph());
    }

    /** The index of {@code property} for the data the calling thread's read transaction sees; null without TDB2 or outside a transaction. */
    @Override
    public synchronized ContainsIndex index(Node property) {
        if (!versioned) return null;
        ResultCache.State now = ResultCache.dataState(dataset.asDatasetGraph(), 0);
        if (now == null) return null;
        Built b = built.get(property);
        if (b != null && b.state().equals(now)) return b.index();
        ContainsIndex index = ContainsIndex.build(dataset, property);
        builds++;
        // A request on an older state gets an index of its own; the newest one is kept.
        if (b == null || b.state().coordinator() != now.coordinator() || b.state().dataVersion() < now.dataVersion())
            built.put(property, new Built(now, index));
        return index;
    }

    /** How many times an index was built (for tests). */
    synchronized long builds() {
        return builds;
    }
}
