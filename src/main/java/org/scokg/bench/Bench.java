package org.scokg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.scokg.extract.Extraction;
import org.scokg.model.Iris;
import org.scokg.model.Sco;
import org.scokg.normalize.NormalizedText;
import org.scokg.query.CannedQueries;
import org.scokg.query.CannedQuery;
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
 */
public final class Bench {
    /** What to run. */
    public record Options(List<Double> sizesMb, Path out, long seed, Path seeds, Path jar,
                          int requests, boolean fork, String childXmx, boolean up, boolean queriesOnly) {
        public Options(List<Double> sizesMb, Path out, long seed, Path seeds, Path jar,
                       int requests, boolean fork, String childXmx, boolean up) {
            this(sizesMb, out, seed, seeds, jar, requests, fork, childXmx, up, false);
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
        if (o.queriesOnly()) {
            // Only the query latency on the seeds store (no corpus, extraction, heap or loading).
            queries(null);
            Files.write(o.out().resolve("bench-results.txt"), table, StandardCharsets.UTF_8);
            return table;
        }
        CorpusGenerator gen = new CorpusGenerator(o.seed());
        Map<Double, CorpusGenerator.Corpus> corpora = new LinkedHashMap<>();
        for (double mb : o.sizesMb()) {
            say.accept("generating " + mb + " MB");
            corpora.put(mb, gen.write(o.out().resolve("corpus-" + label(mb)), (long) (mb * 1_000_000)));
        }
        warmUp(corpora.values().iterator().next());
        extraction(corpora);
        Map<Double, Path> nquads = heap(corpora);
        Path biggest = loading(corpora, nquads);
        queries(biggest);
        if (o.up()) up();
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
        return Extraction.extract(t).model().size();
    }

    private void warmUp(CorpusGenerator.Corpus c) {
        say.accept("warming up (JIT, dictionaries)");
        SourceReader reader = new SourceReader();
        Segment seg = segmenter();
        List<Path> fs = files(c.dir());
        // Two rounds over up to 40 documents (about 1 MB): the regex engine and HanLP's
        // dictionaries need that much before timings settle.
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (int round = 0; round < 2 && System.nanoTime() < deadline; round++)
            for (Path p : fs.subList(0, Math.min(fs.size(), 40))) {
                SourceText t = read(reader, p);
                hanlp(t, seg);
                extract(t);
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

    private void extraction(Map<Double, CorpusGenerator.Corpus> corpora) throws Exception {
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
        for (var e : nquads.entrySet()) {
            Path nq = e.getValue();
            if (!Files.isRegularFile(nq)) continue;
            long quads = countLines(nq);
            Path ours = o.out().resolve("db-scokg-" + label(e.getKey()));
            deleteTree(ours);
            say.accept("loading " + label(e.getKey()) + " MB with ScokgStore.load");
            System.gc();
            long tOurs = loadOnce(-1, nq, ours);
            long[] jena = new long[3];
            String[] names = {"basic", "phased", "parallel"};
            for (int k = 0; k < 3; k++) {
                Path dir = o.out().resolve("db-jena-" + names[k] + "-" + label(e.getKey()));
                deleteTree(dir);
                say.accept("loading " + label(e.getKey()) + " MB with Jena's " + names[k] + " loader");
                System.gc();
                jena[k] = loadOnce(k, nq, dir);
                deleteTree(dir);
            }
            row("%-7s %9d %12.0f %12.0f %9.2f %12.0f %9.2f %12.0f %9.2f", label(e.getKey()) + "MB", quads,
                quads / (tOurs / 1e9), quads / (jena[0] / 1e9), (double) jena[0] / tOurs,
                quads / (jena[1] / 1e9), (double) jena[1] / tOurs, quads / (jena[2] / 1e9), (double) jena[2] / tOurs);
            if (last != null) deleteTree(last);
            last = ours;
        }
        row("(scokg: one write transaction, the file parsed on a second thread, quads written index by index in sorted batches, then canonical titles;"
            + " Jena: LoaderFactory into DatabaseMgr.connectDatasetGraph; all loaders warmed up first on the smallest file)");
        return last;
    }

    /** Nanoseconds to load {@code nq} into a fresh store at {@code dir}: with ScokgStore.load (k = -1) or Jena's basic, phased, parallel loader (k = 0, 1, 2). */
    private static long loadOnce(int k, Path nq, Path dir) throws Exception {
        long t0 = System.nanoTime();
        if (k < 0) {
            try (ScokgStore store = ScokgStore.open(dir)) {
                store.load(List.of(nq), null);
            }
            return System.nanoTime() - t0;
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
        row(" plain: the same SPARQL text sent to /scokg/sparql; each row starts both servers afresh, one after the other)");
        row("%-9s %-8s %8s %8s %10s %10s %8s %8s %9s %9s", "store", "clients", "cached50", "cached99", "uncached50", "uncached99",
            "plain50", "plain99", "u99/p99", "c99/p99");
        Path seedsDb = o.out().resolve("db-seeds");
        deleteTree(seedsDb);
        say.accept("building the seeds store");
        try (ScokgStore store = ScokgStore.open(seedsDb)) {
            store.build(List.of(o.seeds()), null);
        }
        latency("seeds", seedsDb, o.requests());
        if (biggest != null) {
            addGazetteer(biggest);
            // Whole-store answers on a big store take seconds each uncached: fewer requests per
            // cell there (p99 of 20 is the largest but one), or this step alone takes hours.
            int big = Math.min(o.requests(), BIG_STORE_REQUESTS);
            row("(%s: %d requests per cell)", biggest.getFileName().toString().replace("db-scokg-", "") + "MB", big);
            latency(biggest.getFileName().toString().replace("db-scokg-", "") + "MB", biggest, big);
        }
        row("(targets: p99 <= 25 ms at 16 clients on seeds, <= 250 ms on 100 MB; canned within 1.10x of plain)");
    }

    /** The loaded N-Quads have no ontology or gazetteer graph; the canned queries read labels from them. */
    private static void addGazetteer(Path db) throws Exception {
        try (ScokgStore store = ScokgStore.open(db)) {
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

    /** Requests per latency cell on the biggest store. */
    static final int BIG_STORE_REQUESTS = 20;

    private void latency(String name, Path db, int requests) throws Exception {
        CannedQueries catalog = CannedQueries.builtIn();
        List<String> names = catalog.names().stream()
            .filter(n -> catalog.get(n).params().stream().noneMatch(CannedQuery.Param::required)).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ServerOptions cached = new ServerOptions(db, "127.0.0.1", 0, 0);
        ServerOptions uncached = cached.withCacheBytes(0);
        for (int clients : new int[] {1, 4, 16}) {
            double[] c, u, p;
            try (ScokgServer server = ScokgServer.start(cached)) {
                Urls urls = urls(server, names, catalog);
                warm(http, urls);
                say.accept("latency " + name + " at " + clients + " client(s), cached");
                c = percentiles(run(http, urls.canned(), clients, requests));
            }
            try (ScokgServer server = ScokgServer.start(uncached)) {
                Urls urls = urls(server, names, catalog);
                warm(http, urls);
                say.accept("latency " + name + " at " + clients + " client(s), uncached and plain");
                u = percentiles(run(http, urls.canned(), clients, requests));
                p = percentiles(run(http, urls.plain(), clients, requests));
            }
            row("%-9s %-8d %8.1f %8.1f %10.1f %10.1f %8.1f %8.1f %9.2f %9.2f", name, clients, c[0], c[1], u[0], u[1],
                p[0], p[1], u[1] / p[1], c[1] / p[1]);
        }
    }

    private record Urls(List<URI> canned, List<URI> plain) {}

    private static Urls urls(ScokgServer server, List<String> names, CannedQueries catalog) {
        String base = "http://127.0.0.1:" + server.port();
        return new Urls(names.stream().map(n -> URI.create(base + "/scokg/query/" + n)).toList(),
            names.stream().map(n -> URI.create(base + "/scokg/sparql?query="
                + URLEncoder.encode(catalog.get(n).text(), StandardCharsets.UTF_8))).toList());
    }

    /** Warm-up: every query three times each way (plans, node caches, JIT; and the result cache if any). */
    private static void warm(HttpClient http, Urls urls) {
        for (int round = 0; round < 3; round++)
            for (int i = 0; i < urls.canned().size(); i++) { get(http, urls.canned().get(i)); get(http, urls.plain().get(i)); }
    }

    private static long get(HttpClient http, URI uri) {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
            .header("Accept", "application/sparql-results+json").GET().build();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(uri.getPath() + ": HTTP " + r.statusCode());
            return r.body().length;
        } catch (IOException e) {
            throw new IllegalStateException(uri.getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code requests} GETs by {@code clients} concurrent clients, round-robin over the URIs; latencies in ns. */
    private long[] run(HttpClient http, List<URI> uris, int clients, int requests) throws Exception {
        int n = Math.max(clients, requests);
        long[] lat = new long[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++)
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        long t0 = System.nanoTime();
                        get(http, uris.get(i % uris.size()));
                        lat[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
        return lat;
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
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
                        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/$/ping")).GET().build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) ping = System.nanoTime() - t0;
                    }
                    if (ping >= 0) {
                        var r = http.send(HttpRequest.newBuilder(q).header("Accept", "application/sparql-results+json").GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200 && r.body().contains("true")) answer = System.nanoTime() - t0;
                    }
                } catch (IOException notYet) {
                    // not listening yet
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
