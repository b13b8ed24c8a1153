package org.sparrow.benchmarks.sbl;

/**
 * One method's answer on one trial.
 *
 * @param estimate   x̂, or {@code null} when the method failed
 * @param seconds    time of the solve (for scikit-learn: of {@code fit} alone)
 * @param callSeconds time of the whole call where it differs (scikit-learn: forming A and fitting), else NaN
 * @param iterations iterations, or -1 when not reported
 * @param converged  whether the method stopped on its tolerance
 * @param note       why it failed, or empty
 */
public record Solve(double[] estimate, double seconds, double callSeconds, int iterations, boolean converged,
                    String note) {

    /** A failed solve. */
    public static Solve failed(String why) {
        return new Solve(null, Double.NaN, Double.NaN, -1, false, why);
    }

    /** Whether there is an estimate. */
    public boolean ok() {
        return estimate != null;
    }
}
