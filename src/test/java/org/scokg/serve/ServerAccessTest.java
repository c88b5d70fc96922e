package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
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

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.query.CannedQueries;

/** Write access (off by default, authenticated when on), injection through parameters, result-size bound, timeout. */
class ServerAccessTest {
    @TempDir Path tmp;
    Path db;
    Path passwords;
    @RegisterExtension final ServeFixtures.Servers servers = new ServeFixtures.Servers();
    static final String UPDATE = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"written\" } }";
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @BeforeEach
    void setUp() throws Exception {
        db = ServeFixtures.sampleStore(tmp);
        passwords = ServeFixtures.passwordFile(tmp);
    }

    static HttpResponse<String> send(ScokgServer s, String method, String path, String contentType, String body, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) b.header("Content-Type", contentType);
        b.header("Accept", "application/sparql-results+json");
        if (user != null)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        // a fresh client per request: a refused write may close the connection early
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> query(ScokgServer s, String q) throws Exception {
        return send(s, "GET", "/scokg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null, null, null);
    }

    static long count(ScokgServer s) throws Exception {
        HttpResponse<String> r = query(s, COUNT);
        assertEquals(200, r.statusCode(), r.body());
        return rows(r.body()).get(0);
    }

    static List<Long> rows(String json) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<Long> out = new ArrayList<>();
        rs.forEachRemaining(row -> out.add(row.contains("n") ? row.getLiteral("n").getLong() : 0L));
        return out;
    }

    @Test
    void readOnlyByDefaultEvenWithCredentials() throws Exception {
        ScokgServer s = servers.start(new ServerOptions(db, null, 0, 30_000));
        long before = count(s);
        for (String path : List.of("/scokg/update", "/scokg/sparql", "/scokg"))
            for (String user : new String[] {null, "editor"}) {
                int code = send(s, "POST", path, "application/sparql-update", UPDATE, user, "s3cret").statusCode();
                assertTrue(code >= 400 && code < 500, path + " as " + user + ": " + code);
            }
        int put = send(s, "PUT", "/scokg/data?graph=urn:x:g", "text/turtle", "<urn:x:s> <urn:x:p> 1 .", "editor", "s3cret").statusCode();
        assertTrue(put >= 400 && put < 500, "GSP write: " + put);
        assertEquals(before, count(s));
    }

    @Test
    void writesNeedCredentialsWhenEnabled() throws Exception {
        ScokgServer s = servers.start(new ServerOptions(db, null, 0, 30_000).withUpdates(passwords));
        long before = count(s);
        assertEquals(401, send(s, "POST", "/scokg/update", "application/sparql-update", UPDATE, null, null).statusCode());
        assertEquals(401, send(s, "POST", "/scokg/update", "application/sparql-update", UPDATE, "editor", "wrong").statusCode());
        assertEquals(401, send(s, "PUT", "/scokg/data?graph=urn:x:h", "text/turtle", "<urn:x:s> <urn:x:p> 1 .", null, null).statusCode());
        int viaQuery = send(s, "POST", "/scokg/sparql", "application/sparql-update", UPDATE, "editor", "s3cret").statusCode();
        assertTrue(viaQuery >= 400 && viaQuery < 500, "the query endpoint never updates: " + viaQuery);
        assertEquals(before, count(s), "nothing written without credentials");
        // reads stay open to everyone
        assertEquals(200, send(s, "GET", "/scokg/query/meetings", null, null, null, null).statusCode());

        HttpResponse<String> ok = send(s, "POST", "/scokg/update", "application/sparql-update", UPDATE, "editor", "s3cret");
        assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
        assertEquals(before + 1, count(s));
        HttpResponse<String> put = send(s, "PUT", "/scokg/data?graph=urn:x:h", "text/turtle", "<urn:x:s> <urn:x:p> 1 , 2 .", "editor", "s3cret");
        assertTrue(put.statusCode() >= 200 && put.statusCode() < 300, put.statusCode() + " " + put.body());
        assertEquals(before + 3, count(s));
    }

