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

    @Test
    void aTableIsAnAlternationInPatternsAndALookupInValues() {
        RuleBook b = book("""
            table colour
              red = warm
              blue = cold
            end
            rule paint.one
              # a colour and what it feels like
              stage: s
              produce: paint
              pattern: (?<c>@colour) paint
              set: feel=colour[c], kind=paint
            end
            """);
        RuleMatch m = b.find(b.rule("paint.one"), "two tins of blue paint", 0);
        assertEquals("blue", m.group("c"));
        assertEquals("cold", m.value("feel"));
        assertEquals("paint", m.value("kind"));
        assertEquals(null, m.value("missing"));
        assertEquals("warm", b.table("colour").get("red"));
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> book("""
            table t
              a = 1
            end
            rule x.y
              stage: s
              produce: p
              pattern: (?<g>@t)
              set: v=t[nosuchgroup]
            end
            """));
        assertTrue(e.getMessage().contains("nosuchgroup"), e.getMessage());
    }

    @Test
    void aHigherPriorityWinsWhereMatchesOverlapAndStagesSelectRules() {
        RuleBook b = book("""
            stage one
            rule a.long
              # the longer, written first
              produce: x
              pattern: abcd
            end
            rule a.strong
              # shorter but stronger
              produce: y
              priority: 5
              pattern: bc
            end
            stage two
            rule b.other
              # another stage
              produce: x
              pattern: ab
            end
            """);
        List<RuleMatch> ms = b.findAll(b.stage("one"), "abcd", 0);
        assertEquals(List.of("a.strong"), ms.stream().map(m -> m.rule().name()).toList());
        assertEquals("a.strong", b.findFirst(b.stage("one"), "abcd", 0).rule().name());
        assertEquals(List.of("a.long"), b.stage("one", "x").stream().map(Rule::name).toList());
        assertEquals(List.of("b.other"), b.stage("two").stream().map(Rule::name).toList());
        // a stage's production asked for before the stage itself
        assertEquals(List.of("b.other"), b.stage("two", "x").stream().map(Rule::name).toList());
        assertEquals(List.of(), b.stage("three", "x"));
        assertEquals("one", b.rule("a.long").stage());
    }

    @Test
    void piecesMayBeDefinedInAnyFileAndCyclesAreRefused() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.rules", "stage s\nrule x.y\n  # uses a piece of b\n  produce: p\n  pattern: $LATER\nend\n");
        files.put("b.rules", "define LATER = later\n");
        RuleBook b = RuleBook.fromTexts(Map.of(), files);
        assertEquals("later", b.find(b.rule("x.y"), "sooner or later", 0).text());
        files.put("b.rules", "define LATER = $AGAIN\ndefine AGAIN = $LATER\n");
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleBook.fromTexts(Map.of(), files));
        assertTrue(e.getMessage().contains("uses itself"), e.getMessage());
    }

    @Test
    void aLexiconMatchesItsLongestEntryWrittenAsATrie() {
        String alt = RuleBook.alternation(List.of("俄罗斯", "俄罗斯联邦", "印度", "印度尼西亚", "中国"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(alt).matcher("印度尼西亚和俄罗斯联邦及俄罗斯");
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) found.add(m.group());
        assertEquals(List.of("印度尼西亚", "俄罗斯联邦", "俄罗斯"), found);
        assertTrue(alt.length() < "俄罗斯|俄罗斯联邦|印度|印度尼西亚|中国".length() * 4, alt);
    }

    @Test
    void aLexiconWithManyFirstCharactersMatchesWhatThePlainAlternationMatches() {
        // 40 first characters: the trie's branches are split into runs behind range lookaheads
        java.util.Random random = new java.util.Random(17);
        List<String> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            StringBuilder e = new StringBuilder();
            for (int k = 1 + random.nextInt(4); k > 0; k--) e.append((char) ('一' + random.nextInt(40)));
            if (!entries.contains(e.toString())) entries.add(e.toString());
        }
        String alt = RuleBook.alternation(entries);
        assertTrue(alt.contains("(?=["), alt);
        List<String> longestFirst = entries.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed())
            .map(java.util.regex.Pattern::quote).toList();
        java.util.regex.Pattern plain = java.util.regex.Pattern.compile("(?:" + String.join("|", longestFirst) + ")(?:丁|$)");
        java.util.regex.Pattern trie = java.util.regex.Pattern.compile(alt + "(?:丁|$)");
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) text.append((char) ('一' + random.nextInt(44)));
            List<String> a = new java.util.ArrayList<>(), b = new java.util.ArrayList<>();
            for (java.util.regex.Matcher m = plain.matcher(text); m.find(); ) a.add(m.start() + ":" + m.group());
            for (java.util.regex.Matcher m = trie.matcher(text); m.find(); ) b.add(m.start() + ":" + m.group());
            assertEquals(a, b, text.toString());
        }
    }

    @Test
    void ruleFilesAreReadFromADirectoryOnDiskBesideTheBuiltInOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("mine.rules"), """
            stage facts
            rule mine.greeting
              # a user's own phrasing
              produce: next-meeting
              pattern: 你好
            end
            """);
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a rule file");
        RuleBook b = RuleBook.fromClasspathDirectory(Map.of("state", List.of(), "state_short", List.of(), "city", List.of(),
            "council", List.of(), "scobody", List.of(), "org", List.of()), "rules", List.of(dir));
        assertEquals("facts", b.rule("mine.greeting").stage());
        assertTrue(b.rules().size() > 50, "the built-in rules are there too");
        assertTrue(b.rule("mine.greeting").origin().endsWith("mine.rules:2"), b.rule("mine.greeting").origin());
    }

    @Test
    void listsReadTogetherFindWhatEachFindsAlone() {
        RuleBook b = book("""
            stage buying
            rule buy.fruit
              # a count and a fruit
              produce: purchase
              pattern: (?<n>[0-9]+) (?<f>@fruit)
              example: 3 pear
            end
            rule buy.any
              # a count of anything, worth less
              produce: purchase
              priority: -1
              pattern: (?<n>[0-9]+) (?<f>[a-z]+)
              example: 3 figs
            end
            stage paying
            rule pay.coins
              # coins paid
              produce: payment
              pattern: paid (?<n>[0-9]+) coins
              example: paid 4 coins
            end
            stage other
            rule other.any
              # never read with the others
              produce: x
              pattern: coins
              example: coins
            end
            """);
        RuleBook.Together together = b.together(b.stage("buying"), b.stage("paying"));
        for (String text : List.of("I paid 4 coins for 12 pineapples and 2 figs", "2 figs", "nothing here", "")) {
            RuleBook.Scan scan = together.scan(text);
            assertEquals(String.valueOf(b.findAll(b.stage("buying"), text, 7)), String.valueOf(b.findAll(b.stage("buying"), scan, 7)), text);
            assertEquals(String.valueOf(b.findFirst(b.stage("buying"), text, 0)), String.valueOf(b.findFirst(b.stage("buying"), scan, 0)), text);
            assertEquals(String.valueOf(b.findFirst(b.stage("paying"), text, 0)), String.valueOf(b.findFirst(b.stage("paying"), scan, 0)), text);
        }
        RuleBook.Scan scan = together.scan("I paid 4 coins for 12 pineapples");
        assertEquals("buy.fruit", b.findFirst(b.stage("buying"), scan, 0).rule().name());
        assertEquals("4", b.findFirst(b.stage("paying"), scan, 0).group("n"));
        assertThrows(IllegalArgumentException.class, () -> b.findAll(b.stage("other"), scan, 0));
    }
}
