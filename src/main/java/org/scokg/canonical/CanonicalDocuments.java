package org.scokg.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.scokg.extract.Dates;
import org.scokg.extract.VariantTitles;
import org.scokg.vocab.Sco;
import org.scokg.vocab.ScriptLabels;
import org.scokg.vocab.Slugs;

/**
 * The one step of the pipeline that needs the whole corpus: what can only be said of a
 * document once every source is in, its one preferred title and what the citations say of
 * its own signing or adoption. Each source graph names the documents it cites with the
 * spelling it uses (skos:altLabel); this step picks, per document, the spelling written
 * most often (then the longest, as the fullest form, then the first in code-point order, so
 * that the choice is stable), with its Traditional Chinese and pinyin forms
 * ({@link ScriptLabels}). Documents whose titles differ by a little rewording across
 * sources ({@link VariantTitles}) become one: each document gets sco:canonicalDocument, the
 * document that stands for it (itself when not merged), so a query groups by one hop; a
 * merged one also gets sco:rule, the preferred title of its group and no acts of its own.
 * The result belongs in its own graph, {@link #GRAPH}.
 *
 * <p>It runs once per write of the store, on the mentions as they are extracted or loaded
 * ({@link Input}, fed triple by triple), never by reading every source back; the store
 * adds the mentions of the sources it keeps with one query
 * ({@code org.scokg.store.StoreWriter}).
 */
public final class CanonicalDocuments {
    private CanonicalDocuments() {}

    /** The graph that holds the canonical titles. */
    public static final String GRAPH = "https://w3id.org/scokg/canonical";

    /**
     * The properties {@link #compute} reads, whatever their subject: a caller that gathers
     * its input from a stream of quads instead of the whole union keeps exactly these and
     * the rdf:type triples of {@link #READ_TYPES}.
     */
    public static final Set<org.apache.jena.rdf.model.Property> READ_PROPERTIES = Set.of(Sco.mentionOf, Sco.surface,
        Sco.action, Sco.actionDate, Sco.actionPlace, Sco.canonicalKey, Sco.inSource);
    /** The classes whose rdf:type triples {@link #compute} reads. */
    public static final Set<Resource> READ_TYPES = Set.of(Sco.Mention, Sco.Document);

    /** The canonical-title triples for every document cited in {@code union}. */
    public static Model compute(Model union) {
        return compute(Input.of(union));
    }

    /**
     * What {@link #compute} reads, gathered from triples that come in any order (documents
     * as they are extracted, quads as they are loaded, a whole union): per mention and per document, the few
     * values it needs, in one small record each, with repeated values shared. A fraction of
     * the memory of the triples themselves (measured: about a sixth). Where a property has
     * several values, the first offered counts. Not thread-safe.
     */
    public static final class Input {
        private static final Set<Node> PREDICATES = READ_PROPERTIES.stream().map(p -> p.asNode()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        private static final Set<Node> TYPES = READ_TYPES.stream().map(t -> t.asNode()).collect(java.util.stream.Collectors.toUnmodifiableSet());

        /** The values of one subject that {@link #compute} reads. */
        private static final class Subject {
            boolean mention, document;
            Node of, surface, source, action, date, place, key;
        }

        private final Map<Node, Subject> subjects = new HashMap<>();
        /** One copy of each value: titles, sources, documents and dates repeat across mentions. */
        private final Map<Node, Node> shared = new HashMap<>();

        /** True when {@link #compute} reads the triple (p, o) of any subject. */
        public static boolean read(Node p, Node o) {
            return PREDICATES.contains(p) || (p.equals(RDF.Nodes.type) && TYPES.contains(o));
        }

        /** The facts of {@code union}: one scan per property read. */
        public static Input of(Model union) {
            Input f = new Input();
            org.apache.jena.graph.Graph g = union.getGraph();
            for (Node p : PREDICATES) g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> f.offer(t.getSubject(), p, t.getObject()));
            for (Node t : TYPES) g.find(Node.ANY, RDF.Nodes.type, t).forEachRemaining(tr -> f.offer(tr.getSubject(), RDF.Nodes.type, t));
            return f;
        }

