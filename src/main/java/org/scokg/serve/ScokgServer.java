package org.scokg.serve;

/**
 * A running Fuseki server over a scokg store (see README: HTTP).
 * TEMPORARY skeleton: the serve step fills it in.
 */
public final class ScokgServer implements AutoCloseable {
    private ScokgServer() {}

    /** Starts serving; returns once the server answers. */
    public static ScokgServer start(ServerOptions options) {
        throw new UnsupportedOperationException("serve is not built yet");
    }

    /** The port actually bound. */
    public int port() { throw new UnsupportedOperationException(); }

    /** Blocks until the server stops. */
    public void join() { throw new UnsupportedOperationException(); }

    @Override
    public void close() {}
}
