package org.scokg.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.scokg.spark.InputListing.InputFile;

class PackingTest {
    static List<InputFile> files(long... lengths) {
        List<InputFile> out = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) out.add(new InputFile("file:/c/" + String.format("%03d.txt", i), i + ".txt", "/c/" + i, lengths[i]));
        return out;
    }

    @Test void byDefaultFourTasksACoreMoreForLargeCorporaNeverMoreThanFiles() {
        assertEquals(8, Packing.partitions(334, 10_000_000, 2));
        assertEquals(4, Packing.partitions(1000, 1_000_000, 1));
        assertEquals(3, Packing.partitions(3, 1_000_000, 2), "one file a task at most");
        // 10 GB of text on 2 cores: no task reads more than 64 MB
        int n = Packing.partitions(300_000, 10_000_000_000L, 2);
        assertEquals((10_000_000_000L + Packing.BYTES_PER_PARTITION - 1) / Packing.BYTES_PER_PARTITION, n);
        assertEquals(1, Packing.partitions(1, 0, 0));
    }

    @Test void everyFileOnceNoGroupEmptyListingOrderWithinAGroupAndBalancedBySize() {
        Random r = new Random(3);
        long[] lengths = new long[200];
        for (int i = 0; i < lengths.length; i++) lengths[i] = 20_000 + r.nextInt(20_000);
        lengths[7] = 400_000;       // one long document
        List<InputFile> files = files(lengths);
        List<List<InputFile>> groups = Packing.pack(files, 8);
        assertEquals(8, groups.size());
        List<InputFile> all = new ArrayList<>();
        groups.forEach(all::addAll);
        assertEquals(files.size(), all.size());
        assertTrue(all.containsAll(files));
        long max = 0, min = Long.MAX_VALUE;
        for (List<InputFile> g : groups) {
            assertFalse(g.isEmpty());
            for (int i = 1; i < g.size(); i++) assertTrue(g.get(i - 1).uri().compareTo(g.get(i).uri()) < 0, "listing order");
            long bytes = g.stream().mapToLong(InputFile::length).sum();
            max = Math.max(max, bytes);
            min = Math.min(min, bytes);
        }
        // greedy by size, largest first: no group more than the largest file above another
        assertTrue(max - min <= 400_000, max + " vs " + min);
        assertEquals(groups, Packing.pack(files, 8), "the same listing packs the same way");
    }

    @Test void moreGroupsThanFilesGivesAFileAGroup() {
        List<List<InputFile>> groups = Packing.pack(files(5, 0, 7), 10);
        assertEquals(3, groups.size());
        groups.forEach(g -> assertEquals(1, g.size()));
        assertThrows(IllegalArgumentException.class, () -> Packing.pack(files(1), 0));
    }
}
