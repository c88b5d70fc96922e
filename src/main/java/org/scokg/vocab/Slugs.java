package org.scokg.vocab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.hankcs.hanlp.HanLP;

/** Readable, stable IRI segments from Chinese text. */
public final class Slugs {
    private Slugs() {}

    private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern EDGE_DASHES = java.util.regex.Pattern.compile("^-+|-+$");

    /** Lower-case ASCII pinyin, syllables joined by '-'. */
    public static String pinyin(String s) {
        String cached = PINYIN.get(s);
        if (cached != null) return cached;
        String p = HanLP.convertToPinyinString(s, "-", false).toLowerCase(Locale.ROOT);
        p = EDGE_DASHES.matcher(NOT_ALNUM.matcher(p.replace('ü', 'v')).replaceAll("-")).replaceAll("");
        String slug = p.isEmpty() ? "x" + sha1Prefix(s) : p;
        if (s.length() <= 32) {
            if (PINYIN.size() >= 20_000) PINYIN.clear();
            PINYIN.put(s, slug);
        }
        return slug;
    }

    /** Pinyin slugs of short names already computed: people, places and series recur across a corpus. */
    private static final java.util.Map<String, String> PINYIN = new java.util.concurrent.ConcurrentHashMap<>();

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
        if (p.length() > 60) p = TRAILING_DASHES.matcher(p.substring(0, 60)).replaceAll("");
        return p + "-" + sha1Prefix(key);
    }

    private static final java.util.regex.Pattern TRAILING_DASHES = java.util.regex.Pattern.compile("-+$");

    /** The first 8 hex digits of the SHA-1 of {@code s}: a short, stable IRI segment. */
    public static String sha1Prefix(String s) {
        byte[] digest = SHA1.get().digest(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    /** One SHA-1 per thread: looking the algorithm up costs more than hashing a title. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
