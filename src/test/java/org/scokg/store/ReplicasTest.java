package org.scokg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.cli.CliRun;
import org.scokg.query.CannedQueries;
import org.scokg.query.CannedQuery;
import org.scokg.query.ParamType;
import org.scokg.serve.ScokgServer;
import org.scokg.serve.ServerOptions;

/**
 * Read replicas (docs/SCALE.md): one store built once, copied to two directories as a
 * snapshot is copied to replicas, each copy served read-only as {@code scokg serve} serves it;
 * both are healthy at {@code /$/ping} and answer every canned query identically.
 */
class ReplicasTest {
    @TempDir Path tmp;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void twoServersOnTwoCopiesOfOneStoreAnswerEveryCannedQueryIdentically() throws Exception {
        Path built = tmp.resolve("build/tdb2");
        CliRun b = CliRun.run("build", "--db", built.toString(), "seeds");
        assertEquals(0, b.code(), b.err());
        // the store is closed once build returns: its directory is a snapshot to copy
        try (ScokgServer blue = ScokgServer.start(new ServerOptions(copy(built, tmp.resolve("blue/tdb2")), "127.0.0.1", 0, 30_000));
             ScokgServer green = ScokgServer.start(new ServerOptions(copy(built, tmp.resolve("green/tdb2")), "127.0.0.1", 0, 30_000))) {
            answersAlike(blue, green);
        }
    }

    void answersAlike(ScokgServer blue, ScokgServer green) throws Exception {
        assertNotEquals(blue.port(), green.port());
        for (ScokgServer s : List.of(blue, green)) assertEquals(200, get(s, "/$/ping", null).statusCode());

        // a value for each required parameter, from the store: a title it knows, its first and last meeting years
        String title = firstTitle(get(blue, ScokgServer.QUERIES + "/documents", "text/tab-separated-values").body());
        List<String> years = years(get(blue, ScokgServer.QUERIES + "/meetings", "text/tab-separated-values").body());
        CannedQueries queries = CannedQueries.builtIn();
        for (String name : queries.names()) {
            String path = ScokgServer.QUERIES + "/" + name;
            for (CannedQuery.Param p : queries.get(name).params()) {
                if (!p.required()) continue;
                String value = p.name().equals("title") ? title : p.type() != ParamType.YEAR ? "上海合作组织"
                    : p.name().equals("to") ? years.get(years.size() - 1) : years.get(0);
                path += (path.contains("?") ? "&" : "?") + p.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
            HttpResponse<String> one = get(blue, path, "text/tab-separated-values"), other = get(green, path, "text/tab-separated-values");
            assertEquals(200, one.statusCode(), path + ": " + one.body());
            assertEquals(200, other.statusCode(), path + ": " + other.body());
            assertTrue(one.body().lines().count() > 1, path + " answers rows on the seeds: " + one.body());
            assertEquals(one.body(), other.body(), path);
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        StoreCrashTest.copyTree(from, to);
        return to;
    }

    /** The lexical form of the title in the first row of the documents query's TSV answer. */
    static String firstTitle(String tsv) {
        List<String> lines = tsv.lines().toList();
        assertTrue(lines.size() > 1, tsv);
        int i = List.of(lines.get(0).split("\t")).indexOf("?title");
        String cell = lines.get(1).split("\t")[i];
        return cell.substring(1, cell.lastIndexOf('"'));
    }

    /** The years of the meetings' start dates in a TSV answer of {@code meetings}, sorted, without repeats. */
    static List<String> years(String tsv) {
        List<String> lines = tsv.lines().toList();
        int i = List.of(lines.get(0).split("\t")).indexOf("?startDate");
        return lines.stream().skip(1).map(l -> l.split("\t", -1)[i]).filter(c -> c.matches("\"\\d{4}.*")).map(c -> c.substring(1, 5))
            .distinct().sorted().toList();
    }

    HttpResponse<String> get(ScokgServer s, String path, String accept) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) r.header("Accept", accept);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
