package org.scokg.serve;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.scokg.query.CannedQueries;
import org.scokg.store.ScokgStore;
import org.scokg.store.StoreException;

/** The serve tests' shared set-up: the sample store, an editor's password file, servers closed after each test, tools on the PATH. */
final class ServeFixtures {
    private ServeFixtures() {}

    static final String SAMPLE = "src/test/resources/fixtures/serve-sample.trig";

    /** A TDB2 store at {@code dir/tdb2} holding the sample graph, closed; returns its directory. */
    static Path sampleStore(Path dir) throws StoreException {
        Path db = dir.resolve("tdb2");
        try (ScokgStore store = ScokgStore.open(db)) {
            Txn.executeWrite(store.dataset(), () -> RDFDataMgr.read(store.dataset(), SAMPLE));
        }
        return db;
    }

    /** Canned queries written to {@code dir/queries}: pairs of a name and the text of {@code NAME.rq}. */
    static CannedQueries queries(Path dir, String... nameAndText) throws IOException {
        Path qdir = Files.createDirectories(dir.resolve("queries"));
        for (int i = 0; i < nameAndText.length; i += 2) Files.writeString(qdir.resolve(nameAndText[i] + ".rq"), nameAndText[i + 1]);
        return CannedQueries.fromDirectory(qdir);
    }

    /** A password file at {@code dir/passwords} for the user editor, password s3cret. */
    static Path passwordFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("passwords"), "editor: s3cret\n");
    }

    /** The first of {@code tools} found on the PATH, or null. */
    static Path onPath(String... tools) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String tool : tools)
            for (String d : path.split(java.io.File.pathSeparator))
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return Path.of(d, tool);
        return null;
    }

    /**
     * On a developer machine a missing tool skips the test; under CI (CI=true, where
     * .ci/run installs the tools) it fails, so that CI can never pass without running it.
     */
    static void requireOrSkip(boolean present, String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.assertTrue(present, message.replace("skipping", "CI requires"));
        else assumeTrue(present, message);
    }

    /**
     * Headless Chromium driven by Selenium (Debian's chromium and chromedriver), its profile under
     * {@code tmp}; the test is skipped with a message when either is missing (under CI=true it fails).
     * The caller quits it.
     */
    static org.openqa.selenium.WebDriver chromium(Path tmp) throws IOException {
        Path chromium = onPath("chromium", "chromium-browser");
        Path chromedriver = onPath("chromedriver");
        requireOrSkip(chromium != null && chromedriver != null,
            "chromium or chromedriver (Debian chromium, chromium-driver) is not installed; skipping this browser test");
        var options = new org.openqa.selenium.chrome.ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1400,1200", "--force-device-scale-factor=1",
            "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium-profile"));
        var service = new org.openqa.selenium.chrome.ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort().build();
        return new org.openqa.selenium.chrome.ChromeDriver(service, options);
    }

    /** The servers a test starts, closed after it: {@code @RegisterExtension final Servers servers = new Servers();}. */
    static final class Servers implements AfterEachCallback {
        private final List<ScokgServer> started = new ArrayList<>();

        ScokgServer start(ServerOptions options) {
            ScokgServer s = ScokgServer.start(options);
            started.add(s);
            return s;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            started.forEach(ScokgServer::close);
            started.clear();
        }
    }
}
