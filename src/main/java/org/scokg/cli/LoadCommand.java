package org.scokg.cli;

import java.nio.file.Path;
import java.util.List;

import org.scokg.store.ScokgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(modelTransformer = Main.CollectErrors.class, name = "load", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Load RDF files (.trig .nq .ttl .nt .jsonld .rdf, optionally .gz) into the TDB2 store in one transaction.",
                   "Each named graph in the input replaces the graph of that name in the store; default-graph triples",
                   "(e.g. of a Turtle file) go into the graph named after the file (id:graph/FILE).",
                   "Files are streamed into one write transaction: a parse error aborts it and leaves the store unchanged."})
final class LoadCommand extends Base {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "The TDB2 store directory (created if missing).")
    Path db;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "RDF files.")
    List<Path> files;

    @Override
    int run() throws Exception {
        for (Path f : files)
            if (!java.nio.file.Files.isRegularFile(f)) throw fail(f + ": no such file");
        try (ScokgStore store = ScokgStore.open(db)) {
            ScokgStore.LoadSummary s = store.load(files, this::progress);
            out().println("loaded " + s.quadsLoaded() + " quads in " + s.graphs().size() + " graph(s) from " + s.files()
                + " file(s); the store now holds " + s.storeQuads() + " quads");
            out().flush();
        }
        return 0;
    }
}
