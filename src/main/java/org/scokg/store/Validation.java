package org.scokg.store;

import static org.scokg.store.ScokgStore.oneLine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.system.Txn;
import org.scokg.vocab.Sco;

/**
 * SHACL validation of the whole store with the packaged shapes
 * ({@value ScokgStore#SHAPES_RESOURCE}), as the last step of a build.
 *
 * <p>Trade-off: Jena's validator runs straight over the union of the store's graphs in one
 * read transaction, so nothing is copied into memory and a server keeps answering. Its
 * {@code sh:class} checks look up the types of every value node, which over a union of
 * hundreds of graphs is the slow part: a view that remembers recent subjects' types
 * ({@link TypeCachingGraph}) makes the validation of the generated 10 MB corpus's store two to
 * four times faster (measured on 2 cores: 16-32 s without it, 7-9 s with it).
 */
final class Validation {
    private Validation() {}

    /** How many subjects' types the validation keeps in memory (a few hundred bytes each). */
    static final int TYPES_REMEMBERED = 100_000;
    /** How many SHACL messages a summary keeps. */
    static final int MESSAGES = 5;

    /** The number of SHACL results (-1 when not validated) and the first few, one line each. */
    record Result(int violations, List<String> messages) {}

    /** Validates {@code ds}; a missing resource or a validator failure is a warning, never fatal. */
    static Result validate(Dataset ds, Consumer<String> say, List<String> warnings) throws StoreException {
        Graph shapesGraph = StoreWriter.classpathGraph(ScokgStore.SHAPES_RESOURCE, Sco.NS, null);
        if (shapesGraph == null) {
            warnings.add(ScokgStore.SHAPES_RESOURCE + " not found; SHACL validation skipped");
            return new Result(-1, List.of());
        }
        say.accept("validating with SHACL shapes");
        try {
            Shapes shapes = Shapes.parse(shapesGraph);
            ValidationReport report = Txn.calculateRead(ds, () -> ShaclValidator.get().validate(shapes,
                new TypeCachingGraph(ds.asDatasetGraph().getUnionGraph(), TYPES_REMEMBERED)));
            List<String> messages = new ArrayList<>();
            for (ReportEntry e : report.getEntries()) {
                if (messages.size() >= MESSAGES) break;
                messages.add(line(e));
            }
            return new Result(report.getEntries().size(), List.copyOf(messages));
        } catch (RuntimeException e) {
            warnings.add("SHACL validation could not run: " + oneLine(e));
            return new Result(-1, List.of());
        }
    }

    /** A SHACL result as one line: severity, focus node, path, message. */
    private static String line(ReportEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.severity() == null ? "" : e.severity().level().getLocalName()).append(": ");
        if (e.focusNode() != null) sb.append('<').append(e.focusNode().isURI() ? e.focusNode().getURI() : e.focusNode().toString()).append('>');
        if (e.resultPath() != null) sb.append(' ').append(e.resultPath());
        if (e.message() != null) sb.append(": ").append(e.message());
        return sb.toString().replaceAll("\\s+", " ").strip();
    }
}
