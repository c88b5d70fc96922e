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
            "triples-by-subject", """
            # Every triple, paged by its keys and found through a page index of the subjects.
            # @page keys ?s
            SELECT ?s ?p ?o WHERE { { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } } ORDER BY ?p ?s ?o
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

    static String cache(HttpResponse<?> r) { return r.headers().firstValue(CannedQueryHandler.CACHE_HEADER).orElse(null); }

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

    /**
     * A query with '# @page keys ?s': the server builds the index with the first page and finds
     * every later page through it; the pages are still the slices of the whole answer (ordered by
     * predicate first, so a subject's triples are spread through the answer).
     */
    @Test
    void pagesFoundThroughThePageIndexAreTheSlices() throws Exception {
        ScokgServer s = servers.start(options().withCacheBytes(0));
        List<String> all = lines(get(s, "/scokg/query/triples-by-subject"));
        assertEquals(lines(get(s, "/scokg/query/triples")).size(), all.size());
        assertEquals(0, s.pageIndexes().builds(), "the whole answer needs no index");
        for (int size : new int[] {1, 5, 13}) {
            List<String> paged = new ArrayList<>();
            for (String path = "/scokg/query/triples-by-subject?limit=" + size; path != null; ) {
                HttpResponse<String> r = get(s, path);
                paged.addAll(lines(r));
                path = next(r);
            }
            assertEquals(all, paged, "pages of " + size);
        }
        assertEquals(1, s.pageIndexes().builds(), "one index for every page of this state of the data");
    }

    @Test
    void warmingBuildsThePageIndexesInTheBackground() throws Exception {
        ScokgServer s = servers.start(options().withWarmCache(true));
        assertEquals(200, get(s, "/$/ping").statusCode());
        for (int i = 0; i < 200 && s.pageIndexes().builds() < 1; i++) Thread.sleep(50);
        assertEquals(1, s.pageIndexes().builds(), "triples-by-subject's, without any request");
        assertEquals(3, lines(get(s, "/scokg/query/triples-by-subject?limit=3&offset=4")).size());
        assertEquals(1, s.pageIndexes().builds());
    }

    /** Without a result cache the page indexes are still built in the background: they are not answers. */
    @Test
    void warmingWithoutACacheStillBuildsThePageIndexes() throws Exception {
        ScokgServer s = servers.start(options().withCacheBytes(0).withWarmCache(true));
        for (int i = 0; i < 200 && s.pageIndexes().builds() < 1; i++) Thread.sleep(50);
        assertEquals(1, s.pageIndexes().builds(), "triples-by-subject's, without any request");
        HttpResponse<String> page = get(s, "/scokg/query/triples-by-subject?limit=3&offset=4");
        assertEquals(3, lines(page).size());
        assertTrue(page.headers().firstValue(CannedQueryHandler.CACHE_HEADER).isEmpty(), "no cache, no cache status");
        assertEquals(1, s.pageIndexes().builds());
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

    /** A write through Fuseki changes the data: the server warms again and builds the new state's index without a page asked. */
    @Test
    void aWriteThroughFusekiBuildsTheNewStatesIndexInTheBackground() throws Exception {
        ScokgServer s = servers.start(options().withWarmCache(true).withUpdates(ServeFixtures.passwordFile(tmp)));
        for (int i = 0; i < 200 && s.pageIndexes().builds() < 1; i++) Thread.sleep(50);
        assertEquals(1, s.pageIndexes().builds());
        insertATriple(s);
        for (int i = 0; i < 200 && s.pageIndexes().builds() < 2; i++) Thread.sleep(50);
        assertEquals(2, s.pageIndexes().builds(), "the new state's index, without any page asked");
        List<String> page = lines(get(s, "/scokg/query/triples-by-subject?limit=100000&offset=1"));
        assertTrue(page.stream().anyMatch(l -> l.contains("urn:x:s")), page.toString());
        assertEquals(2, s.pageIndexes().builds(), "the page used it");
    }

    /** Waits until the warm-up of {@code s} has kept {@code n} materialised answers. */
    static void awaitMaterialised(ScokgServer s, long n) throws InterruptedException {
        for (int i = 0; i < 400 && s.answers().builds() < n; i++) Thread.sleep(50);
        assertEquals(n, s.answers().builds(), "materialised answers kept");
    }

    /**
     * The warm-up materialises triples-by-subject's whole answer (it has a page index and no
     * parameter); then every page, the unpaged answer and the bound on rows are read from its file,
     * and give what a server that computes them gives, body, Link and row-limit header alike.
     */
    @Test
    void materialisedPagesAreTheComputedPages() throws Exception {
        ScokgServer computed = servers.start(options().withCacheBytes(0).withMaxRows(20));
        ScokgServer kept = servers.start(options().withCacheBytes(0).withMaxRows(20).withWarmCache(true));
        awaitMaterialised(kept, 1);
        List<String> asked = new ArrayList<>(List.of("", "?limit=0", "?offset=3", "?limit=25&offset=0", "?limit=1000&offset=7"));
        int total = 0;
        for (String path = "/scokg/query/triples-by-subject?limit=20"; path != null; ) {
            HttpResponse<String> r = get(computed, path);
            total += lines(r).size();
            path = next(r);
        }
        assertTrue(total > 40, "the sample store has " + total + " triples");
        for (int size : new int[] {1, 6, 20})
            for (int offset = 0; offset <= total + 1; offset += 5) asked.add("?limit=" + size + "&offset=" + offset);
        long reads = kept.answers().reads();
        for (String query : asked) {
            HttpResponse<String> c = get(computed, "/scokg/query/triples-by-subject" + query);
            HttpResponse<String> k = get(kept, "/scokg/query/triples-by-subject" + query);
            assertEquals(c.body(), k.body(), query);
            assertEquals(next(c), next(k), query);
            assertEquals(c.headers().firstValue(ResultLimitFilter.HEADER), k.headers().firstValue(ResultLimitFilter.HEADER), query);
        }
        assertEquals(asked.size(), kept.answers().reads() - reads, "every request was read from the file");
        assertEquals(0, computed.answers().builds(), "no warm-up, nothing materialised");
    }

    /** Off with --no-materialise: the warm-up builds the page index only. */
    @Test
    void materialisingCanBeTurnedOff() throws Exception {
        ScokgServer s = servers.start(options().withWarmCache(true).withMaterialise(false));
        for (int i = 0; i < 200 && s.pageIndexes().builds() < 1; i++) Thread.sleep(50);
        assertTrue(s.awaitWarm(Duration.ofSeconds(20)));
        assertNull(s.answers());
        assertEquals(3, lines(get(s, "/scokg/query/triples-by-subject?limit=3&offset=4")).size());
    }

    /**
     * A write changes the data: pages are computed from the new state at once (never read from the
     * old state's file), the warm-up materialises the new state, and the old file is deleted; so is
     * the new one when the server stops.
     */
    @Test
    void aWriteIsSeenAtOnceAndTheNewStateIsMaterialised() throws Exception {
        ScokgServer s = servers.start(options().withCacheBytes(0).withWarmCache(true).withUpdates(ServeFixtures.passwordFile(tmp)));
        awaitMaterialised(s, 1);
        Path dir = s.answers().directory();
        assertEquals(1, fileCount(dir));
        insertATriple(s);
        List<String> page = lines(get(s, "/scokg/query/triples-by-subject?limit=1000"));
        assertTrue(page.stream().anyMatch(l -> l.contains("urn:x:s")), "the new state, materialised or not: " + page);
        awaitMaterialised(s, 2);
        long reads = s.answers().reads();
        assertEquals(page, lines(get(s, "/scokg/query/triples-by-subject?limit=1000")));
        assertEquals(reads + 1, s.answers().reads(), "read from the new state's file");
        assertEquals(1, fileCount(dir), "the old state's file is deleted");
        s.close();
        assertFalse(Files.exists(dir), "stopping deletes the files and their directory");
    }

    static long fileCount(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
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
            assertNull(cache(r), "refused before the cache is consulted");
        }
    }

    @Test
    void thePageIsPartOfTheCacheKey() throws Exception {
        ScokgServer s = servers.start(options());
        HttpResponse<String> first = get(s, "/scokg/query/triples?limit=2");
        assertEquals("miss", cache(first));
        assertEquals("hit", cache(get(s, "/scokg/query/triples?limit=2")));
        assertEquals("hit", cache(get(s, "/scokg/query/triples?limit=002&offset=0")), "the same page, written otherwise");
        HttpResponse<String> second = get(s, "/scokg/query/triples?limit=2&offset=2");
        assertEquals("miss", cache(second), "another page is another answer");
        assertNotEquals(lines(first), lines(second));
        assertEquals("hit", cache(get(s, "/scokg/query/triples?offset=2&limit=2")));
        assertEquals("/scokg/query/triples?limit=2&offset=4", next(get(s, "/scokg/query/triples?offset=2&limit=2")),
            "a hit has its next link too");
        HttpResponse<String> whole = get(s, "/scokg/query/triples");
        assertEquals("miss", cache(whole), "the whole answer is not a page");
        assertNull(next(whole));
        assertEquals("hit", cache(get(s, "/scokg/query/triples?offset=0")), "offset=0 alone is the whole answer");
    }

    @Test
    void theBoundOnRowsStillHolds() throws Exception {
        ScokgServer s = servers.start(options().withMaxRows(3));
        HttpResponse<String> whole = get(s, "/scokg/query/triples");
        assertEquals(3, lines(whole).size());
        assertEquals("3; truncated", whole.headers().firstValue(ResultLimitFilter.HEADER).orElse(null));
        assertNull(next(whole), "the unpaged answer is as before");

        HttpResponse<String> big = get(s, "/scokg/query/triples?limit=10");
        assertEquals(lines(whole), lines(big));
        assertEquals("3; truncated", big.headers().firstValue(ResultLimitFilter.HEADER).orElse(null));
        assertEquals("/scokg/query/triples?limit=10&offset=3", next(big), "the next page starts after the rows sent");

        HttpResponse<String> small = get(s, "/scokg/query/triples?limit=2&offset=1");
        assertEquals(lines(whole).subList(1, 3), lines(small));
        assertTrue(small.headers().firstValue(ResultLimitFilter.HEADER).isEmpty(), "the page asked for is not cut");
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
