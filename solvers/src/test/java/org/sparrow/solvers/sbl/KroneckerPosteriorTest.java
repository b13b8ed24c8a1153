package org.sparrow.solvers.sbl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparrow.core.DenseMatrix;

class KroneckerPosteriorTest {

    /** Odd shapes: rows and columns of each factor, M ≷ N both present; two and three factors. */
    private static final int[][][] SHAPES = {
        {{3, 5}, {4, 2}},
        {{5, 3}, {2, 7}},
        {{2, 3}, {3, 2}, {2, 4}},
        {{3, 3}, {1, 4}, {4, 2}},
    };

    @ParameterizedTest(name = "shape set {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void eStepThroughFactorsMatchesDensePosterior(int which) {
        int[][] shape = SHAPES[which];
        Random rnd = new Random(1000 + which);
        int d = shape.length;
        List<DenseMatrix> factors = new ArrayList<>();
        double[][] a = new double[d][];
        int[] rows = new int[d];
        int[] cols = new int[d];
        double[][] gamma = new double[d][];
        List<double[]> gammaList = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            rows[k] = shape[k][0];
            cols[k] = shape[k][1];
            DenseMatrix f = SblTestSupport.gaussian(rnd, rows[k], cols[k]);
            factors.add(f);
            a[k] = f.data();
            gamma[k] = new double[cols[k]];
            for (int j = 0; j < cols[k]; j++) {
                // spread over two decades; with σ² below, κ(σ²I + AΓAᵀ) stays under ~1e4, so the dense
                // oracle itself is accurate to well below the 1e-10 asked
                gamma[k][j] = Math.pow(10, -1 + 2 * rnd.nextDouble());
            }
            gammaList.add(gamma[k]);
        }
        double[][] dense = SblTestSupport.kronDense(factors);
        int m = dense.length;
        int n = dense[0].length;
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = rnd.nextGaussian();
        }
        for (double sigma2 : new double[] {0.3, 0.05}) {
            double[] mu = new double[n];
            double[] diag = new double[n];
            KroneckerPosterior post = new KroneckerPosterior(rows);
            post.compute(a, cols, gamma, sigma2, y, mu, diag);

            // dense oracle: Σ_y = σ²I + AΓAᵀ inverted explicitly; Σ = Γ − ΓAᵀΣ_y⁻¹AΓ; μ = ΓAᵀΣ_y⁻¹y
            double[] g = SblTestSupport.kron(gammaList);
            DMatrixRMaj am = new DMatrixRMaj(dense);
            DMatrixRMaj ag = am.copy();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    ag.set(i, j, am.get(i, j) * g[j]);
                }
            }
            DMatrixRMaj sy = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(ag, am, sy);
            for (int i = 0; i < m; i++) {
                sy.add(i, i, sigma2);
            }
            DMatrixRMaj syInv = new DMatrixRMaj(m, m);
            CommonOps_DDRM.invert(sy, syInv);
            DMatrixRMaj k = new DMatrixRMaj(n, m); // ΓAᵀΣ_y⁻¹
            CommonOps_DDRM.multTransA(ag, syInv, k);
            DMatrixRMaj yv = new DMatrixRMaj(m, 1, true, y);
            DMatrixRMaj muWant = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(k, yv, muWant);
            double scaleMu = 0;
            double scaleDiag = 0;
            for (int j = 0; j < n; j++) {
                scaleMu = Math.max(scaleMu, Math.abs(muWant.get(j)));
                scaleDiag = Math.max(scaleDiag, g[j]);
            }
            for (int j = 0; j < n; j++) {
                double kag = 0; // (ΓAᵀΣ_y⁻¹AΓ)_jj
                for (int i = 0; i < m; i++) {
                    kag += k.get(j, i) * ag.get(i, j);
                }
                assertEquals(muWant.get(j), mu[j], 1e-10 * scaleMu, "μ(" + (j + 1) + "), σ² = " + sigma2);
                assertEquals(g[j] - kag, diag[j], 1e-10 * scaleDiag, "Σ(" + (j + 1) + ", " + (j + 1) + "), σ² = " + sigma2);
            }
            double[] ax = SblTestSupport.multiply(dense, mu);
            double res = 0;
            for (int i = 0; i < m; i++) {
                res += (y[i] - ax[i]) * (y[i] - ax[i]);
            }
            assertEquals(res, post.residualNormSquared, 1e-10 * Math.max(res, 1e-300) + 1e-14, "‖y − Aμ‖²");
        }
    }
}
