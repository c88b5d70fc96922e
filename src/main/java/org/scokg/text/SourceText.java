package org.scokg.text;

/**
 * One decoded source document.
 *
 * @param fileName the input file's name, as on disk (no directory)
 * @param text     the decoded text, byte-order mark removed; offsets in the graph count code points of this text
 */
public record SourceText(String fileName, String text) {
    public SourceText {
        if (fileName == null || fileName.isBlank()) throw new IllegalArgumentException("fileName is empty");
        if (text == null) throw new IllegalArgumentException("text is null");
    }
}
