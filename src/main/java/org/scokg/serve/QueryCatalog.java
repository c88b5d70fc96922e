package org.scokg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.scokg.query.CannedQueries;
import org.scokg.query.CannedQuery;

/**
 * The canned queries the server offers. Built from a {@link CannedQueries}; when the
 * built-in catalogue cannot be loaded as a whole (a query file missing or broken), every
 * file that can be read is still offered and the others are reported as problems, so the
 * server and its pages keep working.
 */
final class QueryCatalog {
    private final Map<String, CannedQuery> byName;
    private final List<String> problems;

    private QueryCatalog(Map<String, CannedQuery> byName, List<String> problems) {
        this.byName = Collections.unmodifiableMap(byName);
        this.problems = List.copyOf(problems);
    }

    static QueryCatalog of(CannedQueries queries) {
        if (queries != null) return from(queries, List.of());
        try {
            return from(CannedQueries.builtIn(), List.of());
        } catch (RuntimeException e) {
            return fromClasspath(String.valueOf(e.getMessage()));
        }
    }

    private static QueryCatalog from(CannedQueries q, List<String> problems) {
        Map<String, CannedQuery> m = new TreeMap<>();
        for (String n : q.names()) m.put(n, q.get(n));
        return new QueryCatalog(m, problems);
    }

    /** Whatever {@code queries/NAME.rq} files the classpath holds, one by one. */
    private static QueryCatalog fromClasspath(String why) {
        ClassLoader cl = QueryCatalog.class.getClassLoader();
        Set<String> names = new LinkedHashSet<>(CannedQueries.CONTRACT_NAMES);
        try (InputStream in = cl.getResourceAsStream("queries/index.txt")) {
            if (in != null)
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).forEach(names::add);
        } catch (IOException e) {
            // the contract names are enough
        }
        Map<String, CannedQuery> m = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        problems.add("the built-in canned queries could not all be loaded: " + why);
        for (String n : names) {
            try (InputStream in = cl.getResourceAsStream("queries/" + n + ".rq")) {
                if (in == null) {
                    problems.add("canned query '" + n + "' is missing");
                    continue;
                }
                m.put(n, CannedQuery.parse(n, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                problems.add("canned query '" + n + "' cannot be read: " + e.getMessage());
            }
        }
        return new QueryCatalog(m, problems);
    }

    /** The query, or null when there is none of that name. */
    CannedQuery get(String name) { return name == null ? null : byName.get(name); }

    List<String> names() { return List.copyOf(byName.keySet()); }

    /** Human-readable notes about queries that could not be loaded. */
    List<String> problems() { return problems; }
}
