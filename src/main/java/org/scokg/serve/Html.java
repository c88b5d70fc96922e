package org.scokg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers to write escaped HTML pages. */
final class Html {
    private Html() {}

    private static final String CSS = loadCss();

    private static String loadCss() {
        try (InputStream in = Html.class.getClassLoader().getResourceAsStream("web/style.css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Escapes text for element content and double-quoted attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An href value: only http(s) URLs and local paths are kept, anything else becomes "#". */
    static String href(String url) {
        if (url == null) return "#";
        String u = url.strip();
        if (u.startsWith("/") && !u.startsWith("//")) return esc(u);
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) return esc(u);
        return "#";
    }

    static String link(String url, String text) {
        return "<a href=\"" + href(url) + "\">" + esc(text) + "</a>";
    }

    /** The start of a page, up to and including the opening of the main element. */
    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + esc(title) + "</title>\n<style>\n" + CSS + "\n</style>\n</head>\n<body>\n"
            + "<header><a class=\"home\" href=\"/\">scokg</a> <span class=\"sub\">上海合作组织文件知识图谱</span>"
            + " <nav><a href=\"/\">Home</a> <a href=\"/scokg/query/\">Canned queries</a>"
            + " <a href=\"/index.html#/dataset/scokg/query\">SPARQL UI</a></nav></header>\n<main>\n";
    }

    static String foot() {
        return "</main>\n<footer>scokg &middot; SPARQL endpoint <code>/scokg/sparql</code></footer>\n</body>\n</html>\n";
    }
}
