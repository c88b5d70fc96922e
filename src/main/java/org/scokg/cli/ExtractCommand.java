package org.scokg.cli;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.pipeline.SourceBatch;
import org.scokg.store.ExportFormat;
import org.scokg.text.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(modelTransformer = Main.CollectErrors.class, name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Extract RDF from source files or directories (recursively), one named graph per source document.",
                   "Directories contribute .txt .md .html .htm files and files without extension; hidden files are skipped.",
                   "Exits 0 when at least one document was extracted; skipped and failed inputs are reported on stderr."})
final class ExtractCommand extends Base {
    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path outFile;

    @Option(names = "--format", paramLabel = "trig|nq", defaultValue = "trig", description = "trig (default) or nq.")
    String format;

    @picocli.CommandLine.Mixin
    SourceInputs sources;

    @Override
    int run() throws Exception {
        ExportFormat f = format(format);
        if (f != ExportFormat.TRIG && f != ExportFormat.NQ) throw fail("extract writes trig or nq, not " + format);
        SourceBatch.Run run = SourceBatch.run(sources.required(spec), sources.reader(), this::progress);
        List<ExtractedDocument> docs = run.processed().stream().map(SourceBatch.Result::document).toList();
        if (docs.isEmpty())
            throw fail("nothing extracted: " + run.failed().size() + " input(s) failed, " + run.skipped().size() + " skipped");
        emit(outFile, out -> ExtractedDocument.write(docs, f == ExportFormat.TRIG ? Lang.TRIG : Lang.NQUADS, out));
        progress("extract: " + docs.size() + " document(s), " + run.skipped().size() + " skipped, " + run.failed().size() + " failed");
        return 0;
    }
}
