package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sparrow.core.backend.BackendTestSupport.assertRelativeError;
import static org.sparrow.core.backend.BackendTestSupport.block;
import static org.sparrow.core.backend.BackendTestSupport.denseProduct;
import static org.sparrow.core.backend.BackendTestSupport.junk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;

/**
 * The CUDA backend against the CPU backend on a real GPU: fp64 SpMM on the shared matrices at
 * k = 1, 7, 32, 129 within a relative error of 1e-12, the handle's lifecycle and the timing split.
 *
 * <p>Tagged {@code gpu} and excluded by default; run with
 * {@code mvn -pl core test -Dsparrow.test.excludedGroups= -Dgroups=gpu -Dtest=CudaBackendGpuTest}
 * (or {@code benchmarks/device/README.md} on the device machine). When the tag is asked for, a
 * missing GPU is a failure that says why, not a skip.
 */
@Tag("gpu")
class CudaBackendGpuTest {

    private static final int[] WIDTHS = {1, 7, 32, 129};
    private static final double TOLERANCE = 1e-12;

    private static Backend gpu;

    @BeforeAll
    static void gpu() {
        gpu = Backends.gpu();
        Availability av = gpu.availability();
        if (!av.available()) {
            fail("the gpu tests were asked for but the CUDA backend cannot run here: " + av.reason() + "\n  "
                    + String.join("\n  ", av.details()));
        }
        System.out.println("CUDA backend: " + av.description());
    }

