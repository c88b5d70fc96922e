package org.scokg.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scokg.extract.Extraction;
import org.scokg.text.SourceText;

/**
 * Extraction quality against the hand-written gold annotations of the five seeds and the
 * two documents written for the tests. The floors are what the rules reach today: a
 * change that loses quality fails the build. Raise them when the rules get better.
 */
class EvaluationTest {
    static final Path GOLD = Path.of("src/test/resources/gold");
    static Evaluation eval;

    @BeforeAll
    static void evaluate() throws IOException {
        eval = new Evaluation();
        List<Gold> golds = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        try (var s = Files.list(Path.of("seeds"))) { s.sorted().forEach(sources::add); }
        try (var s = Files.list(Path.of("src/test/resources/genre"))) { s.sorted().forEach(sources::add); }
        for (Path src : sources) {
            Path goldFile = GOLD.resolve(src.getFileName() + ".tsv");
            if (!Files.exists(goldFile)) continue;
            Gold gold = Gold.read(goldFile);
            golds.add(gold);
            eval.add(gold, Extraction.facts(new SourceText(src.getFileName().toString(), Files.readString(src, StandardCharsets.UTF_8))));
        }
        assertEquals(7, golds.size(), "every seed and genre document has gold");
        eval.addIdentities(golds);
    }

    private static void f1AtLeast(String type, double floor) {
        Evaluation.Score s = eval.scores().get(type);
        assertTrue(s.gold() > 0, type + " has no gold facts");
        assertTrue(s.f1() >= floor, type + " F1 " + s.f1() + " < " + floor + "\n" + eval.report());
    }

    private static void accuracyAtLeast(String field, double floor) {
        Evaluation.Accuracy a = eval.accuracies().get(field);
        assertTrue(a.total() > 0, field + " was never checked");
        assertTrue(a.value() >= floor, field + " accuracy " + a.value() + " < " + floor + "\n" + eval.report());
    }

    @Test
    void factsAreFoundCompletelyAndNothingSpurious() {
        for (String type : List.of("meeting", "attendee", "mention", "chairmanship", "next-meeting")) f1AtLeast(type, 0.99);
        assertTrue(eval.scores().get("attendee").gold() >= 100);
        assertTrue(eval.scores().get("mention").gold() >= 200);
    }

    @Test
    void fieldsOfMatchedFacts() {
        for (String f : List.of("meeting.council", "meeting.ordinal", "meeting.start", "meeting.end", "meeting.venue",
                                "meeting.online", "meeting.chair", "attendee.capacity", "mention.surface", "mention.nested",
                                "chairmanship.years"))
            accuracyAtLeast(f, 0.99);
        // Known gap: the gold reads 执行委员会主任 where the gazetteer's body already
        // includes 执行委员会 (a convention to settle, not a missed title).
        accuracyAtLeast("attendee.title", 0.95);
        // Left: one verb governing a list of titles, acts dated by an event earlier in the sentence.
        accuracyAtLeast("mention.date", 0.98);
        accuracyAtLeast("mention.venue", 0.99);
        accuracyAtLeast("mention.action", 0.97);
    }

    @Test
    void canonicalDocumentsNeitherSplitNorMerge() {
        accuracyAtLeast("document.different", 1.0);
        // 25 of 25: four of them (a draft title against the adopted one, 远程医疗领域 / 卫生部门远程医疗;
        // 建立…科技园区库 / 科技园园区库; a year range added to a plan's title) only through the
        // corpus-level merge of reworded titles (VariantTitles), as the store does it.
        accuracyAtLeast("document.same", 1.0);
    }

    @Test
    void reportListsEveryTypeAndField() {
        String r = eval.report();
        for (String k : Map.of("attendee", 1, "mention.action", 1, "document.same", 1).keySet()) assertTrue(r.contains(k), r);
    }
}
