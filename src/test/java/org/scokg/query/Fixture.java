package org.scokg.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.scokg.vocab.Sco;

/** The test fixture loaded the way `build` loads a store: TDB2 with the union default graph. */
final class Fixture {
    private Fixture() {}

    static final String ID = "https://w3id.org/scokg/id/";
    static final String SRC_2023 = "000_4d1f60703d6d6267.txt";
    static final String SRC_2020 = "fixture_2020.txt";
    static final String MEETING_2023 = ID + "meeting/heads-of-government/2023-10-26";
    static final String MEETING_2020 = ID + "meeting/heads-of-government/2020-11-30";
    static final String ROAD_AGREEMENT = ID + "document/shang-hai-he-zuo-zu-zhi-dao-lu-yun-shu-0a1b2c3d";
    static final String PLAN = ID + "document/luo-shi-cuo-shi-ji-hua-1b2c3d4e";
    static final String PROGRAMME = ID + "document/duo-bian-jing-mao-he-zuo-gang-yao-2c3d4e5f";

    /** One result table: its columns and its rows, in order. */
    record Table(List<String> columns, List<Map<String, RDFNode>> rows) {
        /** The lexical form of {@code column} in each row (null when unbound). */
        List<String> column(String column) {
            List<String> out = new ArrayList<>();
            for (Map<String, RDFNode> r : rows) out.add(lex(r.get(column)));
            return out;
        }

        String get(int row, String column) { return lex(rows.get(row).get(column)); }

        RDFNode node(int row, String column) { return rows.get(row).get(column); }
    }

    static String lex(RDFNode n) {
        if (n == null) return null;
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : n.toString();
    }

    /** A fresh in-memory TDB2 store with the fixture and the ontology, queried through the union graph. */
    static Dataset load() {
        Dataset ds = TDB2Factory.createDataset();
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(ds, () -> {
            try (InputStream in = resource("fixtures/model-sample.trig")) {
                RDFDataMgr.read(ds, in, Lang.TRIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (InputStream in = resource("ontology/scokg.ttl")) {
                RDFDataMgr.read(ds.getNamedModel(Sco.ONTOLOGY_GRAPH), in, Lang.TURTLE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ds;
    }

    static InputStream resource(String path) {
        InputStream in = Fixture.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalStateException(path + " is not on the test classpath");
        return in;
    }

    /** Runs the built-in canned query {@code name} with {@code params}. */
    static Table run(Dataset ds, String name, Map<String, String> params) {
        return run(ds, name, params, Page.ALL);
    }

    /** One page of the answer of the built-in canned query {@code name} with {@code params}. */
    static Table run(Dataset ds, String name, Map<String, String> params, Page page) {
        CannedQuery q = CannedQueries.builtIn().get(name);
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = q.prepare(ds, params, page, 10_000)) {
                ResultSet rs = qe.execSelect();
                List<String> cols = List.copyOf(rs.getResultVars());
                List<Map<String, RDFNode>> rows = new ArrayList<>();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, RDFNode> row = new LinkedHashMap<>();
                    for (String c : cols) row.put(c, s.get(c));
                    rows.add(row);
                }
                return new Table(cols, rows);
            }
        });
    }
}
