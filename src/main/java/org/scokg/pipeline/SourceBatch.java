package org.scokg.pipeline;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.scokg.text.InputWalker;
import org.scokg.text.SourceException;
import org.scokg.text.SourceReader;

/**
 * Reads and extracts a set of inputs (files and directories, see {@link InputWalker}).
 * Documents are independent, so they are read and extracted in parallel on a small pool
 * (at most 2 threads: the tool shares small machines); the results keep the input order
 * and are handed over one by one ({@link #stream}), so memory stays bounded.
 * One bad document never stops the others: it is reported as failed or skipped.
 */
public final class SourceBatch {
    private SourceBatch() {}

    public enum Status { PROCESSED, SKIPPED, FAILED }

    /**
     * What became of one input file.
     *
     * @param path     the file (or the input that could not be listed)
     * @param status   processed, skipped or failed
     * @param document what extraction returned (only when processed)
     * @param reason   why it was skipped or failed, one line naming the file (else null)
     */
    public record Result(Path path, Status status, ExtractedDocument document, String reason) {}

    /** The results, in input order. */
    public record Run(List<Result> results) {
        public List<Result> processed() { return of(Status.PROCESSED); }
        public List<Result> skipped() { return of(Status.SKIPPED); }
        public List<Result> failed() { return of(Status.FAILED); }
        private List<Result> of(Status s) { return results.stream().filter(r -> r.status() == s).toList(); }
    }

    /** Parallelism of extraction. */
    public static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /**
     * Lists, reads and extracts {@code inputs}.
     *
     * @param progress receives one line per document (may be null)
     */
    public static Run run(List<Path> inputs, SourceReader reader, Consumer<String> progress) {
        List<Result> results = new ArrayList<>();
        stream(inputs, reader, THREADS, progress, results::add);
        return new Run(List.copyOf(results));
    }

    /**
     * As {@link #run} but streaming: results go to {@code sink} in input order as they are
     * ready, and only a bounded number of documents ({@link #AHEAD} per thread, queued or
     * done and waiting for their turn) is held at any time, so the corpus never has to fit
     * in the heap. {@code sink} is called on the caller's thread (a TDB2 write transaction
     * begun there can take the results).
     *
     * <p>A pipeline, not a series of batches: as soon as the sink has taken a document, the
     * next one is queued, so a slow document holds up only the results behind it, never the
     * other threads. If {@code sink} throws, the documents in flight are cancelled and the
     * exception propagates.
     *
     * @param threads parallelism (1 or more)
     */
    public static void stream(List<Path> inputs, SourceReader reader, int threads, Consumer<String> progress, Consumer<Result> sink) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sink, "sink");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        Consumer<String> say = progress == null ? s -> {} : synchronizedConsumer(progress);
        InputWalker.Listing listing = InputWalker.walk(inputs);
        for (InputWalker.Failure f : listing.failures())
            sink.accept(new Result(f.path(), Status.FAILED, null, f.message()));
        List<Path> files = listing.files();
        if (files.isEmpty()) return;
        int ahead = AHEAD * threads;
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
            Thread t = new Thread(r, "scokg-extract-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Result>> inFlight = new ArrayDeque<>();
        Iterator<Path> next = files.iterator();
        try {
            while (next.hasNext() && inFlight.size() < ahead) inFlight.add(submit(pool, next.next(), reader, say));
            while (!inFlight.isEmpty()) {
                Result r = inFlight.poll().get();
                if (next.hasNext()) inFlight.add(submit(pool, next.next(), reader, say));
                sink.accept(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            // one() catches what a document can throw; this is an Error (e.g. OutOfMemoryError)
            Throwable c = e.getCause();
            if (c instanceof Error err) throw err;
            throw new IllegalStateException("extraction failed: " + c, c);
        } finally {
            for (Future<Result> f : inFlight) f.cancel(true);
            pool.shutdownNow();
        }
    }

    /** Documents queued or done but not yet taken by the sink, per thread. */
    public static final int AHEAD = 4;

    private static Future<Result> submit(ExecutorService pool, Path p, SourceReader reader, Consumer<String> say) {
        return pool.submit(() -> one(p, reader, say));
    }

    private static Consumer<String> synchronizedConsumer(Consumer<String> c) {
        return s -> { synchronized (c) { c.accept(s); } };
    }

    private static Result one(Path p, SourceReader reader, Consumer<String> say) {
        SourceReader.Outcome o;
        try {
            o = reader.read(p);
        } catch (SourceException e) {
            say.accept("failed: " + e.getMessage());
            return new Result(p, Status.FAILED, null, e.getMessage());
        }
        if (o.skipped()) {
            String why = p + ": skipped: " + o.skipReason();
            say.accept(why);
            return new Result(p, Status.SKIPPED, null, why);
        }
        try {
            ExtractedDocument d = ExtractedDocument.extract(o.text());
            if (d == null || d.model() == null || d.graphName() == null)
                return new Result(p, Status.FAILED, null, p + ": extraction returned nothing");
            if (!o.warnings().isEmpty()) {
                List<String> all = new ArrayList<>(o.warnings());
                if (d.warnings() != null) all.addAll(d.warnings());
                d = new ExtractedDocument(d.fileName(), d.graphName(), d.model(), List.copyOf(all));
            }
            say.accept("extracted " + p + " (" + o.encoding() + ", " + d.model().size() + " triples)");
            for (String w : d.warnings() == null ? List.<String>of() : d.warnings())
                say.accept("  warning: " + p.getFileName() + ": " + w);
            return new Result(p, Status.PROCESSED, d, null);
        } catch (RuntimeException | StackOverflowError e) {
            String why = p + ": extraction failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
            say.accept("failed: " + why);
            return new Result(p, Status.FAILED, null, why);
        }
    }
}
