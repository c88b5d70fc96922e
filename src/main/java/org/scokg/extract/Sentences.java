package org.scokg.extract;

import java.util.ArrayList;
import java.util.List;

import org.scokg.normalize.NormalizedText;

/**
 * Sentence spans of the normalised text. A sentence ends after 。！？, and at a removed
 * line break where one side of it is not a Han character (a title line before a date, a
 * time stamp): a break between two Han characters is a line wrapped inside a sentence or
 * a title, and is joined; so is a break after a colon, which announces what follows
 * (出席会议的有：, then a delegate a line).
 */
final class Sentences {
    private Sentences() {}

    static List<int[]> split(NormalizedText nt) {
        String t = nt.text();
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean end = c == '。' || c == '！' || c == '？';
            if (end) {
                // keep a closing quote or bracket with its sentence
                int j = i + 1;
                while (j < t.length() && "”’）」』".indexOf(t.charAt(j)) >= 0) j++;
                out.add(new int[] {start, j});
                start = j;
                i = j - 1;
            } else if (i > start && nt.isBreak(i) && !(isHan(t.charAt(i - 1)) && isHan(c)) && t.charAt(i - 1) != '：') {
                out.add(new int[] {start, i});
                start = i;
            }
        }
        if (start < t.length()) out.add(new int[] {start, t.length()});
        return out;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '〇';
    }
}
