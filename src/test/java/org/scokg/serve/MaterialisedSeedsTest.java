package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.query.CannedQueries;
import org.scokg.query.CannedQuery;
import org.scokg.store.ScokgStore;

/**
 * The built-in canned queries on the seeds store: what a server reads from its materialised answers
 * is what a server that computes every request answers, in JSON, CSV, TSV and XML, for the whole answer
 * and for pages across it.
 */
class MaterialisedSeedsTest {
    @TempDir static Path dir;
    static ScokgServer computed, kept;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void buildAndServe() throws Exception {
        Path db = dir.resolve("tdb2");
        try (ScokgStore store = ScokgStore.open(db)) {
            store.build(List.of(Path.of("seeds")), s -> {});
        }
        ServerOptions options = new ServerOptions(db, null, 0, 60_000).withCacheBytes(0);
        computed = ScokgServer.start(options);
        kept = ScokgServer.start(options.withWarmCache(true));
        assertTrue(kept.awaitWarm(Duration.ofMinutes(2)), "warm-up finished");
    }

    @AfterAll
    static void stop() {
        if (computed != null) computed.close();
        if (kept != null) kept.close();
    }

    /**
     * Stopping while the answers are built: the build holds a read transaction, and TDB2 cannot
     * release a store with one open. close() waits for the build to see that the server stops.
     */
    @Test
    void stoppingWhileTheAnswersAreBuiltWaitsForTheBuild() throws Exception {
        Path db = dir.resolve("stopped-while-building");
        try (ScokgStore store = ScokgStore.open(db)) {
            store.build(List.of(Path.of("seeds")), s -> {});
        }
        ServerOptions options = new ServerOptions(db, null, 0, 60_000).withCacheBytes(0);
        ScokgServer s = ScokgServer.start(options.withWarmCache(true));
        // the page indexes come first; the answers are built right after them
        for (int i = 0; i < 1200 && s.pageIndexes().builds() < materialisable().size(); i++) Thread.sleep(5);
        assertEquals(materialisable().size(), s.pageIndexes().builds());
        assertDoesNotThrow(s::close);
        try (ScokgServer again = ScokgServer.start(options)) {
            assertFalse(get(again, "/scokg/query/meetings", "text/csv").body().isBlank());
        }
    }

