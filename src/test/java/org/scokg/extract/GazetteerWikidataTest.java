package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.text.SourceReader;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Sco;

/**
 * Every place and organisation of the gazetteer that extraction meets in the corpus (the
 * seeds and the genre documents) is linked to Wikidata with owl:sameAs, except the ones
 * listed in {@link #UNVERIFIED}: adding a city or a body to the gazetteer and to the corpus
 * without a link fails here, and so does linking one that is still listed.
 */
class GazetteerWikidataTest {
    /**
     * Entities the corpus meets whose Wikidata id no public Wikidata-derived source at hand
     * confirmed (ontology/gazetteer.ttl gives an id only where it is certain). Searched: the
     * city, region and country grammars of superhlx/gf-wikidata-tools, confirmordeny/supraverden
     * data/general_list.yaml and dist/ALL_BODIES.md (617 international bodies: none of these),
     * and code, issue and web-page searches. Remove an entry when its link is added.
     */
    static final Set<String> UNVERIFIED = Set.of(
        // SCO bodies
        "org/sco-secretariat", "org/sco-rats", "org/sco-business-council", "org/sco-interbank-consortium",
        // SCO councils (organs of the SCO; Wikidata may have no item for them)
        "org/heads-of-state", "org/heads-of-government", "org/foreign-ministers", "org/national-coordinators",
        // other organisations and places whose Wikidata id has not been checked here
        "org/eec", "org/cica", "org/unrcca", "org/carec-institute", "place/sochi");

    /** The gazetteer classes whose members must be linked. */
    static final List<Resource> LINKED_CLASSES = List.of(
        Sco.State, Sco.City, Sco.AdministrativeArea, Sco.SCOBody, Sco.Council, Sco.Organisation);

    static Model gazetteer;
    /** Gazetteer entities the extraction of the corpus refers to, by IRI relative to the base. */
    static final Set<String> met = new TreeSet<>();

    @BeforeAll
    static void extractCorpus() throws Exception {
        gazetteer = Gazetteer.loadModel();
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("seeds", "src/test/resources/dev"))
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
            }
        assertTrue(files.size() >= 7, files.toString());
        SourceReader reader = new SourceReader();
        for (Path f : files) {
            SourceReader.Outcome o = reader.read(f);
            assertFalse(o.skipped(), f + ": " + o.skipReason());
            Model m = ExtractedDocument.extract(o.text()).model();
            for (Statement st : m.listStatements().toList())
                for (RDFNode n : List.of(st.getSubject(), st.getObject()))
                    if (n.isURIResource() && isLinkable(n.asResource().getURI()))
                        met.add(n.asResource().getURI().substring(Iris.base().length()));
        }
    }

    static boolean isLinkable(String iri) {
        Resource r = gazetteer.getResource(iri);
        return LINKED_CLASSES.stream().anyMatch(c -> gazetteer.contains(r, RDF.type, c));
    }

    static List<String> wikidataLinks(String relative) {
        return gazetteer.getResource(Iris.base() + relative).listProperties(OWL.sameAs)
            .mapWith(s -> s.getObject().isURIResource() ? s.getResource().getURI() : s.getObject().toString())
            .filterKeep(u -> u.startsWith(Sco.WIKIDATA)).toList();
    }

    @Test
    void theCorpusMeetsCitiesBodiesCouncilsAndOrganisations() {
        // guards the test itself: if extraction stopped resolving names, it would pass vacuously
        for (String e : List.of("place/samarkand", "place/qingdao", "place/chengdu", "org/sco", "org/sco-secretariat",
                "org/heads-of-government", "org/eaeu", "state/CHN"))
            assertTrue(met.contains(e), e + " not met; met: " + met);
    }

    @Test
    void everyEntityTheCorpusMeetsIsLinkedToWikidataUnlessListedAsUnverified() {
        TreeMap<String, String> unlinked = new TreeMap<>();
        for (String e : met)
            if (wikidataLinks(e).isEmpty() && !UNVERIFIED.contains(e)) unlinked.put(e, "no owl:sameAs wd:Q…");
        assertEquals(new TreeMap<>(), unlinked,
            "add a verified owl:sameAs (with its source) to ontology/gazetteer.ttl, or list the entity in UNVERIFIED");
    }

    @Test
    void noUnverifiedEntityHasALinkAndEveryOneIsInTheGazetteer() {
        for (String e : UNVERIFIED) {
            assertTrue(isLinkable(Iris.base() + e), e + " is not a place or organisation of the gazetteer");
            assertEquals(List.of(), wikidataLinks(e), e + " is linked now: remove it from UNVERIFIED");
        }
    }

    @Test
    void everyWikidataLinkOfTheGazetteerIsOneEntityId() {
        List<String> bad = new ArrayList<>();
        for (Resource c : LINKED_CLASSES)
            for (Resource r : gazetteer.listResourcesWithProperty(RDF.type, c).toList()) {
                List<Statement> links = r.listProperties(OWL.sameAs).toList();
                if (links.size() > 1) bad.add(r.getURI() + ": " + links.size() + " owl:sameAs");
                for (Statement s : links)
                    if (!s.getObject().isURIResource() || !s.getResource().getURI().matches("http://www\\.wikidata\\.org/entity/Q[1-9][0-9]*"))
                        bad.add(r.getURI() + ": " + s.getObject());
            }
        assertEquals(List.of(), bad);
    }

    @Test
    void goaIsAnAdministrativeAreaThatTheRulesStillMatchAsAPlace() {
        Resource goa = gazetteer.getResource(Iris.base() + "place/goa");
        assertTrue(gazetteer.contains(goa, RDF.type, Sco.AdministrativeArea));
        assertFalse(gazetteer.contains(goa, RDF.type, Sco.City), "Goa is a state of India, not a city");
        assertEquals(List.of(Sco.WIKIDATA + "Q1171"), wikidataLinks("place/goa"));
        Gazetteer.Entry e = Gazetteer.builtIn().lookup("果阿");
        assertEquals(Iris.base() + "place/goa", e.iri());
        assertEquals(Gazetteer.Kind.CITY, e.kind());
        assertTrue(e.stateIri().endsWith("/state/IND"));
        assertTrue(Gazetteer.builtIn().lexicons().get("city").contains("果阿"));
    }
}
