package org.scokg.serve;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Fuseki's SPARQL query operation with a bound on the size of results, which ARQ has no setting
 * for: a SELECT, CONSTRUCT or DESCRIBE query with no LIMIT, or a larger one, runs with
 * {@code LIMIT maxRows}, and the response says {@code Scokg-Result-Limit: maxRows}.
 */
final class BoundedQuery extends SPARQL_QueryDataset {
    private final long maxRows;

    BoundedQuery(long maxRows) { this.maxRows = maxRows; }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> chosen = super.decideDataset(action, query, queryStringLog);
        Query q = chosen.getRight();
        if ((q.isSelectType() || q.isConstructType() || q.isDescribeType()) && !(q.hasLimit() && q.getLimit() <= maxRows)) {
            q = q.cloneQuery();
            q.setLimit(maxRows);
            action.setResponseHeader(CannedQueryService.LIMIT_HEADER, Long.toString(maxRows));
        }
        return Pair.create(chosen.getLeft(), q);
    }
}
