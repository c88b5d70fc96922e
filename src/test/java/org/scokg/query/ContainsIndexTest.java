package org.scokg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;

/** Which subjects have a value of the property that contains a string, read once into memory. */
class ContainsIndexTest {
    static final Node KEY = NodeFactory.createURI("https://example.org/key");
    static final Node G1 = NodeFactory.createURI("https://example.org/g1"), G2 = NodeFactory.createURI("https://example.org/g2");

    static Node doc(String n) { return NodeFactory.createURI("https://example.org/doc/" + n); }

    static Dataset store() {
        Dataset ds = TDB2Factory.createDataset();
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(ds, () -> {
            var dsg = ds.asDatasetGraph();
            dsg.add(G1, doc("a"), KEY, NodeFactory.createLiteralString("道路运输便利化协定"));
            dsg.add(G2, doc("a"), KEY, NodeFactory.createLiteralString("道路运输便利化协定"));   // the same triple in two graphs
            dsg.add(G1, doc("b"), KEY, NodeFactory.createLiteralString("〈道路运输便利化协定〉实施计划"));
            dsg.add(G2, doc("c"), KEY, NodeFactory.createLiteralString("海关合作协定"));
            dsg.add(G2, doc("d"), KEY, NodeFactory.createURI("https://example.org/not-a-literal"));
        });
        return ds;
    }

    @Test void findsEverySubjectWhoseValueContainsTheStringOnce() {
        Dataset ds = store();
        ContainsIndex index = Txn.calculateRead(ds, () -> ContainsIndex.build(ds, KEY));
        assertEquals(3, index.size(), "literal values of the union, each once");
        assertEquals(List.of(doc("a"), doc("b")), sorted(index.subjectsContaining("道路运输便利化协定", 10)));
        assertEquals(List.of(doc("a"), doc("b"), doc("c")), sorted(index.subjectsContaining("协定", 10)));
        assertEquals(List.of(), index.subjectsContaining("铁路", 10));
        assertNull(index.subjectsContaining("协定", 2), "more than the most asked for: null");
        assertEquals(2, index.subjectsContaining("运输", 2).size(), "exactly the most asked for");
    }

    static List<Node> sorted(List<Node> nodes) {
        return nodes.stream().sorted(java.util.Comparator.comparing(Node::getURI)).toList();
    }

    @Test void aQueryWhoseContainsLineDoesNotMatchItsPatternIsRefused() {
        String bad = """
            # Documents by a part of their key.
            # @param part string a part (required)
            # @contains doc <https://example.org/key> part
            SELECT ?doc WHERE { ?doc <https://example.org/other> ?k FILTER(CONTAINS(?k, ?part)) }
            """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("bad", bad));
        assertTrue(e.getMessage().contains("no triple ?doc <https://example.org/key>"), e.getMessage());
        String noFilter = bad.replace("<https://example.org/other> ?k FILTER(CONTAINS(?k, ?part))", "<https://example.org/key> ?k FILTER(STRSTARTS(?k, ?part))");
        e = assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("bad", noFilter));
        assertTrue(e.getMessage().contains("no FILTER(CONTAINS(?value, ?part))"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("bad", bad.replace("<https://example.org/key> part", "key part")));
        CannedQuery good = CannedQuery.parse("good", bad.replace("<https://example.org/other>", "<https://example.org/key>"));
        assertEquals(new CannedQuery.Contains(org.apache.jena.sparql.core.Var.alloc("doc"), KEY, org.apache.jena.sparql.core.Var.alloc("part")), good.contains());
    }
}
