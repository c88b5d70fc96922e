package org.scokg.normalize;

import java.util.BitSet;
import java.util.List;

import com.hankcs.hanlp.HanLP;

/**
 * The text the extraction rules read, and the way back to the original.
 *
 * <p>Rules are written against one spelling of the genre, so this view removes what varies
 * without meaning: every whitespace character (Chinese has no word spaces; line breaks and
 * page layout fall inside sentences and titles), noise spans such as page headers or URLs,
 * half-width punctuation (turned full-width), full-width digits and Latin letters (turned
 * ASCII), and traditional script (turned simplified, character for character so that
 * offsets survive). Where a line break, an ideographic space, a run of spaces or noise was
 * removed, {@link #isBreak(int)} says so:
 * rules that care about layout (the signature block) can look.
 *
 * <p>{@link #toOriginal(int)} maps any index of the normalised text to the index in the
 * original text, and {@link #codePointOffset(int)} turns that into the code-point offset
 * the graph records.
 */
public final class NormalizedText {
    private final String original;
    private final String text;
    private final int[] toOriginal;
    private final BitSet breaks;
    private final BitSet lineBreaks;
    private final BitSet paragraphBreaks;
    private final boolean traditional;

    private NormalizedText(String original, String text, int[] toOriginal, BitSet breaks, BitSet lineBreaks, BitSet paragraphBreaks, boolean traditional) {
        this.original = original;
        this.text = text;
        this.toOriginal = toOriginal;
        this.breaks = breaks;
        this.lineBreaks = lineBreaks;
        this.paragraphBreaks = paragraphBreaks;
        this.traditional = traditional;
        this.supplementaryBefore = countSupplementary(original);
    }

    /**
     * Normalises {@code original}, dropping the given noise spans.
     *
     * @param noise spans {@code [start, end)} of the original text to drop, any order, may overlap
     */
    public static NormalizedText of(String original, List<int[]> noise) {
        return of(original, null, noise);
    }

