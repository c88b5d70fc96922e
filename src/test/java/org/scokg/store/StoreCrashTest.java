package org.scokg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL (kill -9) at any moment leaves the store in the previous
 * good state or the new complete one, never in between, with the full-text index in step
 * with the data; a second process touching a store in use gets one clear line.
 */
class StoreCrashTest {
    @TempDir Path tmp;

    /** What a store holds: meetings, mentions, quads, and the sentences the full-text index finds for a few words. */
    record State(long meetings, long mentions, long quads, Set<String> found) {}

    static final List<String> WORDS = List.of("粮食安全", "数字经济", "比什凯克");

    /**
     * The state of the store at {@code db}, once opened (TDB2 recovers its journal, the full-text
     * index is rebuilt if a commit was left half done); asserts that the index finds exactly the
     * sentences whose text holds each of {@link #WORDS}.
     */
    static State state(Path db) throws StoreException {
        try (ScokgStore s = ScokgStore.openExisting(db)) {
            return Txn.calculateRead(s.dataset(), () -> {
                Set<String> found = new TreeSet<>();
                for (String w : WORDS) {
                    Set<String> indexed = iris(s, "(?x) <http://jena.apache.org/text#query> (sco:text '\\\"" + w + "\\\"')");
                    assertEquals(iris(s, "?x sco:text ?t FILTER(CONTAINS(?t, '" + w + "'))"), indexed, "the index finds " + w + " in " + db);
                    found.addAll(indexed);
                }
                return new State(count(s, "?x a <https://w3id.org/scokg/ontology#Meeting>"),
                    count(s, "?x a <https://w3id.org/scokg/ontology#Mention>"), s.quadCount(), found);
            });
        }
    }

    static Set<String> iris(ScokgStore s, String pattern) {
        try (QueryExecution qe = QueryExecution.dataset(s.dataset())
                .query("PREFIX sco: <https://w3id.org/scokg/ontology#> SELECT DISTINCT ?x WHERE { " + pattern + " }").build()) {
            Set<String> out = new TreeSet<>();
            qe.execSelect().forEachRemaining(r -> out.add(r.getResource("x").getURI()));
            return out;
        }
    }

