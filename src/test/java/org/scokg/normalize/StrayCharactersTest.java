package org.scokg.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class StrayCharactersTest {

    private static List<String> strays(String text) {
        return StrayCharacters.spans(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void aRareCharacterInsideACommonWordIsStray() {
        assertEquals(List.of("苎"), strays("会议在乌兹别克斯坦共和国首都塔什干市举苎行。"));
        assertEquals(List.of("锝"), strays("上海合作组织成员国农业部长会议23日在吉尔吉斯斯坦首锝都比什凯克举行。"));
        assertEquals(List.of("珏", "鲲"), strays("扩大农产品贸珏易，打击非法贩运武鲲器。"));
    }

    @Test
    void rareCharactersOfNamesAndPlacesAreKept() {
        // rare characters that make no common word with their neighbours' help
        assertEquals(List.of(), strays("会议在鄂木斯克举行。俄罗斯联邦总理梅德韦杰夫、吉尔吉斯共和国总理萨特巴尔季耶夫出席。"));
        assertEquals(List.of(), strays("阿卜杜拉·阿卜杜拉、沙夫卡特·米尔济约耶夫和埃莫马利·拉赫蒙在撒马尔罕会晤。"));
        assertEquals(List.of(), strays("鑫"), "a text of one character has no neighbours");
    }

    @Test
    void theSeedsHaveNone() throws IOException {
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList())
                assertEquals(List.of(), strays(NormalizedText.toSimplified(Files.readString(f))), f.toString());
        }
    }
}
