package org.sparrow.benchmarks.ot;

import java.util.Arrays;
import org.sparrow.solvers.IterationListener;

/**
 * A time limit on one library solve, through its iteration listener: after each iteration it records
 * the iteration and the marginal error, and once the limit has passed it throws {@link Reached}, which
 * ends the solve (the library offers an iteration limit, not a time limit). What it recorded then stands
 * in for the result that the solve did not return.
 */
final class TimeCap implements IterationListener {

    /** Thrown from the listener when the time limit has passed. */
    static final class Reached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reached(double seconds) {
            super(String.format(java.util.Locale.ROOT, "stopped at the %.0f s time cap", seconds));
        }
    }

    private final double capSeconds;
    private final long start = System.nanoTime();
    private double[] history = new double[64];
    private int iterations;

    /**
     * A cap starting now.
     *
     * @param capSeconds the limit in seconds
     */
    TimeCap(double capSeconds) {
        this.capSeconds = capSeconds;
    }

    @Override
    public void onIteration(int iteration, double marginalError) {
        if (iterations == history.length) {
            history = Arrays.copyOf(history, 2 * history.length);
        }
        history[iterations++] = marginalError;
        if (seconds() > capSeconds) {
            throw new Reached(capSeconds);
        }
    }

    /** Seconds since the cap was made. */
    double seconds() {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** Iterations recorded. */
    int iterations() {
        return iterations;
    }

    /** The marginal errors recorded, one per iteration. */
    double[] history() {
        return Arrays.copyOf(history, iterations);
    }

    /** The last marginal error recorded (the library's figure), or NaN. */
    double lastError() {
        return iterations == 0 ? Double.NaN : history[iterations - 1];
    }
}
