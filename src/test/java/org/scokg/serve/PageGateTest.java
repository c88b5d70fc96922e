package org.scokg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PageGateTest {

    @Test
    void atMostThePermitsRunAtOnceAndEveryCallerGetsItsAnswer() throws Exception {
        PageGate gate = new PageGate(2);
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                answers.add(pool.submit(() -> gate.through(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try { Thread.sleep(2); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    running.decrementAndGet();
                    return n * n;
                })));
            }
            for (int i = 0; i < answers.size(); i++) assertEquals(i * i, answers.get(i).get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, most.get(), "two at once, never more (and the 8 callers did overlap)");
    }

    @Test
    void callersWaitInArrivalOrder() throws Exception {
        PageGate gate = new PageGate(1);
        CountDownLatch holding = new CountDownLatch(1), release = new CountDownLatch(1);
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread first = new Thread(() -> gate.through(() -> {
            holding.countDown();
            try { release.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            return null;
        }));
        first.start();
        holding.await();
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            Thread t = new Thread(() -> gate.through(() -> order.add(n)));
            t.start();
            // each one queued before the next starts
            while (t.getState() != Thread.State.WAITING) Thread.onSpinWait();
            waiting.add(t);
        }
        release.countDown();
        for (Thread t : waiting) t.join(10_000);
        first.join(10_000);
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    void onlyPagesOfAtMostAThousandRowsWait() {
        PageGate gate = new PageGate(1);
        assertTrue(gate.gates(100));
        assertTrue(gate.gates(PageGate.MAX_GATED_LIMIT));
        assertFalse(gate.gates(PageGate.MAX_GATED_LIMIT + 1), "a big page shares the cores like an unpaged answer");
        assertFalse(gate.gates(-1), "an unpaged answer (no limit)");
        assertFalse(new PageGate(0).gates(100), "0: no limit");
        assertEquals(7, new PageGate(0).through(() -> 7));
        assertThrows(IllegalArgumentException.class, () -> new PageGate(-1));
    }
}
