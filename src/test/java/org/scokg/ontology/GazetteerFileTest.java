package org.scokg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.hankcs.hanlp.HanLP;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scokg.extract.Gazetteer;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Sco;

/**
 * ontology/gazetteer.ttl as data: every UN member and observer state, Chinese spellings that
 * the rules can match without ambiguity, and the hand-kept SCO facts that a regeneration of
 * the states section (tools/gazetteer) must not lose.
 */
class GazetteerFileTest {
    /** The 193 UN member states (ISO 3166-1 alpha-3), as the UN lists them; kept here independently of the generator's source. */
    static final Set<String> UN_MEMBERS = Set.of((
        "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA "
        + "BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV "
        + "GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ "
        + "IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL "
        + "MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER "
        + "PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD "
        + "ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN "
        + "VNM YEM ZMB ZWE").split(" "));
    /** The UN General Assembly's non-member observer states: the Holy See and Palestine. */
    static final Set<String> UN_OBSERVERS = Set.of("VAT", "PSE");
    static final List<Resource> ENTITY_CLASSES = List.of(
        Sco.State, Sco.City, Sco.AdministrativeArea, Sco.Council, Sco.SCOBody, Sco.Organisation);

    static Model gazetteer;
    static Map<String, Resource> stateByIso = new TreeMap<>();

    @BeforeAll
    static void parse() {
        gazetteer = Gazetteer.loadModel();
        for (Resource s : gazetteer.listResourcesWithProperty(RDF.type, Sco.State).toList()) {
            String iso = s.getRequiredProperty(Sco.isoCode).getString();
            assertEquals(null, stateByIso.put(iso, s), "two states with ISO code " + iso);
        }
    }

    static List<Literal> labels(Resource r, Property p, String lang) {
        List<Literal> out = new ArrayList<>();
        for (Statement s : r.listProperties(p).toList())
            if (s.getObject().isLiteral() && s.getLanguage().equals(lang)) out.add(s.getLiteral());
        return out;
    }

    static List<String> zhSpellings(Resource r) {
        List<String> out = new ArrayList<>();
        for (Property p : List.of(Sco.prefLabel, Sco.altLabel)) labels(r, p, "zh").forEach(l -> out.add(l.getString()));
        return out;
    }

    static Set<Resource> entities() {
        Set<Resource> out = new java.util.LinkedHashSet<>();
        for (Resource c : ENTITY_CLASSES) out.addAll(gazetteer.listResourcesWithProperty(RDF.type, c).toList());
        return out;
    }

    @Test
    void theReferenceListHas193Members() {
        assertEquals(193, UN_MEMBERS.size());
        assertTrue(Collections.disjoint(UN_MEMBERS, UN_OBSERVERS));
    }

    @Test
    void everyUnMemberAndObserverStateIsAStateWithItsIsoCodeAndOneChineseAndOneEnglishName() {
        Set<String> expected = new TreeSet<>(UN_MEMBERS);
        expected.addAll(UN_OBSERVERS);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(stateByIso.keySet());
        assertEquals(Set.of(), missing, "UN member or observer states missing from the gazetteer");
        assertEquals(expected, stateByIso.keySet(), "a state outside the UN's members and observers");
        List<String> bad = new ArrayList<>();
        for (var e : stateByIso.entrySet()) {
            Resource s = e.getValue();
            if (!s.getURI().equals(Iris.base() + "state/" + e.getKey())) bad.add(e.getKey() + ": IRI " + s.getURI());
            if (labels(s, Sco.prefLabel, "zh").size() != 1) bad.add(e.getKey() + ": not one @zh prefLabel");
            if (labels(s, Sco.prefLabel, "en").size() != 1) bad.add(e.getKey() + ": not one @en prefLabel");
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void noChineseSpellingOrShortNameNamesTwoEntities() {
        Map<String, Set<String>> owners = new TreeMap<>();
        for (Resource r : entities())
            for (String s : zhSpellings(r)) owners.computeIfAbsent(s, k -> new TreeSet<>()).add(r.getURI());
        owners.values().removeIf(o -> o.size() < 2);
        assertEquals(Map.of(), owners, "a spelling would resolve to one of these entities at random");

        Map<String, String> shortNames = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        for (Resource s : stateByIso.values())
            for (Literal l : labels(s, Sco.shortName, "zh"))
                if (shortNames.put(l.getString(), s.getURI()) != null) clashes.add(l.getString());
        assertEquals(List.of(), clashes);
        assertTrue(shortNames.size() >= 20, "the hand-kept short names were lost: " + shortNames);
    }

    @Test
    void chineseSpellingsAreSimplifiedWithoutWhitespace() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Resource r : entities())
            for (String s : zhSpellings(r)) {
                checked++;
                if (s.isBlank() || !s.equals(s.strip()) || s.codePoints().anyMatch(Character::isWhitespace)) bad.add("whitespace: '" + s + "'");
                if (!HanLP.convertToSimplifiedChinese(s).equals(s)) bad.add("traditional: " + s + " -> " + HanLP.convertToSimplifiedChinese(s));
            }
        assertEquals(List.of(), bad);
        assertTrue(checked > 600, "only " + checked + " spellings");
    }

