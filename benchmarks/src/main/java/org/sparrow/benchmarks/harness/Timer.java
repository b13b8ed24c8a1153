package org.sparrow.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The suites' one timing scheme: a cold call, warm-up, then the median of timed runs within a budget.
 * {@link #measure} does:
 * <ol>
 *   <li>a full garbage collection (so that one operation's garbage is not collected on the next one's
 *       clock), then one cold call, whose result is kept ({@link Measured#first()});</li>
 *   <li>if that call alone took {@link Settings#coldCapSeconds()} or more it is the only sample, marked
 *       {@linkplain Measured#cold() cold}: for operations this slow JIT warm-up is a rounding error, and
 *       a second call would only double the run time;</li>
 *   <li>else warm-up runs until {@link Settings#warmupCalls()} are done <em>and</em>
 *       {@link Settings#warmupSeconds()} have passed since the cold call, or half the budget is used. The
 *       time floor matters: moving to a new input changes a kernel's branch profile, and the JIT's
 *       recompilation can keep the first few calls several times slower, longer than a fixed count of
 *       warm-ups covers;</li>
 *   <li>timed runs until {@link Settings#runs()} are done or the whole budget is used (at least one):
 *       the result is their median and minimum per call.</li>
 * </ol>
 * A <em>run</em> is one call, or for operations shorter than {@link Settings#minRunSeconds()} a batch of
 * back-to-back calls lasting at least that long (sub-millisecond kernels are otherwise dominated by timer
 * and scheduling noise); its time per call is the batch's time over its calls, re-sized after every
 * warm-up run. Every result is stored in a volatile field so the JIT cannot drop the call. The scipy
 * scripts of the kernel suite mirror this scheme. Nothing here asserts anything about time.
 */
public final class Timer {

    /** Keeps each call's result reachable so that the JIT cannot eliminate the call. */
    private static volatile Object sink;

    private Timer() {
    }

    /**
     * How long to measure.
     *
     * @param warmupCalls    warm-up runs after the cold call, at least (0 or more)
     * @param warmupSeconds  warm up at least this long after the cold call (within half the budget)
     * @param runs           timed runs (≥ 1); the median is reported
     * @param minRunSeconds  shortest run: shorter calls are batched to reach it (0: one call per run)
     * @param budgetSeconds  roughly the most one measurement may take (may be infinite)
     * @param coldCapSeconds a cold call at least this long is the only sample
     */
    public record Settings(int warmupCalls, double warmupSeconds, int runs, double minRunSeconds,
                           double budgetSeconds, double coldCapSeconds) {

        /** Checks the counts and durations. */
        public Settings {
            if (warmupCalls < 0 || !(warmupSeconds >= 0) || runs < 1 || !(minRunSeconds >= 0) || !(budgetSeconds > 0)
                    || !(coldCapSeconds > 0)) {
                throw new IllegalArgumentException("bad timing settings: warm-up calls " + warmupCalls + ", warm-up "
                        + warmupSeconds + " s, runs " + runs + ", shortest run " + minRunSeconds + " s, budget "
                        + budgetSeconds + " s, cold cap " + coldCapSeconds + " s");
            }
        }

        /**
         * Settings without batching: one call is one sample (for calls of milliseconds or more).
         *
         * @param warmupCalls    warm-up calls after the cold call
         * @param warmupSeconds  warm-up floor after the cold call
         * @param runs           timed calls
         * @param budgetSeconds  budget per measurement (may be infinite)
         * @param coldCapSeconds a cold call this long is the only sample
         * @return the settings
         */
        public static Settings unbatched(int warmupCalls, double warmupSeconds, int runs, double budgetSeconds,
                                         double coldCapSeconds) {
            return new Settings(warmupCalls, warmupSeconds, runs, 0.0, budgetSeconds, coldCapSeconds);
        }
    }

    /**
     * A measurement.
     *
     * @param first       the cold call's result ({@code null} for a measurement made elsewhere)
     * @param median      median seconds per call over the timed runs
     * @param min         fastest seconds per call over the timed runs
     * @param runs        timed runs
     * @param repetitions calls per run
     * @param cold        whether the only sample is the cold call
     * @param cpuPerWall  process CPU time over wall time during the timed runs (about the number of busy
     *                    cores); NaN where the JVM does not report CPU time or the timed runs lasted under
     *                    0.2 s in all
     * @param <T> the operation's result type
     */
    public record Measured<T>(T first, double median, double min, int runs, int repetitions, boolean cold,
                              double cpuPerWall) {

        /** Median seconds per call. */
        public double seconds() {
            return median;
        }

        /** Median milliseconds per call. */
        public double millis() {
            return median * 1e3;
        }

        /** The same measurement without the cold call's result (so that a large result is not kept). */
        public Measured<T> withoutResult() {
            return new Measured<>(null, median, min, runs, repetitions, cold, cpuPerWall);
        }

        /**
         * A measurement made elsewhere (another process), from its samples.
         *
         * @param secondsPerCall Input: the samples, seconds per call, at least one
         * @param repetitions    calls per run
         * @param cold           whether the only sample was a cold call
         * @param <T> the (absent) result type
         * @return median and minimum of the samples, no result, no CPU figure
         */
        public static <T> Measured<T> ofSamples(List<Double> secondsPerCall, int repetitions, boolean cold) {
            double min = secondsPerCall.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            return new Measured<>(null, Stats.median(secondsPerCall), min, secondsPerCall.size(), repetitions, cold,
                    Double.NaN);
        }
    }

    /**
     * Times {@code op} as the class comment says.
     *
     * @param settings Input: counts and budget
     * @param op       Input: the operation
     * @param <T> its result type
     * @return the cold call's result, the median and minimum time per call, and how it was measured
     */
    public static <T> Measured<T> measure(Settings settings, Supplier<T> op) {
        System.gc();
        long start = System.nanoTime();
        long c0 = cpuNanos();
        T first = op.get();
        sink = first;
        double cold = (System.nanoTime() - start) * 1e-9;
        if (cold >= settings.coldCapSeconds()) {
            return new Measured<>(first, cold, cold, 1, 1, true, utilisation(c0, cpuNanos(), cold));
        }
        double half = settings.budgetSeconds() / 2;
        int reps = repetitionsFor(cold, settings.minRunSeconds());
        long warm = System.nanoTime();
        for (int w = 0; (w < settings.warmupCalls() || seconds(warm) < settings.warmupSeconds())
                && seconds(start) < half; w++) {
            reps = repetitionsFor(timeRun(op, reps) / reps, settings.minRunSeconds());
        }
        List<Double> samples = new ArrayList<>();
        long c1 = cpuNanos();
        double busy = 0;
        while (samples.size() < settings.runs() && (samples.isEmpty() || seconds(start) < settings.budgetSeconds())) {
            double t = timeRun(op, reps);
            busy += t;
            samples.add(t / reps);
        }
        long c2 = cpuNanos();
        Measured<T> m = Measured.ofSamples(samples, reps, false);
        return new Measured<>(first, m.median(), m.min(), m.runs(), reps, false, utilisation(c1, c2, busy));
    }

    /**
     * Times an operation without a result, as {@link #measure(Settings, Supplier)}.
     *
     * @param settings Input: counts and budget
     * @param op       Input: the operation
     * @return the median and minimum time per call
     */
    public static Measured<Void> measure(Settings settings, Runnable op) {
        return measure(settings, () -> {
            op.run();
            return null;
        });
    }

    /** Seconds for {@code reps} back-to-back calls. */
    private static <T> double timeRun(Supplier<T> op, int reps) {
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            sink = op.get();
        }
        return seconds(t0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) * 1e-9;
    }

    /**
     * Calls per run so that a run of calls of {@code perCallSeconds} lasts at least {@code minRunSeconds}
     * (1 when no batching is asked for; at most 2²⁰; calls are taken as at least 100 ns).
     *
     * @param perCallSeconds seconds one call takes
     * @param minRunSeconds  the shortest run
     * @return the calls per run
     */
    public static int repetitionsFor(double perCallSeconds, double minRunSeconds) {
        double r = Math.ceil(minRunSeconds / Math.max(perCallSeconds, 1e-7));
        return (int) Math.max(1, Math.min(r, 1 << 20));
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
}
