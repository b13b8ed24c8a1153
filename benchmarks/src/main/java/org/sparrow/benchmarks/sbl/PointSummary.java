package org.sparrow.benchmarks.sbl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sparrow.benchmarks.harness.Stats;

/**
 * One method at one point, averaged over its trials (failed trials counted apart, not averaged).
 *
 * @param setup         the point
 * @param method        the method
 * @param trials        trials with an estimate
 * @param failed        trials without one
 * @param meanNmse      mean of the trials' NMSE (the paper's "NMSE": an average of ratios)
 * @param medianNmse    median NMSE
 * @param meanSupport   mean support recovery
 * @param meanSeconds   mean time per solve
 * @param medianSeconds median time per solve
 * @param meanCallSeconds mean whole-call time where the method reports one (scikit-learn), else NaN
 * @param meanIterations mean iterations (NaN when not reported)
 * @param converged     trials that stopped on their tolerance
 */
public record PointSummary(SblProblem.Setup setup, Method method, int trials, int failed, double meanNmse,
                           double medianNmse, double meanSupport, double meanSeconds, double medianSeconds,
                           double meanCallSeconds, double meanIterations, int converged) {

    /** The mean NMSE in dB, 10·log₁₀(mean NMSE). */
    public double meanNmseDb() {
        return SblMetrics.decibels(meanNmse);
    }

    /**
     * Averages the rows of {@code method} at {@code setup}, over the trials in {@code only} (all when null).
     *
     * @param rows   Input: every row of the run
     * @param setup  the point
     * @param method the method
     * @param only   trial numbers to keep, or {@code null} for all
     * @return the summary ({@code trials} = 0 and NaN values when there is nothing)
     */
    public static PointSummary of(List<TrialRow> rows, SblProblem.Setup setup, Method method, Set<Integer> only) {
        List<Double> nmse = new ArrayList<>();
        List<Double> sec = new ArrayList<>();
        double sup = 0;
        double call = 0;
        int callCount = 0;
        double its = 0;
        int itsCount = 0;
        int failed = 0;
        int conv = 0;
        for (TrialRow r : rows) {
            if (!r.setup().equals(setup) || r.method() != method || (only != null && !only.contains(r.trial()))) {
                continue;
            }
            if (!r.solve().ok() || !Double.isFinite(r.nmse())) {
                failed++;
                continue;
            }
            nmse.add(r.nmse());
            sec.add(r.solve().seconds());
            sup += r.support();
            if (Double.isFinite(r.solve().callSeconds())) {
                call += r.solve().callSeconds();
                callCount++;
            }
            if (r.solve().iterations() >= 0) {
                its += r.solve().iterations();
                itsCount++;
            }
            conv += r.solve().converged() ? 1 : 0;
        }
        int n = nmse.size();
        if (n == 0) {
            return new PointSummary(setup, method, 0, failed, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0);
        }
        return new PointSummary(setup, method, n, failed, mean(nmse), Stats.median(nmse), sup / n, mean(sec),
                Stats.median(sec), callCount == 0 ? Double.NaN : call / callCount, itsCount == 0 ? Double.NaN : its / itsCount,
                conv);
    }

    /** The trial numbers at which {@code method} has an estimate at {@code setup}. */
    public static Set<Integer> trialsWithEstimate(List<TrialRow> rows, SblProblem.Setup setup, Method method) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (TrialRow r : rows) {
            if (r.setup().equals(setup) && r.method() == method && r.solve().ok() && Double.isFinite(r.nmse())) {
                out.add(r.trial());
            }
        }
        return out;
    }

    private static double mean(List<Double> v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.size();
    }
}
