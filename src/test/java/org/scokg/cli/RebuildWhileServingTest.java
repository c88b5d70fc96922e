package org.scokg.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.serve.ScokgServer;
import org.scokg.serve.ServerOptions;
import org.scokg.store.ScokgStore;
import org.scokg.text.SourceReader;

class RebuildWhileServingTest {
    @TempDir Path tmp;

    @Test
    void watchedInputsAreRebuiltIntoTheServedStore() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("seeds/000_4d1f60703d6d6267.txt"), in.resolve("000_4d1f60703d6d6267.txt"));
        Path db = tmp.resolve("db");
        try (ScokgStore s = ScokgStore.open(db)) {
            assertTrue(s.build(List.of(in), null).usable());
        }
        try (ScokgServer server = ScokgServer.start(new ServerOptions(db, null, 0, 30_000))) {
            server.watch(List.of(in), new SourceReader(), Duration.ofMillis(200), null);
            HttpClient http = HttpClient.newHttpClient();
            URI meetings = URI.create("http://127.0.0.1:" + server.port() + "/scokg/query/meetings?format=csv");
            assertEquals(2, http.send(HttpRequest.newBuilder(meetings).build(), HttpResponse.BodyHandlers.ofString()).body().strip().lines().count());
            Files.copy(Path.of("seeds/003_740a038ea85bf232.txt"), in.resolve("003_740a038ea85bf232.txt"));
            long rows = 0;
            for (int i = 0; i < 300 && rows != 3; i++) {
                Thread.sleep(100);
                rows = http.send(HttpRequest.newBuilder(meetings).build(), HttpResponse.BodyHandlers.ofString()).body().strip().lines().count();
            }
            assertEquals(3, rows, "the new document is served after the rebuild");
        }
    }
}
