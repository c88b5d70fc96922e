package org.scokg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.scokg.query.CannedQuery;
import org.scokg.query.Page;
import org.scokg.store.ScokgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(modelTransformer = Main.CollectErrors.class, name = "query", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the canned query queries/NAME.rq against the store (over the union of all graphs).",
                   "Formats: tsv (SPARQL 1.1 TSV results, the default), csv (SPARQL 1.1 CSV), json (SPARQL 1.1 JSON), text (aligned table).",
                   "Every query also takes --param limit=N and --param offset=N: one page of its ordered answer."})
final class QueryCommand extends Base {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "The TDB2 store directory.")
    Path db;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A query parameter (repeatable); limit and offset page the answer.")
    List<String> params;

    @Option(names = "--format", paramLabel = "tsv|csv|json|text", defaultValue = "tsv", description = "Result format (default tsv).")
    String format;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0", description = "Give up after SECONDS (0: no limit).")
    long timeoutSeconds;

    @Parameters(index = "0", paramLabel = "NAME", description = "The canned query, e.g. meetings, mentions, agreement-trace.")
    String name;

    @Override
    int run() throws Exception {
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("tsv", "csv", "json", "text").contains(f)) throw fail("unknown format '" + format + "'; use tsv, csv, json or text");
        Map<String, String> values = Queries.params(params);
        CannedQuery q = Queries.catalogue().get(name);
        Page page = Page.take(values);
        q.bind(values); // check the parameters, and that the query can be paged, before touching the store
        q.query(page);
        try (ScokgStore store = ScokgStore.openExisting(db)) {
            Dataset ds = store.dataset();
            emit(null, out -> Txn.executeRead(ds, () -> {
                try (QueryExecution qe = q.prepare(ds, values, page, timeoutSeconds * 1000)) {
                    if (qe.getQuery().isAskType()) {
                        boolean b = qe.execAsk();
                        switch (f) {
                            case "json" -> ResultSetFormatter.outputAsJSON(out, b);
                            case "csv" -> ResultSetFormatter.outputAsCSV(out, b);
                            case "tsv" -> ResultSetFormatter.outputAsTSV(out, b);
                            default -> ResultSetFormatter.out(out, b);
                        }
                    } else if (qe.getQuery().isConstructType() || qe.getQuery().isDescribeType()) {
                        var m = qe.getQuery().isConstructType() ? qe.execConstruct() : qe.execDescribe();
                        RDFDataMgr.write(out, m, f.equals("json") ? RDFFormat.JSONLD11_PRETTY : RDFFormat.TURTLE_PRETTY);
                    } else {
                        ResultSet rs = qe.execSelect();
                        switch (f) {
                            case "json" -> ResultSetFormatter.outputAsJSON(out, rs);
                            case "csv" -> ResultSetFormatter.outputAsCSV(out, rs);
                            case "tsv" -> ResultSetFormatter.outputAsTSV(out, rs);
                            default -> ResultSetFormatter.out(out, rs, qe.getQuery().getPrefixMapping());
                        }
                    }
                }
            }));
        }
        return 0;
    }
}
