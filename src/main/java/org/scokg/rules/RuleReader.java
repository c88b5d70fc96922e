package org.scokg.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads rule files into rules, tables and pieces (syntax: {@link RuleBook}). Pieces and
 * tables are collected from every file first, so a file may use what another defines,
 * whatever the order the files are read in; rules keep the order of their files and, in a
 * file, the order they are written in.
 */
final class RuleReader {
    private static final Pattern PIECE_REF = Pattern.compile("\\$([A-Z][A-Z0-9_]*)");
    private static final Pattern LEXICON_REF = Pattern.compile("@([a-z][a-z0-9_-]*)");
    private static final Pattern DEFINE = Pattern.compile("define\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*(.+)");
    private static final Pattern TABLE = Pattern.compile("table\\s+([a-z][a-z0-9_-]*)");
    private static final Pattern WORDS = Pattern.compile("words\\s+([a-z][a-z0-9_-]*)");
    private static final Pattern STAGE = Pattern.compile("stage\\s+([a-z][a-z0-9_-]*)");
    private static final Pattern RULE = Pattern.compile("rule\\s+([a-z][a-z0-9_-]*(?:\\.[a-z0-9_-]+)+)");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern LOOKUP = Pattern.compile("([a-z][a-z0-9_-]*)\\[([a-zA-Z][a-zA-Z0-9]*)]");

    private record Located(String file, int line, String text) {}

    private final Map<String, ? extends Collection<String>> lexicons;
    private final Map<String, Located> rawPieces = new LinkedHashMap<>();
    private final Map<String, String> expandedPieces = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    RuleReader(Map<String, ? extends Collection<String>> lexicons) {
        this.lexicons = lexicons;
    }

    Map<String, Rule> rules() { return rules; }

    Map<String, Map<String, String>> tables() { return tables; }

    /** Reads the files (name to text): first every piece and table, then every rule. */
    RuleReader read(Map<String, String> files) {
        for (var f : files.entrySet()) collectDefinitions(f.getKey(), f.getValue());
        for (var f : files.entrySet()) readRules(f.getKey(), f.getValue());
        return this;
    }

    // ------------------------------------------------------------------ pieces and tables

