package org.scokg.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import org.scokg.store.StoreException;
import org.scokg.text.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The {@code scokg} command line (see CONTRACT.md). Exit codes: 0 success, 1 failure,
 * 2 wrong usage. Every failure is one line {@code scokg: error: ...} on stderr; a stack
 * trace only with {@code --debug}. Progress goes to stderr, results to stdout.
 *
 * <p>Logging: Jena and Fuseki log through SLF4J (simple binding); scokg sets it to
 * {@code warn} on stderr unless the user set {@code org.slf4j.simpleLogger.*} properties
 * ({@code info} with {@code --debug} when started through {@link #main}).
 */
@Command(name = "scokg",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    modelTransformer = Main.CollectErrors.class,
    sortOptions = false,
    description = "Knowledge graph of Shanghai Cooperation Organisation documents: extract, load, query and serve.",
    subcommands = {ExtractCommand.class, LoadCommand.class, BuildCommand.class, QueryCommand.class,
                   ServeCommand.class, UpCommand.class, TraceCommand.class, ExportCommand.class, EvaluateCommand.class,
                   CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    static {
        configureLogging(false);
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and more log output.")
    boolean debug;

    /**
     * The resource base (docs/MODEL.md); the same as the system property {@code scokg.base}.
     * Applies to every command: extract, build and load mint IRIs with it, serve answers them.
     */
    @Option(names = "--base", scope = ScopeType.INHERIT, paramLabel = "IRI",
        description = "Base of resource IRIs, an absolute http(s) IRI ending in '/' (default: ${sys:scokg.base:-https://w3id.org/scokg/id/}).")
    void base(String iri) {
        try {
            org.scokg.vocab.Iris.setBase(iri);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Directories of the user's own rule files, added to the built-in rules (docs/RULES.md). */
    @Option(names = "--rules", scope = ScopeType.INHERIT, paramLabel = "DIR",
        description = "A directory of your own *.rules files, added to the built-in rules (repeatable; docs/RULES.md).")
    void rules(List<java.nio.file.Path> dirs) {
        ruleDirs.addAll(dirs);
        try {
            org.scokg.extract.Extraction.useRuleDirectories(ruleDirs);
        } catch (IllegalArgumentException | org.scokg.rules.RuleSyntaxException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private final List<java.nio.file.Path> ruleDirs = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Exception pe = parseError(spec);
        if (pe == null)
            pe = new ParameterException(spec.commandLine(), "missing command; one of: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
        return reportUsage(spec, pe, err, debug);
    }

    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        configureLogging(debug);
        System.exit(commandLine().execute(args));
    }

    /** A command line with scokg's error handling installed. */
    public static CommandLine commandLine() {
        return install(new CommandLine(new Main()));
    }

    /** Installs the one-line error handlers on {@code cl} (idempotent). */
    static CommandLine install(CommandLine cl) {
        if (cl.getParameterExceptionHandler() instanceof ParameterHandler) return cl;
        cl.setParameterExceptionHandler(new ParameterHandler());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            reportError(cmd.getErr(), ex, parseResult.originalArgs().contains("--debug"));
            return 1;
        });
        return cl;
    }

    /** Parse errors: one line, then the exit code for wrong usage (2). */
    static final class ParameterHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            boolean debug = args != null && Arrays.asList(args).contains("--debug");
            String hint = cmd.getCommandSpec().qualifiedName(" ");
            err.println("scokg: error: " + oneLine(ex.getMessage()) + " (see: " + hint + " --help)");
            if (debug) ex.printStackTrace(err);
            err.flush();
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        }
    }

    /**
     * Makes picocli collect parse errors instead of throwing them, so that the command
     * itself reports them as one line (see {@link #parseError}). This is what makes
     * {@code new CommandLine(new Main()).execute(...)} behave like {@link #main}, without
     * a hand-made CommandLine.
     */
    public static final class CollectErrors implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            spec.parser().collectErrors(true);
            return spec;
        }
    }

    /** The first parse error collected anywhere in the command line just parsed, or null. */
    static Exception parseError(CommandLine.Model.CommandSpec spec) {
        CommandLine root = spec.root().commandLine();
        CommandLine.ParseResult pr = root == null ? null : root.getParseResult();
        while (pr != null) {
            if (!pr.errors().isEmpty()) return pr.errors().get(0);
            pr = pr.subcommand();
        }
        return null;
    }

    /** Reports a usage error as one line; returns the exit code for wrong usage. */
    static int reportUsage(CommandLine.Model.CommandSpec spec, Exception e, PrintWriter err, boolean debug) {
        CommandLine cmd = e instanceof ParameterException pe && pe.getCommandLine() != null ? pe.getCommandLine() : spec.commandLine();
        err.println("scokg: error: " + oneLine(e.getMessage()) + " (see: " + cmd.getCommandSpec().qualifiedName(" ") + " --help)");
        if (debug) e.printStackTrace(err);
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Prints {@code scokg: error: MESSAGE} (and the stack trace if {@code debug}). */
    static void reportError(PrintWriter err, Throwable e, boolean debug) {
        err.println("scokg: error: " + message(e));
        if (debug) e.printStackTrace(err);
        err.flush();
    }

    /** A user-facing one-line message for a failure. */
    static String message(Throwable e) {
        if (e instanceof Base.UserError || e instanceof StoreException || e instanceof SourceException
                || e instanceof org.scokg.rules.RuleSyntaxException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UnsupportedOperationException)
            return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (e instanceof java.nio.file.NoSuchFileException n) return "no such file: " + n.getFile();
        if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof OutOfMemoryError) return "out of memory (try java -Xmx4g -jar target/scokg.jar ...)";
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return oneLine(m == null || m.isBlank() ? kind : m) + (m == null ? "" : " (" + kind + ")");
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Sets SLF4J simple-logger defaults (only those the user did not set). */
    static void configureLogging(boolean debug) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", debug ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** {@code scokg VERSION (Apache Jena VERSION, Java VERSION)}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            if (v == null) v = "0.1.0-SNAPSHOT";
            String jena;
            try {
                jena = org.apache.jena.Jena.VERSION;
            } catch (Throwable t) {
                jena = "?";
            }
            String jenaPart = jena.startsWith("<") || jena.startsWith("?") ? "" : "Apache Jena " + jena + ", ";
            return new String[] { "scokg " + v + " (" + jenaPart + "Java " + System.getProperty("java.version") + ")" };
        }
    }

}
