package org.scokg.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.scokg.query.CannedQueries;
import org.scokg.query.CannedQuery;
import org.scokg.query.Page;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Sco;
import org.scokg.vocab.ScriptLabels;

/**
 * {@code /}: the page for people. Search a document by any spelling, traditional script or pinyin
 * and see its timeline; the meetings; the canned queries; the way to SPARQL. Server-rendered with
 * jsoup, no scripts, nothing fetched from elsewhere. The page reads the store in one read
 * transaction: during a rebuild it shows the old data or the new, never parts of both.
 */
final class LandingPage implements Pages.Reading {
    private static final String TRACE = "agreement-trace";
    private static final String PINYIN_LABELS = String.join("\n",
        "PREFIX sco: <" + Sco.NS + ">",
        "PREFIX skos: <" + Sco.SKOS + ">",
        "SELECT DISTINCT ?doc ?title ?pinyin WHERE {",
        "  ?doc a sco:Document ; skos:altLabel ?pinyin ; skos:prefLabel ?title .",
        "  FILTER(lang(?pinyin) = \"" + ScriptLabels.PINYIN + "\" && lang(?title) = \"zh\")",
        "}");

    private static final String DOC_TITLE = String.join("\n",
        "PREFIX sco: <" + Sco.NS + ">",
        "PREFIX skos: <" + Sco.SKOS + ">",
        "SELECT ?title WHERE { ?doc a sco:Document ; skos:prefLabel ?title FILTER(lang(?title) = \"zh\") } LIMIT 1");

    private final Dataset dataset;
    private final CannedQueries queries;
    private final LinkedData ld;

    LandingPage(Dataset dataset, CannedQueries queries, LinkedData ld) {
        this.dataset = dataset;
        this.queries = queries;
        this.ld = ld;
    }

    @Override
    public void answer(HttpAction action) {
        String title = action.getRequestParameter("title"), doc = action.getRequestParameter("doc");
        String search = title == null || title.isBlank() ? null : title.strip();
        String onlyDoc = doc == null || doc.isBlank() ? null : doc.strip();
        Document page = Pages.page("scokg · 上海合作组织文件知识图谱");
        int status = Txn.calculateRead(dataset, () -> fill(Pages.main(page), search, onlyDoc));
        Pages.send(action, status, page);
    }

    /** The landing page's trace of one document (its IRI): its citations, per year and one by one. */
    static String citationsHref(String doc) { return AnalystPages.href("/", "doc", doc); }

