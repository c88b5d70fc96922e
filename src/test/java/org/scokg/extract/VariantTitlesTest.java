package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The corpus-level merge of titles reworded across years, on titles written for this test
 * in the genre (not the seeds' own): each case is a pair of spellings as two years'
 * communiqués might give them.
 */
class VariantTitlesTest {
    /** A corpus of one citation per title, each in a source of its own unless given. */
    private static Map<String, String> merge(Object... titleSourceDate) {
        List<VariantTitles.Cited> corpus = new ArrayList<>();
        for (int i = 0; i < titleSourceDate.length; i += 3) {
            String date = (String) titleSourceDate[i + 2];
            corpus.add(new VariantTitles.Cited(TitleKey.of((String) titleSourceDate[i]), Set.of((String) titleSourceDate[i + 1]),
                date == null ? Set.of() : Set.of(date)));
        }
        return VariantTitles.merges(corpus);
    }

    private static void assertOne(String a, String b, Map<String, String> merges) {
        String ka = TitleKey.of(a), kb = TitleKey.of(b);
        assertEquals(merges.getOrDefault(ka, ka), merges.getOrDefault(kb, kb), a + " / " + b + " in " + merges);
    }

    @Test
    void aQualifierAddedInALaterYearIsTheSameDocument() {
        String draft = "上合组织成员国电子商务领域合作构想", adopted = "上合组织成员国海关部门电子商务合作构想";
        Map<String, String> m = merge(draft, "2024.txt", null, adopted, "2025.txt", "2025-07-04");
        assertOne(draft, adopted, m);
        // the longer title stands for both
        assertEquals(TitleKey.of(adopted), m.get(TitleKey.of(draft)));
    }

    @Test
    void aLeadVerbAndADoubledCharacterAreRewording() {
        String a = "建立上合组织数字经济园区库的构想", b = "上合组织成员国数字经济园园区库构想";
        assertOne(a, b, merge(a, "2024.txt", "2024-07-04", b, "2025.txt", "2024"));
    }

    @Test
    void aPlanCitedWithAndWithoutItsYearsIsOnePlan() {
        String bare = "上合组织成员国应对气候变化联合措施计划", ranged = "上合组织成员国应对气候变化2024年至2026年联合措施计划";
        assertOne(bare, ranged, merge(bare, "2024.txt", "2024-07-04", ranged, "2025.txt", "2024-07-04"));
    }

    @Test
    void aPlanWithoutYearsBesideTwoRangedPlansStaysItself() {
        String bare = "上合组织成员国卫生合作措施计划";
        Map<String, String> m = merge(bare, "a.txt", null, "上合组织成员国卫生合作措施计划（2022—2024年）", "b.txt", null,
            "上合组织成员国卫生合作措施计划（2025—2027年）", "c.txt", null);
        assertTrue(m.isEmpty(), m.toString());
    }

    @Test
    void twoNearTitlesInOneTextAreTwoDocuments() {
        // one summit adopts a statement per topic; one text never spells one document two ways
        Map<String, String> m = merge("上合组织成员国元首理事会关于水安全的声明", "2025.txt", "2025-09-01",
            "上合组织成员国元首理事会关于粮水安全的声明", "2025.txt", "2025-09-01");
        assertTrue(m.isEmpty(), m.toString());
    }

    @Test
    void datesThatDisagreeKeepDocumentsApart() {
        String older = "上合组织成员国政府间教育合作协定", newer = "上合组织成员国政府间职业教育合作协定";
        assertTrue(merge(older, "a.txt", "2006-06-15", newer, "b.txt", "2023-07-04").isEmpty());
        // a year and a day of that year agree
        assertOne(older, newer, merge(older, "a.txt", "2023", newer, "b.txt", "2023-07-04"));
    }

    @Test
    void swappedWordsLongInsertionsYearsAndInnerTitlesAreNotRewording() {
        assertFalse(VariantTitles.withinEdits(TitleKey.of("关于落实〈上合组织禁毒合作协定〉的行动计划"),
            TitleKey.of("关于落实〈上合组织禁毒合作议定书〉的行动计划")));
        assertFalse(VariantTitles.withinEdits(TitleKey.of("上合组织成员国元首理事会关于加强数字合作的声明"),
            TitleKey.of("上合组织成员国元首理事会关于进一步加强数字合作的声明")));
        assertFalse(VariantTitles.withinEdits(TitleKey.of("上合组织成员国元首理事会关于能源安全的声明"),
            TitleKey.of("上合组织成员国元首理事会关于粮食安全的声明")));
        assertFalse(VariantTitles.withinEdits(TitleKey.of("上合组织交通发展战略（2021—2025年）"),
            TitleKey.of("上合组织交通发展战略（2021—2026年）")));
        // short titles have no room for rewording
        assertFalse(VariantTitles.withinEdits("联合国宪章", "联合国新宪章"));
        assertTrue(VariantTitles.withinEdits(TitleKey.of("上合组织成员国中小企业合作构想"),
            TitleKey.of("上合组织成员国中小微企业合作构想")));
    }

    @Test
    void differentTypesNeverMerge() {
        Map<String, String> m = merge("上合组织成员国旅游合作构想", "a.txt", null, "上合组织成员国旅游合作纲要", "b.txt", null);
        assertTrue(m.isEmpty(), m.toString());
    }

    @Test
    void aTitleWithTwoCandidatesStaysItself() {
        Map<String, String> m = merge("上合组织成员国青年创业合作构想", "a.txt", null,
            "上合组织成员国青年创新创业合作构想", "b.txt", null, "上合组织成员国青年创业就业合作构想", "c.txt", null);
        assertTrue(m.isEmpty(), m.toString());
    }
}
