package org.scokg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.store.FSDirectory;
import org.scokg.vocab.Sco;

/**
 * The full-text index of the sentences: jena-text's Lucene index of every {@code sco:text}
 * ({@link SentenceAnalyzer}), in {@code DIR/text} beside the TDB2 data.
 *
 * <p>Kept in step with the data this way. Writes go through jena-text's {@code DatasetGraphText}
 * (the dataset {@link #over} returns), which indexes each sentence added or removed and takes part
 * in TDB2's transaction: Lucene prepares its commit (a {@code pending_segments} file), TDB2 writes
 * its commit point, then Lucene commits (the file becomes {@code segments_N}). A process killed
 * before TDB2's commit point leaves both as they were; one killed after it leaves TDB2's new state,
 * which TDB2 recovers on the next open, and Lucene's pending commit. So on open, an index with a
 * pending commit (or none at all) is rebuilt from the sentences TDB2 holds: in {@code DIR/text.new},
 * then moved to {@code DIR/text}, so that a rebuild killed in turn is simply done again. Queries read
 * the TDB2 dataset itself (its query engine, union default graph) with the index in its context,
 * which is where {@code text:query} looks for it.
 */
final class SentenceIndex {
    private SentenceIndex() {}

    /** One writable view per store directory in a JVM: Lucene allows one writer per index. */
    private static final Map<Path, Dataset> OPEN = new ConcurrentHashMap<>();

    /** The view of the TDB2 dataset {@code tdb} (at {@code dir}) to write through. */
    static Dataset over(Dataset tdb, Path dir) throws StoreException {
        try {
            return OPEN.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> open(tdb, d));
        } catch (IllegalStateException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static Dataset open(Dataset tdb, Path dir) {
        Path index = dir.resolve("text"), fresh = dir.resolve("text.new");
        try {
            if (!complete(index)) {
                delete(index);
                delete(fresh);
                TextIndex rebuilt = TextDatasetFactory.createLuceneIndex(FSDirectory.open(fresh), config());
                Txn.executeRead(tdb, () -> tdb.asDatasetGraph().find(Node.ANY, Node.ANY, Sco.text.asNode(), Node.ANY)
                    .forEachRemaining(q -> rebuilt.addEntity(TextQueryFuncs.entityFromQuad(rebuilt.getDocDef(), q))));
                rebuilt.commit();
                rebuilt.close();
                Files.move(fresh, index, StandardCopyOption.ATOMIC_MOVE);
            }
            return TextDatasetFactory.create(tdb, TextDatasetFactory.createLuceneIndex(FSDirectory.open(index), config()), true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot open the full-text index at " + index + ": " + ScokgStore.oneLine(e), e);
        }
    }

    /** True when {@code index} holds a committed index and no commit left half done. */
    private static boolean complete(Path index) throws IOException {
        if (!Files.isDirectory(index)) return false;
        try (Stream<Path> files = Files.list(index); FSDirectory d = FSDirectory.open(index)) {
            return files.noneMatch(f -> f.getFileName().toString().startsWith(IndexFileNames.PENDING_SEGMENTS)) && DirectoryReader.indexExists(d);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Entities by IRI, sco:text in the field "text"; a uid field, so that a sentence removed leaves the index. */
    private static TextIndexConfig config() {
        EntityDefinition def = new EntityDefinition("uri", "text", Sco.text.asNode());
        def.setUidField("uid");
        TextIndexConfig config = new TextIndexConfig(def);
        config.setAnalyzer(new SentenceAnalyzer());
        return config;
    }
}