    private void collectDefinitions(String file, String text) {
        String[] lines = text.split("\r?\n", -1);
        String table = null;
        boolean inRule = false, inWords = false;
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) continue;
            if (table != null && inWords) {
                if (line.equals("end")) { table = null; inWords = false; continue; }
                // a list of words: words separated by spaces, each meaning itself
                for (String w : line.split("\\s+")) tables.get(table).put(w, w);
                continue;
            }
            if (table != null) {
                if (line.equals("end")) { table = null; continue; }
                int eq = line.indexOf('=');
                if (eq <= 0) throw new RuleSyntaxException(file, i + 1, "expected 'spelling = value' in table " + table + ", got: " + line);
                String key = line.substring(0, eq).strip(), value = line.substring(eq + 1).strip();
                String before = tables.get(table).put(key, value);
                if (before != null && !before.equals(value))
                    throw new RuleSyntaxException(file, i + 1, "'" + key + "' is in table " + table + " twice, as " + before + " and " + value);
                continue;
            }
            if (inRule) {
                if (line.equals("end")) inRule = false;
                continue;
            }
            Matcher d = DEFINE.matcher(line), t = TABLE.matcher(line), w = WORDS.matcher(line), r = RULE.matcher(line);
            if (w.matches()) {
                table = w.group(1);
                inWords = true;
                if (lexicons.containsKey(table))
                    throw new RuleSyntaxException(file, i + 1, "word list " + table + " has the name of a lexicon");
                tables.computeIfAbsent(table, k -> new LinkedHashMap<>());
            } else if (d.matches()) {
                if (rawPieces.put(d.group(1), new Located(file, i + 1, d.group(2).strip())) != null)
                    throw new RuleSyntaxException(file, i + 1, "piece " + d.group(1) + " is defined twice");
            } else if (t.matches()) {
                // A table may be written in several files: a user's file adds spellings to a built-in one.
                table = t.group(1);
                if (lexicons.containsKey(table))
                    throw new RuleSyntaxException(file, i + 1, "table " + table + " has the name of a lexicon");
                tables.computeIfAbsent(table, k -> new LinkedHashMap<>());
            } else if (r.matches()) {
                inRule = true;
            } else if (!STAGE.matcher(line).matches()) {
                throw new RuleSyntaxException(file, i + 1,
                    "expected 'define NAME = …', 'table name', 'words name', 'stage name' or 'rule group.name', got: " + line);
            }
        }
        if (table != null) throw new RuleSyntaxException(file, lines.length, (inWords ? "word list " : "table ") + table + " has no 'end'");
    }

    /** The expanded text of a piece, expanding the pieces it uses first; a cycle is an error. */
    private String piece(String name, Set<String> expanding, String file, int line) {
        String done = expandedPieces.get(name);
        if (done != null) return done;
        Located raw = rawPieces.get(name);
        if (raw == null) throw new RuleSyntaxException(file, line, "unknown piece $" + name);
        if (!expanding.add(name)) throw new RuleSyntaxException(raw.file(), raw.line(), "piece $" + name + " uses itself");
        String expanded = expand(raw.text(), expanding, raw.file(), raw.line());
        compile(expanded, raw.file(), raw.line());
        expanding.remove(name);
        expandedPieces.put(name, expanded);
        return expanded;
    }

    private String expand(String pattern, Set<String> expanding, String file, int line) {
        StringBuilder out = new StringBuilder();
        Matcher m = PIECE_REF.matcher(pattern);
        while (m.find())
            m.appendReplacement(out, Matcher.quoteReplacement("(?:" + piece(m.group(1), expanding, file, line) + ")"));
        m.appendTail(out);
        String withPieces = out.toString();
        out = new StringBuilder();
        m = LEXICON_REF.matcher(withPieces);
        while (m.find()) {
            Collection<String> entries = lexicons.get(m.group(1));
            // A name of the gazetteer followed by the dot of a transliterated name is a person's
            // given name (苏丹·拉耶夫, Sultan, not Sudan): no lexicon entry matches there.
            String after = entries == null ? "" : RuleBook.NOT_A_GIVEN_NAME;
            if (entries == null && tables.containsKey(m.group(1))) entries = tables.get(m.group(1)).keySet();
            if (entries == null) throw new RuleSyntaxException(file, line, "unknown lexicon or table @" + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(alternation(entries) + after));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * An alternation of the entries that matches the longest entry where several match, as
     * {@code (?:longest|…|shortest)} would, written as a trie ({@code 中(?:华人民共和国|国)},
     * {@code 俄罗斯(?:联邦)?}): the regex engine tries one branch per character instead of every
     * entry in turn, which a lexicon of a thousand names needs. Where a node has many branches
     * (the 144 first characters of the states' names), they are split into runs of neighbouring
     * characters, each behind a lookahead for its range ({@code (?=[一-专])(?:…)}): Java tries
     * branches one by one, so a character no branch takes costs a few range checks instead of
     * a check per branch. Branches starting with different characters exclude each other, so
     * neither split changes what matches.
     */
    static String alternation(Collection<String> entries) {
        Node root = new Node();
        for (String e : entries) if (!e.isEmpty()) root.add(e, 0);
        if (root.children.isEmpty()) return "(?!)";
        StringBuilder sb = new StringBuilder();
        root.write(sb);
        return sb.toString();
    }

    /** A trie of characters; {@code end} marks where an entry ends. */
    private static final class Node {
        final java.util.TreeMap<Integer, Node> children = new java.util.TreeMap<>();
        boolean end;

        void add(String s, int i) {
            if (i == s.length()) {
                end = true;
                return;
            }
            int cp = s.codePointAt(i);
            children.computeIfAbsent(cp, k -> new Node()).add(s, i + Character.charCount(cp));
        }

        /** The alternatives after this node: longer continuations first, then the end of an entry. */
        void write(StringBuilder sb) {
            if (children.isEmpty()) return;
            boolean group = children.size() > 1 || end;
            if (group) sb.append("(?:");
            List<Map.Entry<Integer, Node>> branches = new ArrayList<>(children.entrySet());
            // Runs of about the square root of the branches: as many range checks as branches in a run.
            boolean split = branches.size() > SPLIT_ABOVE && children.lastKey() <= Character.MAX_VALUE;
            int run = split ? (int) Math.ceil(Math.sqrt(branches.size())) : branches.size();
            for (int from = 0; from < branches.size(); from += run) {
                List<Map.Entry<Integer, Node>> part = branches.subList(from, Math.min(branches.size(), from + run));
                if (from > 0) sb.append('|');
                if (split) sb.append(String.format("(?=[\\u%04x-\\u%04x])(?:", part.get(0).getKey(), part.get(part.size() - 1).getKey()));
                for (int k = 0; k < part.size(); k++) {
                    if (k > 0) sb.append('|');
                    sb.append(Pattern.quote(new String(Character.toChars(part.get(k).getKey()))));
                    part.get(k).getValue().write(sb);
                }
                if (split) sb.append(')');
            }
            if (group) sb.append(end ? ")?" : ")");
        }

        /** A node with more branches than this is split into runs (see {@link #alternation}). */
        private static final int SPLIT_ABOVE = 12;
    }

    private static Pattern compile(String regex, String file, int line) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleSyntaxException(file, line, "bad pattern: " + e.getDescription());
        }
    }

    // ------------------------------------------------------------------ rules

    private void readRules(String file, String text) {
        String[] lines = text.split("\r?\n", -1);
        Draft draft = null;
        String fileStage = null;
        boolean inTable = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = lines[i].strip();
            String line = stripComment(lines[i]).strip();
            if (draft != null && raw.startsWith("#")) {
                draft.comment.append(draft.comment.length() == 0 ? "" : " ").append(raw.substring(1).strip());
                continue;
            }
            if (line.isEmpty()) continue;
            if (inTable) {
                if (line.equals("end")) inTable = false;
                continue;
            }
            if (draft == null) {
                Matcher r = RULE.matcher(line), s = STAGE.matcher(line);
                if (r.matches()) {
                    if (rules.containsKey(r.group(1))) throw new RuleSyntaxException(file, lineNo, "rule " + r.group(1) + " is defined twice");
                    draft = new Draft(r.group(1), file, lineNo, fileStage);
                } else if (s.matches()) {
                    fileStage = s.group(1);
                } else if (TABLE.matcher(line).matches() || WORDS.matcher(line).matches()) {
                    inTable = true;
                }
                continue;
            }
            if (line.equals("end")) {
                rules.put(draft.name, draft.build());
                draft = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) throw new RuleSyntaxException(file, lineNo, "expected 'key: value' inside rule " + draft.name);
            String key = line.substring(0, colon).strip();
            // Values keep their inner '#' (examples are prose); only whole-line comments were stripped.
            String value = raw.substring(raw.indexOf(':') + 1).strip();
            draft.take(key, value, lineNo);
        }
        if (draft != null) throw new RuleSyntaxException(file, draft.line, "rule " + draft.name + " has no 'end'");
    }

    private static String stripComment(String line) {
        String t = line.strip();
        if (t.startsWith("#")) return "";
        int hash = line.indexOf(" #");
        return hash < 0 ? line : line.substring(0, hash);
    }

    private final class Draft {
        final String name, file;
        final int line;
        final StringBuilder comment = new StringBuilder();
        final Map<String, String> rawValues = new LinkedHashMap<>();
        final List<Rule.Example> examples = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        String pattern, stage, produce;
        int priority;

        Draft(String name, String file, int line, String stage) {
            this.name = name;
            this.file = file;
            this.line = line;
            this.stage = stage;
        }

        void take(String key, String value, int lineNo) {
            switch (key) {
                case "pattern" -> pattern = value;
                case "stage" -> stage = value;
                case "produce" -> produce = value;
                case "priority" -> {
                    try {
                        priority = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new RuleSyntaxException(file, lineNo, "priority must be a whole number, got: " + value);
                    }
                }
                case "set" -> {
                    for (String kv : value.split(",")) {
                        int eq = kv.indexOf('=');
                        if (eq < 0) throw new RuleSyntaxException(file, lineNo, "expected key=value in set: " + kv);
                        rawValues.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
                case "example" -> examples.add(new Rule.Example(value, new LinkedHashMap<>()));
                case "expect" -> {
                    if (examples.isEmpty()) throw new RuleSyntaxException(file, lineNo, "expect: without an example before it");
                    Map<String, String> expected = examples.get(examples.size() - 1).expected();
                    for (String kv : value.split(";")) {
                        int eq = kv.indexOf('=');
                        if (eq < 0) throw new RuleSyntaxException(file, lineNo, "expected group=value in expect: " + kv);
                        expected.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
                case "reject" -> rejects.add(value);
                default -> throw new RuleSyntaxException(file, lineNo, "unknown key '" + key + "' in rule " + name);
            }
        }

        Rule build() {
            if (pattern == null) throw new RuleSyntaxException(file, line, "rule " + name + " has no pattern");
            if (stage == null) throw new RuleSyntaxException(file, line, "rule " + name + " has no stage (a 'stage:' line, or 'stage NAME' before it in the file)");
            if (produce == null) throw new RuleSyntaxException(file, line, "rule " + name + " does not say what it produces (a 'produce:' line)");
            Pattern compiled = compile(expand(pattern, new HashSet<>(), file, line), file, line);
            Set<String> groups = groupNames(compiled);
            Map<String, Rule.Value> values = new LinkedHashMap<>();
            rawValues.forEach((k, v) -> {
                Matcher l = LOOKUP.matcher(v);
                if (l.matches()) {
                    if (!tables.containsKey(l.group(1))) throw new RuleSyntaxException(file, line, "rule " + name + " looks up unknown table " + l.group(1));
                    if (!groups.contains(l.group(2))) throw new RuleSyntaxException(file, line, "rule " + name + " looks up group " + l.group(2) + ", which its pattern does not have");
                    values.put(k, Rule.Value.lookup(l.group(1), l.group(2)));
                } else {
                    values.put(k, Rule.Value.of(v));
                }
            });
            return new Rule(name, comment.toString(), file + ":" + line, stage, produce, priority, pattern, compiled,
                Map.copyOf(values), List.copyOf(examples), List.copyOf(rejects));
        }
    }

    /** The named groups of a compiled pattern, in order (Java 17 has no API for them). */
    static List<String> groupList(Pattern p) {
        List<String> names = new ArrayList<>();
        Matcher m = GROUP_NAME.matcher(p.pattern());
        while (m.find()) if (!names.contains(m.group(1))) names.add(m.group(1));
        return names;
    }

    private static Set<String> groupNames(Pattern p) { return new HashSet<>(groupList(p)); }
}