    /** The real matrices: every medium one and a few small ones of awkward shapes (rectangular, explicit zeros). */
    private static List<Path> matrices() throws IOException {
        String dir = System.getProperty("sparrow.data.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "skipped: the shared matrices are not here (sparrow.data.dir = " + dir + ")");
        Path data = Path.of(dir);
        List<Path> out = new ArrayList<>();
        for (String small : List.of("small/bcsstk01.mtx", "small/west0479.mtx", "small/lp_afiro.mtx",
                "small/2dcyl1.mtx", "small/abb313.mtx", "small/arc130.mtx")) {
            if (Files.isRegularFile(data.resolve(small))) {
                out.add(data.resolve(small));
            }
        }
        Path medium = data.resolve("medium");
        if (Files.isDirectory(medium)) {
            try (Stream<Path> s = Files.list(medium)) {
                s.filter(p -> p.getFileName().toString().endsWith(".mtx.gz")).sorted().forEach(out::add);
            }
        }
        assumeTrue(!out.isEmpty(), "skipped: no matrices under " + data);
        return out;
    }

    @Test
    void gpuSpmmMatchesTheCpuBackendOnRealMatrices() throws IOException {
        for (Path file : matrices()) {
            CsrMatrix a = MatrixMarket.readCsr(file);
            try (DeviceMatrix onGpu = gpu.upload(a); DeviceMatrix onCpu = Backends.cpu().upload(a)) {
                assertSame(gpu, onGpu.backend());
                assertTrue(onGpu.uploadSeconds() > 0, file + ": upload time");
                for (int k : WIDTHS) { // a new width rebuilds the device blocks; the last one repeats
                    double[] x = block(a.cols(), k, 1000L + k);
                    double[] expected = new double[a.rows() * k];
                    onCpu.multiply(x, expected, k);
                    double[] y = junk(a.rows() * k);
                    SpmmTiming t = onGpu.multiply(x, y, k);
                    assertRelativeError(expected, y, TOLERANCE, file.getFileName() + " (" + a + "), k = " + k);
                    assertTrue(t.uploadSeconds() >= 0 && t.computeSeconds() > 0 && t.downloadSeconds() >= 0, t::toString);
                }
                double[] x = block(a.cols(), 129, 7L);
                double[] first = junk(a.rows() * 129);
                double[] again = junk(a.rows() * 129);
                onGpu.multiply(x, first, 129);
                onGpu.multiply(x, again, 129);
                assertTrue(java.util.Arrays.equals(first, again), file + ": repeated products differ");
            }
        }
    }

    @Test
    void gpuSpmmMatchesTheDenseProductOnSmallAndEmptyShapes() {
        CsrMatrix[] matrices = {
            Generators.random(13, 7, 0.3, 1L),
            Generators.random(1, 207, 0.05, 2L),
            Generators.random(702, 3, 0.4, 3L),
            CsrMatrix.zeros(5, 4),
            CsrMatrix.zeros(0, 3),
            CsrMatrix.zeros(3, 0),
            CsrMatrix.unsorted(3, 4, new int[] {0, 2, 2, 4}, new int[] {3, 0, 2, 1}, new double[] {1.5, -2, 0.25, 4}),
        };
        for (CsrMatrix a : matrices) {
            try (DeviceMatrix d = gpu.upload(a)) {
                for (int k : new int[] {0, 1, 7, 8, 33}) {
                    double[] x = block(a.cols(), k, 17L * k + a.rows());
                    double[] y = junk(a.rows() * k);
                    d.multiply(x, y, k);
                    assertRelativeError(denseProduct(a, x, k), y, TOLERANCE, a + ", k = " + k);
                }
            }
        }
    }

    @Test
    void aLargeGeneratedMatrixAtK128() {
        CsrMatrix a = Generators.poisson3d(100); // 10⁶ rows, 6.94·10⁶ entries
        double[] x = block(a.cols(), 128, 3L);
        double[] expected = new double[a.rows() * 128];
        double[] y = junk(expected.length);
        try (DeviceMatrix onCpu = Backends.cpu().upload(a); DeviceMatrix onGpu = gpu.upload(a)) {
            SpmmTiming cpu = onCpu.multiply(x, expected, 128);
            onGpu.multiply(x, y, 128); // warm-up
            SpmmTiming g = onGpu.multiply(x, y, 128);
            System.out.printf("poisson3d(100), k = 128: cpu %.4f s, gpu compute %.5f s (%.1f×), copies %.4f s, upload of A %.4f s%n",
                    cpu.computeSeconds(), g.computeSeconds(), cpu.computeSeconds() / g.computeSeconds(),
                    g.transferSeconds(), onGpu.uploadSeconds());
        }
        assertRelativeError(expected, y, TOLERANCE, "poisson3d(100), k = 128");
    }

    @Test
    void theHandleReleasesItsMemoryAndRefusesProductsAfterClose() {
        CsrMatrix a = Generators.poisson3d(20);
        for (int round = 0; round < 50; round++) { // 50 uploads and closes: leaked device memory would pile up
            DeviceMatrix d = gpu.upload(a);
            d.multiply(block(a.cols(), 4, round), new double[a.rows() * 4], 4);
            d.close();
            d.close();
            assertTrue(d.isClosed());
            assertThrows(IllegalStateException.class, () -> d.multiply(new double[a.cols()], new double[a.rows()], 1));
        }
        try (DeviceMatrix d = gpu.upload(a)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> d.multiply(new double[3], new double[a.rows()], 1));
            assertEquals("X has length 3 but a " + a.cols() + "×1 row-major block needs " + a.cols(), e.getMessage());
        }
    }

    @Test
    void autoPicksTheGpuAboveTheThreshold() {
        CsrMatrix a = Generators.poisson3d(30);
        double[] x = block(a.cols(), 32, 1L);
        double[] y = junk(a.rows() * 32);
        SpmmRun run = Backends.spmm(a, x, y, 32, new BackendOptions(BackendChoice.AUTO, 1, 0));
        assertSame(gpu, run.backend());
        assertTrue(run.matrixUploadSeconds() > 0);
        assertRelativeError(denseProductViaCpu(a, x, 32), y, TOLERANCE, "auto");
    }

    private static double[] denseProductViaCpu(CsrMatrix a, double[] x, int k) {
        double[] y = new double[a.rows() * k];
        try (DeviceMatrix d = Backends.cpu().upload(a)) {
            d.multiply(x, y, k);
        }
        return y;
    }
}
