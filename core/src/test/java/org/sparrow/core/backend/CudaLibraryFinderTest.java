package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Library discovery against fake folder trees: only paths are found here, nothing real is loaded. */
class CudaLibraryFinderTest {

    @TempDir
    Path tmp;

    private Path fake(String relative) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "not a library\n");
        return p;
    }

    private static List<String> origins(CudaLibraryFinder f) {
        return f.dirs().stream().map(CudaLibraryFinder.SearchDir::origin).toList();
    }

    @Test
    void searchesOverrideThenCudaHomeThenStandardThenLoaderThenPythonWheels() throws IOException {
        Path override = fake("override/libcusparse.so.12").getParent();
        Path home = fake("home/lib64/libcudart.so.12").getParent().getParent();
        Path root = tmp.resolve("root");
        fake("root/usr/local/cuda-12.4/lib64/libcudart.so.12");
        fake("root/usr/local/cuda-12.10/lib64/libcudart.so.12");
        fake("root/usr/local/cuda-11.8/targets/x86_64-linux/lib/libcudart.so.11.0");
        Path ld = fake("ld/libcudart.so.13").getParent();
        Files.createDirectories(root.resolve("etc/ld.so.conf.d"));
        Files.writeString(root.resolve("etc/ld.so.conf"), "# loader configuration\ninclude ld.so.conf.d/*.conf\n");
        Files.writeString(root.resolve("etc/ld.so.conf.d/cuda.conf"), "/opt/weird/lib   # a comment\n/does/not/exist\n");
        fake("root/opt/weird/lib/libcusparse.so.11");
        fake("root/usr/lib/python3.12/site-packages/nvidia/cusparse/lib/libcusparse.so.12");
        fake("root/usr/lib/python3.12/site-packages/nvidia/cuda_runtime/lib/libcudart.so.12");
        Path venv = tmp.resolve("venv");
        fake("venv/lib/python3.11/site-packages/nvidia/cu13/lib/libcudart.so.13");

        CudaLibraryFinder f = CudaLibraryFinder.of(Map.of(
                "SPARROW_CUDA_LIBS", override + ":" + tmp.resolve("missing"),
                "CUDA_HOME", home.toString(),
                "LD_LIBRARY_PATH", ld.toString(),
                "VIRTUAL_ENV", venv.toString()), root, "amd64");

        assertEquals(List.of("SPARROW_CUDA_LIBS", "CUDA_HOME", "standard", "standard", "standard", "LD_LIBRARY_PATH",
                "ld.so.conf", "loader default", "python wheel", "python wheel", "python wheel"), origins(f), f::describe);
        assertEquals(List.of(
                home.resolve("lib64/libcudart.so.12"),
                root.resolve("usr/local/cuda-12.10/lib64/libcudart.so.12"), // 12.10 is newer than 12.4
                root.resolve("usr/local/cuda-12.4/lib64/libcudart.so.12"),
                root.resolve("usr/local/cuda-11.8/targets/x86_64-linux/lib/libcudart.so.11.0"),
                ld.resolve("libcudart.so.13"),
                venv.resolve("lib/python3.11/site-packages/nvidia/cu13/lib/libcudart.so.13"),
                root.resolve("usr/lib/python3.12/site-packages/nvidia/cuda_runtime/lib/libcudart.so.12")),
                f.find(CudaLibraryFinder.CUDART));
        assertEquals(List.of(
                override.resolve("libcusparse.so.12"),
                root.resolve("opt/weird/lib/libcusparse.so.11"),
                root.resolve("usr/lib/python3.12/site-packages/nvidia/cusparse/lib/libcusparse.so.12")),
                f.find(CudaLibraryFinder.CUSPARSE));
        assertTrue(f.describe().startsWith(override + " (SPARROW_CUDA_LIBS), " + home.resolve("lib64") + " (CUDA_HOME)"),
                f::describe);
    }

    @Test
    void newestMajorFirstSonameBeforeLongerNamesAndOneCandidatePerRealFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("lib"));
        Path real = fake("lib/libcudart.so.12.4.127");
        Files.createSymbolicLink(dir.resolve("libcudart.so.12"), real.getFileName());
        Files.createSymbolicLink(dir.resolve("libcudart.so"), Path.of("libcudart.so.12"));
        fake("lib/libcudart.so.11.0");
        fake("lib/libcudart_static.a");
        fake("lib/libcudart.so.12.txt");
        Files.createSymbolicLink(dir.resolve("libcusparse.so.12"), Path.of("missing-target")); // broken link
        CudaLibraryFinder f = CudaLibraryFinder.of(Map.of("SPARROW_CUDA_LIBS", dir.toString()), tmp.resolve("root"), "amd64");
        assertEquals(List.of(dir.resolve("libcudart.so.12"), dir.resolve("libcudart.so.11.0")), f.find(CudaLibraryFinder.CUDART));
        assertEquals(List.of(), f.find(CudaLibraryFinder.CUSPARSE));
    }

    @Test
    void aLibraryFileInTheOverrideMeansItsFolderAndSymlinkedFoldersAreSearchedOnce() throws IOException {
        Path lib = fake("cuda-12.6/lib64/libcudart.so.12");
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("usr/local"));
        Files.createSymbolicLink(root.resolve("usr/local/cuda"), tmp.resolve("cuda-12.6"));
        CudaLibraryFinder f = CudaLibraryFinder.of(Map.of("SPARROW_CUDA_LIBS", lib.toString(),
                "CUDA_HOME", tmp.resolve("cuda-12.6").toString()), root, "amd64");
        assertEquals(List.of("SPARROW_CUDA_LIBS"), origins(f), f::describe);
        assertEquals(List.of(lib), f.find(CudaLibraryFinder.CUDART));
    }

    @Test
    void arm64UsesTheSbsaTargetFolder() throws IOException {
        Path lib = fake("root/usr/local/cuda/targets/sbsa-linux/lib/libcusparse.so.12");
        CudaLibraryFinder f = CudaLibraryFinder.of(Map.of(), tmp.resolve("root"), "aarch64");
        assertEquals(List.of(lib), f.find(CudaLibraryFinder.CUSPARSE));
    }

    @Test
    void nothingToSearchSaysSo() {
        CudaLibraryFinder f = CudaLibraryFinder.of(Map.of("CUDA_HOME", tmp.resolve("nope").toString(),
                "LD_LIBRARY_PATH", ":" + tmp.resolve("nope2") + ":"), tmp.resolve("empty-root"), "amd64");
        assertEquals(List.of(), f.dirs());
        assertEquals(List.of(), f.find(CudaLibraryFinder.CUDART));
        assertTrue(f.describe().startsWith("no existing folder"), f::describe);
    }

    @Test
    void loadingAFakeLibraryFailsWithACleanReason() throws IOException {
        Path fake = fake("fake/libcudart.so.13");
        CudaLibraryFinder.LoadFailure e = assertThrows(CudaLibraryFinder.LoadFailure.class, () -> CudaRuntime.load(fake));
        assertEquals("could not load " + fake + ": not an ELF shared library", e.getMessage());
        Path empty = tmp.resolve("fake/libcusparse.so.12");
        Files.write(empty, new byte[0]);
        e = assertThrows(CudaLibraryFinder.LoadFailure.class, () -> CuSparse.load(empty));
        assertEquals("could not load " + empty + ": not an ELF shared library", e.getMessage());
    }

    @Test
    void aRealLibraryOfTheWrongKindIsRefusedNamingTheMissingFunction() throws IOException {
        Path libm = null;
        for (String c : List.of("/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6",
                "/lib/aarch64-linux-gnu/libm.so.6", "/usr/lib64/libm.so.6", "/lib64/libm.so.6")) {
            if (Files.isRegularFile(Path.of(c))) {
                libm = Path.of(c);
                break;
            }
        }
        assumeTrue(libm != null, "skipped: no libm.so.6 at the usual places to stand in for a wrong library");
        Path impostor = tmp.resolve("impostor/libcudart.so.13");
        Files.createDirectories(impostor.getParent());
        Files.copy(libm, impostor);
        CudaLibraryFinder.LoadFailure e = assertThrows(CudaLibraryFinder.LoadFailure.class, () -> CudaRuntime.load(impostor));
        assertEquals("could not use " + impostor + ": it has no function cudaGetDeviceCount (a CUDA runtime library,"
                + " CUDA 11 or newer)", e.getMessage());
    }
}
