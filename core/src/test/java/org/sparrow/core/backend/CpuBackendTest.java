package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.backend.BackendTestSupport.assertRelativeError;
import static org.sparrow.core.backend.BackendTestSupport.block;
import static org.sparrow.core.backend.BackendTestSupport.denseProduct;
import static org.sparrow.core.backend.BackendTestSupport.junk;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.ops.Spmm;

/** The CPU backend: SpMM against a dense oracle, the handle's lifecycle, and the one-shot facade. */
class CpuBackendTest {

    private static final int[] WIDTHS = {0, 1, 7, 8, 13};

    @Test
    void spmmMatchesTheDenseProductAtOddSizesAndThreadCounts() {
        CsrMatrix[] matrices = {
            Generators.random(13, 7, 0.3, 1L),
            Generators.random(1, 207, 0.05, 2L),
            Generators.random(702, 3, 0.4, 3L),
            CsrMatrix.zeros(5, 4),
            CsrMatrix.zeros(0, 3),
            CsrMatrix.unsorted(3, 4, new int[] {0, 2, 2, 4}, new int[] {3, 0, 2, 1}, new double[] {1.5, -2, 0.25, 4}),
        };
        for (CsrMatrix a : matrices) {
            for (int threads : new int[] {0, 1, 3}) {
                try (DeviceMatrix d = CpuBackend.withThreads(threads).upload(a)) {
                    for (int k : WIDTHS) {
                        double[] x = block(a.cols(), k, 31L * k + a.rows());
                        double[] y = junk(a.rows() * k);
                        SpmmTiming t = d.multiply(x, y, k);
                        assertRelativeError(denseProduct(a, x, k), y, 1e-14, a + ", k = " + k + ", threads = " + threads);
                        assertEquals(0.0, t.uploadSeconds());
                        assertEquals(0.0, t.downloadSeconds());
                        assertTrue(t.computeSeconds() >= 0);
                    }
                }
            }
        }
    }

    @Test
    void itIsTheSpmmKernelBitForBit() {
        CsrMatrix a = Generators.poisson3d(9);
        double[] x = block(a.cols(), 32, 5L);
        double[] expected = new double[a.rows() * 32];
        Spmm.apply(a, x, expected, 32, 1);
        double[] y = junk(expected.length);
        try (DeviceMatrix d = Backends.cpu().upload(a)) {
            d.multiply(x, y, 32);
        }
        assertArrayEquals(expected, y);
    }

    @Test
    void theHandleHasALifecycle() {
        CsrMatrix a = Generators.random(20, 30, 0.2, 9L);
        DeviceMatrix d = Backends.cpu().upload(a);
        assertSame(Backends.cpu(), d.backend());
        assertEquals(20, d.rows());
        assertEquals(30, d.cols());
        assertEquals(a.nnz(), d.nnz());
        assertEquals(0.0, d.uploadSeconds());
        assertFalse(d.isClosed());
        d.multiply(new double[30 * 2], new double[20 * 2], 2);
        d.close();
        d.close(); // idempotent
        assertTrue(d.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.multiply(new double[30], new double[20], 1));
        assertTrue(e.getMessage().contains("was closed"), e::getMessage);
    }

    @Test
    void wrongBlockLengthsAreRefusedWithTheShapes() {
        try (DeviceMatrix d = Backends.cpu().upload(Generators.random(4, 6, 0.5, 1L))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> d.multiply(new double[5 * 2], new double[4 * 2], 2));
            assertTrue(e.getMessage().startsWith("X has length 10 but A is 4×6"), e::getMessage);
            assertThrows(IllegalArgumentException.class, () -> d.multiply(new double[0], new double[0], -1));
        }
        assertThrows(IllegalArgumentException.class, () -> Backends.cpu().upload(null));
    }

    @Test
    void oneShotSpmmRunsOnTheChosenBackendAndSaysWhy() {
        CsrMatrix a = Generators.random(50, 40, 0.1, 4L);
        double[] x = block(40, 3, 8L);
        double[] y = junk(50 * 3);
        SpmmRun run = Backends.spmm(a, x, y, 3, BackendOptions.defaults().withBackend(BackendChoice.CPU).withThreads(2));
        assertEquals("cpu", run.backend().name());
        assertEquals("cpu requested", run.selection().reason());
        assertEquals(0.0, run.matrixUploadSeconds());
        assertRelativeError(denseProduct(a, x, 3), y, 1e-14, "one-shot");
        assertTrue(run.totalSeconds() >= run.timing().computeSeconds());
        // auto, below the threshold: the CPU, and the GPU is not needed
        y = junk(50 * 3);
        run = Backends.spmm(a, x, y, 3, new BackendOptions(BackendChoice.AUTO, Long.MAX_VALUE, 0));
        assertEquals("cpu", run.backend().name());
        assertRelativeError(denseProduct(a, x, 3), y, 1e-14, "auto");
    }

    @Test
    void theListOfBackendsHasTheCpuFirstAndTheGpuAfter() {
        List<Backend> all = Backends.all();
        assertEquals(List.of("cpu", "cuda"), all.stream().map(Backend::name).toList());
        assertTrue(all.get(0).availability().available());
        assertTrue(all.get(0).availability().description().startsWith("Java SpMM kernel (org.sparrow.core.ops.Spmm) on "));
        assertFalse(all.get(0).isGpu());
        assertTrue(all.get(1).isGpu());
        assertSame(Backends.gpu(), Backends.gpu(), "probed once");
        assertEquals(CpuBackend.instance(), CpuBackend.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> CpuBackend.withThreads(-1));
    }
}
