package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.cli.CliRun;
import org.scokg.query.CannedQueries;

/** The limit and offset parameters of canned queries, over HTTP and on the command line, on the sample store. */
class PagingTest {
    static final String PREFIXES = """
        PREFIX sco: <https://w3id.org/scokg/ontology#>
        PREFIX schema: <https://schema.org/>
        """;
    static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

    @TempDir Path tmp;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    @RegisterExtension final ServeFixtures.Servers servers = new ServeFixtures.Servers();
    Path db;
    CannedQueries queries;

    @BeforeEach
    void setUp() throws Exception {
        db = ServeFixtures.sampleStore(tmp);
        queries = ServeFixtures.queries(tmp,
            "triples", """
            # Every triple of the store, in order.
            # @param p iri  only this predicate (optional)
            SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o
            """,
            "first-meetings", """
            # The first meeting: the query has its own LIMIT.
            """ + PREFIXES + """
            SELECT ?meeting ?date WHERE { ?meeting a sco:Meeting ; schema:startDate ?date } ORDER BY ?date LIMIT 1
            """,
            "any-meeting", """
            # Is there a meeting?
            """ + PREFIXES + """
            ASK { ?m a sco:Meeting }
            """);
    }

    ServerOptions options() { return new ServerOptions(db, null, 0, 30_000).withQueries(queries); }

