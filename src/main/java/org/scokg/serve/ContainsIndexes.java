package org.scokg.serve;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.scokg.query.ContainsIndex;

/**
 * The {@link ContainsIndex}es of a served store, one per property a canned query's
 * {@code # @contains} line names, each kept for the state of the data it was built on
 * ({@link PerState}: built again in the read transaction of the first request that sees a newer
 * state, while other requests for it wait; without TDB2 there is no data version, and no index:
 * queries run as written). Building takes one scan of the property (about a second for the 79,000
 * canonical keys of a 100 MB store).
 */
final class ContainsIndexes {
    /** Properties indexed at most; the canned queries name one. */
    private static final int MAX_PROPERTIES = 8;

    private final Dataset dataset;
    private final PerState<ContainsIndex> kept;

    ContainsIndexes(Dataset dataset) {
        this.dataset = dataset;
        this.kept = new PerState<>(dataset, "contains index of", MAX_PROPERTIES, index -> 1, Long.MAX_VALUE);
    }

    /** The index of {@code property} for the data the calling thread's read transaction sees; null without TDB2 or outside a transaction. */
    ContainsIndex index(Node property) {
        return kept.get(property.toString(), () -> ContainsIndex.build(dataset, property));
    }

    /** How many times an index was built (for tests). */
    long builds() {
        return kept.builds();
    }
}
