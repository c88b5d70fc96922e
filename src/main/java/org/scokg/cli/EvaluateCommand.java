package org.scokg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scokg.evaluate.Evaluation;
import org.scokg.evaluate.Gold;
import org.scokg.extract.Extraction;
import org.scokg.text.InputWalker;
import org.scokg.text.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(modelTransformer = Main.CollectErrors.class, name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Score extraction against hand-written gold annotations: precision, recall and F1 per fact type,",
                   "and accuracy per field. A source is scored when GOLD/<file name>.tsv exists."})
final class EvaluateCommand extends Base {
    @Option(names = "--gold", paramLabel = "DIR", defaultValue = "src/test/resources/gold",
        description = "Folder of gold files (default: ${DEFAULT-VALUE}).")
    Path goldDir;

    @Option(names = "--errors", description = "Also list every disagreement, one line each.")
    boolean errors;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Source files or directories.")
    List<Path> inputs;

    @Override
    int run() throws Exception {
        if (!Files.isDirectory(goldDir)) throw fail("no gold folder at " + goldDir + " (use --gold DIR)");
        SourceReader reader = new SourceReader();
        int scored = 0;
        // Each INPUT is scored on its own (seeds, development, held-out), never pooled.
        for (Path input : inputs) {
            InputWalker.Listing listing = InputWalker.walk(List.of(input));
            for (InputWalker.Failure f : listing.failures()) progress("failed: " + f.path() + ": " + f.message());
            Evaluation eval = new Evaluation();
            List<Gold> golds = new ArrayList<>();
            for (Path file : listing.files()) {
                Path goldFile = goldDir.resolve(file.getFileName() + ".tsv");
                if (!Files.isRegularFile(goldFile)) {
                    progress("no gold for " + file + "; not scored");
                    continue;
                }
                SourceReader.Outcome o = reader.read(file);
                if (o.skipped()) continue;
                Gold gold = Gold.read(goldFile);
                golds.add(gold);
                eval.add(gold, Extraction.facts(o.text()));
            }
            if (golds.isEmpty()) {
                progress("no document of " + input + " has a gold file in " + goldDir);
                continue;
            }
            eval.addIdentities(golds);
            out().println("== " + input + " (" + golds.size() + " document" + (golds.size() == 1 ? "" : "s") + ")");
            out().print(eval.report());
            if (errors) eval.errors().forEach(out()::println);
            out().println();
            scored += golds.size();
        }
        out().flush();
        if (scored == 0) throw fail("no input has a gold file in " + goldDir);
        progress("evaluate: " + scored + " document(s) scored");
        return 0;
    }
}
