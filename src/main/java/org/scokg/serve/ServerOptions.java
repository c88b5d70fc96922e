package org.scokg.serve;

import java.nio.file.Path;

import org.scokg.query.CannedQueries;

/**
 * How to serve a store.
 *
 * @param db                 the TDB2 directory
 * @param host               the address to bind (127.0.0.1 unless the user says otherwise)
 * @param port               the port; 0 picks a free one
 * @param queryTimeoutMillis overall timeout of any one query (ARQ's query timeout, for SPARQL and
 *                           canned queries alike)
 * @param queries            the canned queries served at {@code /scokg/query/NAME}; null means
 *                           {@link CannedQueries#builtIn()} (the queries packed with scokg)
 * @param maxRows            the most rows one query answers with: the SPARQL endpoint adds
 *                           {@code LIMIT maxRows} to a query with none or a larger one, a canned
 *                           query stops there; the response then says so
 * @param allowUpdate        when true, SPARQL Update at {@code /scokg/update} and the Graph Store
 *                           Protocol at {@code /scokg/data} accept writes from users of {@code passwordFile}
 * @param passwordFile       a Jetty password file ({@code user: password} per line) for HTTP Basic
 *                           authentication of writes; required when {@code allowUpdate}
 */
public record ServerOptions(Path db, String host, int port, long queryTimeoutMillis, CannedQueries queries,
                            long maxRows, boolean allowUpdate, Path passwordFile) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    public static final long DEFAULT_MAX_ROWS = 100_000;

    public ServerOptions {
        if (db == null) throw new IllegalArgumentException("no store directory given");
        if (host == null || host.isBlank()) host = DEFAULT_HOST;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (queryTimeoutMillis <= 0) queryTimeoutMillis = DEFAULT_TIMEOUT_MILLIS;
        if (maxRows <= 0) maxRows = DEFAULT_MAX_ROWS;
        if (allowUpdate && passwordFile == null)
            throw new IllegalArgumentException("updates need credentials: give --password-file FILE with --allow-update");
    }

    /** Read-only, with the built-in canned queries. */
    public ServerOptions(Path db, String host, int port, long queryTimeoutMillis) {
        this(db, host, port, queryTimeoutMillis, null, DEFAULT_MAX_ROWS, false, null);
    }

    /** The same options with another catalogue of canned queries. */
    public ServerOptions withQueries(CannedQueries queries) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, allowUpdate, passwordFile);
    }

    /** The same options with another result-size bound. */
    public ServerOptions withMaxRows(long maxRows) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, allowUpdate, passwordFile);
    }

    /** The same options with writes allowed to the users of {@code passwordFile}. */
    public ServerOptions withUpdates(Path passwordFile) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries, maxRows, true, passwordFile);
    }
}
