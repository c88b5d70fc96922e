package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.scokg.text.SourceText;

/**
 * The state of a meeting's chair, on short texts written for the test: the state a chair
 * represents, or, for a body's officer, the state the title names or the state whose rotating
 * chair of the body the text says is in office; none for a body's own officer.
 */
class ChairStateTest {
    static Facts.Chair chair(String text) {
        return Extraction.facts(new SourceText("chair.txt", text)).chair();
    }

    static String code(String iri) { return iri == null ? null : iri.substring(iri.lastIndexOf('/') + 1); }

    @Test
    void aStatesDelegateChairsForTheirState() {
        Facts.Chair c = chair("2024年6月5日，上海合作组织成员国交通部长会议在阿斯塔纳举行。会议由哈萨克斯坦共和国交通部长拉·马赫穆多夫主持。");
        assertEquals("KAZ", code(c.stateIri()));
        assertEquals("KAZ", code(c.representsIri()));
    }

    @Test
    void aBodysRotatingChairNamedWithTheirStatesSide() {
        Facts.Chair c = chair("2016年6月22日，上海合作组织实业家委员会理事会会议在塔什干举行。"
            + "会议由实业家委员会轮值主席、乌方分委会主席阿·伊克拉莫夫主持。");
        assertEquals("sco-business-council", code(c.representsIri()));
        assertEquals("UZB", code(c.stateIri()));
    }

    @Test
    void aBodysRotatingChairTakesTheStateWhoseTermIsInOffice() {
        Facts.Chair c = chair("2014年9月10日，上海合作组织实业家委员会理事会会议在杜尚别举行。"
            + "会议由实业家委员会轮值主席沙·萨伊多夫主持。"
            + "理事会高度评价塔吉克斯坦分委会担任2013—2014年实业家委员会轮值主席期间所做的工作。"
            + "会议商定，由俄罗斯分委会接任2014—2015年实业家委员会轮值主席。");
        assertEquals("TJK", code(c.stateIri()));
    }

    @Test
    void aBodysOwnOfficerHoldsNoStatesChair() {
        Facts.Chair c = chair("2021年4月20日，上海合作组织论坛第十六次会议以视频方式举行。"
            + "会议由上海合作组织秘书长诺罗夫主持。"
            + "与会者高度评价塔吉克斯坦共和国担任2020—2021年上合组织轮值主席国期间所做的工作。");
        assertEquals("sco-secretariat", code(c.representsIri()));
        assertNull(c.stateIri());
    }
}
