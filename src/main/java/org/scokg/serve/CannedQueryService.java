package org.scokg.serve;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.ActionService;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.Responses;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.scokg.query.CannedQueries;
import org.scokg.query.CannedQuery;
import org.scokg.query.Page;

/**
 * The canned queries as a Fuseki operation: {@code /scokg/query/NAME?KEY=VALUE…} runs
 * {@code queries/NAME.rq} with the parameters bound as RDF terms; {@code /scokg/query/} lists them.
 * Fuseki dispatches the request (the canned queries are the endpoints of a data access point
 * {@code /scokg/query} over the served dataset, one per query, see {@link ScokgServer}), logs it,
 * counts it in its statistics and applies ARQ's query timeout (503 when it goes off). The format is
 * chosen by Fuseki's content negotiation for result sets (SPARQL JSON, XML, CSV or TSV by
 * {@code Accept}, or {@code format=json|xml|csv|tsv}) and written by Jena's result-set writers;
 * an answer is kept until the data changes ({@link Answers}), and so are the bytes of an unpaged
 * answer, so a repeated request is not written again.
 *
 * <p>{@code limit} and {@code offset} ask for one {@link Page}; when more rows follow, the
 * response has a {@code Link: <…>; rel="next"} header. A query stops at the server's bound on rows
 * ({@code --max-rows}): its response then says {@code Scokg-Result-Limit: N; truncated}.
 */
final class CannedQueryService extends ActionService {
    /** The operation, as Fuseki's statistics and {@code /$/server} name it. */
    static final Operation OPERATION = Operation.alloc("https://w3id.org/scokg/fuseki#canned-query",
        "canned-query", "scokg canned query (queries/NAME.rq)");
    /** The response header that says the answer was cut at the bound on rows. */
    static final String LIMIT_HEADER = "Scokg-Result-Limit";
    /** Request parameters that choose the format of the results, not query parameters. */
    private static final Set<String> RESPONSE_PARAMS = Set.of(HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3);

    private final CannedQueries queries;
    private final String path;
    private final long maxRows;
    private final Answers answers;

    /** @param path where the queries are served, e.g. {@code /scokg/query} */
    CannedQueryService(CannedQueries queries, String path, long maxRows, Answers answers) {
        this.queries = queries;
        this.path = path;
        this.maxRows = maxRows;
        this.answers = answers;
    }

    @Override public void execGet(HttpAction action) { executeLifecycle(action); }
    @Override public void execHead(HttpAction action) { executeLifecycle(action); }

    @Override
    public void execOptions(HttpAction action) {
        ActionLib.doOptionsGetHead(action);
        ServletOps.success(action);
    }

    /** The parameters are checked in {@link #execute}, against the query the endpoint names. */
    @Override
    public void validate(HttpAction action) {}

