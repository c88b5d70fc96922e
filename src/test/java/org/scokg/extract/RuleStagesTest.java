package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.rules.RuleSyntaxException;
import org.scokg.text.SourceText;

/** A user's own rule files: a new phrasing is a rule, not Java; a rule the extractor cannot run is refused. */
class RuleStagesTest {
    static final String TEXT = "2027年6月10日，上海合作组织成员国元首理事会第二十七次会议在比什凯克举行。"
        + "中华人民共和国主席习近平、吉尔吉斯共和国总统扎帕罗夫莅临会议。";

    @Test
    void aNewPresenceVerbIsALineInATable(@TempDir Path dir) throws Exception {
        Extractor builtIn = new Extractor(Gazetteer.builtIn());
        assertEquals(List.of(), builtIn.extract(new SourceText("a.txt", TEXT)).attendances(), "莅临 is no verb the built-in rules know");
        // The built-in table of presence verbs, extended by a user's file: every rule that reads it
        // (the list sentence, the end of a name) knows the new verb.
        Files.writeString(dir.resolve("visits.rules"), """
            table presence
              莅临 = attended
            end
            """);
        Extractor mine = new Extractor(Gazetteer.builtIn(), List.of(dir));
        Facts.Document d = mine.extract(new SourceText("a.txt", TEXT));
        assertEquals(List.of("习近平", "扎帕罗夫"), d.attendances().stream().map(a -> a.person().name()).toList());
        assertEquals("attendance.presence-verb+attendee.delegate", d.attendances().get(0).provenance().rule(),
            "the provenance names both rules");
    }

    @Test
    void aNewSentenceShapeIsARule(@TempDir Path dir) throws Exception {
        String text = "2027年6月10日，上海合作组织成员国元首理事会第二十七次会议在比什凯克举行。"
            + "俄罗斯联邦从吉尔吉斯共和国手中接过轮值主席的接力棒。";
        assertEquals(List.of(), new Extractor(Gazetteer.builtIn()).extract(new SourceText("b.txt", text)).chairmanships());
        Files.writeString(dir.resolve("handover.rules"), """
            stage facts

            rule chairmanship.baton-taken
              # 俄罗斯联邦从吉尔吉斯共和国手中接过轮值主席的接力棒: the state that takes the baton chairs next.
              produce: chairmanship
              pattern: (?<state>@state)从@state手中接过(?:轮值)?主席(?:国)?的接力棒
              set: status=incoming, of=sco
              example: 俄罗斯联邦从吉尔吉斯共和国手中接过轮值主席的接力棒。
              expect: state=俄罗斯联邦
            end
            """);
        Facts.Document d = new Extractor(Gazetteer.builtIn(), List.of(dir)).extract(new SourceText("b.txt", text));
        assertEquals(1, d.chairmanships().size());
        assertTrue(d.chairmanships().get(0).stateIri().endsWith("/state/RUS"));
        assertEquals("chairmanship.baton-taken", d.chairmanships().get(0).provenance().rule());
    }

    @Test
    void aRuleOfAnUnknownStageOrProductionIsRefusedWithItsPlace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.rules"), """
            rule odd.one
              # produces what no stage makes
              stage: facts
              produce: weather
              pattern: 晴
            end
            """);
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> new Extractor(Gazetteer.builtIn(), List.of(dir)));
        assertTrue(e.getMessage().contains("bad.rules:1") && e.getMessage().contains("weather"), e.getMessage());
        Files.writeString(dir.resolve("bad.rules"), "rule odd.two\n  # a stage that does not exist\n  stage: later\n  produce: list\n  pattern: x\nend\n");
        e = assertThrows(RuleSyntaxException.class, () -> new Extractor(Gazetteer.builtIn(), List.of(dir)));
        assertTrue(e.getMessage().contains("unknown stage later"), e.getMessage());
    }
}
