package org.scokg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/** The serve tests' shared set-up: the sample store and an editor's password file. */
final class ServeFixtures {
    private ServeFixtures() {}

    static final String SAMPLE = "src/test/resources/fixtures/serve-sample.trig";

    /** A TDB2 store at {@code dir/tdb2} holding the sample graph; returns its directory. */
    static Path sampleStore(Path dir) {
        Path db = dir.resolve("tdb2");
        Dataset ds = TDB2Factory.connectDataset(db.toString());
        Txn.executeWrite(ds, () -> RDFDataMgr.read(ds, SAMPLE));
        return db;
    }

    /** A password file at {@code dir/passwords} for the user editor, password s3cret. */
    static Path passwordFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("passwords"), "editor: s3cret\n");
    }
}
