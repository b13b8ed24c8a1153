package org.sparrow.benchmarks.sbl;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.sparrow.core.DenseMatrix;

/**
 * The oracle of He &amp; Joseph's Section VI (their {@code OLS.m}): least squares on the TRUE support S,
 * x̂_S = argmin ‖A_S·z − y‖ (dense Householder QR of the ∏Mᵢ × |S| columns, EJML's
 * {@code LinearSolverFactory_DDRM.leastSquares}), x̂ = 0 elsewhere. No method that must find S can beat it
 * on average; the goals are stated as ratios to its NMSE.
 */
public final class OracleLeastSquares {

    private OracleLeastSquares() {
    }

    /**
     * Solves the oracle problem of {@code p}.
     *
     * @param p Input: the trial (its support and measurements)
     * @return x̂, length ∏Nᵢ
     * @throws IllegalStateException if A_S is rank deficient (more support columns than measurements)
     */
    public static double[] solve(SblProblem p) {
        int[] s = p.support();
        DenseMatrix as = p.columns(s);
        if (as.rows() < as.cols()) {
            throw new IllegalStateException("the oracle needs at least as many measurements (" + as.rows()
                    + ") as support entries (" + as.cols() + ")");
        }
        DMatrixRMaj a = DMatrixRMaj.wrap(as.rows(), as.cols(), as.data().clone());
        DMatrixRMaj b = DMatrixRMaj.wrap(p.y().length, 1, p.y().clone());
        DMatrixRMaj z = new DMatrixRMaj(as.cols(), 1);
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(as.rows(), as.cols());
        if (!qr.setA(a)) {
            throw new IllegalStateException("the oracle's support columns are rank deficient");
        }
        qr.solve(b, z);
        double[] x = new double[p.x().length];
        for (int j = 0; j < s.length; j++) {
            x[s[j]] = z.get(j, 0);
        }
        return x;
    }
}
