package org.scokg.extract;

import org.scokg.text.SourceText;

/**
 * The one door into extraction: a decoded source text in, its facts out (the model,
 * {@code org.scokg.model.RdfMapper}, writes them as RDF). Thread-safe; the rules and the gazetteer are read on first use (again
 * when the resource base changes).
 */
public final class Extraction {
    private Extraction() {}

    private static volatile Extractor extractor;
    private static volatile Gazetteer gazetteer;

    /** The extractor over the built-in gazetteer; rebuilt when the resource base changes (--base). */
    private static Extractor extractor() {
        Gazetteer g = Gazetteer.builtIn();
        Extractor x = extractor;
        if (x == null || gazetteer != g) {
            synchronized (Extraction.class) {
                if (extractor == null || gazetteer != g) {
                    extractor = new Extractor(g);
                    gazetteer = g;
                }
                x = extractor;
            }
        }
        return x;
    }

    /**
     * The IRI of the state or organisation an affiliation written {@code spelling} names, as
     * extraction resolves a delegate's (organs of an organisation stand for it), or null when the
     * gazetteer does not know it.
     */
    public static String affiliationIri(String spelling) {
        return extractor().affiliationIri(spelling);
    }

    /** Extracts the facts of one document, before they become RDF. */
    public static Facts.Document facts(SourceText source) {
        return extractor().extract(source);
    }
}
