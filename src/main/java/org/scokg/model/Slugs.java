package org.scokg.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.hankcs.hanlp.HanLP;

/** Readable, stable IRI segments from Chinese text. */
public final class Slugs {
    private Slugs() {}

    /** Lower-case ASCII pinyin, syllables joined by '-'. */
    public static String pinyin(String s) {
        String p = HanLP.convertToPinyinString(s, "-", false).toLowerCase(Locale.ROOT);
        p = p.replace('ü', 'v').replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return p.isEmpty() ? "x" + sha1(s).substring(0, 8) : p;
    }

    /** Document slugs already computed: the same titles recur across a corpus, and pinyin is costly. */
    private static final java.util.Map<String, String> DOCUMENT_SLUGS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int DOCUMENT_SLUG_CACHE = 50_000;

    /** A document's segment: pinyin of its canonical key cut to 60 characters, plus 8 hex of its SHA-1. */
    public static String documentSlug(String key) {
        String cached = DOCUMENT_SLUGS.get(key);
        if (cached != null) return cached;
        String slug = computeDocumentSlug(key);
        if (DOCUMENT_SLUGS.size() >= DOCUMENT_SLUG_CACHE) DOCUMENT_SLUGS.clear();
        DOCUMENT_SLUGS.put(key, slug);
        return slug;
    }

    private static String computeDocumentSlug(String key) {
        String p = pinyin(key);
        if (p.length() > 60) p = p.substring(0, 60).replaceAll("-+$", "");
        return p + "-" + sha1(key).substring(0, 8);
    }

    /** The first 8 hex digits of the SHA-1 of {@code s}: a short, stable IRI segment. */
    public static String sha1Prefix(String s) {
        return sha1(s).substring(0, 8);
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
