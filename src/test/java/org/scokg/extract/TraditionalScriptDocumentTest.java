package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.text.SourceText;
import org.scokg.vocab.Sco;

/**
 * A document written for this test in traditional script, with half-width punctuation,
 * CRLF line ends, a web time stamp, and a newspaper page header that falls inside a
 * title broken across lines.
 */
class TraditionalScriptDocumentTest {
    static SourceText source;
    static Facts.Document doc;

    @BeforeAll
    static void extract() throws IOException {
        try (InputStream in = TraditionalScriptDocumentTest.class.getResourceAsStream("/dev/foreign-ministers-2019-traditional.txt")) {
            source = new SourceText("fm-2019.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        doc = Extraction.facts(source);
    }

    @Test
    void meetingOfAnotherCouncilInTraditionalScript() {
        assertTrue(doc.meeting().councilIri().endsWith("/org/foreign-ministers"));
        assertEquals("2019-05-21", doc.meeting().dates().start().lexical());
        assertEquals("2019-05-22", doc.meeting().dates().end().lexical());
        assertTrue(doc.meeting().place().iri().endsWith("/place/bishkek"));
        assertEquals("上海合作组织成员国外交部长理事会例行会议新闻公报", doc.title());
    }

    @Test
    void namesAndTitlesAreSimplified() {
        List<String> names = doc.attendances().stream().filter(a -> a.person() != null).map(a -> a.person().name()).toList();
        assertEquals(List.of("斯瓦拉吉", "阿塔姆库洛夫", "王毅", "艾达尔别科夫", "库雷希", "拉夫罗夫", "穆赫里丁", "卡米洛夫", "阿利莫夫"), names);
        Facts.Attendance wang = doc.attendances().get(2);
        assertEquals("国务委员兼外交部长", wang.title());
        assertEquals("艾达尔别科夫", doc.chair().person().name());
        assertEquals("sat-in", doc.attendances().get(8).mode());
    }

    @Test
    void titleBrokenByALineBreakAndAPageHeaderIsOneMention() {
        Facts.Mention road = doc.mentions().get(0);
        assertEquals("上海合作组织成员国政府间国际道路运输便利化协定", road.surface());
        assertEquals(TitleKey.of("上合组织成员国政府间国际道路运输便利化协定"), road.key());
        assertEquals("signed", road.action());
        assertEquals("2014-09-12", road.date().lexical());
        Facts.Mention concept = doc.mentions().get(1);
        assertEquals("2018-06-10", concept.date().lexical());
        assertTrue(concept.place().iri().endsWith("/place/qingdao"));
        assertEquals(2, doc.mentions().size());
    }

    @Test
    void chairmanshipAndNextMeeting() {
        assertEquals("outgoing", doc.chairmanships().get(0).status());
        assertEquals(2018, doc.chairmanships().get(0).fromYear());
        assertEquals(2020, doc.nextMeetings().get(0).year());
        assertTrue(doc.nextMeetings().get(0).hostStateIri().endsWith("/state/RUS"));
    }

    @Test
    void theTraditionalSpellingIsKeptAsAnExtraLabel() {
        Model m = ExtractedDocument.extract(source).model();
        assertTrue(m.listStatements(null, Sco.altLabel, (org.apache.jena.rdf.model.RDFNode) null).toList().stream()
            .anyMatch(s -> s.getLanguage().equals("zh-Hant") && s.getString().startsWith("上海合作組織成員國政府間國際道路運輸")),
            "no zh-Hant label");
    }
}
