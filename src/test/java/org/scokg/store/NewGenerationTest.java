package org.scokg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.lib.TupleLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.model.CanonicalDocuments;
import org.scokg.model.Iris;

/**
 * A load into an empty store, and a pruning build of a store that holds only what a build
 * writes, go to a new generation of the store written beside the old one and packed in
 * bulk ({@link NextGeneration}, {@link PackedIndexes}): the same quads as a write in place,
 * in every index; the old generation serves its readers until they finish; a writer that
 * comes meanwhile waits and is not lost.
 */
class NewGenerationTest {
    @TempDir Path tmp;

    static final Path SEEDS = Path.of("seeds");
    static final List<Path> TWO_SEEDS = List.of(SEEDS.resolve("000_4d1f60703d6d6267.txt"), SEEDS.resolve("001_5eea9896fdcb0ecb.txt"));
    static final Node FOREIGN = NodeFactory.createURI("http://example.org/foreign");

    static final Node DESCRIPTION = NodeFactory.createURI(DatasetDescription.GRAPH);

    /** The store's quads, without the time of the build and without the graphs {@code drop}. */
    static DatasetGraph contents(ScokgStore s, Node... drop) {
        DatasetGraph copy = DatasetGraphFactory.create();
        Txn.executeRead(s.dataset(), () -> s.dataset().asDatasetGraph().find().forEachRemaining(q -> {
            if (!List.of(drop).contains(q.getGraph()) && !q.getPredicate().getURI().equals("http://purl.org/dc/terms/modified")) copy.add(q);
        }));
        return copy;
    }

