package org.scokg.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.scokg.serve.ServerOptions;
import org.scokg.store.ScokgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code up}: build {@code seeds/} into {@code data/tdb2} when stale, then serve. Paths are
 * relative to the current directory (run it from the repository root).
 *
 * <p>Stale means: no store at {@code data/tdb2}, or no stamp file {@code data/tdb2.stamp},
 * or any file under {@code seeds/}, {@code ontology/} or {@code queries/}, or the running
 * jar, is newer than the stamp, or the list of seed files (names and sizes, recorded in the
 * stamp) changed, which also catches deleted seeds and copies that kept an old time. The
 * stamp is written only after a successful build. A stale store is rebuilt with pruning,
 * so graphs of seeds that were removed disappear.
 */
@Command(modelTransformer = Main.CollectErrors.class, name = "up", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Build seeds/ into data/tdb2 when stale (relative to the current directory), then serve.",
                   "Stale: no store, no stamp data/tdb2.stamp, a seed/ontology/query file or the jar newer than the stamp,",
                   "or the set of seed files changed."})
final class UpCommand extends Base {
    static final Path SEEDS = Path.of("seeds");
    static final Path DB = Path.of("data", "tdb2");
    static final Path STAMP = Path.of("data", "tdb2.stamp");

    @Option(names = "--port", defaultValue = "3030", paramLabel = "PORT", description = "Port (default 3030).")
    int port;

    @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST, paramLabel = "HOST", description = "Address to bind (default 127.0.0.1).")
    String host;

    @picocli.CommandLine.Mixin
    ServeCommand.Limits limits;

    @Option(names = "--watch", description = "Rebuild the store while serving when seeds/ changes.")
    boolean watch;

    @Override
    int run() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(SEEDS))
            throw fail("no seeds/ directory in " + cwd + "; run scokg up from the repository root");
        String reason = staleness(SEEDS, DB, STAMP, jar());
        if (reason != null) {
            progress("building " + SEEDS + " into " + DB + " (" + reason + ")");
            BuildCommand.build(this, DB, List.of(SEEDS), true);
            AtomicFiles.write(STAMP, out -> out.write(fingerprint(SEEDS).getBytes(StandardCharsets.UTF_8)));
        } else {
            progress("store " + DB + " is up to date");
        }
        ServeCommand.serve(this, DB, host, port, limits, watch ? List.of(SEEDS) : null);
        return 0;
    }

    /** Why the store is stale, or null when it is up to date. */
    static String staleness(Path seeds, Path db, Path stamp, Path jar) throws IOException {
        if (!ScokgStore.exists(db)) return "no store yet";
        if (!Files.isRegularFile(stamp)) return "no build stamp";
        FileTime built = Files.getLastModifiedTime(stamp);
        List<Path> watched = new ArrayList<>(files(seeds));
        watched.addAll(files(Path.of("ontology")));
        watched.addAll(files(Path.of("queries")));
        if (jar != null) watched.add(jar);
        for (Path p : watched)
            if (Files.getLastModifiedTime(p).compareTo(built) > 0) return p + " changed";
        String recorded = Files.readString(stamp, StandardCharsets.UTF_8);
        if (!recorded.equals(fingerprint(seeds))) return "the set of seed files changed";
        return null;
    }

    /** One line per seed file: relative path TAB size, sorted. */
    static String fingerprint(Path seeds) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path p : files(seeds)) sb.append(seeds.relativize(p)).append('\t').append(Files.size(p)).append('\n');
        return sb.toString();
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The jar this program runs from, or null when it runs from classes (development). */
    static Path jar() {
        try {
            var src = Main.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
