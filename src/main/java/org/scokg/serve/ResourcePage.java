package org.scokg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;

/** The HTML page of one resource. Everything from the data is escaped. */
final class ResourcePage {
    private final LinkedData ld;
    private final LinkedData.Description d;
    private final PrefixMapping pm;

    ResourcePage(LinkedData ld, LinkedData.Description d, PrefixMapping pm) {
        this.ld = ld;
        this.d = d;
        this.pm = pm;
    }

    String render() {
        Node main = d.node();
        String label = d.labels().get(main);
        String title = label != null ? label : d.iri();
        StringBuilder b = new StringBuilder(Html.head(title));
        b.append("<h1>").append(Html.esc(title)).append("</h1>\n");
        b.append("<p><code class=\"iri\">").append(Html.esc(d.iri())).append("</code></p>\n");
        Map<Node, Map<Node, List<Node>>> bySubject = LinkedData.bySubject(d.graph(), main);
        Map<Node, List<Node>> props = bySubject.get(main);
        List<Node> types = props.get(RDF.type.asNode());
        if (types != null && !types.isEmpty()) {
            b.append("<p>Type: ");
            for (int i = 0; i < types.size(); i++) b.append(i > 0 ? ", " : "").append(node(types.get(i)));
            b.append("</p>\n");
        }
        String self = ld.hrefOf(d.iri());
        b.append("<p>Also as ")
         .append(Html.link(self + "?format=ttl", "Turtle")).append(" · ")
         .append(Html.link(self + "?format=jsonld", "JSON-LD")).append(" · ")
         .append(Html.link(self + "?format=nt", "N-Triples")).append(" · ")
         .append(Html.link(self + "?format=rdf", "RDF/XML")).append("</p>\n");
        List<Node> sentences = props.get(LinkedData.SENTENCE);
        if (sentences != null) {
            b.append("<h2>Source sentence</h2>\n");
            for (Node s : sentences)
                b.append("<blockquote class=\"sentence\">").append(Html.esc(s.isLiteral() ? s.getLiteralLexicalForm() : s.toString()))
                 .append("</blockquote>\n");
        }
        b.append("<h2>Properties</h2>\n");
        table(b, props);

        // incoming links
        List<Triple> incoming = new ArrayList<>();
        d.graph().find(Node.ANY, Node.ANY, main).forEachRemaining(t -> {
            if (!t.getSubject().equals(main)) incoming.add(t);
        });
        if (!incoming.isEmpty()) {
            incoming.sort(Comparator.comparing((Triple t) -> shortName(t.getPredicate())).thenComparing(t -> t.getSubject().toString()));
            b.append("<h2>Linked from</h2>\n<table>\n<tr><th>resource</th><th>property</th></tr>\n");
            for (Triple t : incoming)
                b.append("<tr><td>").append(node(t.getSubject())).append("</td><td>").append(predicate(t.getPredicate())).append("</td></tr>\n");
            b.append("</table>\n");
            if (d.incomingCut()) b.append("<p class=\"note\">Only the first ").append(d.incomingShown()).append(" incoming links are shown.</p>\n");
        }

        // other resources described here: the terms of a hash namespace (the ontology)
        for (Map.Entry<Node, Map<Node, List<Node>>> e : bySubject.entrySet()) {
            Node s = e.getKey();
            if (s.equals(main) || !s.isURI() || !s.getURI().startsWith(d.iri() + "#")) continue;
            String frag = s.getURI().substring(d.iri().length() + 1);
            String l = d.labels().get(s);
            b.append("<h2 id=\"").append(Html.esc(frag)).append("\">").append(Html.esc(shortName(s)))
             .append(l != null ? " <span class=\"lang\">" + Html.esc(l) + "</span>" : "").append("</h2>\n");
            table(b, e.getValue());
        }
        b.append(Html.foot());
        return b.toString();
    }

    private void table(StringBuilder b, Map<Node, List<Node>> props) {
        if (props == null || props.isEmpty()) {
            b.append("<p>No statements with this resource as subject.</p>\n");
            return;
        }
        List<Node> keys = new ArrayList<>(props.keySet());
        keys.sort(Comparator.comparing((Node p) -> p.equals(RDF.type.asNode()) ? 0 : 1).thenComparing(this::shortName));
        b.append("<table>\n<tr><th>property</th><th>value</th></tr>\n");
        for (Node p : keys) {
            List<Node> values = props.get(p);
            b.append("<tr><td class=\"p\">").append(predicate(p)).append("</td><td>");
            for (int i = 0; i < values.size(); i++) b.append(i > 0 ? "<br>\n" : "").append(node(values.get(i)));
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private String shortName(Node n) {
        if (!n.isURI()) return n.toString();
        String s = pm.shortForm(n.getURI());
        return s == null ? n.getURI() : s;
    }

    private String predicate(Node p) {
        String label = d.labels().get(p);
        String text = shortName(p);
        String a = "<a href=\"" + Html.href(ld.hrefOf(p.getURI())) + "\" title=\"" + Html.esc(p.getURI()) + "\">" + Html.esc(text) + "</a>";
        return label != null ? a + "<br><span class=\"lang\">" + Html.esc(label) + "</span>" : a;
    }

    private String node(Node n) {
        if (n.isURI()) {
            String label = d.labels().get(n);
            String text = label != null ? label : shortName(n);
            return "<a href=\"" + Html.href(ld.hrefOf(n.getURI())) + "\" title=\"" + Html.esc(n.getURI()) + "\">" + Html.esc(text) + "</a>";
        }
        if (n.isLiteral()) {
            String lex = Html.esc(n.getLiteralLexicalForm());
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) return lex + "<span class=\"lang\">@" + Html.esc(lang) + "</span>";
            String dt = n.getLiteralDatatypeURI();
            if (dt != null && !dt.equals("http://www.w3.org/2001/XMLSchema#string"))
                return lex + "<span class=\"dt\">" + Html.esc(shortName(org.apache.jena.graph.NodeFactory.createURI(dt))) + "</span>";
            return lex;
        }
        return "<span class=\"iri\">" + Html.esc(n.toString()) + "</span>";
    }
}
