package org.scokg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Sco;

class ScokgStoreTest {
    @TempDir Path dir;

    static final String G1 = "<https://w3id.org/scokg/id/graph/a.txt>";
    static final String G2 = "<https://w3id.org/scokg/id/graph/b.txt>";

    Path trig(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "@prefix ex: <http://example.org/> .\n" + body);
        return p;
    }

    /**
     * A process killed while TDB2 created a new store leaves files TDB2 cannot open: the next
     * open starts that store afresh, and until then there is no store there.
     */
    @Test void aStoreWhoseCreationWasCutShortIsStartedAfresh() throws Exception {
        Path db = dir.resolve("cut");
        Files.createDirectories(db.resolve("Data-0001"));
        Files.createFile(db.resolve(ScokgStore.CREATING));
        Files.createFile(db.resolve("Data-0001/nodes.dat"));          // what TDB2 had written when it was killed
        Files.createFile(db.resolve("Data-0001/nodes.idn"));
        assertFalse(ScokgStore.exists(db));
        try (ScokgStore s = ScokgStore.open(db)) {
            assertTrue(s.build(List.of(Path.of("seeds/000_4d1f60703d6d6267.txt")), null).usable());
        }
        assertFalse(Files.exists(db.resolve(ScokgStore.CREATING)));
        assertTrue(ScokgStore.exists(db));
        try (ScokgStore s = ScokgStore.openExisting(db)) {
            assertTrue(s.dataset().calculateRead(() -> s.dataset().asDatasetGraph().stream().count()) > 0);
        }
    }

    @Test void loadTwiceReplacesInsteadOfDuplicating() throws Exception {
        Path v1 = trig("v1.trig", G1 + " { ex:a ex:p 1 . ex:a ex:p 2 . _:b ex:q ex:a . }\n" + G2 + " { ex:b ex:p 1 . }\n");
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(v1), null);
            assertEquals(4, s.quadCount());
            s.load(List.of(v1), null);
            assertEquals(4, s.quadCount(), "same input again: same size (blank nodes included)");
            Path v2 = trig("v2.trig", G1 + " { ex:a ex:p 3 . }\n");
            s.load(List.of(v2), null);
            assertEquals(2, s.quadCount(), "graph a replaced, graph b untouched");
            long old = Txn.calculateRead(s.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(s.dataset())
                        .query("ASK { <http://example.org/a> <http://example.org/p> 1 }").build()) {
                    return qe.execAsk() ? 1L : 0L;
                }
            });
            assertEquals(0, old);
        }
    }

    @Test void parseErrorLeavesStoreAsBefore() throws Exception {
        Path ok = trig("ok.trig", G1 + " { ex:a ex:p 1 . }\n");
        Path bad = trig("bad.trig", G1 + " { ex:a ex:p 9 . }\n" + G2 + " { ex:b ex:p \n");
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(ok), null);
            List<String> before = s.graphNames();
            StoreException e = assertThrows(StoreException.class, () -> s.load(List.of(ok, bad), null));
            assertTrue(e.getMessage().contains("bad.trig"), e.getMessage());
            assertTrue(e.getMessage().matches(".*bad\\.trig:\\d+.*"), "names the line: " + e.getMessage());
            assertEquals(1, s.quadCount());
            assertEquals(before, s.graphNames());
        }
    }

    @Test void turtleDefaultGraphGoesToGraphNamedAfterFile() throws Exception {
        Path ttl = dir.resolve("extra data.ttl");
        Files.writeString(ttl, "<http://example.org/s> <http://example.org/p> \"o\" .\n");
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(ttl), null);
            assertEquals(List.of("<" + Iris.graph("extra data.ttl") + ">").toString(),
                s.graphNames().stream().map(g -> "<" + g + ">").toList().toString());
        }
    }

    @Test void unionDefaultGraphSeesNamedGraphs() throws Exception {
        Path v1 = trig("v1.trig", G1 + " { ex:a a ex:T . }\n" + G2 + " { ex:b a ex:T . }\n");
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(v1), null);
            assertEquals(2, s.entityCount());
        }
    }

    @Test void readOpenNeverCreates() {
        Path missing = dir.resolve("none");
        StoreException e = assertThrows(StoreException.class, () -> ScokgStore.openExisting(missing));
        assertTrue(e.getMessage().startsWith("no store at "), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test void exportRoundTrips() throws Exception {
        Path v1 = trig("v1.trig", G1 + " { ex:a ex:p \"上合\"@zh ; ex:d \"2023\"^^<http://www.w3.org/2001/XMLSchema#gYear> . }\n"
            + G2 + " { ex:b ex:p 1 . ex:a ex:p \"上合\"@zh . }\n");
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(v1), null);
            for (ExportFormat f : ExportFormat.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                s.export(f, out);
                DatasetGraph back = DatasetGraphFactory.create();
                Lang lang = switch (f) { case TTL -> Lang.TURTLE; case TRIG -> Lang.TRIG; case NQ -> Lang.NQUADS; case JSONLD -> Lang.JSONLD; };
                RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(lang).parse(back);
                long n = back.stream().count();
                assertEquals(f == ExportFormat.TTL ? 3 : 4, n, f + ":\n" + out);
            }
        }
    }

    @Test void argumentsCheckedAtBoundary() throws Exception {
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            assertThrows(IllegalArgumentException.class, () -> s.load(List.of(), null));
            assertThrows(NullPointerException.class, () -> s.export(null, new ByteArrayOutputStream()));
        }
        assertThrows(NullPointerException.class, () -> ScokgStore.open(null));
    }

    @Test void aParseErrorFarIntoABigFileLeavesStoreAsBefore() throws Exception {
        Path ok = trig("ok.trig", G1 + " { ex:a ex:p 1 . }\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
            sb.append("<http://example.org/s").append(i).append("> <http://example.org/p> \"").append(i).append("\" ").append(G2).append(" .\n");
        sb.append("<http://example.org/broken> <http://example.org/p> .\n");
        Path big = dir.resolve("big.nq");
        Files.writeString(big, sb.toString());
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(ok), null);
            List<String> before = s.graphNames();
            StoreException e = assertThrows(StoreException.class, () -> s.load(List.of(big), null));
            assertTrue(e.getMessage().startsWith(big + ":" + (20_000 + 1) + ":"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertEquals(1, s.quadCount());
            assertEquals(before, s.graphNames());
        }
    }

    @Test void aGraphInSeveralFilesGetsAllOfThem() throws Exception {
        Path a = trig("a.trig", G1 + " { ex:a ex:p 1 . }\n");
        Path b = trig("b.trig", G1 + " { ex:a ex:p 2 . ex:a ex:p 1 . }\n");
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(a), null);
            ScokgStore.LoadSummary sum = s.load(List.of(a, b), null);
            assertEquals(2, sum.quadsLoaded(), "distinct quads of the replaced graphs");
            assertEquals(List.of(Iris.graph("a.txt")), sum.graphs());
            assertEquals(2, s.quadCount());
        }
    }

    /** Every input form the load command documents, plain and gzipped, loads the same quads. */
    @ParameterizedTest
    @ValueSource(strings = {"nq", "nq.gz", "trig", "trig.gz", "ttl", "ttl.gz", "nt", "nt.gz", "jsonld", "jsonld.gz", "rdf", "rdf.gz"})
    void everyDocumentedInputFormLoads(String extension) throws Exception {
        boolean gz = extension.endsWith(".gz");
        String syntax = gz ? extension.substring(0, extension.length() - 3) : extension;
        Lang lang = org.apache.jena.riot.RDFLanguages.fileExtToLang(syntax);
        DatasetGraph data = DatasetGraphFactory.create();
        org.apache.jena.graph.Node g = org.apache.jena.graph.NodeFactory.createURI(G1.substring(1, G1.length() - 1));
        org.apache.jena.graph.Node s1 = org.apache.jena.graph.NodeFactory.createURI("http://example.org/a");
        data.add(g, s1, org.apache.jena.graph.NodeFactory.createURI("http://example.org/p"), org.apache.jena.graph.NodeFactory.createLiteralLang("上合", "zh"));
        data.add(g, s1, org.apache.jena.graph.NodeFactory.createURI("http://example.org/q"), org.apache.jena.graph.NodeFactory.createURI("http://example.org/b"));
        Path file = dir.resolve("data." + extension);
        try (java.io.OutputStream out = gz ? new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            if (org.apache.jena.riot.RDFLanguages.isQuads(lang)) org.apache.jena.riot.RDFDataMgr.write(out, data, lang);
            else org.apache.jena.riot.RDFDataMgr.write(out, data.getGraph(g), lang);
        }
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            ScokgStore.LoadSummary sum = s.load(List.of(file), null);
            assertEquals(2, sum.quadsLoaded(), extension);
            String graph = org.apache.jena.riot.RDFLanguages.isQuads(lang) ? g.getURI() : Iris.graph(file.getFileName().toString());
            assertEquals(List.of(graph), sum.graphs(), extension);
        }
    }

    /** A file that is not what its name says: one line that names it; the store is as before. */
    @ParameterizedTest
    @ValueSource(strings = {"not-gzip.nq.gz", "broken-inside.nq.gz", "garbage.ttl"})
    void aBadFileIsOneLineNamingIt(String name) throws Exception {
        Path ok = trig("ok.trig", G1 + " { ex:a ex:p 1 . }\n");
        Path bad = dir.resolve(name);
        byte[] broken = "<http://example.org/s> <http://example.org/p> \"unterminated .\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (name.startsWith("broken-inside")) {
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bad))) { out.write(broken); }
        } else {
            Files.write(bad, name.startsWith("not-gzip") ? "<http://example.org/s> <http://example.org/p> 1 .\n".getBytes() : new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        }
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(ok), null);
            List<String> before = s.graphNames();
            StoreException e = assertThrows(StoreException.class, () -> s.load(List.of(bad), null));
            assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertEquals(1, s.quadCount());
            assertEquals(before, s.graphNames());
        }
    }

    /**
     * A build that adds sources to a store reads the mentions of the sources it keeps with one
     * query: its canonical titles are those of one build of every source.
     */
    @Test void aBuildThatAddsSourcesGivesTheCanonicalTitlesOfOneBuildOfAll() throws Exception {
        List<Path> seeds;
        try (var l = Files.list(Path.of("seeds"))) { seeds = l.sorted().toList(); }
        org.apache.jena.graph.Node canonical = org.apache.jena.graph.NodeFactory.createURI(org.scokg.canonical.CanonicalDocuments.GRAPH);
        org.apache.jena.graph.Graph inTwoBuilds, inOne;
        try (ScokgStore s = ScokgStore.open(dir.resolve("two"))) {
            s.build(seeds.subList(0, 2), null);
            s.build(seeds.subList(2, seeds.size()), null);
            inTwoBuilds = Txn.calculateRead(s.dataset(), () -> copy(s.dataset().asDatasetGraph().getGraph(canonical)));
        }
        try (ScokgStore s = ScokgStore.open(dir.resolve("one"))) {
            s.build(seeds, null);
            inOne = Txn.calculateRead(s.dataset(), () -> copy(s.dataset().asDatasetGraph().getGraph(canonical)));
        }
        assertTrue(inOne.size() > 100, "the seeds cite documents: " + inOne.size());
        assertTrue(inOne.isIsomorphicWith(inTwoBuilds), "same canonical graph");
    }

    static org.apache.jena.graph.Graph copy(org.apache.jena.graph.Graph g) {
        org.apache.jena.graph.Graph c = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(c::add);
        return c;
    }

    /** The description's statistics, by SPARQL over a store whose numbers are counted here by hand. */
    @Test void descriptionCountsTheStore() throws Exception {
        String sco = "@prefix sco: <https://w3id.org/scokg/ontology#> .\n@prefix schema: <https://schema.org/> .\n";
        Path v1 = dir.resolve("v1.trig");
        Files.writeString(v1, sco + "@prefix ex: <http://example.org/> .\n"
            + G1 + " { ex:m2 a sco:Meeting . ex:m1 a sco:Meeting , ex:Other . ex:m3 a sco:Meeting . ex:p a schema:Person . _:b a sco:Meeting ."
            + " ex:s1 a sco:SourceText . ex:l a \"literal class\" . ex:d a sco:Document . <" + Iris.state("CHN") + "> ex:p 1 . }\n"
            + G2 + " { ex:m1 a sco:Meeting . ex:s2 a sco:SourceText . ex:x ex:p ex:y . ex:d a sco:Document . }\n");
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(v1), null);
            // 10 + 4 quads loaded, and the canonical graph's one: ex:d stands for itself
            assertEquals(15, s.quadCount());
            assertEquals(9, s.entityCount(), "typed subjects, the literal class included");
            Model d = ModelFactory.createModelForGraph(Txn.calculateRead(s.dataset(),
                () -> DatasetDescription.compute(s.dataset(), java.time.OffsetDateTime.now())));
            Resource ds = d.getResource(DatasetDescription.DATASET);
            String v = "http://rdfs.org/ns/void#", ex = "http://example.org/";
            assertEquals(15, ds.getProperty(d.createProperty(v + "triples")).getLong());
            assertEquals(8, ds.getProperty(d.createProperty(v + "entities")).getLong(), "typed by an IRI class");
            assertEquals(11, ds.getProperty(d.createProperty(v + "distinctSubjects")).getLong());
            java.util.Map<String, Long> perClass = new java.util.TreeMap<>();
            ds.listProperties(d.createProperty(v + "classPartition")).forEachRemaining(st -> perClass.put(
                st.getResource().getPropertyResourceValue(d.createProperty(v + "class")).getURI(),
                st.getResource().getProperty(d.createProperty(v + "entities")).getLong()));
            assertEquals(java.util.Map.of(ex + "Other", 1L, "https://schema.org/Person", 1L, Sco.Meeting.getURI(), 4L,
                Sco.SourceText.getURI(), 2L, Sco.Document.getURI(), 1L), perClass);
            assertEquals(java.util.Set.of(ex + "s1", ex + "s2"), objects(ds, d.createProperty(Sco.DCT + "source")));
            assertEquals(java.util.Set.of(ex + "m1", ex + "m2", Iris.state("CHN"), ex + "d", ex + "p"),
                objects(ds, d.createProperty(v + "exampleResource")), "the first two meetings, the example state, a document, a person");
        }
    }

    static java.util.Set<String> objects(Resource s, org.apache.jena.rdf.model.Property p) {
        java.util.Set<String> out = new java.util.HashSet<>();
        s.listProperties(p).forEachRemaining(st -> out.add(st.getResource().getURI()));
        return out;
    }
}
