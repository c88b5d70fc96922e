package org.scokg.serve;

import java.nio.file.Path;

import org.scokg.query.CannedQueries;

/**
 * How to serve a store.
 *
 * @param db                 the TDB2 directory
 * @param host               the address to bind (127.0.0.1 unless the user says otherwise)
 * @param port               the port; 0 picks a free one
 * @param queryTimeoutMillis overall timeout of any one query
 * @param queries            the canned queries served at {@code /scokg/query/NAME}; null means
 *                           {@link CannedQueries#builtIn()} (the queries packed with scokg)
 * @param maxRows            the most rows (or triples) one query answers with; the SPARQL endpoint
 *                           adds {@code LIMIT maxRows}, canned queries stop there and say so
 * @param allowUpdate        when true, SPARQL Update at {@code /scokg/update} and the Graph Store
 *                           Protocol at {@code /scokg/data} accept writes from users of {@code passwordFile}
 * @param passwordFile       a Jetty password file ({@code user: password} per line) for HTTP Basic
 *                           authentication of writes; required when {@code allowUpdate}
 * @param cacheBytes         the most bytes of canned-query answers kept in the result cache (at most
 *                           {@link #CACHE_ENTRIES} answers); 0 turns the cache off
 * @param warmCache          when true, right after start, after a rebuild and after a write through
 *                           Fuseki that changed the data, the page indexes of the parameterless
 *                           canned queries that say {@code # @page keys ?var} are built in the
 *                           background, and, with a cache, those queries are run so that their first
 *                           request is a hit
 * @param concurrentPages    pages (a {@code limit} of at most 1000 rows)
 *                           computed at once, the others waiting in arrival order; 0 for no limit.
 *                           Default: two per core. Unpaged answers and cache hits never wait
 * @param materialise        when true (and {@code warmCache}), the warm-up also computes the whole
 *                           answer of each of those queries into a file ({@link MaterialisedAnswers}),
 *                           and their pages, unpaged answers and lookups by a column parameter are
 *                           read from it for that state of the data: milliseconds instead of a computation, for a file in the
 *                           temporary directory (about the size of the answer as TSV) and a few
 *                           minutes of one core after each change at 100 MB
 */
public record ServerOptions(Path db, String host, int port, long queryTimeoutMillis, CannedQueries queries,
                            long maxRows, boolean allowUpdate, Path passwordFile, long cacheBytes, boolean warmCache,
                            int concurrentPages, boolean materialise) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    public static final long DEFAULT_MAX_ROWS = 100_000;
    /** Default size of the canned-query result cache. */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    /**
     * Pages computed at once by default: two per core. One per core cut the tail as much but lost
     * a fifth of the throughput (a page waits for the disk now and then, and the core idles).
     */
    public static final int DEFAULT_CONCURRENT_PAGES = 2 * Runtime.getRuntime().availableProcessors();
    /** The most answers the result cache keeps. */
    public static final int CACHE_ENTRIES = 1024;

    public ServerOptions {
        if (db == null) throw new IllegalArgumentException("no store directory given");
        if (host == null || host.isBlank()) host = DEFAULT_HOST;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (queryTimeoutMillis <= 0) queryTimeoutMillis = DEFAULT_TIMEOUT_MILLIS;
        if (maxRows <= 0) maxRows = DEFAULT_MAX_ROWS;
        if (allowUpdate && passwordFile == null)
            throw new IllegalArgumentException("updates need credentials: give --password-file FILE with --allow-update");
        if (cacheBytes < 0) throw new IllegalArgumentException("the cache size cannot be negative: " + cacheBytes);
        if (concurrentPages < 0) throw new IllegalArgumentException("the number of pages computed at once cannot be negative: " + concurrentPages);
    }

    /** Read-only, with the built-in canned queries. */
    public ServerOptions(Path db, String host, int port, long queryTimeoutMillis) {
        this(db, host, port, queryTimeoutMillis, null, DEFAULT_MAX_ROWS, false, null, DEFAULT_CACHE_BYTES, false,
            DEFAULT_CONCURRENT_PAGES, true);
    }

    /** The same options with another catalogue of canned queries. */
    public ServerOptions withQueries(CannedQueries queries) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, allowUpdate, passwordFile, cacheBytes, warmCache, concurrentPages, materialise);
    }

    /** The same options with another result-size bound. */
    public ServerOptions withMaxRows(long maxRows) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, allowUpdate, passwordFile, cacheBytes, warmCache, concurrentPages, materialise);
    }

    /** The same options with writes allowed to the users of {@code passwordFile}. */
    public ServerOptions withUpdates(Path passwordFile) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, true, passwordFile, cacheBytes, warmCache, concurrentPages, materialise);
    }

    /** The same options with a result cache of {@code bytes} (0: no cache). */
    public ServerOptions withCacheBytes(long bytes) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, allowUpdate, passwordFile, bytes, warmCache, concurrentPages, materialise);
    }

    /** The same options with at most {@code pages} pages computed at once (0: no limit). */
    public ServerOptions withConcurrentPages(int pages) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, allowUpdate, passwordFile, cacheBytes, warmCache, pages, materialise);
    }

    /** The same options with the cache warmed (or not) in the background after start. */
    public ServerOptions withWarmCache(boolean warm) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, allowUpdate, passwordFile, cacheBytes, warm, concurrentPages, materialise);
    }

    /** The same options with the whole answers materialised (or not) by the warm-up. */
    public ServerOptions withMaterialise(boolean materialise) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, allowUpdate, passwordFile, cacheBytes, warmCache, concurrentPages, materialise);
    }
}
