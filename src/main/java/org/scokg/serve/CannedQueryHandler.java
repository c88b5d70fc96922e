package org.scokg.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.scokg.query.CannedQuery;
import org.scokg.query.ContainsIndex;
import org.scokg.query.Page;
import org.scokg.query.PageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /scokg/query/NAME?KEY=VALUE...}: runs a canned query; {@code /scokg/query/} lists them.
 * {@code limit} and {@code offset} ask for one {@link Page} of the answer; a page that the answer
 * goes on after has a {@code Link: <...>; rel="next"} header. With a {@link ResultCache}, answers
 * are kept per (query, bound parameters, page, media type) for the state of the data they were
 * computed on; the response says {@code X-Cache: hit} or {@code miss}.
 */
final class CannedQueryHandler {
    /** The response header that says whether the answer came from the cache. */
    static final String CACHE_HEADER = "X-Cache";
    private static final Logger LOG = LoggerFactory.getLogger(CannedQueryHandler.class);

    static final String JSON_RESULTS = "application/sparql-results+json";
    static final String XML_RESULTS = "application/sparql-results+xml";
    static final String CSV = "text/csv";
    static final String TSV = "text/tab-separated-values";
    private static final List<String> OFFERS = List.of(JSON_RESULTS, "application/json", CSV, TSV, XML_RESULTS);
    private static final Map<String, String> FORMATS = Map.of(
        "json", JSON_RESULTS, "csv", CSV, "tsv", TSV, "xml", XML_RESULTS);

    private final Dataset dataset;
    private final QueryCatalog catalog;
    private final long timeoutMillis;
    private final long maxRows;
    private final ResultCache cache;
    /** Narrows the queries with a {@code # @contains} line (agreement-trace's title search). */
    private final ContainsIndexes indexes;
    /** Finds the pages of the queries with a {@code # @page keys ?var} line. */
    private final PageIndexes pageIndexes;
    /** Both, as the queries take them. */
    private final CannedQuery.Narrowing narrowing;
    /** Pages computed at once; the others wait their turn. */
    private final PageGate gate;
    /** The whole answers of the parameterless queries, once the warm-up has computed them; null when off. */
    private final MaterialisedAnswers answers;

    CannedQueryHandler(Dataset dataset, QueryCatalog catalog, long timeoutMillis) {
        this(dataset, catalog, timeoutMillis, Long.MAX_VALUE, null, 0, false);
    }

    /**
     * @param cache the result cache, or null for none
     * @param concurrentPages pages computed at once ({@link PageGate}); 0 for no limit
     * @param materialise whether {@link #warm} also computes the whole answers into files ({@link MaterialisedAnswers})
     */
    CannedQueryHandler(Dataset dataset, QueryCatalog catalog, long timeoutMillis, long maxRows, ResultCache cache, int concurrentPages,
                       boolean materialise) {
        this.dataset = dataset;
        this.answers = materialise ? new MaterialisedAnswers(dataset) : null;
        this.gate = new PageGate(concurrentPages);
        this.catalog = catalog;
        this.timeoutMillis = timeoutMillis;
        this.maxRows = maxRows;
        this.cache = cache;
        this.indexes = new ContainsIndexes(dataset);
        this.pageIndexes = new PageIndexes(dataset);
        this.narrowing = new CannedQuery.Narrowing() {
            @Override public ContainsIndex index(Node property) { return indexes.index(property); }
            @Override public PageIndex pageIndex(CannedQuery query, Binding values) { return pageIndexes.index(query, values); }
        };
    }

    /** The result cache, or null. */
    ResultCache cache() { return cache; }

    /** The indexes that narrow title searches. */
    ContainsIndexes indexes() { return indexes; }

    /** The indexes that find pages. */
    PageIndexes pageIndexes() { return pageIndexes; }

    /** The materialised answers, or null when off. */
    MaterialisedAnswers answers() { return answers; }

    /** Deletes the files of the materialised answers. */
    void close() {
        if (answers != null) answers.close();
    }

