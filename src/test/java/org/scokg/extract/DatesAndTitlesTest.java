package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.Test;

class DatesAndTitlesTest {
    @Test
    void datesAsPreciseAsWritten() {
        assertEquals("2021-09-17", Dates.parse("2021年9月17日").start().lexical());
        assertEquals(XSDDatatype.XSDgYearMonth, Dates.parse("2009年6月").start().datatype());
        assertEquals("2009-06", Dates.parse("2009年6月").start().lexical());
        assertEquals(XSDDatatype.XSDgYear, Dates.parse("1945年").start().datatype());
        assertEquals("2021-11-25", Dates.parse("二〇二一年十一月二十五日").start().lexical());
        Dates.Range within = Dates.parse("2025年11月17日至18日");
        assertEquals("2025-11-18", within.end().lexical());
        Dates.Range across = Dates.parse("2025年8月31日至9月1日");
        assertEquals("2025-08-31", across.start().lexical());
        assertEquals("2025-09-01", across.end().lexical());
        assertEquals("2024-01-02", Dates.parse("2023年12月30日至1月2日").end().lexical());
        assertNull(Dates.parse("2021年2月30日"));
        assertNull(Dates.parse("没有日期"));
    }

    @Test
    void chineseNumerals() {
        assertEquals(22, ChineseNumerals.parse("二十二"));
        assertEquals(10, ChineseNumerals.parse("十"));
        assertEquals(105, ChineseNumerals.parse("一百零五"));
        assertEquals(2021, ChineseNumerals.parseYear("二〇二一"));
    }

    @Test
    void titleScannerNestsAndSurvivesUnbalancedMarks() {
        TitleScanner.Result r = TitleScanner.scan("批准了《〈甲构想〉行动计划》和《《乙条约》实施纲要》，以及《未闭合。后来《丙》");
        assertEquals(5, r.spans().size(), r.toString());
        assertEquals(-1, r.spans().get(0).parent());
        assertEquals(0, r.spans().get(1).parent());
        assertEquals(2, r.spans().get(3).parent());
        assertEquals(1, r.unclosed().size());
    }

    @Test
    void manySiblingTitlesEachHaveNoParent() {
        // 50,000 titles side by side: the parent search must not look back over all of them.
        TitleScanner.Result r = TitleScanner.scan("《甲》、".repeat(50_000));
        assertEquals(50_000, r.spans().size());
        assertTrue(r.spans().stream().allMatch(s -> s.parent() == -1));
    }

    @Test
    void pathologicalBracketsStayLinear() {
        // 200,000 opening marks and no close: every mark is dropped, none is a title.
        String hostile = "《".repeat(200_000) + "》".repeat(3);
        TitleScanner.Result r = TitleScanner.scan(hostile);
        assertTrue(r.spans().size() <= 3);
    }

    @Test
    void aYearDoesNotContradictADayOfThatYear() {
        assertTrue(Dates.consistent("2021", "2021-11-25"));
        assertTrue(Dates.consistent("2021-11", "2021-11-25"));
        assertFalse(Dates.consistent("2021-11-25", "2021-11-26"));
        assertFalse(Dates.consistent("2020", "2021-11-25"));
        assertFalse(Dates.disagree(java.util.List.of("2021", "2021-11", "2021-11-25")));
        assertTrue(Dates.disagree(java.util.List.of("2021", "2014-09-12")));
    }
}
