package org.scokg.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which titles of a corpus name one document although their keys ({@link TitleKey})
 * differ: what can only be decided once every source is in. A key folds the spelling of
 * one title; across years the drafters also reword a title a little (上合组织科技园区库 /
 * 科技园园区库, 卫生部门远程医疗 / 远程医疗领域, a plan cited with and without its years), and
 * no key can fold that without also folding different documents (关于粮食安全的声明 /
 * 关于维护国际粮食安全的声明). So the corpus decides, under rule {@value #RULE}: two
 * documents are one when
 * <ol>
 *   <li>their titles are of one type (both 构想, both 协定… by {@link DocumentTypes});</li>
 *   <li>their keys differ only by a year range the shorter one leaves out (…2021—2023年
 *       共同建议措施计划), or by at most {@value #MAX_EDITS} characters added or dropped in
 *       runs of at most {@value #MAX_RUN} (a qualifier such as 建立 or 卫生, a doubled
 *       character; never a word swapped for another), none a digit, a dash or inside an
 *       inner title, in a key at least {@value #CHARS_PER_EDIT} times as long as the
 *       edits and at least {@value #MIN_LENGTH} characters long;</li>
 *   <li>no source cites both: one text spells one document one way, so two near titles in
 *       one text are two documents (the statements of one summit);</li>
 *   <li>their acts agree where both are dated (2021 and 2021-11-25 agree, 2007 and 2021 do
 *       not);</li>
 *   <li>each is the other's only candidate: with two candidates nothing is merged.</li>
 * </ol>
 * The document with the longer key (then the smaller) stands for the pair, so the choice
 * does not change as sources come and go.
 */
public final class VariantTitles {
    private VariantTitles() {}

    /** The rule name recorded on every merge. */
    public static final String RULE = "document.variant-title";
    static final int MAX_EDITS = 3;
    static final int MAX_RUN = 2;
    static final int CHARS_PER_EDIT = 4;
    /** A key shorter than this has no room for rewording: 联合国宪章 / 联合国新宪章. */
    static final int MIN_LENGTH = 8;
    /** A year range as keys write it, bracketed or not: 2021—2023年, （2022—2024年）. */
    private static final Pattern YEAR_RANGE = Pattern.compile("（?[12][0-9]{3}—[12][0-9]{3}年）?");

    /**
     * One document as the corpus cites it.
     *
     * @param key      its {@link TitleKey}
     * @param sources  the sources that cite it
     * @param actDates the lexical dates of its signing or adoption the citations give (may be empty)
     */
    public record Cited(String key, Set<String> sources, Set<String> actDates) {
        public Cited {
            Objects.requireNonNull(key, "key");
            sources = Set.copyOf(sources);
            actDates = Set.copyOf(actDates);
        }
    }

    /** For each key that names the same document as another, the key that stands for both. */
    public static Map<String, String> merges(Collection<Cited> corpus) {
        Map<String, Cited> byKey = new HashMap<>();
        for (Cited c : corpus) byKey.merge(c.key(), c, (a, b) -> new Cited(a.key(), union(a.sources(), b.sources()), union(a.actDates(), b.actDates())));
        Map<String, List<String>> candidates = new HashMap<>();
        for (String[] pair : nearPairs(byKey.keySet())) {
            Cited a = byKey.get(pair[0]), b = byKey.get(pair[1]);
            if (!disjoint(a.sources(), b.sources()) || !datesAgree(a.actDates(), b.actDates())) continue;
            candidates.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(b.key());
            candidates.computeIfAbsent(b.key(), k -> new ArrayList<>()).add(a.key());
        }
        Map<String, String> out = new TreeMap<>();
        candidates.forEach((key, others) -> {
            if (others.size() != 1) return;
            String other = others.get(0);
            if (candidates.get(other).size() != 1) return;
            String standing = STANDS_FIRST.compare(key, other) <= 0 ? key : other;
            if (!standing.equals(key)) out.put(key, standing);
        });
        return out;
    }

    /** Longer key first (the fuller title), then code-point order. */
    private static final Comparator<String> STANDS_FIRST =
        Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

    /**
     * The pairs of keys that differ as {@link VariantTitles} allows, of one type. Keys are
     * compared only within a group of one type and one sequence of digits (an allowed edit
     * never touches a digit), or, for a year range left out, looked up directly.
     */
    static List<String[]> nearPairs(Collection<String> keys) {
        List<String[]> out = new ArrayList<>();
        Set<String> all = Set.copyOf(keys);
        Map<String, List<String>> groups = new HashMap<>();
        for (String k : keys) {
            Matcher m = YEAR_RANGE.matcher(k);
            while (m.find()) {
                String without = k.substring(0, m.start()) + k.substring(m.end());
                if (all.contains(without) && sameType(k, without)) out.add(new String[] {without, k});
            }
            groups.computeIfAbsent(DocumentTypes.typeOf(k) + "|" + k.replaceAll("[^0-9]", ""), g -> new ArrayList<>()).add(k);
        }
        for (List<String> group : groups.values()) {
            if (group.size() < 2 || DocumentTypes.typeOf(group.get(0)) == null) continue;
            group.sort(Comparator.comparingInt(String::length));
            List<char[]> sorted = group.stream().map(VariantTitles::sortedChars).toList();
            for (int i = 0; i < group.size(); i++) {
                String a = group.get(i);
                for (int j = i + 1; j < group.size() && group.get(j).length() - a.length() <= MAX_EDITS; j++) {
                    String b = group.get(j);
                    if (charactersDifferBy(sorted.get(i), sorted.get(j)) <= MAX_EDITS && withinEdits(a, b))
                        out.add(new String[] {a, b});
                }
            }
        }
        return out;
    }

    /**
     * How many characters two keys (their characters sorted) do not share, counted as multisets: a lower bound of
     * the edits between them, cheap enough to try on every pair of a group first.
     */
    static int charactersDifferBy(char[] x, char[] y) {
        int i = 0, j = 0, differ = 0;
        while (i < x.length && j < y.length && differ <= MAX_EDITS) {
            if (x[i] == y[j]) { i++; j++; }
            else if (x[i] < y[j]) { i++; differ++; }
            else { j++; differ++; }
        }
        return differ + (x.length - i) + (y.length - j);
    }

    private static char[] sortedChars(String s) {
        char[] c = s.toCharArray();
        java.util.Arrays.sort(c);
        return c;
    }

    private static boolean sameType(String a, String b) {
        String t = DocumentTypes.typeOf(a);
        return t != null && t.equals(DocumentTypes.typeOf(b));
    }

    /**
     * True when {@code a} becomes {@code b} by dropping and adding at most
     * {@value #MAX_EDITS} characters, in runs of at most {@value #MAX_RUN} consecutive
     * characters that are all dropped or all added (a word swapped for another, 协定 for
     * 议定书, is no rewording), touching no digit, no dash, no title mark and nothing inside an
     * inner title (which names another document), and the shorter is long enough for that
     * many edits (and at least {@value #MIN_LENGTH} characters). A small dynamic programme over (position in a, position in b, the current
     * run) that keeps the fewest edits.
     */
    static boolean withinEdits(String a, String b) {
        if (a.equals(b)) return false;
        int n = a.length(), m = b.length();
        boolean[] fixedA = fixed(a), fixedB = fixed(b);
        // run: 0 = none, 1..MAX_RUN = dropping from a, MAX_RUN+1..2*MAX_RUN = adding from b
        int[][][] best = new int[n + 1][m + 1][2 * MAX_RUN + 1];
        for (int[][] plane : best) for (int[] row : plane) java.util.Arrays.fill(row, Integer.MAX_VALUE);
        best[0][0][0] = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                for (int run = 0; run <= 2 * MAX_RUN; run++) {
                    int cost = best[i][j][run];
                    if (cost >= MAX_EDITS + 1) continue;
                    if (i < n && j < m && a.charAt(i) == b.charAt(j)) relax(best, i + 1, j + 1, 0, cost);
                    if (cost == MAX_EDITS) continue;
                    boolean dropping = run >= 1 && run <= MAX_RUN, adding = run > MAX_RUN;
                    if (i < n && !fixedA[i] && !adding && run < MAX_RUN) relax(best, i + 1, j, run + 1, cost + 1);
                    if (j < m && !fixedB[j] && !dropping && run < 2 * MAX_RUN)
                        relax(best, i, j + 1, adding ? run + 1 : MAX_RUN + 1, cost + 1);
                }
            }
        }
        int edits = Integer.MAX_VALUE;
        for (int run = 0; run <= 2 * MAX_RUN; run++) edits = Math.min(edits, best[n][m][run]);
        return edits <= MAX_EDITS && Math.min(n, m) >= Math.max(MIN_LENGTH, CHARS_PER_EDIT * edits);
    }

    private static void relax(int[][][] best, int i, int j, int run, int cost) {
        if (cost < best[i][j][run]) best[i][j][run] = cost;
    }

    /**
     * The characters of a key no edit may drop or add: digits (years tell plans apart),
     * dashes, title marks, and everything inside an inner title.
     */
    private static boolean[] fixed(String key) {
        boolean[] out = new boolean[key.length()];
        int depth = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '〈') depth++;
            out[i] = depth > 0 || (c >= '0' && c <= '9') || c == '—' || c == '〉';
            if (c == '〉' && depth > 0) depth--;
        }
        return out;
    }

    /**
     * Dates agree when either side has none, or some date of one is a date of the other or
     * a less precise form of it ("2021" and "2021-11-25").
     */
    static boolean datesAgree(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return true;
        for (String x : a) for (String y : b) if (Dates.consistent(x, y)) return true;
        return false;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        for (String x : a) if (b.contains(x)) return false;
        return true;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
