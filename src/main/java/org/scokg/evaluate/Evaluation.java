package org.scokg.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scokg.extract.Extraction;
import org.scokg.extract.Facts;
import org.scokg.extract.Gazetteer;
import org.scokg.extract.TitleKey;
import org.scokg.extract.VariantTitles;
import org.scokg.vocab.Iris;

/**
 * Compares extracted facts with gold annotations. Facts are matched by identity (an
 * attendee by whom they represent and their name, a mention by its offset, a
 * chairmanship by state and status); matched facts are then checked field by field
 * (title, capacity; date, venue, action; years). Scores add up over documents.
 */
public final class Evaluation {
    /** Counts for one fact type. */
    public static final class Score {
        int gold, predicted, matched;
        public double precision() { return predicted == 0 ? (gold == 0 ? 1 : 0) : (double) matched / predicted; }
        public double recall() { return gold == 0 ? 1 : (double) matched / gold; }
        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        public int gold() { return gold; }
        public int predicted() { return predicted; }
        public int matched() { return matched; }
    }

    /** Agreement of one field over matched facts. */
    public static final class Accuracy {
        int total, correct;
        public double value() { return total == 0 ? 1 : (double) correct / total; }
        public int total() { return total; }
        public int correct() { return correct; }
    }

    private final Map<String, Score> scores = new LinkedHashMap<>();
    private final Map<String, Accuracy> accuracies = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final Gazetteer gazetteer = Gazetteer.builtIn();
    /** The keys the extractor gave each surface it met, over every document added. */
    private final Map<String, Set<String>> keysBySurface = new HashMap<>();
    /** Each key as the documents added cite it, for the corpus-level merge of variant titles. */
    private final List<VariantTitles.Cited> cited = new ArrayList<>();

    public Map<String, Score> scores() { return scores; }
    public Map<String, Accuracy> accuracies() { return accuracies; }
    /** One line per disagreement, for people fixing rules. */
    public List<String> errors() { return errors; }

    public Score score(String type) { return scores.computeIfAbsent(type, k -> new Score()); }
    public Accuracy accuracy(String field) { return accuracies.computeIfAbsent(field, k -> new Accuracy()); }

    /** Adds one document's comparison. */
    public void add(Gold gold, Facts.Document doc) {
        String f = gold.fileName();
        Map<String, String> unresolved = new HashMap<>();
        for (Facts.Unresolved u : doc.unresolved()) unresolved.put(u.iri(), u.label());
        meeting(f, gold, doc, unresolved);
        // attendees: identity = what they represent + name; a gold value names the entity by
        // ISO code, slug or any Chinese spelling, and an unresolved one by its name as written
        Map<String, Facts.Attendance> predicted = new HashMap<>();
        for (Facts.Attendance a : doc.attendances())
            predicted.put(identity(a.representsIri(), unresolved) + "|" + (a.person() == null ? "" : a.person().name()), a);
        compare(f, "attendee", gold.of("attendee"), g -> goldIdentity(g.get("represents")) + "|" + g.get("name"), predicted,
            (g, p) -> {
                String who = f + " " + g.get("name") + " (" + p.provenance().rule() + ")";
                check(who, "attendee.title", g.get("title"), p.title());
                check(who, "attendee.capacity", g.get("capacity"), p.capacity());
            });
        Map<String, Facts.Mention> mentions = new HashMap<>();
        for (Facts.Mention m : doc.mentions()) {
            mentions.put(String.valueOf(m.begin()), m);
            keysBySurface.computeIfAbsent(m.surface(), k -> new HashSet<>()).add(m.key());
            Set<String> dates = m.date() == null ? Set.of() : Set.of(m.date().lexical());
            cited.add(new VariantTitles.Cited(m.key(), Set.of(f), dates));
        }
        compare(f, "mention", gold.of("mention"), g -> g.get("offset"), mentions, (g, p) -> {
            String at = f + "@" + g.get("offset") + " 《" + g.get("surface") + "》 (" + p.provenance().rule() + ")";
            check(at, "mention.surface", g.get("surface"), p.surface());
            check(at, "mention.nested", g.get("nested"), String.valueOf(p.nestedIn() >= 0));
            check(at, "mention.date", g.get("date"), p.date() == null ? "" : p.date().lexical());
            check(at, "mention.venue", g.get("venue"), p.place() == null ? "" : p.place().label());
            check(at, "mention.action", g.get("action"), p.action());
        });
        // A state may hold two chairmanships of one status (of the organisation and of a council):
        // the n-th of one state and status, the organisation's first, pairs with the n-th in gold.
        String scoIri = gazetteer.org("sco").iri();
        Map<String, Facts.Chairmanship> chairs = new HashMap<>();
        doc.chairmanships().stream().sorted(java.util.Comparator.comparing(c -> !scoIri.equals(c.ofIri())))
            .forEach(c -> numbered(chairs, identity(c.stateIri(), unresolved) + "|" + c.status(), c));
        Map<String, Gold.Fact> goldChairs = new HashMap<>();
        gold.of("chairmanship").stream().sorted(java.util.Comparator.comparing(g -> !"sco".equals(g.get("of"))))
            .forEach(g -> numbered(goldChairs, goldIdentity(g.get("state")) + "|" + g.get("status"), g));
        Map<Gold.Fact, String> goldKeys = new java.util.IdentityHashMap<>();
        goldChairs.forEach((k, g) -> goldKeys.put(g, k));
        compare(f, "chairmanship", gold.of("chairmanship"), goldKeys::get, chairs, (g, p) -> {
            check(f, "chairmanship.years", g.get("from") + "-" + g.get("to"),
                (p.fromYear() == null ? "" : p.fromYear()) + "-" + (p.toYear() == null ? "" : p.toYear()));
        });
        Map<String, Facts.NextMeeting> next = new HashMap<>();
        for (Facts.NextMeeting n : doc.nextMeetings()) next.put(n.year() + "|" + identity(n.hostStateIri(), unresolved), n);
        compare(f, "next-meeting", gold.of("next"), g -> g.get("year") + "|" + goldIdentity(g.get("host")), next, (g, p) -> { });
    }

