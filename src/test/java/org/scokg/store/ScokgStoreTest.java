package org.scokg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.model.Iris;

class ScokgStoreTest {
    @TempDir Path dir;

    static final String G1 = "<https://w3id.org/scokg/id/graph/a.txt>";
    static final String G2 = "<https://w3id.org/scokg/id/graph/b.txt>";

    Path trig(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "@prefix ex: <http://example.org/> .\n" + body);
        return p;
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
        for (int i = 0; i < 5 * QuadPipe.BATCH; i++)
            sb.append("<http://example.org/s").append(i).append("> <http://example.org/p> \"").append(i).append("\" ").append(G2).append(" .\n");
        sb.append("<http://example.org/broken> <http://example.org/p> .\n");
        Path big = dir.resolve("big.nq");
        Files.writeString(big, sb.toString());
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(ok), null);
            List<String> before = s.graphNames();
            StoreException e = assertThrows(StoreException.class, () -> s.load(List.of(big), null));
            assertTrue(e.getMessage().startsWith(big + ":" + (5 * QuadPipe.BATCH + 1) + ":"), e.getMessage());
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

    @Test void countsAndDescriptionFromTheIndexesMatchIteration() throws Exception {
        String sco = "@prefix sco: <https://w3id.org/scokg/ontology#> .\n@prefix schema: <https://schema.org/> .\n";
        Path v1 = dir.resolve("v1.trig");
        Files.writeString(v1, sco + "@prefix ex: <http://example.org/> .\n"
            + G1 + " { ex:m2 a sco:Meeting . ex:m1 a sco:Meeting , ex:Other . ex:m3 a sco:Meeting . ex:p a schema:Person . _:b a sco:Meeting ."
            + " ex:s1 a sco:SourceText . ex:l a \"literal class\" . ex:d a sco:Document . <" + Iris.state("CHN") + "> ex:p 1 . }\n"
            + G2 + " { ex:m1 a sco:Meeting . ex:s2 a sco:SourceText . ex:x ex:p ex:y . ex:d a sco:Document . }\n");
        try (ScokgStore s = ScokgStore.open(dir.resolve("db"))) {
            s.load(List.of(v1), null);
            DatasetGraph dsg = s.dataset().asDatasetGraph();
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
            Txn.executeRead(dsg, () -> {
                assertNotNull(SubjectScan.of(dsg), "TDB2 scan applies");
                var fast = DatasetDescription.compute(dsg, now);
                var slow = DatasetDescription.computeByIteration(dsg, now);
                assertTrue(fast.isIsomorphicWith(slow), "same description");
                long n = 0;
                for (var it = dsg.find(); it.hasNext(); it.next()) n++;
                assertEquals(n, StoreCounts.all(dsg));
            });
            long sparql = Txn.calculateRead(s.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(s.dataset())
                        .query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t }").build()) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertEquals(sparql, s.entityCount());
            assertEquals(9, sparql);
        }
    }
}
