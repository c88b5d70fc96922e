package org.scokg.serve;

import java.nio.file.Path;

/**
 * How to serve a store.
 *
 * @param db                 the TDB2 directory
 * @param host               the address to bind (127.0.0.1 unless the user says otherwise)
 * @param port               the port; 0 picks a free one
 * @param queryTimeoutMillis overall timeout of any one query
 */
public record ServerOptions(Path db, String host, int port, long queryTimeoutMillis) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    public ServerOptions {
        if (db == null) throw new IllegalArgumentException("no store directory given");
        if (host == null || host.isBlank()) host = DEFAULT_HOST;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (queryTimeoutMillis <= 0) queryTimeoutMillis = DEFAULT_TIMEOUT_MILLIS;
    }
}