    /**
     * The entity a gold value names: an ISO 3166-1 alpha-3 code, an organisation's slug or
     * any Chinese spelling the gazetteer knows give its IRI; anything else (an organisation
     * the gazetteer lacks, written out) stands for itself.
     */
    private String goldIdentity(String value) {
        if (value == null || value.isEmpty()) return "";
        if (value.matches("[A-Z]{3}")) return Iris.state(value);
        Gazetteer.Entry e = gazetteer.org(value);
        if (e != null) return e.iri();
        // A name as written resolves as the extractor resolves an affiliation: an organ written
        // after its organisation (独联体执行委员会) is the organisation.
        String iri = Extraction.affiliationIri(value);
        return iri != null ? iri : "name:" + value;
    }

    /** The entity an extracted IRI names, as {@link #goldIdentity} writes it: unresolved ones by name. */
    private static String identity(String iri, Map<String, String> unresolved) {
        if (iri == null) return "";
        String name = unresolved.get(iri);
        return name != null ? "name:" + name : iri;
    }

    /**
     * Checks the same/different pairs of all gold files: two surfaces name one document when
     * the extractor gave their mentions one key (in context, so a short form such as 《日历》
     * counts as resolved only where the text resolves it), after the corpus-level merge of
     * variant titles over every document added ({@link VariantTitles}, as the store does);
     * a surface no added document contains is keyed on its own ({@link TitleKey}).
     */
    public void addIdentities(List<Gold> golds) {
        Map<String, String> merged = VariantTitles.merges(cited);
        for (Gold g : golds) {
            for (Gold.Fact pair : g.of("same")) {
                Set<String> keys = new HashSet<>(keysOf(pair.get("a"), merged));
                keys.addAll(keysOf(pair.get("b"), merged));
                tally("document.same", keys.size() == 1, g.fileName() + ":" + pair.line() + " split: " + pair.get("a") + " ≠ " + pair.get("b"));
            }
            for (Gold.Fact pair : g.of("different")) {
                Set<String> shared = new HashSet<>(keysOf(pair.get("a"), merged));
                shared.retainAll(keysOf(pair.get("b"), merged));
                tally("document.different", shared.isEmpty(), g.fileName() + ":" + pair.line() + " merged: " + pair.get("a") + " = " + pair.get("b"));
            }
        }
    }

    private Set<String> keysOf(String surface, Map<String, String> merged) {
        Set<String> found = keysBySurface.get(surface);
        Set<String> keys = new HashSet<>();
        for (String k : found != null ? found : Set.of(TitleKey.of(surface))) keys.add(merged.getOrDefault(k, k));
        return keys;
    }

