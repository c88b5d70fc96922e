package org.scokg.text;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The running text of an HTML page, for extraction: scripts, styles, navigation, page
 * headers and footers and forms are dropped; every block element (paragraph, heading,
 * list item, table row, {@code <br>}...) ends a line, so paragraph breaks survive as
 * newlines. Whitespace inside a line is collapsed as a browser would.
 */
public final class HtmlText {
    private HtmlText() {}

    /** Elements whose content is not part of the document's text. */
    static final String DROPPED = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, "
        + "button, select, [role=navigation], [role=banner], [role=contentinfo], [hidden]";

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
        "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "blockquote", "pre", "hr", "title", "body",
        "center", "figure", "figcaption", "address", "td", "th");

    /** True when the file name says HTML. */
    public static boolean isHtmlName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml");
    }

    /** True when the text starts (after whitespace and comments) like an HTML document. */
    public static boolean looksLikeHtml(String text) {
        int i = 0, n = Math.min(text.length(), 4096);
        while (i < n) {
            while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) i++;
            if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) return false;
                i = end + 3;
                continue;
            }
            break;
        }
        String head = text.substring(i, Math.min(text.length(), i + 64)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
            || (head.startsWith("<?xml") && text.substring(i, Math.min(text.length(), i + 512)).toLowerCase(Locale.ROOT).contains("<html"));
    }

    /** The page's text, one line per block. */
    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(DROPPED).remove();
        StringBuilder sb = new StringBuilder(html.length() / 2);
        String title = doc.title();
        if (!title.isBlank() && doc.body().selectFirst("h1, h2") == null) sb.append(title.strip()).append('\n');
        NodeTraversor.traverse(new NodeVisitor() {
            @Override public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text();
                    if (!s.isBlank()) {
                        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n' && Character.isWhitespace(s.charAt(0))) sb.append(' ');
                        sb.append(s.strip());
                        if (Character.isWhitespace(s.charAt(s.length() - 1))) sb.append(' ');
                    }
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(sb);
                }
            }
            @Override public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) newline(sb);
            }
        }, doc.body());
        return sb.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static void newline(StringBuilder sb) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
    }
}
