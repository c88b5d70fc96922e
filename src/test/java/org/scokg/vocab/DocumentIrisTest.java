package org.scokg.vocab;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.scokg.extract.TitleKey;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.text.SourceReader;

/**
 * Document IRIs do not move unless the title key version says so ({@link DocumentIris}): the
 * seeds' document IRIs are pinned per version, every extraction records its version, and
 * docs/MODEL.md describes the current one.
 */
class DocumentIrisTest {
    static final Path PINNED = Path.of("src/test/resources/document-iris/seeds-v" + DocumentIris.KEY_VERSION + ".txt");

    static List<Model> seeds() throws Exception {
        SourceReader reader = new SourceReader();
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            return s.sorted().map(p -> {
                try {
                    return ExtractedDocument.extract(reader.read(p).text()).model();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    /**
     * Every title the seeds cite, with the IRI it was pinned to: a change of {@link TitleKey} that
     * moves one fails here. The pairs come from the seeds' mentions (their surface and the IRI of
     * the document they cite); titles an extractor finds later do not matter.
     */
    @Test
    void theSeedsTitlesKeepTheIrisPinnedUnderTheCurrentKeyVersion() throws Exception {
        if (!Files.exists(PINNED)) {
            TreeSet<String> pairs = new TreeSet<>();
            for (Model m : seeds())
                m.listSubjectsWithProperty(RDF.type, Sco.Mention).forEachRemaining(x -> pairs.add(x.getProperty(Sco.surface).getString()
                    + "\t" + x.getPropertyResourceValue(Sco.mentionOf).getURI().substring(Iris.base().length())));
            fail("title key version " + DocumentIris.KEY_VERSION + " has no pinned IRIs: write " + PINNED
                + " with these lines and say in docs/MODEL.md what the version changed:\n" + String.join("\n", pairs));
        }
        List<String> moved = new ArrayList<>();
        int pinned = 0;
        for (String line : Files.readAllLines(PINNED)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] pair = line.split("\t");
            String now = DocumentIris.of(TitleKey.of(pair[0])).substring(Iris.base().length());
            if (!now.equals(pair[1])) moved.add(pair[0] + ": " + pair[1] + " -> " + now);
            pinned++;
        }
        assertTrue(pinned > 20, "the seeds cite documents: " + pinned);
        assertEquals(List.of(), moved, "document IRIs moved under title key version " + DocumentIris.KEY_VERSION
            + ": if the change of the title key is meant, raise DocumentIris.KEY_VERSION, pin the titles again in a file of the new version"
            + " and say in docs/MODEL.md what it changed; if not, undo it");
    }

    @Test
    void everyExtractionRecordsItsKeyVersion() throws Exception {
        for (Model m : seeds()) {
            var activity = m.listSubjectsWithProperty(RDF.type, Sco.ExtractionActivity).toList();
            assertEquals(1, activity.size());
            assertEquals(DocumentIris.KEY_VERSION, activity.get(0).getProperty(Sco.titleKeyVersion).getInt());
        }
    }

    @Test
    void theModelPageDescribesTheCurrentKeyVersion() throws Exception {
        String model = Files.readString(Path.of("docs/MODEL.md"));
        assertTrue(model.contains("| " + DocumentIris.KEY_VERSION + " |"), "docs/MODEL.md lists title key version " + DocumentIris.KEY_VERSION);
    }
}
