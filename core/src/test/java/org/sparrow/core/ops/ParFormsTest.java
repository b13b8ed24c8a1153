package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport;
import org.sparrow.core.Par;
import org.sparrow.core.backend.BackendOptions;
import org.sparrow.core.backend.CpuBackend;
import org.sparrow.core.gen.Generators;

/**
 * The {@link Par} forms of the threaded kernels: the same result as the thread-count form they
 * resolve to, bit-identical across counts where the kernel promises it, and a clear error for null.
 */
class ParFormsTest {

    @Test
    void spmmTransposeAndAddGiveTheSameBitsForEveryPar() {
        CsrMatrix a = Generators.random(207, 13, 0.2, 3);
        CsrMatrix b = Generators.random(207, 13, 0.2, 4);
        int k = 3;
        Random rnd = new Random(5);
        double[] x = FormatsTestSupport.randomVector(rnd, a.cols() * k);
        double[] y1 = new double[a.rows() * k];
        Spmm.apply(a, x, y1, k, 1);
        CsrMatrix t1 = Transpose.of(a, 1);
        CsrMatrix c1 = Add.of(2.0, a, -1.0, b, 1);
        for (Par par : new Par[] {Par.SEQ, Par.threads(2), Par.threads(5), Par.AUTO}) {
            double[] y = FormatsTestSupport.nans(a.rows() * k);
            Spmm.apply(a, x, y, k, par);
            FormatsTestSupport.assertBitsEqual(y1, y, "SpMM " + par);
            CsrMatrix t = Transpose.of(a, par);
            assertArrayEquals(t1.rowPointers(), t.rowPointers(), "transpose " + par);
            assertArrayEquals(t1.columnIndices(), t.columnIndices(), "transpose " + par);
            FormatsTestSupport.assertBitsEqual(t1.values(), t.values(), "transpose " + par);
            CsrMatrix c = Add.of(2.0, a, -1.0, b, par);
            assertArrayEquals(c1.columnIndices(), c.columnIndices(), "add " + par);
            FormatsTestSupport.assertBitsEqual(c1.values(), c.values(), "add " + par);
        }
        double[] xt = FormatsTestSupport.randomVector(rnd, a.rows() * k);
        double[] seq = new double[a.cols() * k];
        Spmm.applyTranspose(a, xt, seq, k, Par.SEQ);
        double[] three = new double[a.cols() * k];
        Spmm.applyTranspose(a, xt, three, k, Par.threads(3));
        double[] threeInt = new double[a.cols() * k];
        Spmm.applyTranspose(a, xt, threeInt, k, 3);
        FormatsTestSupport.assertBitsEqual(three, threeInt, "Par.threads(3) is the 3-thread form");
        for (int i = 0; i < seq.length; i++) {
            assertEquals(seq[i], three[i], 1e-12 * (1 + Math.abs(seq[i])), "SpMMᵀ entry " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> Transpose.of(a, (Par) null));
        assertThrows(IllegalArgumentException.class, () -> Spmm.apply(a, x, y1, k, (Par) null));
    }

    @Test
    void generatorsGiveTheSameMatrixForEveryPar() {
        CsrMatrix r1 = Generators.random(300, 200, 0.05, 9, 1);
        CsrMatrix g1 = Generators.rmat(8, 4, 0.57, 0.19, 0.19, 9, 1);
        for (Par par : new Par[] {Par.SEQ, Par.threads(3), Par.AUTO}) {
            CsrMatrix r = Generators.random(300, 200, 0.05, 9, par);
            assertArrayEquals(r1.columnIndices(), r.columnIndices(), "random " + par);
            FormatsTestSupport.assertBitsEqual(r1.values(), r.values(), "random " + par);
            CsrMatrix g = Generators.rmat(8, 4, 0.57, 0.19, 0.19, 9, par);
            assertArrayEquals(g1.columnIndices(), g.columnIndices(), "rmat " + par);
            FormatsTestSupport.assertBitsEqual(g1.values(), g.values(), "rmat " + par);
        }
        assertThrows(IllegalArgumentException.class, () -> Generators.random(3, 3, 0.5, 1, (Par) null));
    }

    @Test
    void cpuBackendAndBackendOptionsSpeakPar() {
        assertSame(CpuBackend.instance(), CpuBackend.of(Par.AUTO));
        assertSame(Par.AUTO, CpuBackend.withThreads(0).parallelism());
        assertEquals(0, CpuBackend.of(Par.AUTO).threads());
        assertEquals(Par.threads(4), CpuBackend.withThreads(4).parallelism());
        assertEquals(4, CpuBackend.of(Par.threads(4)).threads());
        assertEquals(1, CpuBackend.of(Par.SEQ).threads());
        assertSame(Par.AUTO, BackendOptions.defaults().withThreads(0).parallelism());
        assertEquals(Par.threads(3), BackendOptions.defaults().withThreads(3).parallelism());
        assertThrows(IllegalArgumentException.class, () -> CpuBackend.of(null));
    }
}
