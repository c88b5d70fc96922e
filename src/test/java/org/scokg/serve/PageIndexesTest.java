package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.scokg.query.CannedQuery;
import org.scokg.query.Page;
import org.scokg.query.PageIndex;

/**
 * A page index is built once per query, parameters and state of the data, shared by the requests
 * that wait for it, and built again after a commit; none without TDB2 or without {@code ?var}.
 */
class PageIndexesTest {
    static final String NS = "https://example.org/";
    static final Node SOURCE = NodeFactory.createURI(NS + "source"), KIND = NodeFactory.createURI(NS + "kind");

    /** Items with their source and kind; a page index by ?source. */
    static final CannedQuery ITEMS = CannedQuery.parse("items", """
        # Items by source.
        # @param kind string only the items of this kind (optional)
        # @page keys ?source
        PREFIX ex: <https://example.org/>
        SELECT ?source ?item WHERE {
          { SELECT DISTINCT ?source ?item WHERE { ?item ex:source ?source ; ex:kind ?kind } }
        }
        ORDER BY ?source ?item
        """);

    static void add(Dataset ds, String item, String source, String kind) {
        Node g = NodeFactory.createURI(NS + "g/" + source);
        Node s = NodeFactory.createURI(NS + item);
        ds.asDatasetGraph().add(g, s, SOURCE, NodeFactory.createLiteralString(source));
        ds.asDatasetGraph().add(g, s, KIND, NodeFactory.createLiteralString(kind));
    }

    static Dataset store() {
        Dataset ds = TDB2Factory.createDataset();
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(ds, () -> {
            for (int i = 0; i < 30; i++) add(ds, "item" + i, "s" + (i % 4), i % 2 == 0 ? "even" : "odd");
        });
        return ds;
    }

    static Binding bind(String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return ITEMS.bind(m);
    }

    @Test void builtOncePerQueryParametersAndDataVersion() {
        Dataset ds = store();
        PageIndexes indexes = new PageIndexes(ds);
        assertNull(indexes.index(ITEMS, bind()), "outside a transaction: none");
        PageIndex all = Txn.calculateRead(ds, () -> indexes.index(ITEMS, bind()));
        assertEquals(30, all.rows());
        assertEquals(4, all.values());
        assertSame(all, Txn.calculateRead(ds, () -> indexes.index(ITEMS, bind())));
        PageIndex even = Txn.calculateRead(ds, () -> indexes.index(ITEMS, bind("kind", "even")));
        assertEquals(15, even.rows(), "the parameters bound");
        assertEquals(2, indexes.builds());
        Txn.executeWrite(ds, () -> add(ds, "item99", "s9", "odd"));
        PageIndex after = Txn.calculateRead(ds, () -> indexes.index(ITEMS, bind()));
        assertEquals(31, after.rows(), "the committed row is in the new index");
        assertEquals(3, indexes.builds());
        // the page after the last source's rows: found through the index, the new item alone
        Page.Within w = after.within(new Page(30, 10), 100);
        assertEquals(List.of(NodeFactory.createLiteralString("s9")), w.values());
    }

    @Test void requestsForTheSameIndexWaitForOneBuild() throws Exception {
        Dataset ds = store();
        PageIndexes indexes = new PageIndexes(ds);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PageIndex>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) got.add(pool.submit(() -> Txn.calculateRead(ds, () -> indexes.index(ITEMS, bind()))));
            PageIndex first = got.get(0).get();
            for (Future<PageIndex> f : got) assertSame(first, f.get());
            assertEquals(1, indexes.builds());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test void noIndexWithoutTdb2OrWithoutAVariable() {
        Dataset mem = DatasetFactory.createTxnMem();
        assertNull(Txn.calculateRead(mem, () -> new PageIndexes(mem).index(ITEMS, bind())));
        Dataset ds = store();
        CannedQuery plain = CannedQuery.parse("plain", ITEMS.text().replace("# @page keys ?source", "# @page keys"));
        assertNull(Txn.calculateRead(ds, () -> new PageIndexes(ds).index(plain, plain.bind(java.util.Map.of()))));
    }

    @Test void theLeastRecentlyUsedGoFirst() {
        Dataset ds = store();
        PageIndexes indexes = new PageIndexes(ds);
        Txn.executeRead(ds, () -> {
            for (int i = 0; i < PageIndexes.MAX_INDEXES + 5; i++) indexes.index(ITEMS, bind("kind", "k" + i));
        });
        assertEquals(PageIndexes.MAX_INDEXES, indexes.size());
    }
}
