package org.scokg.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scokg.normalize.NormalizedText;

/**
 * The canonical key of a document title: what every spelling of one document has in
 * common, so that mentions across years merge. The key folds away what the genre varies
 * without changing the document: traditional script, whitespace and line breaks,
 * half/full-width brackets, inner title marks (〈〉 or an OCR-style inner 《》), dash
 * variants and 至 in year ranges, 上海合作组织 / 上合组织, 协议 / 协定, the particle 的,
 * and quotation marks. It also drops what the genre adds or leaves out of one title from
 * one year to the next without naming another document: 成员国, the agency qualifiers
 * (授权部门, 主管部门…, with or without 间, and 部门 after a sector: 青年部门合作 is 青年合作,
 * 卫生部门远程医疗 keeps 卫生), 领域, 综合, 工作 before 合作 (青年工作合作 is 青年合作),
 * a bracketed aside without digits
 * (（铁路）), and it reads 至2030年 as 2030年前. A title's one year range goes last
 * (2013—2017年实施纲要 is 实施纲要（2013—2017年）) and words of Taiwan usage take the mainland's
 * (资讯 is 信息); 政府间合作协定 is 政府间协定. The scope 上合组织 goes first when a short
 * lead word was written before it (促进上合组织… and 上合组织促进… are one programme). Words
 * that make two documents different
 * (构想 vs 行动计划, the years of a plan, 关于 vs 情况 in yearly reports) are kept; the gold
 * pairs of src/test/resources/gold measure both sides.
 */
public final class TitleKey {
    private TitleKey() {}

    private static final Pattern YEAR_RANGE = Pattern.compile("([12][0-9]{3})年?(?:至|到)([12][0-9]{3})");
    private static final String DASH_CHARS = "-—–－‐‑−~～";
    private static final Pattern DASHES = Pattern.compile("[" + DASH_CHARS + "]+");
    /** A bracketed aside with no digit in it: （铁路）. Brackets with years name a period and stay. */
    private static final Pattern ASIDE = Pattern.compile("（[^）0-9]{1,10}）");
    private static final Pattern UNTIL_YEAR = Pattern.compile("至([12][0-9]{3})年");
    /**
     * A lead of one to four characters written before the scope (促进上合组织…, 关于上合组织…):
     * no digit, no dash and no inner title mark, so 2024—2026年落实〈上合组织…〉 and
     * 中国—上合组织… keep their order.
     */
    private static final Pattern LEAD_BEFORE_SCOPE = Pattern.compile("^([^0-9〈〉—]{1,4})上合组织");
    /** Words a title gains or loses across years without becoming another document; longest first. */
    private static final String[] FILLERS = {
        "授权机构间", "授权部门间", "主管部门间", "主管机关间", "经授权的", "授权机构", "授权部门", "主管部门",
        "主管机关", "相关部门", "经授权", "成员国", "部门间", "部门", "领域", "综合"};
    /**
     * Words Taiwan and Hong Kong pages write for the mainland's (資訊安全 for 信息安全), as the
     * traditional-to-simplified conversion leaves them (资讯): the key takes the mainland word.
     */
    private static final String[][] REGIONAL_WORDS = {{"资讯", "信息"}, {"网路", "网络"}, {"永续", "可持续"}, {"软体", "软件"}};
    /** One year range anywhere in a title, bracketed or not: 实施纲要（2013—2017年） is 2013—2017年实施纲要. */
    private static final Pattern ONE_RANGE = Pattern.compile("（?([12][0-9]{3}—[12][0-9]{3})年?）?");
    /** 工作 before 合作 says nothing more: 青年工作合作 is 青年合作; 工作计划 (a work plan) stays. */
    private static final Pattern WORK_BEFORE_COOPERATION = Pattern.compile("工作(?=合作)");

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

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
        // Each pattern is run only on a title holding the character it cannot match without:
        // most titles have no year range, dash or bracket, and a key is made for every mention.
        if (s.indexOf('至') >= 0 || s.indexOf('到') >= 0) s = YEAR_RANGE.matcher(s).replaceAll("$1—$2");
        if (containsAny(s, DASH_CHARS)) s = DASHES.matcher(s).replaceAll("—");
        s = s.replace("上海合作组织", "上合组织").replace("协议", "协定");
        for (String filler : FILLERS) s = s.replace(filler, "");
        if (s.contains("工作合作")) s = WORK_BEFORE_COOPERATION.matcher(s).replaceAll("");
        s = s.replace("的", "").replace("上合组织地区", "上合组织");
        if (s.indexOf('（') >= 0) s = ASIDE.matcher(s).replaceAll("");
        if (s.indexOf('至') >= 0) s = UNTIL_YEAR.matcher(s).replaceAll("$1年前");
        if (s.contains("上合组织")) s = LEAD_BEFORE_SCOPE.matcher(s).replaceFirst("上合组织$1");
        for (String[] w : REGIONAL_WORDS) s = s.replace(w[0], w[1]);
        // 政府间合作协定 and 政府间协定 name one agreement across years.
        s = s.replace("间合作协定", "间协定");
        // A title's one year range goes last, wherever it was written.
        Matcher range = ONE_RANGE.matcher(s);
        if (s.indexOf('—') >= 0 && range.find()) {
            String years = range.group(1);
            String rest = s.substring(0, range.start()) + s.substring(range.end());
            if (!ONE_RANGE.matcher(rest).find() && !rest.isEmpty()) s = rest + "（" + years + "年）";
        }
        return s;
    }
}
