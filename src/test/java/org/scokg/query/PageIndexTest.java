package org.scokg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;

/** {@link PageIndex#within}: which values a page has, and how many of their rows come before it. */
class PageIndexTest {
    static final Var SOURCE = Var.alloc("source");

    static Node n(String s) { return NodeFactory.createLiteralString(s); }

    static PageIndex index(String... values) {
        return PageIndex.of(SOURCE, Arrays.stream(values).map(PageIndexTest::n).iterator());
    }

    /**
     * The definition, by brute force: the rows of the page have some values; the page is the
     * slice, starting at {@code before}, of the rows with those values.
     */
    static void assertWithinIsTheSlice(String[] rows, Page page) {
        Page.Within w = index(rows).within(page, 1000);
        if (page.all()) {
            assertNull(w, "the whole answer runs as written");
            return;
        }
        int from = (int) Math.min(page.offset(), rows.length);
        int to = page.hasLimit() ? (int) Math.min(rows.length, from + page.limit()) : rows.length;
        List<String> expected = Arrays.asList(rows).subList(from, to);
        List<String> withValues = new ArrayList<>();
        for (String r : rows) if (w.values().contains(n(r))) withValues.add(r);
        int end = (int) Math.min(withValues.size(), w.before() + (page.hasLimit() ? page.limit() : withValues.size()));
        assertEquals(expected, withValues.subList((int) Math.min(w.before(), withValues.size()), end), page.toString());
        // and no value that the page does not hold
        for (Node v : w.values()) assertTrue(expected.contains(v.getLiteralLexicalForm()), page + ": " + v);
    }

    @Test
    void theRowsOfAValueTogether() {
        PageIndex idx = index("a", "a", "a", "b", "b", "c", "c", "c", "c");
        assertEquals(9, idx.rows());
        assertEquals(3, idx.values());
        Page.Within w = idx.within(new Page(2, 3), 10);   // a | b b
        assertEquals(List.of(n("a"), n("b")), w.values());
        assertEquals(2, w.before());
        Page.Within c = idx.within(new Page(6, 2), 10);   // c c, after one c
        assertEquals(List.of(n("c")), c.values());
        assertEquals(1, c.before());
    }

    @Test
    void theRowsOfAValueApart() {
        // ordered by something else first: a value's rows are spread out
        String[] rows = {"a", "b", "a", "c", "b", "a", "c", "c", "b", "a"};
        Page.Within w = index(rows).within(new Page(4, 2), 10);   // b a
        assertEquals(List.of(n("b"), n("a")), w.values());
        assertEquals(3, w.before(), "a, b, a come before among the rows of a and b");
        for (int offset = 0; offset <= rows.length + 1; offset++)
            for (long limit : new long[] {0, 1, 2, 3, 5, Page.NO_LIMIT})
                assertWithinIsTheSlice(rows, new Page(offset, limit));
    }

    @Test
    void pastTheEndAndTheWholeAnswer() {
        PageIndex idx = index("a", "b");
        Page.Within past = idx.within(new Page(5, 10), 10);
        assertEquals(List.of(), past.values());
        assertEquals(0, past.before());
        assertNull(idx.within(Page.ALL, 10), "the whole answer runs as written");
        assertEquals(List.of(), index().within(new Page(0, 10), 10).values(), "an empty answer");
    }

    @Test
    void tooManyValuesInAPageIsNotNarrowed() {
        PageIndex idx = index("a", "b", "c", "d");
        assertNull(idx.within(new Page(0, 4), 3));
        assertEquals(3, idx.within(new Page(0, 3), 3).values().size());
    }

    @Test
    void aRowWithoutTheVariableIsRefused() {
        List<Node> rows = new ArrayList<>(List.of(n("a")));
        rows.add(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageIndex.of(SOURCE, rows.iterator()));
        assertTrue(e.getMessage().contains("?source"), e.getMessage());
    }
}
