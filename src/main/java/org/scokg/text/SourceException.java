package org.scokg.text;

import java.nio.file.Path;

/**
 * A source file that cannot be used: unreadable, binary, too large or undecodable. The
 * message is one line for the user and names the file.
 */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Path path;

    public SourceException(Path path, String message) {
        this(path, message, null);
    }

    public SourceException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The offending file (may be null when only bytes were given). */
    public Path path() { return path; }
}
