package org.scokg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.scokg.query.CannedQueries;
import org.scokg.query.Page;
import org.scokg.store.ScokgStore;

/** Test helper: the rows of a built-in canned query over a store, as the end-to-end tests read them. */
final class CannedRows {
    private CannedRows() {}

    /** Rows of a canned query, each a map of column to lexical form ("" when unbound). */
    static List<Map<String, String>> of(ScokgStore store, String name, Map<String, String> params) {
        List<Map<String, String>> rows = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution qe = CannedQueries.builtIn().get(name).prepare(store.dataset(), params, Page.ALL, 0)) {
                ResultSet rs = qe.execSelect();
                List<String> vars = rs.getResultVars();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String v : vars) {
                        RDFNode n = s.get(v);
                        row.put(v, n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                    }
                    rows.add(row);
                }
            }
        });
        return rows;
    }
}
