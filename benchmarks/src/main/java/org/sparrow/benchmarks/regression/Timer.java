package org.sparrow.benchmarks.regression;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The regression suite's timing: one cold call, warm-up, then the median of timed calls, within a
 * budget. The same scheme as the kernel suite's {@code KernelTimer} (which is package-private there)
 * minus its batching: a least-squares solve lasts milliseconds to seconds, so one call is one sample.
 * <ol>
 *   <li>a full GC, then one cold call, whose result is kept (it is what the accuracy columns measure;
 *       every method here is deterministic for a fixed seed);</li>
 *   <li>if that call alone took {@link Settings#coldCapSeconds()} or more it is the only sample
 *       (marked cold: for solves this long JIT warm-up is a rounding error, and the smaller problems
 *       that run first have already compiled the same code);</li>
 *   <li>else warm-up calls until {@link Settings#warmupCalls()} ran and {@link Settings#warmupSeconds()}
 *       have passed (within half the budget), then timed calls until {@link Settings#runs()} are done or
 *       the budget is used (at least one). The result is their median and minimum.</li>
 * </ol>
 */
final class Timer {

    private Timer() {
    }

    /**
     * How long to measure.
     *
     * @param runs           timed calls (≥ 1); the median is reported
     * @param warmupCalls    warm-up calls after the cold call, at least (0 or more)
     * @param warmupSeconds  warm up at least this long after the cold call
     * @param budgetSeconds  roughly the most one measurement may take
     * @param coldCapSeconds a cold call at least this long is the only sample
     */
    record Settings(int runs, int warmupCalls, double warmupSeconds, double budgetSeconds, double coldCapSeconds) {

        Settings {
            if (runs < 1 || warmupCalls < 0 || warmupSeconds < 0 || !(budgetSeconds > 0) || !(coldCapSeconds > 0)) {
                throw new IllegalArgumentException("bad timing settings: runs=" + runs + ", warmup calls=" + warmupCalls
                        + ", warmup=" + warmupSeconds + ", budget=" + budgetSeconds + ", cold cap=" + coldCapSeconds);
            }
        }

        /** The full run: median of 5, ≥ 1 warm-up call and 0.3 s, 10 s per measurement, a cold call ≥ 4 s timed once. */
        static Settings full() {
            return new Settings(5, 1, 0.3, 10.0, 4.0);
        }

        /**
         * The quick run: median of 3, ≥ 1 warm-up call and 0.3 s (as the full run, so that its millisecond rows are
         * as JIT-compiled as the full baseline's), 3 s per measurement, 1.5 s cold cap.
         */
        static Settings quick() {
            return new Settings(3, 1, 0.3, 3.0, 1.5);
        }

        /**
         * For the n = 10⁶ problems (calls of seconds): the cold call, then two timed calls — calls that no longer
         * pay for first-touch page faults of fresh large arrays; {@code --check} compares the faster.
         */
        static Settings large() {
            return new Settings(2, 0, 0.0, 120.0, 120.0);
        }

        String describe() {
            return String.format(Locale.ROOT, "one cold call (its result gives the accuracy columns); a call of %.1f s "
                    + "or more is timed once (cold, marked †); otherwise at least %d warm-up call(s) and %.1f s of "
                    + "warm-up, then the median of up to %d timed calls within ~%.0f s per measurement",
                    coldCapSeconds, warmupCalls, warmupSeconds, runs, budgetSeconds);
        }
    }

    /**
     * A measurement.
     *
     * @param first   the cold call's result
     * @param median  median seconds per call
     * @param min     fastest call, seconds
     * @param runs    timed calls
     * @param cold    whether the only sample is the cold call
     * @param cpuPerWall process CPU time over wall time during the timed calls (about the number of busy
     *                   cores: ≈ 1 for a single-threaded call; NaN where the JVM does not report CPU time or
     *                   the timed calls lasted under 0.2 s in all)
     */
    record Measured<T>(T first, double median, double min, int runs, boolean cold, double cpuPerWall) {
    }

    /** Times {@code op} as the class comment says. */
    static <T> Measured<T> measure(Settings s, Supplier<T> op) {
        System.gc();
        long start = System.nanoTime();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        T first = op.get();
        double cold = (System.nanoTime() - t0) * 1e-9;
        if (cold >= s.coldCapSeconds()) {
            return new Measured<>(first, cold, cold, 1, true, utilisation(c0, cpuNanos(), cold));
        }
        double half = s.budgetSeconds() / 2;
        long warm = System.nanoTime();
        for (int w = 0; (w < s.warmupCalls() || (System.nanoTime() - warm) * 1e-9 < s.warmupSeconds())
                && (System.nanoTime() - start) * 1e-9 < half; w++) {
            op.get();
        }
        double[] samples = new double[s.runs()];
        long c1 = cpuNanos();
        int k = 0;
        while (k < samples.length && (k == 0 || (System.nanoTime() - start) * 1e-9 < s.budgetSeconds())) {
            long a = System.nanoTime();
            op.get();
            samples[k++] = (System.nanoTime() - a) * 1e-9;
        }
        long c2 = cpuNanos();
        double[] sorted = Arrays.copyOf(samples, k);
        double busy = Arrays.stream(sorted).sum();
        Arrays.sort(sorted);
        return new Measured<>(first, median(sorted), sorted[0], k, false, utilisation(c1, c2, busy));
    }

    /** The JVM process's CPU time so far, or -1 when not available. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU over wall time; NaN below 0.2 s of wall time, where the CPU clock's granularity makes it meaningless. */
    private static double utilisation(long from, long to, double wallSeconds) {
        return from < 0 || to < 0 || !(wallSeconds >= 0.2) ? Double.NaN : (to - from) * 1e-9 / wallSeconds;
    }

    /** The median of sorted values (NaN for none). */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
