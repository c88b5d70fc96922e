package org.scokg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Loading a corpus into a fresh store, every command in a child JVM of its own (start-up
 * included, as a user waits for it): {@code scokg load} of the corpus's N-Quads against Jena's
 * own bulk loaders ({@link JenaLoad}: phased, {@code tdb2.tdbloader}'s default, and parallel)
 * on the same file; {@code scokg build} of the texts against {@code scokg extract} followed by
 * Jena's phased loader, the least any build must do.
 */
final class LoadingBench {
    private final Report report;
    private final Path jar;
    private final Path out;
    private final int passes;

    LoadingBench(Report report, Path jar, Path out, int passes) {
        this.report = report;
        this.jar = jar;
        this.out = out;
        this.passes = passes;
    }

    /** Measures {@code corpus}; leaves the store built by {@code scokg build} at {@code built}. */
    void run(String label, Path corpus, Path built) throws Exception {
        Path nq = out.resolve("extract-" + label + ".nq");
        Path logs = out.resolve("logs");
        Report.say("loading " + label + ": scokg extract");
        long extract = Child.run(Child.scokg(jar, "extract", "--format", "nq", "--out", nq.toString(), corpus.toString()),
            logs.resolve("extract-" + label + ".log"));
        long quads;
        try (Stream<String> lines = Files.lines(nq)) {
            quads = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        }
        String[] names = {"scokg load", "jena phased", "jena parallel"};
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        Path db = out.resolve("db-load");
        // Shared machines: the best of alternated loads with each loader.
        for (int pass = 0; pass < passes; pass++)
            for (int k = 0; k < names.length; k++) {
                deleteTree(db);
                Report.say("loading " + label + ": " + names[k] + " (pass " + (pass + 1) + " of " + passes + ")");
                Path log = logs.resolve("load-" + names[k].replace(' ', '-') + "-" + label + ".log");
                best[k] = Math.min(best[k], Child.run(switch (k) {
                    case 0 -> Child.scokg(jar, "load", "--db", db.toString(), nq.toString());
                    case 1 -> Child.main(JenaLoad.class, "phased", db.toString(), nq.toString());
                    default -> Child.main(JenaLoad.class, "parallel", db.toString(), nq.toString());
                }, log));
            }
        deleteTree(db);
        deleteTree(built);
        Report.say("loading " + label + ": scokg build");
        long build = Child.run(Child.scokg(jar, "build", "--db", built.toString(), corpus.toString()),
            logs.resolve("build-" + label + ".log"));

        report.row("");
        report.row("## Loading the %s corpus into a fresh store (s, each command a child JVM; ratio = scokg / baseline)", label);
        report.row("%-34s %9s %9s %9s %7s", "scokg command (baseline)", "quads", "scokg s", "base s", "ratio");
        report.row("%-34s %9d %9.1f %9.1f %7.2f", "load (jena phased)", quads, best[0] / 1e9, best[1] / 1e9, (double) best[0] / best[1]);
        report.row("%-34s %9d %9.1f %9.1f %7.2f", "load (jena parallel)", quads, best[0] / 1e9, best[2] / 1e9, (double) best[0] / best[2]);
        report.row("%-34s %9d %9.1f %9.1f %7.2f", "build (extract + jena phased)", quads, build / 1e9,
            (extract + best[1]) / 1e9, (double) build / (extract + best[1]));
        report.row("(quads: lines of `scokg extract --format nq`; loads: the best of %d alternated passes; build: one run, which"
            + " also adds the ontology, gazetteer, canonical titles, VoID and SHACL validation)", passes);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
