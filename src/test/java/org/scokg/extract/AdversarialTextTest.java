package org.scokg.extract;

import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.*;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.text.SourceText;

/**
 * Inputs built to make a regex backtrack or a scanner recurse: extraction must finish.
 * The 20 s bound is a hang guard, not a speed target.
 */
class AdversarialTextTest {
    static final int N = 200_000;

    static Stream<Arguments> texts() {
        return Stream.of(
            Arguments.of("enumeration commas", "、".repeat(N)),
            Arguments.of("SCO repeated", "上合组织".repeat(N / 4)),
            Arguments.of("digits", "1".repeat(N)),
            Arguments.of("date-like digits", "2023年10月".repeat(N / 8)),
            Arguments.of("states listed", "中华人民共和国、".repeat(N / 8) + "出席会议"),
            Arguments.of("titles of office", "国务院总理".repeat(N / 5)),
            Arguments.of("opening titles", "《".repeat(N)),
            Arguments.of("nested titles", "《".repeat(N / 2) + "》".repeat(N / 2)),
            Arguments.of("unbalanced closers", "》".repeat(N / 2) + "《协定"),
            Arguments.of("brackets and parentheses", "（".repeat(N / 2) + "(".repeat(N / 2)),
            Arguments.of("spaces and newlines", " \n　\r\n".repeat(N / 4) + "上合组织"),
            Arguments.of("meeting sentence prefix", ("上海合作组织成员国元首理事会第" + "二十".repeat(50)).repeat(N / 114)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void extractionFinishes(String name, String text) {
        ExtractedDocument d = assertTimeoutPreemptively(ofSeconds(20),
            () -> ExtractedDocument.extract(new SourceText("adversarial.txt", text)));
        assertNotNull(d.model());
    }
}
