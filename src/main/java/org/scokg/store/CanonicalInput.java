package org.scokg.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.tdb2.store.NodeId;
import org.scokg.model.CanonicalDocuments;

/**
 * What {@link CanonicalDocuments#compute} reads of the union of all graphs
 * ({@link CanonicalDocuments.Facts}), gathered as quads stream into a new store. Computing
 * over it gives the same canonical titles as computing over the whole union read back from
 * TDB2 (a test checks it), at a fraction of the cost: no index lookup per mention and property.
 *
 * <p>Literals are kept as TDB2 gives them back (a value it stores inline, such as a date,
 * in its canonical form), so the result matches the one computed over the store exactly.
 * Holds the values of at most {@code limit} subjects (mentions and documents, mostly);
 * past that it gives up ({@link #complete()} is false) and frees its memory, and the caller
 * computes over the store instead.
 */
final class CanonicalInput {
    private final long limit;
    private CanonicalDocuments.Facts facts = new CanonicalDocuments.Facts();

    CanonicalInput(long limit) {
        this.limit = limit;
    }

    /** Keeps the triple (s, p, o) of any graph if the computation reads it. */
    void offer(Node s, Node p, Node o) {
        if (facts == null || !CanonicalDocuments.Facts.read(p, o)) return;
        facts.offer(s, p, stored(o));
        if (facts.size() > limit) facts = null;
    }

    /** The node as TDB2 returns it after storing it. */
    private static Node stored(Node o) {
        NodeId inline = NodeId.inline(o);
        return inline == null ? o : NodeId.extract(inline);
    }

    /** False when it held more than its limit and gave up. */
    boolean complete() {
        return facts != null;
    }

    /** The canonical-title triples computed over what was kept. */
    Graph canonical() {
        if (facts == null) throw new IllegalStateException("the canonical input gave up at its limit");
        Graph titles = CanonicalDocuments.compute(facts).getGraph();
        facts = null;
        return titles;
    }
}
