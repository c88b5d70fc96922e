package org.scokg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results table: every line printed as it comes and kept in {@code FILE}, rewritten after
 * each line, so that a run stopped half-way still leaves the parts it finished.
 */
final class Report {
    private final List<String> lines = new ArrayList<>();
    private final PrintStream out;
    private final Path file;

    Report(PrintStream out, Path file) {
        this.out = out;
        this.file = file;
    }

    /** One line, {@link String#format} in the root locale (a decimal point everywhere). */
    void row(String format, Object... args) throws IOException {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        out.println(line);
        out.flush();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    Path file() {
        return file;
    }

    /** Progress, on stderr: not a part of the table. */
    static void say(String message) {
        System.err.println("bench: " + message);
    }
}
