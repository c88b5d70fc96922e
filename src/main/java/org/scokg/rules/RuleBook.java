package org.scokg.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of named rules read from rule files, in the manner of Stanford TokensRegex rule
 * files but over characters: named pattern pieces ({@code define}) reused across rules,
 * tables of spellings and what they mean, lexicons supplied by the caller, and rules that
 * are small records of when they run, what they produce, pattern, values and examples. The
 * engine knows nothing of what the rules are about: the caller runs the rules of each stage
 * and interprets what each match produces.
 *
 * <h2>Rule file syntax</h2>
 * <pre>
 * # a comment
 * define DATE = \d{4}年\d{1,2}月\d{1,2}日        # a named piece; $DATE in patterns
 *
 * table act                                    # spellings and what they mean; @act in a
 *   签署 = signed                               # pattern matches any spelling, and
 *   通过 = adopted                              # set: action=act[verb] looks one up; a table
 * end                                          # may be written in several files
 *
 * words verb                                   # a list of words: @verb matches any of them
 *   出席 列席 与会
 * end
 *
 * stage meeting                                # the stage of the rules below (or stage: per rule)
 *
 * rule meeting.held-at
 *   # what the rule catches (kept as the rule's comment)
 *   produce: meeting                           # what a match produces: the caller's action
 *   priority: 10                               # optional: higher wins where matches compete
 *   pattern: (?&lt;date&gt;$DATE)，.{0,40}?会议在(?&lt;venue&gt;@city)举行
 *   set: mode=in-person
 *   example: 2023年10月26日，上合组织会议在比什凯克举行。
 *   expect: date=2023年10月26日; venue=比什凯克; mode=in-person
 *   reject: 会议在比什凯克举行。
 * end
 * </pre>
 * {@code $NAME} expands to the piece (wrapped in a non-capturing group); pieces may use
 * pieces defined in any file. {@code @name} expands to an alternation of the caller's
 * lexicon {@code name} or of the keys of the table {@code name}, longest entries first, each
 * quoted. A {@code #} starts a comment only at the start of a line or after whitespace. An
 * {@code expect:} names groups of the pattern or keys of {@code set:}.
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
    private final Map<String, Rule> rules;
    private final Map<String, Map<String, String>> tables;

    private RuleBook(Map<String, Rule> rules, Map<String, Map<String, String>> tables) {
        this.rules = rules;
        this.tables = tables;
    }

    /** A book of the given rules, without tables (for tests). */
    static RuleBook of(Rule... rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : rules) m.put(r.name(), r);
        return new RuleBook(m, Map.of());
    }

    /**
     * Reads every {@code *.rules} file of a directory on the class path (in a jar or not), in
     * the order of their names.
     *
     * @param lexicons  lexicon name to its entries, for {@code @name} references
     * @param directory a class path directory, e.g. {@code rules}
     * @throws RuleSyntaxException naming the file and line of the first error
     */
    public static RuleBook fromClasspathDirectory(Map<String, ? extends Collection<String>> lexicons, String directory) {
        return fromTexts(lexicons, RuleFiles.onClasspath(directory));
    }

    /**
     * Reads the rule files of the class path directory and then those of {@code extra}
     * directories on disk (their {@code *.rules} files, by name): a user's own rules added to
     * the built-in ones. A rule or piece defined twice is an error naming both places.
     */
    public static RuleBook fromClasspathDirectory(Map<String, ? extends Collection<String>> lexicons, String directory,
                                                  List<java.nio.file.Path> extra) {
        Map<String, String> texts = new LinkedHashMap<>(RuleFiles.onClasspath(directory));
        for (java.nio.file.Path d : extra) texts.putAll(RuleFiles.inDirectory(d));
        return fromTexts(lexicons, texts);
    }

    /** Reads rule files given as file name to text; pieces and tables are shared by all of them. */
    public static RuleBook fromTexts(Map<String, ? extends Collection<String>> lexicons, Map<String, String> files) {
        RuleReader r = new RuleReader(lexicons).read(files);
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        r.tables().forEach((k, v) -> tables.put(k, Map.copyOf(v)));
        return new RuleBook(r.rules(), Map.copyOf(tables));
    }

    /** An alternation of the entries, longest first so that the longest name wins. */
    public static String alternation(Collection<String> entries) { return RuleReader.alternation(entries); }

    /**
     * What follows every lexicon reference of a pattern: not the dot between the parts of a
     * transliterated name, before which a name of the lexicon is a person's given name
     * (苏丹·拉耶夫: Sultan, not Sudan).
     */
    public static final String NOT_A_GIVEN_NAME = "(?![·•])";

    /** Every rule, in file order. */
    public Collection<Rule> rules() { return rules.values(); }

    /** The rule called {@code name}. */
    public Rule rule(String name) {
        Rule r = rules.get(name);
        if (r == null) throw new IllegalArgumentException("no rule " + name);
        return r;
    }

    /** The table called {@code name} (spelling to value), or an empty map. */
    public Map<String, String> table(String name) { return tables.getOrDefault(name, Map.of()); }

    /** The rules of a stage, in file order. */
    public List<Rule> stage(String stage) {
        return byStage.computeIfAbsent(stage, s -> new Prepared(rules.values().stream().filter(r -> r.stage().equals(s)).toList()));
    }

    /** The rules of a stage that produce {@code produce}, in file order. */
    public List<Rule> stage(String stage, String produce) {
        List<Rule> ofStage = stage(stage); // outside the maps' updates: a nested computeIfAbsent throws
        return byProduce.computeIfAbsent(stage, s -> new java.util.concurrent.ConcurrentHashMap<>())
            .computeIfAbsent(produce, p -> new Prepared(ofStage.stream().filter(r -> r.produce().equals(p)).toList()));
    }

    /**
     * The rules of each stage, and of each stage by production, asked for so far (the rules
     * never change), prepared for search. By stage, then production: the callers ask per
     * sentence, and a key made of both would be a new string to hash each time.
     */
    private final Map<String, Prepared> byStage = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, Prepared>> byProduce = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Rule lists searched in the same texts, prepared to be read together: one pass over a text
     * ({@link #scan}) finds where every rule of every list may match. A sentence searched with
     * five lists (its facts, its meeting, its chair, whether it lists delegates) is then read
     * once instead of five times; what each list finds is the same as searching it alone.
     *
     * @param lists stage lists ({@link #stage}); a search with a {@link Scan} must name one of them
     */
    @SafeVarargs
    public final Together together(List<Rule>... lists) {
        return new Together(java.util.Arrays.stream(lists).map(RuleBook::prepared).toList());
    }

    /** Rule lists read together ({@link #together}). */
    public static final class Together {
        private final Prepared union;
        /** Per list, the index in {@link #union} of each of its rules. */
        private final Map<Prepared, int[]> indices = new java.util.IdentityHashMap<>();

        private Together(List<Prepared> lists) {
            Map<Rule, Integer> at = new LinkedHashMap<>();
            for (Prepared p : lists) for (Rule r : p) at.putIfAbsent(r, at.size());
            this.union = new Prepared(List.copyOf(at.keySet()));
            for (Prepared p : lists) indices.put(p, p.stream().mapToInt(at::get).toArray());
        }

        /** {@code text} read once for every rule of the lists. */
        public Scan scan(CharSequence text) {
            return new Scan(this, java.util.Objects.requireNonNull(text, "text"), union.lastStarts(text));
        }

        /** What {@link Prepared#lastStarts} gives for {@code p}, one of the lists, from the union's answer. */
        int[] lastStarts(Prepared p, int[] ofUnion) {
            int[] index = indices.get(p);
            if (index == null) throw new IllegalArgumentException("these rules were not read together in this scan");
            int[] out = new int[index.length];
            for (int k = 0; k < index.length; k++) out[k] = ofUnion[index[k]];
            return out;
        }
    }

    /** A text read once for the rule lists of a {@link Together}: search it with any of them ({@link #findAll(List, Scan, int)}, {@link #findFirst(List, Scan, int)}). */
    public static final class Scan {
        private final Together together;
        private final CharSequence text;
        /** What the union's {@link Prepared#lastStarts} gave. */
        private final int[] lastStarts;

        private Scan(Together together, CharSequence text, int[] lastStarts) {
            this.together = together;
            this.text = text;
            this.lastStarts = lastStarts;
        }

        /** The text read. */
        public CharSequence text() { return text; }
    }

    /**
     * The first match of the rule in {@code text}, or null. The rule is prepared for search
     * anew at each call: to search many texts, prepare once ({@link #stage}, {@link #findFirstInOrder}).
     */
    public RuleMatch find(Rule rule, CharSequence text, int base) {
        return findFirstInOrder(List.of(rule), text, base);
    }

    /** The first match of the first of {@code rules}, in list order, that matches {@code text}, or null. */
    public RuleMatch findFirstInOrder(List<Rule> rules, CharSequence text, int base) {
        Prepared p = prepared(rules);
        int[] last = p.lastStarts(text);
        for (int r = 0; r < last.length; r++) {
            Compiled c = p.compiled[r];
            Matcher m = c.find(null, text, 0, last[r]);
            if (m != null) return new RuleMatch(p.get(r), m, c.groupNames, base, tables);
        }
        return null;
    }

    /**
     * Which characters a text holds, folded into 256 bits (a character sets bit {@code c & 255}):
     * a character whose bit is clear is certainly absent, so a rule whose first characters all
     * have a clear bit cannot match.
     */
    static final class CharSketch {
        final long[] bits = new long[4];

        void add(char c) { bits[(c >>> 6) & 3] |= 1L << c; }

        /** May the text hold some character of {@code other}? */
        boolean mayHoldAny(CharSketch other) {
            long[] o = other.bits;
            return ((bits[0] & o[0]) | (bits[1] & o[1]) | (bits[2] & o[2]) | (bits[3] & o[3])) != 0;
        }
    }

    /**
     * A list of rules with what the engine derives from it once: each rule's compiled form,
     * and the required strings of all of them ({@link FirstChars}), gathered so that one pass
     * over a text finds where each occurs last ({@link #lastStarts}). A sentence meets dozens
     * of rules that mostly share a few words (会议, 主席); looking for each rule's strings on
     * its own cost as much as running the patterns that could match.
     */
    static final class Prepared extends java.util.AbstractList<Rule> implements java.util.RandomAccess {
        private final List<Rule> rules;
        final Compiled[] compiled;
        /** Every distinct required string of the rules. */
        private final String[] strings;
        /** Per rule, each of its required sets as indices into {@link #strings}; null when it has none. */
        private final int[][][] sets;
        /** Per string, the rules whose first (most selective) set holds it; and the rules with no set. */
        private final int[][] rulesOpenedBy;
        private final int[] alwaysOpen;
        /** The rules' indices by priority, the highest first, in list order where they tie. */
        final int[] byPriority;
        /**
         * The root's children by character, in pages of 256 characters ({@code c >>> 8}, then
         * {@code c & 255}; 0: none, as the root is no one's child): a character that starts a
         * string ({@link #starters}) finds its node at once, without a search.
         */
        private final int[][] rootPages = new int[256][];
        /** The characters some required string starts with, one bit per char (8 KB, where the pages take more): most characters are ruled out here. */
        private final long[] starters = new long[1 << 10];
        /**
         * The required strings as a trie, node 0 its root: each node's children, by character
         * (sorted), and the string that ends at it (-1: none). A text is read once, each
         * position only as far as some string goes on (会议 walks on to 会议主席 and 会议定于
         * at once instead of trying eighteen strings that start with 会).
         */
        private final char[][] childChars;
        private final int[][] children;
        private final int[] ending;

        Prepared(List<Rule> rules) {
            this.rules = List.copyOf(rules);
            this.compiled = new Compiled[this.rules.size()];
            this.sets = new int[compiled.length][][];
            Map<String, Integer> ids = new LinkedHashMap<>();
            for (int r = 0; r < compiled.length; r++) {
                compiled[r] = compiled(this.rules.get(r));
                String[][] required = compiled[r].allRequired;
                if (required == null) continue;
                sets[r] = new int[required.length][];
                for (int k = 0; k < required.length; k++)
                    sets[r][k] = java.util.Arrays.stream(required[k]).mapToInt(x -> ids.computeIfAbsent(x, y -> ids.size())).toArray();
            }
            this.strings = ids.keySet().toArray(String[]::new);
            List<List<Integer>> opened = new ArrayList<>();
            for (int id = 0; id < strings.length; id++) opened.add(new ArrayList<>());
            List<Integer> always = new ArrayList<>();
            for (int r = 0; r < compiled.length; r++) {
                if (sets[r] == null) always.add(r);
                else for (int id : sets[r][0]) opened.get(id).add(r);
            }
            this.rulesOpenedBy = opened.stream().map(x -> x.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            this.alwaysOpen = always.stream().mapToInt(Integer::intValue).toArray();
            List<java.util.TreeMap<Character, Integer>> trie = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            trie.add(new java.util.TreeMap<>());
            ends.add(-1);
            for (int id = 0; id < strings.length; id++) {
                String x = strings[id];
                int node = 0;
                for (int i = 0; i < x.length(); i++) {
                    Integer next = trie.get(node).get(x.charAt(i));
                    if (next == null) {
                        next = trie.size();
                        trie.get(node).put(x.charAt(i), next);
                        trie.add(new java.util.TreeMap<>());
                        ends.add(-1);
                    }
                    node = next;
                }
                ends.set(node, id);
            }
            this.childChars = new char[trie.size()][];
            this.children = new int[trie.size()][];
            for (int node = 0; node < trie.size(); node++) {
                java.util.TreeMap<Character, Integer> edges = trie.get(node);
                childChars[node] = new char[edges.size()];
                children[node] = new int[edges.size()];
                int k = 0;
                for (Map.Entry<Character, Integer> e : edges.entrySet()) {
                    childChars[node][k] = e.getKey();
                    children[node][k++] = e.getValue();
                }
            }
            this.ending = ends.stream().mapToInt(Integer::intValue).toArray();
            for (Map.Entry<Character, Integer> e : trie.get(0).entrySet()) {
                char c = e.getKey();
                if (rootPages[c >>> 8] == null) rootPages[c >>> 8] = new int[256];
                rootPages[c >>> 8][c & 255] = e.getValue();
                starters[c >>> 6] |= 1L << c;
            }
            this.byPriority = java.util.stream.IntStream.range(0, compiled.length).boxed()
                .sorted(Comparator.comparingInt(r -> -this.rules.get(r).priority())).mapToInt(Integer::intValue).toArray();
            int stringCount = strings.length;
            this.scratch = ThreadLocal.withInitial(() -> {
                int[] lastAt = new int[stringCount];
                java.util.Arrays.fill(lastAt, -1);
                return new Scratch(lastAt, new int[stringCount]);
            });
        }

        @Override public Rule get(int index) { return rules.get(index); }
        @Override public int size() { return rules.size(); }

        /**
         * For each rule, the last position a match can start at: every match starts with one
         * of the rule's first characters and contains one string of each of its required sets,
         * at or after its start, so no match starts after the last of them (-1: some set does
         * not occur, or no first character does; no match at all). The length of the text when
         * nothing is required.
         */
        int[] lastStarts(CharSequence text) {
            int n = text.length();
            // Most texts are a sentence or a window of a few dozen characters and hold a few of
            // the hundreds of strings: the arrays are this thread's, and only what was found is reset.
            Scratch scratch = this.scratch.get();
            int[] lastAt = scratch.lastAt;
            // The strings found, once each: only the rules they open are looked at below.
            int[] found = scratch.found;
            int foundCount = 0;
            CharSketch sketch = new CharSketch();
            // The loop below is most of the engine's own time: it reads a char array, not the CharSequence.
            char[] chars = text.toString().toCharArray();
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                sketch.add(c);
                if ((starters[c >>> 6] & (1L << c)) == 0) continue;
                int node = rootPages[c >>> 8][c & 255];
                for (int j = i + 1; node > 0; j++) {
                    int id = ending[node];
                    if (id >= 0) {
                        if (lastAt[id] < 0) found[foundCount++] = id;
                        lastAt[id] = i;
                    }
                    node = j < n ? child(node, chars[j]) : -1;
                }
            }
            int[] out = new int[compiled.length];
            java.util.Arrays.fill(out, UNTRIED);
            for (int r : alwaysOpen) out[r] = lastStart(r, n, sketch, lastAt);
            for (int k = 0; k < foundCount; k++)
                for (int r : rulesOpenedBy[found[k]])
                    if (out[r] == UNTRIED) out[r] = lastStart(r, n, sketch, lastAt);
            for (int r = 0; r < out.length; r++) if (out[r] == UNTRIED) out[r] = -1;
            for (int k = 0; k < foundCount; k++) lastAt[found[k]] = -1;
            return out;
        }

        /** Where each required string occurs last (-1: not found), and the strings found, for one thread's {@link #lastStarts}. */
        private record Scratch(int[] lastAt, int[] found) {}

        private final ThreadLocal<Scratch> scratch;

        /** The last start of rule {@code r}'s matches in a text of length {@code n}, given its sketch and where each string occurs last. */
        private int lastStart(int r, int n, CharSketch sketch, int[] lastAt) {
            CharSketch first = compiled[r].firstSketch;
            if (first != null && !sketch.mayHoldAny(first)) return -1;
            int lastStart = n;
            for (int[] set : sets[r] == null ? NONE : sets[r]) {
                int last = -1;
                for (int id : set) last = Math.max(last, lastAt[id]);
                if (last < 0) return -1;
                lastStart = Math.min(lastStart, last);
            }
            return lastStart;
        }

        private static final int[][] NONE = {};
        /** A rule not looked at yet: none of its first set was found, unless a later string opens it. */
        private static final int UNTRIED = -2;

        /**
         * The child of {@code node} by {@code c}, or -1. Below the root most nodes have one
         * child or a few (会 -> 议 -> 主, 定): those are read in turn, as fast as a search
         * call; a wider node is searched.
         */
        private int child(int node, char c) {
            char[] chars = childChars[node];
            if (chars.length <= 8) {
                for (int k = 0; k < chars.length; k++) if (chars[k] == c) return children[node][k];
                return -1;
            }
            int k = java.util.Arrays.binarySearch(chars, c);
            return k < 0 ? -1 : children[node][k];
        }
    }

    /** {@code rules} prepared for search: a stage's list is prepared once, any other list now. */
    private static Prepared prepared(List<Rule> rules) {
        return rules instanceof Prepared p ? p : new Prepared(rules);
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
        /** Every set of strings of which a match contains one ({@link #required} first), or null. */
        final String[][] allRequired;
        /**
         * The characters one of which must stand before a match (a leading lookbehind), as
         * 1024 words, one bit per char, or null; and whether a match may start the text.
         */
        private final long[] before;
        private final boolean beforeAtStart;
        /** Whether positions are tried one by one ({@link #find}) rather than by Matcher.find. */
        final boolean scanned;
        /** The sketch of {@link #first}, to rule a text out without reading it again. */
        final CharSketch firstSketch;
        private final ThreadLocal<Matcher> matchers;

        Compiled(Pattern pattern, List<String> groupNames, FirstChars.Analysis a) {
            this.pattern = pattern;
            this.groupNames = groupNames;
            this.first = a.first();
            this.starts = first == null ? null : java.util.Arrays.copyOf(first.toLongArray(), 1 << 10);
            this.required = a.required();
            this.allRequired = a.allRequired();
            this.before = a.before() == null ? null : java.util.Arrays.copyOf(a.before().chars().toLongArray(), 1 << 10);
            this.beforeAtStart = a.before() != null && a.before().atStart();
            this.scanned = first != null || before != null;
            this.firstSketch = first == null ? null : new CharSketch();
            if (first != null) first.stream().forEach(c -> firstSketch.add((char) c));
            this.matchers = ThreadLocal.withInitial(() -> {
                Matcher m = pattern.matcher("");
                // A match tried at a position inside the text sees the text around it, as find() does.
                if (scanned) m.useTransparentBounds(true).useAnchoringBounds(false);
                return m;
            });
        }

        /**
         * This thread's matcher of the pattern, reset to {@code text}. A matcher of a long
         * pattern costs microseconds to make (it sizes its state to every group and
         * repetition of the pattern), more than most texts take to search, so each thread
         * keeps one per pattern; every search reads its match before the next search of the
         * pattern starts.
         */
        Matcher matcher(CharSequence text) {
            return matchers.get().reset(text);
        }

        /**
         * Matcher.find() from {@code from}, with the same answer: with a prefilter, only the
         * positions whose character can start a match, and whose character before can stand
         * there, are tried (lookingAt over the rest of the text, with transparent and
         * non-anchoring bounds, is what find() tries at each position); a pattern with a
         * prefilter cannot match the empty string. Positions after {@code lastStart} are not tried.
         *
         * @param m the matcher of an earlier search of this text, or null: one is made when
         *          a position is worth trying
         * @return the matcher holding the match, or null when there is none
         */
        Matcher find(Matcher m, CharSequence text, int from, int lastStart) {
            if (lastStart < from) return null;
            if (!scanned) {
                if (m == null) m = matcher(text);
                return (from == 0 ? m.find() : m.find(from)) ? m : null;
            }
            int n = text.length();
            int last = Math.min(lastStart, n - 1);
            long[] s = starts, b = before;
            for (int i = from; i <= last; i++) {
                if (s != null) {
                    char c = text.charAt(i);
                    if ((s[c >>> 6] & (1L << c)) == 0) continue;
                }
                if (b != null) {
                    if (i == 0 ? !beforeAtStart : (b[text.charAt(i - 1) >>> 6] & (1L << text.charAt(i - 1))) == 0) continue;
                }
                if (m == null) m = matcher(text);
                m.region(i, n);
                if (m.lookingAt()) return m;
            }
            return null;
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<Pattern, Compiled> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    static Compiled compiled(Rule rule) {
        Compiled c = COMPILED.get(rule.pattern());
        if (c != null) return c;
        return COMPILED.computeIfAbsent(rule.pattern(),
            p -> new Compiled(p, List.copyOf(RuleReader.groupList(p)), FirstChars.analyse(p)));
    }

    /** The characters a match of the rule can start with, or null when the engine tries every position. */
    static java.util.BitSet prefilter(Rule rule) { return compiled(rule).first; }

    /** Strings one of which every match of the rule contains, or null. */
    static List<String> required(Rule rule) {
        String[] r = compiled(rule).required;
        return r == null ? null : List.of(r);
    }

    /** Every set of strings of which each match of the rule contains one, the most selective first, or null. */
    static List<List<String>> requiredSets(Rule rule) {
        String[][] r = compiled(rule).allRequired;
        return r == null ? null : java.util.Arrays.stream(r).map(List::of).toList();
    }

    /** The named groups of a rule's pattern (Java 17 has no API for them); computed once per pattern. */
    static List<String> groupNames(Rule rule) {
        return compiled(rule).groupNames;
    }

    /**
     * How matches rank where they compete: the higher priority first, then the leftmost, then
     * the longest, then the rule written first.
     */
    private static Comparator<RuleMatch> ranking(List<Rule> order) {
        Comparator<RuleMatch> byPriority = Comparator.comparingInt(x -> -x.rule().priority());
        Comparator<RuleMatch> longestFirst = Comparator.comparingInt((RuleMatch x) -> x.end()).reversed();
        return byPriority.thenComparingInt(RuleMatch::start).thenComparing(longestFirst)
            .thenComparingInt(x -> order.indexOf(x.rule()));
    }

    /**
     * All matches of {@code rules} in {@code text}, without overlaps, in text order: where
     * matches overlap, the one ranked first wins (the higher priority, then the leftmost, the
     * longest, the rule written first). Offsets are shifted by {@code base}.
     */
    public List<RuleMatch> findAll(List<Rule> rules, CharSequence text, int base) {
        Prepared p = prepared(rules);
        return findAll(p, text, p.lastStarts(text), base);
    }

    /** {@link #findAll(List, CharSequence, int)} in a text read already: {@code rules} must be one of the scan's lists. */
    public List<RuleMatch> findAll(List<Rule> rules, Scan scan, int base) {
        Prepared p = prepared(rules);
        return findAll(p, scan.text, scan.together.lastStarts(p, scan.lastStarts), base);
    }

    private List<RuleMatch> findAll(Prepared p, CharSequence text, int[] lastStarts, int base) {
        List<RuleMatch> candidates = new ArrayList<>();
        for (int k = 0; k < lastStarts.length; k++) {
            Rule r = p.get(k);
            Compiled c = p.compiled[k];
            List<String> names = c.groupNames;
            int last = lastStarts[k];
            if (last < 0) continue;
            if (c.scanned) {
                // Prefiltered: matches are never empty; the next search starts where this one ended.
                Matcher m = null;
                int from = 0;
                while ((m = c.find(m, text, from, last)) != null) {
                    candidates.add(new RuleMatch(r, m, names, base, tables));
                    from = m.end();
                }
                continue;
            }
            Matcher m = c.matcher(text);
            while (m.find()) {
                candidates.add(new RuleMatch(r, m, names, base, tables));
                if (m.end() == m.start()) {
                    if (m.end() >= text.length()) break;
                    m.region(m.end() + 1, text.length());
                }
            }
        }
        candidates.sort(ranking(p));
        List<RuleMatch> chosen = new ArrayList<>();
        for (RuleMatch c : candidates) {
            boolean free = true;
            for (RuleMatch k : chosen) {
                if (c.start() < k.end() && k.start() < c.end() || c.start() == k.start()) {
                    free = false;
                    break;
                }
            }
            if (free) chosen.add(c);
        }
        chosen.sort(Comparator.comparingInt(RuleMatch::start));
        return chosen;
    }

    /**
     * The best match of {@code rules} in {@code text}, or null: the highest priority, then the
     * leftmost, the longest, the rule written first. Each rule's first match is its leftmost,
     * so only that one is looked for.
     */
    public RuleMatch findFirst(List<Rule> rules, CharSequence text, int base) {
        Prepared p = prepared(rules);
        return findFirst(p, text, p.lastStarts(text), base);
    }

    /** {@link #findFirst(List, CharSequence, int)} in a text read already: {@code rules} must be one of the scan's lists. */
    public RuleMatch findFirst(List<Rule> rules, Scan scan, int base) {
        Prepared p = prepared(rules);
        return findFirst(p, scan.text, scan.together.lastStarts(p, scan.lastStarts), base);
    }

    private RuleMatch findFirst(Prepared p, CharSequence text, int[] lastStarts, int base) {
        Comparator<RuleMatch> rank = ranking(p);
        RuleMatch best = null;
        for (int k : p.byPriority) {
            Rule r = p.get(k);
            // The rules come by priority, the highest first: one of a lower priority than the best so far cannot replace it.
            if (best != null && r.priority() < best.rule().priority()) break;
            Compiled c = p.compiled[k];
            int last = lastStarts[k];
            if (last < 0) continue;
            // A match of the same priority starting after the best so far cannot replace it.
            if (best != null) last = Math.min(last, best.start() - base);
            Matcher m = c.find(null, text, 0, last);
            if (m == null) continue;
            RuleMatch found = new RuleMatch(r, m, c.groupNames, base, tables);
            if (best == null || rank.compare(found, best) < 0) best = found;
        }
        return best;
    }
}
