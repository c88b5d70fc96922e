package org.scokg.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The engine on rule files written here: it knows nothing of SCO. */
class RuleBookTest {
    private static RuleBook book(String text) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("test.rules", text);
        return RuleBook.fromTexts(Map.of("fruit", List.of("apple", "pineapple", "pear")), files);
    }

    @Test
    void piecesAndLexiconsExpandAndLongestLexiconEntryWins() {
        RuleBook b = book("""
            define N = [0-9]+
            rule buy.fruit
              # a count and a fruit
              stage: s
              produce: purchase
              pattern: (?<n>$N) (?<f>@fruit)
              example: 3 pineapple
              expect: n=3; f=pineapple
            end
            """);
        RuleMatch m = b.find(b.rule("buy.fruit"), "I got 12 pineapples", 0);
        assertEquals("12", m.group("n"));
        assertEquals("pineapple", m.group("f"));
        assertEquals(6, m.start());
    }

    @Test
    void findAllKeepsLeftmostLongestWithoutOverlap() {
        RuleBook b = book("""
            stage s
            rule t.short
              # short
              produce: x
              pattern: ab
              example: ab
            end
            rule t.long
              # long
              produce: x
              pattern: abc
              example: abc
            end
            """);
        List<RuleMatch> ms = b.findAll(b.stage("s"), "xabcab", 100);
        assertEquals(2, ms.size());
        assertEquals("t.long", ms.get(0).rule().name());
        assertEquals(101, ms.get(0).start());
        assertEquals("t.short", ms.get(1).rule().name());
        assertEquals(104, ms.get(1).start());
    }

    @Test
    void errorsNameTheFileAndLine() {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> book("""
            stage s
            rule a.b
              produce: x
              pattern: $MISSING
            end
            """));
        assertTrue(e.getMessage().startsWith("test.rules:2"), e.getMessage());
        e = assertThrows(RuleSyntaxException.class, () -> book("stage s\nrule a.b\n  produce: x\n  pattern: (\nend\n"));
        assertTrue(e.getMessage().contains("bad pattern"), e.getMessage());
        e = assertThrows(RuleSyntaxException.class, () -> book("rule a.b\n  pattern: x\n"));
        assertTrue(e.getMessage().contains("no 'end'"), e.getMessage());
        e = assertThrows(RuleSyntaxException.class, () -> book("stage s\nrule a.b\n  produce: x\n  pattern: @veg\nend\n"));
        assertTrue(e.getMessage().contains("unknown lexicon or table @veg"), e.getMessage());
    }
}
