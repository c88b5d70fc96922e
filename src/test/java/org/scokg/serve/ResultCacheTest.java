package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.query.CannedQueries;
import org.scokg.store.ScokgStore;

/** The canned-query result cache: what it keys on, that hits are the misses' bytes, and invalidation. */
class ResultCacheTest {
    static final String PREFIXES = """
        PREFIX sco: <https://w3id.org/scokg/ontology#>
        PREFIX schema: <https://schema.org/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;
    static final String UPDATE = """
        PREFIX sco: <https://w3id.org/scokg/ontology#>
        PREFIX schema: <https://schema.org/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        INSERT DATA { GRAPH <urn:x:added> {
          <https://w3id.org/scokg/id/meeting/test/2030-01-01> a sco:Meeting ;
              schema:startDate "2030-01-01"^^xsd:date } }
        """;

    @TempDir Path tmp;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    @RegisterExtension final ServeFixtures.Servers servers = new ServeFixtures.Servers();
    Path db;
    Path passwords;
    CannedQueries queries;

    @BeforeEach
    void setUp() throws Exception {
        db = ServeFixtures.sampleStore(tmp);
        queries = ServeFixtures.queries(tmp,
            "meetings", """
            # Every meeting, by start date.
            """ + PREFIXES + """
            SELECT ?meeting ?startDate WHERE { ?meeting a sco:Meeting ; schema:startDate ?startDate } ORDER BY ?startDate ?meeting
            """,
            "meeting-on", """
            # Meetings that start on a date.
            # @param date date  the start date
            """ + PREFIXES + """
            SELECT ?meeting ?date WHERE { ?meeting a sco:Meeting ; schema:startDate ?date }
            """);
        passwords = ServeFixtures.passwordFile(tmp);
    }

    ServerOptions options() { return new ServerOptions(db, null, 0, 30_000).withQueries(queries); }

    HttpResponse<byte[]> get(ScokgServer s, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String cache(HttpResponse<?> r) { return r.headers().firstValue(CannedQueryHandler.CACHE_HEADER).orElse(null); }

    static String text(HttpResponse<byte[]> r) { return new String(r.body(), StandardCharsets.UTF_8); }

    @Test
    void aHitIsTheMissByteForByte() throws Exception {
        ScokgServer s = servers.start(options());
        for (String accept : new String[] {"application/sparql-results+json", "text/csv", "text/tab-separated-values", "application/sparql-results+xml"}) {
            HttpResponse<byte[]> miss = get(s, "/scokg/query/meetings", accept);
            HttpResponse<byte[]> hit = get(s, "/scokg/query/meetings", accept);
            assertEquals(200, miss.statusCode());
            assertEquals("miss", cache(miss), accept);
            assertEquals("hit", cache(hit), accept);
            assertArrayEquals(miss.body(), hit.body(), accept);
            assertEquals(miss.headers().firstValue("Content-Type"), hit.headers().firstValue("Content-Type"));
            assertTrue(text(hit).contains("2023-10-26"), text(hit));
        }
    }

    @Test
    void parametersAndMediaTypeArePartOfTheKey() throws Exception {
        ScokgServer s = servers.start(options());
        HttpResponse<byte[]> a = get(s, "/scokg/query/meeting-on?date=2023-10-26", "text/csv");
        assertEquals("miss", cache(a));
        assertTrue(text(a).contains("2023-10-26"), text(a));
        HttpResponse<byte[]> b = get(s, "/scokg/query/meeting-on?date=2019-01-01", "text/csv");
        assertEquals("miss", cache(b), "another value is another answer");
        assertFalse(text(b).contains("heads-of-government"), text(b));
        assertEquals("hit", cache(get(s, "/scokg/query/meeting-on?date=2023-10-26", "text/csv")));
        HttpResponse<byte[]> json = get(s, "/scokg/query/meeting-on?date=2023-10-26", "application/sparql-results+json");
        assertEquals("miss", cache(json), "another media type is another answer");
        assertTrue(text(json).startsWith("{"), text(json));
        // ?format= chooses the same media type as Accept: the same entry
        assertEquals("hit", cache(get(s, "/scokg/query/meeting-on?date=2023-10-26&format=csv", null)));
        // a bad value is refused before the cache is consulted
        HttpResponse<byte[]> bad = get(s, "/scokg/query/meeting-on?date=yesterday", "text/csv");
        assertEquals(400, bad.statusCode());
        assertNull(cache(bad));
    }

    @Test
    void anUpdateThroughFusekiChangesTheAnswer() throws Exception {
        ScokgServer s = servers.start(options().withUpdates(passwords));
        HttpResponse<byte[]> before = get(s, "/scokg/query/meetings", "text/csv");
        assertEquals("hit", cache(get(s, "/scokg/query/meetings", "text/csv")));
        assertFalse(text(before).contains("2030-01-01"));
        HttpRequest update = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/scokg/update"))
            .header("Content-Type", "application/sparql-update")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(UPDATE, StandardCharsets.UTF_8)).build();
        int code = HttpClient.newHttpClient().send(update, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(code == 200 || code == 204, "update: " + code);
        HttpResponse<byte[]> after = get(s, "/scokg/query/meetings", "text/csv");
        assertEquals("miss", cache(after), "a commit invalidates");
        assertTrue(text(after).contains("2030-01-01"), text(after));
        assertEquals("hit", cache(get(s, "/scokg/query/meetings", "text/csv")));
    }

    @Test
    void anyCommitToTheServedDatasetChangesTheAnswer() throws Exception {
        ScokgServer s = servers.start(options());
        assertEquals("miss", cache(get(s, "/scokg/query/meetings", "text/csv")));
        assertEquals("hit", cache(get(s, "/scokg/query/meetings", "text/csv")));
        // In this JVM the store's location gives the dataset the server holds.
        Dataset ds = TDB2Factory.connectDataset(db.toString());
        Txn.executeWrite(ds, () -> ds.getNamedModel("urn:x:added").add(
            ResourceFactory.createResource("https://w3id.org/scokg/id/meeting/test/2030-01-01"),
            ResourceFactory.createProperty("https://schema.org/startDate"),
            ResourceFactory.createTypedLiteral("2030-01-01", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate))
            .add(ResourceFactory.createResource("https://w3id.org/scokg/id/meeting/test/2030-01-01"),
                org.apache.jena.vocabulary.RDF.type, ResourceFactory.createResource("https://w3id.org/scokg/ontology#Meeting")));
        HttpResponse<byte[]> after = get(s, "/scokg/query/meetings", "text/csv");
        assertEquals("miss", cache(after));
        assertTrue(text(after).contains("2030-01-01"), text(after));
    }

    @Test
    void aRebuildChangesTheAnswer() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("seeds/000_4d1f60703d6d6267.txt"), in.resolve("000_4d1f60703d6d6267.txt"));
        Path store = tmp.resolve("built");
        try (ScokgStore st = ScokgStore.open(store)) {
            assertTrue(st.build(List.of(in), null).usable());
        }
        ScokgServer s = servers.start(new ServerOptions(store, null, 0, 30_000));
        HttpResponse<byte[]> before = get(s, "/scokg/query/meetings", "text/csv");
        assertEquals("hit", cache(get(s, "/scokg/query/meetings", "text/csv")));
        assertEquals(2, text(before).strip().lines().count(), text(before));
        Files.copy(Path.of("seeds/003_740a038ea85bf232.txt"), in.resolve("003_740a038ea85bf232.txt"));
        s.rebuild(List.of(in), new org.scokg.text.SourceReader(), true, null);
        HttpResponse<byte[]> after = get(s, "/scokg/query/meetings", "text/csv");
        assertEquals("miss", cache(after));
        assertEquals(3, text(after).strip().lines().count(), text(after));
    }

    @Test
    void noCacheMeansNoCache() throws Exception {
        ScokgServer s = servers.start(options().withCacheBytes(0));
        HttpResponse<byte[]> a = get(s, "/scokg/query/meetings", "text/csv");
        HttpResponse<byte[]> b = get(s, "/scokg/query/meetings", "text/csv");
        assertEquals(200, b.statusCode());
        assertNull(cache(a));
        assertNull(cache(b));
        assertArrayEquals(a.body(), b.body());
    }

    @Test
    void warmingFillsTheCacheInTheBackground() throws Exception {
        ScokgServer s = servers.start(options().withWarmCache(true));
        assertEquals(200, get(s, "/$/ping", null).statusCode());
        // Without asking any canned query: the one that needs no parameter gets cached (JSON).
        for (int i = 0; i < 200 && s.cache().size() < 1; i++) Thread.sleep(50);
        assertEquals(1, s.cache().size());
        assertEquals("hit", cache(get(s, "/scokg/query/meetings", "application/sparql-results+json")));
        assertEquals("miss", cache(get(s, "/scokg/query/meetings", "text/csv")));
    }

    static Answer answer(int bytes) { return new Answer(new byte[bytes], "t", null, -1); }

    @Test
    void boundedByEntriesAndBytes() {
        Dataset ds = TDB2Factory.connectDataset(db.toString());
        ResultCache c = new ResultCache(ds.asDatasetGraph(), 2, 10_000);
        Txn.executeRead(ds, () -> {
            ResultCache.State st = c.state();
            c.put("a", st, answer(10));
            c.put("b", st, answer(10));
            assertNotNull(c.get("a", st)); // a is now the most recently used
            c.put("c", st, answer(10));
            assertEquals(2, c.size());
            assertNull(c.get("b", st), "the least recently used goes first");
            assertNotNull(c.get("a", st));
            c.put("big", st, answer(5_000));
            assertNull(c.get("big", st), "an answer over a quarter of the bound is not kept");
            c.put("d", st, answer(2_000));
            c.put("e", st, answer(2_000));
            assertTrue(c.bytes() <= 10_000, "bytes " + c.bytes());
            c.invalidate();
            assertEquals(0, c.size());
            assertEquals(0, c.bytes());
            c.put("f", st, answer(10));
            assertNull(c.get("f", c.state()), "an answer computed before an invalidation is not kept");
        });
        org.apache.jena.tdb2.sys.TDBInternal.expel(ds.asDatasetGraph());
    }
}
