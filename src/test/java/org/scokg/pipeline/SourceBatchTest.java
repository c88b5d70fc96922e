package org.scokg.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scokg.text.SourceReader;

class SourceBatchTest {
    @TempDir Path dir;

    /** Seeds, an empty file and an unreadable one, interleaved: several windows' worth on 2 threads. */
    List<Path> inputs() throws Exception {
        List<Path> in = new ArrayList<>();
        List<Path> seeds;
        try (var s = Files.list(Path.of("seeds"))) { seeds = s.sorted().toList(); }
        for (int i = 0; i < 3; i++) {
            for (Path p : seeds) {
                Path copy = dir.resolve(i + "-" + p.getFileName());
                Files.copy(p, copy);
                in.add(copy);
            }
            Path empty = Files.writeString(dir.resolve(i + "-empty.txt"), "  \n");
            in.add(empty);
            in.add(dir.resolve(i + "-missing.txt"));
        }
        return in;
    }

    record Seen(String path, SourceBatch.Status status, long triples, String thread) {}

    List<Seen> stream(List<Path> in, int threads) {
        List<Seen> out = new ArrayList<>();
        SourceBatch.stream(in, new SourceReader(), threads, null, r -> out.add(new Seen(r.path().getFileName().toString(), r.status(),
            r.document() == null ? -1 : r.document().model().size(), Thread.currentThread().getName())));
        return out;
    }

    @Test void twoThreadsGiveTheSameResultsInTheSameOrderOnTheCallersThread() throws Exception {
        List<Path> in = inputs();
        List<Seen> one = stream(in, 1), two = stream(in, 2);
        assertEquals(one.stream().map(s -> List.of(s.path(), s.status(), s.triples())).toList(),
            two.stream().map(s -> List.of(s.path(), s.status(), s.triples())).toList());
        String me = Thread.currentThread().getName();
        assertTrue(two.stream().allMatch(s -> s.thread().equals(me)), "sink on the caller's thread");
        // missing files are listing failures, reported first; then every file in input order
        assertEquals(3, two.stream().filter(s -> s.status() == SourceBatch.Status.FAILED).count());
        assertEquals(3, two.stream().filter(s -> s.status() == SourceBatch.Status.SKIPPED).count());
        assertEquals(15, two.stream().filter(s -> s.status() == SourceBatch.Status.PROCESSED).count());
        List<String> processedOrder = two.stream().filter(s -> s.status() != SourceBatch.Status.FAILED).map(Seen::path).toList();
        List<String> expected = in.stream().map(p -> p.getFileName().toString()).filter(n -> !n.contains("missing")).toList();
        assertEquals(expected, processedOrder);
    }

    @Test void aFailingSinkStopsTheBatch() throws Exception {
        List<Path> in = inputs();
        int[] calls = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SourceBatch.stream(in, new SourceReader(), 2, null, r -> {
            if (r.status() == SourceBatch.Status.PROCESSED && ++calls[0] == 2) throw new IllegalStateException("sink broke");
        }));
        assertEquals("sink broke", e.getMessage());
        assertEquals(2, calls[0]);
    }
}
