package org.scokg.cli;

import java.nio.file.Path;

import org.scokg.store.ExportFormat;
import org.scokg.store.ScokgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(modelTransformer = Main.CollectErrors.class, name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Dump the store: ttl (union of all graphs as one Turtle graph), trig and nq (named graphs),",
                   "jsonld (JSON-LD 1.1 of the dataset). A file is written atomically: a failed export leaves no partial file."})
final class ExportCommand extends Base {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "The TDB2 store directory.")
    Path db;

    @Option(names = "--format", required = true, paramLabel = "ttl|trig|nq|jsonld", description = "Output format.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path outFile;

    @Override
    int run() throws Exception {
        ExportFormat f = format(format);
        try (ScokgStore store = ScokgStore.openExisting(db)) {
            emit(outFile, out -> store.export(f, out));
        }
        return 0;
    }
}
