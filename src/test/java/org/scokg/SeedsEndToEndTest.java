package org.scokg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.store.ScokgStore;

/** Builds the five seeds into a fresh TDB2 store and checks facts through the canned queries. */
class SeedsEndToEndTest {
    @TempDir
    static Path dir;
    static ScokgStore store;
    static ScokgStore.BuildSummary summary;

    @BeforeAll
    static void build() throws Exception {
        store = ScokgStore.open(dir.resolve("tdb2"));
        summary = store.build(List.of(Path.of("seeds")), s -> {});
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Rows of a canned query, each a map of column to lexical form ("" when unbound). */
    static List<Map<String, String>> query(String name, Map<String, String> params) {
        return CannedRows.of(store, name, params);
    }

    @Test
    void buildIsCleanAndValid() {
        assertEquals(5, summary.processed().size());
        assertTrue(summary.failed().isEmpty(), summary.failed().toString());
        assertEquals(0, summary.shaclViolations(), summary.shaclMessages().toString());
    }

    @Test
    void fiveMeetingsWithDatesVenuesAndChairs() {
        List<Map<String, String>> m = query("meetings", Map.of());
        assertEquals(5, m.size());
        List<String> summaries = m.stream().map(r -> String.join("|", r.get("source").substring(0, 3), r.get("ordinal"),
            r.get("startDate"), r.get("endDate"), r.get("venueLabel"), r.get("online"), r.get("chairName"), r.get("chairCountry"))).toList();
        assertEquals(List.of(
            "003|19|2020-11-30|2020-11-30||true|奈杜|IND",
            "001|20|2021-11-25|2021-11-25||true|马明|KAZ",
            "004||2022-09-16|2022-09-16|撒马尔罕|false||",
            "000|22|2023-10-26|2023-10-26|比什凯克|false|扎帕罗夫|KGZ",
            "002|24|2025-11-17|2025-11-18|莫斯科|false|米舒斯京|RUS"), summaries);
        assertEquals("上海合作组织成员国元首理事会", m.get(2).get("bodyLabel"));
    }

    @Test
    void everyNamedAttendeeWithStateOrOrganisationTitleAndCapacity() {
        List<Map<String, String>> a = query("attendees", Map.of());
        assertEquals(66, a.size());
        Map<String, Map<String, String>> novikov = new LinkedHashMap<>();
        for (var r : a) if (r.get("name").equals("诺维科夫")) novikov.put(r.get("source"), r);
        var n = novikov.get("003_740a038ea85bf232.txt");
        assertEquals("KGZ", n.get("countryCode"));
        assertEquals("代总理、第一副总理", n.get("role"));
        assertEquals("member", n.get("capacity"));
        var chi = a.stream().filter(r -> r.get("name").equals("迟方")).findFirst().orElseThrow();
        assertEquals("亚洲相互协作与信任措施会议", chi.get("orgLabel"));
        assertEquals("organization", chi.get("capacity"));
        assertEquals(4, a.stream().filter(r -> r.get("capacity").equals("sco_body") && r.get("source").startsWith("000")).count());
        List<Map<String, String>> mishustin = a.stream().filter(r -> r.get("name").equals("米舒斯京")).toList();
        assertEquals(4, mishustin.size(), "in the 2020, 2021, 2023 and 2025 communiqués");
        assertEquals(1, mishustin.stream().map(r -> r.get("person")).distinct().count(), "one person across years");
        assertEquals(List.of("CHN"), query("attendees", Map.of("countryCode", "CHN")).stream().map(r -> r.get("countryCode")).distinct().toList());
    }

    @Test
    void everyDocumentMentionWithOffsetsNestingAndActions() {
        List<Map<String, String>> m = query("mentions", Map.of());
        assertEquals(204, m.size());
        assertEquals(15, m.stream().filter(r -> r.get("nested").equals("true")).count());
        var road = m.stream().filter(r -> r.get("source").startsWith("003") && r.get("surface").endsWith("国际道路运输便利化协定")).findFirst().orElseThrow();
        assertEquals("2014-09-12", road.get("date"));
        assertEquals("杜尚别", road.get("venueLabel"));
        assertEquals("signed", road.get("action"));
    }

    @Test
    void theRoadTransportAgreementIsTracedAcrossEveryYearByAnySpelling() {
        for (String spelling : List.of("上合组织成员国政府间国际道路运输便利化协定", "上海合作组织成员国政府间国际道路运输便利化协议",
                                       "國際道路運輸便利化協議")) {
            List<Map<String, String>> t = query("agreement-trace", Map.of("title", spelling));
            assertEquals(List.of("2020", "2021", "2022", "2023", "2025"),
                t.stream().map(r -> r.get("meetingDate").substring(0, 4)).toList(), spelling);
            assertEquals("上合组织成员国政府间国际道路运输便利化协定", t.get(0).get("title"));
        }
    }

    @Test
    void theCanonicalDocumentKeepsEveryReportedActAndFlagsDisagreement() {
        String q = """
            PREFIX sco: <https://w3id.org/scokg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?action ?date (COUNT(?m) AS ?n) ?disagree WHERE {
              ?doc sco:canonicalKey ?k FILTER(STRENDS(?k, "国际道路运输便利化协定"))
              ?doc sco:act ?act ; sco:actsDisagree ?disagree .
              ?act sco:action ?action ; sco:actionDate ?date ; prov:wasDerivedFrom ?m .
            } GROUP BY ?action ?date ?disagree ORDER BY ?action""";
        List<String> rows = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> rows.add(s.get("action").asLiteral().getString() + " "
                    + s.get("date").asLiteral().getLexicalForm() + " x" + s.get("n").asLiteral().getInt()
                    + " " + s.get("disagree").asLiteral().getBoolean()));
            }
        });
        assertEquals(List.of("adopted 2014-09-12 x2 true", "none 2014-09-12 x2 true", "signed 2014-09-12 x1 true"), rows);
    }

    @Test
    void chairmanshipsAndNextMeetings() {
        List<Map<String, String>> p = query("presidency", Map.of());
        assertTrue(p.stream().anyMatch(r -> r.get("countryCode").equals("IND") && r.get("fromYear").equals("2022")
            && r.get("toYear").equals("2023") && r.get("status").equals("outgoing")));
        assertTrue(p.stream().anyMatch(r -> r.get("countryCode").equals("KGZ") && r.get("status").equals("incoming")));
        List<Map<String, String>> n = query("next-meeting", Map.of());
        assertEquals(List.of("2022|CHN", "2024|PAK", "2026|TJK"), n.stream().map(r -> r.get("year") + "|" + r.get("hostCountryCode")).toList());
    }

    @Test
    void documentsMergeSpellingVariants() {
        List<Map<String, String>> d = query("documents", Map.of());
        var road = d.stream().filter(r -> r.get("title").equals("上合组织成员国政府间国际道路运输便利化协定")).toList();
        assertEquals(1, road.size());
        assertEquals("5", road.get(0).get("mentionCount"));
        assertEquals("2014-09-12", road.get(0).get("date"));
        assertEquals("intergovernmental", road.get(0).get("scope"));
    }

    @Test
    void titlesRewordedAcrossYearsAreTracedAsOneDocument() {
        // the 2021 communiqué's title and the 2022 declaration's rewording of it: one document,
        // traced from either spelling, its mentions counted once under the document that stands for both
        for (String[] spellings : List.of(
                new String[] {"建立上合组织科技园区库和创新集群的构想", "上合组织成员国科技园园区库和创新集群构想"},
                new String[] {"上合组织成员国远程医疗领域合作构想", "上合组织成员国卫生部门远程医疗合作构想"})) {
            for (String spelling : spellings) {
                List<Map<String, String>> t = query("agreement-trace", Map.of("title", spelling));
                assertEquals(List.of("2021", "2022"), t.stream().map(r -> r.get("meetingDate").substring(0, 4)).toList(), spelling);
                assertEquals(1, t.stream().map(r -> r.get("doc")).distinct().count(), spelling);
                assertEquals(List.of(spellings[0], spellings[1]), t.stream().map(r -> r.get("surface")).toList());
            }
        }
    }
}
