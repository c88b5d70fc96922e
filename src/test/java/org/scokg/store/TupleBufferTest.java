package org.scokg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.junit.jupiter.api.Test;

/** The records a {@link TupleBuffer} hands out are an index's: its column order, sorted as its bytes, no duplicates. */
class TupleBufferTest {
    static final RecordFactory RECORDS = new RecordFactory(4 * NodeId.SIZE, 0);

    @Test void recordsAreSortedUniqueAndInTheIndexOrder() {
        Random r = new Random(1);
        TupleBuffer buffer = new TupleBuffer();
        List<NodeId[]> quads = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // Few graphs and predicates; objects are pointers or inline values (high bit set); many duplicates.
            NodeId[] q = {ptr(r.nextInt(5)), ptr(r.nextInt(300)), ptr(r.nextInt(7)),
                r.nextBoolean() ? ptr(r.nextInt(500)) : NodeId.inline(NodeFactory.createLiteralDT(Integer.toString(r.nextInt(50) - 25), XSDDatatype.XSDinteger))};
            quads.add(q);
            buffer.add(q[0], q[1], q[2], q[3]);
            if (i % 3 == 0) buffer.add(q[0], q[1], q[2], q[3]);
        }
        // The same buffer, reordered index after index, back and forth.
        for (String index : List.of("GSPO", "OSPG", "GPOS", "SPOG", "GOSP", "POSG", "GSPO")) {
            TupleMap map = TupleMap.create("GSPO", index);
            TreeSet<String> expected = new TreeSet<>();
            for (NodeId[] q : quads) {
                byte[] key = new byte[4 * NodeId.SIZE];
                for (int c = 0; c < 4; c++) NodeIdFactory.set(q[map.getSlotIdx(c)], key, c * NodeId.SIZE);
                expected.add(hex(key));
            }
            List<String> got = new ArrayList<>();
            buffer.records(map, RECORDS).forEachRemaining((Record rec) -> got.add(hex(rec.getKey())));
            assertEquals(new ArrayList<>(expected), got, index);
        }
    }

    static NodeId ptr(long offset) {
        return NodeIdFactory.createPtr(offset);
    }

    /** Hex of the bytes: as strings, they sort as the bytes do unsigned. */
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x & 0xff));
        return sb.toString();
    }

    @Test void anEmptyBufferHasNoRecords() {
        assertFalse(new TupleBuffer().records(TupleMap.create("GSPO", "POSG"), RECORDS).hasNext());
    }

    /** Spilled in runs, merged back: the same records as one buffer holding everything. */
    @Test void sortedRunsMergedWithTheBufferGiveEveryQuadOnceInEachIndexOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        Random r = new Random(2);
        org.apache.jena.tdb2.store.tupletable.TupleIndex[] indexes = org.apache.jena.tdb2.sys.TDBInternal
            .getDatasetGraphTDB(org.apache.jena.tdb2.TDB2Factory.createDataset().asDatasetGraph())
            .getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
        TupleBuffer all = new TupleBuffer(), buffer = new TupleBuffer();
        java.nio.file.Path dir = tmp.resolve("runs");
        try (SortedRuns runs = new SortedRuns(dir)) {
            for (int i = 0; i < 5_000; i++) {
                NodeId[] q = {ptr(r.nextInt(3)), ptr(r.nextInt(100)), ptr(r.nextInt(4)), ptr(r.nextInt(60))};
                all.add(q[0], q[1], q[2], q[3]);
                buffer.add(q[0], q[1], q[2], q[3]);
                if (i % 1_200 == 1_199) {               // the same quad lands in several runs
                    runs.spill(buffer, indexes);
                    buffer.clear();
                }
            }
            assertEquals(4, runs.runs());
            for (org.apache.jena.tdb2.store.tupletable.TupleIndex index : indexes) {
                List<String> expected = new ArrayList<>(), got = new ArrayList<>();
                all.records(index.getMapping(), RECORDS).forEachRemaining(rec -> expected.add(hex(rec.getKey())));
                runs.records(index, buffer, RECORDS).forEachRemaining(rec -> got.add(hex(rec.getKey())));
                assertEquals(expected, got, index.getName());
            }
        }
        assertFalse(java.nio.file.Files.exists(dir), "closing deletes the runs");
    }
}
