package org.scokg.extract;

/** Numbers written in Chinese numerals (二十二, 一百零五) or digits, and years written digit by digit (二〇二一). */
public final class ChineseNumerals {
    private ChineseNumerals() {}

    private static final String DIGITS = "〇一二三四五六七八九";

    /** A number such as 二十二, 十, 一百零五, 22; -1 when it is not one. */
    public static int parse(String s) {
        if (s == null || s.isEmpty()) return -1;
        if (s.chars().allMatch(Character::isDigit)) return Integer.parseInt(s);
        int total = 0, current = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                current = d;
                any = true;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
                any = true;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
                any = true;
            } else {
                return -1;
            }
        }
        return any ? total + current : -1;
    }

    /** A year: 2021, or 二〇二一 written digit by digit; -1 when it is not one. */
    public static int parseYear(String s) {
        if (s == null || s.isEmpty()) return -1;
        if (s.chars().allMatch(Character::isDigit)) return Integer.parseInt(s);
        int y = 0;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d < 0) return parse(s);
            y = y * 10 + d;
        }
        return y;
    }

    private static int digit(char c) {
        if (c == '零') return 0;
        if (c == '首') return 1;   // 首次, 首届: the first
        if (c == '两') return 2;   // 两天, 两国: two of something
        int i = DIGITS.indexOf(c);
        return i;
    }
}
