package org.scokg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark of scokg (BENCHMARKS.md): every figure a ratio against a baseline measured in
 * the same run on the same input, because the machines it runs on are shared and absolute
 * figures are noise. Three parts: extraction against HanLP ({@link ExtractionBench}), loading
 * against Jena's loaders ({@link LoadingBench}), canned queries over HTTP against the same
 * SPARQL at the plain endpoint ({@link ServingBench}), on the seeds and on generated corpora
 * ({@link CorpusGenerator}). The table goes to {@code OUT/bench-results.txt} as it grows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measures scokg against baselines run in the same run on the same text: extraction against HanLP,",
        "loading against Jena's TDB2 loaders, canned queries against the same SPARQL at /scokg/sparql. See BENCHMARKS.md."})
public final class Bench implements Callable<Integer> {
    @Option(names = "--sizes", defaultValue = "1,10", split = ",", paramLabel = "MB",
        description = "Generated corpora, MB (default ${DEFAULT-VALUE}; add 100 on request). Loading and random pages use the largest.")
    List<Double> sizes;

    @Option(names = "--only", split = ",", paramLabel = "PART", description = "Run only these parts: extraction, loading, serving (default: all).")
    List<String> only;

    @Option(names = "--out", defaultValue = "target/bench", paramLabel = "DIR", description = "Working folder: corpora, stores, logs, bench-results.txt (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "6", paramLabel = "N", description = "Seed of the corpus generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "seeds", paramLabel = "DIR", description = "The seed documents (default ${DEFAULT-VALUE}).")
    Path seeds;

    @Option(names = "--queries", defaultValue = "queries", paramLabel = "DIR", description = "The canned queries, NAME.rq (default ${DEFAULT-VALUE}).")
    Path queries;

    @Option(names = "--jar", defaultValue = "target/scokg.jar", paramLabel = "FILE", description = "The product jar whose commands and server are measured (default ${DEFAULT-VALUE}).")
    Path jar;

    @Option(names = "--requests", defaultValue = "1000", paramLabel = "N", description = "Requests per cell of whole answers on the seeds store (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--page-requests", defaultValue = "200", paramLabel = "N", description = "Requests per cell of random pages (default ${DEFAULT-VALUE}).")
    int pageRequests;

    @Option(names = "--cell-seconds", defaultValue = "120", paramLabel = "S",
        description = "A serving cell stops sending requests after S seconds, so that slow baselines still end (default ${DEFAULT-VALUE}).")
    int cellSeconds;

    @Option(names = "--passes", defaultValue = "2", paramLabel = "N", description = "Alternated passes of extraction and of each loader; the fastest counts (default ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--warm-up", defaultValue = "15", paramLabel = "SECONDS",
        description = "Extraction warm-up: at least this long, then until two rounds are within 5 %% (default ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--server-java-opt", paramLabel = "OPT", description = "An option of the server's JVM, e.g. --server-java-opt=-Xmx4g (repeatable).")
    List<String> serverJavaOptions = new ArrayList<>();

    @Option(names = "--server-opt", paramLabel = "OPT", description = "An option of `serve`, e.g. --server-opt=--timeout --server-opt=60 (repeatable).")
    List<String> serverOptions = new ArrayList<>();

    static final List<String> PARTS = List.of("extraction", "loading", "serving");

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> parts = only == null ? PARTS : only;
        if (!PARTS.containsAll(parts)) return fail("--only takes " + String.join(", ", PARTS));
        if (sizes.isEmpty()) return fail("--sizes needs at least one size");
        for (Double mb : sizes) if (mb == null || mb <= 0 || mb > 1000) return fail("sizes are MB over 0, at most 1000, not " + mb);
        if (requests < 1 || pageRequests < 1 || cellSeconds < 1) return fail("--requests, --page-requests and --cell-seconds must be 1 or more");
        if (passes < 1 || warmUp < 0) return fail("--passes must be 1 or more, --warm-up 0 or more");
        if (!Files.isRegularFile(jar)) return fail("no product jar at " + jar + " (mvn package at the root, or bench/run)");
        if (!Files.isDirectory(seeds)) return fail("no seeds folder at " + seeds + " (--seeds DIR)");
        if (!Files.isDirectory(queries)) return fail("no queries folder at " + queries + " (--queries DIR)");
        Files.createDirectories(out);

