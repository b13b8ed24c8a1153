package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
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
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmFlops;

class MultiplyCommandTest {

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

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    private Path file(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    // A: 4×4 symmetric storage (expanded on reading); B: 4×3 general with an empty row; dyadic values, exact sums.
    private static final String A_SYM = """
            %%MatrixMarket matrix coordinate real symmetric
            4 4 6
            1 1 2.0
            2 1 -1.5
            3 2 0.25
            3 3 4.0
            4 1 1.0
            4 4 -3.0
            """;
    private static final double[][] A_DENSE = {
        {2.0, -1.5, 0.0, 1.0},
        {-1.5, 0.0, 0.25, 0.0},
        {0.0, 0.25, 4.0, 0.0},
        {1.0, 0.0, 0.0, -3.0},
    };
    private static final String B_GEN = """
            %%MatrixMarket matrix coordinate real general
            4 3 5
            1 1 1.0
            1 3 -2.0
            2 2 0.5
            4 1 3.0
            4 3 0.125
            """;
    private static final double[][] B_DENSE = {
        {1.0, 0.0, -2.0},
        {0.0, 0.5, 0.0},
        {0.0, 0.0, 0.0},
        {3.0, 0.0, 0.125},
    };

    private static double[] denseProduct(double[][] a, double[][] b, boolean transposeB) {
        int m = a.length;
        int n = a[0].length;
        int p = transposeB ? b.length : b[0].length;
        double[] c = new double[m * p];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i][k] * (transposeB ? b[j][k] : b[k][j]);
                }
                c[i * p + j] = s;
            }
        }
        return c;
    }

    @Test
    void multiplyMatchesTheDenseProductAndReportsItsFigures() throws IOException {
        Path a = file("a.mtx", A_SYM);
        Path b = file("b.mtx", B_GEN);
        Path c = tmp.resolve("c.mtx");
        Cli.Result r = ok("multiply", "--json", "--repeat", "3", "--threads", "2", a.toString(), b.toString(), "-o",
                c.toString());
        Map<String, Object> j = JsonReader.parseObject(r.out());
        assertEquals(List.of("rows", "cols", "nnz", "seconds", "threads", "repeats", "flops", "gflops", "sorted", "output",
                "a", "b", "transpose_b", "drop_zeros", "strategy"), List.copyOf(j.keySet()));
        // The timed repeats share one workspace, so they run one phase into the recycled product.
        assertEquals("one-phase", j.get("strategy"));
        CsrMatrix product = MatrixMarket.readCsr(c);
        assertArrayEquals(denseProduct(A_DENSE, B_DENSE, false), product.toDense().data());
        assertEquals(new BigDecimal(4), j.get("rows"));
        assertEquals(new BigDecimal(3), j.get("cols"));
        assertEquals(new BigDecimal(product.nnz()), j.get("nnz"));
        assertEquals(new BigDecimal(2), j.get("threads"));
        assertEquals(new BigDecimal(3), j.get("repeats"));
        CsrMatrix am = MatrixMarket.readCsr(a);
        CsrMatrix bm = MatrixMarket.readCsr(b);
        assertEquals(new BigDecimal(SpgemmFlops.count(am, bm)), j.get("flops"));
        // Σ_k nnz(A(:,k))·nnz(B(k,:)) by hand: columns of A hold 3, 2, 2, 2 entries; rows of B 2, 1, 0, 2.
        assertEquals(new BigDecimal(3 * 2 + 2 * 1 + 2 * 0 + 2 * 2), j.get("flops"));
        BigDecimal seconds = (BigDecimal) j.get("seconds");
        assertTrue(seconds.signum() >= 0, r::toString);
        Object gflops = j.get("gflops");
        assertTrue(gflops == null && seconds.signum() == 0 || gflops instanceof BigDecimal g && g.signum() > 0, r::toString);
        assertEquals(Boolean.TRUE, j.get("sorted"));
        assertEquals(c.toString(), j.get("output"));
        assertEquals(a.toString(), j.get("a"));
        assertEquals(Boolean.FALSE, j.get("transpose_b"));
    }

    @Test
    void transposeBMultipliesByTheTranspose() throws IOException {
        // B·Bᵀ (4×3 times 3×4) against the dense oracle.
        Path a = file("a.mtx", A_SYM);
        Path b = file("b.mtx", B_GEN);
        Path c = tmp.resolve("c.mtx.gz");
        Cli.Result r = ok("multiply", "--transpose-b", "--json", b.toString(), b.toString(), "-o", c.toString());
        Map<String, Object> j = JsonReader.parseObject(r.out());
        assertEquals(new BigDecimal(4), j.get("rows"));
        assertEquals(new BigDecimal(4), j.get("cols"));
        assertEquals(Boolean.TRUE, j.get("transpose_b"));
        assertArrayEquals(denseProduct(B_DENSE, B_DENSE, true), MatrixMarket.readCsr(c).toDense().data());
        CsrMatrix bm = MatrixMarket.readCsr(b);
        assertEquals(new BigDecimal(SpgemmFlops.countTransposeB(bm, bm)), j.get("flops"));
        // A (4×4) times the transpose of A (symmetric): equals A·A.
        Path aa = tmp.resolve("aa.mtx");
        ok("multiply", "--transpose-b", a.toString(), a.toString(), "-o", aa.toString());
        assertArrayEquals(denseProduct(A_DENSE, A_DENSE, false), MatrixMarket.readCsr(aa).toDense().data());
        assertTrue(isGzip(c));
    }

    @Test
    void outputReadsBackEqualToTheLibraryProduct() throws IOException {
        CsrMatrix am = Generators.random(61, 47, 0.08, 1L);
        CsrMatrix bm = Generators.random(47, 53, 0.1, 2L);
        Path a = tmp.resolve("ra.mtx");
        Path b = tmp.resolve("rb.mtx.gz");
        MatrixMarket.write(am, a);
        MatrixMarket.write(bm, b);
        for (String[] extra : new String[][] {{}, {"--unsorted"}, {"--threads", "1"}, {"--threads", "3", "--repeat", "2"}}) {
            Path c = tmp.resolve("rc.mtx.gz");
            String[] args = new String[5 + extra.length];
            args[0] = "multiply";
            args[1] = a.toString();
            args[2] = b.toString();
            args[3] = "-o";
            args[4] = c.toString();
            System.arraycopy(extra, 0, args, 5, extra.length);
            ok(args);
            assertEquals(Spgemm.multiply(am, bm), MatrixMarket.readCsr(c), String.join(" ", extra));
        }
    }

    @Test
    void dropZerosRemovesCancelledEntries() throws IOException {
        Path a = file("row.mtx", "%%MatrixMarket matrix coordinate real general\n1 2 2\n1 1 1.5\n1 2 1.5\n");
        Path b = file("col.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 2.0\n2 1 -2.0\n2 2 1.0\n");
        Map<String, Object> kept = JsonReader.parseObject(ok("multiply", "--json", a.toString(), b.toString()).out());
        assertEquals(new BigDecimal(2), kept.get("nnz"), "the cancelled (1,1) entry is kept as an explicit zero");
        assertNull(kept.get("output"));
        Map<String, Object> dropped = JsonReader.parseObject(
                ok("multiply", "--json", "--drop-zeros", a.toString(), b.toString()).out());
        assertEquals(new BigDecimal(1), dropped.get("nnz"));
        assertEquals(Boolean.TRUE, dropped.get("drop_zeros"));
        assertEquals(new BigDecimal(3), dropped.get("flops"), "1·1 + 1·2 multiply-adds, whatever their values");
    }

    @Test
    void textOutputNamesEachFigure() throws IOException {
        Path a = file("a.mtx", A_SYM);
        Path b = file("b.mtx", B_GEN);
        Cli.Result r = ok("multiply", a.toString(), b.toString(), "--repeat", "1");
        for (String label : new String[] {"C = A·B:", "seconds:", "threads:", "flops:", "GFLOP/s:", "output:"}) {
            assertTrue(r.out().contains(label), label + "\n" + r);
        }
        assertTrue(r.out().contains("4x3"), r::toString);
        assertTrue(r.out().contains("median of 1"), r::toString);
    }

    @Test
    void shapeMismatchIsAFailureNamingBothShapes() throws IOException {
        Path a = file("a34.mtx", "%%MatrixMarket matrix coordinate real general\n3 4 1\n1 1 1.0\n");
        Path b = file("b52.mtx", "%%MatrixMarket matrix coordinate real general\n5 2 1\n1 1 1.0\n");
        Path c = tmp.resolve("never.mtx");
        Cli.Result r = Cli.run("multiply", a.toString(), b.toString(), "-o", c.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: "), r::toString);
        assertTrue(r.err().contains("3x4") && r.err().contains("5x2"), r::toString);
        assertTrue(r.err().contains("a34.mtx") && r.err().contains("b52.mtx"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertFalse(Files.exists(c));
        // With --transpose-b the inner dimension is B's column count.
        Cli.Result t = Cli.run("multiply", "--transpose-b", a.toString(), b.toString());
        assertEquals(1, t.exitCode(), t::toString);
        assertEquals(1, t.errLines().length, t::toString);
        assertTrue(t.err().contains("3x4") && t.err().contains("5x2") && t.err().contains("transpose"), t::toString);
    }

    @Test
    void badRepeatOrThreadCountsAreUsageErrors() throws IOException {
        Path a = file("a.mtx", A_SYM);
        Cli.Result zero = Cli.run("multiply", "--repeat", "0", a.toString(), a.toString());
        assertEquals(2, zero.exitCode(), zero::toString);
        assertEquals(1, zero.errLines().length, zero::toString);
        assertTrue(zero.err().contains("--repeat must be ≥ 1"), zero::toString);
        assertEquals(2, Cli.run("multiply", "--repeat", "-3", a.toString(), a.toString()).exitCode());
        assertEquals(2, Cli.run("multiply", "--repeat", "x", a.toString(), a.toString()).exitCode());
        Cli.Result threads = Cli.run("multiply", "--threads", "0", a.toString(), a.toString());
        assertEquals(2, threads.exitCode(), threads::toString);
        assertTrue(threads.err().contains("--threads must be ≥ 1"), threads::toString);
        assertEquals(2, Cli.run("multiply", a.toString()).exitCode(), "B is missing");
    }

    @Test
    void missingInputIsAFailureNamingIt() throws IOException {
        Path a = file("a.mtx", A_SYM);
        Cli.Result r = Cli.run("multiply", a.toString(), tmp.resolve("nope.mtx").toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("nope.mtx"), r::toString);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, MultiplyCommand.median(new double[] {3, 1, 2}));
        assertEquals(2.5, MultiplyCommand.median(new double[] {4, 1, 3, 2}));
        assertEquals(7.0, MultiplyCommand.median(new double[] {7}));
    }

    @Test
    void helpListsTheCommand() {
        Cli.Result r = ok("--help");
        assertTrue(r.out().contains("multiply") && r.out().contains("generate"), r::toString);
        Cli.Result h = ok("multiply", "--help");
        assertTrue(h.out().contains("--transpose-b") && h.out().contains("--repeat"), h::toString);
    }

    private static boolean isGzip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
