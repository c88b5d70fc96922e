package org.scokg.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.scokg.spark.InputListing.InputFile;

/**
 * How the files of a job are shared out over its tasks, each task one output partition.
 * Spark's own file sources pack small files into few tasks (a task gets up to 128 MB, each file
 * counted as at least 4 MB), which leaves cores idle on a corpus of small texts; here the
 * number of tasks is chosen ({@link #partitions}) and the files are spread over them by size,
 * largest first, each to the task with the fewest bytes so far (ties to the lower number).
 * Within a task the files keep the listing's order. The result depends only on the listing
 * and the number, so a rerun writes the same partitions.
 */
final class Packing {
    private Packing() {}

    /** Text read by one task at most, by default: its N-Quads are about 20 times as large. */
    static final long BYTES_PER_PARTITION = 64L << 20;

    /** Tasks per core by default, so that a slow document holds up one small task, not a core's share. */
    static final int TASKS_PER_CORE = 4;

    /**
     * The default number of partitions: {@value #TASKS_PER_CORE} per core of the cluster, more
     * when that would put more than {@value #BYTES_PER_PARTITION} bytes in one; never more than
     * there are files.
     */
    static int partitions(int files, long bytes, int cores) {
        long byCores = (long) TASKS_PER_CORE * Math.max(1, cores);
        long bySize = (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
        return (int) Math.max(1, Math.min(files, Math.max(byCores, bySize)));
    }

    /** {@code files} in {@code partitions} groups (at most one per file, none empty), in listing order within each. */
    static List<List<InputFile>> pack(List<InputFile> files, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1");
        int n = Math.min(partitions, files.size());
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) groups.add(new ArrayList<>());
        // the group with the fewest bytes, the lower number on a tie: {bytes, group}
        PriorityQueue<long[]> load = new PriorityQueue<>(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        for (int i = 0; i < n; i++) load.add(new long[] {0, i});
        List<Integer> bySize = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) bySize.add(i);
        bySize.sort(Comparator.<Integer>comparingLong(i -> -files.get(i).length()).thenComparingInt(i -> i));
        for (int i : bySize) {
            long[] least = load.poll();
            groups.get((int) least[1]).add(i);
            least[0] += Math.max(1, files.get(i).length());
            load.add(least);
        }
        List<List<InputFile>> out = new ArrayList<>();
        for (List<Integer> g : groups) out.add(g.stream().sorted().map(files::get).toList());
        return out;
    }
}
