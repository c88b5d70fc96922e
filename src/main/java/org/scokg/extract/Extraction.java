package org.scokg.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    private static volatile List<Path> extraRules = List.of();

    /**
     * Adds the {@code *.rules} files of these directories to the built-in rules, for every
     * extraction from now on in this JVM (a user's own phrasings: {@code scokg --rules DIR}).
     * The rules are read at once, so a file that cannot be read fails here.
     *
     * @throws IllegalArgumentException naming a directory that does not exist
     * @throws org.scokg.rules.RuleSyntaxException naming the file and line of a bad rule
     */
    public static synchronized void useRuleDirectories(List<Path> directories) {
        for (Path d : directories)
            if (!Files.isDirectory(d)) throw new IllegalArgumentException("no rule directory " + d);
        Extractor x = new Extractor(Gazetteer.builtIn(), List.copyOf(directories));
        extraRules = List.copyOf(directories);
        extractor = x;
        gazetteer = Gazetteer.builtIn();
    }

    /** The extractor over the built-in gazetteer; rebuilt when the resource base changes (--base). */
    private static Extractor extractor() {
        Gazetteer g = Gazetteer.builtIn();
        Extractor x = extractor;
        if (x == null || gazetteer != g) {
            synchronized (Extraction.class) {
                if (extractor == null || gazetteer != g) {
                    extractor = new Extractor(g, extraRules);
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
