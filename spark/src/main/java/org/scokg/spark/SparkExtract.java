package org.scokg.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.scokg.spark.InputListing.InputFile;
import org.scokg.text.SourceReader;
import org.scokg.vocab.Iris;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scala.Tuple2;

/**
 * {@code scokg spark-extract}: the extraction of {@code scokg extract} as a Spark job
 * (docs/SCALE.md). The driver lists the inputs ({@link InputListing}) and shares the files out
 * over tasks ({@link Packing}); each task reads, decodes and extracts its files one by one
 * ({@link DocumentQuads}) and writes their N-Quads to one gzipped partition,
 * {@code OUT/part-NNNNN.nq.gz} ({@link NQuadsOutputFormat}); Hadoop's output committer writes
 * {@code OUT/_SUCCESS} once every partition is complete. A document's quads are written by the
 * one task that extracted it, so they are never split across partitions; the union of the
 * partitions is what {@code scokg extract INPUT... --format nq} prints, quad for quad.
 *
 * <p>Runs under {@code spark-submit} (the master and everything else from Spark's configuration)
 * or on its own with {@code --master local[N]} ({@code ./scokg spark-extract}). Exit codes as
 * scokg's: 0 when at least one document was extracted, 1 on failure (one line on stderr,
 * {@code --debug} adds the stack trace), 2 on wrong usage.
 */
@Command(name = "spark-extract", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Extract RDF from source files or directories on Apache Spark: the extraction of `scokg extract`, written as "
                   + "gzipped N-Quads partitions OUT/part-NNNNN.nq.gz and OUT/_SUCCESS, each document's quads in one partition.",
                   "Inputs are paths of any file system Spark's Hadoop can read (local, hdfs://, s3a://...), directories read "
                   + "recursively as `scokg extract` reads them, or Hadoop globs. Load the result with scokg build --from-nquads OUT."})
