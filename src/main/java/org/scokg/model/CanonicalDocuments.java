package org.scokg.model;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

/**
 * What can only be said of a document once every source is in: its one preferred title.
 * Each source graph names the documents it cites with the spelling it uses
 * (skos:altLabel); this step reads the union and picks, per document, the spelling
 * written most often (then the longest, as the fullest form, then the first in code-point
 * order, so that the choice is stable), with its Traditional Chinese and pinyin forms
 * ({@link ScriptLabels}). The result belongs in its own graph, {@link #GRAPH}, rebuilt
 * whenever sources change.
 */
public final class CanonicalDocuments {
    private CanonicalDocuments() {}

    /** The graph that holds the canonical titles. */
    public static final String GRAPH = "https://w3id.org/scokg/canonical";

    /** The canonical-title triples for every document cited in {@code union}. */
    public static Model compute(Model union) {
        Map<Resource, Map<String, Integer>> counts = new HashMap<>();
        for (Resource mention : union.listResourcesWithProperty(RDF.type, Sco.Mention).toList()) {
            Statement of = mention.getProperty(Sco.mentionOf);
            Statement surface = mention.getProperty(Sco.surface);
            if (of == null || surface == null || !of.getObject().isURIResource()) continue;
            counts.computeIfAbsent(of.getResource(), k -> new TreeMap<>()).merge(surface.getString(), 1, Integer::sum);
        }
        Model out = ModelFactory.createDefaultModel();
        Comparator<Map.Entry<String, Integer>> best = Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> e.getKey().length()).reversed())
            .thenComparing(Map.Entry::getKey);
        counts.forEach((doc, spellings) -> {
            String title = spellings.entrySet().stream().sorted(best).findFirst().orElseThrow().getKey();
            out.add(doc, Sco.prefLabel, title, "zh");
            ScriptLabels.addTo(out.createResource(doc.getURI()), title);
        });
        return out;
    }
}
