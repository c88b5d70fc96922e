package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scokg.text.SourceText;

/**
 * Shapes of attendee lists real texts print, each on a short text written for the test:
 * what attended, for whom, with which title and in which capacity.
 */
class ListShapesTest {
    static final String OPENING = "2019年6月14日，上海合作组织成员国元首理事会第十九次会议在比什凯克举行。\n";

    static List<String> rows(String body) {
        Facts.Document d = Extraction.facts(new SourceText("shape.txt", OPENING + body));
        return d.attendances().stream().map(a -> (a.person() == null ? "-" : a.person().name()) + " "
            + a.representsIri().replaceAll(".*/id/", "") + " " + a.title() + " " + a.capacity()).toList();
    }

    @Test
    void aColonListPrintedOneDelegateALineWithALeadPhraseOnALineOfItsOwn() {
        assertEquals(List.of("习近平 state/CHN 主席 member", "托卡耶夫 state/KAZ 总统 member",
                "巴特图勒嘎 state/MNG 总统 observer", "古特雷斯 org/un 秘书长 organization"),
            rows("出席会议的有：\n中华人民共和国主席习近平\n哈萨克斯坦共和国总统托卡耶夫\n上合组织观察员国\n蒙古国总统巴特图勒嘎\n"
                + "联合国秘书长古特雷斯\n会议由吉尔吉斯共和国总统热恩别科夫主持。").subList(0, 4));
    }

    @Test
    void aRoleAfterItsDelegatesAndADelegateWhoLedADelegation() {
        assertEquals(List.of("拉赫莫纳利 state/TJK 总检察长 member", "别尔德穆哈梅多夫 state/TKM 总统 guest"),
            rows("塔吉克斯坦共和国总检察长拉赫莫纳利率团出席会议。土库曼斯坦总统别尔德穆哈梅多夫作为主席国客人列席会议。"));
    }

    @Test
    void unnamedDelegationsOfStatesAndOrganisations() {
        assertEquals(List.of("- state/IND 代表 member", "- state/PAK 代表 member", "- org/un 代表 organization",
                "- org/cis 代表 organization"),
            rows("以及印度、巴基斯坦等国的代表和联合国、独联体等国际组织的代表与会。"));
    }

    @Test
    void aSecretaryGeneralWrittenWithTheOrganisationOrInContext() {
        assertEquals(List.of("张明 org/sco-secretariat 秘书长 sco_body", "卡因 org/sco-secretariat 副秘书长 sco_body",
                "米尔扎耶夫 org/sco-rats 执委会主任 sco_body"),
            rows("上合组织秘书长张明出席会议。作为上合组织代表，秘书处副秘书长卡因和地区反恐怖机构执委会主任米尔扎耶夫参加了会议。"));
    }

    @Test
    void aSecondDelegateOfTheSameMinistryByTitleAndNameOnly() {
        assertEquals(List.of("李学举 state/CHN 民政部部长 member", "李立国 state/CHN 副部长 member", "- state/KGZ 紧急情况部副部长 member"),
            rows("出席会议的有：中华人民共和国民政部部长李学举、副部长李立国，吉尔吉斯共和国紧急情况部副部长。"));
    }

    @Test
    void aNameUnderItsTitleInASignatureBlock() {
        assertEquals(List.of("热恩别科夫 state/KGZ 总统 member", "拉赫蒙 state/TJK 总统 member"),
            rows("元首们签署了本声明。\n\n吉尔吉斯共和国总统\n热恩别科夫\n\n塔吉克斯坦共和国总统\n拉赫蒙\n"));
    }

    @Test
    void whoReceivedTheDelegationsDidNotAttend() {
        assertEquals(List.of("习近平 state/CHN 主席 member"),
            rows("中华人民共和国主席习近平出席会议。吉尔吉斯共和国总统热恩别科夫会见了出席会议的各代表团团长。"));
    }

    @Test
    void aListPrintedOneDelegateALineEndsAtTheEmptyLineWithoutAFullStop() {
        // the paragraph after the list is a reception, which no one attended by; the list is not vetoed by it
        assertEquals(List.of("马明 state/KAZ 总理 member", "李克强 state/CHN 国务院总理 member", "奥孔巴耶夫 state/KGZ 总理 member"),
            rows("出席会晤的各国政府首脑为：\n哈萨克斯坦共和国总理　马明\n中华人民共和国国务院总理　李克强\n吉尔吉斯共和国总理　奥孔巴耶夫\n\n"
                + "吉尔吉斯共和国总统热恩别科夫会见了出席会晤的各国总理。\n\n各方认为，会晤取得了圆满成功。"));
    }

    @Test
    void aListGoesOnOverAParagraphHeadedByAGroupOrByItsOwnColon() {
        // (the named delegates: the group's heading line reads as the body's unnamed representative too)
        assertEquals(List.of("田学军 state/CHN 教育部副部长 member", "库兹明 org/sco-secretariat 副秘书长 sco_body",
                "比尔拉 state/IND 人民院议长 member"),
            rows("出席会议的有：\n\n中华人民共和国教育部副部长　田学军\n\n本组织常设机构代表\n上合组织副秘书长　库兹明\n\n"
                + "以视频方式参会的：\n印度共和国人民院议长比尔拉\n\n会议由吉尔吉斯共和国教育和科学部部长主持。")
                .stream().filter(r -> !r.startsWith("- ")).toList());
    }

    @Test
    void aListPrintingEachNameOnTheLineUnderItsTitle() {
        assertEquals(List.of("萨金巴耶娃 state/KGZ 卫生部部长 member", "崔丽 state/CHN 国家卫生和计划生育委员会副主任 member",
                "谢尔达利耶夫 org/sco-secretariat 副秘书长 sco_body"),
            rows("与会者如下：\n\n吉尔吉斯共和国卫生部部长\n萨金巴耶娃\n\n中华人民共和国国家卫生和计划生育委员会副主任\n崔丽\n\n"
                + "上合组织副秘书长\n谢尔达利耶夫\n\n会议由吉尔吉斯共和国卫生部部长主持。"));
    }

    @Test
    void aBodyOfTheOrganisationWrittenAfterItsContextName() {
        assertEquals(List.of("卡纳夫斯基 org/sco-business-council 秘书长 sco_body"),
            rows("本组织实业家委员会秘书长卡纳夫斯基列席会议。"));
    }
}
