package org.scokg.extract;

import java.util.regex.Pattern;

import org.scokg.normalize.NormalizedText;

/**
 * The canonical key of a document title: what every spelling of one document has in
 * common, so that mentions across years merge. The key folds away what the genre varies
 * without changing the document: traditional script, whitespace and line breaks,
 * half/full-width brackets, inner title marks (〈〉 or an OCR-style inner 《》), dash
 * variants and 至 in year ranges, 上海合作组织 / 上合组织, 协议 / 协定, the particle 的,
 * and quotation marks. Words that make two documents different (构想 vs 行动计划, the years
 * of a plan) are kept.
 */
public final class TitleKey {
    private TitleKey() {}

    private static final Pattern YEAR_RANGE = Pattern.compile("([12][0-9]{3})年?(?:至|到)([12][0-9]{3})");
    private static final Pattern DASHES = Pattern.compile("[-—–－‐‑−~～]+");

    /** The key of a title written any way. */
    public static String of(String title) {
        if (title == null) return "";
        StringBuilder sb = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (NormalizedText.isSpace(c)) continue;
            c = NormalizedText.fold(c);
            switch (c) {
                case '《', '〈', '<', '＜', '「', '『' -> sb.append('〈');
                case '》', '〉', '>', '＞', '」', '』' -> sb.append('〉');
                case '“', '”', '"', '‘', '’', '\'' -> { }
                default -> sb.append(c);
            }
        }
        String s = NormalizedText.toSimplified(sb.toString());
        s = YEAR_RANGE.matcher(s).replaceAll("$1—$2");
        s = DASHES.matcher(s).replaceAll("—");
        s = s.replace("上海合作组织", "上合组织").replace("协议", "协定").replace("的", "");
        return s;
    }
}
