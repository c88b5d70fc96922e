package org.scokg.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;

/**
 * Dates as the genre writes them, as precise as the text: 2021年9月17日 (xsd:date),
 * 2009年6月 (xsd:gYearMonth), 2021年 (xsd:gYear), in Arabic or Chinese numerals
 * (二〇二一年十一月二十五日), and ranges within a month or across months
 * (2025年11月17日至18日, 2025年8月31日至9月1日).
 */
public final class Dates {
    private Dates() {}

    /** A date as precise as written: {@code lexical} is valid for {@code datatype}. */
    public record TypedDate(String lexical, XSDDatatype datatype) {
        public int year() { return Integer.parseInt(lexical.substring(0, 4)); }
    }

    /** A start and an end (the same for one day). */
    public record Range(TypedDate start, TypedDate end) {}

    /**
     * True when two lexical dates (xsd:date, gYearMonth or gYear) can name one day: equal, or
     * one a less precise form of the other ("2021" and "2021-11-25"); a citation that gives
     * only the year does not contradict one that gives the day.
     */
    public static boolean consistent(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    /** True when the day {@code day} (xsd:date) falls within {@code range}, both ends included. */
    public static boolean within(TypedDate day, Range range) {
        if (day.datatype() != XSDDatatype.XSDdate || range.start().datatype() != XSDDatatype.XSDdate
            || range.end().datatype() != XSDDatatype.XSDdate) return false;
        // ISO dates of one width compare as strings
        return day.lexical().compareTo(range.start().lexical()) >= 0 && day.lexical().compareTo(range.end().lexical()) <= 0;
    }

    /** True when some two of the lexical dates cannot name one day ({@link #consistent}). */
    public static boolean disagree(java.util.Collection<String> dates) {
        for (String a : dates) for (String b : dates) if (!consistent(a, b)) return true;
        return false;
    }

    private static final String N = "([0-9]{1,4}|[〇零一二三四五六七八九十百]{1,6})";
    private static final Pattern FULL = Pattern.compile(N + "年(?:" + N + "月(?:" + N + "日)?)?");
    private static final Pattern RANGE_TAIL = Pattern.compile("(?:[-—–－‐‑−~～]|至|到)(?:" + N + "月)?" + N + "日");

    /**
     * Parses a date or a range. Returns null when the text holds no date or the date is
     * impossible (month 13, day 32).
     */
    public static Range parse(String text) {
        if (text == null) return null;
        Matcher m = FULL.matcher(text);
        if (!m.find()) return null;
        int year = ChineseNumerals.parseYear(m.group(1));
        if (year < 1000 || year > 2999) return null;
        if (m.group(2) == null) {
            TypedDate y = new TypedDate(Integer.toString(year), XSDDatatype.XSDgYear);
            return new Range(y, y);
        }
        int month = ChineseNumerals.parse(m.group(2));
        if (month < 1 || month > 12) return null;
        if (m.group(3) == null) {
            TypedDate ym = new TypedDate(year + "-" + twoDigits(month), XSDDatatype.XSDgYearMonth);
            return new Range(ym, ym);
        }
        int day = ChineseNumerals.parse(m.group(3));
        if (!valid(year, month, day)) return null;
        TypedDate start = date(year, month, day);
        Matcher tail = RANGE_TAIL.matcher(text);
        if (tail.find(m.end()) && tail.start() == m.end()) {
            int endMonth = tail.group(1) == null ? month : ChineseNumerals.parse(tail.group(1));
            int endDay = ChineseNumerals.parse(tail.group(2));
            int endYear = endMonth < month ? year + 1 : year;
            if (valid(endYear, endMonth, endDay)) return new Range(start, date(endYear, endMonth, endDay));
        }
        return new Range(start, start);
    }

    // Years are 1000..2999 here (four digits); months and days 1..31. String.format is slow.
    private static TypedDate date(int y, int m, int d) {
        return new TypedDate(y + "-" + twoDigits(m) + "-" + twoDigits(d), XSDDatatype.XSDdate);
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static boolean valid(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1) return false;
        return d <= java.time.YearMonth.of(y, m).lengthOfMonth();
    }
}
