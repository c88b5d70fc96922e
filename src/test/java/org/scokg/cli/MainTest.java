package org.scokg.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.scokg.cli.CliRun.run;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.vocab.Iris;
import picocli.CommandLine;

class MainTest {
    @TempDir static Path shared;
    @TempDir Path dir;
    static Path corpus;
    static Path db;



    /** The one line of a failure: "scokg: error: ..." and no stack trace. */
    static void assertOneErrorLine(CliRun r) {
        assertNotEquals(0, r.code(), r.toString());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("scokg: error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(r.err().contains("Exception"), "no exception names: " + r.err());
    }

    @BeforeAll static void corpus() throws Exception {
        corpus = Files.createDirectories(shared.resolve("corpus"));
        Files.writeString(corpus.resolve("000_a.txt"), "上海合作组织成员国元首理事会会议\n", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("001 b 宣言.txt"), "上合组织《宪章》\r\n", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("empty.txt"), "  \n", StandardCharsets.UTF_8);
        Files.write(corpus.resolve("binary"), new byte[] {1, 0, 2, 0});
        Path queries = Files.createDirectories(shared.resolve("queries"));
        Files.writeString(queries.resolve("sources.rq"), """
            # The source texts.
            # @param name string  a file name (optional)
            PREFIX sco: <https://w3id.org/scokg/ontology#>
            SELECT ?source ?name WHERE { ?source a sco:SourceText ; sco:fileName ?name } ORDER BY ?name
            """);
        Files.writeString(queries.resolve("agreement-trace.rq"), """
            # Mentions of a document, oldest first.
            # @param title:search title  any spelling
            PREFIX sco: <https://w3id.org/scokg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?doc ?title ?source ?meetingDate ?surface ?sentence WHERE {
              ?doc sco:canonicalKey ?key ; skos:prefLabel ?title . FILTER(CONTAINS(?key, ?search))
              ?m sco:mentionOf ?doc ; sco:inSource ?source ; sco:surface ?surface ; sco:sentence ?sentence ; sco:actionDate ?meetingDate .
            } ORDER BY ?meetingDate
            """);
        System.setProperty(Queries.DIR_PROPERTY, queries.toString());
        db = shared.resolve("db");
        CliRun r = run("build", "--db", db.toString(), corpus.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("documents: 2 processed, 1 skipped, 1 failed"), r.out());
        assertTrue(r.out().contains("entities: "), r.out());
    }

    @AfterAll static void clear() { System.clearProperty(Queries.DIR_PROPERTY); }

    @Test void extractWritesOneNamedGraphPerInput() throws Exception {
        Path out = dir.resolve("out.trig");
        CliRun r = run("extract", "--out", out.toString(), corpus.toString());
        assertEquals(0, r.code(), r.toString());
        DatasetGraph ds = DatasetGraphFactory.create();
        RDFDataMgr.read(ds, out.toString(), Lang.TRIG);
        Set<String> graphs = new TreeSet<>();
        ds.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
        assertEquals(Set.of(Iris.graph("000_a.txt"), Iris.graph("001 b 宣言.txt")), graphs);
        assertTrue(ds.getDefaultGraph().isEmpty());
        // what Extraction returned is carried: the source node with its file name
        assertTrue(ds.stream().anyMatch(q -> q.getObject().isLiteral() && q.getObject().getLiteralLexicalForm().equals("001 b 宣言.txt")));

        CliRun nq = run("extract", "--format", "nq", corpus.resolve("000_a.txt").toString());
        assertEquals(0, nq.code(), nq.toString());
        DatasetGraph ds2 = DatasetGraphFactory.create();
        RDFParser.fromString(nq.out(), Lang.NQUADS).parse(ds2);
        assertTrue(ds2.stream().allMatch(q -> q.getGraph().getURI().equals(Iris.graph("000_a.txt"))));
    }

    @Test void extractNothingUsableFails() {
        CliRun r = run("extract", corpus.resolve("empty.txt").toString());
        assertOneErrorLine(r);
    }

    @Test void queryFormats() {
        CliRun tsv = run("query", "--db", db.toString(), "sources", "--format", "tsv");
        assertEquals(0, tsv.code(), tsv.toString());
        List<String> lines = tsv.out().lines().toList();
        assertEquals("?source\t?name", lines.get(0));
        assertEquals(3, lines.size(), tsv.out());
        assertTrue(lines.get(2).contains("\"001 b 宣言.txt\""), tsv.out());

        CliRun csv = run("query", "--db", db.toString(), "sources", "--format", "csv");
        assertEquals("source,name", csv.out().lines().findFirst().orElseThrow().strip());

        CliRun json = run("query", "--db", db.toString(), "sources", "--format", "json", "--param", "name=000_a.txt");
        assertEquals(0, json.code(), json.toString());
        assertTrue(json.out().contains("\"vars\""), json.out());
        assertFalse(json.out().contains("001 b"), "param bound: " + json.out());

        CliRun text = run("query", "--db", db.toString(), "sources", "--format", "text");
        assertTrue(text.out().contains("| source"), text.out());
    }

    @Test void unknownQueryIsOneLine() {
        CliRun r = run("query", "--db", db.toString(), "no-such-query");
        assertOneErrorLine(r);
        assertTrue(r.err().contains("no-such-query"));
    }

    @Test void malformedParamIsOneLine() {
        assertOneErrorLine(run("query", "--db", db.toString(), "sources", "--param", "oops"));
        assertOneErrorLine(run("query", "--db", db.toString(), "sources", "--param", "bogus=1"));
    }

    @Test void usageErrorsAreOneLine() {
        CliRun r = run("query", "--db", db.toString(), "--frobnicate", "sources");
        assertOneErrorLine(r);
        assertEquals(2, r.code());
        assertOneErrorLine(run("export", "--db", db.toString()));
        assertOneErrorLine(run());
        CliRun rows = run("serve", "--db", db.toString(), "--port", "0", "--max-rows", "0");
        assertOneErrorLine(rows);
        assertTrue(rows.err().contains("--max-rows must be at least 1"), rows.err());
    }

    @Test void missingStoreIsOneLineAndNotCreated() {
        Path missing = dir.resolve("nostore");
        for (String[] args : List.of(
                new String[] {"query", "--db", missing.toString(), "sources"},
                new String[] {"export", "--db", missing.toString(), "--format", "nq"},
                new String[] {"trace", "宪章", "--db", missing.toString()})) {
            CliRun r = run(args);
            assertOneErrorLine(r);
            assertTrue(r.err().contains("no store at"), r.err());
            assertFalse(Files.exists(missing), "read command created " + missing);
        }
    }

    @Test void exportEachFormatRoundTrips() throws Exception {
        DatasetGraph all = DatasetGraphFactory.create();
        Path nq = dir.resolve("all.nq");
        assertEquals(0, run("export", "--db", db.toString(), "--format", "nq", "--out", nq.toString()).code());
        RDFDataMgr.read(all, nq.toString());
        long quads = all.stream().count();
        long unionTriples = all.stream().map(Quad::asTriple).distinct().count();
        assertTrue(quads > 0);
        for (String f : List.of("ttl", "trig", "jsonld")) {
            Path out = dir.resolve("all." + f);
            CliRun r = run("export", "--db", db.toString(), "--format", f, "--out", out.toString());
            assertEquals(0, r.code(), r.toString());
            DatasetGraph back = DatasetGraphFactory.create();
            RDFDataMgr.read(back, out.toString());
            assertEquals(f.equals("ttl") ? unionTriples : quads, back.stream().count(), f);
        }
        CliRun stdout = run("export", "--db", db.toString(), "--format", "trig");
        DatasetGraph back = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(stdout.out().getBytes(StandardCharsets.UTF_8))).lang(Lang.TRIG).parse(back);
        assertEquals(quads, back.stream().count());
    }

