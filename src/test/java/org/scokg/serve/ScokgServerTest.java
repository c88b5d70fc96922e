package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDFS;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.query.CannedQueries;

class ScokgServerTest {
    static final String ID = "https://w3id.org/scokg/id/";
    static final String SCO = "https://w3id.org/scokg/ontology#";
    static final String MEETING = ID + "meeting/heads-of-government/2023-10-26";
    static final String PERSON = ID + "person/kgz-test-chair";
    static final String PREFIXES = """
        PREFIX sco: <https://w3id.org/scokg/ontology#>
        PREFIX schema: <https://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    @TempDir Path tmp;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    @RegisterExtension final ServeFixtures.Servers servers = new ServeFixtures.Servers();
    Path db;
    CannedQueries queries;

    @BeforeEach
    void setUp() throws Exception {
        db = ServeFixtures.sampleStore(tmp);
        queries = ServeFixtures.queries(tmp,
            "meeting-on", """
            # Meetings that start on a date.
            # @param date date  the start date
            """ + PREFIXES + """
            SELECT ?meeting ?label WHERE { ?meeting a sco:Meeting ; schema:startDate ?date ; rdfs:label ?label }
            """,
            "meetings", """
            # Every meeting a source reports.
            """ + PREFIXES + """
            SELECT ?meeting ?source ?bodyLabel ?startDate ?venueLabel WHERE {
              ?source sco:reports ?meeting .
              ?meeting schema:startDate ?startDate ; sco:council ?c .
              OPTIONAL { ?c skos:prefLabel ?bodyLabel }
              OPTIONAL { ?meeting schema:location/skos:prefLabel ?venueLabel }
            } ORDER BY ?startDate
            """,
            "agreement-trace", """
            # Every mention of a document, oldest first.
            # @param title string  any spelling of the title
            """ + PREFIXES + """
            SELECT ?doc ?source ?meetingDate ?surface ?sentence WHERE {
              ?doc skos:prefLabel|skos:altLabel ?l . FILTER(STR(?l) = ?title)
              ?m sco:mentionOf ?doc ; sco:inSource ?source ; sco:surface ?surface ; sco:sentence ?sentence .
              ?source sco:reports/schema:startDate ?meetingDate .
            } ORDER BY ?meetingDate
            """,
            "everything-squared", """
            # A deliberately slow query.
            SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }
            """);
    }

    ScokgServer server() { return server(30_000); }

    ScokgServer server(long timeout) {
        return servers.start(new ServerOptions(db, null, 0, timeout).withQueries(queries));
    }

    String url(ScokgServer s, String path) { return "http://127.0.0.1:" + s.port() + path; }

    HttpResponse<String> get(ScokgServer s, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(s, path))).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(ScokgServer s, String path, String contentType, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url(s, path))).timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType).header("Accept", "application/sparql-results+json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        // A fresh connection per POST: a server that refuses a write may answer before reading
        // the body and close the connection, and a pooled client would then reuse a dead one.
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static List<QuerySolution> rows(String body, Lang lang) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
        List<QuerySolution> out = new ArrayList<>();
        rs.forEachRemaining(out::add);
        return out;
    }

    static final String MEETINGS_QUERY = PREFIXES + "SELECT ?m ?g WHERE { ?m a sco:Meeting . GRAPH ?g { ?m a sco:Meeting } } ORDER BY ?m";
    static final String COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @Test
    void bindsLoopbackOnly() {
        ScokgServer s = server();
        assertTrue(s.port() > 0);
        for (Connector c : s.fuseki().getJettyServer().getConnectors())
            assertEquals("127.0.0.1", ((ServerConnector) c).getHost());
    }

    @Test
    void sparqlGetAndPostSeeTheUnionGraph() throws Exception {
        ScokgServer s = server();
        HttpResponse<String> r = get(s, "/scokg/sparql?query=" + enc(MEETINGS_QUERY), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<QuerySolution> rows = rows(r.body(), ResultSetLang.RS_JSON);
        assertEquals(2, rows.size());
        assertEquals(ID + "meeting/heads-of-government/2019-11-02", rows.get(0).getResource("m").getURI());
        assertEquals(MEETING, rows.get(1).getResource("m").getURI());

        HttpResponse<String> p = post(s, "/scokg/sparql", "application/x-www-form-urlencoded", "query=" + enc(MEETINGS_QUERY));
        assertEquals(200, p.statusCode(), p.body());
        assertEquals(2, rows(p.body(), ResultSetLang.RS_JSON).size());

        HttpResponse<String> p2 = post(s, "/scokg/sparql", "application/sparql-query", MEETINGS_QUERY);
        assertEquals(200, p2.statusCode(), p2.body());
        assertEquals(2, rows(p2.body(), ResultSetLang.RS_JSON).size());
    }

    @Test
    void updatesAreRefused() throws Exception {
        ScokgServer s = server();
        long before = count(s);
        String update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }";
        int[] codes = {
            post(s, "/scokg/sparql", "application/sparql-update", update).statusCode(),
            post(s, "/scokg/sparql", "application/x-www-form-urlencoded", "update=" + enc(update)).statusCode(),
            post(s, "/scokg", "application/sparql-update", update).statusCode(),
            post(s, "/scokg/update", "application/sparql-update", update).statusCode(),
            post(s, "/scokg/data", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .").statusCode(),
            post(s, "/scokg", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .").statusCode(),
            post(s, "/scokg/id/meeting/x", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .").statusCode(),
        };
        for (int c : codes) assertTrue(c >= 400 && c < 500, "expected 4xx, got " + c);
        assertEquals(before, count(s));
        Dataset ds = TDB2Factory.connectDataset(db.toString());
        assertFalse(Txn.calculateRead(ds, () -> ds.containsNamedModel("urn:x:g")));
    }

    long count(ScokgServer s) throws Exception {
        HttpResponse<String> r = get(s, "/scokg/sparql?query=" + enc(COUNT_QUERY), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return rows(r.body(), ResultSetLang.RS_JSON).get(0).getLiteral("n").getLong();
    }

    @Test
    void cannedQueryInEveryFormat() throws Exception {
        ScokgServer s = server();
        String path = "/scokg/query/meeting-on?date=2023-10-26";
        HttpResponse<String> j = get(s, path, "application/sparql-results+json");
        assertEquals(200, j.statusCode(), j.body());
        assertTrue(j.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        List<QuerySolution> rows = rows(j.body(), ResultSetLang.RS_JSON);
        assertEquals(1, rows.size());
        assertEquals(MEETING, rows.get(0).getResource("meeting").getURI());

        // Fuseki's content negotiation: */* gets its first offer, SPARQL JSON; no Accept, or one
        // it cannot meet, gets its default, SPARQL XML (as at the SPARQL endpoint)
        HttpResponse<String> any = get(s, path, "*/*");
        assertEquals(1, rows(any.body(), ResultSetLang.RS_JSON).size());
        for (String accept : new String[] {null, "image/png"}) {
            HttpResponse<String> xml = get(s, path, accept);
            assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+xml"), accept);
            assertEquals(1, rows(xml.body(), ResultSetLang.RS_XML).size(), accept);
        }

        HttpResponse<String> csv = get(s, path, "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("meeting,label"), csv.body());
        assertTrue(csv.body().contains(MEETING));
        assertTrue(csv.body().contains("第二十二次会议"));

        HttpResponse<String> tsv = get(s, path, "text/tab-separated-values");
        assertEquals(200, tsv.statusCode());
        List<QuerySolution> trows = rows(tsv.body(), ResultSetLang.RS_TSV);
        assertEquals(1, trows.size());
        assertEquals(MEETING, trows.get(0).getResource("meeting").getURI());

        HttpResponse<String> xml = get(s, path, "application/sparql-results+xml");
        assertEquals(1, rows(xml.body(), ResultSetLang.RS_XML).size());

        HttpResponse<String> fmt = get(s, path + "&format=csv", "application/sparql-results+json");
        assertTrue(fmt.body().startsWith("meeting,label"));

        HttpResponse<String> none = get(s, "/scokg/query/meeting-on?date=2000-01-01", "application/json");
        assertEquals(200, none.statusCode());
        assertEquals(0, rows(none.body(), ResultSetLang.RS_JSON).size());
        // the second request of an answer is the same answer (kept in memory: every column still bound)
        assertEquals(j.body(), get(s, path, "application/sparql-results+json").body());
    }

    @Test
    void cannedQueryWithChineseParameter() throws Exception {
        ScokgServer s = server();
        HttpResponse<String> r = get(s, "/scokg/query/agreement-trace?title=" + enc("上合组织宪章"), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<QuerySolution> rows = rows(r.body(), ResultSetLang.RS_JSON);
        assertEquals(2, rows.size());
        assertEquals("2019-11-02", rows.get(0).getLiteral("meetingDate").getLexicalForm());
    }

    @Test
    void cannedQueryErrors() throws Exception {
        ScokgServer s = server();
        HttpResponse<String> bad = get(s, "/scokg/query/meeting-on?date=" + enc("yesterday<b>"), null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(1, bad.body().strip().lines().count(), bad.body());
        assertTrue(bad.body().contains("date"));
        assertFalse(bad.body().contains("Exception") || bad.body().contains("\tat "), bad.body());

        assertEquals(400, get(s, "/scokg/query/meeting-on", null).statusCode());
        assertEquals(400, get(s, "/scokg/query/meeting-on?date=2023-10-26&colour=red", null).statusCode());
        // a message with the value as written, Chinese included, arrives whole
        HttpResponse<String> chinese = get(s, "/scokg/query/meeting-on?date=" + enc("二〇二三年"), null);
        assertEquals(400, chinese.statusCode());
        assertTrue(chinese.body().strip().endsWith("二〇二三年"), chinese.body());

        HttpResponse<String> unknown = get(s, "/scokg/query/no-such-query", null);
        assertEquals(404, unknown.statusCode());
        assertEquals(1, unknown.body().strip().lines().count());
        assertTrue(unknown.body().contains("meeting-on"), "the known names: " + unknown.body());
    }

    @Test
    void cannedQueryTimeout() throws Exception {
        ScokgServer s = server(1);
        HttpResponse<String> r = get(s, "/scokg/query/everything-squared", "application/sparql-results+json");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("timed out"));
        // the SPARQL endpoint has the same timeout (an aggregate cannot stream a first row early)
        String slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        HttpResponse<String> q = get(s, "/scokg/sparql?query=" + enc(slow), "application/sparql-results+json");
        assertEquals(503, q.statusCode(), q.body());
    }

    @Test
    void cannedQueryListing() throws Exception {
        ScokgServer s = server();
        HttpResponse<String> r = get(s, "/scokg/query/", null);
        assertEquals(200, r.statusCode());
        var json = org.apache.jena.atlas.json.JSON.parse(r.body());
        var arr = json.get("queries").getAsArray();
        assertEquals(4, arr.size());
        var meetingOn = arr.stream().map(v -> v.getAsObject()).filter(o -> o.get("name").getAsString().value().equals("meeting-on")).findFirst().orElseThrow();
        assertEquals("date", meetingOn.get("params").getAsArray().get(0).getAsObject().get("name").getAsString().value());
        assertEquals(2, meetingOn.get("columns").getAsArray().size());
    }

    @Test
    void linkedDataInEveryRdfFormat() throws Exception {
        ScokgServer s = server();
        String path = "/scokg/id/meeting/heads-of-government/2023-10-26";
        Node m = NodeFactory.createURI(MEETING);
        for (String[] f : new String[][] {
                {"text/turtle", "TTL"}, {"application/ld+json", "JSONLD"},
                {"application/n-triples", "NT"}, {"application/rdf+xml", "RDFXML"}}) {
            HttpResponse<String> r = get(s, path, f[0]);
            assertEquals(200, r.statusCode(), f[0] + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f[0]), f[0]);
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary");
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(f[1])).parse(g);
            assertTrue(g.contains(m, RDFS.label.asNode(), NodeFactory.createLiteralLang("上海合作组织成员国政府首脑（总理）理事会第二十二次会议", "zh")), f[0]);
            assertTrue(g.contains(m, NodeFactory.createURI(SCO + "chair"), NodeFactory.createURI(PERSON)), f[0]);
            // incoming link and the label of a linked resource
            assertTrue(g.contains(NodeFactory.createURI(ID + "source/test-2023.txt"), NodeFactory.createURI(SCO + "reports"), m), f[0]);
            assertTrue(g.contains(NodeFactory.createURI(ID + "place/bishkek"), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel"),
                NodeFactory.createLiteralLang("比什凯克", "zh")), f[0]);
        }
        // q-values: turtle preferred over html
        HttpResponse<String> q = get(s, path, "text/html;q=0.5, text/turtle");
        assertTrue(q.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertEquals(406, get(s, path, "image/png").statusCode());
    }

    @Test
    void linkedDataHtmlIsEscaped() throws Exception {
        ScokgServer s = server();
        HttpResponse<String> person = get(s, "/scokg/id/person/kgz-test-chair", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, person.statusCode());
        assertTrue(person.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String body = person.body();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body);
        assertEquals("测试<script>alert('x')</script>主席", page.title(), "the label as text, not markup");
        assertTrue(page.select("script").isEmpty(), body);
        assertFalse(body.contains("<script"), body);

        HttpResponse<String> meeting = get(s, "/scokg/id/meeting/heads-of-government/2023-10-26", "text/html");
        assertTrue(meeting.body().contains("<h1>上海合作组织成员国政府首脑（总理）理事会第二十二次会议</h1>"), meeting.body());
        assertTrue(meeting.body().contains("href=\"/scokg/id/place/bishkek\""));
        assertTrue(meeting.body().contains("比什凯克"));
        assertTrue(meeting.body().contains("@zh"));
        assertFalse(meeting.body().contains("<script"));

        HttpResponse<String> mention = get(s, "/scokg/id/mention/test-2023.txt/812", "text/html");
        assertTrue(mention.body().contains("各方重申恪守《上海合作组织宪章》的宗旨和原则。"));

        HttpResponse<String> onto = get(s, "/scokg/ontology", "text/html");
        assertEquals(200, onto.statusCode());
        assertTrue(onto.body().contains("id=\"chair\""));
    }

    @Test
    void unknownResourceIs404() throws Exception {
        ScokgServer s = server();
        HttpResponse<String> r = get(s, "/scokg/id/meeting/nowhere/1999-01-01", "text/turtle");
        assertEquals(404, r.statusCode());
        HttpResponse<String> h = get(s, "/scokg/id/meeting/nowhere/%3Cb%3E", "text/html");
        assertEquals(404, h.statusCode());
        assertFalse(h.body().contains("<b>"));
    }

    @Test
    void pingUiAndLandingPage() throws Exception {
        ScokgServer s = server();
        assertEquals(200, get(s, "/$/ping", null).statusCode());
        HttpResponse<String> ui = get(s, "/index.html", null);
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("Fuseki"));
        HttpResponse<String> srv = get(s, "/$/server", null);
        assertEquals(200, srv.statusCode());
        assertTrue(srv.body().contains("/scokg"));
        HttpResponse<String> datasets = get(s, "/$/datasets/scokg", null);
        assertEquals(200, datasets.statusCode(), datasets.body());
        assertTrue(datasets.body().contains("\"sparql\""), datasets.body());
        // the UI, served at /index.html, asks for its server at /index.html/...: sent on, method kept
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> ping = following.send(HttpRequest.newBuilder(URI.create(url(s, "/index.html/$/ping"))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ping.statusCode());
        assertEquals(url(s, "/$/ping"), ping.uri().toString());
        HttpResponse<String> posted = following.send(HttpRequest.newBuilder(URI.create(url(s, "/index.html/scokg/sparql")))
            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(MEETINGS_QUERY))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals(2, rows(posted.body(), ResultSetLang.RS_JSON).size(), "the POST and its body kept");

        HttpResponse<String> home = get(s, "/", "text/html");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("href=\"/scokg/id/meeting/heads-of-government/2023-10-26\""), home.body());
        assertTrue(home.body().contains("/scokg/query/meeting-on"));
        assertTrue(home.body().contains("/scokg/sparql"));

        HttpResponse<String> trace = get(s, "/?title=" + enc("上合组织宪章"), "text/html");
        assertEquals(200, trace.statusCode());
        assertTrue(trace.body().contains("<svg"), trace.body());
        assertTrue(trace.body().contains("2019") && trace.body().contains("2023"));
        assertTrue(trace.body().indexOf("根据《上合组织宪章》") < trace.body().indexOf("各方重申恪守"), "oldest first");
    }

    /** The admin module's writes are not there on a read-only server: datasets cannot be added, deleted, backed up or compacted. */
    @Test
    void noAdminWrites() throws Exception {
        ScokgServer s = server();
        int add = post(s, "/$/datasets", "application/x-www-form-urlencoded", "dbName=evil&dbType=mem").statusCode();
        assertEquals(405, add);
        HttpRequest delete = HttpRequest.newBuilder(URI.create(url(s, "/$/datasets/scokg"))).DELETE().build();
        assertEquals(405, HttpClient.newHttpClient().send(delete, HttpResponse.BodyHandlers.ofString()).statusCode());
        for (String path : new String[] {"/$/backup/scokg", "/$/compact/scokg", "/$/tasks", "/$/reload"}) {
            int code = post(s, path, "text/plain", "").statusCode();
            assertTrue(code == 404 || code == 405, path + ": " + code);
        }
        assertTrue(get(s, "/$/datasets", null).body().contains("/scokg"), "the dataset is still there");
        assertFalse(get(s, "/$/datasets", null).body().contains("evil"));
    }

    @Test
    void landingPageWithoutQueries() throws Exception {
        queries = CannedQueries.fromDirectory(Files.createDirectories(tmp.resolve("empty")));
        ScokgServer s = server();
        HttpResponse<String> home = get(s, "/", null);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("not available"));
    }
}
