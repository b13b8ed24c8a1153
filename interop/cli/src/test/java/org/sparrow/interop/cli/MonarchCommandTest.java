package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;

class MonarchCommandTest {

    /** The keys of {@code monarch --json} that issue 15 fixes, in order, before any others. */
    private static final List<String> KEYS = List.of("rows", "cols", "blocks", "parameters", "relative_error",
            "seconds");

    @TempDir
    Path tmp;

    private static Map<String, Object> json(Cli.Result r) {
        return JsonReader.parseObject(r.out().strip());
    }

    private static double number(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    /**
     * A Monarch matrix built here, independently of the library, from the index rule the factor files state:
     * A[ℓ·q + j, k·p + i] = L_{j,ℓ,k}·R_{k,j,i} with seeded N(0, 1) factors, b blocks, p = cols/b, q = rows/b.
     */
    private static DenseMatrix monarch(int rows, int cols, int b, long seed) {
        Random rnd = new Random(seed);
        int p = cols / b;
        int q = rows / b;
        double[][][] l = new double[q][b][b];
        double[][][] r = new double[b][q][p];
        for (double[][] x : l) {
            for (double[] y : x) {
                for (int t = 0; t < y.length; t++) {
                    y[t] = rnd.nextGaussian();
                }
            }
        }
        for (double[][] x : r) {
            for (double[] y : x) {
                for (int t = 0; t < y.length; t++) {
                    y[t] = rnd.nextGaussian();
                }
            }
        }
        double[] a = new double[rows * cols];
        for (int ll = 0; ll < b; ll++) {
            for (int j = 0; j < q; j++) {
                for (int k = 0; k < b; k++) {
                    for (int i = 0; i < p; i++) {
                        a[(ll * q + j) * cols + k * p + i] = l[j][ll][k] * r[k][j][i];
                    }
                }
            }
        }
        return new DenseMatrix(rows, cols, a);
    }

    /**
     * A rebuilt from the written factor files by the index rule their comments state:
     * A[ℓ·q + j, k·p + i] = L[j·b + ℓ, j·b + k]·R[k·q + j, k·p + i].
     */
    private static DenseMatrix rebuild(DenseMatrix lf, DenseMatrix rf, int rows, int cols, int b) {
        int p = cols / b;
        int q = rows / b;
        double[] a = new double[rows * cols];
        for (int ll = 0; ll < b; ll++) {
            for (int j = 0; j < q; j++) {
                for (int k = 0; k < b; k++) {
                    for (int i = 0; i < p; i++) {
                        a[(ll * q + j) * cols + k * p + i] = lf.get(j * b + ll, j * b + k) * rf.get(k * q + j, k * p + i);
                    }
                }
            }
        }
        return new DenseMatrix(rows, cols, a);
    }

    private static double relativeDistance(DenseMatrix x, DenseMatrix y) {
        double d = 0;
        double n = 0;
        for (int t = 0; t < x.data().length; t++) {
            double e = x.data()[t] - y.data()[t];
            d += e * e;
            n += y.data()[t] * y.data()[t];
        }
        return n == 0 ? Math.sqrt(d) : Math.sqrt(d / n);
    }

    private Path writeArray(String name, DenseMatrix a) throws IOException {
        Path f = tmp.resolve(name);
        MatrixMarket.write(a, f, MatrixMarketWriteOptions.defaults().withFormat(MatrixMarketHeader.Format.ARRAY));
        return f;
    }

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Runs monarch on {@code a} with {@code -o}, checks the factor files, and returns A rebuilt from them. */
    private DenseMatrix projectAndRebuild(DenseMatrix a, int b, Map<String, Object> expect, String... extra)
            throws IOException {
        Path af = writeArray("A.mtx", a);
        Path prefix = tmp.resolve("M");
        List<String> args = new ArrayList<>(List.of("monarch", af.toString(), "--json", "-o", prefix.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(KEYS, new ArrayList<>(j.keySet()).subList(0, KEYS.size()), r::toString);
        expect.putAll(j);
        MatrixMarketData l = MatrixMarket.read(Path.of(prefix + ".L.mtx"));
        MatrixMarketData rf = MatrixMarket.read(Path.of(prefix + ".R.mtx"));
        for (MatrixMarketData d : List.of(l, rf)) {
            assertEquals(MatrixMarketHeader.Format.COORDINATE, d.header().format());
            String c = d.commentText();
            assertTrue(c.contains("A ~ P*L*P^T*R") && c.contains("A[l*q + j, k*p + i] ~ L[j*b + l, j*b + k] * R[k*q + j, k*p + i]")
                    && c.contains("b = " + b + " blocks"), c);
        }
        assertEquals(a.rows(), l.matrix().rows());
        assertEquals(a.rows(), l.matrix().cols());
        assertEquals(a.rows(), rf.matrix().rows());
        assertEquals(a.cols(), rf.matrix().cols());
        return rebuild(l.matrix().toDense(), rf.matrix().toDense(), a.rows(), a.cols(), b);
    }

    @Test
    void monarchInputIsRecoveredExactlyWithTheDefaultBlocksAndTheFilesRebuildIt() throws IOException {
        DenseMatrix a = monarch(36, 36, 6, 1);
        Map<String, Object> j = new java.util.LinkedHashMap<>();
        DenseMatrix rebuilt = projectAndRebuild(a, 6, j);
        assertEquals(36, number(j.get("rows")));
        assertEquals(36, number(j.get("cols")));
        assertEquals(6, number(j.get("blocks")), "default b = √36");
        assertEquals(2 * 6 * 6 * 6, number(j.get("parameters")), "6 blocks of 6×6 in each factor");
        assertTrue(number(j.get("relative_error")) < 1e-12, j::toString);
        assertTrue(number(j.get("seconds")) >= 0);
        assertTrue(relativeDistance(rebuilt, a) < 1e-12, "the written factors rebuild A: " + relativeDistance(rebuilt, a));
    }

    @Test
    void rectangularMonarchInputIsRecoveredWithBlocksDividingBothSides() throws IOException {
        DenseMatrix a = monarch(24, 36, 4, 2); // q = 6, p = 9
        Map<String, Object> j = new java.util.LinkedHashMap<>();
        DenseMatrix rebuilt = projectAndRebuild(a, 4, j, "--blocks", "4");
        assertEquals(4, number(j.get("blocks")));
        assertEquals(4 * 6 * 9 + 6 * 4 * 4, number(j.get("parameters")), "R: 4 blocks of 6×9, L: 6 blocks of 4×4");
        assertTrue(number(j.get("relative_error")) < 1e-12, j::toString);
        assertTrue(relativeDistance(rebuilt, a) < 1e-12, "rebuilt " + relativeDistance(rebuilt, a));
    }

    @Test
    void reportedErrorOfARandomMatrixIsTheDistanceToTheWrittenFactors() throws IOException {
        Random rnd = new Random(3);
        double[] d = new double[16 * 16];
        for (int t = 0; t < d.length; t++) {
            d[t] = rnd.nextGaussian();
        }
        DenseMatrix a = new DenseMatrix(16, 16, d);
        Map<String, Object> j = new java.util.LinkedHashMap<>();
        DenseMatrix m = projectAndRebuild(a, 4, j);
        double reported = number(j.get("relative_error"));
        // a random matrix is far from Monarch (each 4×4 slice keeps its leading singular triple only)
        assertTrue(reported > 0.3 && reported < 1, "relative error " + reported);
        assertEquals(relativeDistance(m, a), reported, 1e-9);
    }

    @Test
    void bundledExampleIsMonarchWithEightBlocks() {
        Path example = TestData.tracked("examples", "structured", "monarch64.mtx");
        Cli.Result r = Cli.run("monarch", example.toString(), "--json");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(64, number(j.get("rows")));
        assertEquals(8, number(j.get("blocks")));
        assertEquals(1024, number(j.get("parameters")));
        assertTrue(number(j.get("relative_error")) < 1e-12, j::toString);
        Cli.Result text = Cli.run("monarch", example.toString());
        assertEquals(0, text.exitCode(), text::toString);
        for (String label : List.of("matrix:", "blocks:", "parameters:", "relative error:", "seconds:")) {
            assertTrue(text.out().contains(label), label + " in " + text.out());
        }
        assertTrue(text.out().contains("8 (the default, √64)"), text::toString);
    }

    @Test
    void sparseInputWithoutAPerfectSquareNeedsBlocksAndSaysWhichToTake() {
        Path sparse = TestData.example(); // bcsstk01: 48×48 coordinate, symmetric storage
        Cli.Result r = Cli.run("monarch", sparse.toString());
        assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("48 is not a perfect square") && r.err().contains("--blocks")
                && r.err().contains("b = 6 gives the fewest parameters"), r::toString);
        Cli.Result ok = Cli.run("monarch", sparse.toString(), "--blocks", "6", "--json");
        assertEquals(0, ok.exitCode(), ok::toString);
        double e = number(json(ok).get("relative_error"));
        assertTrue(e > 0 && e < 1, "relative error " + e);
    }

    @Test
    void blocksThatDoNotDivideOrAreBelowOneAreUsageErrors() throws IOException {
        Path af = writeArray("A.mtx", monarch(36, 36, 6, 4));
        Cli.Result r = Cli.run("monarch", af.toString(), "--blocks", "5");
        assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("--blocks 5 does not divide the 36x36 matrix"), r::toString);
        for (String b : List.of("0", "-3")) {
            Cli.Result z = Cli.run("monarch", af.toString(), "--blocks", b);
            assertEquals(SparrowCli.EXIT_USAGE, z.exitCode(), z::toString);
            assertEquals(1, z.errLines().length, z::toString);
            assertTrue(z.err().contains("--blocks must be ≥ 1"), z::toString);
        }
        Path rect = writeArray("R.mtx", monarch(24, 36, 4, 5));
        Cli.Result noDefault = Cli.run("monarch", rect.toString());
        assertEquals(SparrowCli.EXIT_USAGE, noDefault.exitCode(), noDefault::toString);
        assertTrue(noDefault.err().contains("not square") && noDefault.err().contains("both 24 and 36"),
                noDefault::toString);
    }

    @Test
    void anOutputNamingTheInputIsRefusedAndTheInputKept() throws IOException {
        Path af = writeArray("x.L.mtx", monarch(16, 16, 4, 6));
        String before = Files.readString(af);
        Cli.Result r = Cli.run("monarch", af.toString(), "-o", tmp.resolve("x").toString());
        assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("replace the input"), r::toString);
        assertEquals(before, Files.readString(af));
        assertFalse(Files.exists(tmp.resolve("x.R.mtx")), "nothing written");
        Cli.Result dash = Cli.run("monarch", af.toString(), "-o", "-");
        assertEquals(SparrowCli.EXIT_USAGE, dash.exitCode(), dash::toString);
    }

