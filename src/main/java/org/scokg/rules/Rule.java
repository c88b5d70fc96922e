package org.scokg.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule, as read from a rule file: when it runs, what a match produces, how it ranks
 * against other matches, its pattern, the values its action sets, the comment that says
 * what it catches, and its own examples.
 *
 * @param name       dotted name, unique in the book, e.g. {@code meeting.opening-sentence}
 * @param comment    what the rule catches, from the comment lines in its block
 * @param origin     {@code file:line} where the rule starts, for messages
 * @param stage      the pass of the caller's pipeline the rule runs in ({@code stage:}); the
 *                   engine only groups rules by it
 * @param produce    what a match produces ({@code produce:}): the caller's action for it
 * @param priority   where matches overlap or compete, the higher priority wins ({@code priority:}, default 0)
 * @param source     the pattern as written, before named pieces and lexicons were expanded
 * @param pattern    the expanded, compiled pattern
 * @param values     the values the action sets ({@code set:}), each a constant or a table lookup
 * @param examples   texts the rule must match, with the groups or values they must yield
 * @param rejects    texts the rule must not match
 */
public record Rule(String name, String comment, String origin, String stage, String produce, int priority,
                   String source, Pattern pattern, Map<String, Value> values, List<Example> examples,
                   List<String> rejects) {

    /** A text the rule must match, and what some of its groups (or set values) must be. */
    public record Example(String text, Map<String, String> expected) {}

    /**
     * A value a match sets: a constant ({@code status=outgoing}) or the entry of a table for
     * the text of a group ({@code action=act[verb]}: the table {@code act}, looked up with what
     * the group {@code verb} matched).
     *
     * @param constant the constant, or null for a lookup
     * @param table    the table's name, for a lookup
     * @param group    the group whose text is looked up
     */
    public record Value(String constant, String table, String group) {
        static Value of(String constant) { return new Value(constant, null, null); }
        static Value lookup(String table, String group) { return new Value(null, table, group); }
        boolean isLookup() { return table != null; }

        @Override
        public String toString() { return isLookup() ? table + "[" + group + "]" : constant; }
    }
}
