package org.scokg.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.scokg.normalize.NormalizedText;
import org.scokg.query.CannedQueries;
import org.scokg.query.Page;
import org.scokg.vocab.Iris;

/**
 * The analysts' pages (docs/HTTP.md, "Pages for analysts"): full-text search, what changed between
 * two years, a person across the meetings, a state or organisation across the meetings, and the
 * states × meetings attendance grid. Each page is a canned query (search, changes,
 * person-timeline; docs/QUERIES.md) rendered with jsoup, the grid an SVG drawn here; no scripts,
 * nothing fetched from elsewhere. A page reads the store in one read transaction. A bad parameter
 * is 400 with one line of text, as at {@code /scokg/query/NAME}.
 */
record AnalystPages(Dataset dataset, CannedQueries queries, LinkedData ld) {
    static final String SEARCH = "/search", CHANGES = "/changes", PERSON = "/person", STATE = "/state", ATTENDANCE = "/attendance";
    /** Rows a page shows at most; the canned query gives them all. */
    static final int SHOWN = 500;

    /** What a page puts in its main element, inside a read transaction; throws IllegalArgumentException for a bad parameter. */
    private interface Content {
        void fill(Element main, HttpAction action);
    }

    void addTo(FusekiServer.Builder builder) {
        builder.addProcessor(SEARCH, page("Search the sentences", this::search))
            .addProcessor(CHANGES, page("What changed", this::changes))
            .addProcessor(PERSON, page("Person", this::person))
            .addProcessor(STATE, page("State or organisation", this::state))
            .addProcessor(ATTENDANCE, page("Attendance", this::attendance));
    }

    private Pages.Reading page(String title, Content content) {
        return action -> {
            Document page = Pages.page(title + " · scokg");
            try {
                Txn.executeRead(dataset, () -> content.fill(Pages.main(page), action));
            } catch (IllegalArgumentException e) {
                Pages.message(action, 400, CannedQueryService.oneLine(e));
                return;
            } catch (QueryCancelledException e) {
                Pages.message(action, 503, "Query timed out");
                return;
            }
            Pages.send(action, 200, page);
        };
    }

    // ------------------------------------------------------------------ search

    private void search(Element main, HttpAction action) {
        String q = param(action, "q");
        main.appendElement("h1").text("Search the sentences");
        Element form = form(main, SEARCH);
        input(form, "q", "Words, in simplified or traditional script: ", q, "粮食安全");
        form.appendText(" ").appendElement("button").attr("type", "submit").text("Search");
        main.appendElement("p").text("Every sentence of every source text is in a full-text index. A sentence matches when it "
            + "holds each part of the search (parts are separated by spaces) as written; 上合组织 and 上海合作组织 are one.");
        if (q == null) return;
        List<Map<String, String>> rows = rows("search", Map.of("q", q));
        long sources = rows.stream().map(r -> r.get("source")).distinct().count();
        main.appendElement("p").addClass("count").text(rows.size() + (rows.size() == 1 ? " sentence" : " sentences") + " in " + sources
            + (sources == 1 ? " source" : " sources") + ", best first.");
        List<String> parts = List.of(NormalizedText.toSimplified(q).strip().split("\\s+"));
        Element table = Pages.table(main, "source", "meeting date", "sentence", "offset", "score").addClass("results");
        for (Map<String, String> r : shown(main, rows)) {
            Element tr = table.appendElement("tr");
            Pages.link(tr.appendElement("td"), ld.hrefOf(Iris.source(r.get("source"))), r.get("source"));
            tr.appendElement("td").text(nz(r.get("meetingDate")));
            highlight(tr.appendElement("td").addClass("sentence"), r.get("sentence"), parts);
            Pages.link(tr.appendElement("td"), ld.hrefOf(r.get("node")), r.get("offset"));
            tr.appendElement("td").text(String.format(Locale.ROOT, "%.2f", Double.parseDouble(r.get("score"))));
        }
    }

