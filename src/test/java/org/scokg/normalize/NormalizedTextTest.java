package org.scokg.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NormalizedTextTest {
    @Test
    void whitespaceGoesPunctuationFoldsAndOffsetsMapBack() {
        String original = "　　2019 - 2020年,上海\r\n合作組織(SCO)";
        NormalizedText nt = NormalizedText.of(original, List.of());
        assertEquals("2019-2020年，上海合作组织（SCO）", nt.text());
        int he = nt.text().indexOf('合');
        assertEquals('合', original.charAt(nt.toOriginal(he)));
        assertTrue(nt.isBreak(he), "a line break was removed before 合");
        assertFalse(nt.isBreak(nt.text().indexOf('-')), "a single space is not a layout break");
        assertTrue(nt.hadTraditionalScript());
        assertEquals("上海\r\n合作組織", nt.originalSpan(nt.text().indexOf('上'), nt.text().indexOf('织') + 1));
    }

    @Test
    void noiseSpansAreDroppedAndCountAsBreaks() {
        String original = "协定（下转第四版）的重要性";
        int from = original.indexOf('（'), to = original.indexOf('）') + 1;
        NormalizedText nt = NormalizedText.of(original, List.of(new int[] {from, to}));
        assertEquals("协定的重要性", nt.text());
        assertTrue(nt.isBreak(2));
    }

    @Test
    void codePointOffsetsCountCharactersOutsideTheBmpOnce() {
        String original = "𠀀𠀁 《条约》";  // two supplementary characters, then a title
        NormalizedText nt = NormalizedText.of(original, List.of());
        int open = nt.text().indexOf('《');
        assertEquals(3, nt.codePointOffset(open));
        assertEquals(original.codePointCount(0, original.indexOf('《')), nt.codePointOffset(open));
    }

    @Test
    void isSpaceFastPathAgreesWithTheDefinitionForEveryChar() {
        for (int c = 0; c <= 0xFFFF; c++) {
            char ch = (char) c;
            boolean defined = Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '\uFEFF' || ch == '\u200B';
            assertEquals(defined, NormalizedText.isSpace(ch), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void shortConversionsAreRememberedWithTheSameResult() {
        for (String s : List.of("聯合國憲章", "上海合作組織", "上合组织", "")) {
            String first = NormalizedText.toSimplified(s);
            assertEquals(first, NormalizedText.toSimplified(s));
            assertEquals(first, NormalizedText.toSimplified(new String(s.toCharArray())));
        }
        assertEquals("联合国宪章", NormalizedText.toSimplified("聯合國憲章"));
    }

    @Test
    void anEmptyLineStartsAParagraphAndAWrappedLineDoesNot() {
        NormalizedText nt = NormalizedText.of("出席会议的有：\r\n马明\r\n\r\n会议认为\n\u3000\n成功", List.of());
        assertEquals("出席会议的有：马明会议认为成功", nt.text());
        assertTrue(nt.isLineStart(7) && !nt.isParagraphStart(7), "one line break is a line");
        assertTrue(nt.isParagraphStart(9), "an empty line is a paragraph");
        assertTrue(nt.isParagraphStart(13), "a line of spaces is empty");
    }
}
