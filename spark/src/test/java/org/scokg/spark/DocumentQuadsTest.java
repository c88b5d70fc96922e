package org.scokg.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.pipeline.SourceBatch;
import org.scokg.spark.InputListing.InputFile;
import org.scokg.text.SourceReader;

/** One file to its lines, against the product's own batch (what {@code scokg extract} runs). */
class DocumentQuadsTest {
    @TempDir Path tmp;

    static InputFile file(Path p) throws Exception {
        return new InputFile("file:" + p.toAbsolutePath(), p.getFileName().toString(), p.toAbsolutePath().toString(), Files.size(p));
    }

    static List<Path> texts() throws Exception {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("../seeds", "../src/test/resources/dev"))
            try (var s = Files.list(Path.of(dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(out::add);
            }
        return out;
    }

    @Test void eachDocumentGivesTheSortedLinesExtractWritesAndNoBlankNode() throws Exception {
        List<Path> texts = texts();
        assertTrue(texts.size() > 30, texts.toString());
        SourceBatch.Run run = SourceBatch.run(texts, new SourceReader(), null);
        assertEquals(texts.size(), run.processed().size());
        for (int i = 0; i < texts.size(); i++) {
            DocumentQuads.Outcome o = DocumentQuads.of(file(texts.get(i)), new Configuration(), new SourceReader());
            assertTrue(o.processed(), o.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExtractedDocument.write(List.of(run.results().get(i).document()), Lang.NQUADS, out);
            String[] expected = out.toString(StandardCharsets.UTF_8).split("\n");
            Arrays.sort(expected);
            assertEquals(Arrays.asList(expected), o.lines(), texts.get(i).toString());
            assertFalse(o.lines().stream().anyMatch(l -> l.startsWith("_:") || l.contains(" _:")), "no blank node: " + texts.get(i));
        }
    }

    @Test void badFilesAreSkippedOrFailedWithExtractsReasonNamingTheirPath() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "  \n");
        Path binary = Files.write(tmp.resolve("binary.txt"), new byte[] {'a', 0, 'b'});
        Path big = Files.writeString(tmp.resolve("big.txt"), "上海合作组织".repeat(100));
        Path page = Files.writeString(tmp.resolve("page.html"), "<html><body><script>x()</script></body></html>");
        SourceReader reader = new SourceReader(1000);
        Configuration conf = new Configuration();
        assertEquals(empty + ": skipped: empty", DocumentQuads.of(file(empty), conf, reader).skipped());
        assertEquals(page + ": skipped: no text in the HTML page", DocumentQuads.of(file(page), conf, reader).skipped());
        assertEquals(binary + ": looks like a binary file, not text", DocumentQuads.of(file(binary), conf, reader).failed());
        assertEquals(big + ": too large (more than the limit of 1000 bytes)", DocumentQuads.of(file(big), conf, reader).failed());
        DocumentQuads.Outcome gone = DocumentQuads.of(new InputFile("file:" + tmp.resolve("gone.txt"), "gone.txt", "gone.txt", 1), conf, reader);
        assertEquals("gone.txt: no such file", gone.failed());
        for (Path p : List.of(empty, page, binary, big)) assertEquals(List.of(), DocumentQuads.of(file(p), conf, reader).lines());
        // what the product's batch says of the same files
        SourceBatch.Run run = SourceBatch.run(List.of(empty, page, binary), reader, null);
        assertEquals(List.of(empty + ": skipped: empty", page + ": skipped: no text in the HTML page"),
            run.skipped().stream().map(SourceBatch.Result::reason).toList());
        assertEquals(List.of(binary + ": looks like a binary file, not text"), run.failed().stream().map(SourceBatch.Result::reason).toList());
    }
}
