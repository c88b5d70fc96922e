package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scokg.text.SourceText;

/**
 * Extraction on a communiqué written for this test (not a seed): another council, other
 * names, a city in the gazetteer only as a place, a title broken across lines, 协议 for
 * 协定, a nested title, the bracketed date style, dialogue partners and an organisation.
 */
class GenreDocumentTest {
    static Facts.Document doc;

    @BeforeAll
    static void extract() throws IOException {
        try (InputStream in = GenreDocumentTest.class.getResourceAsStream("/dev/heads-of-state-2026.txt")) {
            doc = Extraction.facts(new SourceText("heads-of-state-2026.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void meetingWithRangeOrdinalAndVenue() {
        Facts.Meeting m = doc.meeting();
        assertNotNull(m);
        assertTrue(m.councilIri().endsWith("/org/heads-of-state"));
        assertEquals(26, m.ordinal());
        assertEquals("2026-06-15", m.dates().start().lexical());
        assertEquals("2026-06-16", m.dates().end().lexical());
        assertTrue(m.place().iri().endsWith("/place/ulaanbaatar"));
        assertFalse(m.online());
        assertEquals("上海合作组织成员国元首理事会第二十六次会议新闻公报", doc.title());
    }

    @Test
    void everyAttendeeWithStateTitleAndCapacity() {
        Map<String, Facts.Attendance> byName = doc.attendances().stream().filter(a -> a.person() != null)
            .collect(Collectors.toMap(a -> a.person().name(), a -> a));
        assertEquals(16, byName.size(), byName.keySet().toString());
        assertEquals("主席", byName.get("习近平").title());
        assertEquals("member", byName.get("习近平").capacity());
        assertTrue(byName.get("普京").representsIri().endsWith("/state/RUS"));
        assertEquals("sco_body", byName.get("沙尔舍耶夫").capacity());
        assertEquals("observer", byName.get("呼日勒苏赫").capacity());
        assertEquals("guest", byName.get("埃尔多安").capacity());
        assertEquals("guest", byName.get("阿利耶夫").capacity());
        assertEquals("organization", byName.get("迪卡洛").capacity());
        assertEquals("副秘书长", byName.get("迪卡洛").title());
        assertEquals("sat-in", byName.get("迪卡洛").mode());
        assertEquals("attended", byName.get("普京").mode());
    }

    @Test
    void chairChairmanshipsAndNextMeeting() {
        assertEquals("扎帕罗夫", doc.chair().person().name());
        assertEquals(2, doc.chairmanships().size());
        Facts.Chairmanship out = doc.chairmanships().get(0);
        assertTrue(out.stateIri().endsWith("/KGZ"));
        assertEquals("outgoing", out.status());
        assertEquals(2025, out.fromYear());
        Facts.Chairmanship in = doc.chairmanships().get(1);
        assertTrue(in.stateIri().endsWith("/PAK"));
        assertEquals("incoming", in.status());
        assertEquals(2027, in.toYear());
        Facts.NextMeeting next = doc.nextMeetings().get(0);
        assertEquals(2027, next.year());
        assertTrue(next.hostStateIri().endsWith("/state/PAK"), "host city resolves to its state");
    }

    @Test
    void mentionsWithBrokenTitleNestingAndBothDateStyles() {
        List<Facts.Mention> ms = doc.mentions();
        assertEquals(5, ms.size(), ms.toString());
        Facts.Mention road = ms.get(0);
        assertEquals("上海合作组织成员国政府间国际道路运输便利化协议", road.surface());
        assertEquals(TitleKey.of("上合组织成员国政府间国际道路运输便利化协定"), road.key());
        assertEquals("signed", road.action());
        assertEquals("2014-09-12", road.date().lexical());
        assertTrue(road.place().iri().endsWith("/place/dushanbe"));
        assertEquals('《', doc.mentions().get(0).anchor().charAt(0));

        Facts.Mention programme = ms.get(1);
        assertEquals("approved", programme.action());
        assertEquals("2026-06", programme.date().lexical(),
            "批准了 at a two-day meeting: the text supports the month, not a day");
        Facts.Mention treaty = ms.get(2);
        assertEquals(1, treaty.nestedIn());
        assertEquals("上合组织成员国长期睦邻友好合作条约", treaty.surface());
        assertEquals("none", treaty.action());

        Facts.Mention energy = ms.get(3);
        assertEquals("2025-09-01", energy.date().lexical());
        assertTrue(energy.place().iri().endsWith("/place/tianjin"));
        Facts.Mention charter = ms.get(4);
        assertEquals("1945", charter.date().lexical());
        assertEquals("adopted", charter.action());
    }

    @Test
    void citedEventsBelongToASeries() {
        assertEquals(1, doc.events().size(), doc.events().toString());
        Facts.Event transport = doc.events().get(0);
        assertEquals("上合组织成员国交通部长第十一次会议", transport.name());
        assertEquals("上合组织成员国交通部长会议", transport.seriesName());
        assertEquals(11, transport.ordinal());
        assertEquals("2026-03-03", transport.dates().start().lexical());
        assertTrue(transport.place().iri().endsWith("/place/almaty"));
    }

    @Test
    void offsetsPointAtTheOpeningMarkInTheOriginalText() throws IOException {
        String original;
        try (InputStream in = GenreDocumentTest.class.getResourceAsStream("/dev/heads-of-state-2026.txt")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Facts.Mention m : doc.mentions()) {
            int at = original.offsetByCodePoints(0, m.begin());
            assertEquals(m.anchor(), original.substring(at, original.offsetByCodePoints(0, m.end())));
        }
    }

    @Test
    void unrelatedTextGivesNoFactsAndAWarning() {
        Facts.Document d = Extraction.facts(new SourceText("recipe.txt", "把鸡蛋打散，加入少许盐。锅中放油，倒入蛋液翻炒。"));
        assertNull(d.meeting());
        assertTrue(d.attendances().isEmpty());
        assertTrue(d.mentions().isEmpty());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("no facts found")), d.warnings().toString());
    }
}
