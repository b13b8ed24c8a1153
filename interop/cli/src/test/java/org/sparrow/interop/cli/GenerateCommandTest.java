package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    private String threadsBefore;

    /** {@code --threads} sets a JVM-wide property: put it back after each test. */
    @BeforeEach
    void saveThreads() {
        threadsBefore = System.getProperty(Parallelism.THREADS_PROPERTY);
    }

    @AfterEach
    void restoreThreads() {
        if (threadsBefore == null) {
            System.clearProperty(Parallelism.THREADS_PROPERTY);
        } else {
            System.setProperty(Parallelism.THREADS_PROPERTY, threadsBefore);
        }
    }

    private static Map<String, Object> okJson(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        return JsonReader.parseObject(r.out());
    }

    private static void assertUsageError(String expected, String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in\n" + r);
    }

    private static void assertFigures(Map<String, Object> j, String kind, int rows, int cols, long nnz, Path out) {
        assertEquals(List.of("kind", "rows", "cols", "nnz", "output", "seed"), List.copyOf(j.keySet()));
        assertEquals(kind, j.get("kind"));
        assertEquals(new BigDecimal(rows), j.get("rows"));
        assertEquals(new BigDecimal(cols), j.get("cols"));
        assertEquals(new BigDecimal(nnz), j.get("nnz"));
        assertEquals(out.toString(), j.get("output"));
    }

    @Test
    void poisson2dWritesTheGridLaplacianInSymmetricStorage() throws IOException {
        Path out = tmp.resolve("p2.mtx");
        Map<String, Object> j = okJson("generate", "poisson2d", "--n", "5", "-o", out.toString(), "--json");
        assertFigures(j, "poisson2d", 25, 25, 5 * 25 - 4 * 5, out);
        assertNull(j.get("seed"), "deterministic: no seed");
        MatrixMarketHeader h = MatrixMarket.readHeader(out);
        assertEquals(Symmetry.SYMMETRIC, h.symmetry());
        assertEquals((105 - 25) / 2 + 25, h.entries(), "lower triangle and diagonal");
        assertEquals(Generators.poisson2d(5), MatrixMarket.readCsr(out));
        assertTrue(MatrixMarket.read(out).commentText().contains("Generators.poisson2d(5)"), "provenance comment");
    }

    @Test
    void poisson3dWritesTheGridLaplacian() throws IOException {
        Path out = tmp.resolve("p3.mtx.gz");
        Map<String, Object> j = okJson("generate", "POISSON3D", "--n", "3", "-o", out.toString(), "--json");
        assertFigures(j, "poisson3d", 27, 27, 7 * 27 - 6 * 9, out);
        assertEquals(Symmetry.SYMMETRIC, MatrixMarket.readHeader(out).symmetry());
        assertEquals(Generators.poisson3d(3), MatrixMarket.readCsr(out));
    }

    @Test
    void randomWritesTheSeededMatrix() throws IOException {
        Path out = tmp.resolve("r.mtx");
        Map<String, Object> j = okJson("generate", "random", "--n", "200", "--cols", "300", "--density", "0.05",
                "--seed", "9", "-o", out.toString(), "--json");
        CsrMatrix expected = Generators.random(200, 300, 0.05, 9L);
        assertFigures(j, "random", 200, 300, expected.nnz(), out);
        assertEquals(new BigDecimal(9), j.get("seed"));
        assertEquals(Symmetry.GENERAL, MatrixMarket.readHeader(out).symmetry());
        assertEquals(expected, MatrixMarket.readCsr(out), "values round-trip bit for bit");
        double mean = 0.05 * 200 * 300;
        assertTrue(Math.abs(expected.nnz() - mean) < 5 * Math.sqrt(mean), "nnz ≈ density·rows·cols");
        // Without --cols the matrix is square; without --seed the seed is the documented default.
        Path square = tmp.resolve("sq.mtx");
        Map<String, Object> s = okJson("generate", "random", "--n", "40", "--density", "0.1", "-o", square.toString(),
                "--json");
        assertEquals(new BigDecimal(40), s.get("cols"));
        assertEquals(new BigDecimal(GenerateCommand.DEFAULT_SEED), s.get("seed"));
        assertEquals(Generators.random(40, 40, 0.1, GenerateCommand.DEFAULT_SEED), MatrixMarket.readCsr(square));
    }

    @Test
    void rmatWritesTwoToTheScaleVertices() throws IOException {
        Path out = tmp.resolve("g.mtx");
        Map<String, Object> j = okJson("generate", "rmat", "--n", "8", "--edge-factor", "4", "-o", out.toString(),
                "--json");
        CsrMatrix expected = Generators.rmat(8, 4, GenerateCommand.DEFAULT_SEED);
        assertFigures(j, "rmat", 256, 256, expected.nnz(), out);
        assertEquals(new BigDecimal(GenerateCommand.DEFAULT_SEED), j.get("seed"));
        CsrMatrix back = MatrixMarket.readCsr(out);
        assertEquals(expected, back);
        double sum = 0;
        for (int p = 0; p < back.nnz(); p++) {
            sum += back.values()[p];
        }
        assertEquals(4.0 * 256, sum, "values count the 4·2^8 generated edges");
        // The default edge factor is Graph500's 16.
        Path dflt = tmp.resolve("g16.mtx");
        okJson("generate", "rmat", "--n", "6", "-o", dflt.toString(), "--json");
        assertEquals(Generators.rmat(6, 16, GenerateCommand.DEFAULT_SEED), MatrixMarket.readCsr(dflt));
    }

    @Test
    void theSameCommandWritesTheSameFileWhateverTheThreadCount() throws IOException {
        Path one = tmp.resolve("one.mtx");
        Path three = tmp.resolve("three.mtx");
        okJson("generate", "rmat", "--n", "10", "--seed", "5", "--threads", "1", "-o", one.toString(), "--json");
        okJson("generate", "rmat", "--n", "10", "--seed", "5", "--threads", "3", "-o", three.toString(), "--json");
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
        okJson("generate", "random", "--n", "5000", "--density", "0.002", "--threads", "1", "-o", one.toString(), "--json");
        okJson("generate", "random", "--n", "5000", "--density", "0.002", "--threads", "2", "-o", three.toString(), "--json");
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
    }

    @Test
    void textOutputSaysWhatWasWritten() {
        Path out = tmp.resolve("t.mtx");
        Cli.Result r = Cli.run("generate", "poisson2d", "--n", "3", "-o", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.out(), "the status line goes to stderr: " + r);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("wrote " + out + ": poisson2d 9x9, 33 nonzeros"), r::toString);
    }

    @Test
    void badKindsAndOptionValuesAreUsageErrors() {
        String out = tmp.resolve("x.mtx").toString();
        assertUsageError("expected poisson2d, poisson3d, random or rmat, got 'laplace'",
                "generate", "laplace", "--n", "3", "-o", out);
        assertUsageError("--density must be in (0, 1], got 0.0",
                "generate", "random", "--n", "3", "--density", "0", "-o", out);
        assertUsageError("--density must be in (0, 1]", "generate", "random", "--n", "3", "--density", "1.5", "-o", out);
        assertUsageError("random needs --density", "generate", "random", "--n", "3", "-o", out);
        assertUsageError("--n must be ≥ 1", "generate", "poisson2d", "--n", "0", "-o", out);
        assertUsageError("--cols must be ≥ 1", "generate", "random", "--n", "3", "--cols", "0", "--density", "0.5", "-o", out);
        assertUsageError("--edge-factor must be ≥ 1", "generate", "rmat", "--n", "3", "--edge-factor", "0", "-o", out);
        assertUsageError("in [1, 30], got 31", "generate", "rmat", "--n", "31", "-o", out);
        assertUsageError("poisson2d does not take --density, --seed",
                "generate", "poisson2d", "--n", "3", "--density", "0.5", "--seed", "1", "-o", out);
        assertUsageError("rmat does not take --cols", "generate", "rmat", "--n", "3", "--cols", "5", "-o", out);
        assertUsageError("random does not take --edge-factor",
                "generate", "random", "--n", "3", "--density", "0.5", "--edge-factor", "2", "-o", out);
        assertUsageError("--output", "generate", "poisson2d", "--n", "3");
        assertUsageError("--n", "generate", "poisson2d", "-o", out);
        assertFalse(Files.exists(tmp.resolve("x.mtx")), "nothing written");
    }

    @Test
    void aMatrixTooLargeForCsrIsAFailureWithOneLine() {
        Path out = tmp.resolve("huge.mtx");
        Cli.Result r = Cli.run("generate", "poisson2d", "--n", "30000", "-o", out.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: poisson2d(30000) would hold") && r.err().contains("more than a CsrMatrix"),
                r::toString);
        Cli.Result e = Cli.run("generate", "rmat", "--n", "30", "--edge-factor", "4", "-o", out.toString());
        assertEquals(1, e.exitCode(), e::toString);
        assertTrue(e.err().contains("edges, more than a CsrMatrix holds"), e::toString);
        assertFalse(Files.exists(out));
    }
}
