package org.scokg.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The catalogue of canned queries. They are read from the classpath ({@code queries/NAME.rq},
 * packed into the jar from the top-level {@code queries/} folder); {@link #fromDirectory}
 * reads a folder instead, for development.
 */
public final class CannedQueries {
    /** The names the contract fixes; every one must exist. */
    public static final List<String> CONTRACT_NAMES =
        List.of("meetings", "attendees", "mentions", "documents", "agreement-trace", "presidency", "next-meeting",
            "search", "changes", "person-timeline");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static volatile CannedQueries classpath;

    private final Map<String, CannedQuery> byName;

    private CannedQueries(Map<String, CannedQuery> byName) { this.byName = java.util.Collections.unmodifiableMap(new TreeMap<>(byName)); }

    /** The queries packed with scokg. */
    public static CannedQueries builtIn() {
        CannedQueries c = classpath;
        if (c == null) {
            Map<String, CannedQuery> m = new TreeMap<>();
            for (String n : listing()) {
                try (InputStream in = CannedQueries.class.getClassLoader().getResourceAsStream("queries/" + n + ".rq")) {
                    if (in == null) throw new IllegalStateException("queries/" + n + ".rq is missing from the build");
                    m.put(n, CannedQuery.parse(n, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read queries/" + n + ".rq: " + e.getMessage(), e);
                }
            }
            c = classpath = new CannedQueries(m);
        }
        return c;
    }

    /** Every {@code *.rq} file in {@code dir}. */
    public static CannedQueries fromDirectory(Path dir) throws IOException {
        Map<String, CannedQuery> m = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                if (!f.endsWith(".rq")) continue;
                String n = f.substring(0, f.length() - 3);
                m.put(n, CannedQuery.parse(n, Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return new CannedQueries(m);
    }

    /** The names of the built-in queries: the contract's plus any listed in queries/index.txt. */
    private static List<String> listing() {
        try (InputStream in = CannedQueries.class.getClassLoader().getResourceAsStream("queries/index.txt")) {
            if (in == null) return CONTRACT_NAMES;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            return CONTRACT_NAMES;
        }
    }

    public List<String> names() { return List.copyOf(byName.keySet()); }

    /**
     * The query called {@code name}.
     *
     * @throws IllegalArgumentException one line listing the known names when there is none
     */
    public CannedQuery get(String name) {
        CannedQuery q = name != null && NAME.matcher(name).matches() ? byName.get(name) : null;
        if (q == null)
            throw new IllegalArgumentException("no canned query '" + name + "'; known: " + String.join(", ", byName.keySet()));
        return q;
    }
}
