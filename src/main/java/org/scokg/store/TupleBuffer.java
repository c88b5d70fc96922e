package org.scokg.store;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;

/**
 * Quads as TDB2 node ids, held back in one {@code long[]} (32 bytes a quad, no object per
 * quad), to be handed to the quad indexes as sorted, duplicate-free records: the form both
 * a B+tree insert and a bulk build of an index ({@link PackedIndexes}) want. Each node id is
 * kept in its on-disk form (TDB2's 64-bit encoding), and the records of an index compare as
 * those bytes do, unsigned and big-endian, so one {@code Long.compareUnsigned} per column
 * orders the records exactly as the index does.
 *
 * <p>Quads are added in the primary order (G, S, P, O). {@link #records} sorts the buffer
 * in place into an index's order, so the buffer is reordered each time; its content as a
 * set is unchanged. Not thread-safe.
 */
final class TupleBuffer {
    /** Columns of a quad: G, S, P, O in the primary order. */
    static final int N = 4;
    private static final int[] PRIMARY = {0, 1, 2, 3};
    /** Quads whose room {@link #clear()} keeps for the next ones (8 MB): a batch of {@link GraphReplacer#BATCH} fits. */
    private static final int KEPT = 256 * 1024;

    private long[] ids = new long[N * 1024];
    private int size;
    /** {@code columns[i]}: the primary slot (0 = G … 3 = O) that column i of each record holds now. */
    private int[] columns = PRIMARY.clone();
    private final byte[] scratch = new byte[NodeId.SIZE];
    /** Pivots for {@link #sort}; seeded, so the same input is sorted the same way. */
    private final Random random = new Random(6);

    /** Adds the quad (g, s, p, o). */
    void add(NodeId g, NodeId s, NodeId p, NodeId o) {
        permute(PRIMARY);
        if (N * (size + 1) > ids.length) ids = Arrays.copyOf(ids, Math.max(ids.length + (ids.length >> 1), N * 1024));
        int at = N * size++;
        ids[at] = encode(g);
        ids[at + 1] = encode(s);
        ids[at + 2] = encode(p);
        ids[at + 3] = encode(o);
    }

    /** A copy, to hand out another index's records at the same time (another thread). */
    TupleBuffer copy() {
        TupleBuffer c = new TupleBuffer();
        c.ids = Arrays.copyOf(ids, N * size);
        c.size = size;
        c.columns = columns.clone();
        return c;
    }

    /** Quads held (duplicates included). */
    int size() { return size; }

    boolean isEmpty() { return size == 0; }

    /** Forgets every quad (and gives back the memory of more than {@link #KEPT} quads). */
    void clear() {
        size = 0;
        if (ids.length > N * KEPT) ids = new long[N * 1024];
        columns = PRIMARY.clone();
    }

    /** Quads handed out one at a time, as {@link #N} longs each (node ids in their on-disk form). */
    interface Cursor {
        /** Fills {@code tuple} with the next quad; false when there is none left. */
        boolean next(long[] tuple);
    }

    /**
     * The quads in the column order of the index with mapping {@code map} (primary order to
     * index order, as TDB2's {@code TupleIndex.getMapping()}), sorted as that index sorts its
     * records and without duplicates. The cursor reads the buffer: do not add to it while
     * reading.
     */
    Cursor sorted(TupleMap map) {
        reorder(map);
        sort(0, size);
        return new Cursor() {
            int i = 0;

            @Override public boolean next(long[] tuple) {
                while (i > 0 && i < size && compare(i, i - 1) == 0) i++;
                if (i >= size) return false;
                System.arraycopy(ids, N * i++, tuple, 0, N);
                return true;
            }
        };
    }

