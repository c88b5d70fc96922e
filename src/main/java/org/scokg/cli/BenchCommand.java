package org.scokg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scokg.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(modelTransformer = Main.CollectErrors.class, name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure extraction, loading, query latency and start-up on a generated corpus, as ratios against",
                   "baselines measured in the same run (HanLP segmentation, Jena's TDB2 loaders, the plain SPARQL endpoint).",
                   "See BENCHMARKS.md."})
final class BenchCommand extends Base {
    @Option(names = "--sizes", defaultValue = "1,10,100", split = ",", paramLabel = "MB",
        description = "Corpus sizes in MB, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Double> sizes;

    @Option(names = "--out", defaultValue = "target/bench", paramLabel = "DIR",
        description = "Working folder: corpora, stores, bench-results.txt (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "6", paramLabel = "N", description = "Seed of the corpus generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "seeds", paramLabel = "DIR", description = "The seeds, for the small store (default: ${DEFAULT-VALUE}).")
    Path seeds;

    @Option(names = "--requests", defaultValue = "1000", paramLabel = "N", description = "HTTP requests per latency cell (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--jar", defaultValue = "target/scokg.jar", paramLabel = "FILE", description = "The jar whose start-up is timed (default: ${DEFAULT-VALUE}).")
    Path jar;

    @Option(names = "--child-xmx", defaultValue = "512m", paramLabel = "SIZE", description = "-Xmx of the child JVM that measures extraction heap (default: ${DEFAULT-VALUE}).")
    String childXmx;

    @Option(names = "--no-fork", description = "Measure heap in this JVM instead of a child JVM per size.")
    boolean noFork;

    @Option(names = "--no-up", description = "Skip timing the start-up of the jar.")
    boolean noUp;

    @Option(names = "--only", paramLabel = "PART", split = ",", description = {"Run only these parts: queries (canned-query latency on the seeds store), loading (scokg and Jena's loaders),",
        "loading,queries (the loaders, then the latency on the seeds store and the largest store loaded),",
        "or extraction (the extraction table: HanLP and extraction over each corpus)."})
    List<String> only;

    @Option(names = "--load-passes", defaultValue = "" + Bench.LOAD_PASSES, paramLabel = "N",
        description = "Loads with each loader and size, alternated; the fastest counts (default: ${DEFAULT-VALUE}).")
    int loadPasses;

    @Option(names = "--warm-up", defaultValue = "" + Bench.WARM_UP_SECONDS, paramLabel = "SECONDS",
        description = {"Warm-up before the extraction passes: at least this long, then until two rounds take times within 5 %",
            "of each other (default: ${DEFAULT-VALUE})."})
    int warmUpSeconds;

    @Option(names = "--store", paramLabel = "DIR",
        description = "With --only queries: also measure this TDB2 store as the big store (its ontology and gazetteer graphs are added if missing).")
    java.nio.file.Path store;

    @Override
    int run() throws Exception {
        List<Double> s = new ArrayList<>();
        for (Double d : sizes) {
            if (d == null || d <= 0 || d > 10_000) throw fail("sizes are MB between 0 and 10000, not " + d);
            s.add(d);
        }
        if (requests < 1 || requests > 100_000) throw fail("--requests must be 1..100000");
        if (!java.nio.file.Files.isDirectory(seeds)) throw fail("no seeds folder at " + seeds + " (use --seeds DIR)");
        if (only != null && !List.of("queries", "loading").containsAll(only) && !only.equals(List.of("extraction")))
            throw fail("--only takes: queries, loading, loading,queries, or extraction");
        if (loadPasses < 1 || loadPasses > 10) throw fail("--load-passes must be 1..10");
        if (warmUpSeconds < 0 || warmUpSeconds > 600) throw fail("--warm-up must be 0..600 seconds");
        if (store != null && (only == null || !only.equals(List.of("queries"))))
            throw fail("--store goes with --only queries (the other parts measure stores of their own)");
        if (store != null && !java.nio.file.Files.isDirectory(store)) throw fail("no store at " + store);
        boolean queriesOnly = only != null && only.contains("queries"), loadingOnly = only != null && only.contains("loading"),
            extractionOnly = only != null && only.contains("extraction");
        new Bench(new Bench.Options(List.copyOf(s), out, seed, seeds, jar, requests, !noFork, childXmx, !noUp && only == null,
                queriesOnly, loadingOnly, loadPasses, store, warmUpSeconds, extractionOnly),
            out(), this::progress).run();
        progress("bench: results in " + out.resolve("bench-results.txt"));
        return 0;
    }
}
