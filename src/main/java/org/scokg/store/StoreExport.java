package org.scokg.store;

import static org.scokg.store.ScokgStore.oneLine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.scokg.vocab.Prefixes;

/**
 * Dumps the store, in one read transaction (a consistent state; a server keeps answering),
 * with the prefixes of docs/MODEL.md.
 *
 * <p>Trade-off: N-Quads is streamed straight from the store, in constant memory: the
 * format for large stores. Turtle, TriG and JSON-LD are pretty-printed, which needs the
 * whole graph in memory first.
 */
final class StoreExport {
    private StoreExport() {}

    /**
     * Writes {@code ds} to {@code out} in {@code format}: {@code ttl} the union of all graphs
     * (one graph), {@code trig}, {@code nq} and {@code jsonld} the dataset with its named
     * graphs; {@code jsonld} is compacted with the published context ({@link JsonLdContext}).
     * The stream is not closed.
     */
    static void write(Dataset ds, ExportFormat format, OutputStream out) throws StoreException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        DatasetGraph dsg = ds.asDatasetGraph();
        try {
            Txn.executeRead(dsg, () -> {
                switch (format) {
                    case NQ -> RDFDataMgr.write(out, dsg, Lang.NQUADS);
                    case TTL -> {
                        Graph g = GraphFactory.createDefaultGraph();
                        dsg.getUnionGraph().find().forEachRemaining(g::add);
                        g.getPrefixMapping().setNsPrefixes(Prefixes.standard());
                        RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
                    }
                    case TRIG -> {
                        DatasetGraph copy = DatasetGraphFactory.create();
                        dsg.find().forEachRemaining(copy::add);
                        Prefixes.standard().getNsPrefixMap().forEach(copy.prefixes()::add);
                        RDFDataMgr.write(out, copy, RDFFormat.TRIG_PRETTY);
                    }
                    case JSONLD -> JsonLdContext.write(dsg, out);
                }
            });
            out.flush();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("export failed: " + oneLine(e), e);
        }
    }
}