    HttpResponse<String> get(ScokgServer s, String pathAndQuery) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(30)).header("Accept", "text/tab-separated-values").GET().build();
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static List<QuerySolution> rows(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_TSV);
        List<QuerySolution> out = new ArrayList<>();
        rs.forEachRemaining(out::add);
        return out;
    }

    /** The data lines of a TSV answer (the header dropped). */
    static List<String> lines(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        List<String> l = r.body().lines().toList();
        return l.subList(1, l.size());
    }

    static String next(HttpResponse<?> r) {
        String link = r.headers().firstValue("Link").orElse(null);
        if (link == null) return null;
        Matcher m = NEXT.matcher(link);
        assertTrue(m.matches(), link);
        return m.group(1);
    }

    @Test
    void followingNextLinksGivesTheWholeAnswerInOrder() throws Exception {
        ScokgServer s = servers.start(options());
        List<String> all = lines(get(s, "/scokg/query/triples"));
        assertTrue(all.size() > 20, "the sample store has " + all.size() + " triples");
        for (int size : new int[] {1, 7, all.size()}) {
            List<String> paged = new ArrayList<>();
            String path = "/scokg/query/triples?limit=" + size;
            int pages = 0;
            while (path != null) {
                HttpResponse<String> r = get(s, path);
                List<String> page = lines(r);
                assertTrue(page.size() <= size);
                paged.addAll(page);
                String next = next(r);
                if (next != null) {
                    assertEquals(size, page.size(), "only a full page has a next one");
                    assertEquals("/scokg/query/triples?limit=" + size + "&offset=" + paged.size(), next);
                }
                path = next;
                pages++;
            }
            assertEquals(all, paged, "pages of " + size);
            assertEquals((all.size() + size - 1) / size, pages, "no empty page at the end");
        }
    }

    /** Adds {@code <urn:x:s> <urn:x:p> "o"} through the server's SPARQL Update endpoint (as the password file's editor). */
    void insertATriple(ScokgServer s) throws Exception {
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8));
        HttpRequest update = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/scokg/update"))
            .header("Content-Type", "application/sparql-update").header("Authorization", auth)
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:x:added> { <urn:x:s> <urn:x:p> \"o\" } }")).build();
        int code = http.send(update, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(code == 200 || code == 204, "update: " + code);
    }

    /**
     * Pages are slices of the answer the server keeps until the data changes: a write through
     * Fuseki is seen by the next request, paged or not, and the pages of the new answer are its slices.
     */
    @Test
    void aWriteThroughFusekiIsSeenAtOnce() throws Exception {
        ScokgServer s = servers.start(options().withUpdates(ServeFixtures.passwordFile(tmp)));
        List<String> before = lines(get(s, "/scokg/query/triples"));
        assertEquals(before.subList(2, 5), lines(get(s, "/scokg/query/triples?limit=3&offset=2")));
        insertATriple(s);
        List<String> after = lines(get(s, "/scokg/query/triples"));
        assertEquals(before.size() + 1, after.size());
        assertTrue(after.stream().anyMatch(l -> l.contains("urn:x:s")), after.toString());
        List<String> paged = new ArrayList<>();
        for (String path = "/scokg/query/triples?limit=4"; path != null; ) {
            HttpResponse<String> r = get(s, path);
            paged.addAll(lines(r));
            path = next(r);
        }
        assertEquals(after, paged);
    }

    @Test
    void theNextLinkKeepsTheOtherParametersAsWritten() throws Exception {
        ScokgServer s = servers.start(options());
        String p = "http%3A%2F%2Fwww.w3.org%2F1999%2F02%2F22-rdf-syntax-ns%23type";
        HttpResponse<String> r = get(s, "/scokg/query/triples?offset=1&p=" + p + "&limit=2&format=tsv");
        assertEquals(2, rows(r).size());
        assertEquals("/scokg/query/triples?p=" + p + "&limit=2&format=tsv&offset=3", next(r));
        for (QuerySolution row : rows(get(s, next(r))))
            assertEquals("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", row.getResource("p").getURI());
        // an offset alone (no limit) is a page too: the rest of the answer, no next page
        List<String> all = lines(get(s, "/scokg/query/triples"));
        HttpResponse<String> rest = get(s, "/scokg/query/triples?offset=3");
        assertEquals(all.subList(3, all.size()), lines(rest));
        assertNull(next(rest));
    }

    @Test
    void emptyPagesAndTheQuerysOwnLimit() throws Exception {
        ScokgServer s = servers.start(options());
        int n = lines(get(s, "/scokg/query/triples")).size();
        HttpResponse<String> none = get(s, "/scokg/query/triples?limit=0");
        assertEquals(List.of(), lines(none));
        assertNull(next(none), "no next page of an empty page");
        HttpResponse<String> past = get(s, "/scokg/query/triples?limit=5&offset=" + n);
        assertEquals(List.of(), lines(past));
        assertNull(next(past));

        // first-meetings answers one row; a page of it never goes past that row
        assertEquals(1, lines(get(s, "/scokg/query/first-meetings")).size());
        HttpResponse<String> big = get(s, "/scokg/query/first-meetings?limit=5");
        assertEquals(1, lines(big).size());
        assertNull(next(big), "the row after the query's own LIMIT is not part of its answer");
        assertEquals(List.of(), lines(get(s, "/scokg/query/first-meetings?offset=1")));

        HttpResponse<String> ask = get(s, "/scokg/query/any-meeting?limit=1");
        assertEquals(400, ask.statusCode(), ask.body());
        assertEquals(1, ask.body().strip().lines().count());
        assertEquals(200, get(s, "/scokg/query/any-meeting").statusCode());
    }

    @Test
    void badValuesAre400WithOneLine() throws Exception {
        ScokgServer s = servers.start(options());
        for (String q : new String[] {"limit=-1", "limit=ten", "offset=-5", "offset=1.5", "limit=99999999999999999999", "limit=1&limit=2", "limit="}) {
            HttpResponse<String> r = get(s, "/scokg/query/triples?" + q);
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), q);
            assertEquals(1, r.body().strip().lines().count(), r.body());
            assertTrue(r.body().contains("limit") || r.body().contains("offset"), r.body());
        }
    }

    @Test
    void theBoundOnRowsStillHolds() throws Exception {
        ScokgServer s = servers.start(options().withMaxRows(3));
        HttpResponse<String> whole = get(s, "/scokg/query/triples");
        assertEquals(3, lines(whole).size());
        assertEquals("3; truncated", whole.headers().firstValue(CannedQueryService.LIMIT_HEADER).orElse(null));
        assertNull(next(whole), "the unpaged answer is as before");

        HttpResponse<String> big = get(s, "/scokg/query/triples?limit=10");
        assertEquals(lines(whole), lines(big));
        assertEquals("3; truncated", big.headers().firstValue(CannedQueryService.LIMIT_HEADER).orElse(null));
        assertEquals("/scokg/query/triples?limit=10&offset=3", next(big), "the next page starts after the rows sent");

        HttpResponse<String> small = get(s, "/scokg/query/triples?limit=2&offset=1");
        assertEquals(lines(whole).subList(1, 3), lines(small));
        assertTrue(small.headers().firstValue(CannedQueryService.LIMIT_HEADER).isEmpty(), "the page asked for is not cut");
        assertEquals("/scokg/query/triples?limit=2&offset=3", next(small));
    }

    @Test
    void theListingNamesThePagingParameters() throws Exception {
        ScokgServer s = servers.start(options());
        HttpResponse<String> r = get(s, "/scokg/query/");
        var arr = org.apache.jena.atlas.json.JSON.parse(r.body()).get("queries").getAsArray();
        for (var v : arr) {
            var q = v.getAsObject();
            List<String> names = q.get("params").getAsArray().stream()
                .map(p -> p.getAsObject().get("name").getAsString().value()).toList();
            if (q.get("name").getAsString().value().equals("any-meeting")) assertEquals(List.of(), names, "ASK has no pages");
            else assertTrue(names.containsAll(List.of("limit", "offset")), names.toString());
        }
    }

    @Test
    void builtInQueriesAndTheCommandLine() throws Exception {
        ScokgServer s = servers.start(new ServerOptions(db, null, 0, 30_000));
        List<String> all = lines(get(s, "/scokg/query/meetings"));
        assertEquals(2, all.size(), "the sample store reports two meetings");
        HttpResponse<String> first = get(s, "/scokg/query/meetings?limit=1");
        assertEquals(all.subList(0, 1), lines(first));
        assertEquals("/scokg/query/meetings?limit=1&offset=1", next(first));
        HttpResponse<String> second = get(s, next(first));
        assertEquals(all.subList(1, 2), lines(second));
        assertNull(next(second));
        s.close();

        CliRun whole = CliRun.run("query", "--db", db.toString(), "meetings");
        assertEquals(0, whole.code(), whole.toString());
        assertEquals(all, whole.out().lines().skip(1).toList(), "the command line answers as the server does");
        CliRun page = CliRun.run("query", "--db", db.toString(), "meetings", "--param", "offset=1", "--param", "limit=1");
        assertEquals(0, page.code(), page.toString());
        assertEquals(all.subList(1, 2), page.out().lines().skip(1).toList());
        CliRun none = CliRun.run("query", "--db", db.toString(), "meetings", "--param", "limit=0", "--format", "csv");
        assertEquals(1, none.out().strip().lines().count(), "the header only: " + none.out());

        for (String bad : new String[] {"limit=-1", "offset=x"}) {
            CliRun r = CliRun.run("query", "--db", db.toString(), "meetings", "--param", bad);
            assertNotEquals(0, r.code(), bad);
            assertEquals("", r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("whole number"), r.err());
        }
    }
}
