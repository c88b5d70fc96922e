package org.scokg.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A match of a rule in a text. Offsets are into the text the rule ran on, shifted by the
 * base the caller gave (so that a match inside a sentence reports offsets in the document).
 */
public final class RuleMatch {
    private record Span(String text, int start, int end) {}

    private final Rule rule;
    private final int start;
    private final int end;
    private final String text;
    private final Map<String, Span> groups = new HashMap<>();
    private final Map<String, Map<String, String>> tables;

    /** Snapshots the matcher's current match (Java 17 match results do not keep named groups). */
    RuleMatch(Rule rule, Matcher m, List<String> groupNames, int base, Map<String, Map<String, String>> tables) {
        this.rule = rule;
        this.start = base + m.start();
        this.end = base + m.end();
        this.text = m.group();
        this.tables = tables;
        for (String g : groupNames) {
            String t = m.group(g);
            if (t != null) groups.put(g, new Span(t, base + m.start(g), base + m.end(g)));
        }
    }

    public Rule rule() { return rule; }
    public int start() { return start; }
    public int end() { return end; }
    public String text() { return text; }

    /** The text of the named group, or null when the group did not take part in the match. */
    public String group(String name) {
        Span s = groups.get(name);
        return s == null ? null : s.text();
    }

    /** The start of the named group, or -1 when it did not take part. */
    public int start(String name) {
        Span s = groups.get(name);
        return s == null ? -1 : s.start();
    }

    /** The end of the named group, or -1 when it did not take part. */
    public int end(String name) {
        Span s = groups.get(name);
        return s == null ? -1 : s.end();
    }

    /**
     * The value the rule's action sets for {@code key} ({@code set:} line): its constant, or
     * the table entry for the text its group matched; {@code fallback} when the rule does not
     * set the key, the group did not take part or the table has no entry for its text.
     */
    public String value(String key, String fallback) {
        Rule.Value v = rule.values().get(key);
        if (v == null) return fallback;
        if (!v.isLookup()) return v.constant();
        String g = group(v.group());
        String found = g == null ? null : tables.getOrDefault(v.table(), Map.of()).get(g);
        return found == null ? fallback : found;
    }

    /** The value for {@code key}, or null. */
    public String value(String key) { return value(key, null); }

    /** The text of the group {@code key}, or, when it did not take part, the value the rule sets for {@code key}. */
    public String groupOrValue(String key) {
        String g = group(key);
        return g != null ? g : value(key);
    }

    @Override
    public String toString() { return rule.name() + "@" + start + ":" + text; }
}