    static long count(ScokgStore s, String pattern) {
        try (QueryExecution qe = QueryExecution.dataset(s.dataset())
                .query("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + pattern + " }").build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    static List<String> javaCommand(String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", cp, "org.scokg.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * A child process with its stderr collected; {@code writing} opens when it starts its
     * write, {@code finishing} when its inputs are written and the canonical titles come next,
     * {@code compacting} when the write is committed and the store is being compacted.
     */
    static final class Child {
        final Process process;
        final StringBuilder err = new StringBuilder();
        final CountDownLatch writing = new CountDownLatch(1), finishing = new CountDownLatch(1), compacting = new CountDownLatch(1);
        final Thread reader;

        Child(String... args) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(javaCommand(args)).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            process = pb.start();
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (err) { err.append(line).append('\n'); }
                        if (line.startsWith("writing ")) writing.countDown();
                        if (line.startsWith("computing canonical titles")) finishing.countDown();
                        if (line.startsWith("compacting the store")) compacting.countDown();
                    }
                } catch (IOException e) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        int waitFor() throws InterruptedException {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child finished");
            reader.join(5000);
            return process.exitValue();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();                  // SIGKILL on Linux
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            reader.join(5000);
        }

        String err() { synchronized (err) { return err.toString(); } }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    /** A store built from two seeds. */
    Path baseline() throws Exception {
        Path db = tmp.resolve("baseline");
        try (ScokgStore s = ScokgStore.open(db)) {
            assertTrue(s.build(List.of(Path.of("seeds/000_4d1f60703d6d6267.txt"), Path.of("seeds/001_5eea9896fdcb0ecb.txt")), null).usable());
        }
        return db;
    }

    /** A store built from every seed, in this process. */
    Path seedsStore(String name) throws Exception {
        Path db = tmp.resolve(name);
        try (ScokgStore s = ScokgStore.open(db)) {
            assertTrue(s.build(List.of(Path.of("seeds")), null).usable());
        }
        return db;
    }

    /** The store at {@code db} written out as N-Quads to {@code name} in the temporary folder. */
    Path dump(Path db, String name) throws Exception {
        Path nq = tmp.resolve(name);
        try (ScokgStore s = ScokgStore.openExisting(db); var out = Files.newOutputStream(nq)) {
            s.export(ExportFormat.NQ, out);
        }
        return nq;
    }

    /** TDB2 deletes a compaction's half-written generation ({@code Data-NNNN-tmp}) when it opens the store. */
    static void assertNoHalfWrittenGeneration(Path db) throws IOException {
        try (Stream<Path> s = Files.list(db)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith("-tmp")), "a half-written generation is gone once opened");
        }
    }

    /** A copy of {@code baseline} named {@code name}, then {@code scokg build OPTIONS --db COPY seeds} in a child process. */
    Child buildOver(Path baseline, String name, List<String> options) throws IOException {
        Path db = tmp.resolve(name);
        copyTree(baseline, db);
        List<String> args = new ArrayList<>(List.of("build"));
        args.addAll(options);
        args.addAll(List.of("--db", db.toString(), "seeds"));
        return new Child(args.toArray(String[]::new));
    }

    /**
     * Builds every seed over copies of a two-seed store with {@code options}, killing the build
     * at fixed times after its start, after it said it is writing, and after it said its inputs
     * are written: each time the store must be the old one or the new one.
     */
    void killedBuildsLeaveTheOldOrTheNewStore(List<String> options, long[] afterStart, long[] afterWriting, long[] afterInputs)
            throws Exception {
        Path baseline = baseline();
        State old = state(baseline);
        // The new state: the same build, not interrupted.
        Child full = buildOver(baseline, "full", options);
        assertEquals(0, full.waitFor(), full.err());
        State fresh = state(tmp.resolve("full"));
        assertNotEquals(old, fresh);

        int oldSeen = 0, kills = 0;
        List<String> log = new ArrayList<>();
        for (long[] times : List.of(afterStart, afterWriting, afterInputs)) {
            for (long ms : times) {
                Path db = tmp.resolve("kill-" + kills++);
                Child c = buildOver(baseline, db.getFileName().toString(), options);
                String when = ms + " ms after " + (times == afterStart ? "start" : times == afterWriting ? "'writing'" : "'computing'");
                if (times != afterStart) {
                    CountDownLatch said = times == afterWriting ? c.writing : c.finishing;
                    assertTrue(said.await(120, TimeUnit.SECONDS) || !c.process.isAlive(), c.err());
                }
                Thread.sleep(ms);
                boolean wasAlive = c.process.isAlive();
                c.kill();
                State after = state(db);
                log.add(when + (wasAlive ? "" : " (already finished)") + ": "
                    + (after.equals(old) ? "old" : after.equals(fresh) ? "new" : after));
                assertTrue(after.equals(old) || after.equals(fresh), "partial store after kill -9: " + log);
                if (after.equals(old)) oldSeen++;
                assertNoHalfWrittenGeneration(db);
            }
        }
        System.out.println("kill -9 runs " + options + ": " + log);
        assertTrue(oldSeen > 0, "some kills hit before the commit: " + log);
    }

    /** A build over a store with data: one write transaction. */
    @Test
    void killedBuildLeavesTheOldOrTheNewStoreNeverAMix() throws Exception {
        killedBuildsLeaveTheOldOrTheNewStore(List.of(), new long[] {50, 500, 1500}, new long[] {0, 100, 300, 800}, new long[] {0, 100, 300});
    }

    /**
     * Killed while the full-text index's commit is prepared and not done (a {@code pending_segments}
     * file in DIR/text), which is where TDB2 writes its commit point: on the next open the index is
     * rebuilt from the data, so the store is the old or the new one with the index in step
     * ({@link #state} checks it).
     */
    @Test
    void killedBetweenTheCommitsOfTheDataAndTheIndexLeavesThemInStep() throws Exception {
        Path baseline = baseline();
        State old = state(baseline);
        Child full = buildOver(baseline, "full", List.of());
        assertEquals(0, full.waitFor(), full.err());
        State fresh = state(tmp.resolve("full"));
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path db = tmp.resolve("pending-" + i);
            Child c = buildOver(baseline, db.getFileName().toString(), List.of());
            while (c.process.isAlive() && !pending(db)) Thread.onSpinWait();
            c.kill();
            boolean caught = pending(db);
            State after = state(db);
            log.add((caught ? "killed with a pending commit: " : "missed the window: ") + (after.equals(old) ? "old" : after.equals(fresh) ? "new" : after));
            assertTrue(after.equals(old) || after.equals(fresh), log.toString());
            assertFalse(pending(db), "the pending commit is gone once opened");
        }
        System.out.println("kill -9 between the commits: " + log);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("killed with")), log.toString());
    }

    static boolean pending(Path db) {
        try (Stream<Path> s = Files.list(db.resolve("text"))) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("pending_segments"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A load of a store's dump over the store replaces most of it, so it ends with a
     * compaction ({@link StoreCompaction}): killed at any moment of it, the store opens as
     * the complete store, and the half-written generation is gone.
     */
    @Test
    void killedCompactionLeavesTheCompleteStore() throws Exception {
        Path full = seedsStore("seeds");
        State built = state(full);
        Path nq = dump(full, "seeds.nq");
        copyTree(full, tmp.resolve("reloaded"));
        Child uninterrupted = new Child("load", "--db", tmp.resolve("reloaded").toString(), nq.toString());
        assertEquals(0, uninterrupted.waitFor(), uninterrupted.err());
        assertTrue(uninterrupted.err().contains("compacting the store"), uninterrupted.err());
        assertEquals(built, state(tmp.resolve("reloaded")));
        try (Stream<Path> s = Files.list(tmp.resolve("reloaded"))) {
            assertEquals(List.of("Data-0002"), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).toList(),
                "the old generation is deleted");
        }
        int kills = 0;
        for (long ms : new long[] {0, 20, 60, 150, 400}) {
            Path db = tmp.resolve("compaction-" + kills++);
            copyTree(full, db);
            Child c = new Child("load", "--db", db.toString(), nq.toString());
            assertTrue(c.compacting.await(120, TimeUnit.SECONDS) || !c.process.isAlive(), c.err());
            Thread.sleep(ms);
            c.kill();
            assertEquals(built, state(db), "killed " + ms + " ms into the compaction");
            assertNoHalfWrittenGeneration(db);
        }
    }

    /** Rebuilding an unchanged corpus writes only what changes anyway: the description, and blank nodes. */
    @Test
    void rebuildingAnUnchangedCorpusWritesAlmostNothing() throws Exception {
        Path db = seedsStore("again");
        State built = state(db);
        Child c = buildOver(db, "rebuilt", List.of("--prune"));
        assertEquals(0, c.waitFor(), c.err());
        assertEquals(built, state(tmp.resolve("rebuilt")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("committing: (\\d+) quads removed, (\\d+) written, (\\d+) in the store")
            .matcher(c.err());
        assertTrue(m.find(), c.err());
        long removed = Long.parseLong(m.group(1)), written = Long.parseLong(m.group(2)), kept = Long.parseLong(m.group(3));
        assertEquals(built.quads(), kept);
        // the description (rewritten whole), and the ontology's few blank nodes, which a parse names anew
        assertTrue(removed * 20 < kept && written * 20 < kept, c.err());
        assertFalse(c.err().contains("compacting"), c.err());
    }

    /** A load into an empty store, killed: the store is empty, or holds everything. */
    @Test
    void killedLoadLeavesAnEmptyOrACompleteStore() throws Exception {
        Path full = seedsStore("full");
        State fresh = state(full);
        Path nq = dump(full, "full.nq");
        List<String> seen = new ArrayList<>();
        for (long wait : new long[] {500, 1000, 2000, 4000, 8000}) {
            Path db = tmp.resolve("load-" + wait);
            Child c = new Child("load", "--db", db.toString(), nq.toString());
            Thread.sleep(wait);
            c.kill();
            if (!ScokgStore.exists(db)) { seen.add("none"); continue; }      // killed before it made the store
            State after = state(db);
            seen.add(after.quads() == 0 ? "empty" : after.equals(fresh) ? "complete" : after.toString());
            assertTrue(after.quads() == 0 || after.equals(fresh), "partial store after kill -9 of a load: " + after);
        }
        System.out.println("kill -9 of loads: " + seen);
    }

    @Test
    void aSecondProcessGetsOneLineWhenTheStoreIsInUse() throws Exception {
        Path db = tmp.resolve("busy");
        try (ScokgStore s = ScokgStore.open(db)) {
            assertTrue(s.build(List.of(Path.of("seeds/000_4d1f60703d6d6267.txt")), null).usable());
            Child c = new Child("build", "--db", db.toString(), "seeds/001_5eea9896fdcb0ecb.txt");
            assertEquals(1, c.waitFor(), c.err());
            String err = c.err();
            assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), err);
            assertTrue(err.startsWith("scokg: error: the store at " + db + " is in use by another process (pid "
                + ProcessHandle.current().pid() + ")"), err);
        }
    }
}
