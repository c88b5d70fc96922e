package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scokg.text.SourceText;

/** Names the gazetteer does not know: handled with a clear warning, not a guess or silence. */
class UnknownNamesTest {
    static final String TEXT = "2027年6月10日，上海合作组织成员国元首理事会第二十七次会议在伊塞克湖举行。"
        + "中华人民共和国主席习近平、吉尔吉斯共和国总统扎帕罗夫出席会议。"
        + "会议主办国客人土库曼斯坦总统别尔德穆哈梅多夫以及南斯拉夫联盟共和国副总理拉布斯列席会议。";

    @Test
    void anUnknownStateIsNamedInAWarningAndKnownOnesAreUnaffected() {
        Facts.Document d = Extraction.facts(new SourceText("unknown.txt", TEXT));
        List<String> names = d.attendances().stream().map(a -> a.person().name()).toList();
        assertEquals(List.of("习近平", "扎帕罗夫", "别尔德穆哈梅多夫"), names);
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("unknown state '南斯拉夫联盟共和国'") && w.contains("拉布斯")),
            d.warnings().toString());
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
