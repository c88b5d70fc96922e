package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The row numbers two column parameters select together. */
class MaterialisedAnswersTest {
    @Test
    void theIntersectionOfAscendingRowNumbers() {
        assertArrayEquals(new int[] {2, 7}, MaterialisedAnswers.intersection(new int[] {0, 2, 5, 7, 9}, new int[] {1, 2, 7, 8}));
        assertArrayEquals(new int[] {}, MaterialisedAnswers.intersection(new int[] {1, 3}, new int[] {2, 4}));
        assertArrayEquals(new int[] {}, MaterialisedAnswers.intersection(new int[] {}, new int[] {2, 4}));
        assertArrayEquals(new int[] {4}, MaterialisedAnswers.intersection(new int[] {4}, new int[] {0, 1, 2, 3, 4}));
    }
}