    /** Appends {@code text} to {@code td} with every occurrence of one of {@code parts} in a {@code mark}. */
    static void highlight(Element td, String text, List<String> parts) {
        int plain = 0;
        for (int i = 0; i < text.length(); ) {
            String found = null;
            for (String p : parts) if (!p.isEmpty() && text.startsWith(p, i) && (found == null || p.length() > found.length())) found = p;
            if (found == null) {
                i++;
                continue;
            }
            td.appendText(text.substring(plain, i)).appendElement("mark").text(found);
            i += found.length();
            plain = i;
        }
        td.appendText(text.substring(plain));
    }

    // ------------------------------------------------------------------ changes

    private void changes(Element main, HttpAction action) {
        List<Map<String, String>> meetings = rows("meetings", Map.of());
        List<String> years = meetings.stream().map(r -> year(r.get("startDate"))).filter(y -> y != null).distinct().sorted().toList();
        String from = param(action, "from"), to = param(action, "to"), council = param(action, "council");
        if (from == null && to == null && years.size() >= 2) {
            from = years.get(years.size() - 2);
            to = years.get(years.size() - 1);
        }
        main.appendElement("h1").text("What changed");
        Element form = form(main, CHANGES);
        input(form, "from", "From the year ", from, "2023");
        input(form, "to", " to the year ", to, "2025");
        input(form, "council", " council (optional) ", council, "heads-of-government");
        form.appendText(" ").appendElement("button").attr("type", "submit").text("Compare");
        main.appendElement("p").text("Years with meetings: " + String.join(", ", years) + ".");
        if (from == null || to == null) return;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        if (council != null) params.put("council", council);
        List<Map<String, String>> docs = rows("changes", params);

        main.appendElement("h2").text("Documents cited");
        String[][] kinds = {{"new", "New: cited in " + to + ", not in " + from}, {"dropped", "Dropped: cited in " + from + ", not in " + to},
            {"kept", "Kept: cited in both"}};
        for (String[] kind : kinds) {
            List<Map<String, String>> these = docs.stream().filter(r -> kind[0].equals(r.get("change"))).toList();
            main.appendElement("h3").text(kind[1] + " (" + these.size() + ")");
            Element ul = main.appendElement("ul").addClass("change-" + kind[0]);
            for (Map<String, String> r : these) {
                Element li = ul.appendElement("li");
                Pages.link(li, ld.hrefOf(r.get("doc")), "《" + nz(r.get("title")) + "》");
                li.appendText(" · ");
                Pages.link(li, LandingPage.citationsHref(r.get("doc")), "citations per year");
            }
        }

        delegatesAndChairs(main, meetings, from, to, council);
    }

    /** The delegates new and gone, and the chairmanship statements, of the meetings of the two years (of the council, when given). */
    private void delegatesAndChairs(Element main, List<Map<String, String>> meetings, String from, String to, String council) {
        Map<String, String> meetingYear = new HashMap<>();
        for (Map<String, String> m : meetings)
            if (m.get("meeting") != null && ofCouncil(m.get("council"), council)) meetingYear.put(m.get("meeting"), year(m.get("startDate")));
        Map<String, Map<String, Set<String>>> delegates = new TreeMap<>();
        Map<String, String> labels = new HashMap<>();
        for (Map<String, String> r : rows("person-timeline", Map.of())) {
            String y = meetingYear.get(r.get("meeting"));
            if (!from.equals(y) && !to.equals(y)) continue;
            labels.put(r.get("represents"), nz(r.get("representsLabel")));
            delegates.computeIfAbsent(r.get("represents"), k -> new TreeMap<>()).computeIfAbsent(y, k -> new TreeSet<>())
                .add(delegate(r));
        }
        main.appendElement("h2").text("Delegates by state or organisation");
        Element table = Pages.table(main, "state or organisation", "in " + from, "in " + to, "new", "gone").addClass("delegates");
        delegates.forEach((who, byYear) -> {
            Set<String> before = names(byYear.get(from)), after = names(byYear.get(to));
            Element tr = table.appendElement("tr");
            Pages.link(tr.appendElement("td"), stateHref(who), labels.get(who));
            tr.appendElement("td").text(String.join("、", byYear.getOrDefault(from, Set.of())));
            tr.appendElement("td").text(String.join("、", byYear.getOrDefault(to, Set.of())));
            tr.appendElement("td").text(after.stream().filter(n -> !before.contains(n)).collect(Collectors.joining("、")));
            tr.appendElement("td").text(before.stream().filter(n -> !after.contains(n)).collect(Collectors.joining("、")));
        });

        Set<String> sources = meetings.stream().filter(m -> meetingYear.containsKey(m.get("meeting"))
            && (from.equals(meetingYear.get(m.get("meeting"))) || to.equals(meetingYear.get(m.get("meeting")))))
            .map(m -> m.get("source")).collect(Collectors.toCollection(TreeSet::new));
        main.appendElement("h2").text("Chairmanship");
        Element chairs = Pages.table(main, "source", "state", "years", "status");
        for (Map<String, String> r : rows("presidency", Map.of()))
            if (sources.contains(r.get("source"))) {
                Element tr = chairs.appendElement("tr");
                tr.appendElement("td").text(r.get("source"));
                Pages.link(tr.appendElement("td"), stateHref(Iris.state(r.get("countryCode"))), r.get("countryCode"));
                tr.appendElement("td").text(nz(r.get("fromYear")) + "–" + nz(r.get("toYear")));
                tr.appendElement("td").text(nz(r.get("status")));
            }
    }

