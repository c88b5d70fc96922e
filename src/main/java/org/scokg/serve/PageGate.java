package org.scokg.serve;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most a fixed number of page computations at a time, the others waiting in arrival order.
 *
 * <p>Why: a page costs tens of milliseconds of CPU on a large store. With more requests than
 * cores, running them all at once shares the cores between them, so every page takes as long as
 * the whole queue (a 50 ms page behind 15 others took over a second at 16 clients on 2 cores).
 * Queued in order instead, each waits for the pages before it and then runs at (nearly) full
 * speed: the same throughput, a shorter tail. The caller chooses how many run at once: as many
 * as the cores leaves a core idle whenever a page waits for the disk. Only pages go through the gate (a {@code limit} of at most
 * {@link #MAX_GATED_LIMIT} rows), so an unpaged answer that takes half a minute never holds the
 * pages up; it shares the cores as before.
 */
final class PageGate {
    /** Pages with a larger limit (and unpaged answers) do not wait at the gate. */
    static final long MAX_GATED_LIMIT = 1000;

    /** Null when unlimited. */
    private final Semaphore permits;

    /** @param permits pages computed at once; 0 for no limit */
    PageGate(int permits) {
        if (permits < 0) throw new IllegalArgumentException("the number of pages computed at once cannot be negative: " + permits);
        this.permits = permits == 0 ? null : new Semaphore(permits, true);
    }

    /** True when a page of {@code limit} rows (negative: no limit) waits at this gate. */
    boolean gates(long limit) {
        return permits != null && limit >= 0 && limit <= MAX_GATED_LIMIT;
    }

    /** Runs {@code work} once a permit is free (in arrival order), and frees it afterwards. */
    <T> T through(Supplier<T> work) {
        if (permits == null) return work.get();
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