        /** Takes in the triple (s, p, o) if {@link #compute} reads it; ignores it otherwise. */
        public void offer(Node s, Node p, Node o) {
            if (!read(p, o)) return;
            Subject x = subjects.computeIfAbsent(s, k -> new Subject());
            if (p.equals(RDF.Nodes.type)) {
                if (o.equals(Sco.Mention.asNode())) x.mention = true;
                else x.document = true;
                return;
            }
            Node v = shared.computeIfAbsent(o, k -> k);
            if (p.equals(Sco.mentionOf.asNode())) { if (x.of == null) x.of = v; }
            else if (p.equals(Sco.surface.asNode())) { if (x.surface == null) x.surface = v; }
            else if (p.equals(Sco.inSource.asNode())) { if (x.source == null) x.source = v; }
            else if (p.equals(Sco.action.asNode())) { if (x.action == null) x.action = v; }
            else if (p.equals(Sco.actionDate.asNode())) { if (x.date == null) x.date = v; }
            else if (p.equals(Sco.actionPlace.asNode())) { if (x.place == null) x.place = v; }
            else if (p.equals(Sco.canonicalKey.asNode())) { if (x.key == null) x.key = v; }
        }

        /** Subjects held (mentions, documents, and any other subject of a property read). */
        public int size() {
            return subjects.size();
        }

        /** The mentions (typed sco:Mention) with their values, in IRI order (so that the result does not depend on the order of the input). */
        List<Map.Entry<Node, Subject>> mentions() {
            return sorted((n, x) -> x.mention);
        }

        /** The documents (typed sco:Document, named by an IRI), in IRI order. */
        List<Map.Entry<Node, Subject>> documents() {
            return sorted((n, x) -> x.document && n.isURI());
        }

        private List<Map.Entry<Node, Subject>> sorted(java.util.function.BiPredicate<Node, Subject> which) {
            List<Map.Entry<Node, Subject>> out = new ArrayList<>();
            subjects.forEach((n, x) -> {
                if (which.test(n, x)) out.add(Map.entry(n, x));
            });
            out.sort(Map.Entry.comparingByKey(Comparator.comparing(Node::toString)));
            return out;
        }
    }

