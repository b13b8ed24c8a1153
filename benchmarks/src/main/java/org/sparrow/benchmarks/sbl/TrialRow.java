package org.sparrow.benchmarks.sbl;

/**
 * One method on one trial, with its accuracy measured by the suite (the same way for every method).
 *
 * @param setup   the point (shape, sparsity, SNR)
 * @param trial   the trial's number at that point, 0-based (the same number means the same seed at every point)
 * @param seed    the trial's seed
 * @param method  what ran
 * @param solve   its answer and time
 * @param nmse    ‖x̂ − x‖²/‖x‖² (NaN when it failed)
 * @param support |Ŝ∩S|/|Ŝ∪S| (NaN when it failed)
 */
public record TrialRow(SblProblem.Setup setup, int trial, long seed, Method method, Solve solve, double nmse,
                       double support) {

    /** Measures {@code solve} against the trial {@code p}. */
    public static TrialRow of(SblProblem p, int trial, Method method, Solve solve) {
        return new TrialRow(p.setup(), trial, p.seed(), method, solve, SblMetrics.nmse(solve.estimate(), p.x()),
                SblMetrics.supportRecovery(solve.estimate(), p.support()));
    }
}