    @Test
    void updatesWithoutPasswordFileAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ServerOptions(db, null, 0, 1000).withUpdates(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> servers.start(new ServerOptions(db, null, 0, 1000).withUpdates(tmp.resolve("missing"))));
        assertTrue(e.getMessage().contains("password file"), e.getMessage());
    }

    @Test
    void injectionThroughCannedQueryParametersChangesNothing() throws Exception {
        ScokgServer s = servers.start(new ServerOptions(db, null, 0, 30_000));
        long before = count(s);
        String normal = send(s, "GET", "/scokg/query/agreement-trace?title=x&format=csv", null, null, null, null).body();
        for (String evil : List.of("\"} } ; DROP ALL ; #", "') UNION { ?s ?p ?o } #", "\" . ?s ?p ?o } #",
                                   "x\" } ; INSERT DATA { <urn:a> <urn:b> <urn:c> } #", "<urn:x> } UNION { ?a ?b ?c")) {
            for (String q : List.of("agreement-trace?title=", "attendees?countryCode=", "meetings?year=")) {
                HttpResponse<String> r = send(s, "GET", "/scokg/query/" + q + URLEncoder.encode(evil, StandardCharsets.UTF_8) + "&format=csv",
                    null, null, null, null);
                assertTrue(r.statusCode() == 200 || r.statusCode() == 400, q + evil + ": " + r.statusCode() + " " + r.body());
                assertFalse(r.body().contains("\tat "), r.body());
                if (r.statusCode() == 400) assertEquals(1, r.body().strip().lines().count(), r.body());
                if (q.startsWith("agreement-trace") && r.statusCode() == 200)
                    assertEquals(normal.lines().count(), r.body().lines().count(), "no extra rows for " + evil + ": " + r.body());
            }
        }
        assertEquals(before, count(s), "the store is unchanged");
    }

    @Test
    void resultSizeIsBounded() throws Exception {
        Path qdir = Files.createDirectories(tmp.resolve("queries"));
        Files.writeString(qdir.resolve("all.rq"), "# Every triple.\nSELECT ?s ?p ?o WHERE { ?s ?p ?o }\n");
        ScokgServer s = servers.start(new ServerOptions(db, null, 0, 30_000).withMaxRows(3).withQueries(CannedQueries.fromDirectory(qdir)));
        HttpResponse<String> r = query(s, "SELECT * WHERE { ?s ?p ?o }");
        assertEquals(200, r.statusCode());
        assertEquals(3, rows(r.body()).size());
        assertEquals("3", r.headers().firstValue(CannedQueryService.LIMIT_HEADER).orElse(null));
        HttpResponse<String> post = send(s, "POST", "/scokg/sparql", "application/sparql-query", "SELECT * WHERE { ?s ?p ?o } LIMIT 100", null, null);
        assertEquals(200, post.statusCode(), post.body());
        assertEquals(3, rows(post.body()).size());
        HttpResponse<String> small = query(s, "SELECT * WHERE { ?s ?p ?o } LIMIT 2");
        assertEquals(2, rows(small.body()).size());
        assertTrue(small.headers().firstValue(CannedQueryService.LIMIT_HEADER).isEmpty());
        HttpResponse<String> canned = send(s, "GET", "/scokg/query/all?format=csv", null, null, null, null);
        assertEquals(200, canned.statusCode());
        assertEquals(4, canned.body().strip().lines().count(), canned.body());
        assertEquals("3; truncated", canned.headers().firstValue(CannedQueryService.LIMIT_HEADER).orElse(null));
    }

    @Test
    void expensiveQueryIsStoppedCleanly() throws Exception {
        ScokgServer s = servers.start(new ServerOptions(db, null, 0, 300));
        HttpResponse<String> r = query(s, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }");
        assertEquals(503, r.statusCode(), r.body());
        assertFalse(r.body().contains("\tat ") || r.body().contains("Exception:"), r.body());
    }
}
