package org.scokg.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.Responses;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.scokg.store.DatasetDescription;
import org.scokg.store.JsonLdContext;
import org.scokg.vocab.Sco;

/**
 * Dereferenceable resource IRIs, a Fuseki processor at the paths of
 * {@link #paths()}. A request path P stands for the IRI {@code scheme://authority} of the resource
 * base + P; the ontology's terms {@code …/ontology#X} are all answered at the ontology's path. The
 * description is every triple with the resource as subject (in any graph), the triples pointing at
 * it, and the labels of the resources it links. The format is chosen by {@code Accept} (Jena's
 * {@link AcceptList}: HTML, Turtle, JSON-LD compacted with the published context, N-Triples,
 * RDF/XML; 406 for none of them) or by {@code format=} with Fuseki's short names ({@code ttl},
 * {@code json-ld}, {@code nt}, {@code xml}…) or {@code html}.
 */
final class LinkedData implements Pages.Reading {
    static final String HTML = WebContent.contentTypeHTML;
    private static final AcceptList OFFER = AcceptList.create(HTML, WebContent.contentTypeTurtle, WebContent.contentTypeJSONLD,
        WebContent.contentTypeNTriples, WebContent.contentTypeRDFXML, "application/xhtml+xml", WebContent.contentTypeTurtleAlt1,
        WebContent.contentTypeXML, WebContent.contentTypeJSON, WebContent.contentTypeTextPlain);
    private static final Map<String, String> ALIASES = Map.of(
        "application/xhtml+xml", HTML, WebContent.contentTypeTurtleAlt1, WebContent.contentTypeTurtle,
        WebContent.contentTypeXML, WebContent.contentTypeRDFXML, WebContent.contentTypeJSON, WebContent.contentTypeJSONLD,
        WebContent.contentTypeTextPlain, WebContent.contentTypeNTriples);
    private static final int MAX_INCOMING = 2000;

    static final Node SENTENCE = NodeFactory.createURI(Sco.NS + "sentence");
    private static final List<Node> LABELS = List.of(
        SKOS.prefLabel.asNode(), RDFS.label.asNode(), NodeFactory.createURI(Sco.SCHEMA + "name"), DCTerms.title.asNode());

    /** The VoID/DCAT description graph, answered at {@link #VOID_PATH} and {@link #WELL_KNOWN_VOID}. */
    static final String VOID_GRAPH = DatasetDescription.GRAPH;
    static final String VOID_PATH = "/scokg/void";
    static final String WELL_KNOWN_VOID = "/.well-known/void";
    /** The published JSON-LD context. */
    static final String CONTEXT_PATH = "/scokg/context.jsonld";

    private final Dataset dataset;
    private final String base;          // e.g. https://w3id.org/scokg/id/
    private final String basePath;      // e.g. /scokg/id/
    private final String ontology;      // https://w3id.org/scokg/ontology
    private final String ontologyPath;  // /scokg/ontology
    private final PrefixMapping prefixes;

    LinkedData(Dataset dataset, String base) {
        this.dataset = dataset;
        this.base = base;
        this.basePath = URI.create(base).getRawPath();
        this.ontology = Sco.ONTOLOGY_GRAPH;
        this.ontologyPath = URI.create(ontology).getRawPath();
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("sco", Sco.NS).setNsPrefix("id", base).setNsPrefix("schema", Sco.SCHEMA)
          .setNsPrefix("org", Sco.ORG).setNsPrefix("dct", Sco.DCT).setNsPrefix("skos", Sco.SKOS)
          .setNsPrefix("prov", Sco.PROV).setNsPrefix("nif", Sco.NIF).setNsPrefix("owl", OWL.NS)
          .setNsPrefix("rdfs", RDFS.uri).setNsPrefix("rdf", RDF.uri).setNsPrefix("xsd", XSD.NS)
          .setNsPrefix("wd", Sco.WIKIDATA).setNsPrefix("void", "http://rdfs.org/ns/void#")
          .setNsPrefix("dcat", "http://www.w3.org/ns/dcat#");
        this.prefixes = pm.lock();
    }

    /** The servlet path specs this processor answers. */
    List<String> paths() {
        return List.of(basePath + "*", ontologyPath, VOID_PATH, WELL_KNOWN_VOID, CONTEXT_PATH);
    }

    /** The IRI a request path stands for. */
    String iriOf(String path) {
        if (path.equals(ontologyPath)) return ontology;
        if (path.equals(VOID_PATH) || path.equals(WELL_KNOWN_VOID)) return VOID_GRAPH;
        return base + path.substring(basePath.length());
    }

