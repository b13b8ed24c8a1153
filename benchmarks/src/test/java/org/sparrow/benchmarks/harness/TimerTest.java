package org.sparrow.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimerTest {

    @Test
    void measureKeepsTheColdResultAndCountsWarmupAndTimedCalls() {
        AtomicInteger calls = new AtomicInteger();
        Timer.Measured<Integer> m = Timer.measure(Timer.Settings.unbatched(2, 0.0, 3, 60.0, 60.0),
                calls::incrementAndGet);
        assertEquals(1, m.first(), "the cold call's result");
        assertEquals(1 + 2 + 3, calls.get(), "one cold call, two warm-up calls, three timed calls");
        assertEquals(3, m.runs());
        assertEquals(1, m.repetitions());
        assertFalse(m.cold());
        assertTrue(m.min() <= m.median());
    }

    @Test
    void aColdCallLongerThanTheCapIsTheOnlySample() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Timer.Measured<Void> m = Timer.measure(Timer.Settings.unbatched(5, 1.0, 5, 60.0, 0.01), () -> {
            calls.incrementAndGet();
            sleep(20);
        });
        assertEquals(1, calls.get());
        assertTrue(m.cold());
        assertEquals(1, m.runs());
        assertTrue(m.median() >= 0.02, "the cold call's own time: " + m.median());
    }

    @Test
    void shortCallsAreBatchedToTheShortestRun() {
        Timer.Measured<Void> m = Timer.measure(new Timer.Settings(1, 0.0, 3, 0.005, 60.0, 30.0), () -> { });
        assertTrue(m.repetitions() > 1, "an empty call is batched: " + m.repetitions());
        assertEquals(1, Timer.repetitionsFor(1.0, 0.0));
        assertEquals(10, Timer.repetitionsFor(1e-3, 1e-2));
        assertEquals(1 << 20, Timer.repetitionsFor(0.0, 10.0));
    }

    @Test
    void samplesFromElsewhereGiveTheirMedianAndMinimum() {
        Timer.Measured<Object> m = Timer.Measured.ofSamples(List.of(3.0, 1.0, 2.0, 10.0), 4, false);
        assertEquals(2.5, m.median());
        assertEquals(1.0, m.min());
        assertEquals(4, m.runs());
        assertEquals(2500.0, m.millis());
    }

    @Test
    void badSettingsAreRefusedNamingEveryValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timer.Settings.unbatched(1, 0.0, 0, 1.0, 1.0));
        assertTrue(e.getMessage().contains("runs 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Timer.Settings.unbatched(1, Double.NaN, 1, 1.0, 1.0));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
