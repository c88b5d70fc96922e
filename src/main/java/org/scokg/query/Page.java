package org.scokg.query;

import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;

/**
 * A window of a canned query's ordered answer: the optional {@code limit} and {@code offset}
 * parameters that every SELECT canned query takes besides its declared ones. Applied with
 * Jena's {@link Query#setOffset} and {@link Query#setLimit} on a copy of the parsed query, within
 * the query's own OFFSET and LIMIT if it has them.
 *
 * <p>A paged query is ordered by the query's own ORDER BY and then by every result variable, so
 * that the order is total: pages neither overlap nor leave rows out, whichever way Jena sorts
 * (ARQ keeps only the first rows in a heap, unstably, when OFFSET + LIMIT is small). Rows that
 * the query's own ORDER BY tells apart come in the same order as in the unpaged answer. An
 * offset of 0 and no limit is {@link #ALL}, the unpaged answer.
 *
 * @param offset the number of rows of the answer to skip
 * @param limit  the most rows to answer, or {@link #NO_LIMIT}
 */
public record Page(long offset, long limit) {
    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";
    public static final long NO_LIMIT = -1;
    /** The whole answer: no paging. */
    public static final Page ALL = new Page(0, NO_LIMIT);

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    public Page {
        if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        if (limit < 0 && limit != NO_LIMIT) throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
    }

    /**
     * Takes {@code limit} and {@code offset} out of {@code params} (which is changed).
     *
     * @return {@link #ALL} when neither is given
     * @throws IllegalArgumentException one line, for a value that is not a whole number from 0 up
     */
    public static Page take(Map<String, String> params) {
        String limit = params.remove(LIMIT), offset = params.remove(OFFSET);
        if (limit == null && offset == null) return ALL;
        return new Page(offset == null ? 0 : number(OFFSET, offset), limit == null ? NO_LIMIT : number(LIMIT, limit));
    }

    private static long number(String name, String raw) {
        String v = raw.strip();
        if (!NUMBER.matcher(v).matches())
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, 0 or more; got: "
                + (v.length() <= 60 ? v : v.substring(0, 57) + "..."));
        return Long.parseLong(v);
    }

    /** True for {@link #ALL}: the query runs as written. */
    public boolean all() { return equals(ALL); }

    public boolean hasLimit() { return limit != NO_LIMIT; }

    /**
     * This page of {@code query}'s answer: {@code query} itself for {@link #ALL}, else a copy with
     * the order made total, the offset added to the query's own and the limit kept within the query's own.
     *
     * @throws IllegalArgumentException when the query is not a SELECT query
     */
    public Query applyTo(Query query) {
        if (all()) return query;
        if (!query.isSelectType()) throw new IllegalArgumentException("limit and offset apply to SELECT queries only");
        Query q = query.cloneQuery();
        totalOrder(q);
        long ownOffset = q.hasOffset() ? q.getOffset() : 0;
        q.setOffset(saturatedAdd(ownOffset, offset));
        long lim = limit;
        if (q.hasLimit()) {
            long remaining = Math.max(0, q.getLimit() - offset);
            lim = hasLimit() ? Math.min(lim, remaining) : remaining;
        }
        if (lim != NO_LIMIT) q.setLimit(lim);
        return q;
    }

    /** Appends every result variable not yet sorted on to the query's ORDER BY, ascending. */
    private static void totalOrder(Query q) {
        java.util.Set<Var> sorted = new java.util.HashSet<>();
        if (q.hasOrderBy())
            for (SortCondition c : q.getOrderBy()) {
                Expr e = c.getExpression();
                if (e.isVariable()) sorted.add(e.asVar());
            }
        for (String name : q.getResultVars()) {
            Var v = Var.alloc(name);
            if (sorted.add(v)) q.addOrderBy(v, Query.ORDER_ASCENDING);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
