package org.scokg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Slugs are IRI segments: they must not change when their computation gets faster. */
class SlugsTest {
    @Test
    void sha1PrefixIsTheFirstEightHexDigitsOfTheSha1() {
        assertEquals("a9993e36", Slugs.sha1Prefix("abc"));
        assertEquals("da39a3ee", Slugs.sha1Prefix(""));
    }

    @Test
    void pinyinSlugsAreStableAndRemembered() {
        assertEquals("shang-he-zu-zhi", Slugs.pinyin("上合组织"));
        assertEquals("shang-he-zu-zhi", Slugs.pinyin("上合组织"));
        assertEquals("lv", Slugs.pinyin("绿"));
        // nothing pronounceable: a hash instead
        assertEquals("x" + Slugs.sha1Prefix("——"), Slugs.pinyin("——"));
        String slug = Slugs.documentSlug("上合组织宪章");
        assertEquals(slug, Slugs.documentSlug("上合组织宪章"));
        assertEquals(true, slug.endsWith("-" + Slugs.sha1Prefix("上合组织宪章")), slug);
    }

    @Test
    void pinyinLabelsAreRemembered() {
        assertEquals(ScriptLabels.pinyin("米舒斯京"), ScriptLabels.pinyin("米舒斯京"));
    }
}
