package org.scokg.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.scokg.cli.CliRun.run;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.store.DatasetDescription;
import org.scokg.vocab.Sco;

/**
 * {@code build --from-nquads}: a store built from the partitions a Spark job writes is the
 * store {@code build} makes from the texts; {@code load} reads gzipped N-Quads.
 */
class FromNQuadsTest {
    @TempDir Path tmp;

    /** {@code extract seeds --format nq}, split by document into two gzipped partitions, plus _SUCCESS. */
    Path partitions() throws Exception {
        Path nq = tmp.resolve("seeds.nq");
        CliRun x = run("extract", "--format", "nq", "--out", nq.toString(), "seeds");
        assertEquals(0, x.code(), x.err());
        DatasetGraph extracted = DatasetGraphFactory.create();
        RDFParser.source(nq).lang(Lang.NQUADS).parse(extracted);
        List<Node> graphs = new ArrayList<>();
        extracted.listGraphNodes().forEachRemaining(graphs::add);
        graphs.sort(java.util.Comparator.comparing(Node::getURI));
        assertEquals(5, graphs.size());
        Path dir = Files.createDirectories(tmp.resolve("spark-out"));
        for (int part = 0; part < 2; part++) {
            DatasetGraph slice = DatasetGraphFactory.create();
            for (int i = part; i < graphs.size(); i += 2) {
                Node g = graphs.get(i);
                extracted.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(slice::add);
            }
            // as Spark names them: with and without the syntax in the name
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("part-0000" + part + (part == 0 ? ".nq.gz" : ".gz"))))) {
                RDFDataMgr.write(out, slice, Lang.NQUADS);
            }
        }
        Files.write(dir.resolve(".part-00000.nq.gz.crc"), new byte[] {1, 2, 3});    // Hadoop's checksums: not partitions
        return dir;
    }

    @Test
    void aStoreBuiltFromPartitionsIsTheStoreBuiltFromTheTexts() throws Exception {
        Path parts = partitions();
        Files.createFile(parts.resolve("_SUCCESS"));
        Path fromParts = tmp.resolve("from-parts"), fromTexts = tmp.resolve("from-texts");
        CliRun a = run("build", "--from-nquads", parts.toString(), "--db", fromParts.toString());
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("documents: 5 processed, 0 skipped, 0 failed"), a.out());
        assertTrue(a.out().contains("SHACL violations: 0"), a.out());
        CliRun b = run("build", "--db", fromTexts.toString(), "seeds");
        assertEquals(0, b.code(), b.err());
        // the two summaries agree line for line, the documents' order aside
        assertEquals(new java.util.TreeSet<>(b.out().lines().toList()), new java.util.TreeSet<>(a.out().lines().toList()));

        DatasetGraph one = dump(fromParts), other = dump(fromTexts);
        assertEquals(other.stream().count(), one.stream().count());
        assertTrue(IsoMatcher.isomorphic(one, other), "the same quads, the build time aside");
        TreeMap<String, Integer> perGraph = new TreeMap<>();
        one.listGraphNodes().forEachRemaining(g -> perGraph.put(g.getURI(), one.getGraph(g).size()));
        assertTrue(perGraph.keySet().containsAll(List.of(Sco.ONTOLOGY_GRAPH, Sco.GAZETTEER_GRAPH,
            "https://w3id.org/scokg/canonical", DatasetDescription.GRAPH)), perGraph.toString());
    }

    /** The store as N-Quads, without the time of the build in its description. */
    static DatasetGraph dump(Path db) {
        Path nq = db.resolveSibling(db.getFileName() + ".nq");
        CliRun e = run("export", "--db", db.toString(), "--format", "nq", "--out", nq.toString());
        assertEquals(0, e.code(), e.err());
        DatasetGraph d = DatasetGraphFactory.create();
        RDFParser.source(nq).lang(Lang.NQUADS).parse(d);
        d.deleteAny(NodeFactory.createURI(DatasetDescription.GRAPH), NodeFactory.createURI(DatasetDescription.DATASET),
            NodeFactory.createURI(Sco.DCT + "modified"), Node.ANY);
        return d;
    }

    @Test
    void aDirectoryWithoutSuccessIsRefusedWithOneLine() throws Exception {
        Path parts = partitions();
        Path db = tmp.resolve("db");
        CliRun r = run("build", "--from-nquads", parts.toString(), "--db", db.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("scokg: error: " + parts + ": no _SUCCESS file"), r.err());
        CliRun both = run("build", "--from-nquads", parts.toString(), "--db", db.toString(), "seeds");
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("not both"), both.err());
        CliRun neither = run("build", "--db", db.toString());
        assertEquals(2, neither.code(), neither.err());
        assertTrue(neither.err().contains("INPUT"), neither.err());
    }

    @Test
    void loadReadsGzippedNQuads() throws Exception {
        Path parts = partitions();
        Path db = tmp.resolve("db");
        Path other = Files.copy(parts.resolve("part-00001.gz"), tmp.resolve("other.nq.gz"));
        CliRun r = run("load", "--db", db.toString(), parts.resolve("part-00000.nq.gz").toString(), other.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("loaded ") && r.out().contains(" in 5 graph(s) from 2 file(s)"), r.out());
    }
}