    /**
     * The quads as records of the index with mapping {@code map}, sorted and without
     * duplicates (see {@link #sorted}).
     */
    Iterator<Record> records(TupleMap map, RecordFactory factory) {
        Cursor sorted = sorted(map);
        return new Iterator<>() {
            final long[] tuple = new long[N];
            boolean ready, more = true;

            @Override public boolean hasNext() {
                if (!ready && more) {
                    more = sorted.next(tuple);
                    ready = true;
                }
                return more;
            }

            @Override public Record next() {
                if (!hasNext()) throw new NoSuchElementException();
                ready = false;
                return record(tuple, factory);
            }
        };
    }

    /** The record of an index whose columns {@code tuple} holds in that index's order. */
    static Record record(long[] tuple, RecordFactory factory) {
        byte[] key = new byte[N * NodeId.SIZE];
        for (int c = 0; c < N; c++) Bytes.setLong(tuple[c], key, c * NodeId.SIZE);
        return factory.create(key);
    }

    /** Compares two quads as their index records compare: column by column, unsigned. */
    static int compare(long[] a, long[] b) {
        for (int c = 0; c < N; c++) {
            int r = Long.compareUnsigned(a[c], b[c]);
            if (r != 0) return r;
        }
        return 0;
    }

    private long encode(NodeId id) {
        NodeIdFactory.set(id, scratch, 0);
        return Bytes.getLong(scratch, 0);
    }

    /** Puts the records in the column order of the index with mapping {@code map}. */
    private void reorder(TupleMap map) {
        int[] want = new int[N];
        for (int i = 0; i < N; i++) want[i] = map.getSlotIdx(i);
        permute(want);
    }

    /** Permutes the columns of every record so that column i holds primary slot {@code want[i]}. */
    private void permute(int[] want) {
        if (Arrays.equals(want, columns)) return;
        int[] from = new int[N];
        for (int i = 0; i < N; i++)
            for (int c = 0; c < N; c++)
                if (columns[c] == want[i]) from[i] = c;
        long[] row = new long[N];
        for (int r = 0; r < size; r++) {
            int at = N * r;
            for (int i = 0; i < N; i++) row[i] = ids[at + from[i]];
            System.arraycopy(row, 0, ids, at, N);
        }
        columns = want.clone();
    }

    private int compare(int a, int b) {
        int x = N * a, y = N * b;
        for (int c = 0; c < N; c++) {
            int r = Long.compareUnsigned(ids[x + c], ids[y + c]);
            if (r != 0) return r;
        }
        return 0;
    }

    private void swap(int a, int b) {
        int x = N * a, y = N * b;
        for (int c = 0; c < N; c++) {
            long t = ids[x + c];
            ids[x + c] = ids[y + c];
            ids[y + c] = t;
        }
    }

    /**
     * Sorts records [lo, hi): quicksort on the median of three records picked at random
     * (the buffer is often in another index's order, a pattern on which fixed pivots go
     * quadratic), insertion sort for short ranges.
     */
    private void sort(int lo, int hi) {
        while (hi - lo > 16) {
            int a = lo + random.nextInt(hi - lo), b = lo + random.nextInt(hi - lo), c = lo + random.nextInt(hi - lo);
            int pivot = compare(a, b) < 0 ? (compare(b, c) < 0 ? b : compare(a, c) < 0 ? c : a)
                                          : (compare(a, c) < 0 ? a : compare(b, c) < 0 ? c : b);
            int last = hi - 1;
            swap(pivot, last);                    // the pivot waits at the end
            int i = lo, j = last - 1;
            while (true) {
                while (compare(i, last) < 0) i++;
                while (j > lo && compare(j, last) > 0) j--;
                if (i >= j) break;
                swap(i++, j--);
            }
            swap(i, last);
            // Recurse into the smaller part, loop on the larger: the stack stays O(log n).
            if (i - lo < hi - i) {
                sort(lo, i);
                lo = i + 1;
            } else {
                sort(i + 1, hi);
                hi = i;
            }
        }
        for (int i = lo + 1; i < hi; i++)
            for (int j = i; j > lo && compare(j, j - 1) < 0; j--) swap(j, j - 1);
    }
}
