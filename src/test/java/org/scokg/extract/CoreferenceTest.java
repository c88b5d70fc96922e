package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scokg.text.SourceText;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Slugs;

/** References without a name, on sentences written for this test. */
class CoreferenceTest {
    static Facts.Document extract(String text) {
        return Extraction.facts(new SourceText("coref.txt", text));
    }

    @Test
    void stateSidesResolveToStatesAndOtherWordsWithFangDoNot() {
        Facts.Document d = extract("各代表团团长感谢哈方高水平举办会议，认为中方任期成果丰硕，双方同意采取集中方式推进。");
        List<String> targets = d.references().stream().map(Facts.Reference::targetIri).toList();
        assertEquals(List.of(Iris.state("KAZ"), Iris.state("CHN")), targets);
        assertEquals("哈方", d.references().get(0).anchor());
    }

    @Test
    void aDocumentAnaphorResolvesToTheOneDocumentThatFits() {
        Facts.Document d = extract("各代表团团长欢迎通过《上合组织交通发展战略》和《上合组织旅游合作纲要》。团长们责成主管部门制定该战略落实计划。");
        String strategy = Iris.document(Slugs.documentSlug(TitleKey.of("上合组织交通发展战略")));
        assertTrue(d.references().stream().anyMatch(r -> r.anchor().equals("该战略") && r.targetIri().equals(strategy)),
            d.references().toString());
    }

    @Test
    void anAmbiguousAnaphorIsLeftUnresolved() {
        Facts.Document d = extract("成员国批准了《上合组织甲合作纲要》和《上合组织乙合作纲要》，并将落实上述文件。");
        assertTrue(d.references().stream().noneMatch(r -> r.anchor().equals("上述文件")), d.references().toString());
    }

    @Test
    void documentAnaphorsInTheSeedsPointAtTheCitedDocument() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("seeds/000_4d1f60703d6d6267.txt"));
        Facts.Document d = Extraction.facts(new SourceText("000_4d1f60703d6d6267.txt", text));
        String strategy = Iris.document(Slugs.documentSlug(TitleKey.of("上合组织至2030年经济发展战略")));
        assertTrue(d.references().stream().anyMatch(r -> r.anchor().equals("该战略") && r.targetIri().equals(strategy)),
            d.references().toString());
    }

    @Test
    void aShortTitleTakesTheIdentityOfTheOneLongerTitleJustCited() {
        Facts.Document d = extract("团长们欢迎通过《上合组织成员国青年交流路线图》，《路线图》将纳入各国青年节活动。");
        Facts.Mention full = d.mentions().get(0), shortForm = d.mentions().get(1);
        assertEquals("路线图", shortForm.surface());
        assertEquals(full.key(), shortForm.key());
        assertTrue(shortForm.provenance().rule().contains("short-title.back-reference"), shortForm.provenance().rule());
    }

    @Test
    void aShortTitleStaysItselfWhenTwoTitlesOrNoneFit() {
        Facts.Document two = extract("成员国批准了《上合组织甲合作纲要》和《上合组织乙合作纲要》。《纲要》的落实十分重要。");
        assertEquals(TitleKey.of("纲要"), two.mentions().get(2).key());
        Facts.Document far = extract("成员国批准了《上合组织甲合作纲要》。会议期间举行了展览。各方交换了意见。《纲要》的落实十分重要。");
        assertEquals(TitleKey.of("纲要"), far.mentions().get(1).key());
        Facts.Document named = extract("成员国欢迎《上合组织旅游合作纲要》和《杜尚别宣言》。");
        assertEquals(TitleKey.of("杜尚别宣言"), named.mentions().get(1).key());
    }
}
