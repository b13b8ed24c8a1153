package org.sparrow.benchmarks.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's own timing harness: warm-up runs, then the median of timed runs.
 *
 * <p>One <em>run</em> is a batch of {@code r} back-to-back calls, with {@code r} chosen so that a
 * batch lasts at least {@link Settings#minRunNanos()} (sub-millisecond kernels such as SpMV are
 * otherwise dominated by timer and scheduling noise); its time per call is the batch time over
 * {@code r}. {@link #measure} does:
 * <ol>
 *   <li>one first call; if it alone used half the budget, it is the only sample (marked
 *       {@linkplain Timing#cold() cold}: for operations this slow, JIT warm-up is a rounding error
 *       and a second call would only double the run time);</li>
 *   <li>warm-up runs until {@link Settings#warmups()} calls/batches are done <em>and</em> they have
 *       lasted {@link Settings#minWarmupNanos()}, or half the budget is used, re-sizing the batch
 *       after each. The time floor matters: moving to a new matrix changes the branch profile of a
 *       kernel, and the JIT's recompilation can keep the first few calls several times slower
 *       (seen here: ten calls at 15× the settled time on a busy machine), longer than a fixed
 *       count of warm-ups covers;</li>
 *   <li>timed runs until {@link Settings#runs()} are done or the whole budget is used (at least
 *       one): the result is their median and minimum.</li>
 * </ol>
 * A full garbage collection runs before each measurement so that one operation's garbage is not
 * collected on the next one's clock. Nothing here asserts anything about the times.
 */
final class KernelTimer {

    private KernelTimer() {
    }

    /**
     * How long to measure.
     *
     * @param warmups     warm-up calls/batches before timing, ≥ 1 (the first call counts)
     * @param minWarmupNanos warm up for at least this long (within the budget)
     * @param runs        timed batches, ≥ 1; the result is their median
     * @param minRunNanos shortest batch; short operations are repeated within a batch to reach it
     * @param budgetNanos time one measurement may use, roughly (a single call longer than this is
     *                    still timed once)
     */
    record Settings(int warmups, long minWarmupNanos, int runs, long minRunNanos, long budgetNanos) {

        /** Checks the counts. */
        Settings {
            if (warmups < 1 || minWarmupNanos < 0 || runs < 1 || minRunNanos < 0 || budgetNanos <= 0) {
                throw new IllegalArgumentException("bad timing settings: warmups=" + warmups + ", minWarmupNanos="
                        + minWarmupNanos + ", runs=" + runs
                        + ", minRunNanos=" + minRunNanos + ", budgetNanos=" + budgetNanos);
            }
        }

        /** The full run: ≥ 5 warm-ups and ≥ 1 s, median of 15 runs of ≥ 20 ms each, 15 s per measurement. */
        static Settings full() {
            return new Settings(5, 1_000_000_000L, 15, 20_000_000L, 15_000_000_000L);
        }

        /** The quick run: ≥ 2 warm-ups and ≥ 0.5 s, median of 5 runs of ≥ 5 ms each, 3 s per measurement. */
        static Settings quick() {
            return new Settings(2, 500_000_000L, 5, 5_000_000L, 3_000_000_000L);
        }

        /** One line for the report. */
        String describe() {
            return String.format(java.util.Locale.ROOT,
                    "at least %d warm-up runs and %.1f s of warm-up, then the median of %d timed runs; a run"
                            + " repeats the operation until it lasts ≥ %d ms; at most ~%d s per measurement (an"
                            + " operation whose first call takes half of that is timed once, cold)",
                    warmups, minWarmupNanos * 1e-9, runs, minRunNanos / 1_000_000, budgetNanos / 1_000_000_000);
        }
    }

    /**
     * What a measurement found.
     *
     * @param medianNanos median time per call over the timed runs
     * @param minNanos    fastest time per call over the timed runs
     * @param runs        timed runs (batches)
     * @param repetitions calls per batch
     * @param cold        whether the only sample is the first call (too slow to repeat)
     */
    record Timing(double medianNanos, double minNanos, int runs, int repetitions, boolean cold) {

        /** Median seconds per call. */
        double seconds() {
            return medianNanos * 1e-9;
        }

        /** Median milliseconds per call. */
        double millis() {
            return medianNanos * 1e-6;
        }

        /** Builds a timing from samples (nanoseconds per call), e.g. those of another process. */
        static Timing ofSamples(List<Double> samples, int repetitions, boolean cold) {
            double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Timing(median(s), s[0], s.length, repetitions, cold);
        }
    }

    /**
     * Times {@code op} as the class comment describes.
     *
     * @param settings Input: counts and budget
     * @param op       Input: the operation; it should keep its result reachable (a sink field) so
     *                 the JIT cannot drop it
     * @return the median and minimum time per call
     */
    static Timing measure(Settings settings, Runnable op) {
        System.gc();
        long start = System.nanoTime();
        long half = settings.budgetNanos() / 2;
        double first = timeBatch(op, 1);
        if (first >= half) {
            return new Timing(first, first, 1, 1, true);
        }
        int reps = repetitionsFor(first, settings.minRunNanos());
        for (int w = 1; (w < settings.warmups() || System.nanoTime() - start < settings.minWarmupNanos())
                && System.nanoTime() - start < half; w++) {
            double perCall = timeBatch(op, reps) / reps;
            reps = repetitionsFor(perCall, settings.minRunNanos());
        }
        List<Double> samples = new ArrayList<>();
        while (samples.size() < settings.runs()
                && (samples.isEmpty() || System.nanoTime() - start < settings.budgetNanos())) {
            samples.add(timeBatch(op, reps) / reps);
        }
        return Timing.ofSamples(samples, reps, false);
    }

    /** Nanoseconds for {@code reps} back-to-back calls. */
    private static double timeBatch(Runnable op, int reps) {
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            op.run();
        }
        return System.nanoTime() - t0;
    }

    /** Calls per batch so that a batch of calls of {@code perCallNanos} lasts ≥ {@code minRunNanos}. */
    static int repetitionsFor(double perCallNanos, long minRunNanos) {
        double r = Math.ceil(minRunNanos / Math.max(perCallNanos, 100.0));
        return (int) Math.max(1, Math.min(r, 1 << 20));
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** The median of unsorted values (a sorted copy). */
    static double medianOf(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return median(s);
    }
}
