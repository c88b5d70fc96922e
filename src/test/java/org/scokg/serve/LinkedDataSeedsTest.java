package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scokg.store.DatasetDescription;
import org.scokg.store.ExportFormat;
import org.scokg.store.ScokgStore;

/**
 * Issue 4 over the seeds: dataset description, JSON-LD context, computed labels, pinyin
 * search, CORS, exports read back by Jena and by an independent parser (raptor's
 * {@code rapper}), and the landing page in headless Chromium. The last two are skipped,
 * with a message, when the tool is not installed ({@code .ci/run} installs both).
 */
class LinkedDataSeedsTest {
    static final String ID = "https://w3id.org/scokg/id/";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String ROAD = "上合组织成员国政府间国际道路运输便利化协定";
    static final String VARIANT = "上海合作组织成员国政府间国际道路运输便利化协议";
    static final List<String> YEARS = List.of("2020", "2021", "2022", "2023", "2025");

    @TempDir static Path dir;
    static ScokgServer server;
    static String root;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final java.util.Map<ExportFormat, byte[]> exports = new java.util.EnumMap<>(ExportFormat.class);
    static long quads;

    @BeforeAll
    static void buildAndServe() throws Exception {
        Path db = dir.resolve("tdb2");
        try (ScokgStore store = ScokgStore.open(db)) {
            store.build(List.of(Path.of("seeds")), s -> {});
            quads = store.quadCount();
            for (ExportFormat f : ExportFormat.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                store.export(f, out);
                exports.put(f, out.toByteArray());
            }
        }
        server = ScokgServer.start(new ServerOptions(db, null, 0, 30_000));
        root = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60))
            .header("Origin", "http://example.org");
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    // ------------------------------------------------------------------ VoID, context, labels

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/void", "/scokg/void"})
    void datasetDescriptionWithStatistics(String path) throws Exception {
        for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")) {
            HttpResponse<String> r = get(path, type);
            assertEquals(200, r.statusCode(), path + " " + type);
            Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(type);
            Graph g = parse(r.body(), lang);
            Node ds = NodeFactory.createURI(DatasetDescription.DATASET);
            assertTrue(g.contains(ds, NodeFactory.createURI(VOID + "triples"), Node.ANY), type);
            assertTrue(g.contains(ds, NodeFactory.createURI(VOID + "sparqlEndpoint"), Node.ANY), type);
            assertTrue(g.contains(ds, NodeFactory.createURI("http://purl.org/dc/terms/license"),
                NodeFactory.createURI(DatasetDescription.LICENSE)), type);
            assertTrue(g.contains(ds, NodeFactory.createURI("http://purl.org/dc/terms/modified"), Node.ANY), type);
            assertTrue(g.find(ds, NodeFactory.createURI(VOID + "classPartition"), Node.ANY).toList().size() > 5, type);
            assertEquals(5, g.find(ds, NodeFactory.createURI("http://purl.org/dc/terms/source"), Node.ANY).toList().size(), type);
            assertTrue(g.contains(ds, NodeFactory.createURI(VOID + "exampleResource"), NodeFactory.createURI(ID + "state/CHN")), type);
        }
        // the triple count is the store's, less the description itself
        HttpResponse<String> r = get(path, "text/turtle");
        Graph g = parse(r.body(), Lang.TURTLE);
        long said = Long.parseLong(g.find(NodeFactory.createURI(DatasetDescription.DATASET), NodeFactory.createURI(VOID + "triples"), Node.ANY)
            .next().getObject().getLiteralLexicalForm());
        assertTrue(said > 5000 && said < quads, said + " of " + quads);
    }

    @Test
    void contextIsServedAndUsedByResourcePages() throws Exception {
        HttpResponse<String> c = get("/scokg/context.jsonld", null);
        assertEquals(200, c.statusCode());
        assertTrue(c.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        assertTrue(c.body().contains("\"prefLabel\"") && c.body().contains("\"@version\""), c.body());
        HttpResponse<String> ld = get("/scokg/id/state/CHN", "application/ld+json");
        assertEquals(200, ld.statusCode());
        assertTrue(ld.body().contains("\"prefLabel\"") && ld.body().contains("\"sameAs\": \"wd:Q148\""), ld.body());
        Graph fromJsonLd = parse(ld.body(), Lang.JSONLD);
        Graph fromTurtle = parse(get("/scokg/id/state/CHN", "text/turtle").body(), Lang.TURTLE);
        assertEquals(fromTurtle.size(), fromJsonLd.size());
    }

    @Test
    void traditionalAndPinyinLabelsAreComputed() throws Exception {
        Graph chn = parse(get("/scokg/id/state/CHN", "text/turtle").body(), Lang.TURTLE);
        Node s = NodeFactory.createURI(ID + "state/CHN");
        Node alt = NodeFactory.createURI(SKOS + "altLabel");
        assertTrue(chn.contains(s, alt, NodeFactory.createLiteralLang("中華人民共和國", "zh-Hant")), "zh-Hant");
        assertTrue(chn.contains(s, alt, NodeFactory.createLiteralLang("zhong hua ren min gong he guo", "zh-Latn-pinyin")), "pinyin");
        Node city = NodeFactory.createURI(ID + "place/bishkek");
        Graph bishkek = parse(get("/scokg/id/place/bishkek", "text/turtle").body(), Lang.TURTLE);
        assertTrue(bishkek.contains(city, alt, NodeFactory.createLiteralLang("比什凱克", "zh-Hant")), "city zh-Hant");
        // HanLP's reading, whatever it is (it reads 什 as shen here): one pinyin label, ASCII
        assertEquals(1, bishkek.find(city, alt, Node.ANY).filterKeep(t -> t.getObject().getLiteralLanguage().equalsIgnoreCase("zh-Latn-pinyin")).toList().size());
    }

    // ------------------------------------------------------------------ CORS

    @ParameterizedTest
    @ValueSource(strings = {"/scokg/sparql?query=ASK%7B%7D", "/scokg/query/meetings", "/scokg/id/state/CHN",
                            "/.well-known/void", "/scokg/context.jsonld"})
    void corsHeadersArePresent(String path) throws Exception {
        HttpResponse<String> r = get(path, null);
        assertEquals(200, r.statusCode(), path);
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), path + ": " + r.headers().map());
    }

    // ------------------------------------------------------------------ landing page search

    @ParameterizedTest
    @ValueSource(strings = {"guo ji dao lu yun shu bian li hua", "guojidaoluyunshubianlihua", "Guo Ji Dao Lu", VARIANT,
                            "國際道路運輸便利化協議"})
    void searchByPinyinTraditionalAndVariantSpelling(String search) throws Exception {
        HttpResponse<String> r = get("/?title=" + q(search), null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("《" + ROAD + "》"), search);
        for (String y : YEARS) assertTrue(r.body().contains(">" + y + "</text>"), search + ": " + y);
    }

    // ------------------------------------------------------------------ exports

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void exportRoundTripsThroughJena(ExportFormat f) {
        byte[] bytes = exports.get(f);
        Lang lang = switch (f) {
            case TTL -> Lang.TURTLE;
            case TRIG -> Lang.TRIG;
            case NQ -> Lang.NQUADS;
            case JSONLD -> Lang.JSONLD;
        };
        DatasetGraph back = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(back);
        if (f == ExportFormat.TTL) {
            // the union graph: every distinct triple
            Graph union = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(exports.get(ExportFormat.NQ))).lang(Lang.NQUADS).parse(
                new org.apache.jena.riot.system.StreamRDFBase() {
                    @Override public void quad(org.apache.jena.sparql.core.Quad q) { union.add(q.asTriple()); }
                });
            assertEquals(union.size(), back.getDefaultGraph().size());
        } else {
            assertEquals(quads, back.stream().count(), f.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"turtle", "trig", "nquads"})
    void exportParsesWithRapper(String syntax) throws Exception {
        ServeFixtures.requireOrSkip(ServeFixtures.onPath("rapper") != null, "rapper (Debian raptor2-utils) is not installed; skipping the independent-parser check");
        ExportFormat f = switch (syntax) { case "turtle" -> ExportFormat.TTL; case "trig" -> ExportFormat.TRIG; default -> ExportFormat.NQ; };
        Path file = dir.resolve("export." + f.name().toLowerCase());
        Files.write(file, exports.get(f));
        Process p = new ProcessBuilder("rapper", "-q", "-i", syntax, "-o", "nquads", file.toString(), "https://w3id.org/scokg/")
            .redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        long lines = new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        long expected = f == ExportFormat.TTL
            ? parseCount(exports.get(f), Lang.TURTLE) : quads;
        assertEquals(expected, lines, syntax + ": " + err);
    }

    static long parseCount(byte[] bytes, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(g);
        return g.size();
    }

    // ------------------------------------------------------------------ browser

    @Test
    void landingPageInHeadlessChromium() throws Exception {
        Path found = ServeFixtures.onPath("chromium", "chromium-browser");
        ServeFixtures.requireOrSkip(found != null, "chromium is not installed; skipping the browser test");
        String chromium = found.toString();
        for (String search : List.of("guo ji dao lu yun shu bian li hua", VARIANT)) {
            String dom = dumpDom(chromium, root + "/?title=" + q(search));
            assertTrue(dom.contains("<svg") && dom.contains("timeline"), search + ": no timeline\n" + abbreviate(dom));
            assertTrue(dom.contains("《" + ROAD + "》"), search + ": no document\n" + abbreviate(dom));
            for (String y : YEARS) assertTrue(dom.matches("(?s).*<text[^>]*>" + y + "</text>.*"), search + ": no mark for " + y);
        }
    }

    static String dumpDom(String chromium, String url) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--dump-dom", url));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) { return s.length() > 2000 ? s.substring(0, 2000) + "…" : s; }
}
