package org.scokg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The limit and offset parameters of every canned query: parsing, the query Jena runs, and pages of the fixture. */
class PageTest {
    static Dataset ds;

    @BeforeAll
    static void setUp() { ds = Fixture.load(); }

    @AfterAll
    static void tearDown() { ds.close(); }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void takesLimitAndOffsetOutOfTheParameters() {
        Map<String, String> m = params("limit", "100", "offset", " 200 ", "source", "a.txt");
        assertEquals(new Page(200, 100), Page.take(m));
        assertEquals(Map.of("source", "a.txt"), m, "the query's own parameters are left");
        assertEquals(Page.ALL, Page.take(params("source", "a.txt")));
        assertTrue(Page.take(params()).all());
        assertEquals(new Page(5, Page.NO_LIMIT), Page.take(params("offset", "5")));
        assertEquals(new Page(0, 0), Page.take(params("limit", "0")));
        assertEquals(new Page(0, 7), Page.take(params("limit", "007")));
        assertTrue(Page.take(params("offset", "0")).all(), "offset=0 without a limit is the whole answer");
    }

    @Test
    void badValuesAreOneLine() {
        for (String bad : new String[] {"-1", "x", "1.5", "1e3", "", "+3", "12345678901234567890", "１０"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Page.take(params("limit", bad)), bad);
            assertTrue(e.getMessage().startsWith("parameter 'limit' must be a whole number, 0 or more"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            e = assertThrows(IllegalArgumentException.class, () -> Page.take(params("offset", bad)), bad);
            assertTrue(e.getMessage().contains("'offset'"), e.getMessage());
        }
    }

    @Test
    void appliedWithTheQueryApiWithinTheQuerysOwnSlice() {
        Query own = QueryFactory.create("SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY ?b LIMIT 10 OFFSET 3");
        Query q = new Page(4, 100).applyTo(own);
        assertEquals(7, q.getOffset(), "the page's offset counts from the query's own");
        assertEquals(6, q.getLimit(), "the page ends where the query's own answer ends");
        assertEquals(3, own.getOffset(), "the query given is not changed");
        assertEquals(2, new Page(4, 2).applyTo(own).getLimit());
        assertEquals(0, new Page(20, 2).applyTo(own).getLimit(), "past the query's own end: nothing");
        assertEquals(6, new Page(4, Page.NO_LIMIT).applyTo(own).getLimit());

        Query free = QueryFactory.create("SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY DESC(?b)");
        Query page = new Page(0, 5).applyTo(free);
        assertEquals(5, page.getLimit());
        // the query's own order first, then every other result variable, ascending
        assertEquals(2, page.getOrderBy().size(), page.toString());
        assertEquals("b", page.getOrderBy().get(0).getExpression().getVarName());
        assertEquals(Query.ORDER_DESCENDING, page.getOrderBy().get(0).getDirection());
        assertEquals("a", page.getOrderBy().get(1).getExpression().getVarName());
        assertEquals(Query.ORDER_ASCENDING, page.getOrderBy().get(1).getDirection());
        assertEquals(1, free.getOrderBy().size(), "the query given is not changed");
        assertSame(free, Page.ALL.applyTo(free), "the whole answer runs the query as written");

        Query ask = QueryFactory.create("ASK { ?a ?p ?b }");
        assertThrows(IllegalArgumentException.class, () -> new Page(0, 1).applyTo(ask));
    }

    static final String KEYED = """
        SELECT ?s (MIN(?o0) AS ?o) WHERE {
          { SELECT DISTINCT ?s WHERE { ?s a ?t } }
          OPTIONAL { ?s ?p ?o0 }
        }
        GROUP BY ?s ORDER BY DESC(?s)
        """;

    @Test
    void aPageOfTheKeysIsTakenInsideTheKeySubquery() {
        Query own = QueryFactory.create(KEYED);
        String written = own.serialize();
        Query q = new Page(10, 5).applyTo(own, true);
        assertEquals(written, own.serialize(), "the query given is not changed");
        assertFalse(q.hasLimit() || q.hasOffset(), "the outer query is not sliced: " + q);
        assertTrue(q.serialize().matches("(?s).*\\{\\s*SELECT DISTINCT\\s+\\?s.*ORDER BY DESC\\(\\?s\\)\\s*OFFSET\\s+10\\s*LIMIT\\s+5.*"), q.serialize());
        assertEquals(1, q.getOrderBy().size(), "the outer order is the key order: " + q);
        assertEquals(Query.ORDER_DESCENDING, q.getOrderBy().get(0).getDirection());
        assertSame(own, Page.ALL.applyTo(own, true), "the whole answer runs the query as written");
    }

    @Test
    void onlyTheShapeThatKeepsOneRowPerKeyIsPagedByItsKeys() {
        assertNotNull(Page.keySubquery(QueryFactory.create(KEYED)));
        String[][] bad = {
            {"SELECT ?s WHERE { ?s a ?t } GROUP BY ?s ORDER BY ?s", "starts its WHERE clause with the key subquery"},
            {"SELECT ?s WHERE { { SELECT ?s WHERE { ?s a ?t } } } GROUP BY ?s ORDER BY ?s", "SELECT DISTINCT or grouped"},
            {"SELECT ?s WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } ORDER BY ?s } } GROUP BY ?s ORDER BY ?s", "no ORDER BY, LIMIT or OFFSET"},
            {"SELECT ?s WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } ?s ?p ?o } GROUP BY ?s ORDER BY ?s", "only OPTIONAL and BIND"},
            {"SELECT ?s WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } FILTER(?s != ?s) } GROUP BY ?s ORDER BY ?s", "only OPTIONAL and BIND"},
            {"SELECT ?s ?o WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } OPTIONAL { ?s ?p ?o } } GROUP BY ?s ?o ORDER BY ?s", "exactly the key subquery's variables"},
            {"SELECT ?s WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } OPTIONAL { ?s ?p ?o } } GROUP BY ?s ORDER BY ?o", "orders by the key subquery's variables only"},
            {"SELECT ?s WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } } GROUP BY ?s", "needs an ORDER BY"},
            {"SELECT ?s WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } } GROUP BY ?s ORDER BY ?s LIMIT 3", "no LIMIT, OFFSET"},
        };
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Page.keySubquery(QueryFactory.create(b[0])), b[0]);
            assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
        }
        {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("x",
                "# X.\n# @page keys\nSELECT ?s WHERE { ?s a ?t } ORDER BY ?s"));
            assertTrue(e.getMessage().startsWith("queries/x.rq says '# @page keys', but"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("x", "# X.\n# @page all\n" + KEYED));
            assertTrue(e.getMessage().contains("'# @page keys'"), e.getMessage());
            assertTrue(CannedQuery.parse("x", "# X.\n# @page keys\n" + KEYED).pagesKeys());
            assertFalse(CannedQuery.parse("x", "# X.\n" + KEYED).pagesKeys());
            assertEquals("X.", CannedQuery.parse("x", "# X.\n# @page keys\n" + KEYED).description());
            // # @page keys ?var: a key variable that every key row binds
            assertEquals("s", CannedQuery.parse("x", "# X.\n# @page keys ?s\n" + KEYED).pageIndexVar().getVarName());
            assertNull(CannedQuery.parse("x", "# X.\n# @page keys\n" + KEYED).pageIndexVar());
            e = assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("x", "# X.\n# @page keys ?o\n" + KEYED));
            assertTrue(e.getMessage().contains("?o is not a variable of the key subquery that every key row binds"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("x", "# X.\n# @page keys s\n" + KEYED));
            assertTrue(e.getMessage().contains("'# @page keys ?VAR'"), e.getMessage());
            String optionalKey = """
                SELECT ?s ?t WHERE {
                  { SELECT DISTINCT ?s ?t WHERE { ?s ?p ?o OPTIONAL { ?s a ?t } } }
                }
                ORDER BY ?s ?t
                """;
            e = assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("x", "# X.\n# @page keys ?t\n" + optionalKey));
            assertTrue(e.getMessage().contains("every key row binds"), "a key bound only in an OPTIONAL: " + e.getMessage());
            assertEquals("s", CannedQuery.parse("x", "# X.\n# @page keys ?s\n" + optionalKey).pageIndexVar().getVarName());
        }
        String perKey = """
            SELECT DISTINCT ?s ?n WHERE {
              { SELECT DISTINCT ?s WHERE { ?s a ?t } }
              OPTIONAL { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s }
            } ORDER BY ?s
            """;
        assertNotNull(Page.keySubquery(QueryFactory.create(perKey)), "no GROUP BY: OPTIONAL sub-SELECTs grouped by the keys");
        Query lateral = new Page(0, 5).applyTo(QueryFactory.create(perKey), true);
        assertTrue(lateral.serialize().matches("(?s).*LATERAL\\s*\\{\\s*OPTIONAL\\s*\\{\\s*\\{?\\s*SELECT\\s+\\?s \\(COUNT.*"), lateral.serialize());
        assertFalse(new Page(0, 5).applyTo(QueryFactory.create(KEYED), true).serialize().contains("LATERAL"),
            "an OPTIONAL that is no sub-SELECT stays as it is");
        for (String[] b : new String[][] {
            {"SELECT ?s ?o WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } OPTIONAL { ?s ?p ?o } } ORDER BY ?s", "only OPTIONAL sub-SELECTs grouped by key variables"},
            {"SELECT ?s ?n WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } OPTIONAL { SELECT ?p (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p } } ORDER BY ?s", "only OPTIONAL sub-SELECTs grouped by key variables"},
            {"SELECT ?n WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } OPTIONAL { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s } } ORDER BY ?s", "answers every key variable"},
            {"SELECT ?s ?u ?n WHERE { { SELECT DISTINCT ?s ?u WHERE { ?s a ?t OPTIONAL { ?s ?q ?u } } } OPTIONAL { SELECT ?u (COUNT(?o) AS ?n) WHERE { ?u ?p ?o } GROUP BY ?u } } ORDER BY ?s ?u",
                "that every key row binds"},
            {"SELECT (COUNT(?s) AS ?n) WHERE { { SELECT DISTINCT ?s WHERE { ?s a ?t } } } ORDER BY ?s", "groups by exactly the key subquery's variables"},
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Page.keySubquery(QueryFactory.create(b[0])), b[0]);
            assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
        }
        assertEquals(0, new Page(3, 0).applyTo(QueryFactory.create(KEYED), true).getLimit(), "limit=0: on the outer query");
        assertTrue(CannedQueries.builtIn().get("documents").pagesKeys());
        assertTrue(CannedQueries.builtIn().get("mentions").pagesKeys());
        assertTrue(CannedQueries.builtIn().get("attendees").pagesKeys());
    }

    /**
     * A page found through a page index computes the OPTIONAL sub-SELECTs grouped by the index's
     * variable for the page's values only (VALUES inside them, and inside the sub-SELECTs grouped by
     * it that they join), and keeps LATERAL for one grouped by another key variable. Every such page
     * is the slice of the whole answer.
     */
    @Test
    void subSelectsGroupedByTheIndexedVariableAreComputedForThePagesValues() {
        String text = """
            PREFIX : <http://example.org/>
            SELECT DISTINCT ?s ?k ?first ?n ?m WHERE {
              { SELECT DISTINCT ?s ?k WHERE { ?s :key ?k } }
              OPTIONAL { SELECT ?s (MIN(?d) AS ?first) WHERE {
                  { SELECT ?s (MIN(STR(?e)) AS ?least) WHERE { ?s :date ?e } GROUP BY ?s }
                  ?s :date ?d FILTER(STR(?d) = ?least)
                } GROUP BY ?s }
              OPTIONAL { SELECT ?s (COUNT(?x) AS ?n) WHERE { ?s :date ?x } GROUP BY ?s }
              OPTIONAL { SELECT ?k (COUNT(?y) AS ?m) WHERE { ?y :key ?k } GROUP BY ?k }
            } ORDER BY ?k ?s
            """;
        assertPagesAreSlices(text, "?first = \"2018\"", sparql -> {
            assertEquals(4, sparql.split("VALUES \\?s").length - 1, "the key subquery and three sub-SELECTs: " + sparql);
            assertEquals(1, sparql.split("LATERAL").length - 1, "the sub-SELECT grouped by ?k: " + sparql);
        });
    }

    @Test
    void optionalSubSelectsInsideARestrictedSubSelectAreRestrictedToo() {
        // The shape of documents.rq: ?first computed once, and OPTIONAL sub-SELECTs grouped by
        // (?s, lexical form) joined on it inside the sub-SELECT grouped by ?s.
        String text = """
            PREFIX : <http://example.org/>
            SELECT DISTINCT ?s ?k ?first ?same WHERE {
              { SELECT DISTINCT ?s ?k WHERE { ?s :key ?k } }
              OPTIONAL { SELECT ?s (MIN(?least) AS ?first) (MIN(?n) AS ?same) WHERE {
                  { SELECT ?s (MIN(STR(?e)) AS ?least) WHERE { ?s :date ?e } GROUP BY ?s }
                  OPTIONAL { SELECT ?s ?least (COUNT(?d) AS ?n) WHERE { ?s :date ?d BIND(STR(?d) AS ?least) } GROUP BY ?s ?least }
                } GROUP BY ?s }
            } ORDER BY ?k ?s
            """;
        // "?same = 2": a least date written twice
        assertPagesAreSlices(text, "?same = 2", sparql ->
            assertEquals(4, sparql.split("VALUES \\?s").length - 1, "the key subquery, the sub-SELECT and both inside it: " + sparql));
    }

    @Test
    void anEmptyPageEvaluatesNothingAndKeepsTheColumns() {
        // a hash join inside an OPTIONAL sub-SELECT: LIMIT 0 alone closed it unused (apache/jena#3516)
        String joined = """
            PREFIX : <http://example.org/>
            SELECT * WHERE {
              { SELECT DISTINCT ?s ?k WHERE { ?s :key ?k } }
              OPTIONAL { SELECT ?s (MIN(?n) AS ?same) WHERE {
                  { SELECT ?s (MIN(STR(?e)) AS ?least) WHERE { ?s :date ?e } GROUP BY ?s }
                  { SELECT ?s ?least (COUNT(?d) AS ?n) WHERE { ?s :date ?d BIND(STR(?d) AS ?least) } GROUP BY ?s ?least }
                } GROUP BY ?s }
            } ORDER BY ?k ?s
            """;
        Dataset mem = datedKeys();
        Query query = QueryFactory.create(joined);
        Query empty = new Page(0, 0).applyTo(query, true, null);
        try (var qe = org.apache.jena.query.QueryExecutionFactory.create(empty, mem)) {
            var rs = qe.execSelect();
            assertEquals(List.of("s", "k", "same"), rs.getResultVars());
            assertFalse(rs.hasNext());
        }
        assertEquals(9, rows(mem, query).size());
    }

    /**
     * On {@link #datedKeys}, {@code text} answers 9 rows, one of them containing {@code someRow},
     * and every page of 1 to 4 rows, found through the page index of ?s, is the slice of that
     * answer; {@code shape} checks each page's SPARQL.
     */
    private static void assertPagesAreSlices(String text, String someRow, java.util.function.Consumer<String> shape) {
        Dataset mem = datedKeys();
        Query query = QueryFactory.create(text);
        PageIndex index = indexOfS(mem, query);
        List<String> all = rows(mem, query);
        assertEquals(9, all.size());
        assertTrue(all.stream().anyMatch(r -> r.contains(someRow)), someRow + " in " + all);
        for (int size = 1; size <= 4; size++)
            for (int offset = 0; offset <= all.size(); offset++) {
                Page page = new Page(offset, size);
                Query paged = page.applyTo(query, true, index.within(page, 100));
                String sparql = paged.serialize();
                shape.accept(sparql);
                assertEquals(all.subList(offset, Math.min(all.size(), offset + size)), rows(mem, paged), sparql);
            }
    }

    /**
     * Nine subjects with keys 0-2 and 0-3 dates each; the subjects whose number is a multiple of 4
     * plus 1 have their least date written a second time, as an xsd:gYear of the same lexical form.
     */
    private static Dataset datedKeys() {
        StringBuilder data = new StringBuilder("PREFIX : <http://example.org/>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n");
        for (int i = 0; i < 9; i++) {
            data.append(":s").append(i).append(" :key ").append(i % 3).append(" .\n");
            for (int d = 0; d < i % 4; d++) data.append(":s").append(i).append(" :date \"201").append(9 - d - i % 2).append("\" .\n");
            if (i % 4 == 1) data.append(":s").append(i).append(" :date \"201").append(9 - i % 2).append("\"^^xsd:gYear .\n");
        }
        Dataset mem = org.apache.jena.query.DatasetFactory.create();
        org.apache.jena.riot.RDFParser.fromString(data.toString(), org.apache.jena.riot.Lang.TURTLE).parse(mem.getDefaultModel());
        return mem;
    }

    /** The page index of ?s for {@code query}, from its key order. */
    private static PageIndex indexOfS(Dataset mem, Query query) {
        List<org.apache.jena.graph.Node> order = new ArrayList<>();
        try (var qe = org.apache.jena.query.QueryExecutionFactory.create(Page.keyOrder(query), mem)) {
            qe.execSelect().forEachRemaining(r -> order.add(r.get("s").asNode()));
        }
        return PageIndex.of(org.apache.jena.sparql.core.Var.alloc("s"), order.iterator());
    }

    private static List<String> rows(Dataset mem, Query query) {
        List<String> out = new ArrayList<>();
        try (var qe = org.apache.jena.query.QueryExecutionFactory.create(query, mem)) {
            qe.execSelect().forEachRemaining(r -> out.add(r.toString()));
        }
        return out;
    }

    @Test
    void pagesOfEveryCannedQueryMakeUpItsAnswer() {
        int paged = 0;
        for (String name : CannedQueries.builtIn().names()) {
            Map<String, String> p = name.equals("agreement-trace") ? params("title", "协定") : params();
            List<Map<String, RDFNode>> all = Fixture.run(ds, name, p).rows();
            if (all.size() >= 2) paged++;
            for (int size : new int[] {1, 2, 3}) {
                List<Map<String, RDFNode>> pages = new ArrayList<>();
                for (int offset = 0; offset <= all.size(); offset += size) {
                    List<Map<String, RDFNode>> rows = Fixture.run(ds, name, p, new Page(offset, size)).rows();
                    assertTrue(rows.size() <= size, name);
                    pages.addAll(rows);
                }
                assertEquals(all, pages, name + ": pages of " + size + " are the answer, in its order");
            }
            assertEquals(all.subList(1, all.size()), Fixture.run(ds, name, p, new Page(1, Page.NO_LIMIT)).rows(), name);
            assertEquals(0, Fixture.run(ds, name, p, new Page(0, 0)).rows().size(), name);
            assertEquals(0, Fixture.run(ds, name, p, new Page(all.size(), 10)).rows().size(), name);
        }
        assertTrue(paged >= 6, "queries with two rows or more in the fixture: " + paged);
    }

    @Test
    void aPageCombinesWithTheQuerysParameters() {
        Fixture.Table all = Fixture.run(ds, "mentions", params("source", Fixture.SRC_2023));
        Fixture.Table second = Fixture.run(ds, "mentions", params("source", Fixture.SRC_2023), new Page(1, 1));
        assertEquals(1, second.rows().size());
        assertEquals(all.rows().get(1), second.rows().get(0));
    }

    @Test
    void noQueryMayDeclareThePagingParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CannedQuery.parse("x",
            "# X.\n# @param limit integer how many (optional)\nSELECT * WHERE { ?s ?p ?o }"));
        assertTrue(e.getMessage().contains("'limit'"), e.getMessage());
        CannedQuery meetings = CannedQueries.builtIn().get("meetings");
        e = assertThrows(IllegalArgumentException.class, () -> meetings.bind(params("colour", "red")));
        assertTrue(e.getMessage().contains("limit and offset"), e.getMessage());
    }
}
