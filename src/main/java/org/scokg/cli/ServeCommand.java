package org.scokg.cli;

import java.nio.file.Path;

import org.scokg.serve.ScokgServer;
import org.scokg.serve.ServerOptions;
import org.scokg.store.ScokgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(modelTransformer = Main.CollectErrors.class, name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Serve the store with Fuseki: SPARQL at /scokg/sparql, canned queries at /scokg/query/NAME, linked-data pages.")
final class ServeCommand extends Base {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "The TDB2 store directory.")
    Path db;

    @Option(names = "--port", defaultValue = "3030", paramLabel = "PORT", description = "Port (default 3030; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST, paramLabel = "HOST", description = "Address to bind (default 127.0.0.1).")
    String host;

    @Override
    int run() throws Exception {
        if (!ScokgStore.exists(db)) throw fail("no store at " + db + "; run scokg build --db " + db + " INPUT... first");
        serve(this, db, host, port);
        return 0;
    }

    static void serve(Base cmd, Path db, String host, int port) {
        ServerOptions options = new ServerOptions(db, host, port, 0);
        ScokgServer server = ScokgServer.start(options);
        String shown = host.equals("0.0.0.0") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        String url = "http://" + shown + ":" + server.port() + "/";
        cmd.progress("serving " + db + " at " + url + " (SPARQL: " + url + "scokg/sparql); Ctrl-C stops");
        server.join();
    }
}
