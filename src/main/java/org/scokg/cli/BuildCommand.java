package org.scokg.cli;

import java.nio.file.Path;
import java.util.List;

import org.scokg.store.ScokgStore;
import org.scokg.text.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(modelTransformer = Main.CollectErrors.class, name = "build", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Extract the inputs, load them with the ontology and gazetteer into the store, validate with SHACL,",
                   "and print a summary. Each source's graph is replaced. Documents are written as they are extracted,",
                   "in one transaction (a failure or a kill leaves the previous store). Exits non-zero only when no",
                   "document could be used or the store could not be written.",
                   "With --from-nquads DIR instead of inputs: the same from the N-Quads partitions of a Spark job",
                   "(DIR/part-*.nq.gz and DIR/_SUCCESS, as spark-extract writes them)."})
final class BuildCommand extends Base {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "The TDB2 store directory (created if missing).")
    Path db;

    @Option(names = "--prune", description = "Also remove the source graphs of documents not in this build.")
    boolean prune;

    @Option(names = "--from-nquads", paramLabel = "DIR",
        description = "Build from the N-Quads partitions in DIR (part-*, with _SUCCESS) instead of extracting inputs.")
    Path fromNQuads;

    @picocli.CommandLine.Mixin
    SourceInputs sources;

    @Override
    int run() throws Exception {
        if (fromNQuads == null) return build(this, db, sources.required(spec), prune, sources.reader()) ? 0 : 1;
        if (sources.inputs != null && !sources.inputs.isEmpty())
            throw new ParameterException(spec.commandLine(), "give either INPUT... or --from-nquads DIR, not both");
        ScokgStore.BuildSummary s;
        try (ScokgStore store = ScokgStore.open(db)) {
            s = store.buildFromNQuads(fromNQuads, prune, this::progress);
        }
        report(this, s);
        return 0;
    }

    /** Builds and prints the summary; true when something usable was produced. */
    static boolean build(Base cmd, Path db, List<Path> inputs, boolean prune) throws Exception {
        return build(cmd, db, inputs, prune, new SourceReader());
    }

    static boolean build(Base cmd, Path db, List<Path> inputs, boolean prune, SourceReader reader) throws Exception {
        ScokgStore.BuildSummary s;
        try (ScokgStore store = ScokgStore.open(db)) {
            s = store.build(inputs, reader, prune, cmd::progress);
        }
        report(cmd, s);
        return true;
    }

    /** Prints the summary of a build; fails when nothing usable was built. */
    static void report(Base cmd, ScokgStore.BuildSummary s) {
        for (String w : s.warnings()) cmd.progress("warning: " + w);
        for (String line : s.lines()) cmd.out().println(line);
        cmd.out().flush();
        if (!s.usable())
            throw fail("nothing usable was built: " + s.failed().size() + " input(s) failed, " + s.skipped().size() + " skipped");
    }
}
