package org.scokg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Bound;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.model.Iris;
import org.scokg.model.Sco;
import org.scokg.normalize.NormalizedText;
import org.scokg.query.CannedQueries;
import org.scokg.query.CannedQuery;
import org.scokg.query.Page;
import org.scokg.serve.ScokgServer;
import org.scokg.serve.ServerOptions;
import org.scokg.store.ScokgStore;
import org.scokg.text.InputWalker;
import org.scokg.text.SourceReader;
import org.scokg.text.SourceText;

/**
 * The performance bench of issue 6 (see BENCHMARKS.md). Every figure is a ratio against a
 * baseline measured in the same run on the same input, because the machines it runs on
 * are shared and absolute figures are noise:
 * <ol>
 * <li>extraction against a bare HanLP segmentation (name and place recognition on) of the
 *     same texts, on 1 thread; extraction on 2 threads against 1; per-MB cost by size;</li>
 * <li>peak heap of streaming extraction and of a whole build, in a child JVM per size with its own -Xmx;</li>
 * <li>{@link ScokgStore#load} against Jena's TDB2 loaders on the same N-Quads;</li>
 * <li>canned-query latency over HTTP at 1, 4 and 16 clients, with the result cache and with a
 *     server started without it, against the same SPARQL sent to the plain endpoint, on the
 *     seeds store and the largest store ({@link Options#queriesOnly()}: the seeds store only);</li>
 * <li>{@code serve} from the jar to the first SPARQL answer, in a child process.</li>
 * </ol>
 * {@link Options#loadingOnly()} runs only the loading step (the corpora and their N-Quads first);
 * with {@link Options#queriesOnly()} as well, the loading step and then the query latency on
 * the seeds store and the largest store loaded. {@link Options#queriesOnly()} alone measures
 * the seeds store, and {@link Options#store()} as the big store when given.
 * {@link Options#extractionOnly()} runs only the extraction table (the corpora, the warm-up,
 * then HanLP and extraction over each).
 */
public final class Bench {
    /** What to run. */
    public record Options(List<Double> sizesMb, Path out, long seed, Path seeds, Path jar,
                          int requests, boolean fork, String childXmx, boolean up, boolean queriesOnly, boolean loadingOnly,
                          int loadPasses, Path store, int warmUpSeconds, boolean extractionOnly) {
        public Options {
            if (loadPasses < 1) throw new IllegalArgumentException("loadPasses must be 1 or more, got " + loadPasses);
            if (warmUpSeconds < 0) throw new IllegalArgumentException("warmUpSeconds must be 0 or more, got " + warmUpSeconds);
        }

        public Options(List<Double> sizesMb, Path out, long seed, Path seeds, Path jar,
                       int requests, boolean fork, String childXmx, boolean up) {
            this(sizesMb, out, seed, seeds, jar, requests, fork, childXmx, up, false, false, LOAD_PASSES, null, WARM_UP_SECONDS, false);
        }
    }

    private static final MonitorOutput QUIET = (fmt, args) -> {};

    private final Options o;
    private final PrintWriter out;
    private final Consumer<String> say;
    private final List<String> table = new ArrayList<>();

    public Bench(Options options, PrintWriter out, Consumer<String> progress) {
        this.o = options;
        this.out = out;
        this.say = progress == null ? s -> {} : progress;
    }

    private void row(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        table.add(line);
        out.println(line);
        out.flush();
    }

