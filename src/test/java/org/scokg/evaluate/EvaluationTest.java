package org.scokg.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scokg.extract.Extraction;
import org.scokg.text.SourceText;

/**
 * Extraction quality against hand-written gold annotations, on three sets scored apart:
 * the five seeds (the texts the first rules were written on), the development documents
 * (written for the tests, blind, and tuned on) and the held-out documents (written blind and
 * never tuned on: the figures that tell how the rules generalise). Every floor keeps what the
 * rules reach today, so that a change that loses quality fails the build.
 */
class EvaluationTest {
    static final Path GOLD = Path.of("src/test/resources/gold");

    /** Scores every document of {@code dir} that has a gold file; the set must not be empty. */
    static Evaluation evaluate(Path dir, int documents) throws IOException {
        Evaluation eval = new Evaluation();
        List<Gold> golds = new ArrayList<>();
        List<Path> sources;
        try (var s = Files.list(dir)) { sources = s.sorted().toList(); }
        for (Path src : sources) {
            Path goldFile = GOLD.resolve(src.getFileName() + ".tsv");
            if (!Files.exists(goldFile)) continue;
            Gold gold = Gold.read(goldFile);
            golds.add(gold);
            eval.add(gold, Extraction.facts(new SourceText(src.getFileName().toString(), Files.readString(src, StandardCharsets.UTF_8))));
        }
        assertEquals(documents, golds.size(), "every document of " + dir + " has gold");
        eval.addIdentities(golds);
        return eval;
    }

    static void f1AtLeast(Evaluation eval, String type, double floor) {
        Evaluation.Score s = eval.scores().get(type);
        assertTrue(s.gold() > 0, type + " has no gold facts");
        assertTrue(s.f1() >= floor, type + " F1 " + s.f1() + " < " + floor + "\n" + eval.report());
    }

    static void accuracyAtLeast(Evaluation eval, String field, double floor) {
        Evaluation.Accuracy a = eval.accuracies().get(field);
        assertTrue(a != null && a.total() > 0, field + " was never checked");
        assertTrue(a.value() >= floor, field + " accuracy " + a.value() + " < " + floor + "\n" + eval.report());
    }

    static final List<String> MEETING_FIELDS = List.of("meeting.council", "meeting.ordinal", "meeting.start", "meeting.end",
        "meeting.venue", "meeting.online", "meeting.chair", "meeting.chairState");

    /**
     * Written blind by three writers and never tuned on. The floors are what the rules reached
     * when the set was first measured (attendees F1 0.989, chairmanship 0.986, next meeting 1.000,
     * meetings 24 of 24, every meeting field 1.000, mentions 1.000), so that a change losing
     * generalisation fails the build; every target of the issue (attendees, meeting fields and
     * chairmanship 0.95, mentions 0.97) is met on it. docs/QUALITY.md gives the figures.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HeldOut {
        Evaluation eval;

        @BeforeAll
        void score() throws IOException { eval = evaluate(Path.of("src/test/resources/heldout25"), 24); }

        @Test
        void everyDocumentYieldsItsMeeting() {
            Evaluation.Score s = eval.scores().get("meeting");
            assertEquals(s.gold(), s.matched(), "a meeting for every document\n" + eval.report());
        }

        @Test
        void factsAtTheirFloors() {
            f1AtLeast(eval, "mention", 0.99);
            f1AtLeast(eval, "next-meeting", 0.99);
            f1AtLeast(eval, "attendee", 0.98);
            f1AtLeast(eval, "chairmanship", 0.98);
            accuracyAtLeast(eval, "attendee.title", 0.98);
            accuracyAtLeast(eval, "attendee.capacity", 0.98);
        }

        @Test
        void meetingFieldsAtTheirFloors() {
            for (String f : MEETING_FIELDS) accuracyAtLeast(eval, f, 0.99);
        }
    }

    /** The texts the first rules were written on. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Seeds {
        Evaluation eval;

        @BeforeAll
        void score() throws IOException { eval = evaluate(Path.of("seeds"), 5); }

        @Test
        void factsAreFoundCompletelyAndNothingSpurious() {
            for (String type : List.of("meeting", "attendee", "mention", "chairmanship", "next-meeting")) f1AtLeast(eval, type, 0.98);
            assertTrue(eval.scores().get("attendee").gold() >= 70);
            assertTrue(eval.scores().get("mention").gold() >= 200);
        }

        @Test
        void fieldsOfMatchedFacts() {
            for (String f : MEETING_FIELDS) accuracyAtLeast(eval, f, 0.98);
            for (String f : List.of("attendee.title", "attendee.capacity", "mention.surface", "mention.nested", "mention.venue",
                                    "chairmanship.years"))
                accuracyAtLeast(eval, f, 0.98);
            // Left: one verb governing a list of titles, acts dated by an event earlier in the sentence.
            accuracyAtLeast(eval, "mention.date", 0.98);
            accuracyAtLeast(eval, "mention.action", 0.96);
        }

        @Test
        void canonicalDocumentsNeitherSplitNorMerge() {
            accuracyAtLeast(eval, "document.different", 1.0);
            accuracyAtLeast(eval, "document.same", 1.0);
        }
    }

    /** Written blind for the tests, and tuned on. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Development {
        Evaluation eval;

        @BeforeAll
        void score() throws IOException {
            try (var s = Files.list(Path.of("src/test/resources/dev"))) {
                eval = evaluate(Path.of("src/test/resources/dev"), (int) s.count());
            }
        }

        @Test
        void factsAndFields() {
            for (String type : List.of("meeting", "attendee", "mention", "chairmanship", "next-meeting")) f1AtLeast(eval, type, 0.97);
            for (String f : MEETING_FIELDS) accuracyAtLeast(eval, f, 0.97);
            for (String f : List.of("attendee.title", "attendee.capacity", "mention.action")) accuracyAtLeast(eval, f, 0.97);
            // Dates and places of acts named far from their title, or by an earlier event, are missed.
            for (String f : List.of("mention.date", "mention.venue")) accuracyAtLeast(eval, f, 0.95);
        }

        @Test
        void reportListsEveryTypeAndField() {
            String r = eval.report();
            for (String k : List.of("attendee", "mention.action", "document.same", "meeting.chairState")) assertTrue(r.contains(k), r);
        }
    }
}
