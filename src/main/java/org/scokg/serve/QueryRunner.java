package org.scokg.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.system.Txn;
import org.scokg.query.CannedQuery;
import org.scokg.query.Page;

/** Runs a canned query to completion inside a read transaction. */
final class QueryRunner {
    private QueryRunner() {}

    /**
     * The outcome of a SELECT (rows) or an ASK (bool). {@code more}: the answer goes on after these
     * rows (another page, or rows cut off at the bound); {@code truncated}: rows were cut off at the
     * bound on rows, not at the page's limit.
     */
    record Outcome(ResultSetRewindable rows, Boolean bool, boolean truncated, boolean more) {
        Outcome(ResultSetRewindable rows, Boolean bool) { this(rows, bool, false, false); }
    }

    /**
     * @throws IllegalArgumentException for bad parameters (one line)
     * @throws org.apache.jena.query.QueryCancelledException on timeout
     */
    static Outcome run(Dataset dataset, CannedQuery q, Map<String, String> params, long timeoutMillis) {
        return run(dataset, q, params, Page.ALL, timeoutMillis, Long.MAX_VALUE, null);
    }

    /**
     * One page of the answer, at most {@code maxRows} rows long. The whole answer ({@link Page#ALL})
     * runs as written and is read up to {@code maxRows}; a page is asked of Jena with one row more
     * than it keeps, to know whether the answer goes on. {@code narrowing}: indexes that may narrow
     * the query ({@link CannedQuery#prepare(Dataset, Map, Page, long, CannedQuery.Narrowing)}; null: none).
     */
    static Outcome run(Dataset dataset, CannedQuery q, Map<String, String> params, Page page, long timeoutMillis, long maxRows,
                       CannedQuery.Narrowing narrowing) {
        long keep = rowsKept(page, maxRows);
        Page asked = page.all() || keep == Long.MAX_VALUE ? page : new Page(page.offset(), keep + 1);
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = q.prepare(dataset, params, asked, timeoutMillis, narrowing)) {
                if (qe.getQuery().isSelectType()) {
                    ResultSet rs = qe.execSelect();
                    List<Binding> rows = new ArrayList<>();
                    while (rows.size() < keep && rs.hasNext()) rows.add(rs.nextBinding());
                    return rows(Var.varList(rs.getResultVars()), rows, page, maxRows, rs.hasNext());
                }
                if (qe.getQuery().isAskType())
                    return new Outcome(null, qe.execAsk());
                throw new IllegalStateException("canned query '" + q.name() + "' is not a SELECT or ASK query");
            }
        });
    }

    /** The most rows {@code page} keeps under the bound {@code maxRows}. */
    static long rowsKept(Page page, long maxRows) {
        return page.hasLimit() ? Math.min(page.limit(), maxRows) : maxRows;
    }

    /**
     * The outcome of {@code page} when its rows are {@code rows} and {@code more} says whether the
     * answer goes on after them: truncated when the bound on rows, not the page's limit, cut it.
     */
    static Outcome rows(List<Var> vars, List<Binding> rows, Page page, long maxRows, boolean more) {
        boolean truncated = more && rows.size() == maxRows && !(page.hasLimit() && page.limit() <= maxRows);
        ResultSet copy = ResultSet.adapt(RowSetStream.create(vars, rows.iterator()));
        return new Outcome(ResultSetFactory.makeRewindable(copy), null, truncated, more);
    }

    /** One line, for a message to the client. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("[\\r\\n]+", " ").strip();
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }
}
