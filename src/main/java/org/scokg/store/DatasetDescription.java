package org.scokg.store;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Prefixes;
import org.scokg.vocab.Sco;

/**
 * The VoID + DCAT description of the dataset, with statistics, kept in the graph
 * {@link #GRAPH} and recomputed in the write transaction of every build (and of every load
 * once a build wrote it), by SPARQL over the store: triples (quads over every other graph),
 * entities per class ({@code void:classPartition}), the source texts ({@code dct:source}), the licence of the data (CC BY 4.0), the time of the build
 * ({@code dct:modified}), the SPARQL endpoint and a few example resources.
 *
 * <p>The endpoint, landing page and resource IRIs are under the {@code scheme://authority}
 * of the resource base, where {@code scokg serve} answers them (docs/SERVE.md).
 */
public final class DatasetDescription {
    private DatasetDescription() {}

    /** The graph holding the description. */
    public static final String GRAPH = "https://w3id.org/scokg/void";
    /** The dataset described. */
    public static final String DATASET = GRAPH + "#dataset";
    /** The licence of the data. */
    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";

    /** {@code scheme://authority} of the resource base, e.g. {@code https://w3id.org}. */
    static String site() {
        URI u = URI.create(Iris.base());
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    /** The SPARQL endpoint's IRI. */
    public static String sparqlEndpoint() { return site() + "/scokg/sparql"; }

    /** The statistics of the description. */
    private record Stats(long triples, long entities, long distinctSubjects, Map<Node, Long> classEntities,
                         List<Node> sources, List<Node> meetings, List<Node> documents, List<Node> persons, Set<Node> present) {}

    /**
     * Computes the description of the named graphs of {@code ds} with a few SPARQL queries.
     * Call inside a transaction, when {@code ds} holds no description (it would count itself).
     */
    public static Graph compute(Dataset ds, OffsetDateTime when) {
        String graphs = "GRAPH ?g { %s }";
        String typed = graphs.formatted("?s a ?c") + " FILTER(isIRI(?c))";
        Map<Node, Long> perClass = new HashMap<>();
        select(ds, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { " + typed + " } GROUP BY ?c",
            row -> perClass.put(row.get("c").asNode(), row.getLiteral("n").getLong()));
        Set<Node> present = new HashSet<>();
        select(ds, "SELECT DISTINCT ?s WHERE { VALUES ?s { " + examples().stream().map(n -> "<" + n.getURI() + ">").collect(Collectors.joining(" "))
            + " } " + graphs.formatted("?s ?p ?o") + " }", row -> present.add(row.get("s").asNode()));
        return describe(new Stats(
            ScokgStore.count(ds, "SELECT (COUNT(*) AS ?n) WHERE { " + graphs.formatted("?s ?p ?o") + " }"),
            ScokgStore.count(ds, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { " + typed + " }"),
            ScokgStore.count(ds, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { " + graphs.formatted("?s ?p ?o") + " }"),
            perClass, instances(ds, Sco.SourceText, -1), instances(ds, Sco.Meeting, 2), instances(ds, Sco.Document, 1),
            instances(ds, Sco.Person, 1), present), when);
    }

    /** The first {@code limit} instances of {@code type} named by an IRI, in IRI order (all when limit < 0). */
    private static List<Node> instances(Dataset ds, Resource type, int limit) {
        List<Node> out = new ArrayList<>();
        select(ds, "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a <" + type.getURI() + "> } FILTER(isIRI(?s)) }"
            + " ORDER BY STR(?s)" + (limit < 0 ? "" : " LIMIT " + limit), row -> out.add(row.get("s").asNode()));
        return out;
    }

    private static void select(Dataset ds, String query, java.util.function.Consumer<QuerySolution> row) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            qe.execSelect().forEachRemaining(row);
        }
    }

    /** Resources given as examples when they are subjects in the store. */
    private static List<Node> examples() {
        return List.of(uri(Iris.state("CHN")), uri(Iris.org("sco")));
    }

    private static Graph describe(Stats st, OffsetDateTime when) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Prefixes.standard()).setNsPrefix("void", VOID).setNsPrefix("dcat", DCAT);
        Node ds = NodeFactory.createURI(DATASET);
        add(g, ds, RDF.Nodes.type, uri(VOID + "Dataset"));
        add(g, ds, RDF.Nodes.type, uri(DCAT + "Dataset"));
        add(g, ds, uri(Sco.DCT + "title"), NodeFactory.createLiteralLang("上海合作组织文件知识图谱", "zh"));
        add(g, ds, uri(Sco.DCT + "title"), NodeFactory.createLiteralLang("SCO documents knowledge graph", "en"));
        add(g, ds, uri(Sco.DCT + "description"), NodeFactory.createLiteralLang(
            "Meetings, participants, chairmanships and the named documents cited in the Chinese texts of the "
            + "Shanghai Cooperation Organisation, extracted by scokg.", "en"));
        add(g, ds, uri(Sco.DCT + "license"), uri(LICENSE));
        add(g, ds, uri(Sco.DCT + "modified"), NodeFactory.createLiteralDT(
            when.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime));
        add(g, ds, uri(Sco.DCT + "language"), uri("http://id.loc.gov/vocabulary/iso639-1/zh"));
        add(g, ds, uri(VOID + "sparqlEndpoint"), uri(sparqlEndpoint()));
        add(g, ds, uri(DCAT + "landingPage"), uri(site() + "/"));
        add(g, ds, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(Iris.base()));
        add(g, ds, uri(VOID + "vocabulary"), uri(Sco.ONTOLOGY_GRAPH));
        add(g, ds, uri(VOID + "triples"), integer(st.triples()));
        add(g, ds, uri(VOID + "entities"), integer(st.entities()));
        add(g, ds, uri(VOID + "distinctSubjects"), integer(st.distinctSubjects()));

