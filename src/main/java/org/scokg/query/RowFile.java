package org.scokg.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The rows of an answer kept in a file, read back by number: what lets a server answer any page
 * of a whole-store query by reading its rows instead of computing them.
 *
 * <p>The file is Jena's SPARQL TSV ({@link ResultSetLang#RS_TSV}): one line per row, every term in
 * N-Triples syntax, so a row never spans lines and the terms come back as they were (IRIs,
 * language tags, datatypes; integers are written as bare numbers and read back as
 * {@code xsd:integer}). Blank nodes are refused: TSV keeps only their labels, which a reader
 * would take for new nodes. Jena writes and reads every row; this class only remembers where each
 * row starts (one {@code long} per row in memory) and reads the bytes of a slice.
 *
 * <p>Written once by a {@link Writer}, then read by any number of threads (positional reads).
 * {@link #close()} deletes the file; a read after it fails with {@link IOException}.
 */
public final class RowFile implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final byte[] header;
    private final List<String> vars;
    /** Where each row starts, and after the last one where the file ends: {@code rows() + 1} entries. */
    private final long[] starts;

    private RowFile(Path file, FileChannel channel, byte[] header, List<String> vars, long[] starts) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.vars = vars;
        this.starts = starts;
    }

    /**
     * A writer of a new row file at {@code file} (replaced if it exists), for rows of
     * {@code vars} in this order.
     *
     * @throws IOException when the file cannot be created
     */
    public static Writer create(Path file, List<Var> vars) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(vars, "vars");
        return new Writer(file, List.copyOf(vars));
    }

    /** Rows kept. */
    public long rows() { return starts.length - 1; }

    /** The variables of the rows, in the answer's order. */
    public List<String> vars() { return vars; }

    /** The bytes of the rows: the file less its header line. */
    public long bytes() { return starts[starts.length - 1] - header.length; }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive), clipped to the rows kept, in order.
     *
     * @throws IllegalArgumentException when {@code from} is negative or after {@code to}
     * @throws IOException when the file cannot be read (for example after {@link #close()}), or
     *         when the slice holds 2 GB or more
     */
    public List<Binding> read(long from, long to) throws IOException {
        if (from < 0 || from > to) throw new IllegalArgumentException("rows " + from + " to " + to);
        int a = (int) Math.min(from, rows()), b = (int) Math.min(to, rows());
        return read(new int[] {a}, new int[] {b});
    }

    /**
     * The rows numbered {@code rows}, which must ascend, in that order.
     *
     * @throws IllegalArgumentException when a number is out of range or the numbers do not ascend
     * @throws IOException as {@link #read(long, long)}
     */
    public List<Binding> read(int[] rows) throws IOException {
        // consecutive rows are read as one slice
        int[] from = new int[rows.length], to = new int[rows.length];
        int runs = 0;
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= rows()) throw new IllegalArgumentException("no row " + r + " of " + rows());
            if (runs > 0 && r < to[runs - 1]) throw new IllegalArgumentException("row numbers must ascend: " + r + " after " + (to[runs - 1] - 1));
            if (runs > 0 && r == to[runs - 1]) to[runs - 1]++;
            else {
                from[runs] = r;
                to[runs++] = r + 1;
            }
        }
        return read(Arrays.copyOf(from, runs), Arrays.copyOf(to, runs));
    }

    /** The rows of the slices {@code from[i]} to {@code to[i]}, parsed at once. */
    private List<Binding> read(int[] from, int[] to) throws IOException {
        long bytes = 0;
        int count = 0;
        for (int i = 0; i < from.length; i++) {
            bytes += starts[to[i]] - starts[from[i]];
            count += to[i] - from[i];
        }
        if (count == 0) return List.of();
        if (bytes > Integer.MAX_VALUE - 64 - header.length)
            throw new IOException(count + " rows of " + file + " hold " + bytes + " bytes, more than one read takes");
        ByteBuffer buf = ByteBuffer.allocate(header.length + (int) bytes);
        buf.put(header);
        for (int i = 0; i < from.length; i++) {
            long end = starts[to[i]];
            for (long at = starts[from[i]]; at < end; ) {
                int n = channel.read(buf.limit(buf.position() + (int) (end - at)), at);
                if (n < 0) throw new IOException("row file " + file + " ends before row " + to[i]);
                at += n;
            }
        }
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(buf.array()), ResultSetLang.RS_TSV);
        List<Binding> out = new ArrayList<>(count);
        while (rs.hasNext()) out.add(rs.nextBinding());
        if (out.size() != count) throw new IOException("row file " + file + ": read " + out.size() + " rows of " + count);
        return out;
    }

    /** Closes and deletes the file. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting is what matters
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file the caller's directory holds
        }
    }

    /**
     * Appends rows to a new row file. {@link #finish()} gives the {@link RowFile}; {@link #close()}
     * without it deletes what was written (a half-written file is never read).
     */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final List<Var> vars;
        private final FileChannel channel;
        private byte[] header;
        private long[] starts = new long[1024];
        private int rows;
        private long end;
        private boolean finished;

        private Writer(Path file, List<Var> vars) throws IOException {
            this.file = file;
            this.vars = vars;
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        }

        /**
         * Appends {@code rows} after the rows already written.
         *
         * @throws IllegalArgumentException when a row holds a blank node
         * @throws IOException when the file cannot be written (the disk is full…)
         */
        public void append(List<Binding> rows) throws IOException {
            if (finished) throw new IllegalStateException("already finished");
            for (Binding row : rows)
                for (Var v : vars) {
                    Node n = row.get(v);
                    if (n != null && n.isBlank())
                        throw new IllegalArgumentException("a row binds ?" + v.getVarName() + " to a blank node, which a row file cannot keep");
                }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(vars, rows.iterator())), ResultSetLang.RS_TSV);
            byte[] tsv = out.toByteArray();
            int body = indexOf(tsv, 0) + 1;    // Jena writes the header line even without rows
            if (header == null) {
                header = Arrays.copyOf(tsv, body);
                end = header.length;
                channel.write(ByteBuffer.wrap(header), 0);
            }
            int lineStart = body;
            for (int i = 0; i < rows.size(); i++) {
                int nl = indexOf(tsv, lineStart);
                if (nl < 0) nl = tsv.length;          // a last line without its newline
                if (this.rows + 1 >= starts.length) starts = Arrays.copyOf(starts, starts.length * 2);
                starts[this.rows++] = end + (lineStart - body);
                lineStart = nl + 1;
            }
            if (lineStart < tsv.length)    // one line a row is what every read relies on
                throw new IOException("Jena's TSV of " + rows.size() + " rows has more lines than rows");
            ByteBuffer data = ByteBuffer.wrap(tsv, body, tsv.length - body);
            long at = end;
            while (data.hasRemaining()) at += channel.write(data, at);
            end = at;
            if (tsv.length > body && tsv[tsv.length - 1] != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), end);
                end++;
            }
        }

        /** Rows written so far. */
        public long rows() { return rows; }

        /** The row file of what was appended; the writer is done. */
        public RowFile finish() throws IOException {
            if (header == null) append(List.of());
            finished = true;
            long[] s = Arrays.copyOf(starts, rows + 1);
            s[rows] = end;
            return new RowFile(file, channel, header, vars.stream().map(Var::getVarName).toList(), s);
        }

        /** Deletes the file unless {@link #finish()} was called. */
        @Override
        public void close() {
            if (finished) return;
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == '\n') return i;
        return -1;
    }

    @Override
    public String toString() {
        return "RowFile[" + file + ", " + rows() + " rows, " + new String(header, StandardCharsets.UTF_8).strip() + "]";
    }
}