    @Test
    void everyOwlSameAsIsAWikidataEntity() {
        List<String> bad = new ArrayList<>();
        int links = 0;
        for (Statement s : gazetteer.listStatements(null, OWL.sameAs, (RDFNode) null).toList()) {
            links++;
            if (!s.getObject().isURIResource() || !s.getResource().getURI().matches("http://www\\.wikidata\\.org/entity/Q[1-9][0-9]*"))
                bad.add(s.getSubject() + " -> " + s.getObject());
        }
        assertEquals(List.of(), bad);
        long linkedStates = stateByIso.values().stream().filter(r -> r.hasProperty(OWL.sameAs)).count();
        assertEquals(stateByIso.size(), linkedStates, "country-coder gives a Wikidata id for every UN member and observer");
        assertTrue(links > linkedStates, "cities and organisations lost their links");
    }

    @Test
    void theWikidataLinksOfTheHandTypedGazetteerAreKept() {
        Map<String, String> kept = Map.of("CHN", "Q148", "RUS", "Q159", "KAZ", "Q232", "KGZ", "Q813", "TJK", "Q863",
            "UZB", "Q265", "IND", "Q668", "PAK", "Q843", "IRN", "Q794", "BLR", "Q184");
        kept.forEach((iso, q) -> assertEquals(Sco.WIKIDATA + q,
            stateByIso.get(iso).getPropertyResourceValue(OWL.sameAs).getURI(), iso));
    }

    static int year(String iso, String property) {
        Statement s = stateByIso.get(iso).getProperty(gazetteer.createProperty(Sco.NS + property));
        return s == null ? 0 : Integer.parseInt(s.getLiteral().getLexicalForm().substring(0, 4));
    }

