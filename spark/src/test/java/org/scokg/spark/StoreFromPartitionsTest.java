package org.scokg.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole scale-out path on the seeds: {@code spark-extract --master local[2]}, then
 * {@code scokg build --from-nquads} on its partitions, answers every canned query
 * ({@code queries/*.rq}) exactly as {@code scokg build seeds} does, run from the product jar.
 */
class StoreFromPartitionsTest {
    @TempDir Path tmp;

    static final Path QUERIES = Path.of("../queries");

    @Test void aStoreBuiltFromThePartitionsAnswersEveryCannedQueryAsOneBuiltFromTheTexts() throws Exception {
        Path parts = tmp.resolve("parts");
        SparkExtractTest.Run job = SparkExtractTest.spark("--master", "local[2]", "--out", parts.toString(), "../seeds");
        assertEquals(0, job.code(), job.err());
        Path fromParts = tmp.resolve("from-parts"), fromTexts = tmp.resolve("from-texts");
        String a = Product.scokg("build", "--from-nquads", parts.toString(), "--db", fromParts.toString());
        String b = Product.scokg("build", "--db", fromTexts.toString(), "../seeds");
        assertTrue(a.contains("SHACL violations: 0") && a.contains("documents: 5 processed"), a);
        assertTrue(b.contains("SHACL violations: 0") && b.contains("documents: 5 processed"), b);

        List<String> names;
        try (Stream<Path> s = Files.list(QUERIES)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).map(n -> n.replace(".rq", "")).sorted().toList();
        }
        assertTrue(names.containsAll(List.of("meetings", "attendees", "mentions", "documents", "agreement-trace", "presidency", "next-meeting")),
            names.toString());
        // a value for each required parameter: a title the store knows for agreement-trace's
        String title = firstColumn(query(fromTexts, "documents"), "title");
        for (String name : names) {
            List<String> args = new ArrayList<>();
            for (String param : requiredParameters(name))
                args.addAll(List.of("--param", param + "=" + (param.equals("title") ? title : "上海合作组织")));
            String expected = query(fromTexts, name, args), actual = query(fromParts, name, args);
            assertTrue(expected.lines().count() > 1, name + " answers rows on the seeds: " + expected);
            assertEquals(expected, actual, name + " " + args);
        }
    }

    static String query(Path db, String name, List<String> params) throws Exception {
        List<String> args = new ArrayList<>(List.of("query", "--db", db.toString(), name, "--format", "tsv"));
        args.addAll(params);
        return Product.scokg(args.toArray(String[]::new));
    }

    static String query(Path db, String name) throws Exception {
        return query(db, name, List.of());
    }

    /** The value of the first row in the named column of a TSV answer (a literal's lexical form). */
    static String firstColumn(String tsv, String column) {
        List<String> lines = tsv.lines().toList();
        int i = List.of(lines.get(0).split("\t")).indexOf("?" + column);
        assertTrue(i >= 0 && lines.size() > 1, tsv);
        Matcher m = Pattern.compile("^\"(.*)\"(@\\S+)?$").matcher(lines.get(1).split("\t")[i]);
        assertTrue(m.matches(), lines.get(1));
        return m.group(1);
    }

    /** The parameters a query's header declares ({@code # @param NAME[:VAR] TYPE text}) without "(optional)". */
    static List<String> requiredParameters(String name) throws Exception {
        Pattern param = Pattern.compile("^#\\s*@param\\s+([\\w-]+)\\S*\\s+.*$");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(QUERIES.resolve(name + ".rq"))) {
            Matcher m = param.matcher(line);
            if (m.matches() && !line.contains("(optional)")) out.add(m.group(1));
        }
        return out;
    }
}
