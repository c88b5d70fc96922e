package org.scokg.vocab;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

import com.hankcs.hanlp.HanLP;

/**
 * Labels computed from a Simplified Chinese label, never written by hand: Traditional
 * Chinese ({@code @zh-Hant}, HanLP's conversion) and pinyin without tones
 * ({@code @zh-Latn-pinyin}, syllables separated by one space). Both are
 * {@code skos:altLabel}s, so that every query that reads {@code @zh} labels is unchanged.
 */
public final class ScriptLabels {
    private ScriptLabels() {}

    /** Language tag of the Traditional Chinese labels. */
    public static final String HANT = "zh-Hant";
    /** Language tag of the pinyin labels. */
    public static final String PINYIN = "zh-Latn-pinyin";

    /** The classes of the gazetteer whose members get the computed labels. */
    static final List<Resource> GAZETTEER_CLASSES = List.of(Sco.State, Sco.City, Sco.AdministrativeArea, Sco.SCOBody, Sco.Council, Sco.Organisation);

    public static String traditional(String simplified) { return HanLP.convertToTraditionalChinese(simplified); }

    public static String pinyin(String simplified) {
        String cached = PINYIN_CACHE.get(simplified);
        if (cached != null) return cached;
        String p = HanLP.convertToPinyinString(simplified, " ", false);
        if (simplified.length() <= 32) {
            if (PINYIN_CACHE.size() >= 20_000) PINYIN_CACHE.clear();
            PINYIN_CACHE.put(simplified, p);
        }
        return p;
    }

    /** Pinyin labels already computed: the same names recur in every document. */
    private static final java.util.Map<String, String> PINYIN_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Pinyin as the search compares it: lower-case ASCII letters and digits only. */
    public static String searchKey(String pinyin) {
        return pinyin == null ? "" : pinyin.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Adds the zh-Hant and pinyin alternative labels of {@code label} to {@code r}. */
    public static void addTo(Resource r, String label) {
        r.addProperty(Sco.altLabel, traditional(label), HANT);
        r.addProperty(Sco.altLabel, pinyin(label), PINYIN);
    }

    /**
     * Adds to the gazetteer graph {@code g}, for every state, city, administrative area, SCO body, council and
     * organisation, the zh-Hant and pinyin labels of its {@code @zh} skos:prefLabel.
     */
    public static void enrichGazetteer(Graph g) {
        Model m = ModelFactory.createModelForGraph(g);
        for (Resource cls : GAZETTEER_CLASSES)
            for (Resource r : m.listResourcesWithProperty(RDF.type, cls).toList())
                for (Statement s : r.listProperties(Sco.prefLabel).toList())
                    if (s.getObject().isLiteral() && s.getLanguage().equalsIgnoreCase("zh"))
                        addTo(r, s.getString());
    }
}
