package org.scokg.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/**
 * Reads one source file into a {@link SourceText}.
 *
 * <p>Decoding: a byte-order mark selects UTF-8, UTF-16LE or UTF-16BE (the mark is dropped);
 * without one the bytes must be strict UTF-8, and failing that strict GB18030. Nothing is
 * replaced or guessed: a file that decodes under neither is refused. The text is kept
 * exactly as decoded (line ends included), so offsets in the graph point into it.
 *
 * <p>Refused with a {@link SourceException}: unreadable files, files over the size limit,
 * binary files (a NUL byte, or more than 10% control characters other than tab, LF, CR, FF)
 * and undecodable ones. An empty or whitespace-only file is not an error: it comes back as a
 * {@link Outcome} that is {@linkplain Outcome#skipped() skipped}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SourceReader {
    /** The default maximum file size: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final long maxBytes;

    /** A reader with the default size limit. */
    public SourceReader() { this(DEFAULT_MAX_BYTES); }

    /** A reader refusing files larger than {@code maxBytes} bytes (at least 1). */
    public SourceReader(long maxBytes) {
        if (maxBytes < 1) throw new IllegalArgumentException("maximum size must be at least 1 byte, got " + maxBytes);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() { return maxBytes; }

    /**
     * What reading one file gave: either a text, or a reason it was skipped.
     *
     * @param path       the file
     * @param text       the decoded text, or null when skipped
     * @param skipReason why it was skipped (e.g. "empty"), or null
     * @param encoding   the encoding used ("UTF-8", "UTF-8 (BOM)", "UTF-16LE (BOM)", "GB18030"...), with ", HTML" for pages
     * @param warnings   what was odd but not fatal (e.g. a file cut off in the middle of a character)
     */
    public record Outcome(Path path, SourceText text, String skipReason, String encoding, java.util.List<String> warnings) {
        public Outcome {
            warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
        }

        public Outcome(Path path, SourceText text, String skipReason, String encoding) {
            this(path, text, skipReason, encoding, null);
        }

        public boolean skipped() { return text == null; }
    }

    /**
     * Reads and decodes {@code file}; its name (without directory) becomes the source's file name.
     *
     * @throws SourceException with a one-line message naming the file
     */
    public Outcome read(Path file) throws SourceException {
        if (file == null) throw new IllegalArgumentException("no file given");
        if (file.getFileName() == null) throw new SourceException(file, file + ": not a file");
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) throw new SourceException(file, file + ": is a directory, not a file");
            long size = Files.size(file);
            if (size > maxBytes) throw new SourceException(file, file + ": too large (" + size + " bytes; the limit is " + maxBytes + ")");
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) throw new SourceException(file, file + ": too large (more than the limit of " + maxBytes + " bytes)");
        } catch (NoSuchFileException e) {
            throw new SourceException(file, file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new SourceException(file, file + ": permission denied", e);
        } catch (IOException e) {
            throw new SourceException(file, file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return decode(file, file.getFileName().toString(), bytes);
    }

    /**
     * Decodes {@code bytes} as the content of a file called {@code fileName} (same rules as
     * {@link #read}); {@code path} is only used in messages and may be null.
     */
    public Outcome decode(Path path, String fileName, byte[] bytes) throws SourceException {
        String where = path != null ? path.toString() : fileName;
        if (bytes.length > maxBytes) throw new SourceException(path, where + ": too large (" + bytes.length + " bytes; the limit is " + maxBytes + ")");
        String text;
        String encoding;
        java.util.List<String> warnings = new java.util.ArrayList<>();
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strictOrTruncated(StandardCharsets.UTF_8, bytes, 3, warnings);
            encoding = "UTF-8 (BOM)";
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strictOrTruncated(StandardCharsets.UTF_16LE, bytes, 2, warnings);
            encoding = "UTF-16LE (BOM)";
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strictOrTruncated(StandardCharsets.UTF_16BE, bytes, 2, warnings);
            encoding = "UTF-16BE (BOM)";
        } else {
            if (looksBinary(bytes)) throw new SourceException(path, where + ": looks like a binary file, not text");
            text = strict(StandardCharsets.UTF_8, bytes, 0);
            encoding = "UTF-8";
            if (text == null && endsInPartialUtf8(bytes)) text = strictOrTruncated(StandardCharsets.UTF_8, bytes, 0, warnings);
            if (text == null) {
                text = strictOrTruncated(GB18030, bytes, 0, warnings);
                encoding = "GB18030";
            }
        }
        if (text == null)
            throw new SourceException(path, where + ": cannot decode as " + (encoding.contains("BOM") ? encoding : "UTF-8 or GB18030"));
        if (looksBinary(text)) throw new SourceException(path, where + ": looks like a binary file, not text");
        if (text.isBlank()) return new Outcome(path, null, "empty", encoding, warnings);
        if (HtmlText.isHtmlName(fileName) || HtmlText.looksLikeHtml(text)) {
            try {
                text = HtmlText.toText(text);
            } catch (RuntimeException | StackOverflowError e) {
                throw new SourceException(path, where + ": cannot read the HTML page (" + e.getClass().getSimpleName() + ")", e);
            }
            encoding += ", HTML";
            if (text.isBlank()) return new Outcome(path, null, "no text in the HTML page", encoding, warnings);
        }
        return new Outcome(path, new SourceText(fileName, text), null, encoding, warnings);
    }

    /**
     * Strict decoding; when that fails only because the last 1 to 3 bytes are an incomplete
     * character (a file cut off), the text before them, with a warning.
     */
    private static String strictOrTruncated(Charset cs, byte[] bytes, int offset, java.util.List<String> warnings) {
        String text = strict(cs, bytes, offset);
        if (text != null) return text;
        for (int cut = 1; cut <= 3 && bytes.length - cut > offset; cut++) {
            if (!incompleteAtEnd(cs, bytes, offset, bytes.length - cut)) continue;
            String t = strictRange(cs, bytes, offset, bytes.length - cut);
            if (t != null) {
                warnings.add("the file ends in the middle of a character (truncated?); the last " + cut + " byte(s) were dropped");
                return t;
            }
        }
        return null;
    }

    /** True when bytes[to, end) are the start of a character that needs more bytes (underflow, not malformed). */
    private static boolean incompleteAtEnd(Charset cs, byte[] bytes, int from, int to) {
        CharsetDecoder d = cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, to, bytes.length - to);
        CharBuffer out = CharBuffer.allocate(8);
        java.nio.charset.CoderResult r = d.decode(in, out, false);
        return r.isUnderflow() && out.position() == 0;
    }

    /** True when the bytes end with the lead byte of a UTF-8 sequence that is missing its continuation bytes. */
    private static boolean endsInPartialUtf8(byte[] b) {
        for (int k = 1; k <= 3 && k <= b.length; k++) {
            int c = b[b.length - k] & 0xFF;
            if ((c & 0xC0) == 0x80) continue;          // continuation byte: look further back
            int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > k;
        }
        return false;
    }

    private static String strictRange(Charset cs, byte[] bytes, int from, int to) {
        CharsetDecoder d = cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return d.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /** The decoded text, or null when the bytes are not valid in {@code cs}. */
    private static String strict(Charset cs, byte[] bytes, int offset) {
        CharsetDecoder d = cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Without a BOM: a NUL byte means binary (UTF-16 without BOM is not supported). */
    private static boolean looksBinary(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return true;
        return false;
    }

    /** After decoding: a NUL character, or more than 10% control characters. */
    private static boolean looksBinary(String text) {
        int control = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) control++;
        }
        return n > 0 && control * 10 > n;
    }
}
