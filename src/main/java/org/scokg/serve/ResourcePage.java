package org.scokg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.scokg.vocab.Sco;

/** The HTML page of one resource: its types, other formats, source sentence, properties and incoming links. */
final class ResourcePage {
    private final LinkedData ld;
    private final LinkedData.Description d;
    private final PrefixMapping pm;

    ResourcePage(LinkedData ld, LinkedData.Description d, PrefixMapping pm) {
        this.ld = ld;
        this.d = d;
        this.pm = pm;
    }

    Document render() {
        Node main = d.node();
        String label = d.labels().get(main);
        String title = label != null ? label : d.iri();
        Document page = Pages.page(title);
        Element body = Pages.main(page);
        body.appendElement("h1").text(title);
        body.appendElement("p").appendElement("code").addClass("iri").text(d.iri());
        Map<Node, Map<Node, List<Node>>> bySubject = LinkedData.bySubject(d.graph(), main);
        Map<Node, List<Node>> props = bySubject.get(main);
        List<Node> types = props.get(RDF.type.asNode());
        if (types != null && !types.isEmpty()) {
            Element p = body.appendElement("p").appendText("Type: ");
            for (int i = 0; i < types.size(); i++) node(i > 0 ? p.appendText(", ") : p, types.get(i));
        }
        String self = ld.hrefOf(d.iri());
        Element formats = body.appendElement("p").appendText("Also as ");
        String[][] links = {{"ttl", "Turtle"}, {"json-ld", "JSON-LD"}, {"nt", "N-Triples"}, {"xml", "RDF/XML"}};
        for (int i = 0; i < links.length; i++)
            Pages.link(i > 0 ? formats.appendText(" · ") : formats, self + "?format=" + links[i][0], links[i][1]);
        analystLinks(body, types == null ? List.of() : types);
        List<Node> sentences = props.get(LinkedData.SENTENCE);
        if (sentences != null) {
            body.appendElement("h2").text("Source sentence");
            for (Node s : sentences)
                body.appendElement("blockquote").addClass("sentence").text(s.isLiteral() ? s.getLiteralLexicalForm() : s.toString());
        }
        body.appendElement("h2").text("Properties");
        table(body, props);

        List<Triple> incoming = new ArrayList<>();
        d.graph().find(Node.ANY, Node.ANY, main).forEachRemaining(t -> {
            if (!t.getSubject().equals(main)) incoming.add(t);
        });
        if (!incoming.isEmpty()) {
            incoming.sort(Comparator.comparing((Triple t) -> shortName(t.getPredicate())).thenComparing(t -> t.getSubject().toString()));
            body.appendElement("h2").text("Linked from");
            Element table = Pages.table(body, "resource", "property");
            for (Triple t : incoming) {
                Element tr = table.appendElement("tr");
                node(tr.appendElement("td"), t.getSubject());
                predicate(tr.appendElement("td"), t.getPredicate());
            }
            if (d.incomingCut())
                body.appendElement("p").addClass("note").text("Only the first " + d.incomingShown() + " incoming links are shown.");
        }

        // the other resources described here: the terms of a hash namespace (the ontology)
        for (Map.Entry<Node, Map<Node, List<Node>>> e : bySubject.entrySet()) {
            Node s = e.getKey();
            if (s.equals(main) || !s.isURI() || !s.getURI().startsWith(d.iri() + "#")) continue;
            String l = d.labels().get(s);
            Element h2 = body.appendElement("h2").attr("id", s.getURI().substring(d.iri().length() + 1)).text(shortName(s));
            if (l != null) h2.appendText(" ").appendElement("span").addClass("lang").text(l);
            table(body, e.getValue());
        }
        return page;
    }

    /** Links to the analysts' pages of a person, a state or organisation someone represented, a document. */
    private void analystLinks(Element body, List<Node> types) {
        Node main = d.node();
        Element p = body.appendElement("p").addClass("analyst");
        if (types.contains(Sco.Person.asNode())) Pages.link(p, AnalystPages.personHref(d.iri()), "Every meeting attended, with the title in each");
        else if (types.contains(Sco.State.asNode()) || d.graph().contains(Node.ANY, Sco.represents.asNode(), main))
            Pages.link(p, AnalystPages.stateHref(d.iri()), "Who represented it at each meeting, and in which capacity");
        else if (types.contains(Sco.Document.asNode())) Pages.link(p, LandingPage.citationsHref(d.iri()), "Citations per year");
        else if (types.contains(Sco.Meeting.asNode())) Pages.link(p, AnalystPages.ATTENDANCE, "Attendance grid: states × meetings");
        if (p.childNodeSize() == 0) p.remove();
    }

    private void table(Element body, Map<Node, List<Node>> props) {
        if (props == null || props.isEmpty()) {
            body.appendElement("p").text("No statements with this resource as subject.");
            return;
        }
        List<Node> keys = new ArrayList<>(props.keySet());
        keys.sort(Comparator.comparing((Node p) -> p.equals(RDF.type.asNode()) ? 0 : 1).thenComparing(this::shortName));
        Element table = Pages.table(body, "property", "value");
        for (Node p : keys) {
            Element tr = table.appendElement("tr");
            predicate(tr.appendElement("td").addClass("p"), p);
            Element td = tr.appendElement("td");
            List<Node> values = props.get(p);
            for (int i = 0; i < values.size(); i++) node(i > 0 ? td.appendElement("br").parent() : td, values.get(i));
        }
    }

    private String shortName(Node n) {
        if (!n.isURI()) return n.toString();
        String s = pm.shortForm(n.getURI());
        return s == null ? n.getURI() : s;
    }

    private void predicate(Element into, Node p) {
        Pages.link(into, ld.hrefOf(p.getURI()), shortName(p)).attr("title", p.getURI());
        String label = d.labels().get(p);
        if (label != null) into.appendElement("br").parent().appendElement("span").addClass("lang").text(label);
    }

    private void node(Element into, Node n) {
        if (n.isURI()) {
            String label = d.labels().get(n);
            Pages.link(into, ld.hrefOf(n.getURI()), label != null ? label : shortName(n)).attr("title", n.getURI());
        } else if (n.isLiteral()) {
            into.appendText(n.getLiteralLexicalForm());
            String lang = n.getLiteralLanguage();
            String dt = n.getLiteralDatatypeURI();
            if (lang != null && !lang.isEmpty()) into.appendElement("span").addClass("lang").text("@" + lang);
            else if (dt != null && !dt.equals(XSD.xstring.getURI()))
                into.appendElement("span").addClass("dt").text(shortName(NodeFactory.createURI(dt)));
        } else {
            into.appendElement("span").addClass("iri").text(n.toString());
        }
    }
}
