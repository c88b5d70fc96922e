package org.scokg.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Plain-text and HTML responses: one line of text for errors, never a stack trace. */
final class Responses {
    private Responses() {}

    static void plain(HttpServletResponse resp, int status, String message) throws IOException {
        if (resp.isCommitted()) return;
        resp.resetBuffer();
        String line = message == null ? "" : message.replaceAll("[\\r\\n]+", " ").strip();
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static void html(HttpServletResponse resp, int status, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static String abbreviate(String s) {
        if (s == null) return "";
        String t = s.replaceAll("[\\r\\n]+", " ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
