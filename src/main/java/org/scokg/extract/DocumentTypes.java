package org.scokg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The type of a named document, from the genre word its title ends with (协定 → Agreement,
 * 行动计划 → Plan…), read from {@code rules/document-types.tsv}; and its scope.
 */
public final class DocumentTypes {
    private DocumentTypes() {}

    private record Suffix(String suffix, String type) {}

    private static final List<Suffix> SUFFIXES = load();
    /** A trailing bracketed range or year: （2022—2026年）, (2023—2027年). */
    private static final Pattern TRAILING_YEARS = Pattern.compile("[（(][^（）()]{0,20}[）)]$");

    private static List<Suffix> load() {
        List<Suffix> out = new ArrayList<>();
        try (InputStream in = DocumentTypes.class.getClassLoader().getResourceAsStream("rules/document-types.tsv")) {
            if (in == null) throw new IllegalStateException("rules/document-types.tsv is missing from the build");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] cols = t.split("\t");
                if (cols.length < 2) throw new IllegalStateException("rules/document-types.tsv: expected 'suffix<TAB>Type': " + t);
                out.add(new Suffix(cols[0].strip(), cols[1].strip()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.sort(Comparator.comparingInt((Suffix s) -> s.suffix().length()).reversed());
        return List.copyOf(out);
    }

    /** The local name of the document class (e.g. "Agreement"), or null when the title says nothing. */
    public static String typeOf(String key) {
        String k = TRAILING_YEARS.matcher(key).replaceAll("");
        for (Suffix s : SUFFIXES) if (k.endsWith(s.suffix())) return s.type();
        return null;
    }

    /** intergovernmental (成员国政府间…), sco (any other SCO document) or external (UN Charter…). */
    public static String scope(String key) {
        if (key.contains("政府间")) return "intergovernmental";
        if (key.contains("上合组织") || key.contains("上海合作组织")) return "sco";
        return "external";
    }
}
