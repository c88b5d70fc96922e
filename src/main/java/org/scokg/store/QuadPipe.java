package org.scokg.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * Parses an RDF file on a thread of its own and hands its quads, in batches through a
 * small bounded queue, to a consumer on the calling thread (the one that holds the TDB2
 * write transaction): parsing and index writing run on two cores, memory stays bounded.
 * Default-graph triples are handed over in {@code defaultGraph}.
 */
final class QuadPipe {
    private QuadPipe() {}

    /** Receives quads; called on the thread that called {@link #parse}. */
    interface Sink {
        void add(Node g, Node s, Node p, Node o);
    }

    static final int BATCH = 2048;
    static final int QUEUE = 16;

    /** A batch, the end, or the parse failure. */
    private record Batch(List<Quad> quads, RuntimeException failure) {
        static final Batch END = new Batch(List.of(), null);
    }

    /**
     * Parses {@code f} in {@code lang} into {@code sink}.
     *
     * @throws StoreException "FILE:LINE:COL: message" for a syntax error, "FILE: cannot parse (...)" for others;
     *                        what {@code sink} throws propagates unchanged (the parser is stopped)
     */
    static void parse(Path f, Lang lang, Node defaultGraph, Sink sink) throws StoreException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE);
        Producer producer = new Producer(f, lang, defaultGraph, queue);
        Thread t = new Thread(producer, "scokg-parse");
        t.setDaemon(true);
        t.start();
        boolean done = false;
        try {
            while (true) {
                Batch b = queue.poll(1, TimeUnit.SECONDS);
                if (b == null) {
                    if (t.isAlive() || !queue.isEmpty()) continue;
                    throw new IllegalStateException(f + ": the parser stopped unexpectedly");
                }
                if (b.failure() != null) throw failure(f, b.failure());
                if (b == Batch.END) break;
                for (Quad q : b.quads()) sink.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + f, e);
        } finally {
            if (!done) {
                producer.cancelled = true;
                queue.clear();
            }
            try {
                t.join(done ? 0 : 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static StoreException failure(Path f, RuntimeException e) {
        if (e instanceof RiotException) return new StoreException(ScokgStore.oneLine(e), e);
        return new StoreException(f + ": cannot parse (" + ScokgStore.oneLine(e) + ")", e);
    }

    private static final class Producer implements Runnable {
        final Path f;
        final Lang lang;
        final Node defaultGraph;
        final BlockingQueue<Batch> queue;
        volatile boolean cancelled;
        List<Quad> batch = new ArrayList<>(BATCH);

        Producer(Path f, Lang lang, Node defaultGraph, BlockingQueue<Batch> queue) {
            this.f = f;
            this.lang = lang;
            this.defaultGraph = defaultGraph;
            this.queue = queue;
        }

        void put(Batch b) {
            try {
                while (!queue.offer(b, 100, TimeUnit.MILLISECONDS))
                    if (cancelled) throw new CancellationException();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
        }

        void add(Quad q) {
            batch.add(q);
            if (batch.size() == BATCH) {
                put(new Batch(batch, null));
                batch = new ArrayList<>(BATCH);
            }
        }

        @Override public void run() {
            StreamRDF into = new StreamRDFBase() {
                @Override public void triple(Triple t) { add(Quad.create(defaultGraph, t)); }
                @Override public void quad(Quad q) { add(q.isDefaultGraph() ? Quad.create(defaultGraph, q.asTriple()) : q); }
            };
            try {
                RDFParser.source(f).lang(lang).errorHandler(ScokgStore.throwingHandler(f)).parse(into);
                if (!batch.isEmpty()) put(new Batch(batch, null));
                put(Batch.END);
            } catch (CancellationException e) {
                // the consumer gave up
            } catch (RuntimeException e) {
                try { put(new Batch(List.of(), e)); } catch (CancellationException gone) { /* the consumer gave up */ }
            } catch (StackOverflowError e) {
                try { put(new Batch(List.of(), new IllegalStateException("stack overflow", e))); } catch (CancellationException gone) { /* gone */ }
            }
        }
    }
}