    @Test
    void theSCOStandingOfMembersObserversAndDialoguePartnersIsKept() {
        List<String> expected = List.of("CHN memberSince 2001", "KAZ memberSince 2001", "KGZ memberSince 2001",
            "RUS memberSince 2001", "TJK memberSince 2001", "UZB memberSince 2001",
            "IND memberSince 2017", "IND observerSince 2005", "PAK memberSince 2017", "PAK observerSince 2005",
            "IRN memberSince 2023", "IRN observerSince 2005", "BLR memberSince 2024", "BLR observerSince 2015",
            "BLR dialoguePartnerSince 2009", "MNG observerSince 2004", "AFG observerSince 2012",
            "TUR dialoguePartnerSince 2012", "LAO dialoguePartnerSince 2024");
        List<String> found = expected.stream().map(e -> e.split(" "))
            .map(e -> e[0] + " " + e[1] + " " + year(e[0], e[1])).toList();
        assertEquals(expected, found);
        long members = stateByIso.keySet().stream().filter(iso -> year(iso, "memberSince") > 0).count();
        assertEquals(10, members, "the SCO has ten member states");
        assertEquals(0, year("USA", "memberSince") + year("USA", "observerSince") + year("USA", "dialoguePartnerSince"));
        // States that joined at a summit in mid-year: the day, so that a meeting earlier that year has them as observers.
        Literal india = stateByIso.get("IND").getProperty(gazetteer.createProperty(Sco.NS + "memberSince")).getLiteral();
        assertEquals("2017-06-09", india.getLexicalForm());
        assertEquals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate, india.getDatatype());
    }

    @Test
    void theSpellingsSCOTextsUseAreKept() {
        assertEquals(List.of("中"), labels(stateByIso.get("CHN"), Sco.shortName, "zh").stream().map(Literal::getString).toList());
        assertEquals("吉尔吉斯共和国", labels(stateByIso.get("KGZ"), Sco.prefLabel, "zh").get(0).getString());
        assertTrue(zhSpellings(stateByIso.get("KGZ")).containsAll(List.of("吉尔吉斯斯坦", "吉尔吉斯")));
        assertEquals("蒙古国", labels(stateByIso.get("MNG"), Sco.prefLabel, "zh").get(0).getString());
        assertTrue(zhSpellings(stateByIso.get("ARE")).contains("阿联酋"));
        assertTrue(zhSpellings(stateByIso.get("VNM")).containsAll(List.of("越南社会主义共和国", "越南")));
        assertTrue(zhSpellings(stateByIso.get("MKD")).contains("北马其顿共和国"), "folded from world-countries' 北馬其頓共和國");
    }

    @Test
    void ambiguousOrCommonWordSpellingsAreLeftOut() {
        Gazetteer g = Gazetteer.builtIn();
        for (String s : List.of("刚果", "中非", "海地", "经济合作组织", "中亚区域经济合作", "朝鲜人民民主共和国"))
            assertEquals(null, g.lookup(s), s + " must not be a spelling");
        assertEquals(Iris.base() + "state/COD", g.lookup("刚果（金）").iri());
        assertEquals(Iris.base() + "state/COG", g.lookup("刚果（布）").iri());
        assertEquals(Iris.base() + "state/DOM", g.lookup("多米尼加").iri());
        assertEquals(Iris.base() + "state/DMA", g.lookup("多米尼克").iri());
        assertEquals(Iris.base() + "state/SDN", g.lookup("苏丹").iri());
        assertEquals(Iris.base() + "state/SSD", g.lookup("南苏丹").iri());
        assertEquals(Iris.base() + "state/GIN", g.lookup("几内亚").iri());
        assertEquals(Iris.base() + "state/GNQ", g.lookup("赤道几内亚").iri());
    }

    @Test
    void organisationsKeepTheirSlugsAndExecutiveBodiesPointToTheirParent() {
        Gazetteer g = Gazetteer.builtIn();
        for (String slug : List.of("un", "cis", "eec", "eaeu", "cica", "asean", "csto", "sco-secretariat", "sco-rats",
                "sco-business-council", "sco-interbank-consortium"))
            assertNotNull(g.org(slug), slug);
        Map<String, String> parents = Map.of("cis-executive-committee", "cis", "eec-board", "eec", "eec", "eaeu",
            "un-escap", "un", "sco-secretariat", "sco");
        parents.forEach((child, parent) -> assertEquals(Iris.org(parent),
            gazetteer.getResource(Iris.org(child)).getPropertyResourceValue(Sco.subOrganizationOf).getURI(), child));
        assertEquals(Iris.org("cis"), g.lookup("独立国协").iri());
        assertEquals(Iris.org("eco"), g.lookup("中西亚经济合作组织").iri());
        assertEquals(Gazetteer.Kind.ORGANISATION, g.lookup("联合国亚太经济社会委员会").kind());
        for (Resource r : entities())
            if (!gazetteer.contains(r, RDF.type, Sco.State))
                assertFalse(labels(r, Sco.prefLabel, "en").isEmpty(), r + " has no English label");
    }

    @Test
    void everyCityIsInAStateOfTheGazetteer() {
        List<String> bad = new ArrayList<>();
        for (Resource c : ENTITY_CLASSES.subList(1, 3))
            for (Resource r : gazetteer.listResourcesWithProperty(RDF.type, c).toList()) {
                Resource in = r.getPropertyResourceValue(Sco.containedInPlace);
                if (in == null || !gazetteer.contains(in, RDF.type, Sco.State)) bad.add(r.getURI());
            }
        assertEquals(List.of(), bad);
        assertEquals(Iris.base() + "state/KAZ", Gazetteer.builtIn().lookup("努尔苏丹").stateIri());
        assertEquals(Iris.base() + "state/CHN", Gazetteer.builtIn().lookup("郑州").stateIri());
    }

    @Test
    void theOdbLicenceOfTheSourceTravelsWithTheTriples() {
        Resource graph = gazetteer.getResource(Sco.GAZETTEER_GRAPH);
        assertEquals("https://opendatacommons.org/licenses/odbl/1-0/",
            graph.getPropertyResourceValue(gazetteer.createProperty("http://purl.org/dc/terms/license")).getURI());
        assertTrue(Arrays.stream(graph.getProperty(org.apache.jena.vocabulary.RDFS.comment).getString().split(" "))
            .anyMatch(w -> w.equals("world-countries")));
    }
}