    @Test
    void malformedFileIsOneSentenceNamingTheFileAndLine() throws IOException {
        Path bad = file("bad.mtx", "%%MatrixMarket matrix coordinate real general\n4 4 2\n1 1 1.0\n5 1 2.0\n");
        Cli.Result r = Cli.run("monarch", bad.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("line 4"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void nonFiniteEntryIsOneSentenceNamingTheFileAndEntry() throws IOException {
        Path bad = file("nan.mtx", "%%MatrixMarket matrix coordinate real general\n4 4 2\n1 1 1.0\n3 2 NaN\n");
        Cli.Result r = Cli.run("monarch", bad.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("A(3, 2)"), r::toString);
    }

    @Test
    void matrixTooLargeToMakeDenseIsRefusedWithItsSize() throws IOException {
        Path big = file("big.mtx", "%%MatrixMarket matrix coordinate real general\n10000 10000 1\n1 1 1.0\n");
        Cli.Result r = Cli.run("monarch", big.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains(big.toString()) && r.err().contains("10000x10000") && r.err().contains("2^25"),
                r::toString);
    }

    @Test
    void dashReadsStandardInputAndGivesTheSameFigures() throws IOException {
        Path example = TestData.tracked("examples", "structured", "monarch64.mtx");
        Map<String, Object> fromFile = json(Cli.run("monarch", example.toString(), "--json"));
        java.io.InputStream saved = System.in;
        Cli.Result r;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(example)));
            r = Cli.run("monarch", "-", "--json");
        } finally {
            System.setIn(saved);
        }
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> fromStdin = json(r);
        for (String key : List.of("rows", "cols", "blocks", "parameters")) {
            assertEquals(fromFile.get(key), fromStdin.get(key), key);
        }
        assertTrue(number(fromStdin.get("relative_error")) < 1e-12, r::toString);
    }
}
