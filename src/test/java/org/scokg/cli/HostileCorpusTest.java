package org.scokg.cli;

import static org.scokg.cli.CliRun.run;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A corpus of broken and hostile inputs, generated here: {@code build} reports every file as
 * processed, skipped (why) or failed (why), prints no stack trace, exits 0 because something
 * usable was built, and a store rebuilt from the seeds afterwards answers the canned
 * queries exactly as before.
 */
class HostileCorpusTest {
    @TempDir Path tmp;



    static final String SNIPPET = """
        上海合作组织成员国政府首脑（总理）理事会第二十二次会议联合公报

        　　2023年10月26日，上海合作组织成员国政府首脑（总理）理事会第二十二次会议在比什凯克举行。中华人民共和国国务院总理李强、俄罗斯联邦政府总理米舒斯京出席会议。
        　　吉尔吉斯共和国总理扎帕罗夫主持会议。
        　　各代表团团长强调落实2014年9月12日在杜尚别签署的《上合组织成员国政府间国际道路运输便利化协定》的必要性。
        """;

    /** Expected outcome per file: "processed", "skipped" or "failed". */
    final Map<String, String> expected = new LinkedHashMap<>();

    void file(Path dir, String name, byte[] bytes, String outcome) throws Exception {
        Files.write(dir.resolve(name), bytes);
        expected.put(name, outcome);
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }

    Path corpus() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("hostile corpus 敌对"));
        Charset gb = Charset.forName("GB18030"), gbk = Charset.forName("GBK");
        byte[] utf8 = SNIPPET.getBytes(StandardCharsets.UTF_8);
        file(c, "utf8 无BOM.txt", utf8, "processed");
        file(c, "utf8-bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8), "processed");
        file(c, "utf16le-bom.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SNIPPET.getBytes(StandardCharsets.UTF_16LE)), "processed");
        file(c, "utf16be-bom.txt", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SNIPPET.getBytes(StandardCharsets.UTF_16BE)), "processed");
        file(c, "gb18030.txt", SNIPPET.getBytes(gb), "processed");
        file(c, "gbk.txt", SNIPPET.getBytes(gbk), "processed");
        file(c, "page.html", ("<!DOCTYPE html><html><head><meta charset=utf-8><title>公报</title><style>p{}</style>"
            + "<script>var x='《假协定》';</script></head><body><header>首页 | 新闻 《导航协定》</header><nav><a>要闻</a></nav>"
            + "<p>" + SNIPPET.replace("\n", "</p><p>") + "</p><footer>版权所有 《页脚协定》</footer></body></html>")
            .getBytes(StandardCharsets.UTF_8), "processed");
        file(c, "page-sniffed", ("  <!-- saved page -->\n<html><body><div>" + SNIPPET + "</div></body></html>").getBytes(gb), "processed");
        file(c, "traditional.txt", Files.readAllBytes(Path.of("src/test/resources/dev/foreign-ministers-2019-traditional.txt")), "processed");
        file(c, "crlf half-width.txt", SNIPPET.replace("\n", "\r\n").replace('，', ',').replace('。', '.').replace('（', '(').replace('）', ')')
            .getBytes(StandardCharsets.UTF_8), "processed");
        file(c, "page-header.txt", SNIPPET.replace("比什凯克举行", "比什\n人民日报 2023年10月27日 第 3 版\n凯克举行")
            .getBytes(StandardCharsets.UTF_8), "processed");
        file(c, "empty.txt", new byte[0], "skipped");
        file(c, "blank.txt", " \r\n\t　\n".getBytes(StandardCharsets.UTF_8), "skipped");
        file(c, "empty-page.html", "<html><body><nav>菜单</nav><script>x()</script></body></html>".getBytes(StandardCharsets.UTF_8), "skipped");
        file(c, "binary.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1}, "failed");
        file(c, "undecodable.txt", new byte[] {'a', (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 'b', (byte) 0x80}, "failed");
        file(c, "unrelated.txt", "今天天气很好，我们去公园散步，然后吃了一碗面。\n".getBytes(StandardCharsets.UTF_8), "processed");
        file(c, "truncated.txt", java.util.Arrays.copyOf(utf8, utf8.length - 2), "processed");
        file(c, "too-large.txt", ("上合组织" + "。".repeat(100_000)).getBytes(StandardCharsets.UTF_8), "failed");
        file(c, "brackets.txt", ("《".repeat(20_000) + "协定" + "》".repeat(10_000) + "《未闭合" + "》".repeat(5_000) + SNIPPET)
            .getBytes(StandardCharsets.UTF_8), "processed");
        file(c, "dunhao.txt", "、".repeat(60_000).getBytes(StandardCharsets.UTF_8), "processed");
        file(c, "sco-repeated.txt", "上合组织".repeat(15_000).getBytes(StandardCharsets.UTF_8), "processed");
        file(c, "digits.txt", "2".repeat(60_000).getBytes(StandardCharsets.UTF_8), "processed");
        Path sub = Files.createDirectories(c.resolve("子目录 with spaces"));
        file(sub, "Ünïcode ф 名字.md", utf8, "processed");
        expected.put(sub.getFileName() + "/Ünïcode ф 名字.md", expected.remove("Ünïcode ф 名字.md"));
        Files.createSymbolicLink(c.resolve("dangling.txt"), c.resolve("no-such-target.txt"));
        expected.put("dangling.txt", "failed");
        return c;
    }

    @Test
    void buildReportsEveryHostileInputAndLeavesSeedAnswersUnchanged() throws Exception {
        Path corpus = corpus();
        Path db = tmp.resolve("db");
        CliRun seeds = run("build", "--db", db.toString(), "seeds");
        assertEquals(0, seeds.code(), seeds.err());
        Map<String, String> before = answers(db);

        CliRun r = assertTimeoutPreemptively(ofSeconds(120), () -> run("build", "--db", db.toString(), "--max-size", "200k", corpus.toString()));
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.out().contains("\tat "), "no stack trace: " + r.err());
        long processed = expected.values().stream().filter("processed"::equals).count();
        long skipped = expected.values().stream().filter("skipped"::equals).count();
        long failed = expected.values().stream().filter("failed"::equals).count();
        assertTrue(r.out().contains("documents: " + processed + " processed, " + skipped + " skipped, " + failed + " failed"), r.out());
        List<String> lines = r.out().lines().toList();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            String prefix = "  " + e.getValue() + ": ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains(name)),
                e.getKey() + " should be reported as " + e.getValue() + ":\n" + r.out());
        }
        assertTrue(r.out().contains("too large"), r.out());
        assertTrue(r.out().contains("binary"), r.out());
        assertTrue(r.out().contains("cannot decode"), r.out());
        assertTrue(r.out().contains("broken symbolic link"), r.out());
        assertTrue(r.err().contains("truncated"), r.err());

        CliRun again = run("build", "--db", db.toString(), "--prune", "seeds");
        assertEquals(0, again.code(), again.err());
        assertEquals(before, answers(db), "the seeds answer the canned queries as before");
    }

    /** Every canned query over the store, as TSV. */
    static Map<String, String> answers(Path db) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String q : List.of("meetings", "attendees", "mentions", "documents", "presidency", "next-meeting")) {
            CliRun r = run("query", "--db", db.toString(), q);
            assertEquals(0, r.code(), r.err());
            out.put(q, r.out());
        }
        CliRun t = run("query", "--db", db.toString(), "agreement-trace", "--param", "title=国际道路运输便利化协定");
        assertEquals(0, t.code(), t.err());
        out.put("agreement-trace", t.out());
        return out;
    }
}
