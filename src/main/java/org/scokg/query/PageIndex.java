package org.scokg.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;

/**
 * The order of a keyed query's rows, remembered by one variable: for each key row of the whole
 * answer, in the page order, the value of the query's page variable ({@code # @page keys ?var}).
 * What lets a page be computed from a few values of that variable instead of from every key row:
 * the rows of a page have some values of it; the page is the slice of the rows with those values
 * that starts after as many such rows as come before the page ({@link #within(Page, int)}).
 *
 * <p>That slice is the page because both are the same sort of the same rows restricted to those
 * values: the order is total (it ends with every key variable), so the rows with the values keep
 * their relative order whether the other rows are there or not.
 *
 * <p>Memory: one {@code int} per key row and each distinct value once. Built by a caller who runs
 * the key query over the whole store ({@link CannedQuery#keyOrder}); it holds that state of the data
 * only. A page costs the key rows of its values: cheapest with a variable from which the store
 * reaches those rows directly ({@code ?source} for mentions, found by {@code sco:inSource};
 * {@code ?announcement} rather than {@code ?source} for next meetings, which a source reaches only
 * among everything derived from it), and whose rows come together in the page order.
 */
public final class PageIndex {
    private final Var var;
    private final Node[] values;
    private final int[] rows;

    private PageIndex(Var var, Node[] values, int[] rows) {
        this.var = var;
        this.values = values;
        this.rows = rows;
    }

    /**
     * The index of {@code var} over key rows whose values of {@code var}, in the page order, are
     * {@code inOrder}.
     *
     * @throws IllegalArgumentException when a row leaves {@code var} unbound (null): the index
     *         narrows by VALUES, which an unbound row would match whatever it holds
     */
    public static PageIndex of(Var var, Iterator<Node> inOrder) {
        Objects.requireNonNull(var, "var");
        Map<Node, Integer> ids = new HashMap<>();
        List<Node> values = new ArrayList<>();
        int[] rows = new int[1024];
        int n = 0;
        while (inOrder.hasNext()) {
            Node v = inOrder.next();
            if (v == null) throw new IllegalArgumentException("a key row leaves ?" + var.getVarName() + " unbound");
            Integer id = ids.get(v);
            if (id == null) {
                id = values.size();
                ids.put(v, id);
                values.add(v);
            }
            if (n == rows.length) rows = Arrays.copyOf(rows, n * 2);
            rows[n++] = id;
        }
        return new PageIndex(var, values.toArray(new Node[0]), Arrays.copyOf(rows, n));
    }

    /** The variable whose values it holds. */
    public Var var() { return var; }

    /** Key rows of the whole answer. */
    public int rows() { return rows.length; }

    /** Distinct values of the variable. */
    public int values() { return values.length; }

    /**
     * Where {@code page} lies among the rows with its values of the variable: those values, in
     * the order of their first row, and how many rows with them come before the page. Null when
     * the page holds rows of more than {@code maxValues} values (a long VALUES block costs more
     * than it saves) or is {@link Page#ALL}. A page past the last row has no values and skips nothing.
     */
    public Page.Within within(Page page, int maxValues) {
        Objects.requireNonNull(page, "page");
        if (page.all()) return null;
        int from = (int) Math.min(page.offset(), rows.length);
        int to = page.hasLimit() ? (int) Math.min(rows.length, from + page.limit()) : rows.length;
        boolean[] inPage = new boolean[values.length];
        List<Node> in = new ArrayList<>();
        for (int i = from; i < to; i++)
            if (!inPage[rows[i]]) {
                if (in.size() == maxValues) return null;
                inPage[rows[i]] = true;
                in.add(values[rows[i]]);
            }
        long before = 0;
        for (int i = 0; i < from; i++)
            if (inPage[rows[i]]) before++;
        return new Page.Within(var, in, before);
    }
}
