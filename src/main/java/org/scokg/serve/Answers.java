package org.scokg.serve;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.scokg.query.CannedQuery;

/**
 * The answers of canned queries, kept in memory (Jena's {@link CacheFactory}, at most
 * {@link #ENTRIES} answers) until the data changes, so that a page of an answer is a slice of it
 * rather than a computation of the whole answer (ARQ computes and sorts every row of a query before
 * it skips to an OFFSET), and an unpaged answer is sent as it was written the first time. Measured
 * (docs/HTTP.md): on the store of a generated 10 MB corpus a page of {@code mentions} costs
 * seconds computed, milliseconds sliced; on the seeds, writing a whole answer again for every
 * request costs six times the CPU of sending the kept bytes.
 *
 * <p>The server says when the data changes ({@link #dataChanged()}: after a rebuild, after a write
 * through Fuseki). The key of an answer holds the generation of the data read before the answer's
 * read transaction began, so an answer computed from the data before a change is never found under
 * the generation after it.
 */
final class Answers {
    /** The most answers kept. */
    static final int ENTRIES = 64;

    /**
     * The first rows of an answer, in order, and the whole of it as sent in each media type asked
     * for so far (written once: Jena's result writers cost milliseconds for an answer of a few
     * hundred rows, the kept bytes nothing).
     */
    record Answer(List<Var> vars, List<Binding> rows, Map<String, byte[]> written) {
        Answer(List<Var> vars, List<Binding> rows) { this(vars, rows, new ConcurrentHashMap<>()); }

        /** The whole answer as {@code mediaType}, written by {@code write} the first time. */
        byte[] written(String mediaType, Supplier<byte[]> write) {
            return written.computeIfAbsent(mediaType, t -> write.get());
        }
    }

    private final Cache<String, Answer> cache = CacheFactory.createCache(ENTRIES);
    private final AtomicLong generation = new AtomicLong();

    /**
     * The answer of {@code query} with {@code values} bound: the kept one, or else what
     * {@code compute} answers, in a read transaction it begins itself (after this method has read
     * the generation of the data).
     */
    Answer get(CannedQuery query, Binding values, Supplier<Answer> compute) {
        StringBuilder key = new StringBuilder().append(generation.get()).append(' ').append(query.name());
        for (CannedQuery.Param p : query.params()) {
            var v = values.get(Var.alloc(p.variable()));
            if (v != null) key.append(' ').append(p.name()).append('=').append(NodeFmtLib.strNT(v));
        }
        return cache.get(key.toString(), k -> compute.get());
    }

    /** Forgets every answer: the data changed (a rebuild or a write committed). */
    void dataChanged() {
        generation.incrementAndGet();
        cache.clear();
    }
}
