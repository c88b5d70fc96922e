package org.scokg.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.scokg.query.CannedQueries;
import org.scokg.query.Page;

/** The SPARQL the bench sends to the plain endpoint for a canned request parses, pages and lookups of keyed queries included. */
class PlainSparqlTest {
    @Test
    void everyRequestOfTheBenchIsValidSparql() {
        CannedQueries catalog = CannedQueries.builtIn();
        List<Map<String, String>> lookups = List.of(
            Map.of("doc", "https://w3id.org/scokg/id/document/x"), Map.of("source", "a.txt"), Map.of("action", "signed"),
            Map.of("meeting", "https://w3id.org/scokg/id/meeting/x"), Map.of("countryCode", "CHN"), Map.of("scope", "sco"),
            Map.of("title", "上合组织"), Map.of("year", "2023"));
        int checked = 0;
        for (String name : catalog.names()) {
            var q = catalog.get(name);
            for (Page page : List.of(Page.ALL, new Page(0, 100), new Page(300, 101), new Page(5, 0))) {
                for (Map<String, String> params : lookups) {
                    if (!q.params().stream().map(p -> p.name()).toList().containsAll(params.keySet())) continue;
                    if (q.params().stream().anyMatch(p -> p.required() && !params.containsKey(p.name()))) continue;
                    String text = new Bench.Request(name, params, page).sparql(catalog);
                    Query parsed = assertDoesNotThrow(() -> QueryFactory.create(text), name + " " + params + " " + page + ":\n" + text);
                    assertEquals(q.columns(), parsed.getResultVars(), name + " " + params + " " + page);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 30, "requests checked: " + checked);
    }
}
