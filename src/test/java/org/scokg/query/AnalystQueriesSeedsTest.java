package org.scokg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.evaluate.Gold;
import org.scokg.query.Fixture.Table;
import org.scokg.store.ScokgStore;

/**
 * The analysts' canned queries (search, changes, person-timeline) on the seeds store, checked
 * against what the seed texts and their gold annotations say, computed here from those files:
 * every sentence holding a term and none without it, the documents new, dropped and kept between
 * two years, a person's meetings with the title the text gives in each.
 */
class AnalystQueriesSeedsTest {
    @TempDir static Path dir;
    static ScokgStore store;
    /** The seeds' gold annotations, by source file name. */
    static final Map<String, Gold> GOLD = new TreeMap<>();

    @BeforeAll
    static void build() throws Exception {
        store = ScokgStore.open(dir.resolve("tdb2"));
        store.build(List.of(Path.of("seeds")), s -> {});
        for (Path seed : seeds()) {
            String name = seed.getFileName().toString();
            GOLD.put(name, Gold.read(Path.of("src/test/resources/gold", name + ".tsv")));
        }
    }

    @AfterAll
    static void close() { store.close(); }

    static List<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static Table run(String name, Map<String, String> params) {
        return Fixture.run(store.dataset(), name, params);
    }

    static int occurrences(String text, String term) {
        int n = 0;
        for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) n++;
        return n;
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchFindsEverySentenceHoldingTheTermAndNoOther() throws IOException {
        Table t = findsExactly("粮食安全");
        Table traditional = run("search", Map.of("q", "糧食安全"));
        assertEquals(places(t), places(traditional), "traditional script finds the same sentences");
    }

    /** 反恐 is inside the word 反恐怖 for a word segmenter; the index's pairs of characters find it there too. */
    @Test
    void searchFindsAShortTermInsideLongerWords() throws IOException {
        findsExactly("反恐");
        findsExactly("数字经济");
        findsExactly("国际道路运输便利化协定");
    }

    /** Asserts that search finds each sentence holding {@code term} in the seed texts, and no other; returns its answer. */
    static Table findsExactly(String term) throws IOException {
        Map<String, Integer> inTexts = new TreeMap<>();
        for (Path seed : seeds()) {
            int n = occurrences(Files.readString(seed).replaceAll("\\s", ""), term);
            if (n > 0) inTexts.put(seed.getFileName().toString(), n);
        }
        assertTrue(inTexts.size() >= 2, "the seeds talk of " + term + " in several sources: " + inTexts);

        Table t = run("search", Map.of("q", term));
        assertEquals(List.of("source", "meetingDate", "sentence", "offset", "score"), t.columns().subList(0, 5));
        Map<String, Integer> inRows = new TreeMap<>();
        Set<String> places = new TreeSet<>();
        for (int i = 0; i < t.rows().size(); i++) {
            String sentence = t.get(i, "sentence");
            assertTrue(sentence.contains(term), "row " + i + " has no " + term + ": " + sentence);
            assertTrue(places.add(t.get(i, "source") + "@" + t.get(i, "offset")), "one row per sentence");
            inRows.merge(t.get(i, "source"), occurrences(sentence, term), Integer::sum);
            // the offset points at the sentence in the source text
            String src = Files.readString(Path.of("seeds", t.get(i, "source")));
            int from = src.offsetByCodePoints(0, Integer.parseInt(t.get(i, "offset")));
            int to = src.offsetByCodePoints(0, Integer.parseInt(t.get(i, "end")));
            assertTrue(src.substring(from, to).replaceAll("\\s", "").contains(term), "the text at the row's span holds " + term);
        }
        assertEquals(inTexts, inRows, "each occurrence of " + term + " in the texts is in one row's sentence");
        List<Float> scores = t.rows().stream().map(r -> r.get("score").asLiteral().getFloat()).toList();
        for (int i = 1; i < scores.size(); i++) assertTrue(scores.get(i - 1) >= scores.get(i), "best first: " + scores);
        return t;
    }

    @Test
    void searchReadsTheShortNameOfTheOrganisationAsTheLongOne() {
        Table shortName = run("search", Map.of("q", "上合组织秘书长"));
        Table longName = run("search", Map.of("q", "上海合作组织秘书长"));
        assertFalse(shortName.rows().isEmpty());
        assertEquals(places(shortName), places(longName));
        for (String s : shortName.column("sentence"))
            assertTrue(s.contains("上合组织秘书长") || s.contains("上海合作组织秘书长"), s);
    }

    @Test
    void searchPartsSeparatedBySpacesMustAllAppear() {
        Table t = run("search", Map.of("q", "粮食安全 农业"));
        assertFalse(t.rows().isEmpty());
        for (String s : t.column("sentence")) assertTrue(s.contains("粮食安全") && s.contains("农业"), s);
        assertTrue(t.rows().size() < run("search", Map.of("q", "粮食安全")).rows().size());
    }