        Node service = NodeFactory.createURI(GRAPH + "#sparql");
        add(g, ds, uri(DCAT + "accessService"), service);
        add(g, service, RDF.Nodes.type, uri(DCAT + "DataService"));
        add(g, service, uri(DCAT + "endpointURL"), uri(sparqlEndpoint()));
        add(g, service, uri(DCAT + "servesDataset"), ds);
        add(g, service, uri(Sco.DCT + "conformsTo"), uri("https://www.w3.org/TR/sparql11-protocol/"));

        TreeMap<String, Node> classes = new TreeMap<>();
        st.classEntities().keySet().forEach(c -> classes.put(c.getURI(), c));
        for (Map.Entry<String, Node> e : classes.entrySet()) {
            Node part = NodeFactory.createURI(GRAPH + "#class-" + localKey(e.getKey()));
            add(g, ds, uri(VOID + "classPartition"), part);
            add(g, part, uri(VOID + "class"), e.getValue());
            add(g, part, uri(VOID + "entities"), integer(st.classEntities().get(e.getValue())));
        }
        for (Node src : st.sources())
            add(g, ds, uri(Sco.DCT + "source"), src);
        List<Node> examples = new ArrayList<>(st.meetings());
        for (Node n : examples()) if (st.present().contains(n)) examples.add(n);
        examples.addAll(st.documents());
        examples.addAll(st.persons());
        for (Node ex : examples) add(g, ds, uri(VOID + "exampleResource"), ex);
        add(g, ds, RDFS.seeAlso.asNode(), uri(site() + "/scokg/context.jsonld"));
        return g;
    }

    /** {@code sco:Meeting} → {@code sco-Meeting}; an IRI without a prefix → its characters that are safe in a fragment. */
    static String localKey(String iri) {
        String q = Prefixes.standard().qnameFor(iri);
        if (q == null) q = org.apache.jena.shared.PrefixMapping.Standard.qnameFor(iri);
        String s = q != null ? q.replace(':', '-') : iri;
        return s.replaceAll("[^A-Za-z0-9._~-]", "_");
    }

    private static Node uri(String s) { return NodeFactory.createURI(s); }

    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }

    private static void add(Graph g, Node s, Node p, Node o) { g.add(Triple.create(s, p, o)); }
}
