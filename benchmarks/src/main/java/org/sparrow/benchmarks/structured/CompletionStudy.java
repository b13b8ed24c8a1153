package org.sparrow.benchmarks.structured;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.structured.LowRankMatrix;
import org.sparrow.sketching.completion.CompletionMethod;
import org.sparrow.sketching.completion.CompletionOptions;
import org.sparrow.sketching.completion.CompletionResult;
import org.sparrow.sketching.completion.MatrixCompletion;

/**
 * Part 3 of the suite: matrix completion on {@link CompletionProblem}s by exact and sketched alternating
 * minimization ({@link MatrixCompletion}) and by {@link HardImpute}, each error measured on the full matrix.
 */
final class CompletionStudy {

    /** The stop on the relative change of U·Vᵀ on Ω (AM's and hard-impute's). */
    static final double TOLERANCE = 1e-10;
    /** The final relative error the goal asks for. */
    static final double GOAL_ERROR = 1e-8;

    private CompletionStudy() {
    }

    /**
     * One completion run.
     *
     * @param study             k-sweep or size-sweep
     * @param m                 rows
     * @param n                 columns
     * @param k                 rank
     * @param c                 |Ω|'s constant
     * @param kOmega            the rank |Ω| was sized for
     * @param omega             |Ω|
     * @param method            am, sketched-am or hard-impute
     * @param status            converged, iteration cap, or failed: why
     * @param iterations        iterations run
     * @param secondsPerIteration the method's time per iteration
     * @param seconds           the whole run (initialization included)
     * @param relativeError     ‖M − X‖_F / ‖M‖_F over all entries
     * @param trainingRmse      the RMSE on Ω (NaN for hard-impute)
     * @param sketchRows        rows of the sketch per least-squares solve (0 for exact)
     * @param sketchIterations  preconditioned iterations per solve (0 for exact)
     * @param detail            the method's own sentence
     */
    record Row(String study, int m, int n, int k, double c, int kOmega, int omega, String method, String status,
               int iterations, double secondsPerIteration, double seconds, double relativeError, double trainingRmse,
               int sketchRows, int sketchIterations, String detail) {

        boolean ok() {
            return !status.startsWith("failed");
        }
    }

    /**
     * Runs both AM methods on a small problem, untimed, so that the timed runs execute compiled code.
     *
     * @param seed the seed
     */
    static void warmUp(long seed) {
        CompletionProblem p = CompletionProblem.generate(300, 300, 5, 5, 3, seed);
        for (CompletionMethod method : CompletionMethod.values()) {
            try {
                MatrixCompletion.complete(p.observed(), CompletionOptions.defaults(5).withMethod(method)
                        .withMaxIterations(5).withSeed(seed));
            } catch (RuntimeException e) {
                // the timed runs will report it
            }
        }
        try {
            HardImpute.run(p.observed().toCsr(), 5, 3, TOLERANCE, seed);
        } catch (RuntimeException e) {
            // likewise
        }
    }

    /**
     * Exact and sketched AM on one problem.
     *
     * @param study         the study's name
     * @param p             Input: the problem
     * @param kOmega        the rank |Ω| was sized for
     * @param maxIterations AM's cap
     * @param seed          AM's seed
     * @return two rows
     */
    static List<Row> am(String study, CompletionProblem p, int kOmega, int maxIterations, long seed) {
        List<Row> rows = new ArrayList<>();
        for (CompletionMethod method : CompletionMethod.values()) {
            CompletionOptions o = CompletionOptions.defaults(p.k()).withMethod(method).withMaxIterations(maxIterations)
                    .withTolerance(TOLERANCE).withSeed(seed);
            Row row;
            try {
                System.gc();
                CompletionResult r = MatrixCompletion.complete(p.observed(), o);
                LowRankMatrix f = r.factors();
                double err = p.relativeError(f.u(), f.s(), f.v());
                row = new Row(study, p.m(), p.n(), p.k(), p.c(), kOmega, p.omega(), method.cliName(),
                        r.converged() ? "converged" : "stopped: " + r.reason().toString().toLowerCase(Locale.ROOT)
                                .replace('_', ' '), r.iterations(), r.secondsPerIteration(), r.seconds(), err,
                        r.trainingRmse(), r.sketchRows(), r.sketchIterations(), r.detail());
            } catch (RuntimeException e) {
                row = failed(study, p, kOmega, method.cliName(), e);
            }
            rows.add(row);
            print(row);
        }
        return rows;
    }

    /**
     * Hard-impute on one problem.
     *
     * @param study         the study's name
     * @param p             Input: the problem
     * @param maxIterations the cap
     * @param seed          the randomized SVD's seed
     * @return the row
     */
    static Row hardImpute(String study, CompletionProblem p, int maxIterations, long seed) {
        Row row;
        try {
            System.gc();
            CsrMatrix obs = p.observed().toCsr();
            HardImpute.Result r = HardImpute.run(obs, p.k(), maxIterations, TOLERANCE, seed);
            LowRankMatrix l = r.estimate();
            double err = p.relativeError(l.u(), l.s(), l.v());
            row = new Row(study, p.m(), p.n(), p.k(), p.c(), p.k(), p.omega(), "hard-impute",
                    r.converged() ? "converged" : "stopped: iteration cap", r.iterations(), r.secondsPerIteration(),
                    r.seconds(), err, Double.NaN, 0, 0, String.format(Locale.ROOT,
                    "last relative change of L on Ω %.2e after %d iterations", r.lastChange(), r.iterations()));
        } catch (RuntimeException e) {
            row = failed(study, p, p.k(), "hard-impute", e);
        }
        print(row);
        return row;
    }

    private static Row failed(String study, CompletionProblem p, int kOmega, String method, RuntimeException e) {
        return new Row(study, p.m(), p.n(), p.k(), p.c(), kOmega, p.omega(), method, "failed: " + e.getMessage(), 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, "");
    }

    private static void print(Row r) {
        System.err.printf(Locale.ROOT, "  %s m=n=%d k=%d |Ω|=%d %-11s %s, %d its, %.4g s/it, %.4g s, error %.3e%n",
                r.study(), r.n(), r.k(), r.omega(), r.method(), r.status(), r.iterations(), r.secondsPerIteration(),
                r.seconds(), r.relativeError());
    }

    /**
     * The growth of the time per iteration per doubling of k: 2^slope of the least-squares line through
     * (log k, log t) over the rows with {@code kMin ≤ k ≤ kMax}.
     *
     * @param rows   Input: one method's k-sweep rows
     * @param kMin   the smallest k used
     * @param kMax   the largest k used
     * @return the growth factor, NaN with fewer than two points
     */
    static double growthPerDoubling(List<Row> rows, int kMin, int kMax) {
        List<double[]> pts = new ArrayList<>();
        for (Row r : rows) {
            if (r.ok() && r.k() >= kMin && r.k() <= kMax && r.secondsPerIteration() > 0) {
                pts.add(new double[] {Math.log(r.k()), Math.log(r.secondsPerIteration())});
            }
        }
        if (pts.size() < 2) {
            return Double.NaN;
        }
        double mx = pts.stream().mapToDouble(q -> q[0]).average().orElseThrow();
        double my = pts.stream().mapToDouble(q -> q[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] q : pts) {
            sxy += (q[0] - mx) * (q[1] - my);
            sxx += (q[0] - mx) * (q[0] - mx);
        }
        return Math.pow(2, sxy / sxx);
    }
}
