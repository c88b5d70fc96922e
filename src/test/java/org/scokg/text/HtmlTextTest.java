package org.scokg.text;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void dropsNavigationAndScriptsAndKeepsParagraphs() {
        String text = HtmlText.toText("""
            <html><head><title>页</title><style>.a{}</style><script>alert('《脚本》')</script></head>
            <body><header>网站 首页</header><nav><ul><li>导航</li></ul></nav>
            <div role="navigation">面包屑</div>
            <h1>联合公报</h1><p>第一段，<b>加粗</b>文字。</p><p>第二段<br>换行。</p>
            <footer>版权</footer></body></html>
            """);
        assertEquals("联合公报\n第一段，加粗文字。\n第二段\n换行。\n", text);
    }

    @Test
    void sniffsHtmlWithoutExtension() throws Exception {
        assertTrue(HtmlText.looksLikeHtml("\uFEFF  <!-- x -->\n<!DOCTYPE html><p>a"));
        assertTrue(HtmlText.looksLikeHtml("<HTML><body>"));
        assertFalse(HtmlText.looksLikeHtml("上合组织 <p> 不是网页"));
        SourceReader.Outcome o = new SourceReader().decode(null, "page", "<html><body><p>上合组织</p></body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals("上合组织\n", o.text().text());
        assertTrue(o.encoding().endsWith("HTML"), o.encoding());
    }

    @Test
    void truncatedUtf8KeepsTheTextWithAWarning() throws Exception {
        byte[] b = "上合组织".getBytes(StandardCharsets.UTF_8);
        SourceReader.Outcome o = new SourceReader().decode(null, "t.txt", java.util.Arrays.copyOf(b, b.length - 1));
        assertEquals("上合组", o.text().text());
        assertEquals("UTF-8", o.encoding());
        assertEquals(1, o.warnings().size(), o.warnings().toString());
    }

    @Test
    void truncatedUtf16KeepsTheTextWithAWarning() throws Exception {
        byte[] b = "\uFEFF上合".getBytes(StandardCharsets.UTF_16LE);
        SourceReader.Outcome o = new SourceReader().decode(null, "t.txt", java.util.Arrays.copyOf(b, b.length - 1));
        assertEquals("上", o.text().text());
        assertEquals(1, o.warnings().size());
    }
}