public final class SparkExtract implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory (must not exist).")
    String out;

    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master, e.g. local[2] (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
        description = "Tasks and output partitions (default: 4 per core, more when one would read over 64 MB).")
    Integer partitions;

    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "64M",
        description = "Fail input files larger than SIZE (e.g. 500k, 64M; default 64M), as extract does.")
    String maxSize;

    @Option(names = "--base", paramLabel = "IRI",
        description = "Base of resource IRIs, an absolute http(s) IRI ending in '/' (default: ${sys:scokg.base:-https://w3id.org/scokg/id/}).")
    String base;

    @Option(names = "--debug", description = "Show stack traces and Spark's log.")
    boolean debug;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Source files, directories or globs.")
    List<String> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What the last run did (for tests and the bench). */
    Summary summary;

    /**
     * What a run did.
     *
     * @param processed  documents extracted and written
     * @param skipped    documents skipped (empty, no text)
     * @param failed     inputs that failed (unreadable, binary, undecodable, too large), listing failures included
     * @param quads      quads written
     * @param partitions partitions written
     * @param seconds    the job's time, from the listing to the commit (Spark's start-up not included)
     * @param startSeconds Spark's start-up time
     */
    record Summary(long processed, long skipped, long failed, long quads, int partitions, double seconds, double startSeconds) {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line as {@link #main} does, without exiting. */
    static int run(String... args) {
        return commandLine(new SparkExtract()).execute(args);
    }

    static CommandLine commandLine(SparkExtract job) {
        CommandLine cl = new CommandLine(job);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("scokg: error: " + oneLine(ex.getMessage()) + " (see: spark-extract --help)");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("scokg: error: " + (ex instanceof Failure ? ex.getMessage() : oneLine(ex)));
            if (job.debug) ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        long maxBytes = parseSize(maxSize);
        if (base != null) {
            try {
                Iris.setBase(base);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (partitions != null && partitions < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be at least 1");
        // spark-submit passes its master as a system property, read by SparkConf
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        boolean local = m.startsWith("local");
        if (local && !debug) quietLocalLog();     // before Spark's first log line
        SparkConf conf = new SparkConf().setAppName("scokg spark-extract").setMaster(m);
        if (local) {
            // A batch run on this machine: no web UI, the loopback address.
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        long t0 = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            double started = (System.nanoTime() - t0) / 1e9;
            summary = extract(sc, maxBytes, started);
        }
        return 0;
    }

    /** Log configuration of a local run, unless one was given; before Spark starts its logging. */
    static final String LOCAL_LOG = "org/scokg/spark/log4j2-local.properties";

    private static void quietLocalLog() {
        java.net.URL config = SparkExtract.class.getClassLoader().getResource(LOCAL_LOG);
        if (config != null && System.getProperty("log4j2.configurationFile") == null)
            System.setProperty("log4j2.configurationFile", config.toString());
    }

    /** The job on a running context. */
    private Summary extract(JavaSparkContext sc, long maxBytes, double started) throws IOException {
        long t0 = System.nanoTime();
        var hadoop = sc.hadoopConfiguration();
        Path outDir = new Path(out);
        FileSystem outFs = outDir.getFileSystem(hadoop);
        if (outFs.exists(outDir)) throw new Failure(out + " already exists; give a new directory to --out");

        InputListing.Listing listing = InputListing.list(inputs, hadoop);
        for (String f : listing.failures()) progress("failed: " + f);
        if (listing.files().isEmpty())
            throw new Failure("nothing to extract: no source file among the inputs (" + listing.failures().size() + " failed)");
        int n = partitions != null ? Math.min(partitions, listing.files().size())
            : Packing.partitions(listing.files().size(), listing.bytes(), sc.defaultParallelism());
        List<List<InputFile>> groups = Packing.pack(listing.files(), n);
        progress(String.format(Locale.ROOT, "spark-extract: %d file(s), %.1f MB, in %d partition(s) on %s", listing.files().size(),
            listing.bytes() / 1e6, groups.size(), sc.master()));

        Counters counters = new Counters(sc);
        Broadcast<HadoopConf> conf = sc.broadcast(new HadoopConf(hadoop));
        sc.parallelize(groups, groups.size())
            .flatMap(new ExtractGroup(conf, Iris.base(), maxBytes, counters))
            .mapToPair(line -> new Tuple2<>(NullWritable.get(), new Text(line)))
            .saveAsHadoopFile(out, NullWritable.class, Text.class, NQuadsOutputFormat.class, GzipCodec.class);

        long failed = counters.failed.value() + listing.failures().size();
        Summary s = new Summary(counters.processed.value(), counters.skipped.value(), failed, counters.quads.value(), groups.size(),
            (System.nanoTime() - t0) / 1e9, started);
        List<String> reasons = counters.reasons.value();
        for (String r : reasons) progress("  " + r);
        if (counters.reasons.count() > reasons.size()) progress("  ... and " + (counters.reasons.count() - reasons.size()) + " more");
        if (counters.warned.value() > 0) progress("  " + counters.warned.value() + " document(s) with warnings (scokg extract prints them)");
        if (s.processed() == 0) {
            outFs.delete(outDir, true);
            throw new Failure("nothing extracted: " + s.failed() + " input(s) failed, " + s.skipped() + " skipped; " + out + " removed");
        }
        progress(String.format(Locale.ROOT, "spark-extract: %d document(s), %d skipped, %d failed; %d quads in %d partition(s) under %s;"
            + " %.1f s (Spark started in %.1f s)", s.processed(), s.skipped(), s.failed(), s.quads(), s.partitions(), out, s.seconds(), s.startSeconds()));
        return s;
    }

    /** The job's counts, added to by the tasks (in the job's only stage, so each task's once). */
    static final class Counters implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final LongAccumulator processed, skipped, failed, quads, warned;
        final Reasons reasons = new Reasons();

        Counters(JavaSparkContext sc) {
            processed = sc.sc().longAccumulator("documents processed");
            skipped = sc.sc().longAccumulator("documents skipped");
            failed = sc.sc().longAccumulator("documents failed");
            quads = sc.sc().longAccumulator("quads written");
            warned = sc.sc().longAccumulator("documents with warnings");
            sc.sc().register(reasons, "reasons");
        }
    }

    /** A task: the N-Quads lines of its files, one file at a time, in the group's order. */
    static final class ExtractGroup implements FlatMapFunction<List<InputFile>, String> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<HadoopConf> conf;
        private final String base;
        private final long maxBytes;
        private final Counters counters;

        ExtractGroup(Broadcast<HadoopConf> conf, String base, long maxBytes, Counters counters) {
            this.conf = conf;
            this.base = base;
            this.maxBytes = maxBytes;
            this.counters = counters;
        }

        @Override
        public Iterator<String> call(List<InputFile> group) {
            Iris.setBase(base);         // an executor's JVM has its own, from its system properties
            SourceReader reader = new SourceReader(maxBytes);
            Iterator<InputFile> files = group.iterator();
            return new Iterator<>() {
                private Iterator<String> lines = java.util.Collections.emptyIterator();

                @Override public boolean hasNext() {
                    while (!lines.hasNext() && files.hasNext()) lines = extract(files.next());
                    return lines.hasNext();
                }

                @Override public String next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    return lines.next();
                }

                private Iterator<String> extract(InputFile f) {
                    DocumentQuads.Outcome o = DocumentQuads.of(f, conf.value().get(), reader);
                    if (o.skipped() != null) {
                        counters.skipped.add(1);
                        counters.reasons.add(o.skipped());
                    } else if (o.failed() != null) {
                        counters.failed.add(1);
                        counters.reasons.add("failed: " + o.failed());
                    } else {
                        counters.processed.add(1);
                        counters.quads.add(o.lines().size());
                        if (!o.warnings().isEmpty()) counters.warned.add(1);
                    }
                    return o.lines().iterator();
                }
            };
        }
    }

    /** An expected failure: its message is the one line shown. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        Failure(String message) { super(message); }
    }

    private void progress(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(line);
        err.flush();
    }

    /** A size such as {@code 64M}, {@code 500k}, {@code 2G} or a number of bytes, as scokg's --max-size. */
    static long parseSize(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(\\d{1,15})\\s*([kmg]?)i?b?\\s*").matcher(s == null ? "" : s);
        if (!m.matches()) throw new Failure("not a size: '" + s + "' (use e.g. 64M, 500k or a number of bytes)");
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1L << 10; case "m" -> 1L << 20; case "g" -> 1L << 30; default -> 1L;
        };
        long n = Long.parseLong(m.group(1));
        if (n < 1 || n > Long.MAX_VALUE / unit) throw new Failure("size out of range: '" + s + "'");
        return n * unit;
    }

    /** A throwable as one line: its message (or class name), line breaks folded. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        return m.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
