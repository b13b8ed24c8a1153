package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;

/**
 * The CUDA backend's probe and refusal reasons, without a GPU: fake folders, and the real CUDA
 * runtime when this machine has one (a toolkit without a driver reports why it cannot run).
 */
class CudaBackendTest {

    @TempDir
    Path tmp;

    private CudaLibraryFinder finder(Path libs) {
        return CudaLibraryFinder.of(Map.of("SPARROW_CUDA_LIBS", libs.toString()), tmp.resolve("no-root"), "amd64");
    }

    /** The real CUDA runtime of this machine's toolkit, if there is one. */
    private static Path realRuntime() {
        CudaLibraryFinder system = CudaLibraryFinder.system();
        List<Path> found = system.find(CudaLibraryFinder.CUDART);
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void noLibrariesNamesWhatIsMissingWhereItLookedAndTheVariable() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CudaBackend b = CudaBackend.probe(finder(empty), "Linux");
        Availability av = b.availability();
        assertFalse(av.available());
        assertEquals("the CUDA runtime (libcudart.so) was not found; and cuSPARSE (libcusparse.so) was not found: looked in "
                + empty + " (SPARROW_CUDA_LIBS) (set SPARROW_CUDA_LIBS to the folder that holds libcudart.so and"
                + " libcusparse.so)", av.reason());
        assertEquals(List.of("libcudart: not found", "libcusparse: not found", "searched: " + empty + " (SPARROW_CUDA_LIBS)"),
                av.details());
        assertTrue(b.isGpu());
        assertEquals("cuda", b.name());
    }

    @Test
    void fakeLibrariesAreReportedAsNotLoadable() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fake"));
        Files.writeString(dir.resolve("libcudart.so.13"), "fake");
        Files.writeString(dir.resolve("libcusparse.so.12"), "fake");
        Availability av = CudaBackend.probe(finder(dir), "Linux").availability();
        assertFalse(av.available());
        assertEquals("could not load " + dir.resolve("libcudart.so.13") + ": not an ELF shared library; and could not load "
                + dir.resolve("libcusparse.so.12") + ": not an ELF shared library", av.reason());
        assertTrue(av.details().contains("libcusparse: could not load " + dir.resolve("libcusparse.so.12")
                + ": not an ELF shared library"), av.details()::toString);
    }

    @Test
    void otherSystemsThanLinuxAreRefused() {
        Availability av = CudaBackend.probe(finder(tmp), "Windows 11").availability();
        assertEquals("the CUDA backend runs on Linux only (this is Windows 11)", av.reason());
    }

    @Test
    void uploadOnAnUnavailableBackendThrowsWithTheReason() {
        CudaBackend b = CudaBackend.probe(finder(tmp.resolve("none")), "Linux");
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> b.upload(CsrMatrix.identity(3)));
        assertEquals("cuda", e.backend());
        assertEquals(b.availability().reason(), e.reason());
        assertTrue(e.getMessage().startsWith("the cuda backend cannot run here: the CUDA runtime (libcudart.so) was not found"),
                e::getMessage);
    }

    @Test
    void theRealRuntimeWithoutAGpuSaysWhyThroughCudaGetDeviceCount() throws Exception {
        Path runtime = realRuntime();
        assumeTrue(runtime != null, "skipped: no libcudart on this machine");
        CudaRuntime.DeviceProbe d = CudaRuntime.load(runtime).probeDevices();
        assumeFalse(d.status() == CudaRuntime.SUCCESS && d.count() > 0, "skipped: this machine has a CUDA device");
        Availability av = CudaBackend.probe(finder(runtime.getParent()), "Linux").availability();
        assertFalse(av.available());
        assertTrue(av.reason().contains("cudaGetDeviceCount "), av::reason);
        assertTrue(av.details().get(0).startsWith("libcudart: " + runtime + " (CUDA runtime "), av.details()::toString);
    }

    @Test
    void deviceProblemsPointAtTheFix() throws Exception {
        Path runtime = realRuntime();
        assumeTrue(runtime != null, "skipped: no libcudart on this machine");
        CudaRuntime rt = CudaRuntime.load(runtime);
        String old = CudaBackend.deviceProblem(rt, new CudaRuntime.DeviceProbe(35, 0, 13000, 12020));
        assertTrue(old.startsWith("the NVIDIA driver is too old: it supports CUDA 12.2 but " + runtime + " is CUDA 13.0"), old);
        assertTrue(old.contains("cudaErrorInsufficientDriver (35)"), old);
        String none = CudaBackend.deviceProblem(rt, new CudaRuntime.DeviceProbe(35, 0, 13000, 0));
        assertTrue(none.startsWith("no NVIDIA driver: cudaGetDeviceCount returned cudaErrorInsufficientDriver (35)"), none);
        String noDevice = CudaBackend.deviceProblem(rt, new CudaRuntime.DeviceProbe(100, 0, 13000, 13000));
        assertTrue(noDevice.startsWith("no CUDA device: cudaGetDeviceCount returned cudaErrorNoDevice (100)"), noDevice);
        assertTrue(noDevice.contains("CUDA_VISIBLE_DEVICES"), noDevice);
        String zero = CudaBackend.deviceProblem(rt, new CudaRuntime.DeviceProbe(0, 0, 13000, 13000));
        assertTrue(zero.startsWith("no CUDA device: cudaGetDeviceCount reports 0 devices"), zero);
        String other = CudaBackend.deviceProblem(rt, new CudaRuntime.DeviceProbe(999, 0, 13000, 13000));
        assertTrue(other.startsWith("no usable CUDA device: cudaGetDeviceCount returned "), other);
        CudaException e = assertThrows(CudaException.class, () -> rt.check(2, "cudaMalloc", "allocating 1 GiB for X"));
        assertEquals("cudaMalloc failed with cudaErrorMemoryAllocation (2): out of memory (allocating 1 GiB for X)",
                e.getMessage());
        assertEquals("cudaMalloc", e.call());
        assertEquals(2, e.status());
    }

    @Test
    void runtimeCallsWithoutADriverFailNamingTheCallAndCudasError() throws Exception {
        Path runtime = realRuntime();
        assumeTrue(runtime != null, "skipped: no libcudart on this machine");
        CudaRuntime rt = CudaRuntime.load(runtime);
        CudaRuntime.DeviceProbe d = rt.probeDevices();
        assumeTrue(d.status() != CudaRuntime.SUCCESS, "skipped: this machine has a working CUDA driver");
        CudaException e = assertThrows(CudaException.class, () -> rt.malloc(8, "a test block"));
        assertEquals("cudaMalloc failed with " + rt.errorText(d.status()) + " (allocating 8 B of device memory for a"
                + " test block)", e.getMessage());
        assertEquals(d.status(), e.status());
        e = assertThrows(CudaException.class, () -> rt.synchronize("testing the binding"));
        assertEquals("cudaDeviceSynchronize", e.call());
        assertTrue(e.getMessage().endsWith("(testing the binding)"), e::getMessage);
    }

    @Test
    void byteCountsReadWell() {
        assertEquals("100 B", CudaRuntime.bytes(100));
        assertEquals("1.50 KiB", CudaRuntime.bytes(1536));
        assertEquals("1.00 GiB", CudaRuntime.bytes(1L << 30));
    }
}
