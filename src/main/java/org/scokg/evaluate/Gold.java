package org.scokg.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written gold annotations of one document (format: src/test/resources/gold/FORMAT.md):
 * a list of facts, each a kind and its fields.
 */
public record Gold(String fileName, List<Fact> facts) {
    /** One annotated fact. */
    public record Fact(String kind, Map<String, String> fields, int line) {
        public String get(String key) { return fields.getOrDefault(key, ""); }
    }

    /** Reads {@code DIR/<fileName>.tsv}. */
    public static Gold read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".tsv")) throw new IllegalArgumentException("gold files end in .tsv: " + file);
        List<Fact> facts = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] cols = l.split("\t");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 1; c < cols.length; c++) {
                int eq = cols[c].indexOf('=');
                if (eq < 0) throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected key=value, got '" + cols[c] + "'");
                fields.put(cols[c].substring(0, eq).strip(), cols[c].substring(eq + 1).strip());
            }
            facts.add(new Fact(cols[0].strip(), fields, i + 1));
        }
        return new Gold(name.substring(0, name.length() - 4), facts);
    }

    public List<Fact> of(String kind) {
        return facts.stream().filter(f -> f.kind().equals(kind)).toList();
    }
}