    static HttpResponse<String> get(ScokgServer s, String path, String accept) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .timeout(Duration.ofSeconds(60)).header("Accept", accept).GET().build();
        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, resp.statusCode(), path + ": " + resp.body());
        return resp;
    }

    static List<String> materialisable() {
        CannedQueries all = CannedQueries.builtIn();
        return all.names().stream().filter(n -> {
            CannedQuery q = all.get(n);
            return q.pageIndexVar() != null && q.params().stream().noneMatch(CannedQuery.Param::required);
        }).toList();
    }

    @Test
    void everyParameterlessPagedQueryIsMaterialised() {
        List<String> names = materialisable();
        assertTrue(names.containsAll(List.of("mentions", "documents", "attendees", "meetings", "next-meeting", "presidency")), names.toString());
        assertEquals(names.size(), kept.answers().builds());
    }

    @Test
    void readAnswersAreTheComputedAnswers() throws Exception {
        long reads = kept.answers().reads();
        int asked = 0;
        for (String name : materialisable()) {
            String whole = get(computed, "/scokg/query/" + name, CannedQueryHandler.JSON_RESULTS).body();
            int rows = JSON.parse(whole).get("results").getAsObject().get("bindings").getAsArray().size();
            assertTrue(rows > 0, name + " has rows on the seeds");
            List<String> paths = new ArrayList<>(List.of("/scokg/query/" + name));
            for (int offset : new int[] {0, 1, rows / 3, rows - 5, rows - 1, rows, rows + 3})
                for (int limit : new int[] {1, 10, 100})
                    paths.add("/scokg/query/" + name + "?limit=" + limit + "&offset=" + Math.max(0, offset));
            for (String path : paths)
                for (String accept : new String[] {CannedQueryHandler.JSON_RESULTS, CannedQueryHandler.CSV, CannedQueryHandler.TSV, CannedQueryHandler.XML_RESULTS}) {
                    HttpResponse<String> c = get(computed, path, accept), k = get(kept, path, accept);
                    assertEquals(c.body(), k.body(), path + " as " + accept);
                    assertEquals(c.headers().firstValue("Link"), k.headers().firstValue("Link"), path);
                    asked++;
                }
        }
        assertEquals(asked, kept.answers().reads() - reads, "every answer was read from a file");
    }

    /** A column parameter's value as a request writes it: an IRI as is, a literal by its lexical form. */
    static String value(Node n) {
        return URLEncoder.encode(n.isURI() ? n.getURI() : n.getLiteralLexicalForm(), StandardCharsets.UTF_8);
    }

    /**
     * Lookups by column parameters (one, two at once, a value no row has, and pages of them) are
     * selected from the materialised answer and are what the server computes; the other
     * parameters are computed.
     */
    @Test
    void columnLookupsAreTheComputedLookups() throws Exception {
        CannedQueries all = CannedQueries.builtIn();
        int lookups = 0;
        for (String name : materialisable()) {
            CannedQuery q = all.get(name);
            ResultSet whole = ResultSetMgr.read(new ByteArrayInputStream(get(computed, "/scokg/query/" + name, CannedQueryHandler.TSV)
                .body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_TSV);
            List<Binding> rows = new ArrayList<>();
            whole.forEachRemaining(r -> rows.add(((org.apache.jena.sparql.core.ResultBinding) r).getBinding()));
            List<String> paths = new ArrayList<>();
            List<CannedQuery.Param> columns = q.columnParams();
            for (CannedQuery.Param p : columns) {
                Var v = Var.alloc(p.variable());
                for (int i : new int[] {0, rows.size() / 2, rows.size() - 1}) {
                    String path = "/scokg/query/" + name + "?" + p.name() + "=" + value(rows.get(i).get(v));
                    paths.add(path);
                    paths.add(path + "&limit=2&offset=1");
                }
                String absent = switch (p.type()) {
                    case IRI -> "http%3A%2F%2Fexample.org%2Fnone";
                    case YEAR -> "1900";
                    case ISO3 -> "ZZZ";
                    default -> "nothing-such";
                };
                paths.add("/scokg/query/" + name + "?" + p.name() + "=" + absent);
            }
            if (columns.size() >= 2) {
                Binding row = rows.get(rows.size() / 3);
                paths.add("/scokg/query/" + name + "?" + columns.get(0).name() + "=" + value(row.get(Var.alloc(columns.get(0).variable())))
                    + "&" + columns.get(1).name() + "=" + value(row.get(Var.alloc(columns.get(1).variable()))));
            }
            long reads = kept.answers().reads();
            for (String path : paths) {
                HttpResponse<String> c = get(computed, path, CannedQueryHandler.JSON_RESULTS), k = get(kept, path, CannedQueryHandler.JSON_RESULTS);
                assertEquals(c.body(), k.body(), path);
                assertEquals(c.headers().firstValue("Link"), k.headers().firstValue("Link"), path);
            }
            assertEquals(paths.size(), kept.answers().reads() - reads, name + ": every lookup was selected from the file");
            lookups += paths.size();
        }
        assertTrue(lookups > 40, "lookups compared: " + lookups);
        // a parameter that is not a column (bound inside an OPTIONAL) is computed
        long reads = kept.answers().reads();
        HttpResponse<String> c = get(computed, "/scokg/query/attendees?countryCode=CHN", CannedQueryHandler.JSON_RESULTS);
        assertEquals(c.body(), get(kept, "/scokg/query/attendees?countryCode=CHN", CannedQueryHandler.JSON_RESULTS).body());
        assertEquals(reads, kept.answers().reads(), "countryCode is not a column parameter of attendees");
    }

    @Test
    void theColumnParametersOfTheBuiltInQueries() {
        CannedQueries all = CannedQueries.builtIn();
        assertEquals(List.of("source", "doc", "action"), all.get("mentions").columnParams().stream().map(CannedQuery.Param::name).toList());
        assertEquals(List.of("source", "capacity", "meeting"), all.get("attendees").columnParams().stream().map(CannedQuery.Param::name).toList(),
            "countryCode is bound inside an OPTIONAL");
        assertEquals(List.of(), all.get("agreement-trace").columnParams(), "not paged by its keys");
    }
}
