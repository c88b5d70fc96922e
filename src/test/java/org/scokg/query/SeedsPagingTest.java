package org.scokg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.store.ScokgStore;

/**
 * The canned queries on the seeds store: the whole answer is byte for byte the answer of the
 * query as it was before the key-subquery shapes (src/test/resources/queries-before), and every
 * page is exactly the slice of the whole answer, with and without the queries' parameters.
 */
class SeedsPagingTest {
    @TempDir static Path dir;
    static ScokgStore store;
    static Dataset ds;

    /** Each query with the parameters it is checked with (agreement-trace needs a title). */
    static final List<Object[]> CASES = List.of(
        new Object[] {"mentions", Map.of()},
        new Object[] {"mentions", Map.of("source", "000_4d1f60703d6d6267.txt")},
        new Object[] {"mentions", Map.of("action", "signed")},
        new Object[] {"attendees", Map.of()},
        new Object[] {"attendees", Map.of("countryCode", "CHN")},
        new Object[] {"attendees", Map.of("capacity", "member")},
        new Object[] {"documents", Map.of()},
        new Object[] {"documents", Map.of("scope", "sco")},
        new Object[] {"meetings", Map.of()},
        new Object[] {"presidency", Map.of()},
        new Object[] {"presidency", Map.of("status", "outgoing")},
        new Object[] {"presidency", Map.of("countryCode", "TJK")},
        new Object[] {"next-meeting", Map.of()},
        new Object[] {"agreement-trace", Map.of("title", "上海合作组织")},
        new Object[] {"agreement-trace", Map.of("title", "上合组织2025年前发展战略")});

    /** Parameters whose answers on the seeds are one row or two: checked against the query as it was before only. */
    static final List<Object[]> SMALL_CASES = List.of(
        new Object[] {"meetings", Map.of("year", "2023")},
        new Object[] {"meetings", Map.of("source", "001_5eea9896fdcb0ecb.txt")},
        new Object[] {"meetings", Map.of("year", "1999")},
        new Object[] {"next-meeting", Map.of("year", "2024")},
        new Object[] {"next-meeting", Map.of("hostCountryCode", "TJK")},
        new Object[] {"presidency", Map.of("source", "002_af8a6a0ff57f969e.txt", "status", "incoming")});

    @BeforeAll
    static void build() throws Exception {
        store = ScokgStore.open(dir.resolve("db"));
        store.build(List.of(Path.of("seeds")), s -> {});
        ds = store.dataset();
    }

    @AfterAll
    static void close() { store.close(); }