    @Override
    public void execute(HttpAction action) {
        String name = action.getEndpoint().getName();
        if (name.isEmpty()) {
            ServletOps.sendJsonReponse(action, listing());
            return;
        }
        CannedQuery q = queries.get(name);
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : Collections.list(action.getRequestParameterNames())) {
            if (RESPONSE_PARAMS.contains(p)) continue;
            String[] values = action.getRequestParameterValues(p);
            if (values.length != 1) {
                Pages.message(action, 400, "parameter '" + p + "' is given more than once");
                return;
            }
            params.put(p, values[0]);
        }
        Page asked;
        Binding binding;
        try {
            asked = Page.take(params);
            binding = q.bind(params);
        } catch (IllegalArgumentException e) {
            Pages.message(action, 400, oneLine(e));
            return;
        }
        DatasetGraph dsg = action.getDataset();
        Context cxt = action.getContext();
        if (!q.isSelect()) {
            if (!asked.all()) {
                Pages.message(action, 400, "query '" + name + "' is not a SELECT query: it has no pages");
                return;
            }
            Query ask = q.query(Page.ALL);
            if (!ask.isAskType()) ServletOps.errorBadRequest("query '" + name + "' is not a SELECT or ASK query");
            Responses.doResponseBoolean(action, Txn.calculateRead(dsg, () -> {
                try (QueryExec exec = exec(ask, binding, dsg, cxt)) {
                    return exec.ask();
                }
            }));
            return;
        }
        String type = mediaType(action);
        if (type == null) return;
        // The first maxRows + 1 rows of the answer, kept until the data changes (the row past the
        // bound tells whether the answer goes on); a page past them is computed by itself.
        Page page = asked.atMost(maxRows);
        Answers.Answer whole = answers.get(q, binding, () -> rows(q, new Page(0, maxRows + 1), binding, dsg, cxt));
        boolean inWhole = whole.rows().size() <= maxRows || page.offset() + page.limit() < whole.rows().size();
        Answers.Answer from = inWhole ? whole : rows(q, new Page(page.offset(), page.limit() + 1), binding, dsg, cxt);
        int start = inWhole ? (int) Math.min(page.offset(), whole.rows().size()) : 0;
        int end = (int) Math.min(start + page.limit(), from.rows().size());
        List<Binding> rows = from.rows().subList(start, end);
        if (from.rows().size() > end) {
            if (!asked.all() && !rows.isEmpty())
                action.setResponseHeader("Link", "<" + nextPage(action, page.offset() + rows.size()) + ">; rel=\"next\"");
            if (!(asked.hasLimit() && asked.limit() <= maxRows))
                action.setResponseHeader(LIMIT_HEADER, maxRows + "; truncated");
        }
        Lang lang = WebContent.contentTypeToLangResultSet(type);
        byte[] body = inWhole && start == 0 && end == whole.rows().size()
            ? whole.written(type, () -> write(whole.vars(), rows, lang))
            : write(from.vars(), rows, lang);
        boolean binary = lang.equals(ResultSetLang.RS_Thrift) || lang.equals(ResultSetLang.RS_Protobuf);
        Pages.send(action, 200, binary ? type : type + "; charset=utf-8", body);
    }

    /**
     * The media type of the results, by Fuseki's content negotiation for result sets: its offers
     * ({@link DEF#rsOfferTable}) against {@code Accept}, SPARQL XML when nothing matches (as Fuseki
     * answers at {@code /scokg/sparql}), or Fuseki's short names in {@code format=} or {@code output=};
     * null, answered 400, for a name it does not know.
     */
    private static String mediaType(HttpAction action) {
        for (String p : List.of(HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3)) {
            String v = action.getRequestParameter(p);
            if (v == null) continue;
            String type = Responses.shortNamesResultSet.get(v.strip().toLowerCase(Locale.ROOT));
            if (type == null) Pages.message(action, 400, p + " must be one of " + new TreeSet<>(Responses.shortNamesResultSet.keySet()));
            return type;
        }
        return ConNeg.chooseContentType(action.getRequest(), DEF.rsOfferTable, DEF.acceptResultSetXML).getContentTypeStr();
    }

    /** {@code rows} written by Jena's result-set writer for {@code lang}. */
    private static byte[] write(List<Var> vars, List<Binding> rows, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(vars, rows.iterator())), lang);
        return out.toByteArray();
    }

    /** {@code page} of the answer of {@code q} with {@code values} bound, in a read transaction of its own. */
    private static Answers.Answer rows(CannedQuery q, Page page, Binding values, DatasetGraph dsg, Context cxt) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = exec(q.query(page), values, dsg, cxt)) {
                RowSet rows = exec.select();
                List<Binding> list = new ArrayList<>();
                rows.forEachRemaining(b -> list.add(b.detach())); // detached: TDB2 resolves its nodes within the transaction only
                return new Answers.Answer(rows.getResultVars(), List.copyOf(list));
            }
        });
    }

    /** The execution of {@code query} with {@code values} substituted; ARQ's timeout comes from {@code cxt}. */
    private static QueryExec exec(Query query, Binding values, DatasetGraph dsg, Context cxt) {
        return QueryExec.newBuilder().dataset(dsg).query(query).substitution(values).context(cxt).build();
    }

    /** The request's path and query with {@code offset} set to {@code next}; the other parameters as the client wrote them. */
    static String nextPage(HttpAction action, long next) {
        StringBuilder sb = new StringBuilder(action.getRequestRequestURI()).append('?');
        String query = action.getRequestQueryString();
        if (query != null)
            for (String part : query.split("&")) {
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                try {
                    name = URLDecoder.decode(name, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // not percent-encoded properly: kept as written
                }
                if (!part.isEmpty() && !name.equals(Page.OFFSET)) sb.append(part).append('&');
            }
        return sb.append(Page.OFFSET).append('=').append(next).toString();
    }

    /** {@code /scokg/query/}: every query with its description, parameters and columns. */
    private JsonObject listing() {
        JsonArray arr = new JsonArray();
        for (String n : queries.names()) {
            CannedQuery q = queries.get(n);
            JsonArray ps = new JsonArray();
            for (CannedQuery.Param p : q.params())
                ps.add(param(p.name(), p.type().name().toLowerCase(Locale.ROOT), p.required(), p.description()));
            if (q.isSelect()) {
                ps.add(param(Page.LIMIT, "integer", false, "at most this many rows (paging; when more rows follow, a Link rel=\"next\" header gives the next page)"));
                ps.add(param(Page.OFFSET, "integer", false, "skip this many rows of the ordered answer (paging)"));
            }
            JsonArray cols = new JsonArray();
            q.columns().forEach(cols::add);
            JsonObject o = new JsonObject();
            o.put("name", n);
            o.put("path", path + "/" + n);
            o.put("description", q.description());
            o.put("params", ps);
            o.put("columns", cols);
            arr.add(o);
        }
        JsonObject root = new JsonObject();
        root.put("queries", arr);
        return root;
    }

    private static JsonObject param(String name, String type, boolean required, String description) {
        JsonObject o = new JsonObject();
        o.put("name", name);
        o.put("type", type);
        o.put("required", required);
        o.put("description", description);
        return o;
    }

    /** A message as one line, for a client. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("[\\r\\n]+", " ").strip();
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }
}