    /**
     * Normalises {@code original} whose simplified-script form the caller has already
     * computed ({@link #toSimplified}: character for character), so the conversion is not
     * done twice; {@code simplified} null means "compute it".
     */
    public static NormalizedText of(String original, String simplified, List<int[]> noise) {
        if (simplified != null && simplified.length() != original.length())
            throw new IllegalArgumentException("the simplified text must have the original's length");
        String source = simplified == null ? original : simplified;
        BitSet dropped = new BitSet(original.length());
        for (int[] span : noise) dropped.set(Math.max(0, span[0]), Math.min(original.length(), span[1]));
        StringBuilder sb = new StringBuilder(original.length());
        int[] map = new int[original.length() + 1];
        BitSet breaks = new BitSet();
        BitSet lineBreaks = new BitSet();
        BitSet paragraphBreaks = new BitSet();
        boolean pendingBreak = false, pendingLine = false;
        int spaceRun = 0, lastGap = -1, newlines = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = source.charAt(i);
            if (dropped.get(i) || isSpace(c)) {
                lastGap = i;
                // A layout break is a line break, an ideographic space, a run of spaces or
                // removed noise; a single space (2019 - 2020) only separates words.
                spaceRun++;
                if (dropped.get(i) || c == '\n' || c == '\r' || c == '\u3000' || spaceRun >= 2) pendingBreak = true;
                if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') pendingLine = true;
                // \r\n is one line break; a paragraph separator is two
                if (c == '\n' || c == '\u2028' || c == '\r' && (i + 1 == original.length() || source.charAt(i + 1) != '\n')) newlines++;
                if (c == '\u2029') newlines += 2;
                continue;
            }
            spaceRun = 0;
            char f = fold(c);
            if (pendingBreak) {
                // Two numbers a layout break kept apart stay apart (a page's date above a
                // report's day: 2025-06-28 / 6月26日): a comma stands for the break.
                if (sb.length() > 0 && isAsciiDigit(sb.charAt(sb.length() - 1)) && isAsciiDigit(f)) {
                    map[sb.length()] = lastGap;
                    sb.append('，');
                }
                breaks.set(sb.length());
                pendingBreak = false;
            }
            if (pendingLine) {
                lineBreaks.set(sb.length());
                if (newlines >= 2) paragraphBreaks.set(sb.length());
                pendingLine = false;
            }
            newlines = 0;
            map[sb.length()] = i;
            sb.append(f);
        }
        map[sb.length()] = original.length();
        if (pendingBreak) breaks.set(sb.length());
        if (pendingLine) lineBreaks.set(sb.length());
        String folded = sb.toString();
        String text = simplified == null ? toSimplified(folded) : folded;
        int[] trimmed = java.util.Arrays.copyOf(map, folded.length() + 1);
        boolean traditional = simplified == null ? !text.equals(folded) : !simplified.equals(original);
        return new NormalizedText(original, text, trimmed, breaks, lineBreaks, paragraphBreaks, traditional);
    }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

    /** Whitespace of any width, including the ideographic space and the byte-order mark. */
    public static boolean isSpace(char c) {
        // Between the ideographic space and the byte-order mark (CJK, most of the text) nothing is a space.
        if (c > '\u3000' && c < '\uFEFF') return false;
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    /**
     * One character as the rules expect it: full-width punctuation, ASCII digits and letters.
     * Quotes and dashes are kept as written; rules accept their variants.
     */
    public static char fold(char c) {
        switch (c) {
            case ',': return '，';
            case '(': return '（';
            case ')': return '）';
            case ';': return '；';
            case ':': return '：';
            case '?': return '？';
            case '!': return '！';
            // the dots between the parts of a transliterated name: 沙·米尔济约耶夫, 沙‧米爾濟約耶夫, 沙・米…
            case '\u2027', '\u30FB', '\u2022', '\u00B7', '\u2219', '\u22C5': return '·';
            default:
        }
        if (c >= '\uFF10' && c <= '\uFF19') return (char) ('0' + (c - '\uFF10'));
        if (c >= '\uFF21' && c <= '\uFF3A') return (char) ('A' + (c - '\uFF21'));
        if (c >= '\uFF41' && c <= '\uFF5A') return (char) ('a' + (c - '\uFF41'));
        return c;
    }

    /**
     * Traditional to simplified with HanLP, keeping one character for one character: HanLP
     * converts phrase by phrase, and where a phrase changes length the characters are
     * converted one by one instead, so that the offset map stays valid.
     */
    public static String toSimplified(String s) {
        if (s.isEmpty()) return s;
        if (s.length() > SHORT) return convert(s);
        // Titles and names recur across a corpus: remember the conversion of short strings.
        String cached = SHORT_CONVERSIONS.get(s);
        if (cached != null) return cached;
        String converted = convert(s);
        if (SHORT_CONVERSIONS.size() >= SHORT_CACHE) SHORT_CONVERSIONS.clear();
        SHORT_CONVERSIONS.put(s, converted);
        return converted;
    }

    /** At most 20 000 strings of at most 256 chars (titles, names) are remembered: ten MB at worst. */
    private static final int SHORT = 256;
    private static final int SHORT_CACHE = 20_000;
    private static final java.util.Map<String, String> SHORT_CONVERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String convert(String s) {
        String whole = HanLP.convertToSimplifiedChinese(s);
        if (whole.length() == s.length()) return whole;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            String one = HanLP.convertToSimplifiedChinese(String.valueOf(s.charAt(i)));
            sb.append(one.length() == 1 ? one.charAt(0) : s.charAt(i));
        }
        return sb.toString();
    }

    /** The normalised text the rules read. */
    public String text() { return text; }

    /** The original text, as decoded. */
    public String original() { return original; }

    /** True when the source was (at least partly) in traditional script. */
    public boolean hadTraditionalScript() { return traditional; }

    /** True when whitespace or noise was removed just before index {@code i}. */
    public boolean isBreak(int i) { return breaks.get(i); }

    /** True when a new line starts at index {@code i}: a line break was removed just before it. */
    public boolean isLineStart(int i) { return lineBreaks.get(i); }

    /** True when a new paragraph starts at index {@code i}: an empty line (or a paragraph separator) was removed just before it. */
    public boolean isParagraphStart(int i) { return paragraphBreaks.get(i); }

    /** The index in the original text of the normalised index {@code i} (0..length). */
    public int toOriginal(int i) { return toOriginal[i]; }

    /** The original characters behind the normalised span {@code [start, end)}, as written. */
    public String originalSpan(int start, int end) {
        if (end <= start) return "";
        return original.substring(toOriginal[start], toOriginal[end - 1] + 1);
    }

    /** The code-point offset in the original text of the normalised index {@code i}. */
    public int codePointOffset(int i) {
        int o = toOriginal[i];
        return supplementaryBefore == null ? o : o - supplementaryBefore[o];
    }

    /**
     * For texts with characters outside the BMP: how many low surrogates stand before each
     * index, so that a code-point offset costs no scan. Null for the usual all-BMP text.
     */
    private final int[] supplementaryBefore;

    private static int[] countSupplementary(String original) {
        boolean any = false;
        for (int i = 0; i < original.length() && !any; i++) any = Character.isSurrogate(original.charAt(i));
        if (!any) return null;
        int[] before = new int[original.length() + 1];
        for (int i = 0; i < original.length(); i++)
            before[i + 1] = before[i] + (Character.isLowSurrogate(original.charAt(i)) ? 1 : 0);
        return before;
    }
}
