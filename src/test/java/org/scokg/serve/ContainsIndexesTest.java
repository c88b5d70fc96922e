package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.scokg.query.ContainsIndex;

/** An index is built once per state of the data and again after a commit; none without TDB2. */
class ContainsIndexesTest {
    static final Node KEY = NodeFactory.createURI("https://example.org/key"), G = NodeFactory.createURI("https://example.org/g");

    @Test void builtOncePerDataVersionAndAgainAfterACommit() {
        Dataset ds = TDB2Factory.createDataset();
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(ds, () -> ds.asDatasetGraph().add(G, NodeFactory.createURI("https://example.org/a"), KEY, NodeFactory.createLiteralString("海关合作协定")));
        ContainsIndexes indexes = new ContainsIndexes(ds);
        assertNull(indexes.index(KEY), "outside a transaction: none");
        ContainsIndex first = Txn.calculateRead(ds, () -> indexes.index(KEY));
        assertSame(first, Txn.calculateRead(ds, () -> indexes.index(KEY)));
        assertEquals(1, indexes.builds());
        Txn.executeWrite(ds, () -> ds.asDatasetGraph().add(G, NodeFactory.createURI("https://example.org/b"), KEY, NodeFactory.createLiteralString("海关合作议定书")));
        ContainsIndex second = Txn.calculateRead(ds, () -> indexes.index(KEY));
        assertEquals(2, indexes.builds());
        assertEquals(1, first.subjectsContaining("海关合作", 10).size());
        assertEquals(2, second.subjectsContaining("海关合作", 10).size(), "the committed key is found");
    }

    @Test void noIndexWithoutTdb2() {
        Dataset mem = DatasetFactory.createTxnMem();
        ContainsIndexes indexes = new ContainsIndexes(mem);
        assertNull(Txn.calculateRead(mem, () -> indexes.index(KEY)));
    }
}
