package org.scokg.serve;

import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.system.Txn;
import org.scokg.query.CannedQuery;

/** Runs a canned query to completion inside a read transaction. */
final class QueryRunner {
    private QueryRunner() {}

    /** The outcome of a SELECT (rows) or an ASK (bool). */
    record Outcome(ResultSetRewindable rows, Boolean bool) {}

    /**
     * @throws IllegalArgumentException for bad parameters (one line)
     * @throws org.apache.jena.query.QueryCancelledException on timeout
     */
    static Outcome run(Dataset dataset, CannedQuery q, Map<String, String> params, long timeoutMillis) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = q.prepare(dataset, params, timeoutMillis)) {
                if (qe.getQuery().isSelectType())
                    return new Outcome(ResultSetFactory.copyResults(qe.execSelect()), null);
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