        Report report = new Report(System.out, out.resolve("bench-results.txt"));
        report.row("# scokg bench %s  tree %s  jar %s (%d MB, built %s)", Instant.now().truncatedTo(ChronoUnit.SECONDS), commit(), jar,
            Files.size(jar) >> 20, Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS));
        report.row("# seed %d  sizes %s MB  cores %d  load average %.1f  java %s  bench max heap %d MB  %s", seed, sizes,
            Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
            serverOptions.isEmpty() && serverJavaOptions.isEmpty() ? "server: defaults" : "server: " + String.join(" ", serverJavaOptions) + " serve " + String.join(" ", serverOptions));

        CorpusGenerator gen = new CorpusGenerator(seed);
        Map<String, Path> corpora = new LinkedHashMap<>();
        corpora.put("seeds", seeds);
        for (double mb : sizes.stream().sorted().toList()) {
            Path dir = out.resolve("corpus-" + label(mb));
            Report.say("generating the " + label(mb) + " corpus");
            gen.write(dir, (long) (mb * 1_000_000));
            corpora.put(label(mb), dir);
        }
        // Loading and random pages: on the largest corpus.
        double biggest = sizes.stream().mapToDouble(d -> d).max().orElseThrow();
        String big = label(biggest);

        List<String> failed = new ArrayList<>();
        if (parts.contains("extraction"))
            part("extraction", report, failed, () -> {
                long warmBytes = Math.min(1_000_000, (long) (biggest * 1_000_000));
                Path warmDir = new CorpusGenerator(seed + 1).write(out.resolve("corpus-warm-up"), warmBytes).dir();
                new ExtractionBench(report, passes).run(ExtractionBench.Texts.read("warm-up", warmDir), warmUp, corpora);
            });
        Path bigStore = out.resolve("db-" + big);
        if (parts.contains("loading"))
            part("loading", report, failed, () -> new LoadingBench(report, jar, out, passes).run(big, corpora.get(big), bigStore));
        if (parts.contains("serving")) {
            ServingBench serving = new ServingBench(report, jar, out, new QueryFiles(queries), serverJavaOptions, serverOptions, seed,
                Duration.ofSeconds(cellSeconds));
            part("serving the seeds", report, failed, () -> {
                Path seedsStore = out.resolve("db-seeds");
                build(seeds, seedsStore);
                try (ServerProcess s = serving.serve("seeds", seedsStore)) {
                    serving.wholeAnswers("seeds", s, requests);
                }
            });
            part("serving " + big, report, failed, () -> {
                if (!parts.contains("loading") || failed.contains("loading")) build(corpora.get(big), bigStore);
                try (ServerProcess s = serving.serve(big, bigStore)) {
                    serving.randomPages(big, s, pageRequests);
                }
            });
        }
        report.row("");
        report.row("# load average at the end %.1f (the machine's, other work included)", loadAverage());
        Report.say("results in " + report.file());
        return failed.isEmpty() ? 0 : 1;
    }

    private interface Part {
        void run() throws Exception;
    }

    /** Runs one part; a failure is a line in the table (and a non-zero exit), not the end of the run. */
    private static void part(String name, Report report, List<String> failed, Part part) throws IOException {
        try {
            part.run();
        } catch (Exception e) {
            failed.add(name);
            Report.say(name + " failed: " + e);
            report.row("");
            report.row("## %s: FAILED: %s", name, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The machine's load average over the last minute: on a shared machine, how much else was running. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** A fresh store at {@code db} by {@code scokg build} (not timed). */
    private void build(Path input, Path db) throws Exception {
        build(jar, input, db, out.resolve("logs").resolve("build-" + db.getFileName() + ".log"));
    }

    static void build(Path jar, Path input, Path db, Path log) throws Exception {
        Report.say("building " + db + " from " + input);
        LoadingBench.deleteTree(db);
        Child.run(Child.scokg(jar, "build", "--db", db.toString(), input.toString()), log);
    }

    private static int fail(String message) {
        System.err.println("bench: error: " + message);
        return 2;
    }

    /** 1 → "1MB", 0.5 → "0.5MB". */
    static String label(double mb) {
        return (mb == Math.rint(mb) ? Long.toString((long) mb) : Double.toString(mb)) + "MB";
    }

    /** The commit of the working tree the bench runs in (where bench/run builds the jar), "+" when it has changes; "unknown" outside git. */
    private static String commit() {
        try {
            String head = git("rev-parse", "--short", "HEAD");
            return head.isEmpty() ? "unknown" : head + (git("status", "--porcelain", "--untracked-files=no").isEmpty() ? "" : "+");
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? text : "";
    }
}
