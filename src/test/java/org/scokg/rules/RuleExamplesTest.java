package org.scokg.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scokg.extract.Extractor;
import org.scokg.extract.Gazetteer;

/** Every rule's own examples (example/expect/reject in the rule files) are tests. */
class RuleExamplesTest {
    private static final Extractor EXTRACTOR = new Extractor(Gazetteer.builtIn());

    @TestFactory
    Stream<DynamicTest> everyRuleMatchesItsExamplesAndNotItsRejects() {
        RuleBook book = EXTRACTOR.rules();
        List<Rule> all = new ArrayList<>(book.rules());
        assertTrue(all.size() > 20, "rule files were not all read");
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule r : all) {
            assertFalse(r.examples().isEmpty(), "rule " + r.name() + " has no example");
            assertFalse(r.comment().isBlank(), "rule " + r.name() + " has no comment saying what it catches");
            for (Rule.Example ex : r.examples()) {
                tests.add(DynamicTest.dynamicTest(r.name() + " ⊨ " + ex.text(), () -> {
                    RuleMatch m = book.find(r, ex.text(), 0);
                    assertNotNull(m, r.name() + " does not match its example: " + ex.text());
                    // An expectation names a group of the pattern or a value the rule sets.
                    ex.expected().forEach((key, value) -> {
                        String got = r.values().containsKey(key) ? m.value(key) : null;
                        assertEquals(value, got != null ? got : m.group(key), r.name() + ": " + key + " in " + ex.text());
                    });
                }));
            }
            for (String reject : r.rejects()) {
                tests.add(DynamicTest.dynamicTest(r.name() + " ⊭ " + reject,
                    () -> assertNull(book.find(r, reject, 0), r.name() + " must not match: " + reject)));
            }
        }
        return tests.stream();
    }
}
