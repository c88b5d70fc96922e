package org.scokg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.scokg.query.CannedQueries;

/** The serve tests' shared set-up: the sample store, an editor's password file, servers closed after each test. */
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

    /** Canned queries written to {@code dir/queries}: pairs of a name and the text of {@code NAME.rq}. */
    static CannedQueries queries(Path dir, String... nameAndText) throws IOException {
        Path qdir = Files.createDirectories(dir.resolve("queries"));
        for (int i = 0; i < nameAndText.length; i += 2) Files.writeString(qdir.resolve(nameAndText[i] + ".rq"), nameAndText[i + 1]);
        return CannedQueries.fromDirectory(qdir);
    }

    /** A password file at {@code dir/passwords} for the user editor, password s3cret. */
    static Path passwordFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("passwords"), "editor: s3cret\n");
    }

    /** The servers a test starts, closed after it: {@code @RegisterExtension final Servers servers = new Servers();}. */
    static final class Servers implements AfterEachCallback {
        private final List<ScokgServer> started = new ArrayList<>();

        ScokgServer start(ServerOptions options) {
            ScokgServer s = ScokgServer.start(options);
            started.add(s);
            return s;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            started.forEach(ScokgServer::close);
            started.clear();
        }
    }
}