    /** The local path of an IRI served here (fragment kept), or null for foreign IRIs. */
    String localPath(String iri) {
        if (iri.startsWith(base) && iri.length() > base.length()) return basePath + iri.substring(base.length());
        if (iri.equals(ontology) || iri.startsWith(ontology + "#")) return ontologyPath + iri.substring(ontology.length());
        if (iri.equals(VOID_GRAPH) || iri.startsWith(VOID_GRAPH + "#")) return VOID_PATH + iri.substring(VOID_GRAPH.length());
        return null;
    }

    /** A link target for an IRI: its local page when it is served here, else the IRI itself. */
    String hrefOf(String iri) {
        String p = localPath(iri);
        return p != null ? p : iri;
    }

    @Override
    public void answer(HttpAction action) {
        action.setResponseHeader("Vary", "Accept");
        String path = action.getRequestRequestURI();
        if (path.equals(CONTEXT_PATH)) {
            Pages.send(action, 200, WebContent.contentTypeJSONLD, JsonLdContext.documentText());
            return;
        }
        String type = contentType(action);
        if (type == null) return;
        String iri = iriOf(path);
        Description d = describe(iri);
        if (d == null && iri.indexOf('%') >= 0) {
            // an IRI with non-ASCII characters arrives percent-encoded: try it decoded
            String decoded = decodeNonAscii(iri);
            if (!decoded.equals(iri)) {
                iri = decoded;
                d = describe(iri);
            }
        }
        if (d == null) {
            if (!type.equals(HTML)) {
                Pages.message(action, 404, "nothing is known about <" + iri + ">");
                return;
            }
            var page = Pages.page("Not found");
            var main = Pages.main(page);
            main.appendElement("h1").text("Not found");
            main.appendElement("p").appendText("Nothing is known about ").appendElement("code").addClass("iri").text(iri);
            main.appendElement("p").appendText("It is neither the subject nor the object of any statement. ");
            Pages.link(main.appendElement("p"), "/", "Back to the start page");
            Pages.send(action, 404, page);
            return;
        }
        if (type.equals(HTML)) {
            Pages.send(action, 200, new ResourcePage(this, d, prefixes).render());
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Lang lang = RDFLanguages.contentTypeToLang(type);
        if (lang.equals(Lang.JSONLD)) JsonLdContext.write(d.graph(), out);   // compact, with the published context
        else RDFDataMgr.write(out, d.graph(), lang);
        Pages.send(action, 200, type + "; charset=utf-8", out.toByteArray());
    }

    /** The media type asked for: {@code format=} first, else {@code Accept}; null, answered 400 or 406, for what is not offered. */
    private static String contentType(HttpAction action) {
        String format = action.getRequestParameter("format");
        if (format != null) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            String type = f.equals("html") ? HTML : Responses.shortNamesGraph.get(f);
            if (type == null || RDFLanguages.contentTypeToLang(type) == null && !type.equals(HTML)) {
                Pages.message(action, 400, "format must be html, ttl, json-ld, nt or xml; got: " + abbreviate(format));
                return null;
            }
            return type;
        }
        String accept = action.getRequestHeader("Accept");
        if (accept == null || accept.isBlank()) return HTML;
        MediaType chosen = AcceptList.match(new AcceptList(accept), OFFER);
        if (chosen == null) {
            Pages.message(action, 406, "cannot produce " + abbreviate(accept)
                + "; available: text/html, text/turtle, application/ld+json, application/n-triples, application/rdf+xml");
            return null;
        }
        return ALIASES.getOrDefault(chosen.getContentTypeStr(), chosen.getContentTypeStr());
    }

