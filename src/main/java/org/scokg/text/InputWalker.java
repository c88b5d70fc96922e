package org.scokg.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the inputs a user names (files and directories) into the list of source files to
 * read.
 *
 * <p>A file named explicitly is always taken (reading it decides whether it is text). A
 * directory is walked recursively; inside it hidden files and directories (name starting
 * with '.') are skipped, and so are files whose extension is not one of
 * {@code .txt .md .html .htm} (files without an extension are taken). The result is sorted
 * by path and free of duplicates, so runs are deterministic. Paths that do not exist or
 * cannot be listed are reported as {@linkplain Listing#failures() failures}, never thrown.
 */
public final class InputWalker {
    private InputWalker() {}

    /** Extensions accepted inside directories. */
    public static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md", "html", "htm");

    /** A path that could not be used, with a one-line message naming it. */
    public record Failure(Path path, String message) {}

    /** The files to read, and the inputs that could not be used. */
    public record Listing(List<Path> files, List<Failure> failures) {}

    public static Listing walk(List<Path> inputs) {
        if (inputs == null || inputs.isEmpty()) throw new IllegalArgumentException("no input given");
        Set<Path> files = new LinkedHashSet<>();
        List<Failure> failures = new ArrayList<>();
        for (Path input : inputs) {
            if (input == null) continue;
            if (Files.isRegularFile(input)) {
                files.add(input.normalize());
            } else if (Files.isDirectory(input)) {
                List<Path> found = new ArrayList<>();
                walkDir(input, found, failures);
                found.sort(Comparator.comparing(Path::toString));
                files.addAll(found);
            } else if (Files.exists(input, LinkOption.NOFOLLOW_LINKS) && !Files.exists(input)) {
                failures.add(new Failure(input, input + ": broken symbolic link"));
            } else if (Files.exists(input)) {
                failures.add(new Failure(input, input + ": not a regular file or directory"));
            } else {
                failures.add(new Failure(input, input + ": no such file or directory"));
            }
        }
        return new Listing(List.copyOf(files), List.copyOf(failures));
    }

    private static void walkDir(Path dir, List<Path> out, List<Failure> failures) {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = new ArrayList<>(s.toList());
        } catch (IOException | RuntimeException e) {
            failures.add(new Failure(dir, dir + ": cannot list directory (" + reason(e) + ")"));
            return;
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(".")) continue;
            if (Files.isDirectory(child)) {
                walkDir(child, out, failures);
            } else if (Files.isRegularFile(child)) {
                if (acceptedName(name)) {
                    if (Files.isReadable(child)) out.add(child.normalize());
                    else failures.add(new Failure(child, child + ": permission denied"));
                }
            } else if (!Files.exists(child)) {
                failures.add(new Failure(child, child + ": broken symbolic link"));
            }
        }
    }

    /** True when a file with this name, met inside a directory, is taken as a source. */
    public static boolean acceptedName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) return true;
        return TEXT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
