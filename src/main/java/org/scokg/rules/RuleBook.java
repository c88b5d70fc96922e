package org.scokg.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A set of named rules read from rule files, in the manner of Stanford TokensRegex rule
 * files but over characters: named pattern pieces ({@code define}) reused across rules,
 * lexicons supplied by the caller, and rules that are small records of pattern, attributes
 * and examples. The engine knows nothing of what the rules are about.
 *
 * <h2>Rule file syntax</h2>
 * <pre>
 * # a comment
 * define DATE = \d{4}年\d{1,2}月\d{1,2}日          # a named piece; $DATE in later patterns
 *
 * rule meeting.held-at
 *   # what the rule catches (kept as the rule's comment)
 *   pattern: (?&lt;date&gt;$DATE)，.{0,40}?会议在(?&lt;venue&gt;@city)举行
 *   set: mode=in-person
 *   example: 2023年10月26日，上合组织会议在比什凯克举行。
 *   expect: date=2023年10月26日; venue=比什凯克
 *   reject: 会议在比什凯克举行。
 * end
 * </pre>
 * {@code $NAME} expands to the piece (wrapped in a non-capturing group); {@code @name}
 * expands to an alternation of the caller's lexicon {@code name}, longest entries first,
 * each quoted. A {@code #} starts a comment only at the start of a line or after
 * whitespace, so patterns may contain {@code #} in character classes when written {@code \#}.
 *
 * <p>Patterns are Java regular expressions. Keep repetition bounded ({@code {0,40}} rather
 * than {@code *}) where a rule could run over a long text: the engine runs rules on
 * whatever text the caller gives it.
 *
 * <p>The engine finds exactly what {@link Matcher#find()} finds, but tries fewer positions
 * ({@link FirstChars}): where the characters a match can start with can be read off the
 * pattern exactly (a pattern starting with {@code @state} starts with one of its names'
 * first characters), it tries only positions holding one of them; and where every match
 * must contain one of a few literal strings (the verbs of a rule, {@code 举行的}), it tries
 * nothing past the last of them, and nothing at all when none occurs. Patterns it cannot
 * read exactly are run as written.
 */
public final class RuleBook {
    private static final Pattern PIECE_REF = Pattern.compile("\\$([A-Z][A-Z0-9_]*)");
    private static final Pattern LEXICON_REF = Pattern.compile("@([a-z][a-z0-9_-]*)");
    private static final Pattern DEFINE = Pattern.compile("define\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*(.+)");
    private static final Pattern RULE = Pattern.compile("rule\\s+([a-z][a-z0-9_-]*(?:\\.[a-z0-9_-]+)+)");

    private final Map<String, Rule> rules;

    private RuleBook(Map<String, Rule> rules) { this.rules = rules; }

    /** A book of the given rules (for tests). */
    static RuleBook of(Rule... rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : rules) m.put(r.name(), r);
        return new RuleBook(m);
    }

    /**
     * Reads rule files from the classpath, in order; pieces defined in one file are
     * visible in the files after it.
     *
     * @param lexicons    lexicon name to its entries, for {@code @name} references
     * @param resources   classpath resource names, e.g. {@code rules/meeting.rules}
     * @throws RuleSyntaxException naming the file and line of the first error
     */
    public static RuleBook fromClasspath(Map<String, ? extends Collection<String>> lexicons, String... resources) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String r : resources) {
            try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) throw new RuleSyntaxException(r, 0, "no such rule file on the classpath");
                texts.put(r, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new RuleSyntaxException(r, 0, "cannot read: " + e.getMessage());
            }
        }
        return fromTexts(lexicons, texts);
    }

    /** Reads rule files given as file name to text, in order. */
    public static RuleBook fromTexts(Map<String, ? extends Collection<String>> lexicons, Map<String, String> files) {
        Map<String, String> pieces = new LinkedHashMap<>();
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (var file : files.entrySet()) parse(file.getKey(), file.getValue(), lexicons, pieces, rules);
        return new RuleBook(rules);
    }

    private static void parse(String file, String text, Map<String, ? extends Collection<String>> lexicons,
                              Map<String, String> pieces, Map<String, Rule> rules) {
        String[] lines = text.split("\r?\n", -1);
        RuleDraft draft = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i]).strip();
            String raw = lines[i].strip();
            if (draft != null && raw.startsWith("#")) {
                draft.comment.append(draft.comment.length() == 0 ? "" : " ").append(raw.substring(1).strip());
                continue;
            }
            if (line.isEmpty()) continue;
            if (draft == null) {
                Matcher d = DEFINE.matcher(line);
                Matcher r = RULE.matcher(line);
                if (d.matches()) {
                    String expanded = expand(d.group(2).strip(), pieces, lexicons, file, lineNo);
                    compile(expanded, file, lineNo);
                    pieces.put(d.group(1), expanded);
                } else if (r.matches()) {
                    if (rules.containsKey(r.group(1))) throw new RuleSyntaxException(file, lineNo, "rule " + r.group(1) + " is defined twice");
                    draft = new RuleDraft(r.group(1), lineNo);
                } else {
                    throw new RuleSyntaxException(file, lineNo, "expected 'define NAME = …' or 'rule group.name', got: " + line);
                }
                continue;
            }
            if (line.equals("end")) {
                rules.put(draft.name, draft.build(file, pieces, lexicons));
                draft = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) throw new RuleSyntaxException(file, lineNo, "expected 'key: value' inside rule " + draft.name);
            String key = line.substring(0, colon).strip();
            // Values keep their inner '#' (examples are prose); only whole-line comments were stripped.
            String value = raw.substring(raw.indexOf(':') + 1).strip();
            switch (key) {
                case "pattern" -> draft.pattern = value;
                case "set" -> {
                    for (String kv : value.split(",")) {
                        int eq = kv.indexOf('=');
                        if (eq < 0) throw new RuleSyntaxException(file, lineNo, "expected key=value in set: " + kv);
                        draft.attributes.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
                case "example" -> draft.examples.add(new Rule.Example(value, new LinkedHashMap<>()));
                case "expect" -> {
                    if (draft.examples.isEmpty()) throw new RuleSyntaxException(file, lineNo, "expect: without an example before it");
                    Map<String, String> expected = draft.examples.get(draft.examples.size() - 1).expected();
                    for (String kv : value.split(";")) {
                        int eq = kv.indexOf('=');
                        if (eq < 0) throw new RuleSyntaxException(file, lineNo, "expected group=value in expect: " + kv);
                        expected.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
                case "reject" -> draft.rejects.add(value);
                default -> throw new RuleSyntaxException(file, lineNo, "unknown key '" + key + "' in rule " + draft.name);
            }
        }
        if (draft != null) throw new RuleSyntaxException(file, draft.line, "rule " + draft.name + " has no 'end'");
    }

    private static String stripComment(String line) {
        String t = line.strip();
        if (t.startsWith("#")) return "";
        int hash = line.indexOf(" #");
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String expand(String pattern, Map<String, String> pieces,
                                 Map<String, ? extends Collection<String>> lexicons, String file, int line) {
        StringBuilder out = new StringBuilder();
        Matcher m = PIECE_REF.matcher(pattern);
        while (m.find()) {
            String piece = pieces.get(m.group(1));
            if (piece == null) throw new RuleSyntaxException(file, line, "unknown piece $" + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement("(?:" + piece + ")"));
        }
        m.appendTail(out);
        String withPieces = out.toString();
        out = new StringBuilder();
        m = LEXICON_REF.matcher(withPieces);
        while (m.find()) {
            Collection<String> entries = lexicons.get(m.group(1));
            if (entries == null) throw new RuleSyntaxException(file, line, "unknown lexicon @" + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(alternation(entries)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An alternation of the entries, longest first so that the longest name wins. */
    public static String alternation(Collection<String> entries) {
        List<String> sorted = entries.stream().filter(s -> !s.isEmpty()).distinct()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
        if (sorted.isEmpty()) return "(?!)";
        StringBuilder sb = new StringBuilder("(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) sb.append('|');
            sb.append(Pattern.quote(sorted.get(i)));
        }
        return sb.append(')').toString();
    }

    private static Pattern compile(String regex, String file, int line) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleSyntaxException(file, line, "bad pattern: " + e.getDescription());
        }
    }

    private static final class RuleDraft {
        final String name;
        final int line;
        final StringBuilder comment = new StringBuilder();
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Rule.Example> examples = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        String pattern;

        RuleDraft(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Rule build(String file, Map<String, String> pieces, Map<String, ? extends Collection<String>> lexicons) {
            if (pattern == null) throw new RuleSyntaxException(file, line, "rule " + name + " has no pattern");
            Pattern compiled = compile(expand(pattern, pieces, lexicons, file, line), file, line);
            return new Rule(name, comment.toString(), pattern, compiled, Map.copyOf(attributes),
                List.copyOf(examples), List.copyOf(rejects));
        }
    }

    /** Every rule, in file order. */
    public Collection<Rule> rules() { return rules.values(); }

    /** The rule called {@code name}. */
    public Rule rule(String name) {
        Rule r = rules.get(name);
        if (r == null) throw new IllegalArgumentException("no rule " + name);
        return r;
    }

    /** The rules of the given groups, in file order. */
    public List<Rule> group(Set<String> groups) {
        List<Rule> cached = byGroups.get(groups);
        if (cached != null) return cached;
        List<Rule> selected = rules.values().stream().filter(r -> groups.contains(r.group())).toList();
        if (byGroups.size() < 256) byGroups.put(Set.copyOf(groups), selected);
        return selected;
    }

    /** The rules of each set of groups asked for so far (the rules never change). */
    private final Map<Set<String>, List<Rule>> byGroups = new java.util.concurrent.ConcurrentHashMap<>();

    /** The first match of the rule in {@code text}, or null. */
    public static RuleMatch find(Rule rule, CharSequence text, int base) {
        Compiled c = compiled(rule);
        int last = c.lastStart(text);
        if (last < 0) return null;
        Matcher m = c.matcher(text);
        return c.find(m, text, 0, last) ? new RuleMatch(rule, m, c.groupNames, base) : null;
    }

    /**
     * What the engine derives once per pattern: its named groups, and the characters a
     * match can start with ({@link FirstChars}; null when that cannot be told exactly).
     */
    static final class Compiled {
        final Pattern pattern;
        final List<String> groupNames;
        final java.util.BitSet first;
        /** {@link #first} as 1024 words, one bit per char, for the scan. */
        private final long[] starts;
        /** Strings one of which every match contains ({@link FirstChars}), or null. */
        final String[] required;

        Compiled(Pattern pattern, List<String> groupNames, FirstChars.Analysis a) {
            this.pattern = pattern;
            this.groupNames = groupNames;
            this.first = a.first();
            this.starts = first == null ? null : java.util.Arrays.copyOf(first.toLongArray(), 1 << 10);
            this.required = a.required();
        }

        /**
         * The last position a match can start at: every match contains one of the required
         * strings, at or after its start, so no match starts after the last of them
         * (-1: none occurs, no match at all). The length of the text when nothing is required.
         */
        int lastStart(CharSequence text) {
            if (required == null) return text.length();
            String t = text.toString();
            int last = -1;
            for (String r : required) last = Math.max(last, t.lastIndexOf(r));
            return last;
        }

        Matcher matcher(CharSequence text) {
            Matcher m = pattern.matcher(text);
            // A match tried at a position inside the text sees the text around it, as find() does.
            if (first != null) m.useTransparentBounds(true).useAnchoringBounds(false);
            return m;
        }

        /**
         * Matcher.find() from {@code from}, with the same answer: with a prefilter, only the
         * positions whose character can start a match are tried (lookingAt over the rest of
         * the text, with transparent and non-anchoring bounds, is what find() tries at each
         * position); a pattern with a prefilter cannot match the empty string. Positions
         * after {@code lastStart} are not tried.
         */
        boolean find(Matcher m, CharSequence text, int from, int lastStart) {
            if (lastStart < from) return false;
            if (first == null) {
                return from == 0 ? m.find() : m.find(from);
            }
            int n = text.length();
            int last = Math.min(lastStart, n - 1);
            long[] s = starts;
            if (text instanceof String str) {
                for (int i = from; i <= last; i++) {
                    char c = str.charAt(i);
                    if ((s[c >>> 6] & (1L << c)) == 0) continue;
                    m.region(i, n);
                    if (m.lookingAt()) return true;
                }
                return false;
            }
            for (int i = from; i <= last; i++) {
                char c = text.charAt(i);
                if ((s[c >>> 6] & (1L << c)) == 0) continue;
                m.region(i, n);
                if (m.lookingAt()) return true;
            }
            return false;
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<Pattern, Compiled> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    static Compiled compiled(Rule rule) {
        Compiled c = COMPILED.get(rule.pattern());
        if (c != null) return c;
        return COMPILED.computeIfAbsent(rule.pattern(),
            p -> new Compiled(p, List.copyOf(scanGroupNames(rule)), FirstChars.analyse(p)));
    }

    /** The characters a match of the rule can start with, or null when the engine tries every position. */
    static java.util.BitSet prefilter(Rule rule) { return compiled(rule).first; }

    /** Strings one of which every match of the rule contains, or null. */
    static List<String> required(Rule rule) {
        String[] r = compiled(rule).required;
        return r == null ? null : List.of(r);
    }

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /** The named groups of a rule's pattern (Java 17 has no API for them); computed once per pattern. */
    static List<String> groupNames(Rule rule) {
        return compiled(rule).groupNames;
    }

    private static List<String> scanGroupNames(Rule rule) {
        List<String> names = new ArrayList<>();
        Matcher m = GROUP_NAME.matcher(rule.pattern().pattern());
        while (m.find()) if (!names.contains(m.group(1))) names.add(m.group(1));
        return names;
    }

    /**
     * All matches of the rules of {@code groups} in {@code text}, without overlaps: where
     * matches overlap, the leftmost wins, then the longest, then the rule written first.
     * Offsets are shifted by {@code base}.
     */
    public List<RuleMatch> findAll(Set<String> groups, CharSequence text, int base) {
        List<Rule> selected = group(groups);
        List<RuleMatch> candidates = new ArrayList<>();
        for (Rule r : selected) {
            Compiled c = compiled(r);
            List<String> names = c.groupNames;
            int last = c.lastStart(text);
            if (last < 0) continue;
            Matcher m = c.matcher(text);
            if (c.first != null) {
                // Prefiltered: matches are never empty; the next search starts where this one ended.
                int from = 0;
                while (c.find(m, text, from, last)) {
                    candidates.add(new RuleMatch(r, m, names, base));
                    from = m.end();
                }
                continue;
            }
            while (m.find()) {
                candidates.add(new RuleMatch(r, m, names, base));
                if (m.end() == m.start()) {
                    if (m.end() >= text.length()) break;
                    m.region(m.end() + 1, text.length());
                }
            }
        }
        List<Rule> order = selected;
        Comparator<RuleMatch> byStart = Comparator.comparingInt(RuleMatch::start);
        Comparator<RuleMatch> longestFirst = Comparator.comparingInt(RuleMatch::end);
        Comparator<RuleMatch> ruleOrder = Comparator.comparingInt(x -> order.indexOf(x.rule()));
        candidates.sort(byStart.thenComparing(longestFirst.reversed()).thenComparing(ruleOrder));
        List<RuleMatch> chosen = new ArrayList<>();
        int covered = Integer.MIN_VALUE;
        for (RuleMatch c : candidates) {
            if (c.start() >= covered) {
                chosen.add(c);
                covered = c.end();
            }
        }
        return chosen;
    }

    /**
     * The first match {@link #findAll} would return, or null; the same answer without
     * scanning the rest of the text. Each rule's first match is its leftmost, so the first
     * chosen match is the leftmost of those (then the longest, then the rule written first).
     */
    public RuleMatch findFirst(Set<String> groups, CharSequence text, int base) {
        RuleMatch best = null;
        for (Rule r : group(groups)) {
            Compiled c = compiled(r);
            int last = c.lastStart(text);
            if (last < 0) continue;
            Matcher m = c.matcher(text);
            // A match starting after the best so far cannot replace it: no need to look there.
            if (!c.find(m, text, 0, best == null ? last : Math.min(last, best.start() - base))) continue;
            if (best == null || m.start() + base < best.start() || (m.start() + base == best.start() && m.end() + base > best.end()))
                best = new RuleMatch(r, m, c.groupNames, base);
        }
        return best;
    }

    /** Convenience for {@link #findAll(Set, CharSequence, int)} with base 0. */
    public List<RuleMatch> findAll(String group, CharSequence text) {
        return findAll(Set.of(group), text, 0);
    }
}
