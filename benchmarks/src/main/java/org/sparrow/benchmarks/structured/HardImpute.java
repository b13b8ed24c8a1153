package org.sparrow.benchmarks.structured;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.structured.LowRankMatrix;
import org.sparrow.sketching.lowrank.LowRankApproximation;
import org.sparrow.sketching.lowrank.RandomizedSvd;
import org.sparrow.sketching.lowrank.RandomizedSvdOptions;

/**
 * The completion baseline: hard-impute, the rank-constrained variant of soft-impute in Mazumder, Hastie and
 * Tibshirani, "Spectral regularization algorithms for learning large incomplete matrices", JMLR 11 (2010),
 * 2287–2322: iterate Z ← P_Ω(M) + P_Ω⊥(L), L ← SVD_k(Z), from L = 0. As in their §5.1 (and softImpute's
 * implementation), Z is never formed: Z = S + L with S = P_Ω(M − L) sparse on Ω and L = U·diag(σ)·Vᵀ, so a
 * product with Z costs |Ω| + (m + n)·k per column; SVD_k is Sparrow's {@link RandomizedSvd} on that operator
 * (Halko–Martinsson–Tropp, oversampling 10, two power iterations). It stops when the relative change of L on
 * Ω falls below the tolerance (AM's criterion) or after the iteration cap.
 */
final class HardImpute {

    private HardImpute() {
    }

    /**
     * The outcome.
     *
     * @param estimate           L after the last iteration
     * @param iterations         iterations run
     * @param seconds            wall seconds in all
     * @param converged          whether the change fell below the tolerance
     * @param lastChange         the last relative change of L on Ω
     */
    record Result(LowRankMatrix estimate, int iterations, double seconds, boolean converged, double lastChange) {

        double secondsPerIteration() {
            return iterations > 0 ? seconds / iterations : Double.NaN;
        }
    }

    /**
     * Runs hard-impute.
     *
     * @param observed      Input: M on Ω (canonical CSR)
     * @param rank          k
     * @param maxIterations the iteration cap
     * @param tolerance     the stop on the relative change of L on Ω
     * @param seed          the randomized SVD's seed (advanced every iteration)
     * @return the estimate and its cost
     */
    static Result run(CsrMatrix observed, int rank, int maxIterations, double tolerance, long seed) {
        long t0 = System.nanoTime();
        int m = observed.rows();
        int n = observed.cols();
        int[] rp = observed.rowPointers();
        int[] ci = observed.columnIndices();
        double[] mv = observed.values();
        int nnz = observed.nnz();
        double[] lOnOmega = new double[nnz];
        double[] residual = new double[nnz];
        LowRankMatrix l = null;
        double change = Double.NaN;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            for (int e = 0; e < nnz; e++) {
                residual[e] = mv[e] - lOnOmega[e];
            }
            CsrMatrix s = new CsrMatrix(m, n, rp, ci, residual.clone());
            LinearOperator z = l == null ? s : sum(s, l);
            LowRankApproximation svd = RandomizedSvd.compute(z, RandomizedSvdOptions.defaults(rank).withSeed(seed + it));
            LowRankMatrix next = new LowRankMatrix(svd.u(), svd.singularValues(), svd.v());
            double d = 0;
            double norm = 0;
            for (int i = 0; i < m; i++) {
                for (int e = rp[i]; e < rp[i + 1]; e++) {
                    double x = next.get(i, ci[e]);
                    double diff = x - lOnOmega[e];
                    d += diff * diff;
                    norm += x * x;
                    lOnOmega[e] = x;
                }
            }
            l = next;
            it++;
            change = norm == 0 ? 0 : Math.sqrt(d / norm);
            if (change <= tolerance) {
                converged = true;
                break;
            }
        }
        return new Result(l, it, (System.nanoTime() - t0) * 1e-9, converged, change);
    }

    /** S + L as an operator (block forms: one block product with each, then a sum). */
    private static LinearOperator sum(CsrMatrix s, LowRankMatrix l) {
        return new LinearOperator() {
            @Override
            public int rows() {
                return s.rows();
            }

            @Override
            public int cols() {
                return s.cols();
            }

            @Override
            public void apply(double[] x, double[] y) {
                applyBlock(x, y, 1);
            }

            @Override
            public void applyTranspose(double[] x, double[] y) {
                applyTransposeBlock(x, y, 1);
            }

            @Override
            public void applyBlock(double[] x, double[] y, int k) {
                s.applyBlock(x, y, k);
                double[] t = new double[y.length];
                l.applyBlock(x, t, k);
                add(y, t);
            }

            @Override
            public void applyTransposeBlock(double[] x, double[] y, int k) {
                s.applyTransposeBlock(x, y, k);
                double[] t = new double[y.length];
                l.applyTransposeBlock(x, t, k);
                add(y, t);
            }
        };
    }

    private static void add(double[] y, double[] t) {
        for (int i = 0; i < y.length; i++) {
            y[i] += t[i];
        }
    }
}