    /** A delegate of a person-timeline row: "name（title）", or the title of a delegate the text does not name. */
    private static String delegate(Map<String, String> r) {
        String role = r.get("role") == null ? "" : "（" + r.get("role") + "）";
        return r.get("name") == null ? UNNAMED + role : r.get("name") + role;
    }

    private static final String UNNAMED = "(not named)";

    /** The names in {@link #delegate} entries, the unnamed left out. */
    private static Set<String> names(Set<String> entries) {
        Set<String> out = new TreeSet<>();
        if (entries != null) for (String e : entries) if (!e.startsWith(UNNAMED)) out.add(e.replaceFirst("（.*$", ""));
        return out;
    }

    /** As the canned query changes reads its council parameter: the council's IRI, or its last segment. */
    private static boolean ofCouncil(String councilIri, String wanted) {
        return wanted == null || councilIri != null && (councilIri.equals(wanted) || councilIri.endsWith("/" + wanted));
    }

    // ------------------------------------------------------------------ person, state

    private void person(Element main, HttpAction action) {
        String iri = param(action, "iri"), name = param(action, "name");
        if (iri == null && name == null) throw new IllegalArgumentException("give the person as iri=… or name=… (any script or pinyin)");
        List<Map<String, String>> rows = rows("person-timeline", iri != null ? Map.of("person", iri) : Map.of("name", name));
        Map<String, Map<String, String>> people = new LinkedHashMap<>();
        for (Map<String, String> r : rows) people.putIfAbsent(r.get("person"), r);
        if (people.size() != 1) {
            main.appendElement("h1").text(people.isEmpty() ? "No one matches “" + (iri != null ? iri : name) + "”" : "People matching “" + name + "”");
            Element ul = main.appendElement("ul").addClass("people");
            people.forEach((p, r) -> personLink(ul.appendElement("li"), r));
            return;
        }
        Map<String, String> who = rows.get(0);
        Element h1 = main.appendElement("h1").text(who.get("name"));
        if (who.get("pinyin") != null) h1.appendText(" ").appendElement("span").addClass("pinyin").text(who.get("pinyin"));
        Pages.link(main.appendElement("p"), ld.hrefOf(who.get("person")), "Resource page (all statements)");
        main.appendElement("p").text(rows.size() + (rows.size() == 1 ? " attendance" : " attendances") + ", oldest first.");
        Element table = Pages.table(main, "date", "meeting", "title as written", "state or organisation", "capacity").addClass("timeline-table");
        for (Map<String, String> r : rows) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(nz(r.get("meetingDate")));
            Pages.link(tr.appendElement("td"), ld.hrefOf(r.get("meeting")), nz(r.get("bodyLabel")));
            tr.appendElement("td").addClass("role").text(nz(r.get("role")));
            Element rep = tr.appendElement("td").addClass("represents");
            Pages.link(rep, stateHref(r.get("represents")), nz(r.get("representsLabel")));
            if (r.get("countryCode") != null) rep.appendText(" ").appendElement("span").addClass("dt").text(r.get("countryCode"));
            tr.appendElement("td").text(nz(r.get("capacity")));
        }
    }

    private void state(Element main, HttpAction action) {
        String iri = param(action, "iri"), code = param(action, "code");
        if (iri == null && code != null) {
            if (!code.matches("[A-Z]{3}")) throw new IllegalArgumentException("parameter 'code' must be an ISO 3166-1 alpha-3 code such as CHN");
            iri = Iris.state(code);
        }
        if (iri == null) throw new IllegalArgumentException("give the state or organisation as iri=… or code=… (ISO 3166-1 alpha-3)");
        List<Map<String, String>> rows = rows("person-timeline", Map.of("represents", iri));
        if (rows.isEmpty()) {
            main.appendElement("h1").text("No one represented " + iri + " at a meeting in the store");
            return;
        }
        Map<String, String> first = rows.get(0);
        Element h1 = main.appendElement("h1").text(nz(first.get("representsLabel")));
        if (first.get("countryCode") != null) h1.appendText(" ").appendElement("span").addClass("dt").text(first.get("countryCode"));
        Pages.link(main.appendElement("p"), ld.hrefOf(iri), "Resource page (all statements)");
        long meetings = rows.stream().map(r -> r.get("meeting")).distinct().count();
        main.appendElement("p").text("Represented at " + meetings + (meetings == 1 ? " meeting" : " meetings") + ", oldest first.");
        Element table = Pages.table(main, "date", "meeting", "person", "title as written", "capacity").addClass("timeline-table");
        for (Map<String, String> r : rows) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(nz(r.get("meetingDate")));
            Pages.link(tr.appendElement("td"), ld.hrefOf(r.get("meeting")), nz(r.get("bodyLabel")));
            personLink(tr.appendElement("td").addClass("person"), r);
            tr.appendElement("td").addClass("role").text(nz(r.get("role")));
            tr.appendElement("td").text(nz(r.get("capacity")));
        }
    }

    private void personLink(Element into, Map<String, String> r) {
        if (r.get("person") == null) {
            into.appendText(UNNAMED);
            return;
        }
        Pages.link(into, href(PERSON, "iri", r.get("person")), r.get("name"));
        if (r.get("pinyin") != null) into.appendText(" ").appendElement("span").addClass("pinyin").text(r.get("pinyin"));
    }

    static String stateHref(String iri) { return href(STATE, "iri", iri); }

    static String personHref(String iri) { return href(PERSON, "iri", iri); }

    // ------------------------------------------------------------------ attendance grid

    /** The states represented at each meeting, as an SVG grid: a row per state, a column per meeting, oldest first. */
    private void attendance(Element main, HttpAction action) {
        String council = param(action, "council");
        Map<String, String> meetingCouncil = new HashMap<>();
        for (Map<String, String> m : rows("meetings", Map.of())) if (m.get("meeting") != null) meetingCouncil.put(m.get("meeting"), m.get("council"));
        Map<String, String> meetings = new TreeMap<>(), meetingLabels = new HashMap<>(), states = new TreeMap<>();
        Map<String, List<String>> present = new LinkedHashMap<>();
        for (Map<String, String> r : rows("person-timeline", Map.of())) {
            if (r.get("countryCode") == null || !ofCouncil(meetingCouncil.get(r.get("meeting")), council)) continue;
            meetings.put(nz(r.get("meetingDate")) + " " + r.get("meeting"), r.get("meeting"));
            meetingLabels.put(r.get("meeting"), nz(r.get("meetingDate")) + " " + nz(r.get("bodyLabel")));
            states.put(r.get("countryCode"), nz(r.get("representsLabel")));
            present.computeIfAbsent(r.get("countryCode") + " " + r.get("meeting"), k -> new ArrayList<>())
                .add(delegate(r));
        }
        main.appendElement("h1").text("Attendance: states × meetings");
        Element form = form(main, ATTENDANCE);
        input(form, "council", "Council (optional): ", council, "heads-of-government");
        form.appendText(" ").appendElement("button").attr("type", "submit").text("Show");
        main.appendElement("p").text(states.size() + " states, " + meetings.size() + " meetings; a filled cell: the state was represented "
            + "(hover for who, with the title as written). A state's name leads to its page, a date to the meeting.");
        if (states.isEmpty()) return;

        int cell = 26, left = 150, top = 110;
        List<String> columns = List.copyOf(meetings.values());
        int width = left + cell * columns.size() + 70, height = top + cell * states.size() + 10;
        Element svg = main.appendElement("svg").addClass("attendance").attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("viewBox", "0 0 " + width + " " + height).attr("width", "" + width).attr("height", "" + height)
            .attr("role", "img").attr("aria-label", "states × meetings attendance grid");
        for (int c = 0; c < columns.size(); c++) {
            String m = columns.get(c);
            int x = left + c * cell + cell / 2;
            svg.appendElement("a").attr("href", ld.hrefOf(m)).appendElement("text").addClass("meeting")
                .attr("transform", "translate(" + x + "," + (top - 6) + ") rotate(-60)").text(meetingLabels.get(m).split(" ")[0])
                .appendElement("title").text(meetingLabels.get(m));
        }
        int row = 0;
        for (Map.Entry<String, String> s : states.entrySet()) {
            int y = top + row++ * cell;
            svg.appendElement("a").attr("href", stateHref(Iris.state(s.getKey()))).appendElement("text").addClass("state")
                .attr("x", "" + (left - 6)).attr("y", "" + (y + cell * 0.7)).attr("text-anchor", "end").text(s.getValue() + " " + s.getKey());
            for (int c = 0; c < columns.size(); c++) {
                List<String> who = present.get(s.getKey() + " " + columns.get(c));
                Element rect = svg.appendElement("rect").attr("x", "" + (left + c * cell + 1)).attr("y", "" + (y + 1))
                    .attr("width", "" + (cell - 2)).attr("height", "" + (cell - 2))
                    .attr("data-state", s.getKey()).attr("data-meeting", columns.get(c));
                if (who == null) rect.addClass("absent").attr("fill", "#eef1f4");
                else rect.addClass("present").attr("fill", "#1d3557")
                    .appendElement("title").text(s.getKey() + " · " + meetingLabels.get(columns.get(c)) + ": " + String.join("、", who));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The rows of the canned query {@code name}: each bound column's lexical form or IRI. Inside a read transaction. */
    private List<Map<String, String>> rows(String name, Map<String, String> params) {
        try (QueryExecution qe = queries.get(name).prepare(dataset, params, Page.ALL, 0)) {
            ResultSet rs = qe.execSelect();
            List<String> vars = rs.getResultVars();
            List<Map<String, String>> out = new ArrayList<>();
            rs.forEachRemaining(s -> {
                Map<String, String> row = new HashMap<>();
                for (String v : vars) {
                    RDFNode n = s.get(v);
                    if (n != null) row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : n.toString());
                }
                out.add(row);
            });
            return out;
        }
    }

    /** The first {@link #SHOWN} rows, with a note when there are more. */
    private static List<Map<String, String>> shown(Element main, List<Map<String, String>> rows) {
        if (rows.size() <= SHOWN) return rows;
        main.appendElement("p").addClass("note").text("The first " + SHOWN + " are shown; the canned query gives them all.");
        return rows.subList(0, SHOWN);
    }

    /** A request parameter, stripped; null when missing or blank. */
    private static String param(HttpAction action, String name) {
        String v = action.getRequestParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Element form(Element main, String action) {
        return main.appendElement("form").addClass("search").attr("method", "get").attr("action", action);
    }

    private static void input(Element form, String name, String label, String value, String placeholder) {
        form.appendElement("label").attr("for", name).text(label);
        form.appendElement("input").attr("type", "text").attr("id", name).attr("name", name)
            .attr("value", value == null ? "" : value).attr("placeholder", placeholder);
    }

    static String href(String path, String param, String value) {
        return path + "?" + param + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String year(String date) {
        return date != null && date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit) ? date.substring(0, 4) : null;
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
