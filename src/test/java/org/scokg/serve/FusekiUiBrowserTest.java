package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Fuseki UI as a person uses it, in headless Chromium (Debian's chromium and chromedriver,
 * driven by Selenium): from the landing page's link to the UI, the server status shows up, the
 * query page has the dataset's SPARQL endpoint filled in, and Run shows the example query's rows
 * in the result table. Skipped with a message when chromium or chromedriver is missing; under
 * CI=true it fails instead ({@code .ci/run} installs both).
 */
class FusekiUiBrowserTest {
    @TempDir Path tmp;
    @RegisterExtension final ServeFixtures.Servers servers = new ServeFixtures.Servers();

    @Test
    void theUiFromTheLandingPageRunsTheExampleQuery() throws Exception {
        ScokgServer server = servers.start(new ServerOptions(ServeFixtures.sampleStore(tmp), null, 0, 30_000));
        WebDriver browser = ServeFixtures.chromium(tmp);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get("http://127.0.0.1:" + server.port() + "/");
            browser.findElement(By.linkText("SPARQL query editor (Fuseki UI)")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-icon circle.success")));
            WebElement endpoint = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sparql-endpoint")));
            wait.until(b -> endpoint.getDomProperty("value").endsWith(ScokgServer.DATASET + "/" + ScokgServer.SPARQL));

            // Run, once the editor is ready (until then its overlay takes the click)
            wait.until(b -> {
                try {
                    b.findElement(By.cssSelector(".yasqe_queryButton")).click();
                    return true;
                } catch (ElementClickInterceptedException | NoSuchElementException e) {
                    return false;
                }
            });
            // the example query (LIMIT 10): its count in the result header, its rows in the table
            WebElement count = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasr .yasr_response_chip")));
            wait.until(b -> count.getText().matches("\\d+ results? in .*"));
            int n = Integer.parseInt(count.getText().split(" ")[0]);
            assertTrue(n > 0, count.getText());
            By rows = By.cssSelector("#yasr table tbody tr");
            wait.until(b -> b.findElements(rows).size() == Math.min(n, 10));
            List<WebElement> shown = browser.findElements(rows);
            assertTrue(shown.stream().anyMatch(r -> r.getText().contains("scokg")), "rows of the sample store: " + shown.get(0).getText());
            assertTrue(browser.findElements(By.cssSelector("#status-icon circle.failure")).isEmpty(), "the status stays up");
        } finally {
            browser.quit();
        }
    }
}
