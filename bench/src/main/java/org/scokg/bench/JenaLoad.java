package org.scokg.bench;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * The loading baseline, run as a child JVM as {@code scokg load} is: Jena's own TDB2 bulk
 * loader ({@link LoaderFactory}, what {@code tdb2.tdbloader} runs) loads one RDF file into a
 * store, with no step of scokg's around it.
 *
 * <p>{@code JenaLoad phased|parallel|basic DIR FILE}
 */
public final class JenaLoad {
    private JenaLoad() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: JenaLoad phased|parallel|basic DIR FILE");
            System.exit(2);
        }
        MonitorOutput quiet = (fmt, a) -> {};
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(args[1]);
        DataLoader loader = switch (args[0]) {
            case "basic" -> LoaderFactory.basicLoader(dsg, quiet);
            case "parallel" -> LoaderFactory.parallelLoader(dsg, quiet);
            case "phased" -> LoaderFactory.phasedLoader(dsg, quiet);
            default -> throw new IllegalArgumentException("no loader " + args[0]);
        };
        loader.startBulk();
        try {
            loader.load(args[2]);
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        System.out.println("loaded " + loader.countQuads() + " quads");
    }
}
