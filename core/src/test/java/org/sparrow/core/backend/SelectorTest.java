package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparrow.core.backend.BackendTestSupport.FakeGpu;

/** The selection rule with a fake GPU injected: thresholds, explicit choices, fallback and the one warning. */
class SelectorTest {

    private final List<String> warnings = new ArrayList<>();

    private static BackendOptions options(BackendChoice choice, long threshold) {
        return new BackendOptions(choice, threshold, 0);
    }

    @Test
    void autoKeepsSmallProductsOnTheCpuWithoutProbingTheGpu() {
        FakeGpu gpu = new FakeGpu(true);
        Selector s = new Selector(gpu::lookup, warnings::add);
        BackendSelection sel = s.select(options(BackendChoice.AUTO, 1000), 99, 10); // nnz·k = 990 < 1000
        assertInstanceOf(CpuBackend.class, sel.backend());
        assertEquals("auto: nnz·k = 990 is below the GPU threshold 1000", sel.reason());
        assertEquals(0, gpu.lookups.get(), "a product below the threshold must not look the GPU up");
    }

    @Test
    void autoSendsProductsAtOrAboveTheThresholdToAnAvailableGpu() {
        FakeGpu gpu = new FakeGpu(true);
        Selector s = new Selector(gpu::lookup, warnings::add);
        BackendSelection at = s.select(options(BackendChoice.AUTO, 1000), 100, 10); // exactly the threshold
        assertSame(gpu, at.backend());
        assertEquals("auto: nnz·k = 1000 ≥ the GPU threshold 1000", at.reason());
        assertSame(gpu, s.select(options(BackendChoice.AUTO, 1000), Integer.MAX_VALUE, Integer.MAX_VALUE).backend(),
                "nnz·k near 2⁶² must not overflow");
        assertSame(gpu, s.select(options(BackendChoice.AUTO, 0), 0, 0).backend(), "threshold 0: always the GPU");
        assertEquals(List.of(), warnings);
    }

    @Test
    void autoFallsBackToTheCpuAndWarnsOnceWhenTheGpuIsRefused() {
        FakeGpu gpu = new FakeGpu(false);
        Selector s = new Selector(gpu::lookup, warnings::add);
        for (int i = 0; i < 3; i++) {
            BackendSelection sel = s.select(options(BackendChoice.AUTO, 10), 1_000_000, 64);
            assertInstanceOf(CpuBackend.class, sel.backend());
            assertEquals("auto: nnz·k = 64000000 ≥ the GPU threshold 10 but the GPU is unavailable (fake GPU: no device"
                    + " here)", sel.reason());
        }
        assertEquals(1, warnings.size(), warnings::toString);
        String w = warnings.get(0);
        assertTrue(w.startsWith("Sparrow: the fakegpu GPU backend is unavailable, so large SpMM runs on the CPU: fake GPU:"
                + " no device here. Remedy: "), w);
        assertTrue(w.contains("SPARROW_CUDA_LIBS") && w.contains("-Dsparrow.backend=cpu"), w);
        assertTrue(!w.contains("\n"), "one line");
    }

    @Test
    void cpuIsAlwaysTheCpuEvenWithAGpuAndAHugeProduct() {
        FakeGpu gpu = new FakeGpu(true);
        Selector s = new Selector(gpu::lookup, warnings::add);
        BackendSelection sel = s.select(options(BackendChoice.CPU, 0), 1L << 30, 1 << 20);
        assertInstanceOf(CpuBackend.class, sel.backend());
        assertEquals("cpu requested", sel.reason());
        assertEquals(0, gpu.lookups.get());
    }

    @Test
    void gpuIsTheGpuEvenForTinyProducts() {
        FakeGpu gpu = new FakeGpu(true);
        Selector s = new Selector(gpu::lookup, warnings::add);
        BackendSelection sel = s.select(options(BackendChoice.GPU, Long.MAX_VALUE), 1, 1);
        assertSame(gpu, sel.backend());
        assertEquals("gpu requested", sel.reason());
    }

    @Test
    void gpuWhereItIsUnusableIsAnErrorThatSaysWhyAndNotAWarning() {
        FakeGpu gpu = new FakeGpu(false);
        Selector s = new Selector(gpu::lookup, warnings::add);
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> s.select(options(BackendChoice.GPU, 0), 10, 10));
        assertEquals("the GPU backend was requested (fakegpu) but cannot run here: fake GPU: no device here", e.getMessage());
        assertEquals("fakegpu", e.backend());
        assertEquals("fake GPU: no device here", e.reason());
        assertEquals(List.of(), warnings);
    }

    @Test
    void cpuThreadsComeFromTheOptions() {
        Selector s = new Selector(() -> new FakeGpu(true), warnings::add);
        CpuBackend three = (CpuBackend) s.select(new BackendOptions(BackendChoice.CPU, 0, 3), 5, 5).backend();
        assertEquals(3, three.threads());
        CpuBackend dflt = (CpuBackend) s.select(new BackendOptions(BackendChoice.AUTO, 100, 0), 5, 5).backend();
        assertSame(CpuBackend.instance(), dflt);
    }

    @Test
    void negativeSizesAreRefused() {
        Selector s = new Selector(() -> new FakeGpu(true), warnings::add);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.select(BackendOptions.defaults(), -1, 3));
        assertEquals("nnz and k must be ≥ 0, got nnz = -1, k = 3", e.getMessage());
    }
}
