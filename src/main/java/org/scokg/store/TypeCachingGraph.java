package org.scokg.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A read-only view of a graph that remembers, for the most recently asked subjects, their
 * {@code rdf:type} and {@code rdfs:subClassOf} triples: {@code find(S, rdf:type, ?)} and
 * {@code find(S, rdfs:subClassOf, ?)} for a concrete {@code S} go to the graph once, and later
 * from memory. Everything else goes to the graph.
 *
 * <p>Why: SHACL's {@code sh:class} looks up the types of every value node, and over the union of
 * a store's graphs a node typed in many graphs costs one quad per graph each time, decoded and
 * made distinct. A source graph types what it names, so a place or a meeting series is typed in
 * every source that names it, and is the value of thousands of mentions and meetings
 * ({@link Validation} has the figures).
 *
 * <p>The graph must not change while the view is used (a SHACL validation inside one read
 * transaction). Not for concurrent use.
 */
final class TypeCachingGraph extends GraphWrapper {
    private static final Node TYPE = RDF.Nodes.type;
    private static final Node SUBCLASS = RDFS.Nodes.subClassOf;

    private final Map<Node, List<Triple>> types, superclasses;

    /**
     * @param graph    the graph to read
     * @param subjects how many subjects' types (and as many classes' superclasses) to remember at most,
     *                 least recently asked dropped first
     */
    TypeCachingGraph(Graph graph, int subjects) {
        super(graph);
        if (subjects < 1) throw new IllegalArgumentException("subjects must be 1 or more, got " + subjects);
        types = lru(subjects);
        superclasses = lru(subjects);
    }

    private static Map<Node, List<Triple>> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Node, List<Triple>> eldest) { return size() > capacity; }
        };
    }

    /** The remembered triples of {@code (s, p, ?)}, or null when the pattern is not one this view remembers. */
    private List<Triple> remembered(Node s, Node p) {
        if (s == null || !s.isConcrete() || p == null) return null;
        Map<Node, List<Triple>> m = p.equals(TYPE) ? types : p.equals(SUBCLASS) ? superclasses : null;
        if (m == null) return null;
        List<Triple> l = m.get(s);
        if (l == null) {
            l = get().find(s, p, Node.ANY).toList();
            m.put(s, l);
        }
        return l;
    }

    private static List<Triple> matching(List<Triple> l, Node o) {
        return o == null || !o.isConcrete() ? l : l.stream().filter(t -> t.getObject().equals(o)).toList();
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        List<Triple> l = remembered(s, p);
        return l == null ? get().find(s, p, o) : WrappedIterator.create(matching(l, o).iterator());
    }

    @Override
    public ExtendedIterator<Triple> find(Triple t) { return find(t.getSubject(), t.getPredicate(), t.getObject()); }

    @Override
    public Stream<Triple> stream(Node s, Node p, Node o) {
        List<Triple> l = remembered(s, p);
        return l == null ? get().stream(s, p, o) : matching(l, o).stream();
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        List<Triple> l = remembered(s, p);
        return l == null ? get().contains(s, p, o) : !matching(l, o).isEmpty();
    }

    @Override
    public boolean contains(Triple t) { return contains(t.getSubject(), t.getPredicate(), t.getObject()); }
}
