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
 * query as it was written before (src/test/resources/queries-before: grouped, with the same
 * columns), and every page is exactly the slice of the whole answer, with and without the
 * queries' parameters.
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
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = q.prepare(ds, params, page, 60_000)) {
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
        for (Object[] c : CASES) {
            String name = (String) c[0];
            @SuppressWarnings("unchecked") Map<String, String> params = (Map<String, String>) c[1];
            CannedQuery q = CannedQueries.builtIn().get(name);
            List<Map<String, RDFNode>> all = rows(q, params, Page.ALL);
            int n = all.size();
            assertTrue(n >= 2, name + " " + params + ": " + n + " rows");
            for (int size : new int[] {1, 7, 100}) {
                if (size == 1 && n > 120) continue; // one row a page: the small answers only
                List<Map<String, RDFNode>> pages = new ArrayList<>();
                for (int offset = 0; offset <= n; offset += size) {
                    List<Map<String, RDFNode>> page = rows(q, params, new Page(offset, size));
                    assertEquals(all.subList(offset, Math.min(n, offset + size)), page,
                        name + " " + params + " offset=" + offset + " limit=" + size);
                    pages.addAll(page);
                }
                assertEquals(all, pages, name + " " + params + ": pages of " + size);
            }
            assertEquals(all.subList(n / 2, n), rows(q, params, new Page(n / 2, Page.NO_LIMIT)), name + ": an offset without a limit");
            assertEquals(List.of(), rows(q, params, new Page(0, 0)), name + ": limit=0");
            assertEquals(List.of(), rows(q, params, new Page(n, 5)), name + ": past the end");
            assertEquals(all.subList(n - 1, n), rows(q, params, new Page(n - 1, 1000)), name + ": the last row");
        }
    }

    /**
     * agreement-trace compares keys by containment: a search by a whole canonical key also finds
     * the documents whose key contains it (an implementation plan of a strategy).
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
}
