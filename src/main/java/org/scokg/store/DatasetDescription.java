package org.scokg.store;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.scokg.model.Iris;
import org.scokg.model.Prefixes;
import org.scokg.model.Sco;

/**
 * The VoID + DCAT description of the dataset, with statistics, kept in the graph
 * {@link #GRAPH} and recomputed in the write transaction of every build: triples (quads
 * over every other graph), entities per class ({@code void:classPartition}), the source
 * texts ({@code dct:source}), the licence of the data (CC BY 4.0), the time of the build
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
     * Computes the description of {@code dsg}, ignoring the graph {@link #GRAPH} itself. On
     * a TDB2 store the statistics come from one pass over its subject index, in memory
     * bounded by the number of classes and documents (not by the number of subjects).
     */
    public static Graph compute(DatasetGraph dsg, OffsetDateTime when) {
        Node voidGraph = NodeFactory.createURI(GRAPH);
        SubjectScan scan = SubjectScan.of(dsg);
        return describe(scan != null && scan.emptyGraph(voidGraph) ? scanned(scan) : iterated(dsg, voidGraph), when);
    }

    /** As {@link #compute}, always by iterating every quad (the reference for the TDB2 scan; tests). */
    static Graph computeByIteration(DatasetGraph dsg, OffsetDateTime when) {
        return describe(iterated(dsg, NodeFactory.createURI(GRAPH)), when);
    }

    /** The statistics by iterating every quad (any dataset); memory grows with the number of subjects. */
    private static Stats iterated(DatasetGraph dsg, Node voidGraph) {
        long triples = 0;
        Map<Node, Set<Node>> byClass = new HashMap<>();
        Set<Node> subjects = new HashSet<>();
        Iterator<Quad> it = dsg.find();
        while (it.hasNext()) {
            Quad q = it.next();
            if (q.getGraph().equals(voidGraph)) continue;
            triples++;
            subjects.add(q.getSubject());
            if (q.getPredicate().equals(RDF.Nodes.type) && q.getObject().isURI())
                byClass.computeIfAbsent(q.getObject(), k -> new HashSet<>()).add(q.getSubject());
        }
        Set<Node> typed = new HashSet<>();
        byClass.values().forEach(typed::addAll);
        Map<Node, Long> counts = new HashMap<>();
        byClass.forEach((c, set) -> counts.put(c, (long) set.size()));
        Set<Node> present = new HashSet<>();
        for (Node n : examples()) if (subjects.contains(n)) present.add(n);
        return new Stats(triples, typed.size(), subjects.size(), counts, sorted(byClass.get(Sco.SourceText.asNode())),
            first(byClass.get(Sco.Meeting.asNode()), 2), first(byClass.get(Sco.Document.asNode()), 1),
            first(byClass.get(Sco.Person.asNode()), 1), present);
    }

    /** The statistics from a {@link SubjectScan}. */
    private static Stats scanned(SubjectScan scan) {
        Node sourceText = Sco.SourceText.asNode(), meeting = Sco.Meeting.asNode(), document = Sco.Document.asNode(), person = Sco.Person.asNode();
        TreeSet<String> sources = new TreeSet<>(), meetings = new TreeSet<>(), documents = new TreeSet<>(), persons = new TreeSet<>();
        Set<Node> present = new HashSet<>();
        SubjectScan.Result r = scan.run(Set.of(sourceText, meeting, document, person), Set.copyOf(examples()), (s, c) -> {
            if (c == null) { present.add(s); return; }
            if (!s.isURI()) return;
            if (c.equals(sourceText)) sources.add(s.getURI());
            else if (c.equals(meeting)) keepFirst(meetings, s.getURI(), 2);
            else if (c.equals(document)) keepFirst(documents, s.getURI(), 1);
            else if (c.equals(person)) keepFirst(persons, s.getURI(), 1);
        });
        return new Stats(r.quads, r.typedSubjects, r.subjects, r.perClass, nodes(sources), nodes(meetings), nodes(documents),
            nodes(persons), present);
    }

    private static void keepFirst(TreeSet<String> set, String iri, int n) {
        set.add(iri);
        if (set.size() > n) set.pollLast();
    }

    private static List<Node> nodes(TreeSet<String> iris) {
        return iris.stream().map(NodeFactory::createURI).toList();
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

    private static List<Node> sorted(Set<Node> nodes) {
        if (nodes == null) return List.of();
        TreeSet<String> iris = new TreeSet<>();
        for (Node n : nodes) if (n.isURI()) iris.add(n.getURI());
        return iris.stream().map(NodeFactory::createURI).toList();
    }

    private static List<Node> first(Set<Node> nodes, int n) {
        List<Node> all = sorted(nodes);
        return all.subList(0, Math.min(n, all.size()));
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