    static CannedQuery before(String name) {
        try (InputStream in = SeedsPagingTest.class.getClassLoader().getResourceAsStream("queries-before/" + name + ".rq")) {
            return CannedQuery.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(CannedQuery q, Map<String, String> params) {
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = q.prepare(ds, params, Page.ALL, 60_000)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ResultSetFormatter.outputAsJSON(out, qe.execSelect());
                return out.toString(StandardCharsets.UTF_8);
            }
        });
    }

    static List<Map<String, RDFNode>> rows(CannedQuery q, Map<String, String> params, Page page) {
        return rows(q, params, page, null);
    }

    static List<Map<String, RDFNode>> rows(CannedQuery q, Map<String, String> params, Page page, CannedQuery.Narrowing narrowing) {
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = q.prepare(ds, params, page, 60_000, narrowing)) {
                ResultSet rs = qe.execSelect();
                List<Map<String, RDFNode>> rows = new ArrayList<>();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, RDFNode> row = new LinkedHashMap<>();
                    for (String c : rs.getResultVars()) row.put(c, s.get(c));
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    @Test
    void theWholeAnswerIsTheAnswerOfTheQueryAsItWasBefore() {
        for (Object[] c : CASES) {
            String name = (String) c[0];
            @SuppressWarnings("unchecked") Map<String, String> params = (Map<String, String>) c[1];
            String now = json(CannedQueries.builtIn().get(name), params);
            String then = json(before(name), params);
            assertTrue(now.length() > 200, name + " " + params + " answers some rows on the seeds");
            assertEquals(then, now, name + " " + params + ": the same bytes as before");
        }
        for (Object[] c : SMALL_CASES) {
            String name = (String) c[0];
            @SuppressWarnings("unchecked") Map<String, String> params = (Map<String, String>) c[1];
            assertEquals(json(before(name), params), json(CannedQueries.builtIn().get(name), params), name + " " + params + ": the same bytes as before");
        }
    }

    @Test
    void everyPageIsTheSliceOfTheWholeAnswer() {
        everyPageIsTheSlice(false);
    }

    /**
     * The same pages found through a {@link PageIndex} of each query that says
     * {@code # @page keys ?var}: the key subquery reads only the rows with the page's values of
     * the variable, and the page is still exactly the slice of the whole answer.
     */
    @Test
    void everyPageFoundThroughThePageIndexIsTheSliceOfTheWholeAnswer() {
        everyPageIsTheSlice(true);
    }

    private void everyPageIsTheSlice(boolean indexed) {
        int keyed = 0, narrowed = 0;
        for (Object[] c : CASES) {
            String name = (String) c[0];
            @SuppressWarnings("unchecked") Map<String, String> params = (Map<String, String>) c[1];
            CannedQuery q = CannedQueries.builtIn().get(name);
            if (q.pagesKeys()) keyed++;
            CannedQuery.Narrowing index = null;
            int indexRows = -1;
            if (indexed) {
                if (q.pageIndexVar() == null || q.bind(params).contains(q.pageIndexVar())) continue;
                PageIndex pages = Txn.calculateRead(ds, () -> {
                    try (QueryExecution qe = q.prepareKeyOrder(ds, q.bind(params))) {
                        List<org.apache.jena.graph.Node> column = new ArrayList<>();
                        qe.execSelect().forEachRemaining(s -> column.add(s.get(q.pageIndexVar().getVarName()).asNode()));
                        return PageIndex.of(q.pageIndexVar(), column.iterator());
                    }
                });
                index = new CannedQuery.Narrowing() {
                    @Override public ContainsIndex index(org.apache.jena.graph.Node property) { return null; }
                    @Override public PageIndex pageIndex(CannedQuery query, org.apache.jena.sparql.engine.binding.Binding values) { return pages; }
                };
                Query paged = q.query(new Page(pages.rows() / 2, 3), q.bind(params), index);
                Query keys = ((org.apache.jena.sparql.syntax.ElementSubQuery) ((org.apache.jena.sparql.syntax.ElementGroup) paged.getQueryPattern()).get(0)).getQuery();
                assertInstanceOf(org.apache.jena.sparql.syntax.ElementData.class,
                    ((org.apache.jena.sparql.syntax.ElementGroup) keys.getQueryPattern()).get(0), name + " " + params + ": the key subquery narrowed");
                narrowed++;
                indexRows = pages.rows();
            }
            CannedQuery.Narrowing narrowing = index;
            List<Map<String, RDFNode>> all = rows(q, params, Page.ALL);
            int n = all.size();
            assertTrue(n >= 2, name + " " + params + ": " + n + " rows");
            if (indexed) assertEquals(n, indexRows, name + " " + params + ": one key row per row of the answer");
            for (int size : new int[] {1, 7, 100}) {
                if (size == 1 && n > 120) continue; // one row a page: the small answers only
                List<Map<String, RDFNode>> pages = new ArrayList<>();
                for (int offset = 0; offset <= n; offset += size) {
                    List<Map<String, RDFNode>> page = rows(q, params, new Page(offset, size), narrowing);
                    assertEquals(all.subList(offset, Math.min(n, offset + size)), page,
                        name + " " + params + " offset=" + offset + " limit=" + size);
                    pages.addAll(page);
                }
                assertEquals(all, pages, name + " " + params + ": pages of " + size);
            }
            assertEquals(all.subList(n / 2, n), rows(q, params, new Page(n / 2, Page.NO_LIMIT), narrowing), name + ": an offset without a limit");
            assertEquals(List.of(), rows(q, params, new Page(0, 0), narrowing), name + ": limit=0");
            assertEquals(List.of(), rows(q, params, new Page(n, 5), narrowing), name + ": past the end");
            assertEquals(all.subList(n - 1, n), rows(q, params, new Page(n - 1, 1000), narrowing), name + ": the last row");
        }
        assertTrue(keyed >= 2, "queries paged by their keys among the cases: " + keyed);
        // mentions, mentions?action, attendees and its two, documents and its one, meetings, presidency and its two, next-meeting
        if (indexed) assertTrue(narrowed >= 12, "queries paged through a page index among the cases: " + narrowed);
    }

    /**
     * A search by a whole canonical key also finds the documents whose key contains it (an
     * implementation plan of a strategy), so an exact-key lookup cannot stand for the
     * CONTAINS scan of agreement-trace without changing its answer.
     */
    @Test
    void aWholeKeyAlsoFindsTheDocumentsWhoseKeyContainsIt() {
        CannedQuery q = CannedQueries.builtIn().get("agreement-trace");
        List<Map<String, RDFNode>> rows = rows(q, Map.of("title", "上合组织2025年前发展战略"), Page.ALL);
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (Map<String, RDFNode> r : rows) keys.add(r.get("key").asLiteral().getLexicalForm());
        assertTrue(keys.contains("上合组织2025年前发展战略"), keys.toString());
        assertTrue(keys.size() >= 2 && keys.stream().anyMatch(k -> k.length() > "上合组织2025年前发展战略".length()
            && k.contains("上合组织2025年前发展战略")), keys.toString());
    }

    /** The title search narrowed by an index of the canonical keys answers exactly what the scan answers. */
    @Test
    void aTitleSearchNarrowedByTheKeyIndexAnswersWhatTheScanAnswers() {
        CannedQuery trace = CannedQueries.builtIn().get("agreement-trace");
        assertNotNull(trace.contains(), "agreement-trace says # @contains");
        ContainsIndex keys = Txn.calculateRead(ds, () -> ContainsIndex.build(ds, trace.contains().property()));
        assertTrue(keys.size() > 100, "the canonical keys of the seeds: " + keys.size());
        // A whole key that other keys contain, a part of many, the traditional script, nothing.
        for (String title : List.of("上合组织2025年前发展战略", "上海合作组织", "國際道路運輸", "不存在的协定名称")) {
            Map<String, String> params = Map.of("title", title);
            String narrowed = Txn.calculateRead(ds, () -> {
                Query q = trace.narrowed(trace.query(Page.ALL), trace.bind(params), p -> keys);
                assertInstanceOf(org.apache.jena.sparql.syntax.ElementData.class,
                    ((org.apache.jena.sparql.syntax.ElementGroup) q.getQueryPattern()).get(0), title + ": narrowed");
                try (QueryExecution qe = trace.prepare(ds, params, Page.ALL, 60_000, p -> keys)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ResultSetFormatter.outputAsJSON(out, qe.execSelect());
                    return out.toString(StandardCharsets.UTF_8);
                }
            });
            assertEquals(json(trace, params), narrowed, title);
        }
    }
}
