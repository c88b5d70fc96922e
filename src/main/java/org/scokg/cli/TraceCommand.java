package org.scokg.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.scokg.query.CannedQuery;
import org.scokg.query.Page;
import org.scokg.store.ScokgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(modelTransformer = Main.CollectErrors.class, name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"The timeline of a named agreement (any spelling): its canonical title, then each citation",
                   "oldest first as DATE  SOURCE  surface, with the sentence indented below.",
                   "Runs the canned query agreement-trace."})
final class TraceCommand extends Base {
    static final String QUERY = "agreement-trace";

    @Option(names = "--db", defaultValue = "data/tdb2", paramLabel = "DIR", description = "The TDB2 store directory (default data/tdb2).")
    Path db;

    @Parameters(index = "0", paramLabel = "TEXT", description = "The title, as written in any document, or part of it.")
    String text;

    /** One citation; action, actDate and actVenue are what it says of the document's own act. */
    record Citation(String date, String source, String surface, String sentence,
                    String action, String actDate, String actVenue) {
        /** "signed 2014-09-12 杜尚别", or "" when the citation says nothing of an act. */
        String act() {
            boolean none = action.isEmpty() || action.equals("none");
            if (none && actDate.isEmpty()) return "";
            return String.join(" ", (none ? "dated" : action), actDate, actVenue).strip().replaceAll("\\s+", " ");
        }
    }

    @Override
    int run() throws Exception {
        CannedQuery q = Queries.catalogue().get(QUERY);
        Map<String, String> values = Map.of("title", text);
        q.bind(values);
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, List<Citation>> byDoc = new LinkedHashMap<>();
        try (ScokgStore store = ScokgStore.openExisting(db)) {
            Dataset ds = store.dataset();
            Txn.executeRead(ds, () -> {
                try (QueryExecution qe = q.prepare(ds, values, Page.ALL, 0)) {
                    ResultSet rs = qe.execSelect();
                    while (rs.hasNext()) {
                        QuerySolution row = rs.next();
                        String doc = str(row.get("doc"));
                        if (doc.isEmpty()) doc = "?";
                        String title = str(row.get("title"));
                        if (!title.isEmpty()) titles.putIfAbsent(doc, title);
                        byDoc.computeIfAbsent(doc, k -> new ArrayList<>()).add(new Citation(
                            str(row.get("meetingDate")), sourceName(str(row.get("source"))),
                            str(row.get("surface")), str(row.get("sentence")),
                            str(row.get("action")), str(row.get("date")), str(row.get("venueLabel"))));
                    }
                }
            });
        }
        if (byDoc.isEmpty()) throw fail("no document in " + db + " matches '" + text + "'");
        var out = out();
        boolean first = true;
        for (var e : byDoc.entrySet()) {
            if (!first) out.println();
            first = false;
            String title = titles.getOrDefault(e.getKey(), e.getValue().get(0).surface());
            out.println("《" + title + "》  " + e.getKey());
            // What the citations say of the document's own signing or adoption; where they
            // disagree, every version is shown and flagged.
            Map<String, List<String>> acts = new LinkedHashMap<>();
            for (Citation c : e.getValue())
                if (!c.act().isEmpty()) acts.computeIfAbsent(c.act(), k -> new ArrayList<>()).add(c.source());
            for (var act : acts.entrySet())
                out.println("  " + act.getKey() + "  (as cited in " + String.join(", ", act.getValue()) + ")");
            String conflict = conflict(e.getValue());
            if (!conflict.isEmpty()) out.println("  ! the citations disagree on " + conflict);
            int dateWidth = e.getValue().stream().mapToInt(c -> shownDate(c).length()).max().orElse(10);
            int sourceWidth = e.getValue().stream().mapToInt(c -> c.source().length()).max().orElse(1);
            for (Citation c : e.getValue()) {
                out.println(pad(shownDate(c), dateWidth) + "  " + pad(c.source(), sourceWidth) + "  " + c.surface());
                if (!c.sentence().isEmpty()) out.println("    " + c.sentence().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        out.flush();
        return 0;
    }

    /** What the citations disagree on ("the act (signed, adopted)"), or "" when they agree. */
    static String conflict(List<Citation> citations) {
        java.util.Set<String> verbs = new java.util.TreeSet<>(), dates = new java.util.TreeSet<>(), venues = new java.util.TreeSet<>();
        for (Citation c : citations) {
            if (!c.action().isEmpty() && !c.action().equals("none")) verbs.add(c.action());
            if (!c.actDate().isEmpty()) dates.add(c.actDate());
            if (!c.actVenue().isEmpty()) venues.add(c.actVenue());
        }
        List<String> parts = new ArrayList<>();
        if (verbs.size() > 1) parts.add("the act (" + String.join(", ", verbs) + ")");
        if (org.scokg.extract.Dates.disagree(dates)) parts.add("the date (" + String.join(", ", dates) + ")");
        if (venues.size() > 1) parts.add("the place (" + String.join(", ", venues) + ")");
        return String.join("; ", parts);
    }

    private static String shownDate(Citation c) { return c.date().isEmpty() ? "(no date)" : c.date(); }

    private static String pad(String s, int w) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < w) sb.append(' ');
        return sb.toString();
    }

    /** The lexical form of a literal, or the IRI of a resource; "" for none. */
    static String str(RDFNode n) {
        if (n == null) return "";
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        if (n.isURIResource()) return n.asResource().getURI();
        return n.toString();
    }

    /** A source IRI shown as its file name (the last path segment, decoded). */
    static String sourceName(String s) {
        if (!s.contains("/")) return s;
        String last = s.substring(s.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return last;
        }
    }
}
