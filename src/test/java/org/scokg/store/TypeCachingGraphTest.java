package org.scokg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The view SHACL validation reads the store through: the same answers and report as the union graph, each subject's types read once. */
class TypeCachingGraphTest {
    static final String EX = "http://example.org/";
    static final Node TYPE = RDF.Nodes.type, PLACE = uri("Place"), CITY = uri("City"), ASTANA = uri("astana");

    static Node uri(String local) { return NodeFactory.createURI(EX + local); }

    /**
     * A store as builds write it: Astana typed ex:City in each of 40 source graphs that name it,
     * City a subclass of Place in an ontology graph, 120 acts placed at Astana, and one act placed
     * at a node nothing types (a violation).
     */
    static DatasetGraph store() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> {
            dsg.add(uri("ontology"), CITY, RDFS.Nodes.subClassOf, PLACE);
            for (int g = 0; g < 40; g++) dsg.add(uri("source/" + g), ASTANA, TYPE, CITY);
            for (int i = 0; i < 120; i++) {
                Node act = uri("act/" + i);
                dsg.add(uri("source/" + i % 40), act, TYPE, uri("Act"));
                dsg.add(uri("source/" + i % 40), act, uri("place"), ASTANA);
            }
            dsg.add(uri("source/0"), uri("act/odd"), TYPE, uri("Act"));
            dsg.add(uri("source/0"), uri("act/odd"), uri("place"), uri("nowhere"));
        });
        return dsg;
    }

    static Shapes shapes() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString("""
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <http://example.org/> .
            ex:ActShape a sh:NodeShape ; sh:targetClass ex:Act ;
                sh:property [ sh:path ex:place ; sh:class ex:Place ] .
            """, Lang.TURTLE).parse(g);
        return Shapes.parse(g);
    }

    /** A view of {@code g} that counts the finds of rdf:type with a concrete subject. */
    static final class CountingTypeFinds extends GraphWrapper {
        final AtomicInteger typeFinds = new AtomicInteger();
        CountingTypeFinds(Graph g) { super(g); }
        @Override public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            if (s != null && s.isConcrete() && TYPE.equals(p)) typeFinds.incrementAndGet();
            return super.find(s, p, o);
        }
    }

    static Set<String> entries(ValidationReport r) {
        Set<String> out = new HashSet<>();
        for (ReportEntry e : r.getEntries()) out.add(e.focusNode() + " " + e.resultPath() + " " + e.value() + " " + e.message());
        return out;
    }

    @Test
    void validationGivesTheSameReportReadingEachSubjectsTypesOnce() {
        DatasetGraph dsg = store();
        Txn.executeRead(dsg, () -> {
            ValidationReport plain = ShaclValidator.get().validate(shapes(), dsg.getUnionGraph());
            CountingTypeFinds counted = new CountingTypeFinds(dsg.getUnionGraph());
            ValidationReport viaView = ShaclValidator.get().validate(shapes(), new TypeCachingGraph(counted, 1000));
            assertFalse(plain.conforms());
            assertEquals(1, plain.getEntries().size(), "the act placed where nothing is typed");
            assertEquals(entries(plain), entries(viaView));
            // Astana and the untyped node, once each (targets are found by (?, rdf:type, ex:Act), not counted)
            assertEquals(2, counted.typeFinds.get(), "121 value nodes, two distinct");

            CountingTypeFinds direct = new CountingTypeFinds(dsg.getUnionGraph());
            ShaclValidator.get().validate(shapes(), direct);
            assertEquals(121, direct.typeFinds.get(), "without the view: once per value node");
        });
    }

    @Test
    void answersEveryPatternAsTheGraphDoes() {
        DatasetGraph dsg = store();
        Txn.executeRead(dsg, () -> {
            Graph union = dsg.getUnionGraph();
            TypeCachingGraph view = new TypeCachingGraph(union, 1000);
            Node[][] patterns = {
                {ASTANA, TYPE, Node.ANY}, {ASTANA, TYPE, CITY}, {ASTANA, TYPE, PLACE}, {Node.ANY, TYPE, CITY},
                {CITY, RDFS.Nodes.subClassOf, Node.ANY}, {CITY, RDFS.Nodes.subClassOf, PLACE},
                {uri("act/3"), uri("place"), Node.ANY}, {uri("act/3"), Node.ANY, Node.ANY}, {uri("nowhere"), TYPE, Node.ANY},
            };
            for (int round = 0; round < 2; round++)   // the second round from memory
                for (Node[] p : patterns) {
                    assertEquals(union.find(p[0], p[1], p[2]).toSet(), view.find(p[0], p[1], p[2]).toSet(), java.util.Arrays.toString(p));
                    assertEquals(union.find(p[0], p[1], p[2]).toSet(), view.find(Triple.createMatch(p[0], p[1], p[2])).toSet());
                    assertEquals(union.stream(p[0], p[1], p[2]).toList().size(), view.stream(p[0], p[1], p[2]).toList().size());
                    assertEquals(union.contains(p[0], p[1], p[2]), view.contains(p[0], p[1], p[2]), java.util.Arrays.toString(p));
                }
            assertEquals(1, view.find(ASTANA, TYPE, Node.ANY).toList().size(), "typed in 40 graphs, one triple in the union");
        });
    }

    @Test
    void remembersOnlyTheMostRecentlyAskedSubjects() {
        DatasetGraph dsg = store();
        Txn.executeRead(dsg, () -> {
            CountingTypeFinds counted = new CountingTypeFinds(dsg.getUnionGraph());
            TypeCachingGraph view = new TypeCachingGraph(counted, 2);
            for (String s : new String[] {"act/1", "act/2", "act/1", "act/3", "act/2"}) view.find(uri(s), TYPE, Node.ANY).toList();
            assertEquals(4, counted.typeFinds.get(), "act/1 remembered; act/2 dropped when act/3 came in");
            assertThrows(IllegalArgumentException.class, () -> new TypeCachingGraph(counted, 0));
        });
    }
}