    /** The page's content, the trace of {@code search} or of the document {@code onlyDoc}; returns the HTTP status. */
    private int fill(Element main, String search, String onlyDoc) {
        main.appendElement("h1").text("SCO documents knowledge graph");
        main.appendElement("p").text("Meetings, participants, chairmanships and every named document cited in the Chinese texts of the "
            + "Shanghai Cooperation Organisation (上海合作组织), as linked data.");

        main.appendElement("h2").text("Trace an agreement");
        Element form = main.appendElement("form").addClass("search").attr("method", "get").attr("action", "/");
        form.appendElement("label").attr("for", "title").text("Title, in any spelling, traditional script or pinyin: ");
        form.appendElement("input").attr("type", "text").attr("id", "title").attr("name", "title")
            .attr("value", search == null ? "" : search).attr("placeholder", "上合组织宪章");
        form.appendText(" ").appendElement("button").attr("type", "submit").text("Trace");
        int status = 200;
        if (search != null || onlyDoc != null) {
            try {
                status = onlyDoc != null ? traceDocument(main, onlyDoc) : trace(main, search, null);
            } catch (IllegalArgumentException e) {
                main.appendElement("p").addClass("error").text(CannedQueryService.oneLine(e));
                status = 400;
            }
        }

        main.appendElement("h2").text("For analysts");
        Element analysts = main.appendElement("ul").addClass("analysts");
        Element li = analysts.appendElement("li");
        Pages.link(li, AnalystPages.SEARCH, "Search the sentences");
        li.appendText(" — every sentence of every source, by words in any script (full-text index), e.g. ");
        Pages.link(li, AnalystPages.href(AnalystPages.SEARCH, "q", "粮食安全"), "粮食安全");
        Pages.link(analysts.appendElement("li"), AnalystPages.CHANGES, "What changed between two years")
            .parent().appendText(" — documents new, dropped and kept; delegates new and gone; chairmanship");
        Pages.link(analysts.appendElement("li"), AnalystPages.ATTENDANCE, "Attendance grid: states × meetings")
            .parent().appendText(" — who represented each state at each meeting; each state's page, each person's page");

        main.appendElement("h2").text("Meetings");
        meetings(main);

        main.appendElement("h2").text("Canned queries");
        cannedQueries(main);

        main.appendElement("h2").text("SPARQL");
        Element ul = main.appendElement("ul");
        Pages.link(ul.appendElement("li"), ScokgServer.UI_LINK, "SPARQL query editor (Fuseki UI)");
        String sparql = ScokgServer.DATASET + "/" + ScokgServer.SPARQL;
        Element endpoint = ul.appendElement("li").appendText("SPARQL 1.1 endpoint (read-only, GET and POST): ");
        endpoint.appendElement("code").text(sparql);
        endpoint.appendText(" — e.g. ");
        Pages.link(endpoint, sparql + "?query=" + URLEncoder.encode(
            "SELECT ?g (COUNT(*) AS ?triples) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", StandardCharsets.UTF_8), "triples per graph");
        Element resources = ul.appendElement("li").appendText("Every resource IRI is answered at its own path, e.g. ");
        resources.appendElement("code").text(ld.localPath(Iris.base() + "meeting/…"));
        resources.appendText(", as HTML, Turtle, JSON-LD, N-Triples or RDF/XML.");
        Pages.link(ul.appendElement("li"), "/$/ping", "Health check");
        return status;
    }

    private void cannedQueries(Element main) {
        if (queries.names().isEmpty()) {
            main.appendElement("p").addClass("note").text("No canned queries are available.");
            return;
        }
        Element ul = main.appendElement("ul").addClass("queries");
        for (String n : queries.names()) {
            CannedQuery q = queries.get(n);
            Element li = ul.appendElement("li");
            Pages.link(li, ScokgServer.QUERIES + "/" + n, n);
            if (!q.params().isEmpty()) {
                StringBuilder ps = new StringBuilder();
                for (CannedQuery.Param p : q.params()) ps.append(ps.length() == 0 ? "?" : "&").append(p.name()).append("=…");
                li.appendText(" ").appendElement("code").text(ps.toString());
            }
            if (!q.description().isEmpty()) li.appendText(" — " + q.description());
        }
        Element p = main.appendElement("p");
        p.appendText("Results are SPARQL XML when no Accept header is sent; ask for application/sparql-results+json, text/csv or "
            + "text/tab-separated-values with Accept, or add format=json|csv|tsv|xml. Every query also takes limit and offset "
            + "for paging through its ordered answer (?limit=100&offset=200); when more rows follow, the answer has a "
            + "Link: <…>; rel=\"next\" header. ");
        Pages.link(p, ScokgServer.QUERIES + "/", "The list as JSON");
        p.appendText(".");
    }

