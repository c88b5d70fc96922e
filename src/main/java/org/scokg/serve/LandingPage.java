package org.scokg.serve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.scokg.model.ScriptLabels;
import org.scokg.query.CannedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /}: the page for people. Server-rendered, no scripts, nothing fetched from elsewhere. */
final class LandingPage {
    private static final Logger LOG = LoggerFactory.getLogger(LandingPage.class);

    private final Dataset dataset;
    private final QueryCatalog catalog;
    private final long timeoutMillis;
    private final LinkedData ld;

    LandingPage(Dataset dataset, QueryCatalog catalog, long timeoutMillis, LinkedData ld) {
        this.dataset = dataset;
        this.catalog = catalog;
        this.timeoutMillis = timeoutMillis;
        this.ld = ld;
    }

    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String title = req.getParameter("title");
        if (title != null && title.isBlank()) title = null;
        StringBuilder b = new StringBuilder(Html.head("scokg · 上海合作组织文件知识图谱"));
        // One read transaction for the whole page: during a rebuild the page shows the old
        // data or the new, never parts of both (the queries below join this transaction).
        String searched = title;
        int status = Txn.calculateRead(dataset, () -> page(b, searched));
        Responses.html(resp, status, b.toString());
    }

    /** Writes the page's body into {@code b}; returns the HTTP status. */
    private int page(StringBuilder b, String title) {
        int status = 200;
        b.append("<h1>SCO documents knowledge graph</h1>\n")
         .append("<p>Meetings, participants, chairmanships and every named document cited in the Chinese texts of the ")
         .append("Shanghai Cooperation Organisation (上海合作组织), as linked data.</p>\n");

        // search
        b.append("<h2>Trace an agreement</h2>\n")
         .append("<form class=\"search\" method=\"get\" action=\"/\">")
         .append("<label for=\"title\">Title, in any spelling, traditional script or pinyin: </label>")
         .append("<input type=\"text\" id=\"title\" name=\"title\" value=\"").append(Html.esc(title)).append("\" placeholder=\"上合组织宪章\"> ")
         .append("<button type=\"submit\">Trace</button></form>\n");
        if (title != null) status = isPinyin(title) ? tracePinyin(b, title) : trace(b, title);

        // meetings
        b.append("<h2>Meetings</h2>\n");
        meetings(b);

        // canned queries
        b.append("<h2>Canned queries</h2>\n");
        if (catalog.names().isEmpty()) b.append("<p class=\"note\">No canned queries are available.</p>\n");
        else {
            b.append("<ul class=\"queries\">\n");
            for (String n : catalog.names()) {
                CannedQuery q = catalog.get(n);
                b.append("<li>").append(Html.link("/scokg/query/" + n, n));
                if (!q.params().isEmpty()) {
                    b.append(" <code>");
                    for (int i = 0; i < q.params().size(); i++)
                        b.append(i > 0 ? "&amp;" : "?").append(Html.esc(q.params().get(i).name())).append("=…");
                    b.append("</code>");
                }
                if (!q.description().isEmpty()) b.append(" — ").append(Html.esc(q.description()));
                b.append("</li>\n");
            }
            b.append("</ul>\n<p>Results are SPARQL JSON by default; ask for <code>text/csv</code>, ")
             .append("<code>text/tab-separated-values</code> or <code>application/sparql-results+xml</code> with ")
             .append("<code>Accept</code>, or add <code>format=csv|tsv|xml|json</code>. ")
             .append("Every query also takes <code>limit</code> and <code>offset</code> for paging through its ordered ")
             .append("answer (<code>?limit=100&amp;offset=200</code>); when more rows follow, the answer has a ")
             .append("<code>Link: &lt;…&gt;; rel=\"next\"</code> header. ")
             .append(Html.link("/scokg/query/", "The list as JSON")).append(".</p>\n");
        }
        for (String p : catalog.problems()) b.append("<p class=\"note\">").append(Html.esc(p)).append("</p>\n");

        // SPARQL
        b.append("<h2>SPARQL</h2>\n<ul>\n")
         .append("<li>").append(Html.link("/index.html#/dataset/scokg/query", "SPARQL query editor (Fuseki UI)")).append("</li>\n")
         .append("<li>SPARQL 1.1 endpoint (read-only, GET and POST): <code>/scokg/sparql</code> — e.g. ")
         .append(Html.link("/scokg/sparql?query=" + java.net.URLEncoder.encode(
             "SELECT ?g (COUNT(*) AS ?triples) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", java.nio.charset.StandardCharsets.UTF_8),
             "triples per graph")).append("</li>\n")
         .append("<li>Every resource IRI is answered at its own path, e.g. <code>")
         .append(Html.esc(ld.localPath(org.scokg.model.Iris.base() + "meeting/…"))).append("</code>, as HTML, Turtle, JSON-LD, N-Triples or RDF/XML.</li>\n")
         .append("<li>").append(Html.link("/$/ping", "Health check")).append("</li>\n</ul>\n");
        b.append(Html.foot());
        return status;
    }

    /** Runs a canned query, or explains in the page why not; returns null on failure. */
    private ResultSetRewindable run(StringBuilder b, String name, Map<String, String> params) {
        CannedQuery q = catalog.get(name);
        if (q == null) {
            b.append("<p class=\"note\">The canned query <code>").append(Html.esc(name)).append("</code> is not available.</p>\n");
            return null;
        }
        try {
            QueryRunner.Outcome o = QueryRunner.run(dataset, q, params, timeoutMillis);
            if (o.rows() == null) throw new IllegalStateException("canned query '" + name + "' is not a SELECT query");
            return o.rows();
        } catch (IllegalArgumentException e) {
            b.append("<p class=\"error\">").append(Html.esc(QueryRunner.oneLine(e))).append("</p>\n");
        } catch (QueryCancelledException e) {
            b.append("<p class=\"error\">The query timed out after ").append(timeoutMillis).append(" ms.</p>\n");
        } catch (RuntimeException e) {
            LOG.warn("canned query {} failed", name, e);
            b.append("<p class=\"error\">The query failed: ").append(Html.esc(QueryRunner.oneLine(e))).append("</p>\n");
        }
        return null;
    }

    /** True for a search written in Latin letters (pinyin, with or without spaces): no Chinese characters. */
    static boolean isPinyin(String s) {
        return s.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && s.chars().allMatch(c -> c < 0x2E80);
    }

    private static final String PINYIN_LABELS = String.join("\n",
        "PREFIX sco: <" + org.scokg.model.Sco.NS + ">",
        "PREFIX skos: <" + org.scokg.model.Sco.SKOS + ">",
        "SELECT DISTINCT ?doc ?title ?pinyin WHERE {",
        "  ?doc a sco:Document ; skos:altLabel ?pinyin ; skos:prefLabel ?title .",
        "  FILTER(lang(?pinyin) = \"" + ScriptLabels.PINYIN + "\" && lang(?title) = \"zh\")",
        "}");

    /**
     * A search by pinyin: the documents whose pinyin label, lower-cased and without spaces,
     * contains the search lower-cased and without spaces; then the trace of each, by its
     * canonical title, through the canned query {@code agreement-trace}.
     */
    private int tracePinyin(StringBuilder b, String search) {
        String key = ScriptLabels.searchKey(search);
        if (catalog.get("agreement-trace") == null) return trace(b, search);
        Map<String, String> matches = new TreeMap<>();
        try {
            Txn.executeRead(dataset, () -> {
                try (QueryExecution qe = QueryExecution.dataset(dataset).query(PINYIN_LABELS)
                        .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
                    qe.execSelect().forEachRemaining(r -> {
                        if (!key.isEmpty() && ScriptLabels.searchKey(r.getLiteral("pinyin").getLexicalForm()).contains(key))
                            matches.put(r.getResource("doc").getURI(), r.getLiteral("title").getLexicalForm());
                    });
                }
            });
        } catch (QueryCancelledException e) {
            b.append("<p class=\"error\">The search timed out after ").append(timeoutMillis).append(" ms.</p>\n");
            return 503;
        }
        List<QuerySolution> rows = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> m : matches.entrySet()) {
            ResultSetRewindable rs = run(b, "agreement-trace", Map.of("title", m.getValue()));
            if (rs == null) return 400;
            rs.forEachRemaining(r -> {
                if (m.getKey().equals(iri(r, "doc")) && seen.add(iri(r, "mention") + " " + iri(r, "doc"))) rows.add(r);
            });
        }
        rows.sort(java.util.Comparator.comparing((QuerySolution r) -> text(r, "meetingDate") == null)
            .thenComparing(r -> nz(text(r, "meetingDate"))).thenComparing(r -> nz(text(r, "source")))
            .thenComparingLong(r -> r.contains("offset") ? r.getLiteral("offset").getLong() : 0L));
        return render(b, search, rows);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private int trace(StringBuilder b, String title) {
        ResultSetRewindable rs = run(b, "agreement-trace", Map.of("title", title));
        if (rs == null) return catalog.get("agreement-trace") == null ? 200 : 400;
        List<QuerySolution> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        return render(b, title, rows);
    }

    /** The matching documents, the timeline and the citations of the rows of {@code agreement-trace}. */
    private int render(StringBuilder b, String title, List<QuerySolution> rows) {
        if (rows.isEmpty()) {
            b.append("<p>No document matches <q>").append(Html.esc(title)).append("</q>.</p>\n");
            return 200;
        }
        Map<String, String> docs = new LinkedHashMap<>();
        for (QuerySolution r : rows) {
            String doc = iri(r, "doc");
            if (doc != null && !docs.containsKey(doc)) docs.put(doc, text(r, "title"));
        }
        b.append("<h3>Matching document").append(docs.size() == 1 ? "" : "s").append("</h3>\n<ul>\n");
        docs.forEach((doc, t) -> b.append("<li>").append(Html.link(ld.hrefOf(doc), t == null || t.isEmpty() ? doc : "《" + t + "》")).append("</li>\n"));
        b.append("</ul>\n");
        // timeline, one mark per citing year
        TreeMap<Integer, Integer> years = new TreeMap<>();
        for (QuerySolution r : rows) {
            String d = text(r, "meetingDate");
            if (d != null && d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit))
                years.merge(Integer.parseInt(d.substring(0, 4)), 1, Integer::sum);
        }
        b.append("<h3>Citations, oldest first</h3>\n");
        if (!years.isEmpty()) b.append(timeline(years));
        b.append("<table>\n<tr><th>meeting date</th><th>as written</th><th>source</th><th>sentence</th></tr>\n");
        for (QuerySolution r : rows) {
            String src = text(r, "source");
            String srcIri = iri(r, "source");
            b.append("<tr><td>").append(Html.esc(text(r, "meetingDate"))).append("</td><td>")
             .append(r.contains("surface") ? "《" + Html.esc(text(r, "surface")) + "》" : "").append("</td><td>")
             .append(srcIri != null ? Html.link(ld.hrefOf(srcIri), shortSource(srcIri)) : Html.esc(src)).append("</td><td>")
             .append(Html.esc(text(r, "sentence"))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        return 200;
    }

    private static String shortSource(String iri) {
        int i = iri.lastIndexOf('/');
        return i >= 0 && i < iri.length() - 1 ? iri.substring(i + 1) : iri;
    }

    /** An inline SVG with one mark per year, its count above it. */
    static String timeline(TreeMap<Integer, Integer> years) {
        int first = years.firstKey(), last = years.lastKey();
        int span = Math.max(1, last - first);
        int width = 800, left = 40, right = 40;
        StringBuilder s = new StringBuilder("<svg class=\"timeline\" viewBox=\"0 0 " + width + " 90\" role=\"img\" aria-label=\"citations per year\">\n");
        s.append("<line x1=\"").append(left).append("\" y1=\"50\" x2=\"").append(width - right).append("\" y2=\"50\" stroke=\"#57606a\" stroke-width=\"2\"/>\n");
        for (Map.Entry<Integer, Integer> e : years.entrySet()) {
            double x = years.size() == 1 ? width / 2.0 : left + (double) (e.getKey() - first) * (width - left - right) / span;
            int r = Math.min(12, 4 + 2 * e.getValue());
            s.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"50\" r=\"%d\" fill=\"#1d3557\"><title>%d: %d citation%s</title></circle>%n",
                x, r, e.getKey(), e.getValue(), e.getValue() == 1 ? "" : "s"));
            s.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"80\" text-anchor=\"middle\">%d</text>%n", x, e.getKey()));
            s.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"28\" text-anchor=\"middle\">×%d</text>%n", x, e.getValue()));
        }
        return s.append("</svg>\n").toString();
    }

    private void meetings(StringBuilder b) {
        ResultSetRewindable rs = run(b, "meetings", Map.of());
        if (rs == null) return;
        Map<String, QuerySolution> byMeeting = new LinkedHashMap<>();
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        rs.forEachRemaining(r -> {
            String m = iri(r, "meeting");
            if (m == null) return;
            byMeeting.putIfAbsent(m, r);
            String src = iri(r, "source");
            if (src == null) src = text(r, "source");
            if (src != null) sources.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(src);
        });
        if (byMeeting.isEmpty()) {
            b.append("<p>No meetings in the store.</p>\n");
            return;
        }
        b.append("<table>\n<tr><th>meeting</th><th>date</th><th>venue</th><th>chair</th><th>source</th></tr>\n");
        byMeeting.forEach((m, r) -> {
            String body = text(r, "bodyLabel");
            String ord = text(r, "ordinal");
            String label = (body == null || body.isEmpty() ? m : body) + (ord == null || ord.isEmpty() ? "" : " (" + ord + ")");
            String date = text(r, "startDate");
            String end = text(r, "endDate");
            if (end != null && date != null && !end.isEmpty() && !end.equals(date)) date = date + " – " + end;
            String venue = text(r, "venueLabel");
            if ("true".equals(text(r, "online"))) venue = (venue == null || venue.isEmpty() ? "" : venue + ", ") + "online";
            String chair = text(r, "chairName");
            String cc = text(r, "chairCountry");
            b.append("<tr><td>").append(Html.link(ld.hrefOf(m), label)).append("</td><td>").append(Html.esc(date))
             .append("</td><td>").append(Html.esc(venue)).append("</td><td>").append(Html.esc(chair))
             .append(cc == null || cc.isEmpty() ? "" : " <span class=\"dt\">" + Html.esc(cc) + "</span>").append("</td><td>");
            int i = 0;
            for (String s : sources.getOrDefault(m, Set.of())) {
                b.append(i++ > 0 ? "<br>" : "");
                b.append(s.startsWith("http") ? Html.link(ld.hrefOf(s), shortSource(s)) : Html.esc(s));
            }
            b.append("</td></tr>\n");
        });
        b.append("</table>\n");
    }

    private static String text(QuerySolution r, String var) {
        RDFNode n = r.get(var);
        if (n == null) return null;
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        if (n.isURIResource()) return n.asResource().getURI();
        return n.toString();
    }

    private static String iri(QuerySolution r, String var) {
        RDFNode n = r.get(var);
        return n != null && n.isURIResource() ? n.asResource().getURI() : null;
    }
}
