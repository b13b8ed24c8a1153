package org.sparrow.sketching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparrow.core.DenseMatrix;

/**
 * The subspace-embedding property, measured: for an orthonormal {@code n × d} U, all singular values
 * of S·U (EJML's SVD) lie in {@code [1 − ε, 1 + ε]}, over several seeds, and their mean square is 1.
 * A control shows the measurement fails a map that is not an embedding (plain row sampling of a
 * coherent U).
 */
class SubspaceEmbeddingTest {

    private static final int N = 3001;
    private static final int D = 8;
    private static final int M = 400;
    private static final int SEEDS = 10;
    private static final double EPS = 0.3;

    /** Orthonormal n × d: the Q of a Gaussian matrix's QR. */
    private static DenseMatrix randomOrthonormal(int n, int d, Random rnd) {
        DMatrixRMaj g = new DMatrixRMaj(n, d);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rnd.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, d);
        assertTrue(qr.decompose(g));
        DMatrixRMaj q = qr.getQ(null, true);
        return new DenseMatrix(n, d, q.data.clone());
    }

    /** Orthonormal n × d with maximal coherence: d unit vectors at random rows. */
    private static DenseMatrix coherentOrthonormal(int n, int d, Random rnd) {
        double[] u = new double[n * d];
        int[] rows = rnd.ints(0, n).distinct().limit(d).toArray();
        for (int c = 0; c < d; c++) {
            u[rows[c] * d + c] = 1.0;
        }
        return new DenseMatrix(n, d, u);
    }

    static double[] singularValues(DenseMatrix a) {
        DMatrixRMaj copy = new DMatrixRMaj(a.rows(), a.cols());
        System.arraycopy(a.data(), 0, copy.data, 0, a.data().length);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.rows(), a.cols(), false, false, true);
        assertTrue(svd.decompose(copy));
        double[] all = svd.getSingularValues();
        double[] sv = new double[svd.numberOfSingularValues()];
        System.arraycopy(all, 0, sv, 0, sv.length);
        return sv;
    }

    /** The largest |σ − 1| over the singular values of S·U. */
    private static double distortion(double[] sv) {
        double worst = 0;
        for (double s : sv) {
            worst = Math.max(worst, Math.abs(s - 1));
        }
        return worst;
    }

    private static void assertEmbeds(SketchKind kind, DenseMatrix u, String what) {
        double sumSquares = 0;
        double worst = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Sketch s = Sketches.create(kind, M, N, 1000 + seed);
            double[] sv = singularValues(s.sketch(u));
            assertEquals(D, sv.length);
            worst = Math.max(worst, distortion(sv));
            for (double x : sv) {
                sumSquares += x * x;
            }
        }
        assertTrue(worst <= EPS, kind + " on " + what + ": a singular value of S·U is 1 ± " + worst);
        // E‖S·U‖_F² = d: the scaling is right (a sketch off by √2 fails here even when ε is loose).
        assertEquals(1.0, sumSquares / (SEEDS * D), 0.05, kind + " on " + what + ": mean σ²");
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void everySketchEmbedsARandomSubspace(SketchKind kind) {
        assertEmbeds(kind, randomOrthonormal(N, D, new Random(41)), "a random subspace");
    }

    @ParameterizedTest
    @EnumSource(value = SketchKind.class, names = {"GAUSSIAN", "RADEMACHER", "SRHT", "OSNAP"})
    void mixingSketchesEmbedACoherentSubspace(SketchKind kind) {
        // CountSketch is left out: two of U's d spikes share a row with probability ≈ d²/2m, and then
        // S·U is singular — the known reason it needs m ≈ d².
        assertEmbeds(kind, coherentOrthonormal(N, D, new Random(42)), "a coherent subspace");
    }

    @Test
    void theMeasurementRejectsPlainRowSamplingOfACoherentSubspace() {
        DenseMatrix u = coherentOrthonormal(N, D, new Random(42));
        // √(N/M)·P·U with M rows drawn uniformly: the same sampling as the SRHT, without H·D.
        long[] rows = SrhtSketch.sampleWithoutReplacement(N, M, 7);
        double[] pu = new double[M * D];
        for (int k = 0; k < M; k++) {
            for (int c = 0; c < D; c++) {
                pu[k * D + c] = Math.sqrt((double) N / M) * u.get((int) rows[k], c);
            }
        }
        double worst = distortion(singularValues(new DenseMatrix(M, D, pu)));
        assertTrue(worst > EPS, "plain sampling of spikes should not embed, distortion " + worst);
    }
}