    /** @param name the part of the path after {@code /scokg/query/}; empty for the listing */
    void handle(HttpServletRequest req, HttpServletResponse resp, String name) throws IOException {
        resp.setHeader("Vary", "Accept");
        if (name.isEmpty()) {
            listing(resp);
            return;
        }
        CannedQuery q = catalog.get(name);
        if (q == null) {
            Responses.plain(resp, 404, "no canned query '" + name + "'; known: " + String.join(", ", catalog.names()));
            return;
        }
        String type;
        String format = req.getParameter("format");
        if (format != null) {
            type = FORMATS.get(format.strip().toLowerCase(java.util.Locale.ROOT));
            if (type == null) {
                Responses.plain(resp, 400, "format must be one of json, csv, tsv, xml; got: " + Responses.abbreviate(format));
                return;
            }
        } else {
            type = Conneg.choose(req.getHeader("Accept"), OFFERS);
            if (type == null) {
                Responses.plain(resp, 406, "cannot produce " + Responses.abbreviate(req.getHeader("Accept"))
                    + "; available: " + JSON_RESULTS + ", " + CSV + ", " + TSV + ", " + XML_RESULTS);
                return;
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
            if (e.getKey().equals("format")) continue;
            if (e.getValue().length != 1) {
                Responses.plain(resp, 400, "parameter '" + Responses.abbreviate(e.getKey()) + "' is given more than once");
                return;
            }
            params.put(e.getKey(), e.getValue()[0]);
        }
        Page page;
        String key = null;
        try {
            page = Page.take(params);
            if (cache != null) key = key(q, params, page, type);
        } catch (IllegalArgumentException e) {
            Responses.plain(resp, 400, QueryRunner.oneLine(e));
            return;
        }
        Served served;
        try {
            served = serve(q, params, page, type, key);
        } catch (IllegalArgumentException e) {
            Responses.plain(resp, 400, QueryRunner.oneLine(e));
            return;
        } catch (QueryCancelledException e) {
            Responses.plain(resp, 503, "query '" + name + "' timed out after " + timeoutMillis + " ms");
            return;
        } catch (RuntimeException e) {
            LOG.warn("canned query {} failed", name, e);
            Responses.plain(resp, 500, "query '" + name + "' failed: " + QueryRunner.oneLine(e));
            return;
        }
        Answer a = served.answer();
        if (a.next() >= 0) resp.setHeader("Link", "<" + nextPage(req, a.next()) + ">; rel=\"next\"");
        send(resp, a, cache == null ? null : served.hit() ? "hit" : "miss");
    }

    /** The request's path and query with {@code offset} set to {@code next}; the other parameters as the client wrote them. */
    static String nextPage(HttpServletRequest req, long next) {
        StringBuilder sb = new StringBuilder(req.getRequestURI()).append('?');
        String query = req.getQueryString();
        if (query != null)
            for (String part : query.split("&")) {
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                try {
                    name = java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // not percent-encoded properly: kept as written
                }
                if (!part.isEmpty() && !name.equals(Page.OFFSET)) sb.append(part).append('&');
            }
        return sb.append(Page.OFFSET).append('=').append(next).toString();
    }

    private record Served(Answer answer, boolean hit) {}

    /**
     * A page waits at the {@link PageGate} before it is computed; a cached answer does not. After
     * the wait the cache is looked up again: the same page may have been computed meanwhile.
     */
    private Served serve(CannedQuery q, Map<String, String> params, Page page, String type, String key) {
        if (!gate.gates(page.limit())) return serveNow(q, params, page, type, key);
        if (cache != null) {
            Answer hit = Txn.calculateRead(dataset, () -> cache.get(key, cache.state()));
            if (hit != null) return new Served(hit, true);
        }
        return gate.through(() -> serveNow(q, params, page, type, key));
    }

    /**
     * Without a cache: runs the query. With one: in one read transaction, the cached answer for the
     * state of the data that transaction sees, or else the answer computed in it and then cached.
     */
    private Served serveNow(CannedQuery q, Map<String, String> params, Page page, String type, String key) {
        if (cache == null) return new Served(compute(q, params, page, type), false);
        return Txn.calculateRead(dataset, () -> {
            ResultCache.State state = cache.state();
            Answer hit = cache.get(key, state);
            if (hit != null) return new Served(hit, true);
            Answer a = compute(q, params, page, type);
            cache.put(key, state, a);
            return new Served(a, false);
        });
    }

    /**
     * The cache key: name, the parameters as bound (so equivalent spellings of a value share it),
     * the page as numbers, media type.
     */
    private static String key(CannedQuery q, Map<String, String> params, Page page, String type) {
        List<String> bound = new java.util.ArrayList<>(q.boundParams(q.bind(params)));
        if (!page.all()) {
            bound.add(Page.OFFSET + "=" + page.offset());
            if (page.hasLimit()) bound.add(Page.LIMIT + "=" + page.limit());
        }
        return ResultCache.key(q.name(), bound, type);
    }

    private Answer compute(CannedQuery q, Map<String, String> params, Page page, String type) {
        QueryRunner.Outcome outcome = materialised(q, params, page);
        if (outcome == null) outcome = QueryRunner.run(dataset, q, params, page, timeoutMillis, maxRows, narrowing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (type) {
            case CSV -> { if (outcome.rows() != null) ResultSetFormatter.outputAsCSV(out, outcome.rows()); else ResultSetFormatter.outputAsCSV(out, outcome.bool()); }
            case TSV -> { if (outcome.rows() != null) ResultSetFormatter.outputAsTSV(out, outcome.rows()); else ResultSetFormatter.outputAsTSV(out, outcome.bool()); }
            case XML_RESULTS -> { if (outcome.rows() != null) ResultSetFormatter.outputAsXML(out, outcome.rows()); else ResultSetFormatter.outputAsXML(out, outcome.bool()); }
            default -> { if (outcome.rows() != null) ResultSetFormatter.outputAsJSON(out, outcome.rows()); else ResultSetFormatter.outputAsJSON(out, outcome.bool()); }
        }
        long rows = outcome.rows() == null ? 0 : outcome.rows().size();
        long next = !page.all() && outcome.more() && rows > 0 ? page.offset() + rows : -1;
        return new Answer(out.toByteArray(), type + "; charset=utf-8", outcome.truncated() ? maxRows + "; truncated" : null, next);
    }

    /**
     * The rows of the materialised answer when {@code q}'s answer is kept for this state and the
     * request binds no parameter or only {@link CannedQuery#columnParams() column parameters}; else null.
     */
    private QueryRunner.Outcome materialised(CannedQuery q, Map<String, String> params, Page page) {
        if (answers == null) return null;
        Binding values = q.bind(params);
        return Txn.calculateRead(dataset, () -> answers.read(q, values, page, maxRows));
    }

    private static void send(HttpServletResponse resp, Answer a, String cacheStatus) throws IOException {
        resp.setStatus(200);
        if (a.limitHeader() != null) resp.setHeader(ResultLimitFilter.HEADER, a.limitHeader());
        if (cacheStatus != null) resp.setHeader(CACHE_HEADER, cacheStatus);
        resp.setContentType(a.contentType());
        resp.setContentLength(a.body().length);
        resp.getOutputStream().write(a.body());
    }

    /**
     * Builds the page indexes of the canned queries that need no parameter and say
     * {@code # @page keys ?var} (so that the first page a user asks for does not pay for it); then,
     * when materialising, their whole answers, page after page ({@link MaterialisedAnswers}); then,
     * with a result cache, fills it with the JSON answers of the canned queries that need no
     * parameter, for the current state of the data; stops early when {@code stop} says so.
     * Failures are logged only.
     */
    void warm(java.util.function.BooleanSupplier stop) {
        List<CannedQuery> indexed = catalog.names().stream().map(catalog::get)
            .filter(q -> q.pageIndexVar() != null && q.params().stream().noneMatch(CannedQuery.Param::required)).toList();
        for (CannedQuery q : indexed) {
            if (stop.getAsBoolean()) return;
            try {
                Txn.executeRead(dataset, () -> pageIndexes.index(q, q.bind(Map.of())));
            } catch (RuntimeException e) {
                if (stop.getAsBoolean()) return;
                LOG.warn("building the page index of canned query {} failed: {}", q.name(), QueryRunner.oneLine(e));
            }
        }
        // every index first, so that pages are found through them while the answers are built
        if (answers != null)
            for (CannedQuery q : indexed) {
                if (stop.getAsBoolean()) return;
                answers.build(q, page -> QueryRunner.run(dataset, q, Map.of(), page, timeoutMillis, Long.MAX_VALUE, narrowing), stop);
            }
        if (cache == null) return;
        for (String n : catalog.names()) {
            if (stop.getAsBoolean()) return;
            CannedQuery q = catalog.get(n);
            if (q.params().stream().anyMatch(CannedQuery.Param::required)) continue;
            try {
                serve(q, Map.of(), Page.ALL, JSON_RESULTS, key(q, Map.of(), Page.ALL, JSON_RESULTS));
            } catch (RuntimeException e) {
                if (stop.getAsBoolean()) return;
                LOG.warn("warming the cache: canned query {} failed: {}", n, QueryRunner.oneLine(e));
            }
        }
    }

    private static JsonObject param(String name, String type, boolean required, String description) {
        JsonObject o = new JsonObject();
        o.put("name", name);
        o.put("type", type);
        o.put("required", required);
        o.put("description", description);
        return o;
    }

    private void listing(HttpServletResponse resp) throws IOException {
        JsonObject root = new JsonObject();
        JsonArray arr = new JsonArray();
        for (String n : catalog.names()) {
            CannedQuery q = catalog.get(n);
            JsonObject o = new JsonObject();
            o.put("name", n);
            o.put("path", "/scokg/query/" + n);
            o.put("description", q.description());
            JsonArray ps = new JsonArray();
            for (CannedQuery.Param p : q.params())
                ps.add(param(p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT), p.required(), p.description()));
            if (q.query().isSelectType()) {
                ps.add(param(Page.LIMIT, "integer", false, "at most this many rows (paging; when more rows follow, a Link rel=\"next\" header gives the next page)"));
                ps.add(param(Page.OFFSET, "integer", false, "skip this many rows of the ordered answer (paging)"));
            }
            o.put("params", ps);
            JsonArray cols = new JsonArray();
            q.columns().forEach(cols::add);
            o.put("columns", cols);
            arr.add(o);
        }
        root.put("queries", arr);
        if (!catalog.problems().isEmpty()) {
            JsonArray pr = new JsonArray();
            catalog.problems().forEach(pr::add);
            root.put("problems", pr);
        }
        byte[] bytes = (JSON.toString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