    static String abbreviate(String s) {
        String t = s.replaceAll("[\\r\\n]+", " ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }

    /**
     * What the store says about an IRI.
     *
     * @param graph    the description (outgoing, incoming, labels of linked resources)
     * @param labels   the best labels of every IRI met, for display (predicates included)
     */
    record Description(String iri, Graph graph, Map<Node, String> labels, int incomingShown, boolean incomingCut) {
        Node node() { return NodeFactory.createURI(iri); }
    }

    /** The description, or null when the IRI is neither a subject nor an object of anything. */
    Description describe(String iri) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Node s = NodeFactory.createURI(iri);
            Graph g = GraphFactory.createDefaultGraph();
            g.getPrefixMapping().setNsPrefixes(prefixes);
            if ((iri.equals(ontology) || iri.equals(VOID_GRAPH)) && dsg.containsGraph(s))
                dsg.getGraph(s).find().forEachRemaining(g::add);
            addAll(g, dsg.find(Node.ANY, s, Node.ANY, Node.ANY), Integer.MAX_VALUE);
            int before = g.size();
            boolean cut = addAll(g, dsg.find(Node.ANY, Node.ANY, Node.ANY, s), MAX_INCOMING);
            int incoming = g.size() - before;
            if (g.isEmpty()) return null;
            // labels of the linked resources and of the predicates
            Set<Node> linked = new LinkedHashSet<>();
            Set<Node> predicates = new LinkedHashSet<>();
            g.find().forEachRemaining(t -> {
                if (t.getSubject().isURI() && !t.getSubject().equals(s)) linked.add(t.getSubject());
                if (t.getObject().isURI() && !t.getObject().equals(s)) linked.add(t.getObject());
                predicates.add(t.getPredicate());
            });
            List<Triple> labelTriples = new ArrayList<>();
            for (Node n : linked)
                for (Node p : LABELS) collect(dsg.find(Node.ANY, n, p, Node.ANY), labelTriples, 20);
            Map<Node, String> labels = new HashMap<>();
            for (Node p : predicates) {
                List<Triple> pl = new ArrayList<>();
                for (Node lp : LABELS) collect(dsg.find(Node.ANY, p, lp, Node.ANY), pl, 20);
                String l = bestLabel(pl, p);
                if (l != null) labels.put(p, l);
            }
            labelTriples.forEach(g::add);
            List<Triple> all = g.find().toList();
            for (Node n : linked) {
                String l = bestLabel(all, n);
                if (l != null) labels.put(n, l);
            }
            String own = bestLabel(all, s);
            if (own != null) labels.put(s, own);
            return new Description(iri, g, labels, incoming, cut);
        });
    }

    private static boolean addAll(Graph g, Iterator<Quad> it, int max) {
        int n = 0;
        while (it.hasNext()) {
            Quad q = it.next();
            if (n >= max) return true;
            if (!g.contains(q.asTriple())) {
                g.add(q.asTriple());
                n++;
            }
        }
        return false;
    }

    private static void collect(Iterator<Quad> it, List<Triple> into, int max) {
        for (int n = 0; it.hasNext() && n < max; n++) into.add(it.next().asTriple());
    }

    /** Prefers skos:prefLabel, rdfs:label, schema:name, dct:title; Chinese, then plain, then any language. */
    static String bestLabel(List<Triple> triples, Node subject) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (Triple t : triples) {
            if (!t.getSubject().equals(subject) || !t.getObject().isLiteral()) continue;
            int pi = LABELS.indexOf(t.getPredicate());
            if (pi < 0) continue;
            String lang = t.getObject().getLiteralLanguage().toLowerCase(Locale.ROOT);
            int li = lang.equals("zh") || lang.equals("zh-hans") || lang.equals("zh-cn") ? 0
                : lang.isEmpty() ? 1 : lang.startsWith("zh") ? 3 : lang.equals("en") ? 2 : 4;
            int score = li * 10 + pi;
            if (score < bestScore) {
                bestScore = score;
                best = t.getObject().getLiteralLexicalForm();
            }
        }
        return best;
    }

    /** Decodes percent-encoded UTF-8 sequences of non-ASCII characters, leaving ASCII escapes alone. */
    static String decodeNonAscii(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && hex(s, i) >= 0x80) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int j = i;
                while (j + 2 < s.length() && s.charAt(j) == '%' && hex(s, j) >= 0x80) {
                    bytes.write(hex(s, j));
                    j += 3;
                }
                out.append(bytes.toString(StandardCharsets.UTF_8));
                i = j;
            } else {
                out.append(s.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static int hex(String s, int i) {
        try {
            return Integer.parseInt(s.substring(i + 1, i + 3), 16);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Groups a description by subject: the resource first, then the others in IRI order. */
    static Map<Node, Map<Node, List<Node>>> bySubject(Graph g, Node main) {
        Map<Node, Map<Node, List<Node>>> m = new LinkedHashMap<>();
        m.put(main, new TreeMap<>(Comparator.comparing(Node::toString)));
        List<Triple> ts = new ArrayList<>(g.find().toList());
        ts.sort(Comparator.comparing((Triple t) -> t.getSubject().toString()).thenComparing(t -> t.getObject().toString()));
        for (Triple t : ts)
            m.computeIfAbsent(t.getSubject(), k -> new TreeMap<>(Comparator.comparing(Node::toString)))
             .computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        return m;
    }
}
