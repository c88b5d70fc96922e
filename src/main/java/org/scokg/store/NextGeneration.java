package org.scokg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.base.Sys;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.sys.IO_DB;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.FilenameUtils;
import org.apache.jena.tdb2.sys.StoreConnection;

/**
 * A new generation of a TDB2 store, written beside the one in use and switched in at once,
 * the way TDB2's compaction does it ({@code DatabaseOps.compact}): a TDB2 store directory
 * holds its data in {@code Data-NNNN} directories and always opens the highest-numbered one.
 * The new generation is written in {@code Data-NNNN-tmp}, which TDB2 deletes when it opens a
 * store (an interrupted compaction leaves one), then renamed to {@code Data-NNNN}: an atomic
 * rename, the one step that makes the new state the store's. A process killed before it
 * leaves the old generation, untouched; killed after it, the new one, complete.
 *
 * <p>{@link #switchIn()} also switches the open store over in this process: transactions
 * that begin afterwards see the new generation; the old one is released and deleted. TDB2's
 * switchable dataset does not keep a transaction on the generation it began on, so no
 * transaction may be running across the switch, and no writer may change the old generation
 * after its content was read: the caller keeps every other transaction out from before it
 * reads the store until after the switch (the dataset's exclusive mode).
 *
 * <p>Use on one thread; {@link #close()} deletes the new generation unless it was switched in.
 */
final class NextGeneration implements AutoCloseable {
    private static final Pattern GENERATION = Pattern.compile("Data-(\\d+)");

    private final DatasetGraphSwitchable container;
    private final DatasetGraphTDB current;
    private final Path temporary, target;
    private DatasetGraphTDB next;
    private boolean switched;

    private NextGeneration(DatasetGraphSwitchable container, DatasetGraphTDB current, Path temporary, Path target) {
        this.container = container;
        this.current = current;
        this.temporary = temporary;
        this.target = target;
    }

    /**
     * True when {@code dsg} is a TDB2 store on disk whose generations can be switched (not on
     * MS Windows, which cannot rename a directory whose files were mapped: TDB2's compaction
     * copies there instead).
     */
    static boolean supports(DatasetGraph dsg) {
        return !Sys.isWindows && dsg instanceof DatasetGraphSwitchable sw && sw.hasContainerPath()
            && sw.get() instanceof DatasetGraphTDB tdb && !tdb.getLocation().isMem()
            && GENERATION.matcher(IO_DB.asPath(tdb.getLocation()).getFileName().toString()).matches();
    }

    /**
     * Starts an empty generation after the current one of {@code dsg} (see {@link #supports}).
     *
     * @throws IOException when its directory cannot be made
     */
    static NextGeneration create(DatasetGraph dsg) throws IOException {
        if (!supports(dsg)) throw new IllegalArgumentException("not a TDB2 store on disk: " + dsg);
        DatasetGraphSwitchable container = (DatasetGraphSwitchable) dsg;
        DatasetGraphTDB current = (DatasetGraphTDB) container.get();
        Path now = IO_DB.asPath(current.getLocation());
        Matcher m = GENERATION.matcher(now.getFileName().toString());
        if (!m.matches()) throw new IllegalStateException("not a TDB2 data directory: " + now);
        String name = FilenameUtils.filename("Data", "-", Integer.parseInt(m.group(1)) + 1);
        Path target = now.resolveSibling(name), temporary = now.resolveSibling(name + "-tmp");
        if (Files.exists(target)) throw new IOException(target + " already exists");
        deleteTree(temporary);
        Files.createDirectory(temporary);
        NextGeneration g = new NextGeneration(container, current, temporary, target);
        try {
            // The store's settings, as compaction copies them: tdb.cfg and the optimizer's *.opt.
            try (Stream<Path> s = Files.list(now)) {
                for (Path f : s.toList()) {
                    String n = f.getFileName().toString();
                    if (n.equals("tdb.cfg") || n.endsWith(".opt")) Files.copy(f, temporary.resolve(n));
                }
            }
            g.next = connect(temporary);
            return g;
        } catch (IOException | RuntimeException e) {
            g.close();
            throw e;
        }
    }

    private static DatasetGraphTDB connect(Path dir) {
        return StoreConnection.connectCreate(Location.create(dir)).getDatasetGraphTDB();
    }

    private static void release(Path dir) {
        StoreConnection.internalExpel(Location.create(dir), true);
    }

    /** The new generation's dataset, seen by nobody else until {@link #switchIn()}. */
    DatasetGraphTDB dataset() {
        return next;
    }

    /**
     * The new generation's directory ({@code Data-NNNN-tmp}), for files of the write's own
     * that must not outlive it: TDB2 deletes the directory when it opens the store after a
     * kill; delete them before {@link #switchIn()}.
     */
    Path directory() {
        return temporary;
    }

    /** Releases the new generation's dataset and opens it again (after {@link PackedIndexes}). */
    DatasetGraphTDB reopen() {
        release(temporary);
        next = connect(temporary);
        return next;
    }

    /**
     * Makes the new generation the store's: renames it into place, switches the open store
     * over (transactions from now on see it), then waits for the transactions still on the
     * old generation and deletes it (failing to delete it is not an error: TDB2 ignores
     * older generations).
     */
    void switchIn() throws IOException {
        if (switched) throw new IllegalStateException("already switched in");
        release(temporary);
        next = null;
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        switched = true;
        DatasetGraphTDB fresh = connect(target);
        TransactionCoordinator before = current.getTxnSystem().getTxnMgr(), after = fresh.getTxnSystem().getTxnMgr();
        after.execExclusive(() -> {
            after.takeOverFrom(before);
            after.modifyConfigDirect(() -> before.listExternals().forEach(after::addExternal));
            if (!container.change(current, fresh)) container.set(fresh);
        });
        // Never undone: waits until the last transaction on the old generation has ended.
        before.startExclusiveMode();
        StoreConnection.release(current.getLocation());
        // The old generation, and any older one a killed process left behind: TDB2 ignores them.
        try (Stream<Path> s = Files.list(target.getParent())) {
            for (Path p : s.toList()) {
                Matcher m = GENERATION.matcher(p.getFileName().toString());
                if (m.matches() && !p.equals(target)) deleteTree(p);
            }
        } catch (IOException e) {
            // left behind: still ignored
        }
    }

    /** Deletes the new generation unless it was switched in. */
    @Override
    public void close() {
        if (switched) return;
        try {
            if (next != null) release(temporary);
        } catch (RuntimeException e) {
            // deleting it matters more
        }
        next = null;
        try {
            deleteTree(temporary);
        } catch (IOException e) {
            // TDB2 deletes a Data-NNNN-tmp directory the next time it opens the store
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
