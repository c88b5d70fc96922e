package org.scokg.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementSubQuery;

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
 * <p><b>Pages of the row keys first</b> ({@link #applyTo(Query, boolean)} with {@code keys}; a
 * query file asks for it with the header line {@code # @page keys}). ARQ groups and sorts every
 * row of a {@code GROUP BY … ORDER BY} query, every OPTIONAL looked up, before it slices, so a
 * page of a whole-store query costs the whole query. A query of the shape
 * <pre>
 * SELECT ?k1 ?k2 (MIN(?x0) AS ?x) …
 * WHERE {
 *   { SELECT DISTINCT ?k1 ?k2 WHERE { …required patterns, FILTERs… } }   # the key subquery
 *   OPTIONAL { … }  OPTIONAL { … }  BIND(…)                           # only these after it
 * }
 * GROUP BY ?k1 ?k2
 * ORDER BY …conditions on ?k1 ?k2…
 * </pre>
 * is paged inside: the key subquery gets the outer ORDER BY followed by each of its variables
 * not yet sorted on (ascending), and the page's OFFSET and LIMIT; the outer query gets the same
 * ORDER BY and no slice, so only the page's keys are looked up, grouped and sorted. The answer is
 * the same as paging the whole query because (checked by {@link #keySubquery}, when the file is
 * parsed) the key subquery answers each key once (DISTINCT, or its own GROUP BY), after it come
 * only OPTIONALs and BINDs, which drop no row, and the outer query either groups by exactly the
 * key variables or has no GROUP BY, projects every key variable and has only OPTIONALs of a
 * sub-SELECT grouped by key variables that every key row binds (at most one match per key row)
 * and BINDs: one outer row per key row, in the key rows' order. Such an OPTIONAL sub-SELECT is computed for the whole store at
 * once when the query runs unpaged (one scan, then a hash join); on a page it is evaluated per key
 * row instead ({@code LATERAL { OPTIONAL { SELECT … } }}, the key row's values substituted), which
 * gives the same row, since the sub-SELECT groups by variables the key row binds. The sort over
 * every key row remains, so such a page costs the key subquery and one sort, not the rest, unless
 * a {@link PageIndex} says where the page lies ({@link Within}, {@link #applyTo(Query, boolean, Within)}):
 * then the key subquery reads and sorts only the rows with the page's few values of one variable,
 * and a sub-SELECT grouped by that variable is computed once for those values (VALUES inside it)
 * rather than once per key row. The unpaged answer runs the query as written (the key subquery unsorted).
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
        return applyTo(query, false);
    }

    /**
     * This page of {@code query}'s answer; with {@code keys}, taken of the query's key subquery
     * (see above), which {@code query} must have.
     *
     * @throws IllegalArgumentException when the query is not a SELECT query, or with {@code keys}
     *         when it has no key subquery
     */
    public Query applyTo(Query query, boolean keys) {
        return applyTo(query, keys, null);
    }

    /**
     * Where a page lies among the key rows with some values of one key variable, as a
     * {@link PageIndex} finds it: the page is the slice of those rows that starts after
     * {@code before} of them.
     *
     * @param var    a key variable that every key row binds
     * @param values its values in the page's rows (none for a page past the last row)
     * @param before how many rows with those values come before the page
     */
    public record Within(Var var, List<Node> values, long before) {
        public Within {
            java.util.Objects.requireNonNull(var, "var");
            values = List.copyOf(values);
            if (before < 0) throw new IllegalArgumentException("before must be 0 or more, got " + before);
        }
    }

    /**
     * As {@link #applyTo(Query, boolean)}; with {@code keys} and a {@code within} (null: none), the
     * key subquery starts with {@code VALUES ?var { … }} of the page's values and skips
     * {@code within.before()} rows instead of this page's offset, so that only the rows with those
     * values are read and sorted.
     */
    public Query applyTo(Query query, boolean keys, Within within) {
        if (all()) return query;
        if (!query.isSelectType()) throw new IllegalArgumentException("limit and offset apply to SELECT queries only");
        if (keys) return applyToKeys(query, within);
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

    private Query applyToKeys(Query query, Within within) {
        Query q = query.cloneQuery();
        if (limit == 0) {
            // No rows, and nothing evaluated: LIMIT 0 alone, inside the key subquery or outside it,
            // closes the hash joins of the WHERE clause unused, which Jena 5.6 answers with a
            // NullPointerException (apache/jena#3516). The columns stay those of the SELECT
            // (PageTest: SELECT * too).
            ElementGroup nothing = new ElementGroup();
            nothing.addElementFilter(new org.apache.jena.sparql.syntax.ElementFilter(org.apache.jena.sparql.expr.NodeValue.FALSE));
            q.setQueryPattern(nothing);
            q.setLimit(0);
            return q;
        }
        ElementGroup where = (ElementGroup) q.getQueryPattern();
        Query inner = keyOrder(q);
        List<SortCondition> order = inner.getOrderBy();
        Set<Var> keys = boundKeys(inner);
        if (within != null) {
            if (!keys.contains(within.var()))
                throw new IllegalArgumentException("?" + within.var().getVarName() + " is not a key variable that every key row binds");
            ElementGroup narrowed = new ElementGroup();
            narrowed.addElement(values(within));
            // An OPTIONAL sub-SELECT grouped by the variable alone is computed for the page's values
            // only, not for the whole store, and then joined: the same rows, as with the outer
            // OPTIONALs below.
            Set<Var> byValue = Set.of(within.var());
            if (inner.getQueryPattern() instanceof ElementGroup g)
                for (Element e : g.getElements()) narrowed.addElement(groupedByKeys(e, byValue) != null ? restricted(e, within) : e);
            else narrowed.addElement(inner.getQueryPattern());
            inner.setQueryPattern(narrowed);
        }
        inner.setOffset(within != null ? within.before() : offset);
        if (hasLimit()) inner.setLimit(limit);
        ElementGroup paged = new ElementGroup();
        paged.addElement(new ElementSubQuery(inner));
        for (int i = 1; i < where.size(); i++) {
            Element e = where.get(i);
            Query sub = groupedByKeys(e, keys);
            if (sub == null) paged.addElement(e);
            else if (within != null && groupsBy(sub, within.var())) paged.addElement(restricted(e, within));
            else paged.addElement(lateral(e));
        }
        q.setQueryPattern(paged);
        if (q.getOrderBy() != null) q.getOrderBy().clear();
        for (SortCondition c : order) q.addOrderBy(c.getExpression(), c.getDirection());
        return q;
    }

    /**
     * The key subquery of {@code query} (which must have one: {@link #keySubquery}) as a query of
     * its own, ordered as its pages are: by the query's ORDER BY, then by every key variable not
     * yet sorted on, ascending. Run unsliced, it answers every key row in page order (what a
     * {@link PageIndex} is built from).
     */
    public static Query keyOrder(Query query) {
        Query inner = keySubquery(query).cloneQuery();
        List<SortCondition> order = new ArrayList<>(query.getOrderBy());
        Set<Var> sorted = new HashSet<>();
        for (SortCondition c : order)
            if (c.getExpression().isVariable()) sorted.add(c.getExpression().asVar());
        for (String name : inner.getResultVars()) {
            Var v = Var.alloc(name);
            if (sorted.add(v)) order.add(new SortCondition(v, Query.ORDER_ASCENDING));
        }
        for (SortCondition c : order) inner.addOrderBy(c.getExpression(), c.getDirection());
        return inner;
    }

    /**
     * The key variables that every key row of {@code query}'s key subquery binds (which a
     * {@link PageIndex} may remember a query's rows by).
     */
    public static Set<Var> boundKeyVars(Query query) {
        return boundKeys(keySubquery(query));
    }

    /** {@code VALUES ?var { … }} of the page's values. */
    private static ElementData values(Within within) {
        ElementData data = new ElementData(List.of(within.var()), new ArrayList<>());
        for (Node n : within.values()) data.add(BindingFactory.binding(within.var(), n));
        return data;
    }

    /**
     * {@code OPTIONAL { SELECT … WHERE { VALUES ?var { … } … } GROUP BY … ?var … }}: the sub-SELECT
     * of {@code optional} (which {@link #groupedByKeys} accepts) computed for the page's values of
     * {@code ?var} only, and so are the sub-SELECTs grouped by {@code ?var} (among others) that it
     * joins or holds in an OPTIONAL. It gives the
     * page's key rows the same matches: they all have one of those values, and the sub-SELECT
     * groups by {@code ?var}, so its groups with other values matched no key row of the page. One
     * evaluation for the page's values costs much less than one per key row ({@link #lateral}: a
     * page of {@code documents} at 100 MB: 36 ms instead of 44 ms in-process), which costs much less than one
     * for the whole store.
     */
    private static Element restricted(Element optional, Within within) {
        Query sub = ((ElementSubQuery) subSelectOf((ElementOptional) optional)).getQuery();
        return new ElementOptional(new ElementSubQuery(restricted(sub, within)));
    }

    /** A copy of {@code sub}, which groups by {@code ?var}, whose WHERE clause starts with the page's values of it. */
    private static Query restricted(Query sub, Within within) {
        Query copy = sub.cloneQuery();
        ElementGroup where = new ElementGroup();
        where.addElement(values(within));
        if (copy.getQueryPattern() instanceof ElementGroup g)
            for (Element e : g.getElements()) {
                // A sub-SELECT joined here, or OPTIONAL here, that groups by ?var too: its other
                // groups would find no partner in this group, whose every row has one of the page's values.
                Query optional = optionalSubSelect(e);
                if (e instanceof ElementSubQuery inner && groupsBy(inner.getQuery(), within.var()))
                    where.addElement(new ElementSubQuery(restricted(inner.getQuery(), within)));
                else if (optional != null && groupsBy(optional, within.var())) where.addElement(restricted(e, within));
                else where.addElement(e);
            }
        else where.addElement(copy.getQueryPattern());
        copy.setQueryPattern(where);
        return copy;
    }

    /** True when {@code q} is grouped by the plain variable {@code var} (among others), projects it, and has no slice or VALUES. */
    private static boolean groupsBy(Query q, Var var) {
        if (!q.hasGroupBy() || q.hasLimit() || q.hasOffset() || q.hasValues()) return false;
        VarExprList groupBy = q.getGroupBy();
        return groupBy.contains(var) && groupBy.getExpr(var) == null && q.getProjectVars().contains(var);
    }

    /** The query of {@code e} when {@code e} is {@code OPTIONAL { SELECT … }}, else null. */
    private static Query optionalSubSelect(Element e) {
        return e instanceof ElementOptional opt && subSelectOf(opt) instanceof ElementSubQuery sub ? sub.getQuery() : null;
    }

    /** The element an {@code OPTIONAL { … }} holds, unwrapped from a group of one. */
    private static Element subSelectOf(ElementOptional opt) {
        Element in = opt.getOptionalElement();
        return in instanceof ElementGroup g && g.size() == 1 ? g.get(0) : in;
    }

    /** {@code LATERAL { OPTIONAL { … } }}: evaluated once per row of what comes before it. */
    private static Element lateral(Element optional) {
        ElementGroup g = new ElementGroup();
        g.addElement(optional);
        return new ElementLateral(g);
    }

    /**
     * The key variables that every key row binds: those the key subquery's WHERE clause binds in
     * every solution (not only in an OPTIONAL), as Jena's {@link OpVars#fixedVars} reads them.
     */
    private static Set<Var> boundKeys(Query inner) {
        Set<Var> fixed = new HashSet<>(OpVars.fixedVars(Algebra.compile(inner.getQueryPattern())));
        fixed.retainAll(Var.varList(inner.getResultVars()));
        return fixed;
    }

    /**
     * The sub-SELECT of {@code e} when {@code e} is {@code OPTIONAL { SELECT … GROUP BY ?k… }} with
     * every grouping variable one of {@code keys}, the key variables bound in every key row (so at
     * most one of its rows matches a key row), else null.
     */
    private static Query groupedByKeys(Element e, Set<Var> keys) {
        if (!(e instanceof ElementOptional opt)) return null;
        if (!(subSelectOf(opt) instanceof ElementSubQuery sub)) return null;
        Query q = sub.getQuery();
        if (!q.hasGroupBy() || q.hasLimit() || q.hasOffset() || q.hasValues()) return null;
        VarExprList groupBy = q.getGroupBy();
        if (groupBy.isEmpty()) return null;
        for (Var v : groupBy.getVars())
            if (groupBy.getExpr(v) != null || !keys.contains(v) || !q.getProjectVars().contains(v)) return null;
        return q;
    }

    /**
     * The key subquery of {@code query}: the first element of its WHERE clause, when the query has
     * the shape that lets a page be taken of it (see above).
     *
     * @throws IllegalArgumentException one line saying what does not fit
     */
    public static Query keySubquery(Query query) {
        if (!query.isSelectType()) throw new IllegalArgumentException("a query paged by its keys must be a SELECT query");
        if (query.hasLimit() || query.hasOffset() || query.hasHaving() || query.hasValues())
            throw new IllegalArgumentException("a query paged by its keys has no LIMIT, OFFSET, HAVING or VALUES of its own");
        if (!query.hasOrderBy()) throw new IllegalArgumentException("a query paged by its keys needs an ORDER BY");
        if (!(query.getQueryPattern() instanceof ElementGroup where) || where.isEmpty()
            || !(where.get(0) instanceof ElementSubQuery sub))
            throw new IllegalArgumentException("a query paged by its keys starts its WHERE clause with the key subquery { SELECT DISTINCT … }");
        for (int i = 1; i < where.size(); i++) {
            Element e = where.get(i);
            if (!(e instanceof ElementOptional || e instanceof ElementBind))
                throw new IllegalArgumentException("a query paged by its keys has only OPTIONAL and BIND after its key subquery, not: "
                    + e.toString().strip().lines().findFirst().orElse(""));
        }
        Query inner = sub.getQuery();
        if (!inner.isSelectType() || !(inner.isDistinct() || inner.hasGroupBy()))
            throw new IllegalArgumentException("the key subquery must be SELECT DISTINCT or grouped, so that it answers each key once");
        if (inner.hasOrderBy() || inner.hasLimit() || inner.hasOffset())
            throw new IllegalArgumentException("the key subquery has no ORDER BY, LIMIT or OFFSET: the page sets them");
        Set<Var> keys = new LinkedHashSet<>(Var.varList(inner.getResultVars()));
        if (query.hasGroupBy()) {
            Set<Var> grouped = new LinkedHashSet<>();
            VarExprList groupBy = query.getGroupBy();
            for (Var v : groupBy.getVars()) {
                if (groupBy.getExpr(v) != null) throw new IllegalArgumentException("a query paged by its keys groups by variables only");
                grouped.add(v);
            }
            if (!grouped.equals(keys))
                throw new IllegalArgumentException("a query paged by its keys groups by exactly the key subquery's variables " + keys
                    + ", not " + grouped);
        } else {
            // no GROUP BY: one row per key row only if nothing after the key subquery can match twice
            if (query.hasAggregators()) throw new IllegalArgumentException("a query paged by its keys with aggregates groups by the key subquery's variables");
            Set<Var> bound = boundKeys(inner);
            for (int i = 1; i < where.size(); i++)
                if (where.get(i) instanceof ElementOptional && groupedByKeys(where.get(i), bound) == null)
                    throw new IllegalArgumentException("a query paged by its keys without GROUP BY has only OPTIONAL sub-SELECTs grouped by key variables"
                        + " that every key row binds (and BINDs) after its key subquery");
            if (!Var.varList(query.getResultVars()).containsAll(keys))
                throw new IllegalArgumentException("a query paged by its keys without GROUP BY answers every key variable " + keys);
        }
        for (SortCondition c : query.getOrderBy())
            for (Var v : c.getExpression().getVarsMentioned())
                if (!keys.contains(v))
                    throw new IllegalArgumentException("a query paged by its keys orders by the key subquery's variables only, not ?" + v.getVarName());
        return inner;
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