    static Set<String> places(Table t) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < t.rows().size(); i++) out.add(t.get(i, "source") + "@" + t.get(i, "offset"));
        return out;
    }

    // ------------------------------------------------------------------ changes

    /** The canonical documents the gold mentions of the sources of {@code year} name, by the store's mention at each gold offset. */
    static Set<String> citedIn(String year) {
        Table mentions = run("mentions", Map.of());
        Map<String, String> docAt = new HashMap<>();
        for (int i = 0; i < mentions.rows().size(); i++)
            docAt.put(mentions.get(i, "source") + "@" + mentions.get(i, "offset"), mentions.get(i, "doc"));
        Set<String> docs = new TreeSet<>();
        GOLD.forEach((source, gold) -> {
            if (!gold.of("meeting").get(0).get("start").startsWith(year)) return;
            for (Gold.Fact m : gold.of("mention")) {
                String doc = docAt.get(source + "@" + m.get("offset"));
                assertNotNull(doc, "the store has the gold mention " + m.get("surface") + " of " + source);
                docs.add(doc);
            }
        });
        return docs;
    }

    @Test
    void changesListsTheDocumentsNewDroppedAndKeptBetweenTwoYears() {
        Set<String> before = citedIn("2023"), after = citedIn("2025");
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String d : after) expected.computeIfAbsent(before.contains(d) ? "kept" : "new", k -> new TreeSet<>()).add(d);
        for (String d : before) if (!after.contains(d)) expected.computeIfAbsent("dropped", k -> new TreeSet<>()).add(d);
        assertEquals(Set.of("new", "dropped", "kept"), expected.keySet(), "the seeds have each kind of change");

        for (Map<String, String> params : List.of(Map.of("from", "2023", "to", "2025"),
                Map.of("from", "2023", "to", "2025", "council", "heads-of-government"))) {
            Table t = run("changes", params);
            assertEquals(List.of("doc", "title", "change"), t.columns().subList(0, 3));
            Map<String, Set<String>> actual = new TreeMap<>();
            for (int i = 0; i < t.rows().size(); i++) {
                assertNotNull(t.get(i, "title"), t.get(i, "doc"));
                assertTrue(actual.computeIfAbsent(t.get(i, "change"), k -> new TreeSet<>()).add(t.get(i, "doc")), "one row per document");
            }
            assertEquals(expected, actual, params.toString());
        }
        assertTrue(run("changes", Map.of("from", "2023", "to", "2025", "council", "heads-of-state")).rows().isEmpty(),
            "no heads-of-state meeting in 2023 or 2025 in the seeds");
    }

    @Test
    void changesNeedsTwoYears() {
        CannedQuery q = CannedQueries.builtIn().get("changes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> q.prepare(store.dataset(), Map.of("from", "twenty", "to", "2025"), Page.ALL, 0));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> q.prepare(store.dataset(), Map.of("from", "2023"), Page.ALL, 0));
    }

    // ------------------------------------------------------------------ person-timeline

    /** Each gold attendee named {@code name}: "date title ISO3". */
    static Set<String> goldAttendances(String name) {
        Set<String> out = new TreeSet<>();
        GOLD.values().forEach(g -> {
            for (Gold.Fact a : g.of("attendee"))
                if (a.get("name").equals(name)) out.add(g.of("meeting").get(0).get("start") + " " + a.get("title") + " " + a.get("represents"));
        });
        return out;
    }

    static Set<String> timeline(Table t, String name) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < t.rows().size(); i++)
            if (name.equals(t.get(i, "name"))) out.add(t.get(i, "meetingDate") + " " + t.get(i, "role") + " " + t.get(i, "countryCode"));
        return out;
    }

    @Test
    void personTimelineListsMishustinsFourMeetingsWithHisTitleAsWrittenInEach() {
        Set<String> expected = goldAttendances("米舒斯京");
        assertEquals(4, expected.size(), expected.toString());
        assertTrue(expected.stream().map(s -> s.split(" ")[1]).distinct().count() > 1, "the texts write his title two ways: " + expected);
        for (String name : List.of("米舒斯京", "mishusijing", "Mi Shusijing", "mi shu si jing")) {
            Table t = run("person-timeline", Map.of("name", name));
            assertEquals(List.of("person", "name", "meeting", "meetingDate", "countryCode", "orgLabel", "role"), t.columns().subList(0, 7));
            assertEquals(4, t.rows().size(), name);
            assertEquals(expected, timeline(t, "米舒斯京"), name);
            for (String m : t.column("meeting")) assertTrue(m.contains("/heads-of-government/"), m);
        }
    }

    @Test
    void personTimelineAgreesWithTheGoldForEveryNamedDelegate() {
        Table all = run("person-timeline", Map.of());
        Set<String> names = new TreeSet<>();
        GOLD.values().forEach(g -> g.of("attendee").forEach(a -> { if (!a.get("name").isEmpty()) names.add(a.get("name")); }));
        List<String> wrong = new ArrayList<>();
        for (String n : names) {
            Set<String> expected = new TreeSet<>();
            for (String s : goldAttendances(n)) {
                String[] p = s.split(" ");
                // an organisation's row has no country code
                expected.add(p[0] + " " + p[1] + " " + (p[2].matches("[A-Z]{3}") ? p[2] : "null"));
            }
            if (!expected.equals(timeline(all, n))) wrong.add(n + ": gold " + expected + ", timeline " + timeline(all, n));
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + names.size() + " delegates differ: " + wrong);
    }

    @Test
    void personTimelineTakesTraditionalScript() {
        Table simplified = run("person-timeline", Map.of("name", "李强"));
        assertFalse(simplified.rows().isEmpty());
        assertEquals(simplified.rows(), run("person-timeline", Map.of("name", "李強")).rows());
    }
}