    /** The rows of a canned query, inside the caller's read transaction; null (and a note) when it is not there. */
    private List<QuerySolution> run(Element main, String name, Map<String, String> params) {
        if (!queries.names().contains(name)) {
            main.appendElement("p").addClass("note").text("The canned query " + name + " is not available.");
            return null;
        }
        try (QueryExecution qe = queries.get(name).prepare(dataset, params, Page.ALL, 0)) {
            List<QuerySolution> rows = new ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    /** A search written in Latin letters (pinyin, with or without spaces): no Chinese characters. */
    static boolean isPinyin(String s) {
        return s.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && s.chars().allMatch(c -> c < 0x2E80);
    }

    /**
     * The documents that match {@code search} and their citations. A search in pinyin finds the
     * documents whose pinyin label, lower-cased and without spaces, contains the search lower-cased
     * and without spaces, then traces each by its canonical title; any other search is traced as
     * written ({@code agreement-trace} compares canonical keys, so any spelling matches).
     */
    private int trace(Element main, String search, String onlyDoc) {
        List<QuerySolution> rows;
        if (onlyDoc != null) {
            rows = run(main, TRACE, Map.of("title", search));
            if (rows == null) return 200;
            rows.removeIf(r -> !onlyDoc.equals(iri(r, "doc")));
        } else if (isPinyin(search)) {
            String key = ScriptLabels.searchKey(search);
            Map<String, String> titles = new TreeMap<>();
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(PINYIN_LABELS).build()) {
                qe.execSelect().forEachRemaining(r -> {
                    if (!key.isEmpty() && ScriptLabels.searchKey(r.getLiteral("pinyin").getLexicalForm()).contains(key))
                        titles.put(r.getResource("doc").getURI(), r.getLiteral("title").getLexicalForm());
                });
            } catch (QueryCancelledException e) {
                main.appendElement("p").addClass("error").text("The search timed out.");
                return 503;
            }
            rows = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (Map.Entry<String, String> t : titles.entrySet()) {
                List<QuerySolution> found = run(main, TRACE, Map.of("title", t.getValue()));
                if (found == null) return 200;
                for (QuerySolution r : found)
                    if (t.getKey().equals(iri(r, "doc")) && seen.add(iri(r, "mention"))) rows.add(r);
            }
            rows.sort(Comparator.comparing((QuerySolution r) -> text(r, "meetingDate") == null)
                .thenComparing(r -> nz(text(r, "meetingDate"))).thenComparing(r -> nz(text(r, "source")))
                .thenComparingLong(r -> r.contains("offset") ? r.getLiteral("offset").getLong() : 0L));
        } else {
            rows = run(main, TRACE, Map.of("title", search));
            if (rows == null) return 200;
        }
        if (rows.isEmpty()) {
            main.appendElement("p").text("No document matches “" + search + "”.");
            return 200;
        }
        Map<String, String> docs = new LinkedHashMap<>();
        for (QuerySolution r : rows) docs.putIfAbsent(iri(r, "doc"), text(r, "title"));
        main.appendElement("h3").text(docs.size() == 1 ? "Matching document" : "Matching documents");
        Element ul = main.appendElement("ul");
        docs.forEach((doc, t) -> Pages.link(ul.appendElement("li"), ld.hrefOf(doc), t == null || t.isEmpty() ? doc : "《" + t + "》"));
        TreeMap<Integer, Integer> years = new TreeMap<>();
        for (QuerySolution r : rows) {
            String d = text(r, "meetingDate");
            if (d != null && d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit))
                years.merge(Integer.parseInt(d.substring(0, 4)), 1, Integer::sum);
        }
        main.appendElement("h3").text("Citations, oldest first");
        if (!years.isEmpty()) timeline(main, years);
        Element table = Pages.table(main, "meeting date", "as written", "source", "sentence");
        for (QuerySolution r : rows) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(nz(text(r, "meetingDate")));
            tr.appendElement("td").text(r.contains("surface") ? "《" + text(r, "surface") + "》" : "");
            Element src = tr.appendElement("td");
            String srcIri = iri(r, "source");
            if (srcIri != null) Pages.link(src, ld.hrefOf(srcIri), shortSource(srcIri));
            else src.text(nz(text(r, "source")));
            tr.appendElement("td").text(nz(text(r, "sentence")));
        }
        return 200;
    }

    /** The trace of the document {@code doc} alone: by its title, keeping its own citations; 404 for an IRI that is no document. */
    private int traceDocument(Element main, String doc) {
        String title = null;
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(DOC_TITLE).substitution("doc", org.apache.jena.rdf.model.ResourceFactory.createResource(doc)).build()) {
            var rs = qe.execSelect();
            if (rs.hasNext()) title = rs.next().getLiteral("title").getLexicalForm();
        }
        if (title == null) {
            main.appendElement("p").addClass("error").text("No document " + doc + " in the store.");
            return 404;
        }
        return trace(main, title, doc);
    }

    /** An inline SVG with one mark per year, its count above it. */
    static void timeline(Element parent, TreeMap<Integer, Integer> years) {
        int first = years.firstKey(), last = years.lastKey();
        int span = Math.max(1, last - first);
        int width = 800, left = 40, right = 40;
        Element svg = parent.appendElement("svg").addClass("timeline").attr("viewBox", "0 0 " + width + " 90")
            .attr("role", "img").attr("aria-label", "citations per year");
        svg.appendElement("line").attr("x1", "" + left).attr("y1", "50").attr("x2", "" + (width - right)).attr("y2", "50")
            .attr("stroke", "#57606a").attr("stroke-width", "2");
        for (Map.Entry<Integer, Integer> e : years.entrySet()) {
            double x = years.size() == 1 ? width / 2.0 : left + (double) (e.getKey() - first) * (width - left - right) / span;
            String cx = String.format(Locale.ROOT, "%.1f", x);
            int n = e.getValue();
            svg.appendElement("circle").attr("cx", cx).attr("cy", "50").attr("r", "" + Math.min(12, 4 + 2 * n)).attr("fill", "#1d3557")
                .appendElement("title").text(e.getKey() + ": " + n + (n == 1 ? " citation" : " citations"));
            svg.appendElement("text").attr("x", cx).attr("y", "80").attr("text-anchor", "middle").text("" + e.getKey());
            svg.appendElement("text").attr("x", cx).attr("y", "28").attr("text-anchor", "middle").text("×" + n);
        }
    }

    private void meetings(Element main) {
        List<QuerySolution> rows = run(main, "meetings", Map.of());
        if (rows == null) return;
        Map<String, QuerySolution> byMeeting = new LinkedHashMap<>();
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        for (QuerySolution r : rows) {
            String m = iri(r, "meeting");
            if (m == null) continue;
            byMeeting.putIfAbsent(m, r);
            String src = text(r, "source");
            if (src != null) sources.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(src);
        }
        if (byMeeting.isEmpty()) {
            main.appendElement("p").text("No meetings in the store.");
            return;
        }
        Element table = Pages.table(main, "meeting", "date", "venue", "chair", "source");
        byMeeting.forEach((m, r) -> {
            String body = nz(text(r, "bodyLabel"));
            String ord = nz(text(r, "ordinal"));
            String label = (body.isEmpty() ? m : body) + (ord.isEmpty() ? "" : " (" + ord + ")");
            String date = nz(text(r, "startDate"));
            String end = nz(text(r, "endDate"));
            if (!end.isEmpty() && !end.equals(date)) date = date + " – " + end;
            String venue = nz(text(r, "venueLabel"));
            if ("true".equals(text(r, "online"))) venue = (venue.isEmpty() ? "" : venue + ", ") + "online";
            Element tr = table.appendElement("tr");
            Pages.link(tr.appendElement("td"), ld.hrefOf(m), label);
            tr.appendElement("td").text(date);
            tr.appendElement("td").text(venue);
            Element chair = tr.appendElement("td").text(nz(text(r, "chairName")));
            if (text(r, "chairCountry") != null) chair.appendText(" ").appendElement("span").addClass("dt").text(text(r, "chairCountry"));
            Element src = tr.appendElement("td");
            for (String s : sources.getOrDefault(m, Set.of())) (src.childNodeSize() > 0 ? src.appendElement("br").parent() : src).appendText(s);
        });
    }

    private static String shortSource(String iri) {
        int i = iri.lastIndexOf('/');
        return i >= 0 && i < iri.length() - 1 ? iri.substring(i + 1) : iri;
    }

    private static String nz(String s) { return s == null ? "" : s; }

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
