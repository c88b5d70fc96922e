package org.scokg.serve;

import java.util.Map;

import org.apache.jena.query.Dataset;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.system.Txn;
import org.scokg.query.CannedQuery;

/** Runs a canned query to completion inside a read transaction. */
final class QueryRunner {
    private QueryRunner() {}

    /** The outcome of a SELECT (rows, {@code truncated} when more rows than the bound were found) or an ASK (bool). */
    record Outcome(ResultSetRewindable rows, Boolean bool, boolean truncated) {
        Outcome(ResultSetRewindable rows, Boolean bool) { this(rows, bool, false); }
    }

    /**
     * @throws IllegalArgumentException for bad parameters (one line)
     * @throws org.apache.jena.query.QueryCancelledException on timeout
     */
    static Outcome run(Dataset dataset, CannedQuery q, Map<String, String> params, long timeoutMillis) {
        return run(dataset, q, params, timeoutMillis, Long.MAX_VALUE);
    }

    /** As above, keeping at most {@code maxRows} rows (the query stops there). */
    static Outcome run(Dataset dataset, CannedQuery q, Map<String, String> params, long timeoutMillis, long maxRows) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = q.prepare(dataset, params, timeoutMillis)) {
                if (qe.getQuery().isSelectType()) {
                    ResultSet rs = qe.execSelect();
                    List<Binding> rows = new ArrayList<>();
                    while (rs.hasNext() && rows.size() < maxRows) rows.add(rs.nextBinding());
                    boolean truncated = rs.hasNext();
                    List<Var> vars = Var.varList(rs.getResultVars());
                    ResultSet copy = ResultSet.adapt(RowSetStream.create(vars, rows.iterator()));
                    return new Outcome(ResultSetFactory.makeRewindable(copy), null, truncated);
                }
                if (qe.getQuery().isAskType())
                    return new Outcome(null, qe.execAsk());
                throw new IllegalStateException("canned query '" + q.name() + "' is not a SELECT or ASK query");
            }
        });
    }

    /** One line, for a message to the client. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("[\\r\\n]+", " ").strip();
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }
}
