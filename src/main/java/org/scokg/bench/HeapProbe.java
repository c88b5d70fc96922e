package org.scokg.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.scokg.store.ScokgStore;
import org.scokg.pipeline.SourceBatch;
import org.scokg.text.SourceReader;

/**
 * Run in a child JVM (one per corpus size, with its own {@code -Xmx}) by the bench:
 * {@code HeapProbe extract CORPUS OUT.nq THREADS} streams the corpus through extraction into
 * an N-Quads file; {@code HeapProbe build CORPUS DB THREADS} runs {@link ScokgStore#build}.
 * Prints one line {@code probe key=value ...} with the peak heap: the largest heap in use
 * right after a collection (the live set: what the program really holds) and the largest
 * heap in use seen at all (garbage included; bounded by -Xmx).
 */
public final class HeapProbe {
    private HeapProbe() {}

    /** Peak heap bookkeeping through GC notifications. */
    static final class Peak implements AutoCloseable {
        final AtomicLong afterGc = new AtomicLong();
        final AtomicLong beforeGc = new AtomicLong();
        private final javax.management.NotificationListener listener = (n, h) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
            afterGc.accumulateAndGet(sum(info.getMemoryUsageAfterGc()), Math::max);
            beforeGc.accumulateAndGet(sum(info.getMemoryUsageBeforeGc()), Math::max);
        };

        Peak() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
                if (gc instanceof NotificationEmitter ne) ne.addNotificationListener(listener, null, null);
        }

        private static long sum(java.util.Map<String, MemoryUsage> pools) {
            long n = 0;
            for (var e : pools.entrySet()) {
                String name = e.getKey();
                // heap pools only (G1 / Parallel / Serial names)
                if (name.contains("Eden") || name.contains("Survivor") || name.contains("Old Gen") || name.contains("Tenured"))
                    n += e.getValue().getUsed();
            }
            return n;
        }

        long live() { return afterGc.get(); }

        long used() {
            return Math.max(beforeGc.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        @Override public void close() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
                if (gc instanceof NotificationEmitter ne) {
                    try { ne.removeNotificationListener(listener); } catch (Exception ignored) { /* gone */ }
                }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: HeapProbe extract|build CORPUS OUT THREADS");
            System.exit(2);
        }
        String mode = args[0];
        Path corpus = Path.of(args[1]), out = Path.of(args[2]);
        int threads = Integer.parseInt(args[3]);
        long t0 = System.nanoTime();
        long[] counts = new long[3];   // documents, triples, failed
        try (Peak peak = new Peak()) {
            if (mode.equals("extract")) {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
                    w.start();
                    SourceBatch.stream(List.of(corpus), new SourceReader(), threads, null, r -> {
                        if (r.status() != SourceBatch.Status.PROCESSED) { counts[2]++; return; }
                        Node g = NodeFactory.createURI(r.document().graphName());
                        r.document().model().getGraph().find().forEachRemaining(t -> w.quad(
                            new org.apache.jena.sparql.core.Quad(g, t)));
                        counts[0]++;
                        counts[1] += r.document().model().size();
                    });
                    w.finish();
                }
            } else if (mode.equals("build")) {
                try (ScokgStore store = ScokgStore.open(out)) {
                    var s = store.build(List.of(corpus), null);
                    counts[0] = s.processed().size();
                    counts[1] = s.sourceTriples();
                    counts[2] = s.failed().size();
                }
            } else {
                throw new IllegalArgumentException("mode extract or build, not " + mode);
            }
            System.gc();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("probe mode=" + mode + " documents=" + counts[0] + " triples=" + counts[1] + " failed=" + counts[2]
                + " millis=" + millis + " live=" + peak.live() + " used=" + peak.used()
                + " max=" + Runtime.getRuntime().maxMemory());
        }
    }
}
