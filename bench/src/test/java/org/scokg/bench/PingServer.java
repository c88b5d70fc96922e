package org.scokg.bench;

import java.io.OutputStream;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in server for {@link ServerProcessTest}, run as a child JVM: {@code PingServer PORT
 * DELAY_MS [CHILD]} listens on 127.0.0.1:PORT after DELAY_MS and answers {@code /$/ping};
 * with CHILD it first starts {@code sleep 600} as a process of its own, as a server with a
 * helper process would.
 */
public final class PingServer {
    public static void main(String[] args) throws Exception {
        if (args.length > 2) new ProcessBuilder("sleep", "600").start();
        Thread.sleep(Long.parseLong(args[1]));
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        s.createContext("/", ex -> {
            byte[] body = "pong".getBytes();
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/$/ping") ? 200 : 404, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        s.start();
    }
}