    /** The data directories of a store: Data-NNNN, and any Data-NNNN-tmp. */
    static List<String> generations(Path db) throws Exception {
        try (Stream<Path> s = Files.list(db)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).sorted().toList();
        }
    }

    /** Adds one quad in the graph {@link #FOREIGN}: a store that holds it is no longer "only what a build writes". */
    static void addForeign(ScokgStore s) {
        DatasetGraph dsg = s.dataset().asDatasetGraph();
        Txn.executeWrite(dsg, () -> dsg.add(FOREIGN, FOREIGN, FOREIGN, NodeFactory.createLiteralString("x")));
    }

    /** Every quad index holds the same quads as the store's find(). */
    static void assertIndexesAgree(ScokgStore s) {
        DatasetGraph dsg = s.dataset().asDatasetGraph();
        Txn.executeRead(dsg, () -> {
            Set<Quad> all = new HashSet<>();
            dsg.find().forEachRemaining(all::add);
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            for (TupleIndex index : tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
                Set<Quad> seen = new HashSet<>();
                long n = 0;
                for (Iterator<Quad> it = TupleLib.convertToQuads(tdb.getQuadTable().getNodeTupleTable().getNodeTable(), index.all()); it.hasNext(); n++)
                    seen.add(it.next());
                assertEquals(all, seen, index.getName());
                assertEquals(all.size(), n, index.getName() + " has no duplicates");
            }
        });
    }

    @Test void aBuildIntoAnEmptyStoreIsANewGenerationWithTheQuadsOfABuildInPlace() throws Exception {
        Path fresh = tmp.resolve("fresh"), inPlace = tmp.resolve("in-place");
        try (ScokgStore a = ScokgStore.open(fresh); ScokgStore b = ScokgStore.open(inPlace)) {
            assertEquals(List.of("Data-0001"), generations(fresh));
            assertTrue(a.build(TWO_SEEDS, null).usable());
            assertEquals(List.of("Data-0002"), generations(fresh), "switched in, the old generation deleted");
            addForeign(b);                  // not empty: written in place
            assertTrue(b.build(TWO_SEEDS, null).usable());
            assertEquals(List.of("Data-0001"), generations(inPlace));
            // (the description counts the foreign graph too)
            assertTrue(IsoMatcher.isomorphic(contents(a, DESCRIPTION), contents(b, FOREIGN, DESCRIPTION)));
            assertIndexesAgree(a);
        }
    }

    @Test void aLoadIntoAnEmptyStoreGivesWhatALoadInPlaceGives() throws Exception {
        Path seedsDb = tmp.resolve("seeds");
        try (ScokgStore s = ScokgStore.open(seedsDb)) {
            s.build(TWO_SEEDS, null);
        }
        Path nq = tmp.resolve("seeds.nq");
        try (ScokgStore s = ScokgStore.openExisting(seedsDb); var out = Files.newOutputStream(nq)) {
            s.export(ExportFormat.NQ, out);
        }
        // The export holds the canonical and description graphs: the load rewrites them either way.
        try (ScokgStore a = ScokgStore.open(tmp.resolve("a")); ScokgStore b = ScokgStore.open(tmp.resolve("b"))) {
            ScokgStore.LoadSummary sa = a.load(List.of(nq), null);
            addForeign(b);
            ScokgStore.LoadSummary sb = b.load(List.of(nq), null);
            assertEquals(List.of("Data-0002"), generations(tmp.resolve("a")));
            assertEquals(sb.graphs(), sa.graphs());
            assertEquals(sb.quadsLoaded(), sa.quadsLoaded());
            // (the description counts the foreign graph too)
            assertTrue(IsoMatcher.isomorphic(contents(a, DESCRIPTION), contents(b, FOREIGN, DESCRIPTION)));
            assertIndexesAgree(a);
        }
        // Without them: the canonical titles come from the quads as they stream by.
        Path sources = tmp.resolve("sources.nq");
        Files.write(sources, Files.readAllLines(nq).stream()
            .filter(l -> !l.endsWith("<" + CanonicalDocuments.GRAPH + "> .") && !l.endsWith("<" + DatasetDescription.GRAPH + "> .")).toList());
        try (ScokgStore a = ScokgStore.open(tmp.resolve("c")); ScokgStore b = ScokgStore.open(tmp.resolve("d"))) {
            ScokgStore.LoadSummary sa = a.load(List.of(sources), null);
            addForeign(b);
            ScokgStore.LoadSummary sb = b.load(List.of(sources), null);
            assertEquals(sb.quadsLoaded(), sa.quadsLoaded());
            assertEquals(sb.storeQuads() - 1, sa.storeQuads());
            // (the description counts the foreign graph too)
            assertTrue(IsoMatcher.isomorphic(contents(a, DESCRIPTION), contents(b, FOREIGN, DESCRIPTION)));
            assertIndexesAgree(a);
        }
    }

    @Test void aBadFileOrNothingUsableLeavesTheEmptyStoreAsItWas() throws Exception {
        Path bad = tmp.resolve("bad.nq");
        Files.writeString(bad, "<http://example.org/s> <http://example.org/p> \"1\" <http://example.org/g> .\n<http://example.org/broken> .\n");
        Path empty = Files.createDirectories(tmp.resolve("empty-input"));
        Path db = tmp.resolve("db");
        try (ScokgStore s = ScokgStore.open(db)) {
            StoreException e = assertThrows(StoreException.class, () -> s.load(List.of(bad), null));
            assertTrue(e.getMessage().startsWith(bad + ":2:"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertFalse(s.build(List.of(empty), null).usable());
            assertEquals(0, s.quadCount());
            assertEquals(List.of("Data-0001"), generations(db));
        }
    }

    /** What a kill -9 can leave around the switch, and how TDB2 opens it: the highest complete generation, no -tmp. */
    @Test void aStoreOpensItsHighestGenerationAndDropsAHalfWrittenOne() throws Exception {
        Path db = tmp.resolve("db"), empty = tmp.resolve("empty");
        long quads;
        try (ScokgStore s = ScokgStore.open(db); ScokgStore e = ScokgStore.open(empty)) {
            s.build(TWO_SEEDS, null);
            quads = s.quadCount();
        }
        // Killed after the rename, before the old generation was deleted: both are there.
        StoreCrashTest.copyTree(empty.resolve("Data-0001"), db.resolve("Data-0001"));
        // Killed while writing the next one: a half-written Data-NNNN-tmp.
        Files.createDirectories(db.resolve("Data-0003-tmp"));
        Files.writeString(db.resolve("Data-0003-tmp").resolve("GSPO.dat"), "half");
        try (ScokgStore s = ScokgStore.openExisting(db)) {
            assertEquals(quads, s.quadCount());
            assertEquals(List.of("Data-0001", "Data-0002"), generations(db));
            // The next write into a new generation goes on from there and deletes the older ones.
            s.build(TWO_SEEDS, new org.scokg.text.SourceReader(), true, null);
            assertEquals(List.of("Data-0003"), generations(db));
            assertEquals(quads, s.quadCount());
        }
    }

    @Test void pastItsMemoryForQuadsTheNewGenerationSpillsSortedRunsAndStillPacksInBulk() throws Exception {
        long saved = StoreWrite.bulkBytes;
        try (ScokgStore a = ScokgStore.open(tmp.resolve("a")); ScokgStore b = ScokgStore.open(tmp.resolve("b"))) {
            assertTrue(a.build(TWO_SEEDS, null).usable());
            StoreWrite.bulkBytes = 64 * 1000;           // a thousand quads in memory, then a run on disk
            List<String> said = new ArrayList<>();
            assertTrue(b.build(TWO_SEEDS, said::add).usable());
            String packing = said.stream().filter(l -> l.startsWith("new generation: packing the indexes in bulk")).findFirst().orElseThrow(() -> new AssertionError(said));
            assertTrue(packing.matches(".*in \\d+ sorted runs on disk\\)"), packing);
            assertEquals(List.of("Data-0002"), generations(tmp.resolve("b")));
            try (Stream<Path> files = Files.list(tmp.resolve("b").resolve("Data-0002"))) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("scokg-")), "the runs are not part of the store");
            }
            assertTrue(IsoMatcher.isomorphic(contents(a), contents(b)));
            assertIndexesAgree(b);
        } finally {
            StoreWrite.bulkBytes = saved;
        }
    }

    @Test void pastItsMemoryForTheCanonicalInputTheNewGenerationIsWrittenAsItGoes() throws Exception {
        long savedBulk = StoreWrite.bulkBytes, savedCanonical = StoreWrite.canonicalBytes;
        try (ScokgStore a = ScokgStore.open(tmp.resolve("a")); ScokgStore b = ScokgStore.open(tmp.resolve("b"))) {
            assertTrue(a.build(TWO_SEEDS, null).usable());
            StoreWrite.bulkBytes = 64 * 1000;           // runs spilled before the canonical input gives up: written to the indexes then
            StoreWrite.canonicalBytes = 400 * 50;       // fifty mentions or documents (two seeds cite more)
            List<String> said = new ArrayList<>();
            assertTrue(b.build(TWO_SEEDS, said::add).usable());
            assertTrue(said.contains("new generation: writing the indexes as it goes (the canonical input passed its memory)"), said.toString());
            assertEquals(List.of("Data-0002"), generations(tmp.resolve("b")));
            assertTrue(IsoMatcher.isomorphic(contents(a), contents(b)));
            assertIndexesAgree(b);
        } finally {
            StoreWrite.bulkBytes = savedBulk;
            StoreWrite.canonicalBytes = savedCanonical;
        }
    }

    @Test void aPruningRebuildOfWhatABuildWroteIsANewGenerationAndAForeignGraphKeepsItInPlace() throws Exception {
        Path db = tmp.resolve("db");
        try (ScokgStore s = ScokgStore.open(db)) {
            s.build(List.of(SEEDS), null);
            long all = s.quadCount();
            ScokgStore.BuildSummary b = s.build(TWO_SEEDS, new org.scokg.text.SourceReader(), true, null);
            assertEquals(List.of("Data-0003"), generations(db));
            assertTrue(b.storeQuads() < all);
            addForeign(s);
            s.build(List.of(SEEDS), new org.scokg.text.SourceReader(), true, null);
            assertEquals(List.of("Data-0003"), generations(db), "a graph no build writes: in place, and kept");
            assertEquals(all + 1, s.quadCount());
        }
    }

    @Test void noTransactionSpansTheSwitch() throws Exception {
        Path db = tmp.resolve("db");
        try (ScokgStore s = ScokgStore.open(db)) {
            s.build(TWO_SEEDS, null);
            long before = s.quadCount();
            CountDownLatch reading = new CountDownLatch(1), release = new CountDownLatch(1);
            // A reader in another thread, in one transaction before and after the rebuild starts.
            CompletableFuture<long[]> reader = CompletableFuture.supplyAsync(() -> Txn.calculateRead(s.dataset(), () -> {
                long first = StoreCounts.all(s.dataset().asDatasetGraph());
                reading.countDown();
                try {
                    assertTrue(release.await(120, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return new long[] {first, StoreCounts.all(s.dataset().asDatasetGraph()), meetings(s)};
            }));
            assertTrue(reading.await(60, TimeUnit.SECONDS));
            List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<ScokgStore.BuildSummary> rebuild = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.build(List.of(SEEDS), new org.scokg.text.SourceReader(), true, said::add);
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 600 && said.isEmpty(); i++) Thread.sleep(100);
            assertFalse(said.isEmpty(), "the rebuild started");
            release.countDown();
            long[] seen = reader.get(120, TimeUnit.SECONDS);
            assertArrayEquals(new long[] {before, before, 2}, seen, "the old state to the end of the reader's transaction");
            assertTrue(rebuild.get(120, TimeUnit.SECONDS).usable());
            assertEquals(List.of("Data-0003"), generations(db));
            assertNotEquals(before, s.quadCount());
            assertEquals(5, Txn.calculateRead(s.dataset(), () -> meetings(s)));
        }
    }

    static long meetings(ScokgStore s) {
        try (QueryExecution qe = QueryExecution.dataset(s.dataset())
                .query("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <https://w3id.org/scokg/ontology#Meeting> }").build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    @Test void aWriterThatComesDuringARebuildWaitsAndIsNotLost() throws Exception {
        Path db = tmp.resolve("db");
        try (ScokgStore s = ScokgStore.open(db)) {
            s.build(TWO_SEEDS, null);
            List<CompletableFuture<Void>> writer = new ArrayList<>();
            ScokgStore.BuildSummary b = s.build(List.of(SEEDS), new org.scokg.text.SourceReader(), true, line -> {
                if (line.startsWith("extracted ") && writer.isEmpty())
                    writer.add(CompletableFuture.runAsync(() -> addForeign(s)));
            });
            assertTrue(b.usable());
            assertEquals(List.of("Data-0003"), generations(db), "the rebuild went to a new generation");
            writer.get(0).get(120, TimeUnit.SECONDS);
            assertTrue(Txn.calculateRead(s.dataset(), () -> s.dataset().asDatasetGraph().contains(FOREIGN, FOREIGN, FOREIGN, Node.ANY)));
        }
    }

    @Test void theCanonicalInputGivesTheTitlesTheWholeUnionGives() throws Exception {
        try (ScokgStore s = ScokgStore.open(tmp.resolve("db"))) {
            s.build(List.of(SEEDS, Path.of("src/test/resources/dev")), null);
            DatasetGraph dsg = s.dataset().asDatasetGraph();
            Txn.executeRead(dsg, () -> {
                CanonicalInput input = new CanonicalInput(Long.MAX_VALUE);
                dsg.find().forEachRemaining(q -> input.offer(q.getSubject(), q.getPredicate(), q.getObject()));
                var fromUnion = CanonicalDocuments.compute(ModelFactory.createModelForGraph(dsg.getUnionGraph())).getGraph();
                assertTrue(fromUnion.size() > 1000);
                assertTrue(fromUnion.isIsomorphicWith(input.canonical()),
                    "CanonicalInput keeps all that CanonicalDocuments reads (its READ_PROPERTIES and READ_TYPES)");
            });
        }
    }

    /** Its limit counts subjects (mentions and documents), whose values it holds in one small record each. */
    @Test void theCanonicalInputGivesUpPastItsLimit() {
        CanonicalInput input = new CanonicalInput(1);
        Node m = NodeFactory.createURI(Iris.base() + "m");
        input.offer(m, org.scokg.model.Sco.surface.asNode(), NodeFactory.createLiteralString("a"));
        input.offer(m, NodeFactory.createURI("http://example.org/unread"), m);
        input.offer(m, org.scokg.model.Sco.mentionOf.asNode(), m);
        assertTrue(input.complete(), "one subject");
        input.offer(NodeFactory.createURI(Iris.base() + "m2"), org.scokg.model.Sco.mentionOf.asNode(), m);
        assertFalse(input.complete());
        assertThrows(IllegalStateException.class, input::canonical);
    }
}
