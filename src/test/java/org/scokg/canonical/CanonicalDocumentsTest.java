package org.scokg.canonical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.scokg.vocab.Sco;

/** The canonical step on a small union written by hand: the preferred title, the acts, and the facts gathered in any order. */
class CanonicalDocumentsTest {
    static final String ID = "https://example.org/id/";

    /** Three sources cite one agreement: twice as 甲协定, once as 甲协议; two say it was signed in Moscow on 2020-06-01, one on 2021-06-01. */
    static Model union() {
        Model m = ModelFactory.createDefaultModel();
        Resource doc = m.createResource(ID + "doc/a").addProperty(RDF.type, Sco.Document).addProperty(Sco.canonicalKey, "甲协定");
        Resource moscow = m.createResource(ID + "place/moscow");
        String[][] mentions = {{"甲协定", "2020-06-01", "s1"}, {"甲协定", "2020-06-01", "s2"}, {"甲协议", "2021-06-01", "s3"}};
        for (int i = 0; i < mentions.length; i++) {
            m.createResource(ID + "mention/" + i).addProperty(RDF.type, Sco.Mention).addProperty(Sco.mentionOf, doc)
                .addProperty(Sco.surface, mentions[i][0]).addProperty(Sco.action, "signed")
                .addProperty(Sco.actionDate, m.createTypedLiteral(mentions[i][1], XSDDatatype.XSDdate))
                .addProperty(Sco.actionPlace, moscow).addProperty(Sco.inSource, m.createResource(ID + "source/" + mentions[i][2]));
        }
        // Not read: a label of the place and a mention's sentence.
        moscow.addProperty(Sco.prefLabel, "莫斯科", "zh");
        m.getResource(ID + "mention/0").addProperty(Sco.sentence, "…签署了《甲协定》…");
        return m;
    }

    @Test void theTitleWrittenMostOftenStandsAndDisagreeingActsAreFlagged() {
        Model out = CanonicalDocuments.compute(union());
        Resource doc = out.getResource(ID + "doc/a");
        assertEquals("甲协定", doc.getProperty(Sco.prefLabel).getString());
        assertEquals(doc, doc.getPropertyResourceValue(Sco.canonicalDocument));
        List<Statement> acts = doc.listProperties(Sco.act).toList();
        assertEquals(2, acts.size(), "one act per (action, date, place)");
        int derived = 0;
        for (Statement a : acts) derived += a.getResource().listProperties(Sco.wasDerivedFrom).toList().size();
        assertEquals(3, derived, "each mention backs one act");
        assertTrue(doc.hasLiteral(Sco.actsDisagree, true), "2020-06-01 and 2021-06-01 disagree");
    }

    /**
     * Every dated mention backs an act with its date and place, whatever its verb (none included),
     * and the acts of a merged title go to the document that stands for it: the canned query
     * `documents` reads a document's first date and venue from its acts instead of its mentions.
     */
    @Test void everyDatedMentionBacksAnActWithItsDateAndPlace() {
        Model m = ModelFactory.createDefaultModel();
        Resource doc = m.createResource(ID + "doc/b").addProperty(RDF.type, Sco.Document).addProperty(Sco.canonicalKey, "乙协定");
        Resource astana = m.createResource(ID + "place/astana");
        Object[][] mentions = {
            {"none", m.createTypedLiteral("2019", XSDDatatype.XSDgYear), astana},   // dated, no verb
            {"none", null, astana},                                                // neither date nor verb: no act
            {"signed", m.createTypedLiteral("2019-06-14", XSDDatatype.XSDdate), null},
        };
        for (int i = 0; i < mentions.length; i++) {
            Resource x = m.createResource(ID + "mention/b" + i).addProperty(RDF.type, Sco.Mention).addProperty(Sco.mentionOf, doc)
                .addProperty(Sco.action, (String) mentions[i][0]).addProperty(Sco.inSource, m.createResource(ID + "source/t" + i));
            if (mentions[i][1] != null) x.addProperty(Sco.actionDate, (org.apache.jena.rdf.model.Literal) mentions[i][1]);
            if (mentions[i][2] != null) x.addProperty(Sco.actionPlace, (Resource) mentions[i][2]);
        }
        Model out = CanonicalDocuments.compute(m);
        List<String> acts = new ArrayList<>();
        for (Statement a : out.getResource(ID + "doc/b").listProperties(Sco.act).toList()) {
            Resource act = a.getResource();
            acts.add(act.getProperty(Sco.action).getString() + " " + act.getProperty(Sco.actionDate).getLiteral().getLexicalForm()
                + " " + (act.hasProperty(Sco.actionPlace) ? act.getPropertyResourceValue(Sco.actionPlace).getLocalName() : "-"));
        }
        Collections.sort(acts);
        assertEquals(List.of("none 2019 astana", "signed 2019-06-14 -"), acts);
        assertEquals(XSDDatatype.XSDgYear.getURI(), out.getResource(ID + "doc/b").listProperties(Sco.act).toList().stream()
            .map(a -> a.getResource().getProperty(Sco.actionDate).getLiteral()).filter(l -> l.getLexicalForm().equals("2019"))
            .findFirst().orElseThrow().getDatatypeURI(), "the date as written, with its datatype");
    }

    @Test void factsOfferedInAnyOrderGiveWhatTheWholeUnionGives() {
        Model union = union();
        List<Triple> triples = new ArrayList<>(union.getGraph().find().toList());
        Collections.shuffle(triples, new Random(3));
        CanonicalDocuments.Input facts = new CanonicalDocuments.Input();
        triples.forEach(t -> facts.offer(t.getSubject(), t.getPredicate(), t.getObject()));
        assertEquals(4, facts.size(), "the three mentions and the document, nothing else");
        assertTrue(IsoMatcher.isomorphic(CanonicalDocuments.compute(union).getGraph(), CanonicalDocuments.compute(facts).getGraph()));
    }
}
