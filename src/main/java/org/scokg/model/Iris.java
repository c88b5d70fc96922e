package org.scokg.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Mints resource IRIs, one pattern per type (docs/MODEL.md). The base defaults to
 * {@value #DEFAULT_BASE} and can be changed with the system property {@code scokg.base}
 * or {@link #setBase(String)} before anything is minted.
 */
public final class Iris {
    private Iris() {}

    public static final String DEFAULT_BASE = "https://w3id.org/scokg/id/";
    private static volatile String base = System.getProperty("scokg.base", DEFAULT_BASE);

    public static String base() { return base; }

    /** Sets the resource base; it must be an absolute http(s) IRI ending in '/'. */
    public static void setBase(String newBase) {
        if (newBase == null || !newBase.matches("https?://[^\\s<>\"{}|\\\\^`]+/"))
            throw new IllegalArgumentException("base IRI must be an absolute http(s) IRI ending in '/': " + newBase);
        base = newBase;
    }

    /** A path segment, percent-encoded so that any file name is a legal IRI segment. */
    public static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String graph(String fileName) { return base + "graph/" + segment(fileName); }
    public static String source(String fileName) { return base + "source/" + segment(fileName); }
    public static String meeting(String councilKey, String startDate) { return base + "meeting/" + councilKey + "/" + startDate; }
    public static String participation(String meetingIri, String personKey) { return meetingIri + "/participant/" + personKey; }
    public static String state(String iso3) { return base + "state/" + iso3; }
    public static String place(String slug) { return base + "place/" + slug; }
    public static String org(String slug) { return base + "org/" + slug; }
    public static String person(String key) { return base + "person/" + key; }
    public static String document(String slug) { return base + "document/" + slug; }
    public static String event(String seriesSlug, String startDate) { return base + "event/" + seriesSlug + "/" + startDate; }
    public static String series(String slug) { return base + "series/" + slug; }
    public static String mention(String fileName, int offset) { return base + "mention/" + segment(fileName) + "/" + offset; }
    public static String chairmanship(String fileName, int offset) { return base + "chairmanship/" + segment(fileName) + "/" + offset; }
    public static String announcement(String fileName, int offset) { return base + "announcement/" + segment(fileName) + "/" + offset; }
}
