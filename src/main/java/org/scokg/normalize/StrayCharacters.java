package org.scokg.normalize;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import com.hankcs.hanlp.dictionary.CoreDictionary;

/**
 * Characters a mirror site injected into a word (举苎行, 首鍀都): mirrors of news pages insert a
 * rare character between the two characters of a common word, which breaks every rule that
 * reads the word. A character is taken for stray when it is rare (outside the 3,755 characters
 * of GB 2312's first level, which hold nearly all running text and transliterated names), the
 * characters on either side of it make a word of HanLP's core dictionary, and it makes a word
 * with neither of them. The spans go to {@link NormalizedText} as noise: the rules read
 * 举行 and 首都, and offsets still map to the original.
 *
 * <p>A stray character inside a name (米舒苎斯京) is not found: names are not in the dictionary.
 */
public final class StrayCharacters {
    /** GB 2312 level 1, the common characters: rows 0xB0-0xD7. */
    private static final BitSet COMMON = common();

    private StrayCharacters() {}

    /** Spans {@code [i, i+1)} of {@code simplified} (simplified script) that hold a stray character. */
    public static List<int[]> spans(String simplified) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 1; i + 1 < simplified.length(); i++) {
            char c = simplified.charAt(i);
            if (!isHan(c) || COMMON.get(c)) continue;
            char before = simplified.charAt(i - 1), after = simplified.charAt(i + 1);
            if (!isHan(before) || !isHan(after)) continue;
            if (word(before, after) && !word(before, c) && !word(c, after)) spans.add(new int[] {i, i + 1});
        }
        return spans;
    }

    private static boolean word(char a, char b) {
        return CoreDictionary.contains(new String(new char[] {a, b}));
    }

    /** The CJK ideograph blocks of the BMP (a range check: this runs on every character of every text). */
    private static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF' || c >= '\uF900' && c <= '\uFAFF';
    }

    private static BitSet common() {
        BitSet set = new BitSet(0x10000);
        var decoder = Charset.forName("GB2312").newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int row = 0xB0; row <= 0xD7; row++)
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                try {
                    String s = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) row, (byte) cell})).toString();
                    if (s.length() == 1) set.set(s.charAt(0));
                } catch (CharacterCodingException unassigned) {
                    // the last row has fewer characters
                }
            }
        return set;
    }
}
