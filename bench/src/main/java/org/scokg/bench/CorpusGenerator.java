package org.scokg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.hankcs.hanlp.HanLP;

/**
 * Deterministic documents of the genre, for benchmarks: communiqué-like texts with the
 * opening meeting sentence (single days and ranges, councils, ordinals in Chinese
 * numerals, venues among the cities of the gazetteer and invented ones, online meetings), attendee lists
 * (state + title + a transliterated name built from syllables), SCO bodies, observers,
 * guests and organisations, the chair, rotating chairmanships, the next meeting, many
 * 《…》 mentions with dates and venues before ("2014年9月12日在杜尚别签署的《…》") and after
 * ("《…》（2018年6月10日，青岛）"), nested titles, line breaks inside titles, page noise,
 * and about one document in eight in traditional script with half-width punctuation.
 *
 * <p>The same seed always gives the same corpus: document {@code i} depends only on
 * {@code (seed, i)}, never on the JVM, the locale or the order of generation.
 */
public final class CorpusGenerator {
    /** Ordinary documents are 20–40 KB of UTF-8, like the seeds. */
    public static final int MIN_BYTES = 20_000, MAX_BYTES = 40_000;

    private static final String[] COUNCILS = {
        "上海合作组织成员国元首理事会", "上海合作组织成员国政府首脑（总理）理事会", "上海合作组织成员国外交部长理事会"};
    private static final String[] SHORT_COUNCILS = {"元首理事会", "政府首脑（总理）理事会", "外交部长理事会"};
    private static final String[] GENRES = {"联合公报", "新闻公报", "宣言", "联合声明"};
    private static final String[] TITLES_OF_OFFICE = {
        "总统", "总理", "政府总理", "国务院总理", "外交部长", "第一副总理", "副总理", "副总统",
        "国务委员兼外交部长", "副总理兼外交部长", "政府副总理", "议会外交事务秘书", "总理兼外交部长"};
    private static final String[] SYLLABLES = {
        "阿", "巴", "卡", "达", "扎", "米", "舒", "斯", "京", "拉", "苏", "尔", "佐", "洛", "夫", "诺", "维", "科",
        "穆", "赫", "贝", "吉", "尼", "杰", "生", "里", "波", "托", "耶", "娃", "塔", "姆", "库", "别", "克", "罗",
        "马", "特", "萨", "汗", "伊", "琴", "沙", "赞", "登", "图", "列", "格", "季", "梅", "多", "奥", "云", "额"};
    private static final String[] CHINESE_SURNAMES = {"李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] CHINESE_GIVEN = {"强", "毅", "明", "华", "伟", "军", "平", "林", "峰", "波", "海", "涛"};
    private static final String[] SCO_BODIES = {
        "上合组织秘书长", "上合组织地区反恐怖机构执行委员会主任", "上合组织实业家委员会理事会轮值主席", "上合组织银行联合体理事会轮值主席"};
    private static final String[] ORGANISATIONS = {"独立国家联合体", "欧亚经济委员会", "亚洲相互协作与信任措施会议", "联合国", "东南亚国家联盟", "集体安全条约组织"};
    private static final String[] INVENTED_VENUES = {"新奥尔达", "卡拉库尔", "阿克套", "伊塞克湖", "布哈拉", "铁尔梅兹", "苦盏", "奥什", "喀什", "乌拉尔斯克"};
    private static final String[] DOC_KINDS = {"协定", "公约", "宪章", "宣言", "纲要", "构想", "行动计划", "规划", "议定书", "备忘录", "联合声明", "战略", "条例"};
    private static final String[] DOC_SUBJECTS = {
        "国际道路运输便利化", "打击恐怖主义、分裂主义和极端主义", "环保合作", "经贸合作", "长期睦邻友好合作", "国际信息安全保障领域合作",
        "海关合作与互助", "农业合作", "科技伙伴计划", "数字经济领域合作", "能源合作", "粮食安全合作", "禁毒合作", "旅游合作发展",
        "文化合作", "卫生防疫合作", "教育合作", "地方合作发展", "铁路领域合作", "绿色发展", "青年交流", "应对气候变化", "减贫合作", "中小企业合作"};
    private static final String[] DOC_SCOPES = {"上海合作组织成员国", "上合组织成员国", "上合组织成员国政府间", "上海合作组织", "上合组织", "成员国"};
    private static final String[] VERBS = {"签署", "通过", "批准", "发表", "发布"};
    private static final String[] LEADS = {"各代表团团长", "成员国", "各方", "外长们", "成员国领导人", "与会者"};
    private static final String[] SAYS = {"强调", "指出", "重申", "表示", "认为", "注意到", "欢迎", "支持", "高度评价", "愿"};
    private static final String[] TOPICS = {
        "加强政策沟通、安全合作、贸易畅通、资金融通、民心相通", "维护地区和平、安全与稳定", "推动构建更加公正合理的国际秩序",
        "深化经贸、投资和互联互通领域合作", "保障交通、粮食和能源安全", "发展数字经济和电子商务", "开展人文交流与合作",
        "共同应对新威胁新挑战", "落实联合国2030年可持续发展议程", "促进地区经济复苏与可持续增长", "加强金融领域合作，扩大本币结算",
        "完善上合组织常设机构工作", "深化旅游、体育、卫生和教育合作", "提升上合组织国际影响力"};
    private static final String[] CONNECTIVES = {"在此背景下，", "与此同时，", "为此，", "此外，", "", "", "鉴于此，"};
    private static final String[] PAGE_NOISE = {"（下转第四版）", "人民日报 %d年%d月%d日 第3版", "%d-%02d-%02d 08:34", "链接 https://www.example.org/report?id=%d"};

    /**
     * States and cities as the product's gazetteer spelled their preferred labels when the
     * generator was written, sorted. Written out here rather than read from the gazetteer, so
     * that the same seed gives the same corpus whatever the gazetteer learns later: figures of
     * two runs months apart are then of the same text.
     */
    private static final List<String> STATES = List.of(
        "中华人民共和国", "乌兹别克斯坦共和国", "亚美尼亚共和国", "伊朗伊斯兰共和国", "俄罗斯联邦", "卡塔尔国", "印度共和国",
        "吉尔吉斯共和国", "哈萨克斯坦共和国", "土库曼斯坦", "土耳其共和国", "塔吉克斯坦共和国", "尼泊尔联邦民主共和国",
        "巴基斯坦伊斯兰共和国", "巴林王国", "斯里兰卡民主社会主义共和国", "柬埔寨王国", "沙特阿拉伯王国", "白俄罗斯共和国",
        "科威特国", "缅甸联邦共和国", "美利坚合众国", "老挝人民民主共和国", "蒙古国", "阿塞拜疆共和国", "阿富汗伊斯兰共和国",
        "阿拉伯埃及共和国", "阿拉伯联合酋长国", "马尔代夫共和国");
    private static final List<String> CITIES = List.of(
        "上海", "乌兰巴托", "乌法", "乔蓬阿塔", "伊斯兰堡", "克拉玛依", "勒克瑙", "北京", "南昌", "叶卡捷琳堡", "哈尔滨", "喀布尔",
        "图拉", "圣彼得堡", "塔什干", "天津", "布哈拉", "希瓦", "德黑兰", "成都", "撒马尔罕", "新德里", "明斯克", "杜尚别", "果阿",
        "比什凯克", "瓦拉纳西", "符拉迪沃斯托克", "索契", "纽约", "莫斯科", "车里雅宾斯克", "鄂木斯克", "阿克套", "阿拉木图",
        "阿斯塔纳", "青岛");

    private final long seed;

    public CorpusGenerator(long seed) {
        this.seed = seed;
    }

    /** The file name of document {@code i}. */
    public String fileName(int i) {
        return String.format("%05d_%016x.txt", i, mix(seed, i));
    }

    /** Document {@code i}: a function of the seed and {@code i} only. */
    public String document(int i) {
        return new Doc(new Random(mix(seed, i)), i).text();
    }

    /** What {@link #write} produced. */
    public record Corpus(Path dir, int documents, long bytes, long chars) {}

    /**
     * Writes documents {@code 0, 1, ...} into {@code dir} (created when missing) until at
     * least {@code targetBytes} of UTF-8 are written. Files already there with the same
     * content are left alone, so a second run costs only the generation.
     */
    public Corpus write(Path dir, long targetBytes) throws IOException {
        Files.createDirectories(dir);
        long bytes = 0, chars = 0;
        int i = 0;
        while (bytes < targetBytes) {
            String text = document(i);
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            Path f = dir.resolve(fileName(i));
            if (!Files.isRegularFile(f) || Files.size(f) != b.length) Files.write(f, b);
            bytes += b.length;
            chars += text.length();
            i++;
        }
        return new Corpus(dir, i, bytes, chars);
    }

    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One document under construction. */
    private final class Doc {
        final Random r;
        final int index;
        final StringBuilder sb = new StringBuilder(40_000);
        final int year, month, day;

        Doc(Random r, int index) {
            this.r = r;
            this.index = index;
            java.time.LocalDate start = meetingDay(index);
            this.year = start.getYear();
            this.month = start.getMonthValue();
            this.day = start.getDayOfMonth();
        }

        String text() {
            int target = MIN_BYTES + r.nextInt(MAX_BYTES - MIN_BYTES);
            boolean traditional = r.nextInt(8) == 0;
            int council = r.nextInt(COUNCILS.length);
            int ordinal = 1 + r.nextInt(25);
            boolean numeralOrdinal = r.nextInt(6) > 0;
            String ord = numeralOrdinal ? "第" + chineseNumber(ordinal) + "次会议" : "例行会议";
            sb.append(r.nextBoolean() ? "\n" : "").append(COUNCILS[council]).append(ord).append(pick(GENRES)).append("\n");
            if (r.nextInt(3) == 0) sb.append(String.format("%d-%02d-%02d 09:15%n", year, month, day));
            sb.append('\n');
            boolean online = r.nextInt(10) == 0;
            String venue = r.nextInt(5) == 0 ? pick(INVENTED_VENUES) : pick(CITIES);
            java.time.LocalDate next = java.time.LocalDate.of(year, month, day).plusDays(1);
            String dates = r.nextBoolean() ? date(year, month, day)
                : date(year, month, day) + "至" + (next.getMonthValue() == month ? "" : next.getMonthValue() + "月") + next.getDayOfMonth() + "日";
            String host = pick(STATES.subList(0, 10));
            para(dates + "，上海合作组织（以下简称“上合组织”或“本组织”）成员国" + SHORT_COUNCILS[council]
                + ord + (online ? "以视频方式举行。" : "在" + venue + "举行。") + attendees(6 + r.nextInt(4)) + "出席会议。");
            para(host + pick(TITLES_OF_OFFICE) + name() + "主持会议。");
            para(bodies() + "列席会议。");
            para("上合组织观察员国" + attendees(1 + r.nextInt(2)) + "、会议主办国客人" + attendees(1)
                + "以及" + orgs() + "常设机构负责人列席会议。");
            int from = year - 1;
            para(pick(LEADS) + "高度评价" + pick(STATES) + "担任" + from + "年至" + year + "年上合组织轮值主席国期间所做工作。");
            while (utf8(sb) < target - 600) body();
            para(pick(LEADS) + "支持" + pick(STATES) + "担任" + year + "年至" + (year + 1) + "年上合组织轮值主席国。");
            para("上合组织成员国" + SHORT_COUNCILS[council] + "下次会议将于" + (year + 1) + "年在" + pick(STATES) + "举行。");
            sb.append('\n');
            for (String s : attendeeNames(3 + r.nextInt(4))) sb.append(s).append('\n');
            sb.append(r.nextBoolean() ? date(year, month, day) : chineseDate(year, month, day)).append('\n');
            String t = sb.toString();
            if (traditional) t = HanLP.convertToTraditionalChinese(t).replace('，', ',').replace('（', '(').replace('）', ')');
            return t;
        }

        void para(String s) {
            sb.append("\u3000\u3000").append(s).append('\n');
        }

        /** A paragraph of the body: opinions, with 《…》 mentions in every style, and some page noise. */
        void body() {
            StringBuilder p = new StringBuilder();
            int sentences = 2 + r.nextInt(4);
            for (int k = 0; k < sentences; k++) {
                p.append(pick(CONNECTIVES)).append(pick(LEADS)).append(pick(SAYS));
                switch (r.nextInt(7)) {
                    case 0 -> p.append(dateLike()).append("在").append(venueLike()).append(pick(VERBS)).append("的").append(title()).append("的重要意义");
                    case 1 -> p.append("落实").append(title()).append("（").append(dateLike()).append("，").append(venueLike()).append("）");
                    case 2 -> p.append("根据").append(title()).append("原则，").append(pick(TOPICS));
                    case 3 -> p.append("批准了").append(title()).append("和").append(title());
                    case 4 -> p.append("落实").append(dateLike()).append("通过的").append(title()).append("，").append(pick(TOPICS));
                    case 5 -> p.append(dateLike()).append("在").append(venueLike()).append("举行的上合组织").append(pick(DOC_SUBJECTS)).append("部长第")
                        .append(chineseNumber(1 + r.nextInt(12))).append("次会议成果");
                    default -> p.append(pick(TOPICS)).append("，").append(pick(TOPICS));
                }
                p.append(r.nextInt(4) == 0 ? "；" : "。");
            }
            if (r.nextInt(25) == 0) {
                String noise = pick(PAGE_NOISE);
                p.append('\n').append(String.format(noise, year, month, day)).append('\n');
            }
            para(p.toString());
        }

        /** A named document: sometimes with a nested title, sometimes broken across lines. */
        String title() {
            String core = pick(DOC_SCOPES) + pick(DOC_SUBJECTS) + pick(DOC_KINDS);
            int shape = r.nextInt(10);
            if (shape == 0) core = "关于" + pick(DOC_SCOPES) + "落实《" + pick(DOC_SCOPES) + pick(DOC_SUBJECTS) + pick(DOC_KINDS) + "》的" + pick(DOC_KINDS);
            else if (shape == 1) core = pick(DOC_SCOPES) + pick(DOC_SUBJECTS) + pick(DOC_KINDS) + "20" + (10 + r.nextInt(16)) + "—20" + (26 + r.nextInt(10)) + "年" + pick(DOC_KINDS);
            if (r.nextInt(12) == 0 && core.length() > 6) {
                int cut = 2 + r.nextInt(core.length() - 4);
                core = core.substring(0, cut) + "\n" + core.substring(cut);
            }
            return "《" + core + "》";
        }

        String dateLike() {
            int y = 2001 + r.nextInt(25);
            return switch (r.nextInt(4)) {
                case 0 -> y + "年";
                case 1 -> y + "年" + (1 + r.nextInt(12)) + "月";
                default -> date(y, 1 + r.nextInt(12), 1 + r.nextInt(28));
            };
        }

        String venueLike() {
            return r.nextInt(6) == 0 ? pick(INVENTED_VENUES) : pick(CITIES);
        }

        String attendees(int n) {
            List<String> out = attendeeNames(n);
            return String.join("、", out);
        }

        List<String> attendeeNames(int n) {
            List<String> out = new ArrayList<>();
            for (int k = 0; k < n; k++) out.add(pick(STATES) + pick(TITLES_OF_OFFICE) + name());
            return out;
        }

        String bodies() {
            List<String> out = new ArrayList<>();
            for (String b : SCO_BODIES) if (r.nextInt(3) > 0) out.add(b + name());
            if (out.isEmpty()) out.add(SCO_BODIES[0] + name());
            return String.join("、", out);
        }

        String orgs() {
            List<String> out = new ArrayList<>();
            for (String o : ORGANISATIONS) if (r.nextInt(2) == 0) out.add(o);
            if (out.isEmpty()) out.add(ORGANISATIONS[0]);
            return String.join("、", out);
        }

        /** A transliterated name of 2–5 syllables, sometimes two parts with ·, sometimes a Chinese name. */
        String name() {
            if (r.nextInt(8) == 0) return pick(CHINESE_SURNAMES) + pick(CHINESE_GIVEN) + (r.nextBoolean() ? pick(CHINESE_GIVEN) : "");
            String n = syllables(2 + r.nextInt(4));
            if (r.nextInt(10) == 0) n = syllables(2 + r.nextInt(2)) + "·" + n;
            return n;
        }

        String syllables(int k) {
            StringBuilder n = new StringBuilder();
            for (int j = 0; j < k; j++) n.append(pick(SYLLABLES));
            return n.toString();
        }

        <T> T pick(T[] a) { return a[r.nextInt(a.length)]; }
        <T> T pick(List<T> a) { return a.get(r.nextInt(a.size())); }
    }

    private static long utf8(CharSequence s) {
        // CJK text: 3 bytes per BMP character outside ASCII; an estimate is enough for sizing.
        long n = 0;
        for (int i = 0; i < s.length(); i++) n += s.charAt(i) < 0x80 ? 1 : s.charAt(i) < 0x800 ? 2 : 3;
        return n;
    }

    /** Days from 2002-01-01 to 2025-12-31: the span the meeting days are spread over. */
    private static final int SPAN_DAYS = 8766;
    /** Coprime with {@link #SPAN_DAYS}, so index → day is one-to-one within a span. */
    private static final int DAY_STRIDE = 7919;

    /**
     * The first day of document {@code index}'s meeting: a different day for every document
     * (spread over 2002–2025, then the next 24 years), so that two generated documents never
     * report one meeting (its IRI is council + first day) with different venues or chairs,
     * which SHACL would rightly flag.
     */
    static java.time.LocalDate meetingDay(int index) {
        long offset = (long) index * DAY_STRIDE % SPAN_DAYS + (long) (index / SPAN_DAYS) * SPAN_DAYS;
        return java.time.LocalDate.of(2002, 1, 1).plusDays(offset);
    }

    static String date(int y, int m, int d) {
        return y + "年" + m + "月" + d + "日";
    }

    private static final String DIGITS = "〇一二三四五六七八九";

    /** 二〇二一年十一月二十五日, as signature blocks write dates. */
    static String chineseDate(int y, int m, int d) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(y).toCharArray()) sb.append(DIGITS.charAt(c - '0'));
        return sb.append('年').append(chineseNumber(m)).append('月').append(chineseNumber(d)).append('日').toString();
    }

    /** 1..99 in Chinese numerals: 八, 十二, 二十二. */
    static String chineseNumber(int n) {
        if (n < 10) return String.valueOf(DIGITS.charAt(n));
        int tens = n / 10, ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }
}
