package org.scokg.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.spark.util.AccumulatorV2;

/**
 * The reasons documents were skipped or failed, gathered from the tasks for the driver's
 * summary: every one is counted, the first {@value #KEPT} in path order are kept (so a corpus
 * of a million bad files does not fill the driver, and a rerun shows the same ones).
 */
final class Reasons extends AccumulatorV2<String, List<String>> {
    private static final long serialVersionUID = 1L;
    static final int KEPT = 20;

    private final TreeSet<String> kept = new TreeSet<>();
    private long count;

    @Override public boolean isZero() { return count == 0; }

    @Override public Reasons copy() {
        Reasons r = new Reasons();
        r.kept.addAll(kept);
        r.count = count;
        return r;
    }

    @Override public void reset() {
        kept.clear();
        count = 0;
    }

    @Override public void add(String reason) {
        count++;
        keep(reason);
    }

    @Override public void merge(AccumulatorV2<String, List<String>> other) {
        Reasons o = (Reasons) other;
        count += o.count;
        o.kept.forEach(this::keep);
    }

    private void keep(String reason) {
        kept.add(reason);
        if (kept.size() > KEPT) kept.pollLast();
    }

    @Override public List<String> value() { return new ArrayList<>(kept); }

    /** How many were added, kept or not. */
    long count() { return count; }
}
