package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TitleKeyTest {
    @Test
    void spellingVariantsOfOneDocumentShareAKey() {
        String k = TitleKey.of("上合组织成员国政府间国际道路运输便利化协定");
        assertEquals(k, TitleKey.of("上海合作组织成员国政府间国际道路运输便利化协议"));
        assertEquals(k, TitleKey.of("上海合作组织成员国政府间国际道路\n运输便利化 协定"));
        assertEquals(k, TitleKey.of("上海合作組織成員國政府間國際道路運輸便利化協定"));
        assertEquals(TitleKey.of("〈上合组织至2025年发展战略〉2021—2025年行动计划"),
            TitleKey.of("《上合组织至2025年发展战略》2021 - 2025年行动计划"));
        assertEquals(TitleKey.of("上合组织银行联合体中期发展战略（2022—2026年）"),
            TitleKey.of("上合组织银行联合体中期发展战略(2022－2026年)"));
        assertEquals(TitleKey.of("关于完善上合组织运作机制的建议"), TitleKey.of("关于完善上合组织运作机制建议"));
        assertEquals(TitleKey.of("2021至2022年合作纲要"), TitleKey.of("2021—2022年合作纲要"));
    }

    @Test
    void wordingThatChangesAcrossYearsWithoutChangingTheDocument() {
        assertEquals(TitleKey.of("上合组织成员国多边经贸合作纲要"), TitleKey.of("上海合作组织多边经贸合作纲要"));
        assertEquals(TitleKey.of("上合组织成员国主管部门间海关合作协定"), TitleKey.of("上合组织成员国海关合作协定"));
        assertEquals(TitleKey.of("上合组织成员国授权机构间数字经济领域合作构想"), TitleKey.of("上合组织成员国数字经济合作构想"));
        assertEquals(TitleKey.of("上合组织成员国公路部门（公路）协作构想"), TitleKey.of("上合组织成员国公路部门协作构想"));
        assertEquals(TitleKey.of("上合组织至2035年交通发展战略"), TitleKey.of("上合组织2035年前交通发展战略"));
        // 部门 after a sector and 工作 before 合作 are the same agreement's wording of another year
        assertEquals(TitleKey.of("上合组织成员国主管部门间妇女工作合作协定"), TitleKey.of("上合组织成员国妇女部门合作协议"));
        assertEquals(TitleKey.of("上合组织成员国体育部门间合作谅解备忘录"), TitleKey.of("上合组织成员国体育合作谅解备忘录"));
        // the scope first, whichever side of a short lead word it was written on
        assertEquals(TitleKey.of("推动上合组织成员国青年交流合作纲要"), TitleKey.of("上海合作组织成员国推动青年交流合作纲要"));
        assertEquals(TitleKey.of("关于上合组织扩员程序的条例"), TitleKey.of("上合组织关于扩员程序条例"));
    }

    @Test
    void aLeadWithYearsOrAnInnerTitleKeepsItsPlace() {
        // the years go last (version 2), the lead word with them keeps its place
        assertEquals("落实〈上合组织绿色之带纲要〉联合行动计划（2024—2026年）",
            TitleKey.of("2024－2026年落实《上合组织绿色之带纲要》联合行动计划"));
        assertEquals("中国—上合组织地方经贸合作示范区建设方案", TitleKey.of("中国-上合组织地方经贸合作示范区建设方案"));
        assertNotEquals(TitleKey.of("加强上合组织成员国海关合作构想"), TitleKey.of("上合组织成员国海关合作构想"));
    }

    @Test
    void differentDocumentsKeepDifferentKeys() {
        assertNotEquals(TitleKey.of("上合组织成员国海关合作协定"), TitleKey.of("上合组织成员国海关合作协定议定书"));
        // the sector before 部门 stays: health agencies' telemedicine is not just telemedicine by key
        assertNotEquals(TitleKey.of("上合组织成员国卫生部门远程医疗合作构想"), TitleKey.of("上合组织成员国远程医疗合作构想"));
        // a work plan is not a plan
        assertNotEquals(TitleKey.of("上合组织秘书处2024年工作计划"), TitleKey.of("上合组织秘书处2024年计划"));
        assertNotEquals(TitleKey.of("上合组织交通发展战略（2021—2025年）"), TitleKey.of("上合组织交通发展战略（2026—2030年）"));
        assertNotEquals(TitleKey.of("上合组织秘书处关于落实〈纲要〉举行活动的报告"), TitleKey.of("上合组织秘书处落实〈纲要〉举行活动情况的报告"));
        assertNotEquals(TitleKey.of("上合组织成员国环保合作构想"),
            TitleKey.of("〈上合组织成员国环保合作构想〉2022—2024年落实措施计划"));
        assertNotEquals(TitleKey.of("上合组织成员国卫生领域合作主要措施计划（2022—2024年）"),
            TitleKey.of("上合组织成员国卫生领域合作主要措施计划（2025—2027年）"));
    }

    @Test
    void documentTypesFromTheGenreWord() {
        assertEquals("Agreement", DocumentTypes.typeOf(TitleKey.of("上合组织成员国政府间文化合作协定")));
        assertEquals("Plan", DocumentTypes.typeOf(TitleKey.of("〈上合组织至2025年发展战略〉2021—2025年行动计划")));
        assertEquals("Strategy", DocumentTypes.typeOf(TitleKey.of("上合组织银行联合体中期发展战略（2022—2026年）")));
        assertEquals("Charter", DocumentTypes.typeOf(TitleKey.of("联合国宪章")));
        assertEquals("external", DocumentTypes.scope(TitleKey.of("联合国宪章")));
        assertEquals("intergovernmental", DocumentTypes.scope(TitleKey.of("上海合作组织成员国政府间教育合作协定")));
        assertEquals("sco", DocumentTypes.scope(TitleKey.of("上合组织绿色之带纲要")));
    }

    @Test
    void aYearRangeAnywhereAndTaiwanUsageFoldButOtherYearsDoNot() {
        assertEquals(TitleKey.of("〈上海合作组织成员国长期睦邻友好合作条约〉实施纲要（2013－2017年）"),
            TitleKey.of("〈上海合作组织成员国长期睦邻友好合作条约〉2013－2017年实施纲要"));
        assertEquals(TitleKey.of("上海合作组织成员国禁毒战略（2018－2023年）"), TitleKey.of("2018—2023年上合组织成员国禁毒战略"));
        assertEquals(TitleKey.of("上海合作组织成员国保障国际资讯安全政府间合作协定"), TitleKey.of("上合组织成员国保障国际信息安全政府间协定"));
        assertNotEquals(TitleKey.of("上合组织成员国禁毒战略（2018－2023年）"), TitleKey.of("上合组织成员国禁毒战略（2024－2029年）"));
    }
}
