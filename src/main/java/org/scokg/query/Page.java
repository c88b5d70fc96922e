package org.scokg.query;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;

/**
 * A window of a canned query's ordered answer: the optional {@code limit} and {@code offset}
 * parameters that every SELECT canned query takes besides its declared ones. Applied with
 * Jena's {@link Query#setOffset} and {@link Query#setLimit} on a copy of the parsed query, within
 * the query's own OFFSET and LIMIT if it has them.
 *
 * <p>A page is ordered by the query's own ORDER BY and then by every result variable it does not
 * sort on yet, so that the order is total whichever way Jena sorts (ARQ keeps only the first rows
 * in a heap, unstably, when OFFSET + LIMIT is small): pages neither overlap nor leave rows out.
 * The built-in queries already end their ORDER BY with the variables that tell their rows apart,
 * so a page is exactly the slice of the unpaged answer.
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

    /** The same page, at most {@code max} rows long. */
    public Page atMost(long max) {
        return hasLimit() && limit <= max ? this : new Page(offset, max);
    }

    /**
     * This page of {@code query}'s answer: {@code query} itself for {@link #ALL}, else a copy with
     * the order made total, the offset added to the query's own and the limit kept within the query's own.
     *
     * @throws IllegalArgumentException when the query is not a SELECT query
     */
    public Query applyTo(Query query) {
        if (all()) return query;
        if (!query.isSelectType()) throw new IllegalArgumentException("only a SELECT query can be paged");
        Query q = query.cloneQuery();
        if (limit == 0) {
            // No rows and nothing evaluated: Jena 5.6 answers LIMIT 0 over a pattern with hash
            // joins (a sub-SELECT) with a NullPointerException (apache/jena#3516).
            ElementGroup nothing = new ElementGroup();
            nothing.addElementFilter(new ElementFilter(NodeValue.FALSE));
            q.setQueryPattern(nothing);
            q.setLimit(0);
            return q;
        }
        Set<Expr> sorted = new HashSet<>();
        if (q.hasOrderBy()) q.getOrderBy().forEach(c -> sorted.add(c.getExpression()));
        for (String v : q.getResultVars()) {
            Expr e = new ExprVar(v);
            if (sorted.add(e)) q.addOrderBy(new SortCondition(e, Query.ORDER_DEFAULT));
        }
        long ownOffset = q.hasOffset() ? q.getOffset() : 0;
        q.setOffset(ownOffset + offset);
        if (hasLimit() || q.hasLimit()) {
            long left = q.hasLimit() ? Math.max(0, q.getLimit() - offset) : Long.MAX_VALUE;
            q.setLimit(hasLimit() ? Math.min(limit, left) : left);
        }
        return q;
    }
}