    /** Runs everything; prints the table to {@code out} as it goes; returns the lines. */
    public List<String> run() throws Exception {
        Files.createDirectories(o.out());
        row("# scokg bench  seed=%d  sizes=%s MB  cores=%d  java=%s  max heap=%d MB", o.seed(), o.sizesMb(),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        if (o.queriesOnly() && !o.loadingOnly()) {
            // Only the query latency on the seeds store, and on the given store if any (no corpus, extraction, heap or loading).
            queries(o.store());
            return written();
        }
        CorpusGenerator gen = new CorpusGenerator(o.seed());
        Map<Double, CorpusGenerator.Corpus> corpora = new LinkedHashMap<>();
        for (double mb : o.sizesMb()) {
            say.accept("generating " + mb + " MB");
            corpora.put(mb, gen.write(o.out().resolve("corpus-" + label(mb)), (long) (mb * 1_000_000)));
        }
        if (o.extractionOnly()) {
            // Only the extraction table: the warm-up, then HanLP and extraction over each corpus.
            extraction(corpora, warmUp());
            return written();
        }
        if (o.loadingOnly()) {
            // Only the loading table: the corpora's N-Quads (extracted as the heap step does), then the loaders.
            Map<Double, Path> nquads = new LinkedHashMap<>();
            for (var e : corpora.entrySet()) {
                Path file = o.out().resolve("extract-" + label(e.getKey()) + ".nq");
                say.accept("extracting " + label(e.getKey()) + " MB to " + file.getFileName());
                Map<String, String> r = probe("extract", e.getValue().dir(), file);
                if (r.containsKey("error")) throw new IllegalStateException("extraction of " + label(e.getKey()) + " MB failed: " + r.get("error"));
                nquads.put(e.getKey(), file);
            }
            Path biggest = loading(corpora, nquads);
            if (o.queriesOnly()) queries(biggest);
            deleteTree(biggest);
            return written();
        }
        extraction(corpora, warmUp());
        Map<Double, Path> nquads = heap(corpora);
        Path biggest = loading(corpora, nquads);
        queries(biggest);
        if (o.up()) up();
        return written();
    }

    /** The table, once written to {@code bench-results.txt} in the output folder: every part ends here. */
    private List<String> written() throws IOException {
        Files.write(o.out().resolve("bench-results.txt"), table, StandardCharsets.UTF_8);
        return table;
    }

    static String label(double mb) {
        return mb == Math.rint(mb) ? Long.toString((long) mb) : Double.toString(mb);
    }

    // ------------------------------------------------------------ extraction

    private static List<Path> files(Path dir) {
        return InputWalker.walk(List.of(dir)).files();
    }

    private static SourceText read(SourceReader reader, Path p) {
        try {
            return reader.read(p).text();
        } catch (Exception e) {
            throw new IllegalStateException(p + ": " + e.getMessage(), e);
        }
    }

    /** A HanLP segmenter with the recognisers a name-aware extractor would use. */
    static Segment segmenter() {
        return HanLP.newSegment().enableNameRecognize(true).enablePlaceRecognize(true)
            .enableOrganizationRecognize(false).enableTranslatedNameRecognize(true);
    }

    /** The HanLP floor: segment each document's text (simplified, as the rules read it). */
    static long hanlp(SourceText t, Segment seg) {
        return seg.seg(NormalizedText.toSimplified(t.text())).size();
    }

    static long extract(SourceText t) {
        return ExtractedDocument.extract(t).model().size();
    }

    /** Seconds the extraction warm-up lasts at least, by default ({@code --warm-up}). */
    public static final int WARM_UP_SECONDS = 15;
    /** The warm-up stops after this even if its rounds still differ. */
    static final long WARM_MAX_NANOS = 90_000_000_000L;
    /** The warm-up corpus's size: a round takes about half a second. */
    static final long WARM_UP_BYTES = 1_000_000;
    /** Two rounds in a row within this fraction of each other: the JIT has settled. */
    static final double WARM_STABLE = 0.05;

    /**
     * JIT and dictionary warm-up on a corpus of its own (about 1 MB, generated with the next
     * seed, so its names and titles are not the measured corpora's): rounds of HanLP and
     * extraction, at least {@code --warm-up} seconds, then until two rounds in a row take times
     * within 5 % of each other (at most {@link #WARM_MAX_NANOS}). Two fixed rounds (about a
     * second) were not enough: the 1 MB extraction passes after them ran at 0.5–0.75 of the 10 MB
     * passes' speed, and HanLP's at 0.55–0.6, so the 1 MB s/MB measured the JIT, not the size.
     * Warming on the measured 1 MB corpus itself went wrong the other way: its names and titles
     * were then in extraction's memoised conversions, and it ran 1.4× as fast as 10 MB.
     * Returns a line for the table saying what the warm-up did.
     */
    private String warmUp() throws IOException {
        say.accept("warming up (JIT, dictionaries)");
        CorpusGenerator.Corpus c = new CorpusGenerator(o.seed() + 1).write(o.out().resolve("corpus-warm-up"), WARM_UP_BYTES);
        SourceReader reader = new SourceReader();
        Segment seg = segmenter();
        List<Path> fs = files(c.dir());
        long start = System.nanoTime(), previous, last = -1;
        int rounds = 0;
        while (true) {
            long t0 = System.nanoTime();
            for (Path p : fs) {
                SourceText t = read(reader, p);
                hanlp(t, seg);
                extract(t);
            }
            previous = last;
            last = System.nanoTime() - t0;
            rounds++;
            long elapsed = System.nanoTime() - start;
            boolean stable = previous > 0 && Math.abs(last - previous) <= WARM_STABLE * previous;
            if (elapsed >= WARM_MAX_NANOS || (elapsed >= o.warmUpSeconds() * 1_000_000_000L && stable)) {
                return String.format(Locale.ROOT, "(warm-up before the passes: %d rounds of HanLP and extraction over %d documents of their own (seed + 1) in %.0f s;"
                    + " the last two rounds %.2f and %.2f s%s)", rounds, fs.size(), elapsed / 1e9, previous / 1e9, last / 1e9,
                    stable ? "" : ", not yet within 5 %");
            }
        }
    }

    /** Wall time in nanoseconds of {@code work} over every file, on {@code threads} threads. */
    private long pass(List<Path> fs, int threads, boolean hanlp, AtomicLong sink) throws Exception {
        SourceReader reader = new SourceReader();
        ThreadLocal<Segment> seg = ThreadLocal.withInitial(Bench::segmenter);
        System.gc();
        long t0 = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> fs.parallelStream().forEach(p -> {
                SourceText t = read(reader, p);
                sink.addAndGet(hanlp ? hanlp(t, seg.get()) : extract(t));
            })).get();
        } finally {
            pool.shutdown();
        }
        return System.nanoTime() - t0;
    }

    private void extraction(Map<Double, CorpusGenerator.Corpus> corpora, String warmed) throws Exception {
        row("");
        row("## extraction (chars/s; read from disk included in both; 1-thread figures are the better of 2 alternated passes; x hanlp = extraction time / HanLP time)");
        row("%-7s %6s %11s %12s %12s %9s %12s %9s %10s %10s", "size", "docs", "chars", "hanlp c/s", "extract c/s",
            "x hanlp", "extr2 c/s", "2t/1t", "s/MB 1t", "hanlp2t/1t");
        Double firstPerMb = null;
        for (var e : corpora.entrySet()) {
            CorpusGenerator.Corpus c = e.getValue();
            List<Path> fs = files(c.dir());
            AtomicLong sink = new AtomicLong();
            say.accept("extraction " + label(e.getKey()) + " MB: HanLP 1 thread");
            long h1 = pass(fs, 1, true, sink);
            say.accept("extraction " + label(e.getKey()) + " MB: extraction 1 thread");
            long x1 = pass(fs, 1, false, sink);
            // Shared machines: the better of two alternated passes of each.
            h1 = Math.min(h1, pass(fs, 1, true, sink));
            x1 = Math.min(x1, pass(fs, 1, false, sink));
            say.accept("extraction " + label(e.getKey()) + " MB: extraction 2 threads");
            long x2 = pass(fs, 2, false, sink);
            say.accept("extraction " + label(e.getKey()) + " MB: HanLP 2 threads");
            long h2 = pass(fs, 2, true, sink);
            double mb = c.bytes() / 1e6;
            double perMb = x1 / 1e9 / mb;
            if (firstPerMb == null) firstPerMb = perMb;
            row("%-7s %6d %11d %12.0f %12.0f %9.2f %12.0f %9.2f %10.3f %10.2f", label(e.getKey()) + "MB", c.documents(), c.chars(),
                c.chars() / (h1 / 1e9), c.chars() / (x1 / 1e9), (double) x1 / h1, c.chars() / (x2 / 1e9), (double) x1 / x2,
                perMb, (double) h1 / h2);
        }
        row("(x hanlp: target <= 1.50; 2t/1t: speed-up on 2 threads; s/MB 1t should not grow with size)");
        row(warmed);
    }

    // ------------------------------------------------------------ heap

    private Map<Double, Path> heap(Map<Double, CorpusGenerator.Corpus> corpora) throws Exception {
        row("");
        row("## peak heap of streaming extraction (%s)", o.fork() ? "child JVM per size, -Xmx" + o.childXmx() : "in this JVM");
        row("%-7s %9s %12s %12s %10s", "size", "triples", "live MB", "used MB", "ok");
        Map<Double, Path> nq = new LinkedHashMap<>();
        for (var e : corpora.entrySet()) {
            Path file = o.out().resolve("extract-" + label(e.getKey()) + ".nq");
            say.accept("heap " + label(e.getKey()) + " MB");
            Map<String, String> r = probe("extract", e.getValue().dir(), file);
            nq.put(e.getKey(), file);
            row("%-7s %9s %12.0f %12.0f %10s", label(e.getKey()) + "MB", r.get("triples"),
                Long.parseLong(r.get("live")) / 1048576.0, Long.parseLong(r.get("used")) / 1048576.0,
                r.containsKey("error") ? "FAILED " + r.get("error") : "yes");
        }
        row("(live: heap in use after a collection, the most the program holds; target <= 512 MB at 100 MB)");
        row("");
        row("## peak heap of build (ScokgStore.build into a fresh store: extraction, writing, canonical titles, description, SHACL; %s)",
            o.fork() ? "child JVM per size, -Xmx" + o.childXmx() : "in this JVM");
        row("%-7s %9s %12s %12s %10s %10s", "size", "triples", "live MB", "used MB", "seconds", "ok");
        for (var e : corpora.entrySet()) {
            Path db = o.out().resolve("db-build-" + label(e.getKey()));
            deleteTree(db);
            say.accept("build heap " + label(e.getKey()) + " MB");
            Map<String, String> r = probe("build", e.getValue().dir(), db);
            deleteTree(db);
            row("%-7s %9s %12.0f %12.0f %10s %10s", label(e.getKey()) + "MB", r.get("triples"),
                Long.parseLong(r.get("live")) / 1048576.0, Long.parseLong(r.get("used")) / 1048576.0,
                r.containsKey("millis") ? String.format(Locale.ROOT, "%.1f", Long.parseLong(r.get("millis")) / 1000.0) : "-",
                r.containsKey("error") ? "FAILED " + r.get("error") : "yes");
        }
        return nq;
    }

    private Map<String, String> probe(String mode, Path corpus, Path target) throws Exception {
        if (!o.fork()) {
            // In this JVM: the figures include whatever the bench itself holds.
            try (HeapProbe.Peak peak = new HeapProbe.Peak()) {
                java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
                java.io.PrintStream saved = System.out;
                System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
                try {
                    HeapProbe.main(new String[] {mode, corpus.toString(), target.toString(), "2"});
                } finally {
                    System.setOut(saved);
                }
                return parseProbe(buf.toString(StandardCharsets.UTF_8));
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + o.childXmx(), "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
            HeapProbe.class.getName(), mode, corpus.toString(), target.toString(), "2");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int code = p.waitFor();
        Map<String, String> r = parseProbe(text);
        if (code != 0 || !r.containsKey("live")) {
            String why = text.contains("OutOfMemoryError") ? "OutOfMemoryError" : "exit " + code;
            r.put("error", why);
            r.putIfAbsent("live", "0");
            r.putIfAbsent("used", "0");
            r.putIfAbsent("triples", "-");
        }
        return r;
    }

    private static Map<String, String> parseProbe(String text) {
        Map<String, String> r = new LinkedHashMap<>();
        text.lines().filter(l -> l.startsWith("probe ")).reduce((a, b) -> b).ifPresent(l -> {
            for (String kv : l.substring(6).split(" ")) {
                int eq = kv.indexOf('=');
                if (eq > 0) r.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        });
        return r;
    }

    // ------------------------------------------------------------ loading

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static long countLines(Path f) throws IOException {
        try (Stream<String> s = Files.lines(f, StandardCharsets.UTF_8)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }

    /** Loads each size's N-Quads with scokg and with Jena's loaders; returns the scokg store of the largest size. */
    private Path loading(Map<Double, CorpusGenerator.Corpus> corpora, Map<Double, Path> nquads) throws Exception {
        row("");
        row("## loading (triples/s into a fresh TDB2 store; ratio = Jena loader time / scokg time, >= 0.90 is on target)");
        row("%-7s %9s %12s %12s %9s %12s %9s %12s %9s", "size", "quads", "scokg q/s", "basic q/s", "ratio",
            "phased q/s", "ratio", "parallel q/s", "ratio");
        Path last = null;
        // Warm-up (JIT of the parser and of TDB2's B+trees): the smallest N-Quads once with each
        // loader, untimed, so that the first timed load does not pay for everyone.
        Path smallest = nquads.values().stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (smallest != null) {
            say.accept("warming up the loaders on " + smallest.getFileName());
            for (int k = -1; k < 3; k++) {
                Path dir = o.out().resolve("db-warm-up");
                deleteTree(dir);
                loadOnce(k, smallest, dir);
                deleteTree(dir);
            }
        }
        String[] names = {"scokg", "basic", "phased", "parallel"};
        for (var e : nquads.entrySet()) {
            Path nq = e.getValue();
            if (!Files.isRegularFile(nq)) continue;
            long quads = countLines(nq);
            Path ours = o.out().resolve("db-scokg-" + label(e.getKey()));
            // Shared machines: the best of (by default) two alternated loads with each loader (as for extraction).
            long[] best = new long[4];
            Arrays.fill(best, Long.MAX_VALUE);
            for (int pass = 0; pass < o.loadPasses(); pass++) {
                for (int k = -1; k < 3; k++) {
                    Path dir = k < 0 ? ours : o.out().resolve("db-jena-" + names[k + 1] + "-" + label(e.getKey()));
                    deleteTree(dir);
                    say.accept("loading " + label(e.getKey()) + " MB with " + (k < 0 ? "ScokgStore.load" : "Jena's " + names[k + 1] + " loader")
                        + " (pass " + (pass + 1) + " of " + o.loadPasses() + ")");
                    System.gc();
                    best[k + 1] = Math.min(best[k + 1], loadOnce(k, nq, dir));
                    if (k >= 0) deleteTree(dir);
                }
            }
            long tOurs = best[0];
            long[] jena = Arrays.copyOfRange(best, 1, 4);
            row("%-7s %9d %12.0f %12.0f %9.2f %12.0f %9.2f %12.0f %9.2f", label(e.getKey()) + "MB", quads,
                quads / (tOurs / 1e9), quads / (jena[0] / 1e9), (double) jena[0] / tOurs,
                quads / (jena[1] / 1e9), (double) jena[1] / tOurs, quads / (jena[2] / 1e9), (double) jena[2] / tOurs);
            if (last != null) deleteTree(last);
            last = ours;
        }
        row("(scokg: into an empty store, a new TDB2 generation switched in at the end: the file parsed on a second thread, quads held as node ids,"
            + " canonical titles computed from the quads as they stream by, indexes packed in bulk on two threads;"
            + " Jena: LoaderFactory into DatabaseMgr.connectDatasetGraph; all loaders warmed up first on the smallest file;"
            + (o.loadPasses() == 1 ? " one load each)" : " each figure the best of " + o.loadPasses() + " alternated loads)"));
        return last;
    }

    /** Loads per loader and size, alternated, unless told otherwise; the fastest counts. */
    public static final int LOAD_PASSES = 2;

    /** Nanoseconds to load {@code nq} into a fresh store at {@code dir}: with ScokgStore.load (k = -1) or Jena's basic, phased, parallel loader (k = 0, 1, 2). */
    private static long loadOnce(int k, Path nq, Path dir) throws Exception {
        long t0 = System.nanoTime();
        if (k < 0) {
            // Up to the end of the load (committed and switched in), not the release of the
            // store afterwards: the Jena loaders' times stop before TDBInternal.expel too.
            try (ScokgStore store = ScokgStore.open(dir)) {
                store.load(List.of(nq), null);
                return System.nanoTime() - t0;
            }
        }
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        DataLoader loader = switch (k) {
            case 0 -> LoaderFactory.basicLoader(dsg, QUIET);
            case 1 -> LoaderFactory.phasedLoader(dsg, QUIET);
            default -> LoaderFactory.parallelLoader(dsg, QUIET);
        };
        loader.startBulk();
        try {
            loader.load(nq.toString());
            loader.finishBulk();
        } catch (RuntimeException ex) {
            loader.finishException(ex);
            throw ex;
        }
        long t = System.nanoTime() - t0;
        TDBInternal.expel(dsg);
        return t;
    }

    // ------------------------------------------------------------ queries

    private void queries(Path biggest) throws Exception {
        row("");
        row("## canned-query latency over HTTP (ms; %d requests per cell, round-robin over the queries without required parameters)", o.requests());
        row("(cached: a server with the result cache; uncached: a server started with the cache off, which also answers plain;");
        row(" plain: the same SPARQL text sent to /scokg/sparql; each row starts both servers afresh, one after the other;");
        row(" each cell is run once unmeasured first; the client: blocking GETs on kept-alive connections, in this JVM)");
        row(LATENCY_HEADER, "store", "clients", "cached50", "cached99", "uncached50", "uncached99",
            "plain50", "plain99", "u99/p99", "c99/p99");
        Path seedsDb = o.out().resolve("db-seeds");
        deleteTree(seedsDb);
        say.accept("building the seeds store");
        try (ScokgStore store = ScokgStore.open(seedsDb)) {
            store.build(List.of(o.seeds()), null);
        }
        latency("seeds", seedsDb, o.requests());
        row("(targets: p99 <= 25 ms at 16 clients on seeds, <= 250 ms on 100 MB; canned within 1.10x of plain)");
        if (biggest != null) {
            addGazetteer(biggest);
            bigStore(biggest.getFileName().toString().replace("db-scokg-", "") + (biggest.equals(o.store()) ? "" : "MB"), biggest);
        }
    }

    private static final String LATENCY_HEADER = "%-9s %-8s %8s %8s %10s %10s %8s %8s %9s %9s";
    private static final String LATENCY_ROW = "%-9s %-8d %8.1f %8.1f %10.1f %10.1f %8.1f %8.1f %9.2f %9.2f";

    /** The loaded N-Quads have no ontology or gazetteer graph; the canned queries read labels from them. Adds them when missing. */
    private static void addGazetteer(Path db) throws Exception {
        try (ScokgStore store = ScokgStore.open(db)) {
            DatasetGraph has = store.dataset().asDatasetGraph();
            if (Txn.calculateRead(has, () -> has.containsGraph(NodeFactory.createURI(Sco.GAZETTEER_GRAPH))
                    && has.containsGraph(NodeFactory.createURI(Sco.ONTOLOGY_GRAPH)))) return;
            Graph gaz = GraphFactory.createDefaultGraph(), ont = GraphFactory.createDefaultGraph();
            try (InputStream in = Bench.class.getClassLoader().getResourceAsStream(ScokgStore.GAZETTEER_RESOURCE)) {
                RDFParser.source(in).lang(Lang.TURTLE).base(Iris.base()).parse(gaz);
            }
            try (InputStream in = Bench.class.getClassLoader().getResourceAsStream(ScokgStore.ONTOLOGY_RESOURCE)) {
                RDFParser.source(in).lang(Lang.TURTLE).base(Sco.ONTOLOGY_GRAPH).parse(ont);
            }
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            Txn.executeWrite(dsg, () -> {
                gaz.find().forEachRemaining(t -> dsg.add(NodeFactory.createURI(Sco.GAZETTEER_GRAPH), t.getSubject(), t.getPredicate(), t.getObject()));
                ont.find().forEachRemaining(t -> dsg.add(NodeFactory.createURI(Sco.ONTOLOGY_GRAPH), t.getSubject(), t.getPredicate(), t.getObject()));
            });
        }
    }

    /**
     * The seeds store: every cell with servers started afresh, round-robin over the whole answers
     * of the parameterless queries. Each measured cell follows the same cell unmeasured: the
     * seeds' requests take milliseconds, so without it the JIT's compiling and the server's
     * first requests at this concurrency would be a part of the p99.
     */
    private void latency(String name, Path db, int requests) throws Exception {
        CannedQueries catalog = CannedQueries.builtIn();
        List<Request> whole = wholeStoreQueries(catalog).stream().map(n -> new Request(n, Map.of(), Page.ALL)).toList();
        ServerOptions cached = new ServerOptions(db, "127.0.0.1", 0, 0);
        ServerOptions uncached = cached.withCacheBytes(0);
        for (int clients : new int[] {1, 4, 16}) {
            double[] c, u, p;
            try (ScokgServer server = ScokgServer.start(cached)) {
                Urls urls = urls(server, whole, catalog);
                warm(urls, 3);
                say.accept("latency " + name + " at " + clients + " client(s), cached");
                run(urls.canned(), clients, requests);
                c = percentiles(run(urls.canned(), clients, requests));
            }
            try (ScokgServer server = ScokgServer.start(uncached)) {
                Urls urls = urls(server, whole, catalog);
                warm(urls, 3);
                say.accept("latency " + name + " at " + clients + " client(s), uncached and plain");
                run(urls.canned(), clients, requests);
                u = percentiles(run(urls.canned(), clients, requests));
                run(urls.plain(), clients, requests);
                p = percentiles(run(urls.plain(), clients, requests));
            }
            row(LATENCY_ROW, name, clients, c[0], c[1], u[0], u[1], p[0], p[1], u[1] / p[1], c[1] / p[1]);
        }
    }

    /** The canned queries that need no parameter, by name: their answers are the whole store. */
    private static List<String> wholeStoreQueries(CannedQueries catalog) {
        return catalog.names().stream().sorted()
            .filter(n -> catalog.get(n).params().stream().noneMatch(CannedQuery.Param::required)).toList();
    }

    /** Rows per page in the big store's paged cells. */
    static final int PAGE = 100;
    /** Requests per cell of whole-store pages on the big store, at least one per page. */
    static final int BIG_STORE_REQUESTS = 20;
    /** Pages, lookups and unpaged answers on the big store may take minutes at 16 clients. */
    private static final long BIG_STORE_TIMEOUT_MILLIS = 30 * 60_000L;

    /**
     * The big store, as its users would query it: pages of the whole-store queries (limit=100 at
     * the start, a third, two thirds and the end of each answer) and lookups with a parameter
     * (agreement-trace of a title, mentions of a document, attendees of a meeting, mentions in a
     * source), each beside the same SPARQL (parameters bound, same page) at the plain endpoint;
     * then the unpaged whole-store answers at 1 client. One cached server, one uncached server
     * measured after its warm-up (page indexes and materialised answers), for all the cells; then
     * random pages on a server that computes them ({@code --no-materialise}).
     */
    private void bigStore(String name, Path db) throws Exception {
        CannedQueries catalog = CannedQueries.builtIn();
        say.accept("choosing pages and lookups on the " + name + " store");
        Map<String, Long> whole = new LinkedHashMap<>();
        List<Request> pages = new ArrayList<>(), lookups = new ArrayList<>();
        choose(db, catalog, whole, pages, lookups);
        int pageRequests = Math.max(Math.min(o.requests(), BIG_STORE_REQUESTS), pages.size());
        row("");
        row("## canned-query latency on the %s store, as its users query it (ms; paged: %d requests per cell, lookup: %d)",
            name, pageRequests, o.requests());
        row("(paged: limit=%d at the start, a third, two thirds and the end of the answer of each query without required", PAGE);
        row(" parameters, %d pages; lookup: agreement-trace?title=, mentions?doc=, attendees?meeting=, mentions?source=, %d", pages.size(), lookups.size());
        row(" requests with values spread through the store; plain: the same SPARQL, parameters bound and the same LIMIT/OFFSET;");
        row(" cached figures are hits: every page and lookup was asked once before; uncached: a server without the cache, measured");
        row(" after its warm-up, so pages and column lookups are read from its materialised answers; one server of each kind)");
        row(LATENCY_HEADER, "kind", "clients", "cached50", "cached99", "uncached50", "uncached99",
            "plain50", "plain99", "u99/p99", "c99/p99");
        ServerOptions cached = new ServerOptions(db, "127.0.0.1", 0, BIG_STORE_TIMEOUT_MILLIS);
        int[] clientCounts = {1, 4, 16};
        Map<String, double[]> c = new LinkedHashMap<>(), u = new LinkedHashMap<>(), p = new LinkedHashMap<>();
        try (ScokgServer server = ScokgServer.start(cached)) {
            Urls pg = urls(server, pages, catalog), lk = urls(server, lookups, catalog);
            say.accept("latency " + name + ": asking every page and lookup once (cached)");
            warmCanned(pg);
            warmCanned(lk);
            for (int clients : clientCounts) {
                say.accept("latency " + name + " at " + clients + " client(s), cached");
                c.put("paged" + clients, percentiles(run(pg.canned(), clients, pageRequests)));
                c.put("lookup" + clients, percentiles(run(lk.canned(), clients, o.requests())));
            }
        }
        List<String[]> unpaged = new ArrayList<>();
        Map<String, Double> firstPage = new LinkedHashMap<>();
        List<String> random = new ArrayList<>();
        List<String> materialised = new ArrayList<>();
        // The uncached server as a user's runs: warmed (page indexes, then the whole answers
        // materialised) before it is measured.
        try (ScokgServer server = ScokgServer.start(cached.withCacheBytes(0).withWarmCache(true))) {
            say.accept("latency " + name + ": waiting for the warm-up (page indexes, materialised answers)");
            long t0 = System.nanoTime();
            if (!server.awaitWarm(Duration.ofMillis(BIG_STORE_TIMEOUT_MILLIS))) throw new IllegalStateException("the warm-up did not finish");
            materialised.add(String.format(Locale.ROOT, "warm-up (page indexes, then materialised answers): %.1f s", (System.nanoTime() - t0) / 1e9));
            for (var m : server.materialised())
                materialised.add(String.format(Locale.ROOT, "%-16s %9d rows %9.1f MB %9.1f s", m.query(), m.rows(), m.bytes() / 1e6, m.seconds()));
            Urls pg = urls(server, pages, catalog), lk = urls(server, lookups, catalog);
            say.accept("latency " + name + ": asking every page and lookup once (uncached and plain)");
            for (int i = 0; i < pages.size(); i++) {
                LoadClient.get(pg.canned().get(i));
                LoadClient.get(pg.plain().get(i));
            }
            warm(lk, 1);
            for (int clients : clientCounts) {
                say.accept("latency " + name + " at " + clients + " client(s), uncached and plain");
                u.put("paged" + clients, percentiles(run(pg.canned(), clients, pageRequests)));
                p.put("paged" + clients, percentiles(run(pg.plain(), clients, pageRequests)));
                u.put("lookup" + clients, percentiles(run(lk.canned(), clients, o.requests())));
                p.put("lookup" + clients, percentiles(run(lk.plain(), clients, o.requests())));
            }
            random.addAll(randomPages(server, name, whole, clientCounts, "materialised"));
            say.accept("latency " + name + ": unpaged whole-store answers");
            for (Map.Entry<String, Long> e : whole.entrySet())
                // Past --max-rows the server cuts the answer: its time says nothing of the query's.
                unpaged.add(e.getValue() > ServerOptions.DEFAULT_MAX_ROWS
                    ? new String[] {e.getKey(), Long.toString(e.getValue()), "-", "skipped", "(over", "max-rows)"}
                    : unpaged(server, catalog, e.getKey(), e.getValue()));
        }
        // The same random pages computed (through the page indexes, waiting at the page gate), as
        // before materialised answers and while a server builds them.
        try (ScokgServer server = ScokgServer.start(cached.withCacheBytes(0).withMaterialise(false))) {
            say.accept("latency " + name + ": the first pages of a server that computes its pages (they build the page indexes)");
            for (Request r : pages) {
                long t0 = System.nanoTime();
                LoadClient.get(canned(server, r));
                firstPage.putIfAbsent(r.name(), (System.nanoTime() - t0) / 1e6);
            }
            random.addAll(randomPages(server, name, whole, clientCounts, "computed"));
        }
        for (String kind : new String[] {"paged", "lookup"})
            for (int clients : clientCounts) {
                double[] cc = c.get(kind + clients), uu = u.get(kind + clients), pp = p.get(kind + clients);
                row(LATENCY_ROW, kind, clients, cc[0], cc[1], uu[0], uu[1], pp[0], pp[1], uu[1] / pp[1], cc[1] / pp[1]);
            }
        row("");
        row("## random pages on the uncached server (ms; %d requests per row, each a page of limit=%d at a seeded random offset", RANDOM_PAGE_REQUESTS, PAGE);
        row(" of each whole-store query in turn, so that hardly a page is asked twice and the store's caches help less than");
        row(" above; plain is not run: it sorts the whole answer for every page; materialised: read from the whole answers");
        row(" the warm-up computed; computed: a server started with --no-materialise, pages found through the page indexes,");
        row(" at most %d computed at once (the page gate's default), as before materialised answers or while they are built)",
            ServerOptions.DEFAULT_CONCURRENT_PAGES);
        row("%-12s %-8s %8s %8s %8s %8s %8s", "pages", "clients", "p50", "p90", "p99", "max", "req/s");
        for (String r : random) row(r);
        row("");
        row("## materialised answers on the uncached server (the warm-up's time, measured from the server's start; each");
        row(" query's rows, its file's size and the time its build took)");
        for (String r : materialised) row(r);
        row("");
        row("## the first page of each whole-store query on a server without warm-up (ms, one request; a query with a");
        row(" '# @page keys ?var' line builds its page index then, once per state of the data: the computed pages above use it)");
        for (Map.Entry<String, Double> e : firstPage.entrySet())
            row("%-16s %10.1f%s", e.getKey(), e.getValue(), catalog.get(e.getKey()).pageIndexVar() == null ? "  (no page index)" : "");
        row("");
        row("## unpaged whole-store answers on the %s store (1 client, median of %d requests; ms)", name, UNPAGED_REQUESTS);
        row("(canned: an uncached server, SPARQL JSON; plain: the same SPARQL at /scokg/sparql; an answer over a quarter of");
        row(" the cache is not kept, so a cached server answers these as an uncached one; both stop at --max-rows, default %d)",
            ServerOptions.DEFAULT_MAX_ROWS);
        row("%-16s %9s %9s %10s %10s %7s", "query", "rows", "JSON MB", "canned", "plain", "c/p");
        for (String[] r : unpaged) row("%-16s %9s %9s %10s %10s %7s", (Object[]) r);
    }

    /** Requests per row of random pages on the big store. */
    static final int RANDOM_PAGE_REQUESTS = 300;

    /** One row per client count: random pages of the whole-store queries on {@code server}. */
    private List<String> randomPages(ScokgServer server, String name, Map<String, Long> whole,
                                     int[] clientCounts, String pages) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int clients : clientCounts) {
            say.accept("latency " + name + " at " + clients + " client(s), random pages, uncached, " + pages);
            List<URI> uris = randomPages(server, whole, RANDOM_PAGE_REQUESTS, o.seed() + clients);
            long t0 = System.nanoTime();
            long[] ns = run(uris, clients, uris.size());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] sorted = ns.clone();
            Arrays.sort(sorted);
            rows.add(String.format(Locale.ROOT, "%-12s %-8d %8.1f %8.1f %8.1f %8.1f %8.1f", pages, clients, rank(sorted, 0.50) / 1e6,
                rank(sorted, 0.90) / 1e6, rank(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6, ns.length / seconds));
        }
        return rows;
    }

    /** {@code n} pages (limit={@link #PAGE}) of the whole-store queries in turn, each at a random offset of its answer. */
    private static List<URI> randomPages(ScokgServer server, Map<String, Long> whole, int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Map.Entry<String, Long>> queries = new ArrayList<>(whole.entrySet());
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map.Entry<String, Long> q = queries.get(i % queries.size());
            long offset = (long) (random.nextDouble() * Math.max(1, q.getValue() - PAGE));
            uris.add(canned(server, new Request(q.getKey(), Map.of(), new Page(offset, PAGE))));
        }
        return uris;
    }

    /** Median of this many requests of each unpaged whole-store answer. */
    static final int UNPAGED_REQUESTS = 3;

    /** One row of the unpaged table: query, rows, JSON MB, canned ms, plain ms, ratio. */
    private static String[] unpaged(ScokgServer server, CannedQueries catalog, String name, long rows) {
        Urls urls = urls(server, List.of(new Request(name, Map.of(), Page.ALL)), catalog);
        long[] canned = new long[UNPAGED_REQUESTS], plain = new long[UNPAGED_REQUESTS];
        long bytes = 0;
        for (int i = 0; i < UNPAGED_REQUESTS; i++) {
            long t0 = System.nanoTime();
            bytes = LoadClient.get(urls.canned().get(0));
            canned[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            LoadClient.get(urls.plain().get(0));
            plain[i] = System.nanoTime() - t0;
        }
        double c = percentiles(canned)[0], p = percentiles(plain)[0];
        return new String[] {name, Long.toString(rows), String.format(Locale.ROOT, "%.1f", bytes / 1e6),
            String.format(Locale.ROOT, "%.1f", c), String.format(Locale.ROOT, "%.1f", p), String.format(Locale.ROOT, "%.2f", c / p)};
    }

    /**
     * Reads the big store in this process: the number of rows of each whole-store query into
     * {@code whole}, its pages into {@code pages}, and lookups with values spread through the
     * store into {@code lookups}. Releases the store afterwards.
     */
    private static void choose(Path db, CannedQueries catalog, Map<String, Long> whole, List<Request> pages, List<Request> lookups) {
        Dataset ds = TDB2Factory.connectDataset(db.toString());
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        try {
            for (String n : wholeStoreQueries(catalog)) {
                long rows = Txn.calculateRead(ds, () -> {
                    try (QueryExecution qe = catalog.get(n).prepare(ds, Map.of(), 0)) {
                        return (long) ResultSetFormatter.consume(qe.execSelect());
                    }
                });
                whole.put(n, rows);
                java.util.Set<Long> offsets = new java.util.TreeSet<>(List.of(0L, rows / 3, 2 * rows / 3, Math.max(0, rows - PAGE)));
                for (long off : offsets) pages.add(new Request(n, Map.of(), new Page(off, PAGE)));
            }
            String prefixes = "PREFIX sco: <" + Sco.NS + "> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";
            for (List<String> doc : spread(ds, prefixes + "SELECT ?doc (MIN(?t) AS ?title) "
                    + "WHERE { ?doc a sco:Document ; skos:prefLabel ?t FILTER(langMatches(lang(?t), \"zh\")) } GROUP BY ?doc ORDER BY ?doc")) {
                lookups.add(new Request("agreement-trace", Map.of("title", doc.get(1)), Page.ALL));
                lookups.add(new Request("mentions", Map.of("doc", doc.get(0)), Page.ALL));
            }
            for (List<String> m : spread(ds, prefixes + "SELECT DISTINCT ?meeting WHERE { ?p a sco:Participation ; sco:meeting ?meeting } ORDER BY ?meeting"))
                lookups.add(new Request("attendees", Map.of("meeting", m.get(0)), Page.ALL));
            for (List<String> src : spread(ds, prefixes + "SELECT ?source WHERE { ?s a sco:SourceText ; sco:fileName ?source } ORDER BY ?source"))
                lookups.add(new Request("mentions", Map.of("source", src.get(0)), Page.ALL));
        } finally {
            TDBInternal.expel(ds.asDatasetGraph());
        }
    }

    /** Four rows spread through the answer of {@code sparql} (each row: its values, lexical forms or IRIs). */
    private static List<List<String>> spread(Dataset ds, String sparql) {
        List<List<String>> all = Txn.calculateRead(ds, () -> {
            List<List<String>> out = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(sparql).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    List<String> row = new ArrayList<>();
                    s.varNames().forEachRemaining(v -> row.add(s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm() : s.getResource(v).getURI()));
                    out.add(row);
                });
            }
            return out;
        });
        List<List<String>> picked = new ArrayList<>();
        for (int i = 0; i < 4 && !all.isEmpty(); i++) {
            List<String> r = all.get((int) ((2L * i + 1) * all.size() / 8));
            if (!picked.contains(r)) picked.add(r);
        }
        return picked;
    }

    /** One canned request: a query, its parameters and a page. */
    record Request(String name, Map<String, String> params, Page page) {
        String path() {
            StringBuilder sb = new StringBuilder("/scokg/query/").append(name);
            char sep = '?';
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(params).entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
            if (!page.all()) {
                sb.append(sep).append(Page.OFFSET).append('=').append(page.offset());
                if (page.hasLimit()) sb.append('&').append(Page.LIMIT).append('=').append(page.limit());
            }
            return sb.toString();
        }

        /**
         * The SPARQL of the canned request, for the plain endpoint: its file's text when it runs
         * as written, else the query Jena runs for it (the page applied, the parameters
         * substituted with {@link QueryTransformOps#replaceVars}, as {@link CannedQuery#prepare}
         * has Jena do), made to parse: a substituted {@code bound("x")}, which Jena evaluates as
         * true, is written {@code true}, and a sort key that became a constant, which orders
         * nothing, is left out.
         */
        String sparql(CannedQueries catalog) {
            CannedQuery q = catalog.get(name);
            if (params.isEmpty() && page.all()) return q.text();
            Map<Var, Node> bound = new LinkedHashMap<>();
            Binding b = q.bind(params);
            b.vars().forEachRemaining(v -> bound.put(v, b.get(v)));
            Query sub = QueryTransformOps.replaceVars(q.query(page), bound);
            sub = QueryTransformOps.transform(sub, new ElementTransformCopyBase(), new ExprTransformCopy() {
                @Override
                public Expr transform(ExprFunction1 f, Expr arg) {
                    return f instanceof E_Bound && arg.isConstant() ? NodeValue.TRUE : super.transform(f, arg);
                }
            });
            dropConstantSortKeys(sub);
            unbindSubstitutedKeys(sub);
            return sub.serialize();
        }

        /**
         * A parameter substituted in a keyed query (# @page keys) is a constant {@code ("x" AS ?v)}
         * both in its key subquery's projection and in the outer projection and GROUP BY, which
         * Jena runs but does not parse back ("Variable used when already in-scope"): outside the
         * key subquery it is written {@code ?v}, which the subquery binds to the same constant.
         */
        private static void unbindSubstitutedKeys(Query q) {
            if (!(q.getQueryPattern() instanceof org.apache.jena.sparql.syntax.ElementGroup g) || g.isEmpty()
                || !(g.get(0) instanceof org.apache.jena.sparql.syntax.ElementSubQuery keys)) return;
            List<Var> inner = keys.getQuery().getProjectVars();
            for (org.apache.jena.sparql.core.VarExprList list : List.of(q.getProject(), q.getGroupBy())) {
                List<Var> vars = List.copyOf(list.getVars());
                Map<Var, Expr> exprs = new LinkedHashMap<>(list.getExprs());
                list.clear();
                for (Var v : vars) {
                    Expr e = exprs.get(v);
                    if (e == null || e.isConstant() && inner.contains(v)) list.add(v);
                    else list.add(v, e);
                }
            }
        }

        /** Leaves out the sort keys that became constants, in {@code q} and in its sub-SELECTs (a keyed page sorts in one). */
        private static void dropConstantSortKeys(Query q) {
            if (q.hasOrderBy()) q.getOrderBy().removeIf(c -> c.getExpression().isConstant());
            if (q.getQueryPattern() != null)
                org.apache.jena.sparql.syntax.ElementWalker.walk(q.getQueryPattern(), new org.apache.jena.sparql.syntax.ElementVisitorBase() {
                    @Override
                    public void visit(org.apache.jena.sparql.syntax.ElementSubQuery el) { dropConstantSortKeys(el.getQuery()); }
                });
        }
    }

    private record Urls(List<URI> canned, List<URI> plain) {}

    private static Urls urls(ScokgServer server, List<Request> requests, CannedQueries catalog) {
        String base = "http://127.0.0.1:" + server.port();
        return new Urls(requests.stream().map(r -> canned(server, r)).toList(),
            requests.stream().map(r -> URI.create(base + "/scokg/sparql?query="
                + URLEncoder.encode(r.sparql(catalog), StandardCharsets.UTF_8))).toList());
    }

    /** The canned request {@code r} on {@code server}. */
    private static URI canned(ScokgServer server, Request r) {
        return URI.create("http://127.0.0.1:" + server.port() + r.path());
    }

    /** Warm-up: every request {@code rounds} times each way (plans, node caches, JIT; and the result cache if any). */
    private static void warm(Urls urls, int rounds) {
        for (int round = 0; round < rounds; round++)
            for (int i = 0; i < urls.canned().size(); i++) { LoadClient.get(urls.canned().get(i)); LoadClient.get(urls.plain().get(i)); }
    }

    /** Every canned request once: on a server with the cache, the later ones are hits. */
    private static void warmCanned(Urls urls) {
        for (URI u : urls.canned()) LoadClient.get(u);
    }

    /**
     * {@code requests} GETs by {@code clients} concurrent clients ({@link LoadClient#latencies});
     * latencies in ns of those answered; failed ones are reported in the table. Starts with a full collection: the server runs in this JVM, and the garbage
     * of the cell before (plain queries that sort the whole store) would otherwise be collected
     * during this one.
     */
    private long[] run(List<URI> uris, int clients, int requests) throws Exception {
        System.gc();
        LoadClient.Latencies l = LoadClient.latencies(uris, clients, requests);
        if (l.failed() > 0) {
            say.accept("FAILED: " + l.failed() + " requests, the first: " + l.firstFailure());
            row("(FAILED: %d of %d requests at %d clients, the first: %s; the row below is of the others)",
                l.failed(), l.failed() + l.ns().length, clients, l.firstFailure());
        }
        if (l.ns().length == 0) throw new IllegalStateException("every request failed, the first: " + l.firstFailure());
        return l.ns();
    }

    /** p50 and p99 in milliseconds (nearest rank). */
    static double[] percentiles(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return new double[] {rank(s, 0.50) / 1e6, rank(s, 0.99) / 1e6};
    }

    private static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    // ------------------------------------------------------------ up

    private void up() throws Exception {
        row("");
        row("## serve from the jar to the first SPARQL answer (child process)");
        if (o.jar() == null || !Files.isRegularFile(o.jar())) {
            row("skipped: no jar at %s (mvn package first)", o.jar());
            return;
        }
        Path db = o.out().resolve("db-seeds");
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "-jar", o.jar().toString(), "serve", "--db", db.toString(), "--port", Integer.toString(port))
            .redirectErrorStream(true).redirectOutput(o.out().resolve("serve.log").toFile()).start();
        long ping = -1, answer = -1;
        try {
            String base = "http://127.0.0.1:" + port;
            URI q = URI.create(base + "/scokg/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8));
            long deadline = t0 + 60_000_000_000L;
            while (System.nanoTime() < deadline && p.isAlive() && answer < 0) {
                try {
                    if (ping < 0) {
                        LoadClient.fetch(URI.create(base + "/$/ping"), Duration.ofSeconds(1), Duration.ofSeconds(5));
                        ping = System.nanoTime() - t0;
                    }
                    String body = new String(LoadClient.fetch(q, Duration.ofSeconds(1), Duration.ofSeconds(5)), StandardCharsets.UTF_8);
                    if (body.contains("true")) answer = System.nanoTime() - t0;
                } catch (IOException notYet) {
                    // not listening yet, or not answering yet
                }
                if (answer < 0) Thread.sleep(25);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        if (answer < 0) row("FAILED: no SPARQL answer within 60 s (see %s)", o.out().resolve("serve.log"));
        else row("ping after %.2f s, first SPARQL answer after %.2f s (target <= 5 s)", ping / 1e9, answer / 1e9);
    }
}
