package org.scokg.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.scokg.text.InputWalker;

/**
 * The source files of a job, listed on the driver through Hadoop's file systems (local paths,
 * {@code hdfs://}, {@code s3a://}…, and Hadoop globs), by the rules of {@code scokg extract}
 * ({@link InputWalker}): a file named (or matched by a glob, which, as the shell's, matches a
 * hidden name only when it starts with '.' itself) is always taken; a directory is
 * walked recursively, skipping hidden files and directories (names starting with '.') and
 * files whose extension is not one {@link InputWalker#acceptedName} takes. Duplicates are
 * dropped and the files sorted by path, so a listing does not depend on the file system's order.
 *
 * <p>Trade-off: the driver holds the whole listing (a path and a length per file), as Spark's
 * own file sources do; a recursive listing is one call per input ({@code listFiles}), which
 * object stores answer page by page.
 */
final class InputListing {
    private InputListing() {}

    /**
     * One source file.
     *
     * @param uri    the file's fully qualified path (what tasks open)
     * @param name   its name, without directory: the document's name ({@code Iris.graph(name)})
     * @param shown  the path as messages show it (a local file without {@code file:})
     * @param length its size in bytes, when listed
     */
    record InputFile(String uri, String name, String shown, long length) implements Serializable {}

    /** The files to read, and one line for each input that could not be used. */
    record Listing(List<InputFile> files, List<String> failures) {
        long bytes() { return files.stream().mapToLong(InputFile::length).sum(); }
    }

    static Listing list(List<String> inputs, Configuration conf) {
        if (inputs == null || inputs.isEmpty()) throw new IllegalArgumentException("no input given");
        Map<String, InputFile> files = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (String input : inputs) {
            try {
                Path p = new Path(input);
                FileSystem fs = p.getFileSystem(conf);
                FileStatus[] matches = fs.globStatus(p);
                if (matches == null || matches.length == 0) {
                    failures.add(input + ": no such file or directory");
                    continue;
                }
                boolean glob = !p.getName().startsWith(".") && GLOB.matcher(input).find();
                for (FileStatus m : matches) {
                    if (glob && m.getPath().getName().startsWith(".")) continue;   // as the shell's globs
                    if (m.isFile()) add(files, m);
                    else if (m.isDirectory()) walk(fs, m.getPath(), files);
                    else failures.add(input + ": not a regular file or directory");
                }
            } catch (IOException | IllegalArgumentException e) {
                failures.add(input + ": cannot list (" + SparkExtract.oneLine(e) + ")");
            }
        }
        List<InputFile> sorted = new ArrayList<>(files.values());
        sorted.sort(Comparator.comparing(InputFile::uri));
        return new Listing(List.copyOf(sorted), List.copyOf(failures));
    }

    /** Characters that make an input a Hadoop glob. */
    private static final java.util.regex.Pattern GLOB = java.util.regex.Pattern.compile("[*?\\[{]");

    /** Every file under {@code dir} that {@code scokg extract} would take from it. */
    private static void walk(FileSystem fs, Path dir, Map<String, InputFile> files) throws IOException {
        String root = dir.toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String relative = f.getPath().toUri().getPath().substring(root.length());
            if (hidden(relative) || !InputWalker.acceptedName(f.getPath().getName())) continue;
            add(files, f);
        }
    }

    /** True when a component of the path below the directory named starts with '.'. */
    static boolean hidden(String relative) {
        for (String part : relative.split("/")) if (part.startsWith(".")) return true;
        return false;
    }

    private static void add(Map<String, InputFile> files, FileStatus f) {
        Path p = f.getPath();
        String uri = p.toString();
        String shown = "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : uri;
        files.putIfAbsent(uri, new InputFile(uri, p.getName(), shown, f.getLen()));
    }
}
