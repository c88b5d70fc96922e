package org.scokg.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the {@code *.rules} files of a directory, on disk or on the class path (in a jar or not). */
final class RuleFiles {
    private RuleFiles() {}

    /** The rule files of a class path directory, by file name, as {@code directory/NAME.rules} to text. */
    static Map<String, String> onClasspath(String directory) {
        URL url = RuleFiles.class.getClassLoader().getResource(directory);
        if (url == null) throw new RuleSyntaxException(directory, 0, "no rule directory on the class path");
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return read(fs.getPath(directory), directory);
            }
            return read(Path.of(uri), directory);
        } catch (URISyntaxException | IOException e) {
            throw new RuleSyntaxException(directory, 0, "cannot list the rule files: " + e.getMessage());
        }
    }

    /** The rule files of a directory on disk, by file name. */
    static Map<String, String> inDirectory(Path directory) {
        if (!Files.isDirectory(directory)) throw new RuleSyntaxException(directory.toString(), 0, "not a directory of rule files");
        try {
            return read(directory, directory.toString());
        } catch (IOException e) {
            throw new RuleSyntaxException(directory.toString(), 0, "cannot read the rule files: " + e.getMessage());
        }
    }

    private static Map<String, String> read(Path dir, String label) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".rules")).sorted().toList();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                texts.put(label + "/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return texts;
    }
}
