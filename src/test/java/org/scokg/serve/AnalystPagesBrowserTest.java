package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.TakesScreenshot;
import org.scokg.store.ScokgStore;

/**
 * The analysts' pages as a person uses them, in headless Chromium over the seeds store, from the
 * landing page's links: search, the attendance grid (its filled cells in a screenshot are the
 * states represented at each meeting in the store), a state's page, a person's page, what changed,
 * a document's citations per year. What the pages show is checked against SPARQL over the store,
 * not against the canned queries they are made of. Skipped with a message when chromium or
 * chromedriver is missing; under CI=true it fails instead.
 */
class AnalystPagesBrowserTest {
    @TempDir Path tmp;
    @RegisterExtension final ServeFixtures.Servers servers = new ServeFixtures.Servers();

    static final String PREFIXES = "PREFIX sco: <https://w3id.org/scokg/ontology#> PREFIX schema: <https://schema.org/> ";

    /** The rows of {@code select} over the store, each the values of its variables joined by a space. */
    static Set<String> select(Dataset ds, String select) {
        return Txn.calculateRead(ds, () -> {
            Set<String> out = new TreeSet<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + select).build()) {
                var rs = qe.execSelect();
                List<String> vars = rs.getResultVars();
                rs.forEachRemaining((QuerySolution s) -> {
                    StringBuilder b = new StringBuilder();
                    for (String v : vars) b.append(b.length() == 0 ? "" : " ").append(s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm() : s.getResource(v).getURI());
                    out.add(b.toString());
                });
            }
            return out;
        });
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A bad parameter of a page is 400 with one line of text, no stack trace. */
    @Test
    void aBadParameterIsOneLine() throws Exception {
        ScokgServer server = servers.start(new ServerOptions(ServeFixtures.sampleStore(tmp), null, 0, 30_000));
        for (String path : List.of("/changes?from=twenty&to=2025", "/state?code=rus", "/person", "/state", "/search?q=" + "x".repeat(501))) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(400, r.statusCode(), path);
            assertEquals(1, r.body().strip().lines().count(), path + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), path);
        }
    }

    @Test
    void thePagesFromTheLandingPageShowWhatTheStoreHolds() throws Exception {
        Path db = tmp.resolve("tdb2");
        Set<String> sentences, attendance, russia, mishustin, citations;
        try (ScokgStore store = ScokgStore.open(db)) {
            store.build(List.of(Path.of("seeds")), s -> {});
            Dataset ds = store.dataset();
            sentences = select(ds, "SELECT ?s WHERE { ?s sco:text ?t FILTER(CONTAINS(?t, '粮食安全')) }");
            attendance = select(ds, "SELECT DISTINCT ?code ?m WHERE { ?p a sco:Participation ; sco:meeting ?m ; sco:represents ?st . "
                + "?st a sco:State ; sco:isoCode ?code }");
            russia = select(ds, "SELECT ?p WHERE { ?p a sco:Participation ; sco:represents/sco:isoCode 'RUS' }");
            mishustin = select(ds, "SELECT ?date ?title WHERE { ?p a sco:Participation ; sco:meeting/schema:startDate ?date ; sco:title ?title ; "
                + "sco:participant/schema:name '米舒斯京' }");
            // the 联合国宪章's citations, per year of the meeting each source reports
            citations = select(ds, "SELECT ?y (COUNT(?mention) AS ?n) WHERE { ?mention sco:mentionOf/sco:canonicalDocument ?d ; "
                + "sco:inSource/sco:reports/schema:startDate ?date . ?d <http://www.w3.org/2004/02/skos/core#prefLabel> '联合国宪章'@zh "
                + "BIND(SUBSTR(STR(?date), 1, 4) AS ?y) } GROUP BY ?y");
        }
        assertEquals(4, mishustin.size(), mishustin.toString());
        ScokgServer server = servers.start(new ServerOptions(db, null, 0, 30_000));
        String root = "http://127.0.0.1:" + server.port();

        // the index at the SPARQL endpoint: text:query finds the same sentences
        String textQuery = PREFIXES + "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query (sco:text '\"粮食安全\"') }";
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/scokg/sparql?query=" + URLEncoder.encode(textQuery, StandardCharsets.UTF_8)))
            .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals(sentences, new TreeSet<>(csv.body().lines().skip(1).map(String::strip).toList()));

        WebDriver browser = ServeFixtures.chromium(tmp);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        try {
            // search, typed in traditional script
            browser.get(root + "/");
            browser.findElement(By.linkText("Search the sentences")).click();
            WebElement q = browser.findElement(By.id("q"));
            q.sendKeys("糧食安全");
            q.submit();
            List<WebElement> rows = browser.findElements(By.cssSelector("table.results tr td.sentence"));
            assertEquals(sentences.size(), rows.size(), "one row per sentence holding 粮食安全");
            for (WebElement r : rows) assertEquals("粮食安全", r.findElement(By.tagName("mark")).getText());

            // the attendance grid: the cells filled in the picture are the states represented at each meeting
            browser.get(root + "/");
            browser.findElement(By.linkText("Attendance grid: states × meetings")).click();
            List<WebElement> cells = browser.findElements(By.cssSelector("svg.attendance rect"));
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
            Set<String> filled = new TreeSet<>(), marked = new TreeSet<>();
            for (WebElement c : cells) {
                String cell = c.getAttribute("data-state") + " " + c.getAttribute("data-meeting");
                Rectangle r = c.getRect();
                int rgb = shot.getRGB(r.getX() + r.getWidth() / 2, r.getY() + r.getHeight() / 2);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) filled.add(cell);
                if (c.getAttribute("class").contains("present")) marked.add(cell);
            }
            assertEquals(attendance, filled, "dark cells in the screenshot");
            assertEquals(attendance, marked);
            assertTrue(cells.size() > filled.size(), "some states missed some meetings");

            // a state's page from the grid, a person's page from the state's
            browser.findElement(By.cssSelector("svg.attendance a[href$='state%2FRUS']")).click();
            List<WebElement> represented = browser.findElements(By.cssSelector("table.timeline-table tr td.person"));
            assertEquals(russia.size(), represented.size(), "one row per Russian delegate per meeting: " + russia);
            browser.findElement(By.linkText("米舒斯京")).click();
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("mi shu si jing"), "the name in pinyin too");
            Set<String> shown = new TreeSet<>();
            for (WebElement tr : browser.findElements(By.cssSelector("table.timeline-table tr:has(td)")))
                shown.add(tr.findElement(By.cssSelector("td")).getText() + " " + tr.findElement(By.cssSelector("td.role")).getText());
            assertEquals(mishustin, shown, "every meeting with the title as written");
            // the person's resource page links back to the person's page
            browser.findElement(By.linkText("Resource page (all statements)")).click();
            browser.findElement(By.linkText("Every meeting attended, with the title in each")).click();
            assertEquals(4, browser.findElements(By.cssSelector("table.timeline-table td.role")).size());

            // what changed, from the landing page: the latest two years by default
            browser.get(root + "/");
            browser.findElement(By.linkText("What changed between two years")).click();
            assertEquals("2023", browser.findElement(By.id("from")).getDomProperty("value"));
            assertEquals("2025", browser.findElement(By.id("to")).getDomProperty("value"));
            Map<String, Integer> counts = new TreeMap<>();
            for (String kind : List.of("new", "dropped", "kept"))
                counts.put(kind, browser.findElements(By.cssSelector("ul.change-" + kind + " li")).size());
            assertTrue(counts.values().stream().allMatch(n -> n > 0), counts.toString());

            // a kept document's citations per year: the timeline's counts are its mentions per year
            browser.findElement(By.xpath("//ul[@class='change-kept']/li[a[text()='《联合国宪章》']]/a[text()='citations per year']")).click();
            Set<String> perYear = new TreeSet<>();
            for (WebElement mark : browser.findElements(By.cssSelector("svg.timeline circle title")))
                perYear.add(mark.getAttribute("textContent").replaceAll("^(\\d{4}): (\\d+) citations?$", "$1 $2"));
            assertEquals(citations, perYear);
        } finally {
            browser.quit();
        }
    }
}
