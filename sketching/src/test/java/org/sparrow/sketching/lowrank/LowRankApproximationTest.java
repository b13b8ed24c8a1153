package org.sparrow.sketching.lowrank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.structured.LowRankMatrix;

/** The randomized SVD's result is a {@link LowRankMatrix}: its factors, products and truncation agree. */
class LowRankApproximationTest {

    @Test
    void randomizedSvdResultIsALowRankMatrixWithTheSameFactors() {
        int rows = 60;
        int cols = 40;
        int rank = 5;
        Random rnd = new Random(21);
        double[] a = new double[rows * cols];
        // an exactly rank-5 matrix: the randomized SVD recovers it, so it must equal LowRankMatrix.truncate
        double[] f = new double[rows * rank];
        double[] g = new double[cols * rank];
        for (int i = 0; i < f.length; i++) {
            f[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int r = 0; r < rank; r++) {
                    s += f[i * rank + r] * g[j * rank + r] * (r + 1);
                }
                a[i * cols + j] = s;
            }
        }
        DenseMatrix am = new DenseMatrix(rows, cols, a);
        LowRankApproximation r = RandomizedSvd.compute(am, RandomizedSvdOptions.defaults(rank));
        LowRankMatrix m = r.matrix();
        assertSame(r.u(), m.u());
        assertSame(r.v(), m.v());
        assertArrayEquals(r.singularValues(), m.s());
        assertEquals(rank, m.rank());
        assertEquals(rank, r.rank());
        double[] dense = m.toDense().data();
        double norm = am.frobeniusNorm();
        double[] reference = LowRankMatrix.truncate(am, rank).toDense().data();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], dense[i], 1e-10 * norm, "the approximation reproduces A at " + i);
            assertEquals(reference[i], dense[i], 1e-10 * norm, "and equals the truncated SVD at " + i);
        }
        double[] x = new double[cols];
        x[3] = 1;
        double[] y = m.apply(x);
        for (int i = 0; i < rows; i++) {
            assertEquals(a[i * cols + 3], y[i], 1e-10 * norm);
        }
        assertTrue(r.trustworthy());
    }
}
