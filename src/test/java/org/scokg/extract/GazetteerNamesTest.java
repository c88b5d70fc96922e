package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scokg.text.SourceText;
import org.scokg.vocab.Iris;

/**
 * Delegates of any state and of the organisations SCO texts cite are recognised by the
 * names in the gazetteer, and a shorter state name inside a longer one does not win.
 */
class GazetteerNamesTest {
    static final String TEXT = "2027年11月20日，上海合作组织成员国政府首脑（总理）理事会第二十六次会议在郑州举行。"
        + "中华人民共和国国务院总理李强、俄罗斯联邦政府总理米舒斯京出席会议。"
        + "会议主办国客人越南社会主义共和国副总理范平明、阿拉伯联合酋长国国务部长扎耶迪、几内亚比绍共和国总理拉布、"
        + "南苏丹共和国副总统塔班、多米尼加共和国外交部长阿尔瓦雷斯，欧亚经济委员会执委会主席梅尔尼科夫，"
        + "以及独立国家联合体执行委员会、联合国亚洲及太平洋经济社会委员会、中西亚经济合作组织常设机构负责人列席会议。";

    static String row(Facts.Attendance a) {
        return (a.person() == null ? "-" : a.person().name()) + " " + a.representsIri().substring(Iris.base().length())
            + " " + a.title() + " " + a.capacity();
    }

    /**
     * A name cannot start where a state's or an organisation's name starts (the next delegate
     * begins there): no spelling of the gazetteer may open a person's name of the gold files,
     * as the Taiwan spelling 马利 (Mali) would open 马利克 (Malik).
     */
    @Test
    void noSpellingOpensAPersonsName() throws java.io.IOException {
        java.util.regex.Pattern spelling = Gazetteer.builtIn().namePattern();
        List<String> opened = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/gold"))) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".tsv")).toList())
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    java.util.regex.Matcher n = java.util.regex.Pattern.compile("\tname=([^\t]+)").matcher(line);
                    if (line.startsWith("attendee\t") && n.find() && spelling.matcher(n.group(1)).lookingAt())
                        opened.add(f.getFileName() + ": " + n.group(1));
                }
        }
        assertEquals(List.of(), opened);
    }

    @Test
    void delegatesOfAnyStateAndOfExecutiveBodiesAreRecognised() {
        Facts.Document d = Extraction.facts(new SourceText("zhengzhou.txt", TEXT));
        assertEquals(Iris.base() + "place/zhengzhou", d.meeting().place().iri());
        assertEquals(List.of(
            "李强 state/CHN 国务院总理 member",
            "米舒斯京 state/RUS 政府总理 member",
            "范平明 state/VNM 副总理 guest",
            "扎耶迪 state/ARE 国务部长 guest",
            "拉布 state/GNB 总理 guest",
            "塔班 state/SSD 副总统 guest",
            "阿尔瓦雷斯 state/DOM 外交部长 guest",
            "梅尔尼科夫 org/eec 执委会主席 organization",
            "- org/cis 常设机构负责人 organization",
            "- org/un-escap 常设机构负责人 organization",
            "- org/eco 常设机构负责人 organization"),
            d.attendances().stream().map(GazetteerNamesTest::row).toList());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void shortAndTaiwanSpellingsResolveToTheSameEntities() {
        Gazetteer g = Gazetteer.builtIn();
        for (String[] pair : new String[][] {
                {"卡塔尔", "卡塔尔国"}, {"阿联酋", "阿拉伯联合酋长国"}, {"越南", "越南社会主义共和国"},
                {"独立国协", "独立国家联合体"}, {"独联体执行委员会", "独立国家联合体执行委员会"},
                {"东盟", "东南亚国家联盟"}, {"亚信", "亚洲相互协作与信任措施会议"},
                {"联合国亚太经济社会委员会", "联合国亚洲及太平洋经济社会委员会"}, {"亚投行", "亚洲基础设施投资银行"}})
            assertEquals(g.lookup(pair[1]).iri(), g.lookup(pair[0]).iri(), pair[0]);
    }
}
