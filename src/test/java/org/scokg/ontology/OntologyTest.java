package org.scokg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scokg.vocab.Sco;

/** ontology/scokg.ttl and ontology/shapes.ttl: they parse, cover Sco.java, and validate the fixture. */
class OntologyTest {
    static final String ID = "https://w3id.org/scokg/id/";
    static final String SH = "http://www.w3.org/ns/shacl#";
    static Model ontology;
    static Shapes shapes;

    @BeforeAll
    static void load() {
        ontology = read("ontology/scokg.ttl");
        shapes = Shapes.parse(read("ontology/shapes.ttl").getGraph());
    }

    static InputStream resource(String path) {
        InputStream in = OntologyTest.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalStateException(path + " is not on the test classpath");
        return in;
    }

    static Model read(String path) {
        Model m = ModelFactory.createDefaultModel();
        try (InputStream in = resource(path)) {
            RDFDataMgr.read(m, in, Lang.TURTLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The fixture's graphs merged with the ontology: what `build` validates. */
    static Model fixtureUnion() {
        Dataset ds = DatasetFactory.create();
        try (InputStream in = resource("fixtures/model-sample.trig")) {
            RDFDataMgr.read(ds, in, Lang.TRIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Model m = ModelFactory.createDefaultModel();
        m.add(ds.getDefaultModel());
        ds.listModelNames().forEachRemaining(n -> m.add(ds.getNamedModel(n)));
        m.add(ontology);
        return m;
    }

    static String describe(ValidationReport r) {
        return r.getEntries().stream()
            .map(e -> e.focusNode() + " " + e.resultPath() + ": " + e.message())
            .collect(Collectors.joining("\n"));
    }

    // ------------------------------------------------------------------ the ontology

    /** Every sco: term named in Sco.java (public static Resource / Property fields in the sco namespace). */
    static Set<Resource> scoTerms() throws IllegalAccessException {
        Set<Resource> out = new java.util.LinkedHashSet<>();
        for (Field f : Sco.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Resource.class.isAssignableFrom(f.getType())) continue;
            Resource r = (Resource) f.get(null);
            if (r.getURI().startsWith(Sco.NS)) out.add(r);
        }
        return out;
    }

    @Test
    void reflectionFindsTheVocabulary() throws Exception {
        Set<Resource> terms = scoTerms();
        assertTrue(terms.size() >= 45, "only " + terms.size() + " sco terms found");
        assertTrue(terms.contains(Sco.Mention));
        assertTrue(terms.contains(Sco.actionPlace));
    }

    @Test
    void everyScoTermIsDeclaredWithChineseAndEnglishLabelsAndAComment() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Resource t : scoTerms()) {
            Resource r = ontology.getResource(t.getURI());
            boolean isProperty = t instanceof Property;
            Set<Resource> types = r.listProperties(RDF.type).mapWith(s -> s.getResource()).toSet();
            if (isProperty && !(types.contains(OWL.ObjectProperty) || types.contains(OWL.DatatypeProperty)))
                problems.add(t.getLocalName() + ": not an owl:ObjectProperty or owl:DatatypeProperty");
            if (!isProperty && !types.contains(OWL.Class))
                problems.add(t.getLocalName() + ": not an owl:Class");
            if (langs(r, RDFS.label).stream().noneMatch("zh"::equals)) problems.add(t.getLocalName() + ": no @zh rdfs:label");
            if (langs(r, RDFS.label).stream().noneMatch("en"::equals)) problems.add(t.getLocalName() + ": no @en rdfs:label");
            if (langs(r, RDFS.comment).stream().noneMatch("en"::equals)) problems.add(t.getLocalName() + ": no @en rdfs:comment");
        }
        assertEquals(List.of(), problems);
    }

    private static List<String> langs(Resource r, Property p) {
        return r.listProperties(p).mapWith(s -> s.getObject().isLiteral() ? s.getLiteral().getLanguage() : "").toList();
    }

    @Test
    void everyPropertyTypeMatchesItsUse() {
        for (Property p : List.of(Sco.fileName, Sco.ordinal, Sco.online, Sco.capacity, Sco.isoCode, Sco.surface,
                Sco.nested, Sco.action, Sco.actionDate, Sco.canonicalKey, Sco.year, Sco.fromYear, Sco.status))
            assertTrue(ontology.contains(p, RDF.type, OWL.DatatypeProperty), p.getLocalName());
        for (Property p : List.of(Sco.reports, Sco.council, Sco.chair, Sco.meeting, Sco.participant, Sco.represents,
                Sco.state, Sco.hostState, Sco.mentionOf, Sco.inSource, Sco.nestedIn, Sco.actionPlace, Sco.implementsDocument, Sco.series, Sco.citedIn))
            assertTrue(ontology.contains(p, RDF.type, OWL.ObjectProperty), p.getLocalName());
        assertTrue(ontology.contains(Sco.mentionOf, RDFS.domain, Sco.Mention));
        assertTrue(ontology.contains(Sco.mentionOf, RDFS.range, Sco.Document));
        assertTrue(ontology.contains(Sco.online, RDFS.range, ontology.createResource("http://www.w3.org/2001/XMLSchema#boolean")));
        for (Property p : List.of(Sco.capacity, Sco.action, Sco.status, Sco.scope, Sco.attendanceMode)) {
            String comment = ontology.getRequiredProperty(p, RDFS.comment).getString();
            assertTrue(comment.contains("plain string literal"), p.getLocalName() + " does not document its values");
        }
        assertTrue(ontology.getRequiredProperty(Sco.capacity, RDFS.comment).getString().contains("\"sco_body\""));
        assertTrue(ontology.getRequiredProperty(Sco.attendanceMode, RDFS.comment).getString().contains("\"sat-in\""));
    }

    @Test
    void classesReuseStandardVocabularies() {
        Map<Resource, String> sup = new LinkedHashMap<>();
        sup.put(Sco.Meeting, "https://schema.org/Event");
        sup.put(Sco.State, "https://schema.org/Country");
        sup.put(Sco.City, "https://schema.org/City");
        sup.put(Sco.Organisation, "http://www.w3.org/ns/org#Organization");
        sup.put(Sco.SCOBody, "http://www.w3.org/ns/org#Organization");
        sup.put(Sco.Council, "http://www.w3.org/ns/org#Organization");
        sup.put(Sco.SourceText, "http://www.w3.org/ns/prov#Entity");
        sup.put(Sco.Mention, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase");
        for (var e : sup.entrySet())
            assertTrue(ontology.contains(e.getKey(), RDFS.subClassOf, ontology.createResource(e.getValue())),
                e.getKey().getLocalName() + " ⊑ " + e.getValue());
    }

    @Test
    void documentTypesAreSubclassesOfDocumentWithTheirChineseNames() {
        Map<String, String> zh = new LinkedHashMap<>();
        String[] pairs = {"Agreement", "协定", "Treaty", "条约", "Convention", "公约", "Charter", "宪章", "Declaration", "宣言",
            "Statement", "声明", "Concept", "构想", "Strategy", "战略", "Programme", "纲要", "Plan", "计划", "Roadmap", "路线图",
            "Memorandum", "备忘录", "Regulation", "条例", "Report", "报告", "Initiative", "倡议", "Decision", "决议",
            "Agenda", "议程", "List", "清单"};
        for (int i = 0; i < pairs.length; i += 2) zh.put(pairs[i], pairs[i + 1]);
        for (var e : zh.entrySet()) {
            Resource c = ontology.getResource(Sco.documentType(e.getKey()).getURI());
            assertTrue(ontology.contains(c, RDFS.subClassOf, Sco.Document), e.getKey());
            assertTrue(ontology.contains(c, RDFS.label, ontology.createLiteral(e.getValue(), "zh")), e.getKey() + " @zh " + e.getValue());
            assertFalse(langs(c, RDFS.label).stream().noneMatch("en"::equals), e.getKey() + " has no @en label");
        }
    }

    @Test
    void ontologyHeader() {
        Resource o = ontology.getResource(Sco.ONTOLOGY_GRAPH);
        assertTrue(ontology.contains(o, RDF.type, OWL.Ontology));
        assertEquals(Set.of("zh", "en"), new TreeSet<>(langs(o, DCTerms.title)));
        assertTrue(o.hasProperty(DCTerms.description));
        assertTrue(o.hasProperty(OWL.versionInfo));
        assertTrue(o.hasProperty(DCTerms.created));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", o.getPropertyResourceValue(DCTerms.license).getURI());
    }

    // ------------------------------------------------------------------ the shapes

    @Test
    void everyShapeAndPropertyShapeHasAMessage() {
        Model m = read("ontology/shapes.ttl");
        Property message = m.createProperty(SH + "message");
        Property property = m.createProperty(SH + "property");
        List<String> missing = new ArrayList<>();
        m.listSubjectsWithProperty(RDF.type, m.createResource(SH + "NodeShape")).forEachRemaining(s -> {
            if (!s.hasProperty(message)) missing.add(s.toString());
            s.listProperties(property).forEachRemaining(ps -> {
                Resource pshape = ps.getResource();
                if (!pshape.hasProperty(message)) missing.add(s + " / " + pshape.getPropertyResourceValue(m.createProperty(SH + "path")));
            });
        });
        assertEquals(List.of(), missing);
        assertEquals(10, m.listSubjectsWithProperty(RDF.type, m.createResource(SH + "NodeShape")).toList().size());
    }

    @Test
    void fixtureConformsToTheShapes() {
        ValidationReport r = ShaclValidator.get().validate(shapes, fixtureUnion().getGraph());
        assertTrue(r.conforms(), describe(r));
    }

    /** Validates the fixture after {@code change} and returns the report. */
    private static ValidationReport validateBroken(java.util.function.Consumer<Model> change) {
        Model m = fixtureUnion();
        change.accept(m);
        return ShaclValidator.get().validate(shapes, m.getGraph());
    }

    private static void assertOneViolation(ValidationReport r, String focus, RDFNode path, String messagePart) {
        assertFalse(r.conforms());
        List<ReportEntry> entries = r.getEntries().stream().toList();
        assertEquals(1, entries.size(), describe(r));
        ReportEntry e = entries.get(0);
        assertEquals(focus, e.focusNode().getURI());
        assertEquals(path.asNode().getURI(), e.resultPath().toString().replaceAll("^<|>$", ""));
        assertTrue(e.message().contains(messagePart), e.message());
    }

    @Test
    void aMentionWithABogusActionIsReported() {
        String mention = ID + "mention/fixture_2020.txt/300";
        ValidationReport r = validateBroken(m -> {
            Resource x = m.getResource(mention);
            x.removeAll(Sco.action);
            x.addProperty(Sco.action, "bogus");
        });
        assertOneViolation(r, mention, Sco.action, "sco:action");
    }

    @Test
    void aStateWithoutIsoCodeIsReported() {
        String state = ID + "state/BLR";
        ValidationReport r = validateBroken(m -> m.getResource(state).removeAll(Sco.isoCode));
        assertOneViolation(r, state, Sco.isoCode, "ISO 3166-1 alpha-3");
    }

    @Test
    void aLowerCaseIsoCodeIsReported() {
        String state = ID + "state/IND";
        ValidationReport r = validateBroken(m -> {
            Resource x = m.getResource(state);
            x.removeAll(Sco.isoCode);
            x.addProperty(Sco.isoCode, "ind");
        });
        assertOneViolation(r, state, Sco.isoCode, "sco:isoCode");
    }

    @Test
    void aMeetingWithoutStartDateIsReported() {
        String meeting = ID + "meeting/heads-of-government/2020-11-30";
        ValidationReport r = validateBroken(m -> m.getResource(meeting).removeAll(Sco.startDate));
        assertOneViolation(r, meeting, Sco.startDate, "schema:startDate");
    }

    @Test
    void aMeetingWithADateTimeStartIsReported() {
        String meeting = ID + "meeting/heads-of-government/2020-11-30";
        ValidationReport r = validateBroken(m -> {
            Resource x = m.getResource(meeting);
            x.removeAll(Sco.startDate);
            x.addLiteral(Sco.startDate, m.createTypedLiteral("2020-11-30T10:00:00", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime));
        });
        assertOneViolation(r, meeting, Sco.startDate, "schema:startDate");
    }

    @Test
    void aPersonNameWithWhitespaceIsReported() {
        String person = ID + "person/chn-li-qiang";
        ValidationReport r = validateBroken(m -> {
            Resource x = m.getResource(person);
            x.removeAll(Sco.schemaName);
            x.addProperty(Sco.schemaName, "李 强");
        });
        assertOneViolation(r, person, Sco.schemaName, "without whitespace");
    }

    @Test
    void aParticipationWithAnUnknownCapacityAndNoMeetingIsReportedTwice() {
        String part = ID + "meeting/heads-of-government/2020-11-30/participant/ind-nai-du";
        ValidationReport r = validateBroken(m -> {
            Resource x = m.getResource(part);
            x.removeAll(Sco.capacity);
            x.addProperty(Sco.capacity, "delegate");
            x.removeAll(Sco.meeting);
        });
        assertFalse(r.conforms());
        Set<String> paths = r.getEntries().stream().map(e -> e.resultPath().toString()).collect(Collectors.toSet());
        assertEquals(Set.of("<" + Sco.capacity.getURI() + ">", "<" + Sco.meeting.getURI() + ">"), paths, describe(r));
    }

    @Test
    void aDocumentWithTwoChineseTitlesIsReported() {
        String doc = ID + "document/duo-bian-jing-mao-he-zuo-gang-yao-2c3d4e5f";
        ValidationReport r = validateBroken(m -> m.getResource(doc).addProperty(Sco.prefLabel, "多边经贸合作纲要", "zh"));
        assertOneViolation(r, doc, Sco.prefLabel, "skos:prefLabel");
    }

    @Test
    void aMentionEndingBeforeItBeginsIsReported() {
        String mention = ID + "mention/000_4d1f60703d6d6267.txt/812";
        ValidationReport r = validateBroken(m -> {
            Resource x = m.getResource(mention);
            x.removeAll(Sco.endIndex);
            x.addLiteral(Sco.endIndex, m.createTypedLiteral(java.math.BigInteger.valueOf(10)));
        });
        assertOneViolation(r, mention, Sco.beginIndex, "nif:beginIndex");
    }

    @Test
    void aChairmanshipWithAnUnknownStatusIsReported() {
        String c = ID + "chairmanship/000_4d1f60703d6d6267.txt/5000";
        ValidationReport r = validateBroken(m -> {
            Resource x = m.getResource(c);
            x.removeAll(Sco.status);
            x.addProperty(Sco.status, "current");
        });
        assertOneViolation(r, c, Sco.status, "sco:status");
    }

}
