package org.scokg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.scokg.serve.ScokgServer;
import org.scokg.serve.ServerOptions;
import org.scokg.store.ScokgStore;
import org.scokg.text.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(modelTransformer = Main.CollectErrors.class, name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve the store with Fuseki: SPARQL at /scokg/sparql, canned queries at /scokg/query/NAME, linked-data pages.",
                   "Read-only unless --allow-update --password-file FILE. TDB2 lets one process use a store: to rebuild",
                   "a served store, use --watch INPUT (rebuilt in this process; requests see the old or the new data)."})
final class ServeCommand extends Base {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "The TDB2 store directory.")
    Path db;

    @Option(names = "--port", defaultValue = "3030", paramLabel = "PORT", description = "Port (default 3030; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST, paramLabel = "HOST", description = "Address to bind (default 127.0.0.1).")
    String host;

    @Mixin
    Limits limits;

    @Option(names = "--watch", paramLabel = "INPUT", description = "Rebuild the store (with pruning) from these inputs when they change.")
    List<Path> watch;

    @Override
    int run() throws Exception {
        if (!ScokgStore.exists(db)) throw fail("no store at " + db + "; run scokg build --db " + db + " INPUT... first");
        serve(this, db, host, port, limits, watch);
        return 0;
    }

    /** Server limits and write access, shared by serve and up. */
    static final class Limits {
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Stop any one query after SECONDS (default 30).")
        double timeoutSeconds;

        @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000", description = "Answer at most N rows per query (default 100000).")
        long maxRows;

        @Option(names = "--allow-update", description = "Accept SPARQL Update (/scokg/update) and Graph Store writes (/scokg/data) from users of --password-file.")
        boolean allowUpdate;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Users for --allow-update, one 'user: password' per line (HTTP Basic).")
        Path passwordFile;

        ServerOptions options(Path db, String host, int port) {
            if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) throw fail("--timeout must be between 0 and 86400 seconds");
            if (maxRows < 1) throw fail("--max-rows must be at least 1");
            if (allowUpdate && passwordFile == null) throw fail("--allow-update needs --password-file FILE (users who may write)");
            if (!allowUpdate && passwordFile != null) throw fail("--password-file is only used with --allow-update");
            ServerOptions o = new ServerOptions(db, host, port, Math.max(1, Math.round(timeoutSeconds * 1000))).withMaxRows(maxRows);
            return allowUpdate ? o.withUpdates(passwordFile) : o;
        }
    }

    static void serve(Base cmd, Path db, String host, int port, Limits limits, List<Path> watch) {
        ScokgServer server = ScokgServer.start(limits.options(db, host, port));
        String shown = host.equals("0.0.0.0") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        String url = "http://" + shown + ":" + server.port() + "/";
        cmd.progress("serving " + db + " at " + url + " (SPARQL: " + url + "scokg/sparql)"
            + (limits.allowUpdate ? "; updates with authentication at " + url + "scokg/update" : "; read-only") + "; Ctrl-C stops");
        if (watch != null && !watch.isEmpty()) {
            server.watch(watch, new SourceReader(), Duration.ofSeconds(2), cmd::progress);
            cmd.progress("watching " + watch + " for changes");
        }
        server.join();
    }
}
