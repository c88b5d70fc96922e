package org.scokg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.store.ScokgStore;

/**
 * A concept cited as a draft one year and adopted the next under a reworded title (a
 * qualifier added), in two communiqués written for this test: `build` makes one document
 * of the two titles, and the canned queries count and trace it as one.
 */
class VariantTitlesEndToEndTest {
    @TempDir
    static Path dir;
    static ScokgStore store;
    static ScokgStore.BuildSummary summary;

    @BeforeAll
    static void build() throws Exception {
        Path texts = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(texts.resolve("communique-2024.txt"), String.join("\n",
            "上海合作组织成员国政府首脑（总理）理事会第二十三次会议联合公报",
            "　　2024年10月16日，上海合作组织成员国政府首脑（总理）理事会第二十三次会议在伊斯兰堡举行。",
            "　　各代表团团长注意到关于制定《上合组织成员国电子商务领域合作构想》草案的倡议。",
            "　　各代表团团长欢迎2024年7月4日在阿斯塔纳通过的《上合组织成员国元首理事会关于水安全的声明》。", ""));
        Files.writeString(texts.resolve("communique-2025.txt"), String.join("\n",
            "上海合作组织成员国政府首脑（总理）理事会第二十四次会议联合公报",
            "　　2025年11月18日，上海合作组织成员国政府首脑（总理）理事会第二十四次会议在莫斯科举行。",
            "　　各代表团团长欢迎2025年9月1日在天津通过的《上合组织成员国海关部门电子商务合作构想》，",
            "认为该构想的落实将促进地区贸易便利化。",
            "　　各代表团团长欢迎2025年9月1日在天津通过的《上合组织成员国元首理事会关于粮水安全的声明》。", ""));
        store = ScokgStore.open(dir.resolve("tdb2"));
        summary = store.build(List.of(texts), s -> {});
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<Map<String, String>> query(String name, Map<String, String> params) {
        return CannedRows.of(store, name, params);
    }

    @Test
    void theStoreIsValid() {
        assertEquals(2, summary.processed().size());
        assertEquals(0, summary.shaclViolations(), summary.shaclMessages().toString());
    }

    @Test
    void theRewordedTitleIsOneDocumentWithBothMentions() {
        List<Map<String, String>> docs = query("documents", Map.of()).stream()
            .filter(r -> r.get("title").contains("电子商务")).toList();
        assertEquals(1, docs.size(), docs.toString());
        assertEquals("2", docs.get(0).get("mentionCount"));
        assertEquals("2025-09-01", docs.get(0).get("date"));
        assertEquals("天津", docs.get(0).get("venueLabel"));
    }

    @Test
    void aTraceByEitherSpellingGivesBothYearsUnderOneDocument() {
        for (String spelling : List.of("上合组织成员国电子商务领域合作构想", "海关部门电子商务合作构想")) {
            List<Map<String, String>> rows = query("agreement-trace", Map.of("title", spelling));
            assertEquals(List.of("communique-2024.txt", "communique-2025.txt"), rows.stream().map(r -> r.get("source")).toList(), spelling);
            assertEquals(1, rows.stream().map(r -> r.get("doc")).distinct().count(), rows.toString());
            assertEquals(List.of("上合组织成员国电子商务领域合作构想", "上合组织成员国海关部门电子商务合作构想"),
                rows.stream().map(r -> r.get("surface")).toList());
        }
    }

    @Test
    void mentionsNameTheDocumentThatStandsForBoth() {
        List<Map<String, String>> rows = query("mentions", Map.of()).stream().filter(r -> r.get("surface").contains("电子商务")).toList();
        assertEquals(2, rows.size());
        assertEquals(rows.get(0).get("doc"), rows.get(1).get("doc"));
    }

    @Test
    void statementsOnDifferentTopicsStayApart() {
        // 水安全 / 粮水安全: one character apart, but adopted on different days
        long statements = query("documents", Map.of()).stream().filter(r -> r.get("title").contains("水安全")).count();
        assertEquals(2, statements);
    }
}
