package org.scokg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.ActionProcessor;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The frame of scokg's HTML pages, built with jsoup (which escapes every text and attribute):
 * the style sheet, the header with its navigation, and the main element a page fills; and the
 * sending of pages and one-line messages.
 */
final class Pages {
    private Pages() {}

    /** A Fuseki processor of pages that are only read: GET and HEAD {@link #answer}, OPTIONS says so, the rest is 405. */
    interface Reading extends ActionProcessor {
        void answer(HttpAction action);

        @Override default void execGet(HttpAction action) { answer(action); }
        @Override default void execHead(HttpAction action) { answer(action); }

        @Override
        default void execOptions(HttpAction action) {
            ActionLib.doOptionsGetHead(action);
            ServletOps.success(action);
        }
    }

    private static final String CSS = css();

    private static String css() {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream("web/style.css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page titled {@code title}, empty but for its frame; fill {@link #main}. */
    static Document page(String title) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        doc.child(0).attr("lang", "zh");
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.title(title);
        doc.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));
        Element header = doc.body().appendElement("header");
        link(header, "/", "scokg").addClass("home");
        header.appendText(" ").appendElement("span").addClass("sub").text("上海合作组织文件知识图谱");
        Element nav = header.appendElement("nav");
        link(nav, "/", "Home");
        link(nav, "/scokg/query/", "Canned queries");
        link(nav, ScokgServer.UI_LINK, "SPARQL UI");
        doc.body().appendElement("main");
        doc.body().appendElement("footer").appendText("scokg · SPARQL endpoint ")
            .appendElement("code").text(ScokgServer.DATASET + "/" + ScokgServer.SPARQL);
        return doc;
    }

    /** The element a page's content goes into. */
    static Element main(Document page) { return page.body().selectFirst("main"); }

    /** Appends a table with a header row of {@code headers} to {@code parent}; returns the table. */
    static Element table(Element parent, String... headers) {
        Element table = parent.appendElement("table");
        Element tr = table.appendElement("tr");
        for (String h : headers) tr.appendElement("th").text(h);
        return table;
    }

    /**
     * Appends a link to {@code parent}. Only local paths and http(s) URLs become links; anything
     * else (a {@code javascript:} IRI in the data, say) becomes {@code #}.
     */
    static Element link(Element parent, String href, String text) {
        String h = href == null ? "" : href.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        boolean safe = (h.startsWith("/") && !h.startsWith("//")) || lower.startsWith("http://") || lower.startsWith("https://");
        return parent.appendElement("a").attr("href", safe ? h : "#").text(text == null ? "" : text);
    }

    /** Sends {@code page} as the response. */
    static void send(HttpAction action, int status, Document page) {
        send(action, status, "text/html", "<!DOCTYPE html>\n" + page.outerHtml() + "\n");
    }

    /**
     * Sends a one-line message (an error) as text/plain. Not through {@link ServletOps}' errors:
     * Fuseki 5.6 gives those a Content-Length in characters, not bytes, and a message with a
     * Chinese value in it ends as a 500 ("too much content written").
     */
    static void message(HttpAction action, int status, String message) {
        send(action, status, "text/plain", message.replaceAll("[\\r\\n]+", " ").strip() + "\n");
    }

    /** Sends {@code body} as the response, in UTF-8. */
    static void send(HttpAction action, int status, String mediaType, String body) {
        send(action, status, mediaType + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code body} as the response, with the Content-Type {@code contentType}. */
    static void send(HttpAction action, int status, String contentType, byte[] body) {
        action.setResponseStatus(status);
        action.setResponseContentType(contentType);
        action.setResponseContentLength(body.length);
        try {
            action.getResponseOutputStream().write(body);
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
    }
}
