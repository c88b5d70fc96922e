package org.scokg.extract;

import java.util.ArrayList;
import java.util.List;

import org.scokg.normalize.NormalizedText;

/**
 * Sentence spans of the normalised text. A sentence ends after 。！？, and at a removed
 * line break where one side of it is not a Han character (a title line before a date, a
 * time stamp): a break between two Han characters is a line wrapped inside a sentence or
 * a title, and is joined; so is a break after a colon, which announces what follows
 * (出席会议的有：, then a delegate a line). An empty line ends a sentence but after a colon
 * or inside a 《title》 (a mirror's layout can break a title anywhere): a list printed a
 * delegate a line ends without a full stop, and the paragraph after it is not part of it.
 */
final class Sentences {
    private Sentences() {}

    static List<int[]> split(NormalizedText nt) {
        String t = nt.text();
        List<int[]> out = new ArrayList<>();
        int start = 0, openTitles = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '《') openTitles++;
            else if (c == '》' && openTitles > 0) openTitles--;
            boolean end = c == '。' || c == '！' || c == '？';
            if (end) {
                // keep a closing quote or bracket with its sentence
                int j = i + 1;
                while (j < t.length() && "”’）」』".indexOf(t.charAt(j)) >= 0) j++;
                out.add(new int[] {start, j});
                start = j;
                openTitles = 0;
                i = j - 1;
            } else if (i > start && nt.isBreak(i) && t.charAt(i - 1) != '：'
                       && (nt.isParagraphStart(i) && openTitles == 0 || !(isHan(t.charAt(i - 1)) && isHan(c)))) {
                out.add(new int[] {start, i});
                start = i;
                openTitles = 0;
            }
        }
        if (start < t.length()) out.add(new int[] {start, t.length()});
        return out;
    }

    /** A Han character other than 〇 (a digit in dates): one bit per char, as the script lookup is a search and this is asked of most characters. */
    static boolean isHan(char c) {
        return HAN.get(c);
    }

    private static final java.util.BitSet HAN = new java.util.BitSet(1 << 16);
    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++)
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '〇') HAN.set(c);
    }
}
