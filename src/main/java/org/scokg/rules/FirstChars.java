package org.scokg.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The characters that can start a match of a regular expression, when that set can be
 * read off the pattern exactly: a necessary condition the engine checks before it tries a
 * match at a position, so that a pattern starting with a lexicon of fifty names is tried
 * only where one of their first characters stands.
 *
 * <p>Assertions ({@code ^ $ \b}, lookarounds) consume nothing: a match that starts with
 * one starts with what follows it, so the set is read past them (the engine tries a
 * position with transparent bounds, so they see the text before it as {@code find()} does).
 *
 * <p>Conservative by construction: {@link #of} returns null (no prefilter) for a pattern
 * that can match the empty string, that may start with a character it cannot enumerate
 * ({@code .}, {@code \p{..}}, {@code \S}, a negated class) or a surrogate, and for any
 * pattern compiled with flags, with inline flags other than {@code m s d} (which change no
 * character a match can start with), with numbered back-references or with syntax it does
 * not read. A named back-reference ({@code \k<name>}) is read as what it is: unknown
 * characters, perhaps none.
 *
 * <p>The same reading gives the <em>required strings</em>: literal text one of which every
 * match contains (a run of plain characters or a small alternation of them, outside any
 * lookbehind or negative lookahead and not optional), at most {@value #MAX_REQUIRED} strings,
 * the longest found. A match starting at position {@code i} contains one of them at or after
 * {@code i} (or, for a positive lookahead's, is followed by one there). Every element of a
 * sequence must match, so a match holds one string of each of their sets: up to
 * {@value #MAX_REQUIRED_SETS} sets are kept (会议在 and 举行 and 年), so that a sentence
 * lacking any of them is not searched at all.
 *
 * <p>A pattern that starts with a positive lookbehind ({@code (?<=^|、|以及)}, what a list's
 * item follows) tells the character that must stand before a match: the last character of
 * one of its branches, or the start of the text for {@code ^}. The engine tries a position
 * only where that holds, for a pattern whose first character it cannot tell.
 */
final class FirstChars {
    private FirstChars() {}

    /** Thrown on syntax this reader does not handle: no prefilter for that pattern. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() { super(null, null, false, false); }
    }

    /**
     * What a piece of pattern can start with. {@code unknown}: the first character cannot
     * be enumerated (or the piece may start with a zero-width assertion). {@code required}:
     * sets of strings such that every match of the piece contains one string of each set at
     * or after its start (a positive lookahead's, after it); empty when none is known or the
     * piece may be skipped. {@code last}, {@code lastUnknown}: likewise the character a
     * match of the piece ends with (what a lookbehind checks). {@code before}: the character
     * that must stand before a match of the piece (a leading lookbehind), or null.
     */
    private record Start(BitSet first, boolean nullable, boolean unknown, Set<String> literals, List<Set<String>> required,
                         BitSet last, boolean lastUnknown, Before before) {
        /** A piece that starts and ends with a character of {@code first} (one character long, or repeated). */
        Start(BitSet first, boolean nullable, boolean unknown) { this(first, nullable, unknown, null, List.of(), first, unknown, null); }

        static Start of(BitSet chars) { return new Start(chars, false, false); }
        static Start literal(char c) {
            BitSet one = new BitSet();
            one.set(c);
            Set<String> s = Set.of(String.valueOf(c));
            return new Start(one, false, false, s, List.of(s), one, false, null);
        }
        static Start anyChar() { return new Start(new BitSet(), false, true); }
        /** Zero-width: consumes nothing, so what can start a match is what follows it. */
        static Start assertion() { return new Start(new BitSet(), true, false); }

        /** Consumes nothing: no character can start it, yet it may match. */
        boolean zeroWidth() { return nullable && !unknown && first.isEmpty(); }

        /** The same piece, which may also match the empty string (it is optional): nothing is required of it. */
        Start optional() { return new Start(first, true, unknown, null, List.of(), last, lastUnknown, null); }
    }

    /**
     * The characters one of which must stand just before a match ({@code chars}), or the
     * start of the text ({@code atStart}): what a leading lookbehind such as
     * {@code (?<=^|、|以及)} asks.
     */
    record Before(BitSet chars, boolean atStart) {}

    /**
     * What the engine may use of a pattern: the characters a match must start with (null:
     * try every position), strings one of which every match contains (null: none known),
     * more such sets that every match must also satisfy, the most selective first
     * ({@code required} is the first of them), and what must stand before a match (null:
     * nothing known).
     */
    record Analysis(BitSet first, String[] required, String[][] allRequired, Before before) {}

    private static final Analysis NOTHING = new Analysis(null, null, null, null);

    /** At most this many required sets are kept: each costs a search of the text. */
    private static final int MAX_REQUIRED_SETS = 6;

    /** The set of characters a match of {@code p} must start with, or null when it cannot be told exactly. */
    static BitSet of(Pattern p) { return analyse(p).first(); }

    static Analysis analyse(Pattern p) {
        // flags() also reports inline flags set at the top level; the reader vets those itself.
        if ((p.flags() & ~(Pattern.MULTILINE | Pattern.DOTALL | Pattern.UNIX_LINES)) != 0) return NOTHING;
        String regex = p.pattern();
        Start s;
        try {
            Reader r = new Reader(regex);
            s = r.alternation();
            if (r.i != r.s.length()) return NOTHING;
        } catch (GiveUp | IndexOutOfBoundsException | IllegalArgumentException e) {
            return NOTHING;
        }
        // The most selective sets first (longer shortest string, then fewer strings), without a
        // set that another implies (主 where 主持 is required).
        List<Set<String>> sets = s.required().stream().filter(FirstChars::usable)
            .sorted(Comparator.comparingInt((Set<String> x) -> -shortest(x)).thenComparingInt(Set::size)).toList();
        List<String[]> kept = new ArrayList<>();
        for (int k = 0; k < sets.size() && kept.size() < MAX_REQUIRED_SETS; k++) {
            Set<String> x = sets.get(k);
            boolean implied = false;
            for (int j = 0; j < sets.size() && !implied; j++)
                implied = j != k && implies(sets.get(j), x) && (j < k || !implies(x, sets.get(j)));
            if (!implied) kept.add(x.stream().sorted().toArray(String[]::new));
        }
        String[][] allRequired = kept.toArray(String[][]::new);
        if (allRequired.length == 0) allRequired = null;
        String[] required = allRequired == null ? null : allRequired[0];
        // What stands before a match is only of use when no match is empty (the engine moves
        // on from the end of each match) and a lookbehind's ^ means the start of the text.
        Before before = s.nullable() || multiline(p) ? null : s.before();
        BitSet first = s.first();
        if (s.unknown() || s.nullable()) first = null;
        else if (first.nextSetBit(Character.MIN_SURROGATE) >= 0
            && first.nextSetBit(Character.MIN_SURROGATE) <= Character.MAX_SURROGATE) first = null;
        // Where Java itself needs no help: a pattern anchored at the start is tried at one
        // position only, and one that starts with a plain character checks that character first.
        if (regex.startsWith("^") && (p.flags() & Pattern.MULTILINE) == 0 || regex.startsWith("\\A")) first = null;
        if (!regex.isEmpty() && "\\[](){}.*+?^$|".indexOf(regex.charAt(0)) < 0
            && (regex.length() == 1 || "?*{".indexOf(regex.charAt(1)) < 0)) first = null;
        return new Analysis(first, required, allRequired, before);
    }

    /** Might {@code ^} match after a line break in {@code p} (the MULTILINE flag, set or inline)? */
    private static boolean multiline(Pattern p) {
        return (p.flags() & Pattern.MULTILINE) != 0 || INLINE_M.matcher(p.pattern()).find();
    }

    private static final Pattern INLINE_M = Pattern.compile("\\(\\?[a-zA-Z-]*m");

    private static boolean usable(Set<String> required) {
        return required != null && !required.isEmpty() && required.size() <= MAX_REQUIRED && !required.contains("");
    }

    /** Whether a text holding a string of {@code a} holds a string of {@code b}: each of {@code a} contains one of {@code b}. */
    private static boolean implies(Set<String> a, Set<String> b) {
        return a.stream().allMatch(x -> b.stream().anyMatch(x::contains));
    }

    private static int shortest(Set<String> strings) {
        return strings.stream().mapToInt(String::length).min().orElse(0);
    }

    /** Sets of literal strings are kept only while small. */
    private static final int MAX_LITERALS = 64;
    /**
     * A required set is looked for in the whole text (where the text's character sketch does not
     * rule a string out), once per string: only small ones pay.
     */
    private static final int MAX_REQUIRED = 16;

    /** Every string of {@code a} followed by every string of {@code b}; null when either is null or too many. */
    private static Set<String> product(Set<String> a, Set<String> b) {
        if (a == null || b == null || (long) a.size() * b.size() > MAX_LITERALS) return null;
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String x : a) for (String y : b) out.add(x + y);
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (a == null || b == null || a.size() + b.size() > MAX_LITERALS) return null;
        Set<String> out = new java.util.LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The most selective of the sets (see {@link #better}), or null when none is usable. */
    private static Set<String> best(List<Set<String>> sets) {
        Set<String> b = null;
        for (Set<String> x : sets) b = better(b, x);
        return b;
    }

    /** The more selective of two required sets: longer shortest string, then fewer strings. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        boolean noA = a == null || a.isEmpty() || a.size() > MAX_REQUIRED || a.contains("");
        boolean noB = b == null || b.isEmpty() || b.size() > MAX_REQUIRED || b.contains("");
        if (noA) return noB ? null : b;
        if (noB) return a;
        int la = a.stream().mapToInt(String::length).min().orElse(0);
        int lb = b.stream().mapToInt(String::length).min().orElse(0);
        if (la != lb) return la > lb ? a : b;
        return a.size() <= b.size() ? a : b;
    }

    /** {@code \s} without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
    private static BitSet whitespace() {
        BitSet b = new BitSet();
        for (char c : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) b.set(c);
        return b;
    }

    /** {@code \w} without UNICODE_CHARACTER_CLASS: [a-zA-Z_0-9]. */
    private static BitSet word() {
        BitSet b = new BitSet();
        b.set('a', 'z' + 1);
        b.set('A', 'Z' + 1);
        b.set('0', '9' + 1);
        b.set('_');
        return b;
    }

    private static final class Reader {
        final String s;
        int i;

        Reader(String s) { this.s = s; }

        boolean more() { return i < s.length(); }

        char peek() { return s.charAt(i); }

        /** seq ('|' seq)* */
        Start alternation() {
            Start acc = sequence();
            while (more() && peek() == '|') {
                i++;
                Start b = sequence();
                BitSet f = (BitSet) acc.first().clone();
                f.or(b.first());
                BitSet l = (BitSet) acc.last().clone();
                l.or(b.last());
                // A match of either branch contains one string of the union of their most selective sets.
                Set<String> required = union(best(acc.required()), best(b.required()));
                Before before = null;
                if (acc.before() != null && b.before() != null) {
                    BitSet chars = (BitSet) acc.before().chars().clone();
                    chars.or(b.before().chars());
                    before = new Before(chars, acc.before().atStart() || b.before().atStart());
                }
                acc = new Start(f, acc.nullable() || b.nullable(), acc.unknown() || b.unknown(),
                    union(acc.literals(), b.literals()), usable(required) ? List.of(required) : List.of(),
                    l, acc.lastUnknown() || b.lastUnknown(), before);
            }
            return acc;
        }

        /** The state of a sequence being read. */
        private final class Seq {
            final BitSet first = new BitSet();
            boolean nullable = true;
            boolean unknown = false;
            /** The sequence so far as literal strings, while it is one. */
            Set<String> literals = Set.of("");
            /** The current run of literal elements, and the required sets so far (every one holds). */
            Set<String> run = Set.of("");
            final List<Set<String>> required = new ArrayList<>();
            /** The characters a match of the sequence so far ends with (when it consumed any). */
            BitSet last = new BitSet();
            boolean lastUnknown = false;
            /** Whether every element so far is zero-width, and the first thing said of the character before. */
            boolean zeroWidth = true;
            Before before = null;

            void add(Start a, boolean exactlyOnce) {
                if (zeroWidth && before == null) before = a.before();
                if (nullable) {
                    if (a.unknown()) unknown = true;
                    else first.or(a.first());
                    nullable = a.nullable();
                }
                if (a.nullable() && !a.zeroWidth()) {
                    last.or(a.last());
                    lastUnknown |= a.lastUnknown();
                } else if (!a.nullable()) {
                    last = (BitSet) a.last().clone();
                    lastUnknown = a.lastUnknown();
                }
                zeroWidth &= a.zeroWidth();
                // What consumes nothing adds nothing to the text of a run (中(?!国)人 holds 中人).
                Set<String> lit = !exactlyOnce ? null : a.zeroWidth() ? Set.of("") : a.literals();
                literals = product(literals, lit);
                if (lit != null && lit.size() <= MAX_REQUIRED) {
                    Set<String> longer = run.size() * lit.size() <= MAX_REQUIRED ? product(run, lit) : null;
                    if (longer == null) {
                        keep(run);
                        longer = lit;
                    }
                    run = longer;
                } else {
                    keep(run);
                    run = Set.of("");
                }
                // (an element that may be skipped has no required strings: see Start)
                a.required().forEach(this::keep);
            }

            void keep(Set<String> strings) {
                if (usable(strings)) required.add(strings);
            }

            Start done() {
                keep(run);
                return new Start(first, nullable, unknown, literals, List.copyOf(required), last, lastUnknown, before);
            }
        }

        /** (atom quantifier?)* up to '|' or ')' or the end. */
        Start sequence() {
            Seq seq = new Seq();
            while (more() && peek() != '|' && peek() != ')') {
                if (peek() == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'Q') {
                    // \Q…\E: each character is an atom; a quantifier applies to the last one.
                    i += 2;
                    int end = s.indexOf("\\E", i);
                    String quoted = end < 0 ? s.substring(i) : s.substring(i, end);
                    i = end < 0 ? s.length() : end + 2;
                    if (quoted.isEmpty()) continue;
                    for (int k = 0; k < quoted.length(); k++) {
                        char c = quoted.charAt(k);
                        if (Character.isSurrogate(c)) throw new GiveUp();
                        Start lit = Start.literal(c);
                        int at = i;
                        if (k == quoted.length() - 1) lit = quantified(lit);
                        seq.add(lit, i == at);
                    }
                    continue;
                }
                Start a = atom();
                int at = i;
                a = quantified(a);
                seq.add(a, i == at);
            }
            return seq.done();
        }

        /** An optional quantifier after an atom: ? * + {n} {n,} {n,m}, then an optional ? or +. */
        Start quantified(Start a) {
            if (!more()) return a;
            char c = peek();
            boolean zeroMin;
            if (c == '?' || c == '*') {
                zeroMin = true;
                i++;
            } else if (c == '+') {
                zeroMin = false;
                i++;
            } else if (c == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) throw new GiveUp();
                String body = s.substring(i + 1, close);
                if (!body.matches("[0-9]+(,[0-9]*)?")) throw new GiveUp();
                int comma = body.indexOf(',');
                int min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                zeroMin = min == 0;
                i = close + 1;
            } else {
                return a;
            }
            if (more() && (peek() == '?' || peek() == '+')) i++;
            if (more() && (peek() == '?' || peek() == '*' || peek() == '+' || peek() == '{')) throw new GiveUp();
            return zeroMin ? a.optional()
                : new Start(a.first(), a.nullable(), a.unknown(), null, a.required(), a.last(), a.lastUnknown(), a.before());
        }

        Start atom() {
            char c = s.charAt(i);
            switch (c) {
                case '(': return group();
                case '[': return charClass();
                case '\\': return escape();
                case '.': i++; return Start.anyChar();
                case '^': case '$': i++; return Start.assertion();
                case '?': case '*': case '+': case '{': throw new GiveUp();
                default:
                    if (Character.isSurrogate(c)) throw new GiveUp();
                    i++;
                    return Start.literal(c);
            }
        }

        Start group() {
            i++; // (
            Start result;
            if (s.startsWith("?:", i) || s.startsWith("?>", i)) {
                // An atomic group (?>…) matches less than the same group without it: what can
                // start its matches, and what they must contain, is read as for (?:…).
                i += 2;
                result = alternation();
            } else if (s.startsWith("?<=", i)) {
                i += 3;
                result = new Start(new BitSet(), true, false, null, List.of(), new BitSet(), false, lookbehind());
            } else if (s.startsWith("?<!", i)) {
                i += 3;
                alternation();
                result = Start.assertion();
            } else if (s.startsWith("?=", i)) {
                // What a lookahead requires stands at or after the position it looks from.
                i += 2;
                Start ahead = alternation();
                result = new Start(new BitSet(), true, false, null, ahead.required(), new BitSet(), false, null);
            } else if (s.startsWith("?!", i)) {
                i += 2;
                alternation();
                result = Start.assertion();
            } else if (s.startsWith("?<", i)) {
                int close = s.indexOf('>', i);
                if (close < 0 || !s.substring(i + 2, close).matches("[a-zA-Z][a-zA-Z0-9]*")) throw new GiveUp();
                i = close + 1;
                result = alternation();
            } else if (s.startsWith("?", i)) {
                // Inline flags that change no character a match can start with: (?m) (?s-d) (?m:…).
                int k = i + 1;
                while (k < s.length() && "msd-".indexOf(s.charAt(k)) >= 0) k++;
                if (k == i + 1 || k >= s.length()) throw new GiveUp(); // other constructs: not read
                if (s.charAt(k) == ')') {
                    i = k + 1;
                    return Start.assertion();
                }
                if (s.charAt(k) != ':') throw new GiveUp();
                i = k + 1;
                result = alternation();
            } else {
                result = alternation();
            }
            if (!more() || peek() != ')') throw new GiveUp();
            i++;
            return result;
        }

        /**
         * The branches of a positive lookbehind (i after {@code (?<=}): the character one of
         * them ends with stands just before the position it looks from, or the text starts
         * there (a branch {@code ^}); null when a branch may end otherwise (empty, unknown).
         */
        Before lookbehind() {
            BitSet chars = new BitSet();
            boolean atStart = false, known = true;
            while (true) {
                int from = i;
                Start branch = sequence();
                if (s.substring(from, i).equals("^")) atStart = true;
                else if (!branch.nullable() && !branch.lastUnknown()) chars.or(branch.last());
                else known = false;
                if (!more() || peek() != '|') break;
                i++;
            }
            int surrogate = chars.nextSetBit(Character.MIN_SURROGATE);
            if (surrogate >= 0 && surrogate <= Character.MAX_SURROGATE) known = false;
            return known ? new Before(chars, atStart) : null;
        }

        /** An escape outside a class. */
        Start escape() {
            i++; // backslash
            char c = s.charAt(i++);
            switch (c) {
                case 'd': {
                    BitSet d = new BitSet();
                    d.set('0', '9' + 1);
                    return Start.of(d);
                }
                case 's':
                    return Start.of(whitespace());
                case 'w':
                    return Start.of(word());
                case 'D': case 'W': case 'S': case 'h': case 'H':
                case 'v': case 'V': case 'R': case 'X':
                    return Start.anyChar();
                case 'p': case 'P':
                    skipPropertyName();
                    return Start.anyChar();
                case 'b':
                    if (more() && peek() == '{') skipBraces();
                    return Start.assertion();
                case 'B': case 'A': case 'Z': case 'z':
                    return Start.assertion();
                case 'G':
                    // the end of the previous match: not the same when each position is tried on its own
                    throw new GiveUp();
                case 'k': {
                    // A named back-reference: whatever its group matched, perhaps nothing.
                    int close = s.indexOf('>', i);
                    if (!more() || peek() != '<' || close < 0) throw new GiveUp();
                    i = close + 1;
                    return new Start(new BitSet(), true, true);
                }
                default: {
                    i--;
                    return Start.literal(escapedChar());
                }
            }
        }

        void skipPropertyName() {
            if (!more()) throw new GiveUp();
            if (peek() == '{') skipBraces();
            else i++;
        }

        void skipBraces() {
            int close = s.indexOf('}', i);
            if (close < 0) throw new GiveUp();
            i = close + 1;
        }

        /**
         * A single character written as an escape (i at the character after the backslash):
         * \t \n \r \f \a \e, \xhh, \\uhhhh, or a quoted non-alphanumeric character.
         */
        char escapedChar() {
            char c = s.charAt(i++);
            char out;
            switch (c) {
                case 't' -> out = '\t';
                case 'n' -> out = '\n';
                case 'r' -> out = '\r';
                case 'f' -> out = '\f';
                case 'a' -> out = '\u0007';
                case 'e' -> out = '\u001B';
                case 'x' -> {
                    if (more() && peek() == '{') throw new GiveUp();
                    out = (char) Integer.parseInt(s.substring(i, i + 2), 16);
                    i += 2;
                }
                case 'u' -> {
                    out = (char) Integer.parseInt(s.substring(i, i + 4), 16);
                    i += 4;
                }
                default -> {
                    if (Character.isLetterOrDigit(c) || c >= 0x80) throw new GiveUp();
                    out = c;
                }
            }
            if (Character.isSurrogate(out)) throw new GiveUp();
            return out;
        }

        /** [ … ]: a set of characters; negated or with property escapes, the start is unknown. */
        Start charClass() {
            i++; // [
            boolean negated = false;
            if (more() && peek() == '^') {
                negated = true;
                i++;
            }
            if (!more() || peek() == ']') throw new GiveUp();
            BitSet set = new BitSet();
            boolean unknown = false;
            while (true) {
                if (!more()) throw new GiveUp();
                char c = peek();
                if (c == ']') {
                    i++;
                    break;
                }
                if (c == '[' || s.startsWith("&&", i)) throw new GiveUp();
                int lo;
                if (c == '\\') {
                    char e = s.charAt(i + 1);
                    if (e == 'd') {
                        i += 2;
                        set.set('0', '9' + 1);
                        if (more() && peek() == '-' && i + 1 < s.length() && s.charAt(i + 1) != ']') throw new GiveUp();
                        continue;
                    }
                    if (e == 's' || e == 'w') {
                        i += 2;
                        set.or(e == 's' ? whitespace() : word());
                        if (more() && peek() == '-' && i + 1 < s.length() && s.charAt(i + 1) != ']') throw new GiveUp();
                        continue;
                    }
                    if ("DWShHvVR".indexOf(e) >= 0) {
                        i += 2;
                        unknown = true;
                        if (more() && peek() == '-' && i + 1 < s.length() && s.charAt(i + 1) != ']') throw new GiveUp();
                        continue;
                    }
                    if (e == 'p' || e == 'P') {
                        i += 2;
                        skipPropertyName();
                        unknown = true;
                        if (more() && peek() == '-' && i + 1 < s.length() && s.charAt(i + 1) != ']') throw new GiveUp();
                        continue;
                    }
                    if (e == 'Q') throw new GiveUp();
                    i++;
                    lo = escapedChar();
                } else {
                    if (Character.isSurrogate(c)) throw new GiveUp();
                    i++;
                    lo = c;
                }
                if (more() && peek() == '-' && i + 1 < s.length() && s.charAt(i + 1) != ']') {
                    i++; // -
                    char h = peek();
                    int hi;
                    if (h == '[') throw new GiveUp();
                    if (h == '\\') {
                        i++;
                        hi = escapedChar();
                    } else {
                        if (Character.isSurrogate(h)) throw new GiveUp();
                        i++;
                        hi = h;
                    }
                    if (hi < lo) throw new GiveUp();
                    set.set(lo, hi + 1);
                    if (more() && peek() == '-' && i + 1 < s.length() && s.charAt(i + 1) != ']') throw new GiveUp();
                } else {
                    set.set(lo);
                }
            }
            if (negated || unknown) return Start.anyChar();
            return Start.of(set);
        }
    }
}