    @Test void failedExportLeavesNoFile() {
        Path out = dir.resolve("x.ttl");
        CliRun r = run("export", "--db", db.toString(), "--format", "xml", "--out", out.toString());
        assertOneErrorLine(r);
        assertFalse(Files.exists(out));
    }

    @Test void traceTimeline() throws Exception {
        Path tdb = dir.resolve("tdb");
        assertEquals(0, run("build", "--db", tdb.toString(), corpus.toString()).code());
        Path data = dir.resolve("docs.trig");
        Files.writeString(data, """
            PREFIX sco: <https://w3id.org/scokg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX id: <https://w3id.org/scokg/id/>
            id:graph\\/docs { id:document\\/charter sco:canonicalKey "上合组织宪章" ; skos:prefLabel "上海合作组织宪章"@zh .
              id:mention\\/b\\/9 sco:mentionOf id:document\\/charter ; sco:inSource <https://w3id.org/scokg/id/source/001%20b.txt> ;
                 sco:surface "宪章" ; sco:sentence "遵循《宪章》。" ; sco:actionDate "2023-07-04"^^xsd:date .
              id:mention\\/a\\/1 sco:mentionOf id:document\\/charter ; sco:inSource id:source\\/000_a.txt ;
                 sco:surface "上海合作组织宪章" ; sco:sentence "签署《上海合作组织宪章》。" ; sco:actionDate "2002-06-07"^^xsd:date . }
            """);
        assertEquals(0, run("load", "--db", tdb.toString(), data.toString()).code());
        CliRun r = run("trace", "上海合作组织 宪章", "--db", tdb.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("《上海合作组织宪章》"), r.out());
        assertTrue(lines.get(1).startsWith("2002-06-07  000_a.txt"), r.out());
        assertTrue(lines.get(2).startsWith("    签署"), r.out());
        assertTrue(lines.get(3).startsWith("2023-07-04  001 b.txt"), r.out());
        assertOneErrorLine(run("trace", "没有这个文件", "--db", tdb.toString()));
    }

    @Test void versionAndHelp() {
        CliRun v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("scokg "), v.out());
        CliRun h = run("--help");
        assertEquals(0, h.code());
        for (String c : List.of("extract", "load", "build", "query", "serve", "up", "trace", "export")) assertTrue(h.out().contains(c), c);
    }

    @Test void debugShowsStackTrace() {
        CliRun r = run("--debug", "query", "--db", dir.resolve("nostore").toString(), "sources");
        assertNotEquals(0, r.code());
        assertTrue(r.err().startsWith("scokg: error: "), r.err());
    }
}
