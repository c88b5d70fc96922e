package org.scokg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scokg.query.Fixture.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every canned query of the contract, run over the model-sample fixture. */
class CannedQueriesTest {
    /** The columns CONTRACT.md fixes, in order. */
    static final Map<String, List<String>> CONTRACT_COLUMNS = new LinkedHashMap<>();
    static {
        CONTRACT_COLUMNS.put("meetings", List.of("meeting", "source", "bodyLabel", "ordinal", "startDate", "endDate", "venueLabel", "online", "chairName", "chairCountry"));
        CONTRACT_COLUMNS.put("attendees", List.of("meeting", "source", "person", "name", "countryCode", "orgLabel", "role", "capacity"));
        CONTRACT_COLUMNS.put("mentions", List.of("doc", "source", "surface", "nested", "offset", "date", "venueLabel", "action"));
        CONTRACT_COLUMNS.put("documents", List.of("doc", "title", "date", "venueLabel", "scope", "mentionCount"));
        CONTRACT_COLUMNS.put("agreement-trace", List.of("doc", "title", "source", "meetingDate", "surface", "sentence"));
        CONTRACT_COLUMNS.put("presidency", List.of("source", "countryCode", "fromYear", "toYear", "status"));
        CONTRACT_COLUMNS.put("next-meeting", List.of("source", "year", "hostCountryCode"));
    }

    static Dataset ds;

    @BeforeAll
    static void setUp() { ds = Fixture.load(); }

    @AfterAll
    static void tearDown() { ds.close(); }

