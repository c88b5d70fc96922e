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
 */
public record ServerOptions(Path db, String host, int port, long queryTimeoutMillis, CannedQueries queries) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    public ServerOptions {
        if (db == null) throw new IllegalArgumentException("no store directory given");
        if (host == null || host.isBlank()) host = DEFAULT_HOST;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (queryTimeoutMillis <= 0) queryTimeoutMillis = DEFAULT_TIMEOUT_MILLIS;
    }

    /** The built-in canned queries. */
    public ServerOptions(Path db, String host, int port, long queryTimeoutMillis) {
        this(db, host, port, queryTimeoutMillis, null);
    }

    /** The same options with another catalogue of canned queries. */
    public ServerOptions withQueries(CannedQueries queries) {
        return new ServerOptions(db, host, port, queryTimeoutMillis, queries);
    }
}
