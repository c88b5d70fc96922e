package org.scokg.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole scale-out path on the seeds: {@code spark-extract --master local[2]}, then
 * {@code scokg build --from-nquads} on its partitions, answers every canned query
 * ({@code queries/*.rq}) exactly as {@code scokg build seeds} does, run from the product jar.
 */
class StoreFromPartitionsTest {
    @TempDir static Path tmp;
    static Path parts, fromParts, fromTexts;

    static final Path QUERIES = Path.of("../queries");

    @BeforeAll static void partitionsAndTwoStores() throws Exception {
        parts = tmp.resolve("parts");
        SparkExtractTest.Run job = SparkExtractTest.spark("--master", "local[2]", "--out", parts.toString(), "../seeds");
        assertEquals(0, job.code(), job.err());
        fromParts = tmp.resolve("from-parts");
        fromTexts = tmp.resolve("from-texts");
        String a = Product.scokg("build", "--from-nquads", parts.toString(), "--db", fromParts.toString());
        String b = Product.scokg("build", "--db", fromTexts.toString(), "../seeds");
        assertTrue(a.contains("SHACL violations: 0") && a.contains("documents: 5 processed"), a);
        assertTrue(b.contains("SHACL violations: 0") && b.contains("documents: 5 processed"), b);
    }

    @Test void aStoreBuiltFromThePartitionsAnswersEveryCannedQueryAsOneBuiltFromTheTexts() throws Exception {
        List<String> names;
        try (Stream<Path> s = Files.list(QUERIES)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).map(n -> n.replace(".rq", "")).sorted().toList();
        }
        assertTrue(names.containsAll(List.of("meetings", "attendees", "mentions", "documents", "agreement-trace", "presidency", "next-meeting")),
            names.toString());
        // a value for each required parameter, from the store: a title it knows, its first and last meeting years
        String title = firstColumn(query(fromTexts, "documents"), "title");
        List<String> years = years(query(fromTexts, "meetings"));
        for (String name : names) {
            List<String> args = new ArrayList<>();
            for (String[] param : requiredParameters(name)) {
                String value = param[0].equals("title") ? title : !param[1].equals("year") ? "上海合作组织"
                    : param[0].equals("to") ? years.get(years.size() - 1) : years.get(0);
                args.addAll(List.of("--param", param[0] + "=" + value));
            }
            String expected = query(fromTexts, name, args), actual = query(fromParts, name, args);
            assertTrue(expected.lines().count() > 1, name + " answers rows on the seeds: " + expected);
            assertEquals(expected, actual, name + " " + args);
        }
    }

    /**
     * Jena's bulk loader at a small size (docs/SCALE.md): {@code tdb2.xloader} makes a TDB2
     * store of the partitions' quads that scokg opens, and {@code build --from-nquads} on it
     * completes it (ontology, gazetteer, canonical layer, description, SHACL) into the store
     * {@code build} makes from the texts. (That build rewrites the source graphs it loads, so
     * today the xloader saves no time; docs/SCALE.md says what would make it pay.)
     */
    @Test void jenasXLoaderThenBuildFromNQuadsGivesTheStoreBuiltFromTheTexts() throws Exception {
        Path all = tmp.resolve("all.nq.gz"), db = tmp.resolve("xloaded");
        try (var out = Files.newOutputStream(all)) {
            for (Path p : Product.parts(parts)) Files.copy(p, out);     // gzip members, concatenated: one gzip file
        }
        List<String> cmd = List.of(Product.java(), "-cp", String.join(java.io.File.pathSeparator, Product.JAR.toString(),
                jarOf("tdb2.xloader.CmdxLoader"), jarOf("org.apache.logging.log4j.core.config.ConfigurationFactory"),
                jarOf("org.apache.logging.log4j.LogManager")),
            "tdb2.xloader.CmdxLoader", "--loc", db.toString(), all.toString());
        Product.Run x = Product.run(cmd, tmp);
        assertEquals(0, x.code(), x.out());
        assertTrue(x.out().contains("Quads = " + String.format(java.util.Locale.US, "%,d", Product.sortedLines(parts).size())), x.out());
        for (String work : List.of("triples.tmp.gz", "quads.tmp.gz", "load.json")) Files.delete(db.resolve(work));   // the loader's working files
        String b = Product.scokg("build", "--from-nquads", parts.toString(), "--db", db.toString());
        assertTrue(b.contains("SHACL violations: 0") && b.contains("documents: 5 processed"), b);
        DatasetGraph expected = export(fromTexts), actual = export(db);
        assertEquals(expected.stream().count(), actual.stream().count());
        assertTrue(IsoMatcher.isomorphic(expected, actual), "the same quads, the build time aside");
    }

    /** The jar (or directory) a class on the test class path comes from. */
    static String jarOf(String className) throws Exception {
        return Path.of(Class.forName(className, false, StoreFromPartitionsTest.class.getClassLoader())
            .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** A store's quads, without the time of its build in its description. */
    static DatasetGraph export(Path db) throws Exception {
        Path nq = tmp.resolve(db.getFileName() + ".nq");
        Product.scokg("export", "--db", db.toString(), "--format", "nq", "--out", nq.toString());
        DatasetGraph d = RDFParser.source(nq).lang(Lang.NQUADS).toDatasetGraph();
        d.deleteAny(Node.ANY, Node.ANY, NodeFactory.createURI("http://purl.org/dc/terms/modified"), Node.ANY);
        return d;
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

    /** The years of the meetings' start dates in a TSV answer of {@code meetings}, sorted, without repeats. */
    static List<String> years(String tsv) {
        List<String> lines = tsv.lines().toList();
        int i = List.of(lines.get(0).split("\t")).indexOf("?startDate");
        return lines.stream().skip(1).map(l -> l.split("\t", -1)[i]).filter(c -> c.matches("\"\\d{4}.*")).map(c -> c.substring(1, 5))
            .distinct().sorted().toList();
    }

    /** The parameters a query's header declares ({@code # @param NAME[:VAR] TYPE text}) without "(optional)": {name, type} each. */
    static List<String[]> requiredParameters(String name) throws Exception {
        Pattern param = Pattern.compile("^#\\s*@param\\s+([\\w-]+)\\S*\\s+(\\S+)\\s.*$");
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(QUERIES.resolve(name + ".rq"))) {
            Matcher m = param.matcher(line);
            if (m.matches() && !line.contains("(optional)")) out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }
}
