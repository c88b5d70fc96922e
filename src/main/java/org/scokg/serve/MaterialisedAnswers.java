package org.scokg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.scokg.query.CannedQuery;
import org.scokg.query.Page;
import org.scokg.query.RowFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole answers of parameterless canned queries, computed once per state of the data and kept
 * in {@link RowFile}s (materialised views): a page or an unpaged answer is then read from the file,
 * a few milliseconds whatever its offset, instead of computed (tens of milliseconds a page at
 * 100 MB, and more when pages compete for two cores).
 *
 * <p>{@link #build} computes an answer page after page ({@link #CHUNK} rows each, found through the
 * query's page index), so the memory it needs is that of one page, and writes each page as it comes;
 * the rows are therefore exactly those the server's pages give. One read transaction holds the
 * whole build, and the file is kept for the state of the data that transaction saw
 * ({@link ResultCache#dataState}); a request whose transaction sees another state (the data changed,
 * or an older reader) is computed as before. Without TDB2 there is no data version and nothing is
 * kept. (Not a {@link PerState}: there a request that finds no value builds it and others wait for
 * it; here no request waits for a build of minutes.)
 *
 * <p>A request with {@link CannedQuery#columnParams() column parameters} only is selected from the
 * same file: the build remembers, for each such column, the numbers of the rows that hold each
 * value (one {@code int} a row), and the request reads the rows its values select, in order.
 *
 * <p>The trade-off: a file per query in a temporary directory, about the size of the answer as TSV
 * (about 0.5 GB for the 635,000 mentions of a 100 MB corpus, which repeat their sentence), deleted
 * when the server stops (those a killed server left, by the next server's first build); and a build after each change of the data (minutes of one core at 100 MB,
 * in the background, while pages are computed as before). A build that fails (a full disk, a row
 * with a blank node) is logged, and the query is computed as before.
 */
public final class MaterialisedAnswers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MaterialisedAnswers.class);
    /** Rows a build computes at once: the cost per row hardly falls past a few hundred, and memory is that of one chunk. */
    static final int CHUNK = 1000;
    /** The files' directory is {@code scokg-answers-PID-…} in the temporary directory. */
    static final String DIRECTORY_PREFIX = "scokg-answers-";
    private static final java.util.regex.Pattern DIRECTORY_NAME = java.util.regex.Pattern.compile("scokg-answers-([0-9]{1,18})-.*");

    /**
     * A kept answer: its file, and for each {@link CannedQuery#columnParams() column parameter}'s
     * variable the numbers of the rows that hold each value, ascending.
     */
    private record Kept(ResultCache.State state, RowFile file, Map<Var, Map<Node, int[]>> columns, Summary summary) {}

    /** The row numbers of each value of one column, as a build appends rows. */
    private static final class ColumnIndex {
        private static final class Rows {
            int[] numbers = new int[4];
            int count;
        }

        private final Map<Node, Rows> byValue = new HashMap<>();

        void add(Node value, int row) {
            if (value == null) return;
            Rows r = byValue.computeIfAbsent(value, v -> new Rows());
            if (r.count == r.numbers.length) r.numbers = Arrays.copyOf(r.numbers, r.count * 2);
            r.numbers[r.count++] = row;
        }

        Map<Node, int[]> done() {
            Map<Node, int[]> out = new HashMap<>(byValue.size() * 2);
            byValue.forEach((v, r) -> out.put(v, Arrays.copyOf(r.numbers, r.count)));
            return out;
        }
    }

    /** What a build kept: the query, its rows, the file's bytes, the seconds it took. */
    public record Summary(String query, long rows, long bytes, double seconds) {}

    private final Dataset dataset;
    private final boolean versioned;
    private final Map<String, Kept> kept = new HashMap<>();
    private Path dir;
    private boolean closed;
    private long builds;
    private final AtomicLong reads = new AtomicLong();

    MaterialisedAnswers(Dataset dataset) {
        this.dataset = dataset;
        this.versioned = TDBInternal.isTDB2(dataset.asDatasetGraph());
    }

    /**
     * Page {@code page} of {@code query}'s kept answer with the parameters {@code values}, at most
     * {@code maxRows} rows, for the data the calling thread's read transaction sees; null when no
     * answer of that state is kept, {@code values} binds a parameter that is not a column
     * parameter, or the file cannot be read: the caller computes it.
     */
    QueryRunner.Outcome read(CannedQuery query, Binding values, Page page, long maxRows) {
        Kept k;
        synchronized (this) {
            k = kept.get(query.name());    // first: most queries with parameters have none
        }
        if (k == null || !k.state().equals(ResultCache.dataState(dataset.asDatasetGraph(), 0))) return null;
        int[] selected = null;     // null: every row
        for (Iterator<Var> it = values.vars(); it.hasNext(); ) {
            Var v = it.next();
            Map<Node, int[]> column = k.columns().get(v);
            if (column == null) return null;    // not a column parameter: computed
            int[] rows = column.getOrDefault(values.get(v), new int[0]);
            selected = selected == null ? rows : intersection(selected, rows);
        }
        long total = selected == null ? k.file().rows() : selected.length;
        long keep = QueryRunner.rowsKept(page, maxRows);
        long from = Math.min(page.offset(), total);
        long to = keep >= total - from ? total : from + keep;
        List<Binding> rows;
        try {
            rows = selected == null ? k.file().read(from, to)
                : k.file().read(Arrays.copyOfRange(selected, (int) from, (int) to));
        } catch (IOException | RuntimeException e) {
            // replaced by a newer state's file while this request read it, or the disk failed
            LOG.debug("reading the materialised answer of {}: {}", query.name(), e.toString());
            return null;
        }
        reads.incrementAndGet();
        return QueryRunner.rows(Var.varList(k.file().vars()), rows, page, maxRows, to < total);
    }

    /** The numbers in both ascending arrays. */
    static int[] intersection(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { out[n++] = a[i]; i++; j++; }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Computes {@code query}'s whole answer into a file for the current state of the data, unless
     * one is kept for it already, with {@code pages} (which computes one page in the caller's read
     * transaction); stops early, keeping nothing, when {@code stop} says so. Failures are logged.
     *
     * @return true when an answer was built and kept
     */
    boolean build(CannedQuery query, Function<Page, QueryRunner.Outcome> pages, BooleanSupplier stop) {
        if (!versioned || !query.query().isSelectType()) return false;
        return Txn.calculateRead(dataset, () -> {
            ResultCache.State now = ResultCache.dataState(dataset.asDatasetGraph(), 0);
            Path file;
            synchronized (this) {
                Kept k = kept.get(query.name());
                if (closed || now == null || k != null && k.state().equals(now)) return false;
                try {
                    if (dir == null) {
                        removeStaleDirectories(Path.of(System.getProperty("java.io.tmpdir")));
                        dir = Files.createTempDirectory(DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-");
                        dir.toFile().deleteOnExit();
                    }
                    file = Files.createTempFile(dir, query.name() + "-", ".tsv");
                    file.toFile().deleteOnExit();
                } catch (IOException e) {
                    LOG.warn("materialising canned query {}: {}; its pages are computed", query.name(), e.toString());
                    return false;
                }
            }
            long t0 = System.nanoTime();
            RowFile done = null;
            Map<Var, ColumnIndex> columns = new HashMap<>();
            for (CannedQuery.Param p : query.columnParams()) columns.put(Var.alloc(p.variable()), new ColumnIndex());
            try (RowFile.Writer w = RowFile.create(file, Var.varList(query.query().getResultVars()))) {
                for (long offset = 0; ; ) {
                    if (stop.getAsBoolean()) break;
                    QueryRunner.Outcome o = pages.apply(new Page(offset, CHUNK));
                    List<Binding> rows = new ArrayList<>(CHUNK);
                    while (o.rows().hasNext()) rows.add(o.rows().nextBinding());
                    for (int i = 0; i < rows.size(); i++)
                        for (Map.Entry<Var, ColumnIndex> c : columns.entrySet()) c.getValue().add(rows.get(i).get(c.getKey()), (int) offset + i);
                    w.append(rows);
                    offset += rows.size();
                    if (!o.more() || rows.isEmpty()) break;
                }
                if (!stop.getAsBoolean()) done = w.finish();   // else closing the writer deletes the file
            } catch (IOException | RuntimeException e) {
                if (!stop.getAsBoolean())
                    LOG.warn("materialising canned query {} failed: {}; its pages are computed", query.name(), QueryRunner.oneLine(e));
            }
            RowFile old = null;
            synchronized (this) {
                if (done == null || closed) {
                    if (done != null) done.close();
                    if (closed) deleteDirectory();    // close() ran while this build wrote its file
                    return false;
                }
                Kept k = kept.get(query.name());
                // another build may have kept a newer state meanwhile
                if (k != null && k.state().isNewerThan(now)) {
                    done.close();
                    return false;
                }
                Map<Var, Map<Node, int[]>> byColumn = new HashMap<>();
                columns.forEach((v, c) -> byColumn.put(v, c.done()));
                kept.put(query.name(), new Kept(now, done, byColumn, new Summary(query.name(), done.rows(), done.bytes(), (System.nanoTime() - t0) / 1e9)));
                if (k != null) old = k.file();
                builds++;
            }
            if (old != null) old.close();
            LOG.info("materialised canned query {}", kept(query.name()));
            return true;
        });
    }

    /** What is kept for {@code query}, null when nothing is. */
    synchronized Summary kept(String query) {
        Kept k = kept.get(query);
        return k == null ? null : k.summary();
    }

    /** What is kept, by query name. */
    synchronized List<Summary> kept() {
        return kept.values().stream().map(Kept::summary).sorted(Comparator.comparing(Summary::query)).toList();
    }

    /** How many answers were built and kept (for tests). */
    synchronized long builds() { return builds; }

    /** How many requests were answered from a file (for tests). */
    long reads() { return reads.get(); }

    /** The directory of the files, null before the first build (for tests). */
    synchronized Path directory() { return dir; }

    /** Deletes every file. */
    @Override
    public void close() {
        List<Kept> files;
        synchronized (this) {
            closed = true;
            files = List.copyOf(kept.values());
            kept.clear();
        }
        files.forEach(k -> k.file().close());
        deleteDirectory();
    }

    /**
     * Deletes the answer directories in {@code tmp} of processes that are no longer running: a
     * server killed outside the JVM's control (kill -9, a crash) leaves its files behind, about
     * 0.5 GB at 100 MB.
     */
    static void removeStaleDirectories(Path tmp) {
        try (var dirs = Files.newDirectoryStream(tmp, DIRECTORY_PREFIX + "*")) {
            for (Path d : dirs) {
                java.util.regex.Matcher m = DIRECTORY_NAME.matcher(d.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                if (ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false)) continue;
                try (var files = Files.list(d)) {
                    for (Path f : files.toList()) Files.deleteIfExists(f);
                }
                Files.deleteIfExists(d);
                LOG.info("removed {}, left by a server that stopped without cleaning up", d);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("looking for stale answer directories in {}: {}", tmp, e.toString());
        }
    }

    /** Deletes the directory of the files if it is empty (a build may still be writing in it). */
    private synchronized void deleteDirectory() {
        if (dir == null) return;
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("temporary directory {} left for now: {}", dir, e.toString());
        }
    }
}
