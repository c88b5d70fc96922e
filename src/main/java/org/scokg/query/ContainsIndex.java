package org.scokg.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * The literal values of one property, held in memory with their subjects, to answer "which
 * subjects have a value that contains this string" without reading every value out of the
 * store, as a SPARQL {@code FILTER(CONTAINS(…))} over the property does. What a canned query's
 * {@code # @contains} line lets a server use ({@link CannedQuery#prepare(Dataset, java.util.Map,
 * Page, long, CannedQuery.Narrowing)}): the candidates narrow the query's variable, and the
 * query's own CONTAINS filter still decides, so the answer is the same with or without it.
 *
 * <p>Built in one read transaction, it holds the values that transaction saw: the caller keeps
 * it for that state of the data only. A plain scan over Java strings, about 2 ms per 100,000
 * values; memory about the size of the strings.
 */
public final class ContainsIndex {
    private final Node property;
    private final Node[] subjects;
    private final String[] values;

    private ContainsIndex(Node property, Node[] subjects, String[] values) {
        this.property = property;
        this.subjects = subjects;
        this.values = values;
    }

    /**
     * The literal values of {@code property} in {@code dataset}'s default graph (the union of
     * the named graphs on a store served with the union default graph, as the canned queries
     * read it), each with its subject. Call inside a read transaction on {@code dataset}.
     */
    public static ContainsIndex build(Dataset dataset, Node property) {
        Objects.requireNonNull(property, "property");
        if (!property.isURI()) throw new IllegalArgumentException("not a property IRI: " + property);
        List<Node> s = new ArrayList<>();
        List<String> v = new ArrayList<>();
        String sparql = "SELECT DISTINCT ?s ?v WHERE { ?s " + FmtUtils.stringForNode(property) + " ?v FILTER(isLiteral(?v)) }";
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(sparql).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                s.add(row.get("s").asNode());
                v.add(row.getLiteral("v").getLexicalForm());
            }
        }
        return new ContainsIndex(property, s.toArray(new Node[0]), v.toArray(new String[0]));
    }

    /** The property whose values it holds. */
    public Node property() { return property; }

    /** Values held (one per subject and value). */
    public int size() { return values.length; }

    /**
     * The subjects with a value that contains {@code needle} (as SPARQL's CONTAINS compares
     * lexical forms), each once, in the order held; null when there are more than {@code max}
     * (a short needle matches much of the store, and a long VALUES block costs more than the scan it saves).
     */
    public List<Node> subjectsContaining(String needle, int max) {
        Set<Node> out = new LinkedHashSet<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i].contains(needle) && out.add(subjects[i]) && out.size() > max) return null;
        }
        return List.copyOf(out);
    }
}
