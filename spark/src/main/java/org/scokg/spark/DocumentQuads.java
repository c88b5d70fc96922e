package org.scokg.spark;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.spark.InputListing.InputFile;
import org.scokg.text.SourceException;
import org.scokg.text.SourceReader;

/**
 * One source file to its N-Quads lines, exactly as {@code scokg extract --format nq} writes
 * them: read through Hadoop's file system, decoded by the product's {@link SourceReader},
 * extracted by {@link ExtractedDocument#extract} and written by {@link ExtractedDocument#write}.
 * The lines are sorted, so a document's lines do not depend on the order of Jena's in-memory
 * graph. A file that cannot be used is skipped or failed with the reason {@code extract} gives,
 * never an exception: one bad document does not stop a task.
 */
final class DocumentQuads {
    private DocumentQuads() {}

    /**
     * What became of one file: its lines (processed), or why it was skipped or failed.
     *
     * @param lines    the document's N-Quads, one quad a line, sorted (empty unless processed)
     * @param skipped  why it was skipped ("PATH: skipped: empty"), or null
     * @param failed   why it failed ("PATH: looks like a binary file, not text"), or null
     * @param warnings the reader's and extraction's warnings, one line each
     */
    record Outcome(List<String> lines, String skipped, String failed, List<String> warnings) {
        static Outcome skipped(String why) { return new Outcome(List.of(), why, null, List.of()); }
        static Outcome failed(String why) { return new Outcome(List.of(), null, why, List.of()); }
        boolean processed() { return skipped == null && failed == null; }
    }

    /** Reads, decodes and extracts {@code f}. */
    static Outcome of(InputFile f, Configuration conf, SourceReader reader) {
        byte[] bytes;
        try {
            bytes = read(f, conf, reader.maxBytes());
        } catch (IOException e) {
            return Outcome.failed(f.shown() + ": " + readFailure(e));
        }
        if (bytes.length > reader.maxBytes())
            return Outcome.failed(f.shown() + ": too large (more than the limit of " + reader.maxBytes() + " bytes)");
        return of(f, bytes, reader);
    }

    /** Decodes and extracts the content {@code bytes} of {@code f}. */
    static Outcome of(InputFile f, byte[] bytes, SourceReader reader) {
        SourceReader.Outcome text;
        try {
            text = reader.decode(null, f.name(), bytes);
        } catch (SourceException e) {
            return Outcome.failed(named(f, e.getMessage()));
        }
        if (text.skipped()) return Outcome.skipped(f.shown() + ": skipped: " + text.skipReason());
        ExtractedDocument d;
        try {
            d = ExtractedDocument.extract(text.text());
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.failed(f.shown() + ": extraction failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        // Blank nodes would be written as _:b0, _:b1… per document, and two documents of one
        // partition would then share them. The extraction makes none (DocumentQuadsTest).
        if (d.model().getGraph().find().filterKeep(DocumentQuads::hasBlankNode).hasNext())
            return Outcome.failed(f.shown() + ": the extraction made blank nodes, which N-Quads partitions cannot keep apart; not written");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExtractedDocument.write(List.of(d), Lang.NQUADS, out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        Arrays.sort(lines);
        List<String> warnings = new java.util.ArrayList<>(text.warnings());
        if (d.warnings() != null) warnings.addAll(d.warnings());
        return new Outcome(Arrays.stream(lines).filter(l -> !l.isEmpty()).toList(), null, null, List.copyOf(warnings));
    }

    private static boolean hasBlankNode(Triple t) {
        return t.getSubject().isBlank() || t.getObject().isBlank();
    }

    /** The reader's message names the file by its name alone (it was given no path): name it by its path. */
    private static String named(InputFile f, String message) {
        return message.startsWith(f.name() + ":") ? f.shown() + message.substring(f.name().length()) : f.shown() + ": " + message;
    }

    /** The file's bytes, at most {@code maxBytes + 1} of them (one more than allowed tells it is too large). */
    static byte[] read(InputFile f, Configuration conf, long maxBytes) throws IOException {
        Path p = new Path(f.uri());
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    private static String readFailure(IOException e) {
        if (e instanceof FileNotFoundException) return "no such file";
        if (e instanceof AccessControlException || String.valueOf(e.getMessage()).contains("Permission denied")) return "permission denied";
        return "cannot read (" + SparkExtract.oneLine(e) + ")";
    }
}
