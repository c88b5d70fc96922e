package org.scokg.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;

/**
 * Quads held on disk when they do not fit in memory: an external sort, as Jena's
 * {@code tdb2.xloader} does with {@code sort(1)}. Each time the {@link TupleBuffer} of a
 * write is full, {@link #spill} sorts it into the order of each quad index and writes one
 * run file per index (32 bytes a quad, TDB2's node ids as they are on disk, ascending,
 * without duplicates); {@link #records} then merges an index's runs with what is still in
 * memory, so the index gets every quad once, in its order, holding one quad per run in
 * memory. Costs the disk space of the quads once per index (about 200 bytes a quad), and
 * each quad written and read once per index.
 *
 * <p>The files live in a directory of their own, deleted by {@link #close()}; put it where a
 * kill -9 does not leave it behind (inside a {@link NextGeneration}'s directory, which TDB2
 * deletes when it next opens the store). {@link #records} may be called from several threads
 * at once, for different indexes, once spilling is over; {@link #spill} only from one.
 */
final class SortedRuns implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path directory;
    private int runs;
    private long quads;
    private final List<Closeable> open = new ArrayList<>();

    /** Runs in {@code directory}, made if missing; it must hold nothing else, since {@link #close()} deletes it. */
    SortedRuns(Path directory) {
        this.directory = directory;
    }

    /** How many times {@link #spill} wrote. */
    int runs() { return runs; }

    /** Quads spilled, duplicates of one run removed. */
    long quads() { return quads; }

    boolean isEmpty() { return runs == 0; }

    /** Writes {@code buffer}'s quads as one run per index of {@code indexes}; the caller clears the buffer after. */
    void spill(TupleBuffer buffer, TupleIndex[] indexes) {
        if (buffer.isEmpty()) return;
        try {
            Files.createDirectories(directory);
            long written = 0;
            long[] tuple = new long[TupleBuffer.N];
            for (TupleIndex index : indexes) {
                written = 0;
                TupleBuffer.Cursor sorted = buffer.sorted(index.getMapping());
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(runs, index)), BUFFER))) {
                    while (sorted.next(tuple)) {
                        for (long id : tuple) out.writeLong(id);
                        written++;
                    }
                }
            }
            quads += written;
            runs++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quads to " + directory + ": " + e.getMessage(), e);
        }
    }

    private Path file(int run, TupleIndex index) {
        return directory.resolve(run + "." + index.getName());
    }

    /**
     * Every quad of the runs and of {@code inMemory} as records of {@code index}, in its
     * order, each once. Sorts {@code inMemory} into that order (see {@link TupleBuffer#sorted}).
     */
    Iterator<Record> records(TupleIndex index, TupleBuffer inMemory, RecordFactory factory) {
        List<TupleBuffer.Cursor> cursors = new ArrayList<>();
        for (int run = 0; run < runs; run++) cursors.add(runCursor(file(run, index)));
        if (!inMemory.isEmpty()) cursors.add(inMemory.sorted(index.getMapping()));
        return merged(cursors, factory);
    }

    private TupleBuffer.Cursor runCursor(Path file) {
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read quads from " + file + ": " + e.getMessage(), e);
        }
        synchronized (open) {
            open.add(in);
        }
        return new TupleBuffer.Cursor() {
            boolean done;

            @Override public boolean next(long[] tuple) {
                if (done) return false;
                try {
                    tuple[0] = in.readLong();
                } catch (EOFException e) {
                    done = true;
                    closeQuietly(in);
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read quads from " + file + ": " + e.getMessage(), e);
                }
                try {
                    for (int c = 1; c < tuple.length; c++) tuple[c] = in.readLong();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read quads from " + file + " (cut short?): " + e.getMessage(), e);
                }
                return true;
            }
        };
    }

    /** The k-way merge of sorted cursors, duplicates dropped (a quad may be in several runs). */
    static Iterator<Record> merged(List<TupleBuffer.Cursor> cursors, RecordFactory factory) {
        record Head(long[] tuple, TupleBuffer.Cursor cursor) {}
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, cursors.size()), (a, b) -> TupleBuffer.compare(a.tuple, b.tuple));
        for (TupleBuffer.Cursor c : cursors) {
            long[] t = new long[TupleBuffer.N];
            if (c.next(t)) heads.add(new Head(t, c));
        }
        return new Iterator<>() {
            long[] last;

            @Override public boolean hasNext() {
                while (!heads.isEmpty() && last != null && Arrays.equals(heads.peek().tuple, last)) advance();
                return !heads.isEmpty();
            }

            @Override public Record next() {
                if (!hasNext()) throw new NoSuchElementException();
                long[] t = heads.peek().tuple;
                Record r = TupleBuffer.record(t, factory);
                last = t.clone();
                advance();
                return r;
            }

            private void advance() {
                Head h = heads.poll();
                if (h.cursor.next(h.tuple)) heads.add(h);
            }
        };
    }

    /** Deletes the runs and their directory. */
    @Override
    public void close() throws IOException {
        synchronized (open) {
            open.forEach(SortedRuns::closeQuietly);
            open.clear();
        }
        runs = 0;
        quads = 0;
        NextGeneration.deleteTree(directory);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // reading is over; the file is deleted next
        }
    }
}
