package org.sparrow.benchmarks.regression;

import java.util.Locale;
import org.sparrow.benchmarks.harness.Timer;

/**
 * The regression suite's timing settings for the harness {@link Timer}: a least-squares solve lasts
 * milliseconds to seconds, so one call is one sample (no batching), and the cold call's result is what
 * the accuracy columns measure (every method here is deterministic for a fixed seed).
 */
final class Timings {

    private Timings() {
    }

    /** The full run: median of 5, ≥ 1 warm-up call and 0.3 s, 10 s per measurement, a cold call ≥ 4 s timed once. */
    static Timer.Settings full() {
        return Timer.Settings.unbatched(1, 0.3, 5, 10.0, 4.0);
    }

    /**
     * The quick run: median of 3, ≥ 1 warm-up call and 0.3 s (as the full run, so that its millisecond rows are
     * as JIT-compiled as the full baseline's), 3 s per measurement, 1.5 s cold cap.
     */
    static Timer.Settings quick() {
        return Timer.Settings.unbatched(1, 0.3, 3, 3.0, 1.5);
    }

    /**
     * For the n = 10⁶ problems (calls of seconds): the cold call, then two timed calls — calls that no longer
     * pay for first-touch page faults of fresh large arrays; {@code --check} compares the faster.
     */
    static Timer.Settings large() {
        return Timer.Settings.unbatched(0, 0.0, 2, 120.0, 120.0);
    }

    /** The settings in one sentence, for the report. */
    static String describe(Timer.Settings s) {
        return String.format(Locale.ROOT, "one cold call (its result gives the accuracy columns); a call of %.1f s "
                + "or more is timed once (cold, marked †); otherwise at least %d warm-up call(s) and %.1f s of "
                + "warm-up, then the median of up to %d timed calls within ~%.0f s per measurement",
                s.coldCapSeconds(), s.warmupCalls(), s.warmupSeconds(), s.runs(), s.budgetSeconds());
    }
}
