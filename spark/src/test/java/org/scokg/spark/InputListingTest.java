package org.scokg.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.text.InputWalker;

/** The job takes the files {@code scokg extract} takes ({@link InputWalker}), through Hadoop's file system. */
class InputListingTest {
    @TempDir Path tmp;

    Path tree() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("corpus"));
        for (String f : List.of("a.txt", "b.html", "c.htm", "d.md", "noext", "e.TXT", "f.pdf", "g.nq", ".hidden.txt",
                "sub/h.txt", "sub/deeper/i.txt", ".git/j.txt", "sub/.cache/k.txt", "_underscore.txt", "sub/l.jpg")) {
            Path p = c.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "上海合作组织 " + f);
        }
        return c;
    }

    static List<String> names(InputListing.Listing l) {
        return l.files().stream().map(f -> f.shown()).toList();
    }

    @Test void aDirectoryGivesTheFilesExtractTakesSortedByPath() throws Exception {
        Path c = tree();
        InputListing.Listing l = InputListing.list(List.of(c.toString()), new Configuration());
        List<String> expected = InputWalker.walk(List.of(c)).files().stream().map(p -> p.toAbsolutePath().toString()).sorted().toList();
        assertEquals(expected, names(l));
        assertTrue(names(l).contains(c.resolve("_underscore.txt").toString()), "Hadoop's input formats would drop it; extract does not");
        assertFalse(names(l).stream().anyMatch(n -> n.contains("/.")), names(l).toString());
        assertEquals(List.of(), l.failures());
        InputListing.InputFile a = l.files().get(0);
        assertEquals("file:" + c.resolve("_underscore.txt"), a.uri());
        assertEquals("_underscore.txt", a.name());
        assertEquals(Files.size(c.resolve("_underscore.txt")), a.length());
    }

    @Test void aFileNamedIsTakenWhateverItsNameMissingInputsAreFailuresAndDuplicatesGo() throws Exception {
        Path c = tree();
        String pdf = c.resolve("f.pdf").toString(), hidden = c.resolve(".hidden.txt").toString(), missing = tmp.resolve("nope").toString();
        InputListing.Listing l = InputListing.list(List.of(pdf, hidden, missing, c.resolve("sub").toString(), c.resolve("sub/h.txt").toString()),
            new Configuration());
        assertEquals(List.of(hidden, pdf, c.resolve("sub/deeper/i.txt").toString(), c.resolve("sub/h.txt").toString()), names(l));
        assertEquals(List.of(missing + ": no such file or directory"), l.failures());
    }

    @Test void globsAreHadoops() throws Exception {
        Path c = tree();
        InputListing.Listing l = InputListing.list(List.of(c + "/*.{txt,md}"), new Configuration());
        assertEquals(List.of(c.resolve("_underscore.txt").toString(), c.resolve("a.txt").toString(), c.resolve("d.md").toString()), names(l));
    }
}
