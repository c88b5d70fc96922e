package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scokg.text.SourceText;

/** Names the gazetteer does not know: handled with a clear warning, not a guess or silence. */
class UnknownNamesTest {
    // 南斯拉夫联盟共和国 no longer exists (no gazetteer of today's states has it); the institute is
    // no international organisation. Both are named in real texts' lists all the same.
    static final String TEXT = "2027年6月10日，上海合作组织成员国元首理事会第二十七次会议在伊塞克湖举行。"
        + "中华人民共和国主席习近平、吉尔吉斯共和国总统扎帕罗夫出席会议。"
        + "会议主办国客人土库曼斯坦总统别尔德穆哈梅多夫、南斯拉夫联盟共和国副总理科斯蒂奇以及丝路沿线城市研究院院长马丁列席会议。";

    @Test
    void delegatesOfUnknownStatesAndOrganisationsAreExtractedFlaggedAndNamedInAWarning() {
        Facts.Document d = Extraction.facts(new SourceText("unknown.txt", TEXT));
        List<String> names = d.attendances().stream().map(a -> a.person().name()).toList();
        assertEquals(List.of("习近平", "扎帕罗夫", "别尔德穆哈梅多夫", "科斯蒂奇", "马丁"), names);
        Facts.Attendance kostic = d.attendances().get(3), martin = d.attendances().get(4);
        assertEquals("副总理", kostic.title());
        assertEquals("guest", kostic.capacity(), "the host's guests, whatever their state");
        assertEquals("院长", martin.title());
        assertEquals("organization", martin.capacity());
        // Each is minted once, flagged unresolved with its name as written, and warned about once.
        assertEquals(List.of("state 南斯拉夫联盟共和国", "organisation 丝路沿线城市研究院"),
            d.unresolved().stream().filter(u -> !u.kind().equals("council")).map(u -> u.kind() + " " + u.label()).toList());
        assertEquals(kostic.representsIri(), d.unresolved().get(0).iri());
        assertEquals(martin.representsIri(), d.unresolved().get(1).iri());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("state '南斯拉夫联盟共和国'") && w.contains("科斯蒂奇")
            && w.contains("ontology/gazetteer.ttl")), d.warnings().toString());
        assertEquals(1, d.warnings().stream().filter(w -> w.contains("丝路沿线城市研究院")).count(), d.warnings().toString());
    }

    @Test
    void anUnresolvedEntityIsTypedLabelledAndFlaggedInTheGraph() {
        var m = org.scokg.pipeline.ExtractedDocument.extract(new SourceText("unknown.txt", TEXT)).model();
        String q = "PREFIX sco: <https://w3id.org/scokg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            + "SELECT ?label WHERE { ?p a sco:Participation ; sco:represents ?s . ?s a sco:State ; sco:unresolved true ; skos:prefLabel ?label }";
        try (var qe = org.apache.jena.query.QueryExecutionFactory.create(q, m)) {
            var rs = qe.execSelect();
            assertTrue(rs.hasNext(), "the participation's state is in the graph, flagged");
            assertEquals("南斯拉夫联盟共和国", rs.next().getLiteral("label").getString());
        }
    }

    @Test
    void anUnknownVenueIsMintedWithAWarning() {
        Facts.Document d = Extraction.facts(new SourceText("unknown.txt", TEXT));
        assertEquals("伊塞克湖", d.meeting().place().label());
        assertTrue(!d.meeting().place().known());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("place '伊塞克湖' is not in the gazetteer")), d.warnings().toString());
    }

    @Test
    void homophoneNamesAreDifferentPeople() {
        // 罗娥 and 洛鄂 are both luo-e in pinyin; the same name twice is one person.
        Facts.Document d = Extraction.facts(new SourceText("homophones.txt",
            "2027年6月10日，上海合作组织成员国外交部长理事会会议在比什凯克举行。"
            + "中华人民共和国外交部部长罗娥、俄罗斯联邦外交部部长洛鄂出席会议。"));
        Facts.Document again = Extraction.facts(new SourceText("again.txt",
            "2028年6月10日，上海合作组织成员国外交部长理事会会议在北京举行。中华人民共和国外交部部长罗娥出席会议。"));
        List<String> keys = d.attendances().stream().map(a -> a.person().key()).toList();
        assertEquals(2, keys.size(), keys.toString());
        assertTrue(keys.get(0).startsWith("chn-luo-e-") && keys.get(1).startsWith("rus-luo-e-"), keys.toString());
        assertTrue(!keys.get(0).substring(4).equals(keys.get(1).substring(4)), keys.toString());
        assertEquals(keys.get(0), again.attendances().get(0).person().key());
    }
}
