package org.scokg.store;

import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.vocabulary.RDF;
import org.scokg.model.CanonicalDocuments;
import org.scokg.model.Sco;

/**
 * The part of the union of all graphs that {@link CanonicalDocuments#compute} reads,
 * collected in memory as quads stream into a new store: the mentions ({@code rdf:type
 * sco:Mention}) and their {@code sco:mentionOf}, {@code sco:surface}, {@code sco:action},
 * {@code sco:actionDate} and {@code sco:actionPlace}. Computing over it gives the same
 * canonical titles as computing over the whole union read back from TDB2 (a test checks
 * it), at a fraction of the cost: no index lookup per mention and property.
 *
 * <p>Literals are kept as TDB2 gives them back (a value it stores inline, such as a date,
 * in its canonical form), so the result matches the one computed over the store exactly.
 * A set, like the union: a triple in several graphs is kept once. Holds at most
 * {@code limit} triples; past that it gives up ({@link #complete()} is false) and frees its
 * memory, and the caller computes over the store instead.
 *
 * <p>What it keeps must follow what {@code CanonicalDocuments} reads: when that changes,
 * change {@link #PREDICATES} and {@link #TYPES} with it.
 */
final class CanonicalInput {
    /** The properties read, whatever their subject. */
    static final Set<Node> PREDICATES = Set.of(Sco.mentionOf.asNode(), Sco.surface.asNode(), Sco.action.asNode(),
        Sco.actionDate.asNode(), Sco.actionPlace.asNode());
    /** The classes whose {@code rdf:type} triples are read. */
    static final Set<Node> TYPES = Set.of(Sco.Mention.asNode());

    private final long limit;
    private Graph graph = GraphFactory.createDefaultGraph();

    CanonicalInput(long limit) {
        this.limit = limit;
    }

    /** Keeps the triple (s, p, o) of any graph if the computation reads it. */
    void offer(Node s, Node p, Node o) {
        if (graph == null || !read(p, o)) return;
        graph.add(s, p, stored(o));
        if (graph.size() > limit) graph = null;
    }

    static boolean read(Node p, Node o) {
        return PREDICATES.contains(p) || (p.equals(RDF.Nodes.type) && TYPES.contains(o));
    }

    /** The node as TDB2 returns it after storing it. */
    private static Node stored(Node o) {
        NodeId inline = NodeId.inline(o);
        return inline == null ? o : NodeId.extract(inline);
    }

    /** False when it held more than its limit and gave up. */
    boolean complete() {
        return graph != null;
    }

    /** The canonical-title triples computed over what was kept. */
    Graph canonical() {
        if (graph == null) throw new IllegalStateException("the canonical input gave up at its limit");
        Model titles = CanonicalDocuments.compute(ModelFactory.createModelForGraph(graph));
        graph = null;
        return titles.getGraph();
    }
}
