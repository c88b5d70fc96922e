package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row numbers two column parameters select together; the files a killed server left. */
class MaterialisedAnswersTest {
    @TempDir Path tmp;

    /** The directory of a process that is gone is deleted with its files; a running one's and other files are not. */
    @Test
    void directoriesOfStoppedProcessesAreRemoved() throws Exception {
        Path gone = Files.createDirectory(tmp.resolve(MaterialisedAnswers.DIRECTORY_PREFIX + "999999999-123"));
        Files.writeString(gone.resolve("mentions-1.tsv"), "?doc\n<urn:x:a>\n");
        Path running = Files.createDirectory(tmp.resolve(MaterialisedAnswers.DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-456"));
        Files.writeString(running.resolve("mentions-2.tsv"), "?doc\n");
        Path other = Files.createDirectory(tmp.resolve(MaterialisedAnswers.DIRECTORY_PREFIX + "notapid"));
        MaterialisedAnswers.removeStaleDirectories(tmp);
        assertFalse(Files.exists(gone), "no process 999999999 (Linux pids stop at 4194304)");
        assertTrue(Files.exists(running.resolve("mentions-2.tsv")), "this process is running");
        assertTrue(Files.exists(other), "not a name the server gives");
    }

    @Test
    void theIntersectionOfAscendingRowNumbers() {
        assertArrayEquals(new int[] {2, 7}, MaterialisedAnswers.intersection(new int[] {0, 2, 5, 7, 9}, new int[] {1, 2, 7, 8}));
        assertArrayEquals(new int[] {}, MaterialisedAnswers.intersection(new int[] {1, 3}, new int[] {2, 4}));
        assertArrayEquals(new int[] {}, MaterialisedAnswers.intersection(new int[] {}, new int[] {2, 4}));
        assertArrayEquals(new int[] {4}, MaterialisedAnswers.intersection(new int[] {4}, new int[] {0, 1, 2, 3, 4}));
    }
}