    private static Map<String, String> p(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    private static void assertPrefix(List<String> expected, List<String> actual, String what) {
        assertTrue(actual.size() >= expected.size() && actual.subList(0, expected.size()).equals(expected),
            what + ": expected the columns to start with " + expected + " but got " + actual);
    }

    // ------------------------------------------------------------------ catalogue

    @Test
    void builtInCatalogueHasEveryContractQueryWithItsColumnsAndAHeader() {
        CannedQueries all = CannedQueries.builtIn();
        assertTrue(all.names().containsAll(CannedQueries.CONTRACT_NAMES), all.names().toString());
        for (var e : CONTRACT_COLUMNS.entrySet()) {
            CannedQuery q = all.get(e.getKey());
            assertPrefix(e.getValue(), q.columns(), e.getKey());
            assertFalse(q.description().isBlank(), e.getKey() + " has no description");
            for (CannedQuery.Param param : q.params()) assertFalse(param.description().isBlank(), e.getKey() + "/" + param.name());
        }
    }

    @Test
    void indexListsExactlyTheContractQueries() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("queries/index.txt"), StandardCharsets.UTF_8).stream()
            .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        assertEquals(CannedQueries.CONTRACT_NAMES, lines);
        for (String n : lines) assertTrue(Files.isRegularFile(Path.of("queries", n + ".rq")), n);
    }

    @Test
    void resultVariablesStartWithTheContractColumns() {
        Map<String, Map<String, String>> params = Map.of("agreement-trace", p("title", "协定"));
        for (var e : CONTRACT_COLUMNS.entrySet()) {
            Table t = run(ds, e.getKey(), params.getOrDefault(e.getKey(), Map.of()));
            assertPrefix(e.getValue(), t.columns(), e.getKey());
            assertFalse(t.rows().isEmpty(), e.getKey() + " returned no rows over the fixture");
        }
    }

    @Test
    void parametersAreDeclaredWithTheirTypes() {
        CannedQuery trace = CannedQueries.builtIn().get("agreement-trace");
        assertEquals(1, trace.params().size());
        assertEquals("title", trace.params().get(0).name());
        assertEquals(ParamType.TITLE, trace.params().get(0).type());
        assertTrue(trace.params().get(0).required());
        CannedQuery attendees = CannedQueries.builtIn().get("attendees");
        CannedQuery.Param cc = attendees.params().stream().filter(x -> x.name().equals("countryCode")).findFirst().orElseThrow();
        assertEquals(ParamType.ISO3, cc.type());
        assertFalse(cc.required());
    }

    // ------------------------------------------------------------------ meetings

    @Test
    void meetingsOnePerReportedMeetingOldestFirst() {
        Table t = run(ds, "meetings", Map.of());
        assertEquals(List.of(MEETING_2020, MEETING_2023), t.column("meeting"));
        assertEquals(List.of(SRC_2020, SRC_2023), t.column("source"));
        assertEquals(List.of("19", "22"), t.column("ordinal"));
        assertEquals(List.of("2020-11-30", "2023-10-26"), t.column("startDate"));
        assertEquals(List.of("2020-11-30", "2023-10-26"), t.column("endDate"));
        assertEquals(XSDDatatype.XSDdate.getURI(), t.node(1, "startDate").asLiteral().getDatatypeURI());
        assertEquals(List.of("true", "false"), t.column("online"));
        assertEquals(XSDDatatype.XSDboolean.getURI(), t.node(0, "online").asLiteral().getDatatypeURI());
        assertEquals(List.of("上海合作组织成员国政府首脑（总理）理事会", "上海合作组织成员国政府首脑（总理）理事会"), t.column("bodyLabel"));
        assertEquals("zh", t.node(0, "bodyLabel").asLiteral().getLanguage());
        assertNull(t.get(0, "venueLabel"), "an online meeting has no venue");
        assertEquals("比什凯克", t.get(1, "venueLabel"));
        assertEquals(List.of("奈杜", "扎帕罗夫"), t.column("chairName"));
        assertEquals(List.of("IND", "KGZ"), t.column("chairCountry"));
    }

    @Test
    void meetingsOptionalSourceAndYear() {
        assertEquals(List.of(MEETING_2020), run(ds, "meetings", p("source", SRC_2020)).column("meeting"));
        assertEquals(List.of(SRC_2023), run(ds, "meetings", p("source", SRC_2023)).column("source"));
        assertEquals(List.of(), run(ds, "meetings", p("source", "nope.txt")).rows());
        assertEquals(List.of(MEETING_2023), run(ds, "meetings", p("year", "2023")).column("meeting"));
        assertEquals(List.of(), run(ds, "meetings", p("year", "2021")).rows());
        assertEquals(List.of(MEETING_2020), run(ds, "meetings", p("year", "2020", "source", SRC_2020)).column("meeting"));
        assertEquals(List.of(), run(ds, "meetings", p("year", "2020", "source", SRC_2023)).rows());
    }

    // ------------------------------------------------------------------ attendees

    @Test
    void attendeesOnePerNamedPersonInTextOrder() {
        Table t = run(ds, "attendees", Map.of());
        assertEquals(List.of("李强", "扎帕罗夫", "张明", "戈洛夫琴科", "奈杜", "李克强"), t.column("name"),
            "named people only (the unnamed CIS representative is left out), by source then offset");
        assertEquals(List.of(SRC_2023, SRC_2023, SRC_2023, SRC_2023, SRC_2020, SRC_2020), t.column("source"));
        assertEquals(java.util.Arrays.asList("CHN", "KGZ", null, "BLR", "IND", "CHN"), t.column("countryCode"));
        assertEquals(List.of("member", "member", "sco_body", "observer", "member", "member"), t.column("capacity"));
        assertEquals(List.of("国务院总理", "总理", "秘书长", "总理", "副总统", "国务院总理"), t.column("role"));
        assertEquals(java.util.Arrays.asList(null, null, "上海合作组织秘书处", null, null, null), t.column("orgLabel"));
        assertEquals(ID + "person/chn-li-qiang", t.get(0, "person"));
        assertEquals(MEETING_2023, t.get(0, "meeting"));
        assertEquals("sat-in", t.get(2, "attendanceMode"));
        assertFalse(t.column("rule").contains("attendee.unnamed-org"));
    }

    @Test
    void attendeesOptionalFilters() {
        Table chn = run(ds, "attendees", p("countryCode", "CHN"));
        assertEquals(List.of("李强", "李克强"), chn.column("name"));
        assertEquals(List.of("CHN", "CHN"), chn.column("countryCode"));
        assertEquals(List.of(), run(ds, "attendees", p("countryCode", "RUS")).rows());
        assertEquals(List.of("戈洛夫琴科"), run(ds, "attendees", p("capacity", "observer")).column("name"));
        assertEquals(List.of("张明"), run(ds, "attendees", p("capacity", "sco_body")).column("name"));
        assertEquals(List.of("奈杜", "李克强"), run(ds, "attendees", p("meeting", MEETING_2020)).column("name"));
        assertEquals(List.of("李克强"), run(ds, "attendees", p("source", SRC_2020, "countryCode", "CHN")).column("name"));
        assertThrows(IllegalArgumentException.class, () -> run(ds, "attendees", p("countryCode", "chn")));
        assertThrows(IllegalArgumentException.class, () -> run(ds, "attendees", p("country", "CHN")));
    }

    // ------------------------------------------------------------------ mentions

    @Test
    void mentionsOnePerOccurrenceBySourceAndOffset() {
        Table t = run(ds, "mentions", Map.of());
        assertEquals(List.of(SRC_2023, SRC_2023, SRC_2023, SRC_2020), t.column("source"));
        assertEquals(List.of("812", "900", "901", "300"), t.column("offset"));
        assertEquals(List.of(ROAD_AGREEMENT, PLAN, PROGRAMME, ROAD_AGREEMENT), t.column("doc"));
        assertEquals(List.of("false", "false", "true", "false"), t.column("nested"));
        assertEquals(List.of("none", "approved", "none", "signed"), t.column("action"));
        assertEquals("上合组织成员国政府间国际道路运输便利化协定", t.get(3, "surface"));
        assertEquals("〈上海合作组织成员国多边经贸合作纲要〉落实措施计划", t.get(1, "surface"));
        assertEquals(java.util.Arrays.asList(null, "2023-10", null, "2014-09-12"), t.column("date"));
        assertEquals(XSDDatatype.XSDgYearMonth.getURI(), t.node(1, "date").asLiteral().getDatatypeURI());
        assertEquals(java.util.Arrays.asList(null, null, null, "杜尚别"), t.column("venueLabel"));
        assertEquals(ID + "mention/000_4d1f60703d6d6267.txt/900", t.get(2, "nestedIn"));
    }

    @Test
    void mentionsOptionalFilters() {
        assertEquals(List.of("300"), run(ds, "mentions", p("source", SRC_2020)).column("offset"));
        assertEquals(List.of("300"), run(ds, "mentions", p("action", "signed")).column("offset"));
        assertEquals(List.of("812", "901"), run(ds, "mentions", p("action", "none")).column("offset"));
        assertEquals(List.of(SRC_2023, SRC_2020), run(ds, "mentions", p("doc", ROAD_AGREEMENT)).column("source"));
        assertEquals(List.of(), run(ds, "mentions", p("doc", ROAD_AGREEMENT, "action", "adopted")).rows());
    }

    // ------------------------------------------------------------------ documents

    @Test
    void documentsOnePerCanonicalDocument() {
        Table t = run(ds, "documents", Map.of());
        assertEquals(List.of(PLAN, PROGRAMME, ROAD_AGREEMENT), t.column("doc"), "ordered by title");
        assertEquals(List.of("〈上海合作组织成员国多边经贸合作纲要〉落实措施计划", "上海合作组织成员国多边经贸合作纲要",
            "上海合作组织成员国政府间国际道路运输便利化协定"), t.column("title"));
        assertEquals(List.of("1", "1", "2"), t.column("mentionCount"), "two spellings, one document, two mentions");
        assertEquals(java.util.Arrays.asList("2023-10", null, "2014-09-12"), t.column("date"));
        assertEquals(XSDDatatype.XSDdate.getURI(), t.node(2, "date").asLiteral().getDatatypeURI());
        assertEquals(java.util.Arrays.asList(null, null, "杜尚别"), t.column("venueLabel"));
        assertEquals(List.of("sco", "sco", "intergovernmental"), t.column("scope"));
    }

    @Test
    void documentsOptionalScope() {
        assertEquals(List.of(ROAD_AGREEMENT), run(ds, "documents", p("scope", "intergovernmental")).column("doc"));
        assertEquals(List.of("sco", "sco"), run(ds, "documents", p("scope", "sco")).column("scope"));
        assertEquals(List.of(), run(ds, "documents", p("scope", "external")).rows());
    }

    // ------------------------------------------------------------------ agreement-trace

    @Test
    void agreementTraceFindsADocumentByPartOfItsTitleOldestFirst() {
        Table t = run(ds, "agreement-trace", p("title", "国际道路运输 便利化"));
        assertEquals(List.of(ROAD_AGREEMENT, ROAD_AGREEMENT), t.column("doc"));
        assertEquals(List.of(SRC_2020, SRC_2023), t.column("source"), "the 2020 meeting before the 2023 one");
        assertEquals(List.of("2020-11-30", "2023-10-26"), t.column("meetingDate"));
        assertEquals(List.of("上合组织成员国政府间国际道路运输便利化协定", "上海合作组织成员国政府间国际道路运输便利化协定"), t.column("surface"));
        assertTrue(t.get(0, "sentence").contains("杜尚别签署"), t.get(0, "sentence"));
        assertEquals(List.of("上海合作组织成员国政府间国际道路运输便利化协定", "上海合作组织成员国政府间国际道路运输便利化协定"), t.column("title"));
        assertEquals(List.of("300", "812"), t.column("offset"));
    }

    @Test
    void agreementTraceByAFullSpellingAndByAnAmbiguousPart() {
        Table full = run(ds, "agreement-trace", p("title", "上海合作组织成员国政府间国际道路运输便利化协定"));
        assertEquals(2, full.rows().size());
        Table part = run(ds, "agreement-trace", p("title", "多边经贸合作纲要"));
        assertEquals(List.of(PLAN, PROGRAMME), part.column("doc"), "same source and meeting: by offset");
        assertEquals(List.of("900", "901"), part.column("offset"));
    }

    @Test
    void agreementTraceIsInjectionSafeAndNeedsATitle() {
        assertEquals(List.of(), run(ds, "agreement-trace", p("title", "\"} ; DROP ALL #")).rows());
        assertEquals(List.of(), run(ds, "agreement-trace", p("title", "协定\" || true || \"")).rows());
        assertEquals(List.of(), run(ds, "agreement-trace", p("title", "上海合作组织宪章")).rows());
        assertThrows(IllegalArgumentException.class, () -> run(ds, "agreement-trace", Map.of()));
        // the store is untouched
        assertEquals(3, run(ds, "documents", Map.of()).rows().size());
    }

    // ------------------------------------------------------------------ presidency

    @Test
    void presidencyOnePerStatement() {
        Table t = run(ds, "presidency", Map.of());
        assertEquals(List.of(SRC_2023, SRC_2023), t.column("source"));
        assertEquals(List.of("KGZ", "PAK"), t.column("countryCode"));
        assertEquals(List.of("2022", "2023"), t.column("fromYear"));
        assertEquals(List.of("2023", "2024"), t.column("toYear"));
        assertEquals(XSDDatatype.XSDgYear.getURI(), t.node(0, "fromYear").asLiteral().getDatatypeURI());
        assertEquals(List.of("outgoing", "incoming"), t.column("status"));
    }

    @Test
    void presidencyOptionalFilters() {
        assertEquals(List.of("PAK"), run(ds, "presidency", p("status", "incoming")).column("countryCode"));
        assertEquals(List.of("outgoing"), run(ds, "presidency", p("countryCode", "KGZ")).column("status"));
        assertEquals(List.of(), run(ds, "presidency", p("countryCode", "IND")).rows());
        assertEquals(List.of(), run(ds, "presidency", p("source", SRC_2020)).rows());
    }

    // ------------------------------------------------------------------ next-meeting

    @Test
    void nextMeetingOnePerAnnouncement() {
        Table t = run(ds, "next-meeting", Map.of());
        assertEquals(1, t.rows().size());
        assertEquals(SRC_2023, t.get(0, "source"));
        assertEquals("2024", t.get(0, "year"));
        assertEquals(XSDDatatype.XSDgYear.getURI(), t.node(0, "year").asLiteral().getDatatypeURI());
        assertEquals("PAK", t.get(0, "hostCountryCode"));
    }

    @Test
    void nextMeetingOptionalFilters() {
        assertEquals(List.of("PAK"), run(ds, "next-meeting", p("year", "2024")).column("hostCountryCode"));
        assertEquals(List.of(), run(ds, "next-meeting", p("year", "2025")).rows());
        assertEquals(List.of("2024"), run(ds, "next-meeting", p("hostCountryCode", "PAK")).column("year"));
        assertEquals(List.of(), run(ds, "next-meeting", p("hostCountryCode", "RUS")).rows());
        assertEquals(List.of(), run(ds, "next-meeting", p("source", SRC_2020)).rows());
    }

    @Test
    void iriParametersMayHaveAFragment() {
        assertEquals("https://w3id.org/scokg/ontology#Meeting", ParamType.IRI.toNode("p", "https://w3id.org/scokg/ontology#Meeting").getURI());
        assertEquals(MEETING_2023, ParamType.IRI.toNode("meeting", MEETING_2023).getURI());
        for (String bad : new String[] {"meeting/2023", "ftp://x/y", "http://", "http://a b"})
            assertThrows(IllegalArgumentException.class, () -> ParamType.IRI.toNode("p", bad), bad);
    }
}