    /** The canonical-title triples for every document cited in {@code facts}. */
    public static Model compute(Input facts) {
        List<Map.Entry<Node, Input.Subject>> mentions = facts.mentions(), documents = facts.documents();
        Map<Node, Node> standsFor = identities(mentions, documents);
        Map<Node, Map<String, Integer>> counts = new HashMap<>();
        for (var m : mentions) {
            Input.Subject x = m.getValue();
            if (x.of == null || x.surface == null || !x.of.isURI() || !x.surface.isLiteral()) continue;
            counts.computeIfAbsent(standsFor.getOrDefault(x.of, x.of), k -> new TreeMap<>())
                .merge(x.surface.getLiteralLexicalForm(), 1, Integer::sum);
        }
        Model out = ModelFactory.createDefaultModel();
        Comparator<Map.Entry<String, Integer>> best = Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> e.getKey().length()).reversed())
            .thenComparing(Map.Entry::getKey);
        Map<Node, String> titles = new HashMap<>();
        counts.forEach((doc, spellings) -> titles.put(doc, spellings.entrySet().stream().sorted(best).findFirst().orElseThrow().getKey()));
        for (var e : documents) {
            Node doc = e.getKey();
            Node canonical = standsFor.getOrDefault(doc, doc);
            Resource d = out.createResource(doc.getURI());
            d.addProperty(Sco.canonicalDocument, out.createResource(canonical.getURI()));
            if (!canonical.equals(doc)) d.addProperty(Sco.rule, VariantTitles.RULE);
            String title = titles.get(canonical);
            if (title == null) continue;
            d.addProperty(Sco.prefLabel, title, "zh");
            ScriptLabels.addTo(d, title);
        }
        acts(mentions, standsFor, out);
        return out;
    }

    /**
     * Which document stands for each document that {@link VariantTitles} merges into
     * another; documents not merged are absent.
     */
    private static Map<Node, Node> identities(List<Map.Entry<Node, Input.Subject>> mentions, List<Map.Entry<Node, Input.Subject>> documents) {
        Map<String, Node> byKey = new HashMap<>();
        Map<String, Set<String>> sources = new HashMap<>(), dates = new HashMap<>();
        for (var e : documents) {
            Node key = e.getValue().key;
            if (key == null || !key.isLiteral()) continue;
            String k = key.getLiteralLexicalForm();
            byKey.put(k, e.getKey());
            sources.put(k, new HashSet<>());
            dates.put(k, new HashSet<>());
        }
        Map<Node, String> keyOf = new HashMap<>();
        byKey.forEach((k, doc) -> keyOf.put(doc, k));
        for (var m : mentions) {
            Input.Subject x = m.getValue();
            String key = x.of == null || !x.of.isURI() ? null : keyOf.get(x.of);
            if (key == null) continue;
            if (x.source != null) sources.get(key).add(x.source.isLiteral() ? x.source.getLiteralLexicalForm() : x.source.toString());
            if (x.date != null && x.date.isLiteral()) dates.get(key).add(x.date.getLiteralLexicalForm());
        }
        List<VariantTitles.Cited> cited = new ArrayList<>();
        byKey.keySet().forEach(k -> cited.add(new VariantTitles.Cited(k, sources.get(k), dates.get(k))));
        Map<Node, Node> out = new HashMap<>();
        VariantTitles.merges(cited).forEach((variant, standing) -> out.put(byKey.get(variant), byKey.get(standing)));
        return out;
    }

    /** The acts (verb, date, place) the mentions of each document report, and whether they disagree. */
    private static void acts(List<Map.Entry<Node, Input.Subject>> mentions, Map<Node, Node> standsFor, Model out) {
        Map<Node, Map<String, List<Map.Entry<Node, Input.Subject>>>> byDoc = new HashMap<>();
        for (var m : mentions) {
            Input.Subject x = m.getValue();
            if (x.of == null || !x.of.isURI()) continue;
            String action = string(x.action), date = string(x.date);
            if ((action.isEmpty() || action.equals("none")) && date.isEmpty()) continue;
            String key = action + "|" + date + "|" + (x.place != null && x.place.isURI() ? x.place.getURI() : "");
            byDoc.computeIfAbsent(standsFor.getOrDefault(x.of, x.of), k -> new TreeMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        byDoc.forEach((doc, acts) -> {
            Resource d = out.createResource(doc.getURI());
            Set<String> verbs = new java.util.TreeSet<>(), dates = new java.util.TreeSet<>(), places = new java.util.TreeSet<>();
            for (var e : acts.entrySet()) {
                String[] k = e.getKey().split("\\|", -1);
                Input.Subject first = e.getValue().get(0).getValue();
                Resource act = out.createResource(doc.getURI() + "/act/" + Slugs.sha1Prefix(e.getKey()))
                    .addProperty(RDF.type, Sco.DocumentAct)
                    .addProperty(Sco.action, k[0].isEmpty() ? "none" : k[0]);
                if (!k[1].isEmpty()) act.addProperty(Sco.actionDate, out.asRDFNode(first.date));
                if (!k[2].isEmpty()) act.addProperty(Sco.actionPlace, out.createResource(k[2]));
                for (var m : e.getValue()) act.addProperty(Sco.wasDerivedFrom, out.asRDFNode(m.getKey()));
                out.add(d, Sco.act, act);
                if (!k[0].isEmpty() && !k[0].equals("none")) verbs.add(k[0]);
                if (!k[1].isEmpty()) dates.add(k[1]);
                if (!k[2].isEmpty()) places.add(k[2]);
            }
            if (verbs.size() > 1 || Dates.disagree(dates) || places.size() > 1)
                out.addLiteral(d, Sco.actsDisagree, out.createTypedLiteral(true));
        });
    }

    /** A value as the acts compare it: a literal's lexical form, an IRI; "" for none. */
    private static String string(Node n) {
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }
}
