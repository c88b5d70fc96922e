package org.scokg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.scokg.store.ExportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Common ground of the subcommands: output streams, progress, and the rule that a failure
 * is one line on stderr ({@code scokg: error: ...}), with a stack trace only under --debug.
 */
abstract class Base implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Does the work; returns the exit code. Exceptions become one error line and exit 1. */
    abstract int run() throws Exception;

    @Override
    public final Integer call() {
        Exception usage = Main.parseError(spec);
        if (usage != null) return Main.reportUsage(spec, usage, err(), debug());
        try {
            return run();
        } catch (CommandLine.ParameterException e) {
            return Main.reportUsage(spec, e, err(), debug());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            Main.reportError(err(), e, debug());
            return 1;
        }
    }

    PrintWriter out() { return spec.commandLine().getOut(); }
    PrintWriter err() { return spec.commandLine().getErr(); }

    boolean debug() {
        Object root = spec.root().userObject();
        return root instanceof Main m && m.debug;
    }

    /** One line of progress on stderr. */
    void progress(String line) {
        PrintWriter e = err();
        e.println(line);
        e.flush();
    }

    /** Fails with a one-line message (exit 1). */
    static UserError fail(String message) { return new UserError(message); }

    /** Writes bytes produced by {@code body} to {@code file} atomically, or to stdout when file is null. */
    void emit(Path file, AtomicFiles.Body body) throws Exception {
        if (file != null) {
            AtomicFiles.write(file, body);
            progress("wrote " + file);
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            body.write(buf);
            PrintWriter o = out();
            o.print(buf.toString(StandardCharsets.UTF_8));
            o.flush();
        }
    }

    static ExportFormat format(String s) {
        try {
            return ExportFormat.of(s);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A size such as {@code 64M}, {@code 500k}, {@code 2G} or a number of bytes. */
    static long parseSize(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(\\d{1,15})\\s*([kmg]?)i?b?\\s*").matcher(s == null ? "" : s);
        if (!m.matches()) throw new UserError("not a size: '" + s + "' (use e.g. 64M, 500k or a number of bytes)");
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 1024L; case "m" -> 1024L * 1024; case "g" -> 1024L * 1024 * 1024; default -> 1L;
        };
        if (n < 1 || n > Long.MAX_VALUE / unit) throw new UserError("size out of range: '" + s + "'");
        return n * unit;
    }

    /** An expected failure: only its message is shown, even under --debug. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        UserError(String message) { super(message); }
    }

    static CommandLine root(CommandSpec spec) { return spec.root().commandLine(); }
}
