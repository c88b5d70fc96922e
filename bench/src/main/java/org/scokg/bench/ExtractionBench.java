package org.scokg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import org.apache.jena.rdf.model.Model;
import org.scokg.pipeline.ExtractedDocument;
import org.scokg.text.SourceText;

/**
 * Extraction throughput against a bare HanLP segmentation of the same texts (issue 17: within
 * 1.5×), both on one thread of the bench's JVM, the texts read into memory first (reading is
 * not measured in either). The HanLP pass is the floor of any HanLP-based extractor: the text
 * converted to simplified script with HanLP (the rules read simplified text) and segmented
 * with name, place and transliterated-name recognition. The extraction pass is what
 * {@code scokg extract} runs on each document: the facts mapped to an RDF model.
 */
final class ExtractionBench {
    /** The warm-up stops after this even if its rounds still differ. */
    static final long WARM_MAX_NANOS = 90_000_000_000L;
    /** Two rounds in a row within this fraction of each other: the JIT has settled. */
    static final double WARM_STABLE = 0.05;

    private final Report report;
    private final int passes;

    ExtractionBench(Report report, int passes) {
        this.report = report;
        this.passes = passes;
    }

    /** A corpus in memory: file names and texts, read as UTF-8 (the seeds and the generated corpora are). */
    record Texts(String label, List<SourceText> docs, long bytes, long chars) {
        static Texts read(String label, Path dir) throws IOException {
            List<SourceText> docs = new ArrayList<>();
            long bytes = 0, chars = 0;
            try (var s = Files.walk(dir)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] b = Files.readAllBytes(f);
                    String text = new String(b, StandardCharsets.UTF_8);
                    docs.add(new SourceText(f.getFileName().toString(), text));
                    bytes += b.length;
                    chars += text.length();
                }
            }
            return new Texts(label, docs, bytes, chars);
        }
    }

    /** A HanLP segmenter with the recognisers a name-aware extractor would use. */
    static Segment segmenter() {
        return HanLP.newSegment().enableNameRecognize(true).enablePlaceRecognize(true)
            .enableOrganizationRecognize(false).enableTranslatedNameRecognize(true);
    }

    /** The baseline on one document: segments (a sum, so that the JIT cannot drop the work). */
    static long hanlp(SourceText t, Segment seg) {
        return seg.seg(HanLP.convertToSimplifiedChinese(t.text())).size();
    }

    /** The product on one document: statements of its RDF model. */
    static long extract(SourceText t) {
        return extractModel(t).size();
    }

    /** What {@code scokg extract} makes of one document: its named graph's RDF model. The one call into the product's API. */
    static Model extractModel(SourceText t) {
        return ExtractedDocument.extract(t).model();
    }

    /** Wall time in nanoseconds of one pass of HanLP ({@code baseline}) or extraction over {@code texts}. */
    static long pass(Texts texts, boolean baseline) {
        Segment seg = segmenter();
        long sink = 0;
        System.gc();
        long t0 = System.nanoTime();
        for (SourceText t : texts.docs()) sink += baseline ? hanlp(t, seg) : extract(t);
        long t = System.nanoTime() - t0;
        if (sink < 0) throw new AssertionError();
        return t;
    }

    /**
     * JIT and dictionary warm-up on a corpus of its own (generated with another seed, so that its
     * names and titles are not in the measured corpora's memoised conversions): rounds of HanLP
     * and extraction, at least {@code minSeconds}, then until two rounds in a row take times
     * within 5 % of each other (at most {@link #WARM_MAX_NANOS}). A second or two of warm-up is
     * not enough: the first megabytes then run at half the speed of the later ones, and the
     * per-size figures measure the JIT, not the size.
     */
    String warmUp(Texts warm, int minSeconds) {
        Report.say("extraction: warming up (JIT, dictionaries)");
        long start = System.nanoTime(), previous, last = -1;
        int rounds = 0;
        while (true) {
            long t0 = System.nanoTime();
            pass(warm, true);
            pass(warm, false);
            previous = last;
            last = System.nanoTime() - t0;
            rounds++;
            long elapsed = System.nanoTime() - start;
            boolean stable = previous > 0 && Math.abs(last - previous) <= WARM_STABLE * previous;
            if (elapsed >= WARM_MAX_NANOS || (elapsed >= minSeconds * 1_000_000_000L && stable))
                return String.format(java.util.Locale.ROOT, "warm-up: %d rounds of HanLP and extraction over %d documents of their own in %.0f s;"
                    + " the last two rounds %.2f and %.2f s%s", rounds, warm.docs().size(), elapsed / 1e9, previous / 1e9, last / 1e9,
                    stable ? "" : ", not yet within 5 %");
        }
    }

    /** The table: one row per corpus. */
    void run(Texts warm, int warmUpSeconds, Map<String, Path> corpora) throws IOException {
        String warmed = warmUp(warm, warmUpSeconds);
        report.row("");
        report.row("## Extraction, 1 thread (chars/s; ratio = extraction time / HanLP time, target <= 1.50)");
        report.row("%-8s %6s %10s %12s %12s %7s", "corpus", "docs", "chars", "hanlp c/s", "extract c/s", "ratio");
        for (var e : corpora.entrySet()) {
            Texts t = Texts.read(e.getKey(), e.getValue());
            long h = Long.MAX_VALUE, x = Long.MAX_VALUE;
            // Shared machines: the better of alternated passes of each.
            for (int p = 0; p < passes; p++) {
                Report.say("extraction " + e.getKey() + ": HanLP pass " + (p + 1) + " of " + passes);
                h = Math.min(h, pass(t, true));
                Report.say("extraction " + e.getKey() + ": extraction pass " + (p + 1) + " of " + passes);
                x = Math.min(x, pass(t, false));
            }
            report.row("%-8s %6d %10d %12.0f %12.0f %7.2f", e.getKey(), t.docs().size(), t.chars(),
                t.chars() / (h / 1e9), t.chars() / (x / 1e9), (double) x / h);
        }
        report.row("(%s; each figure the better of %d alternated passes; the seeds, a tenth of a second a pass, are indicative only)",
            warmed, passes);
    }
}
