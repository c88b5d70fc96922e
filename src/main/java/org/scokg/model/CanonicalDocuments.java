package org.scokg.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.scokg.extract.VariantTitles;

/**
 * What can only be said of a document once every source is in: its one preferred title,
 * and what the citations say of its own signing or adoption.
 * Each source graph names the documents it cites with the spelling it uses
 * (skos:altLabel); this step reads the union and picks, per document, the spelling
 * written most often (then the longest, as the fullest form, then the first in code-point
 * order, so that the choice is stable), with its Traditional Chinese and pinyin forms
 * ({@link ScriptLabels}). Documents whose titles differ by a little rewording across
 * sources ({@link VariantTitles}) become one: each document gets sco:canonicalDocument, the
 * document that stands for it (itself when not merged), so a query groups by one hop; a
 * merged one also gets sco:rule, the preferred title of its group and no acts of its own.
 * The result belongs in its own graph, {@link #GRAPH}, rebuilt whenever sources change.
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
        Map<Resource, Resource> standsFor = identities(union);
        Map<Resource, Map<String, Integer>> counts = new HashMap<>();
        for (Resource mention : union.listResourcesWithProperty(RDF.type, Sco.Mention).toList()) {
            Statement of = mention.getProperty(Sco.mentionOf);
            Statement surface = mention.getProperty(Sco.surface);
            if (of == null || surface == null || !of.getObject().isURIResource()) continue;
            counts.computeIfAbsent(standsFor.getOrDefault(of.getResource(), of.getResource()), k -> new TreeMap<>())
                .merge(surface.getString(), 1, Integer::sum);
        }
        Model out = ModelFactory.createDefaultModel();
        Comparator<Map.Entry<String, Integer>> best = Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> e.getKey().length()).reversed())
            .thenComparing(Map.Entry::getKey);
        Map<Resource, String> titles = new HashMap<>();
        counts.forEach((doc, spellings) -> titles.put(doc, spellings.entrySet().stream().sorted(best).findFirst().orElseThrow().getKey()));
        for (Resource doc : union.listResourcesWithProperty(RDF.type, Sco.Document).toList()) {
            Resource canonical = standsFor.getOrDefault(doc, doc);
            Resource d = out.createResource(doc.getURI());
            d.addProperty(Sco.canonicalDocument, out.createResource(canonical.getURI()));
            if (!canonical.equals(doc)) d.addProperty(Sco.rule, VariantTitles.RULE);
            String title = titles.get(canonical);
            if (title == null) continue;
            d.addProperty(Sco.prefLabel, title, "zh");
            ScriptLabels.addTo(d, title);
        }
        acts(union, standsFor, out);
        return out;
    }

    /**
     * Which document stands for each document that {@link VariantTitles} merges into
     * another; documents not merged are absent.
     */
    private static Map<Resource, Resource> identities(Model union) {
        Map<String, Resource> byKey = new HashMap<>();
        Map<String, Set<String>> sources = new HashMap<>(), dates = new HashMap<>();
        for (Resource doc : union.listResourcesWithProperty(RDF.type, Sco.Document).toList()) {
            Statement key = doc.getProperty(Sco.canonicalKey);
            if (key == null || !doc.isURIResource()) continue;
            byKey.put(key.getString(), doc);
            sources.put(key.getString(), new HashSet<>());
            dates.put(key.getString(), new HashSet<>());
        }
        Map<Resource, String> keyOf = new HashMap<>();
        byKey.forEach((k, doc) -> keyOf.put(doc, k));
        for (Resource mention : union.listResourcesWithProperty(RDF.type, Sco.Mention).toList()) {
            Statement of = mention.getProperty(Sco.mentionOf);
            String key = of == null || !of.getObject().isURIResource() ? null : keyOf.get(of.getResource());
            if (key == null) continue;
            Statement source = mention.getProperty(Sco.inSource);
            if (source != null) sources.get(key).add(source.getObject().toString());
            Statement date = mention.getProperty(Sco.actionDate);
            if (date != null && date.getObject().isLiteral()) dates.get(key).add(date.getLiteral().getLexicalForm());
        }
        List<VariantTitles.Cited> cited = new ArrayList<>();
        byKey.keySet().forEach(k -> cited.add(new VariantTitles.Cited(k, sources.get(k), dates.get(k))));
        Map<Resource, Resource> out = new HashMap<>();
        VariantTitles.merges(cited).forEach((variant, standing) -> out.put(byKey.get(variant), byKey.get(standing)));
        return out;
    }

    /** The acts (verb, date, place) the mentions of each document report, and whether they disagree. */
    private static void acts(Model union, Map<Resource, Resource> standsFor, Model out) {
        Map<Resource, Map<String, java.util.List<Resource>>> byDoc = new HashMap<>();
        for (Resource mention : union.listResourcesWithProperty(RDF.type, Sco.Mention).toList()) {
            Statement of = mention.getProperty(Sco.mentionOf);
            if (of == null || !of.getObject().isURIResource()) continue;
            String action = string(mention, Sco.action);
            String date = string(mention, Sco.actionDate);
            Statement place = mention.getProperty(Sco.actionPlace);
            if ((action.isEmpty() || action.equals("none")) && date.isEmpty()) continue;
            String key = action + "|" + date + "|" + (place == null ? "" : place.getResource().getURI());
            byDoc.computeIfAbsent(standsFor.getOrDefault(of.getResource(), of.getResource()), k -> new TreeMap<>()).computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(mention);
        }
        byDoc.forEach((doc, acts) -> {
            java.util.Set<String> verbs = new java.util.TreeSet<>(), dates = new java.util.TreeSet<>(), places = new java.util.TreeSet<>();
            for (var e : acts.entrySet()) {
                String[] k = e.getKey().split("\\|", -1);
                Resource first = e.getValue().get(0);
                Resource act = out.createResource(doc.getURI() + "/act/" + Slugs.sha1Prefix(e.getKey()))
                    .addProperty(RDF.type, Sco.DocumentAct)
                    .addProperty(Sco.action, k[0].isEmpty() ? "none" : k[0]);
                if (!k[1].isEmpty()) act.addProperty(Sco.actionDate, first.getProperty(Sco.actionDate).getObject());
                if (!k[2].isEmpty()) act.addProperty(Sco.actionPlace, out.createResource(k[2]));
                for (Resource m : e.getValue()) act.addProperty(Sco.wasDerivedFrom, m);
                out.add(doc, Sco.act, act);
                if (!k[0].isEmpty() && !k[0].equals("none")) verbs.add(k[0]);
                if (!k[1].isEmpty()) dates.add(k[1]);
                if (!k[2].isEmpty()) places.add(k[2]);
            }
            if (verbs.size() > 1 || org.scokg.extract.Dates.disagree(dates) || places.size() > 1)
                out.addLiteral(doc, Sco.actsDisagree, out.createTypedLiteral(true));
        });
    }

    private static String string(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null ? "" : s.getObject().isLiteral() ? s.getLiteral().getLexicalForm() : s.getResource().getURI();
    }
}
