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
    void differentDocumentsKeepDifferentKeys() {
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
}
