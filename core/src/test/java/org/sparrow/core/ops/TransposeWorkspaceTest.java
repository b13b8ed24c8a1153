package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.FormatsTestSupport;
import org.sparrow.core.Par;

/**
 * The threaded transposed products with a caller-supplied workspace ({@link Spmv}, {@link DenseProducts}):
 * the same bits as the allocating form whatever junk the workspace holds, and the {@link Par} forms
 * bit-identical across thread counts where the kernels promise it.
 */
class TransposeWorkspaceTest {

    private static final List<Par> PARS = List.of(Par.SEQ, Par.threads(2), Par.threads(3), Par.AUTO);

    @Test
    void sparseTransposeWithWorkspaceMatchesAllocatingFormWhateverTheWorkspaceHolds() {
        Random rnd = new Random(11);
        CsrMatrix a = randomSparse(rnd, 301, 41, 10);
        double[] x = FormatsTestSupport.randomVector(rnd, a.rows());
        for (Par par : PARS) {
            double[] expected = new double[a.cols()];
            Spmv.applyTranspose(a, x, expected, par);
            int len = Spmv.transposeWorkspaceLength(a, par);
            if (par != Par.SEQ && par != Par.AUTO) {
                assertTrue(len > 0, par + ": the split is real, so the workspace is used");
            }
            for (double junk : new double[] {Double.NaN, 1e300, -7}) {
                double[] work = new double[len + 5];
                Arrays.fill(work, junk);
                double[] y = FormatsTestSupport.nans(a.cols());
                Spmv.applyTranspose(a, x, y, par, work);
                FormatsTestSupport.assertBitsEqual(expected, y, par + " with " + junk + " in the workspace");
                double[] again = FormatsTestSupport.nans(a.cols());
                Spmv.applyTranspose(a, x, again, par, work); // reused: what it holds now is the last call's
                FormatsTestSupport.assertBitsEqual(expected, again, par + " reusing the workspace");
            }
            double[] oracle = FormatsTestSupport.oracleApplyTranspose(FormatsTestSupport.denseFromArrays(a), a.cols(), x);
            double[] y = new double[a.cols()];
            Spmv.applyTranspose(a, x, y, par, new double[len]);
            for (int j = 0; j < y.length; j++) {
                assertEquals(oracle[j], y[j], 1e-12 * (1 + Math.abs(oracle[j])), par + ": y[" + j + "]");
            }
        }
        if (Spmv.transposeWorkspaceLength(a, Par.threads(3)) > 0) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Spmv.applyTranspose(a, x, new double[a.cols()], Par.threads(3), new double[1]));
            assertTrue(e.getMessage().contains("workspace has length 1"), e.getMessage());
        }
    }

    @Test
    void denseTransposeWithWorkspaceMatchesAllocatingFormBitForBitOnEveryThreadCount() {
        Random rnd = new Random(12);
        int m = 4001;
        int n = 71; // m·n above the chunking threshold: several chunks, a real workspace
        double[] data = FormatsTestSupport.randomVector(rnd, m * n);
        DenseMatrix a = new DenseMatrix(m, n, data);
        double[] x = FormatsTestSupport.randomVector(rnd, m);
        int len = DenseProducts.transposeWorkspaceLength(a);
        assertTrue(len > 0, "several chunks");
        double[] expected = new double[n];
        DenseProducts.applyTranspose(a, x, expected, Par.SEQ);
        for (Par par : PARS) {
            double[] work = new double[len];
            Arrays.fill(work, Double.NaN);
            double[] y = FormatsTestSupport.nans(n);
            DenseProducts.applyTranspose(a, x, y, par, work);
            FormatsTestSupport.assertBitsEqual(expected, y, par + " with a workspace of NaN");
            double[] alloc = FormatsTestSupport.nans(n);
            DenseProducts.applyTranspose(a, x, alloc, par);
            FormatsTestSupport.assertBitsEqual(expected, alloc, par + " allocating");
        }
        assertThrows(IllegalArgumentException.class,
                () -> DenseProducts.applyTranspose(a, x, new double[n], Par.AUTO, new double[len - 1]));
        assertEquals(0, DenseProducts.transposeWorkspaceLength(new DenseMatrix(3, 2, new double[6])), "one chunk");
    }

    @Test
    void sparseProductIsBitIdenticalForEveryPar() {
        Random rnd = new Random(13);
        CsrMatrix a = randomSparse(rnd, 207, 13, 5);
        double[] x = FormatsTestSupport.randomVector(rnd, a.cols());
        double[] expected = new double[a.rows()];
        Spmv.apply(a, x, expected, Par.SEQ);
        for (Par par : PARS) {
            double[] y = FormatsTestSupport.nans(a.rows());
            Spmv.apply(a, x, y, par);
            FormatsTestSupport.assertBitsEqual(expected, y, par.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Spmv.apply(a, x, new double[a.rows()], (Par) null));
    }

    private static CsrMatrix randomSparse(Random rnd, int rows, int cols, int perRow) {
        CooMatrix.Builder b = CooMatrix.builder(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < perRow; t++) {
                b.add(i, rnd.nextInt(cols), rnd.nextDouble() - 0.5);
            }
        }
        return b.build().toCsr();
    }
}
