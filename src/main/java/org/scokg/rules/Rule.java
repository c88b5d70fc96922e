package org.scokg.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One named rule: a compiled pattern, the attributes its action reads ({@code set:}),
 * the comment that says what it catches, and its own examples.
 *
 * @param name       dotted name; the part before the first dot is its group ("meeting.date-first")
 * @param comment    what the rule catches, from the comment lines in its block
 * @param source     the pattern as written, before named pieces were expanded
 * @param pattern    the expanded, compiled pattern
 * @param attributes constant values for the action, e.g. {@code status=outgoing}
 * @param examples   texts the rule must match, with the groups they must yield
 * @param rejects    texts the rule must not match
 */
public record Rule(String name, String comment, String source, Pattern pattern,
                   Map<String, String> attributes, List<Example> examples, List<String> rejects) {

    /** A text the rule must match, and what some of its groups must capture. */
    public record Example(String text, Map<String, String> expected) {}

    /** The group: the rule name up to its first dot. */
    public String group() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The attribute {@code key}, or {@code fallback} when the rule does not set it. */
    public String attribute(String key, String fallback) {
        return attributes.getOrDefault(key, fallback);
    }
}