    private void meeting(String f, Gold gold, Facts.Document doc, Map<String, String> unresolved) {
        for (Gold.Fact g : gold.of("meeting")) {
            Facts.Meeting m = doc.meeting();
            Score s = score("meeting");
            s.gold++;
            if (m == null) {
                errors.add(f + ": meeting missed");
                continue;
            }
            s.predicted++;
            s.matched++;
            // A council the gazetteer knows is named by its slug, another by its name as written;
            // a gold name that the gazetteer knows (成员国国家协调员理事会会议) names its council too.
            String council = g.get("council");
            check(f, "meeting.council", council,
                council.equals(m.councilKey()) || namesCouncil(council, m.councilIri()) ? council
                    : unresolved.containsKey(m.councilIri()) ? m.councilLabel() : m.councilKey());
            check(f, "meeting.ordinal", g.get("ordinal"), m.ordinal() == null ? "" : String.valueOf(m.ordinal()));
            check(f, "meeting.start", g.get("start"), m.dates().start().lexical());
            check(f, "meeting.end", g.get("end"), m.dates().end().lexical());
            check(f, "meeting.venue", g.get("venue"), m.place() == null ? "" : m.place().label());
            check(f, "meeting.online", g.get("online"), String.valueOf(m.online()));
            check(f, "meeting.chair", g.get("chair"), doc.chair() == null || doc.chair().person() == null ? "" : doc.chair().person().name());
            check(f, "meeting.chairState", g.get("chairState"), doc.chair() == null || doc.chair().stateIri() == null ? "" : code(doc.chair().stateIri()));
        }
        if (gold.of("meeting").isEmpty() && doc.meeting() != null) {
            score("meeting").predicted++;
            errors.add(f + ": meeting found where gold has none");
        }
    }

    private <P> void compare(String f, String type, List<Gold.Fact> gold, java.util.function.Function<Gold.Fact, String> key,
                             Map<String, P> predicted, java.util.function.BiConsumer<Gold.Fact, P> fields) {
        Score s = score(type);
        s.gold += gold.size();
        s.predicted += predicted.size();
        Set<String> seen = new HashSet<>();
        for (Gold.Fact g : gold) {
            String k = key.apply(g);
            P p = predicted.get(k);
            // One found fact matches one gold fact: two gold facts of one identity (a state's
            // chairmanship of the organisation and of a council) need two found ones.
            if (p == null || seen.contains(k)) {
                errors.add(f + ":" + g.line() + ": " + type + " missed: " + k);
                continue;
            }
            s.matched++;
            seen.add(k);
            fields.accept(g, p);
        }
        for (String k : predicted.keySet()) if (!seen.contains(k)) errors.add(f + ": " + type + " spurious: " + k);
    }

    /** Whether {@code name}, as a gold file writes a council (with or without 成员国 and 会议), is the council {@code iri}. */
    private boolean namesCouncil(String name, String iri) {
        if (iri == null) return false;
        String bare = name.replaceFirst("^成员国", "").replaceFirst("会议$", "");
        for (String n : List.of(name, bare, "成员国" + bare)) {
            Gazetteer.Entry e = gazetteer.lookup(n);
            if (e != null && e.iri().equals(iri)) return true;
        }
        return false;
    }

    /** Puts {@code value} under {@code key}, or {@code key#2}, {@code key#3}… when taken. */
    private static <V> void numbered(Map<String, V> map, String key, V value) {
        String k = key;
        for (int n = 2; map.containsKey(k); n++) k = key + "#" + n;
        map.put(k, value);
    }

    private void check(String f, String field, String gold, String predicted) {
        tally(field, gold.equals(predicted), f + ": " + field + " gold '" + gold + "' got '" + predicted + "'");
    }

    private void tally(String field, boolean ok, String error) {
        Accuracy a = accuracy(field);
        a.total++;
        if (ok) a.correct++;
        else errors.add(error);
    }

    private String code(String iri) {
        if (iri == null) return "";
        Gazetteer.Entry e = gazetteer.byIri(iri);
        if (e != null && e.isoCode() != null) return e.isoCode();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** A readable report: one line per fact type and field. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-22s %6s %6s %6s %7s %7s %7s%n", "type", "gold", "found", "match", "P", "R", "F1"));
        scores.forEach((t, s) -> sb.append(String.format("%-22s %6d %6d %6d %7.3f %7.3f %7.3f%n",
            t, s.gold, s.predicted, s.matched, s.precision(), s.recall(), s.f1())));
        sb.append(String.format("%n%-22s %6s %6s %9s%n", "field", "total", "right", "accuracy"));
        accuracies.forEach((t, a) -> sb.append(String.format("%-22s %6d %6d %9.3f%n", t, a.total, a.correct, a.value())));
        return sb.toString();
    }
}
