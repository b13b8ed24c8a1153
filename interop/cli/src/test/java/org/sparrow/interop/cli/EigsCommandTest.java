package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;

/**
 * {@code sparrow eigs}: the values against EJML's dense eigen-decomposition of the same file, the JSON keys and
 * files it promises, exit 3 when it does not converge, and a usage error (exit 2) or a one-sentence failure
 * (exit 1) for every bad value of every flag.
 */
class EigsCommandTest {

    @TempDir
    Path tmp;

    /** EJML's eigenvalues {re, im} of a file's matrix. */
    private static double[][] dense(Path file, boolean symmetric) throws IOException {
        DenseMatrix d = MatrixMarket.readCsr(file).toDense();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d.rows(), false, symmetric);
        assertTrue(eig.decompose(DMatrixRMaj.wrap(d.rows(), d.cols(), d.data().clone())));
        double[][] e = new double[d.rows()][];
        for (int i = 0; i < e.length; i++) {
            e[i] = new double[] {eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary};
        }
        return e;
    }

    private static double[] numbers(Object list) {
        return ((List<?>) list).stream().mapToDouble(x -> ((BigDecimal) x).doubleValue()).toArray();
    }

    @Test
    void eigsLargestOfAnSpdSuiteMatrixMatchDenseEigenvaluesAndWritesTheFiles() throws IOException {
        Path file = TestData.shared("small/nos4.mtx");
        double[][] ref = dense(file, true);
        Arrays.sort(ref, Comparator.comparingDouble(x -> -x[0]));
        Path prefix = tmp.resolve("nos4");
        Cli.Result r = Cli.run("eigs", "--json", "--k", "4", "-o", prefix.toString(), file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        double[] values = numbers(j.get("values"));
        assertEquals(4, values.length);
        for (int c = 0; c < 4; c++) {
            assertEquals(ref[c][0], values[c], 1e-10 * ref[0][0], "λ" + (c + 1));
        }
        assertEquals(List.of(true, true, true, true), j.get("converged"));
        assertEquals("lanczos", j.get("method"));
        assertEquals(Boolean.TRUE, j.get("symmetric"));
        for (double res : numbers(j.get("residuals"))) {
            assertTrue(res <= 1e-10 * ((BigDecimal) j.get("norm_estimate")).doubleValue());
        }
        for (String key : List.of("iterations", "seconds", "products", "stop_reason")) {
            assertTrue(j.containsKey(key), key);
        }
        DenseMatrix vals = MatrixMarket.read(Path.of(prefix + ".values.mtx")).matrix().toDense();
        DenseMatrix vecs = MatrixMarket.read(Path.of(prefix + ".vectors.mtx")).matrix().toDense();
        assertEquals(4, vals.rows());
        assertEquals(values[0], vals.get(0, 0), 0.0);
        assertEquals(100, vecs.rows());
        assertEquals(4, vecs.cols());
        CsrMatrix a = MatrixMarket.readCsr(file);
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = vecs.get(i, 0);
        }
        double[] av = a.apply(v);
        for (int i = 0; i < 100; i++) {
            assertEquals(values[0] * v[i], av[i], 1e-8, "A·v = λ·v for the written vector");
        }
    }

    @Test
    void eigsNearestSigmaAndSmallestMatchDenseEigenvalues() throws IOException {
        Path file = TestData.shared("small/nos4.mtx");
        double[][] ref = dense(file, true);
        double sigma = 0.3;
        Arrays.sort(ref, Comparator.comparingDouble(x -> Math.abs(x[0] - sigma)));
        Cli.Result r = Cli.run("eigs", "--json", "--k", "3", "--sigma", "0.3", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        assertEquals("nearest", j.get("which"));
        double[] values = numbers(j.get("values"));
        for (int c = 0; c < 3; c++) {
            assertEquals(ref[c][0], values[c], 1e-10);
        }
        Arrays.sort(ref, Comparator.comparingDouble(x -> x[0]));
        Cli.Result s = Cli.run("eigs", "--json", "--k", "2", "--which", "smallest", "--maxit", "5000", file.toString());
        assertEquals(0, s.exitCode(), s::toString);
        double[] small = numbers(JsonReader.parseObject(s.out().strip()).get("values"));
        assertEquals(ref[0][0], small[0], 1e-10);
        assertEquals(ref[1][0], small[1], 1e-10);
    }

    @Test
    void eigsOfANonsymmetricMatrixReportsComplexPairsAsRealAndImaginaryParts() throws IOException {
        Path file = TestData.shared("small/west0067.mtx");
        double[][] ref = dense(file, false);
        Arrays.sort(ref, Comparator.comparingDouble(x -> -Math.hypot(x[0], x[1])));
        Path prefix = tmp.resolve("west");
        Cli.Result r = Cli.run("eigs", "--json", "--k", "4", "--which", "magnitude", "-o", prefix.toString(), file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        assertEquals(Boolean.FALSE, j.get("symmetric"));
        assertEquals("arnoldi", j.get("method"));
        double[] re = numbers(j.get("values"));
        double[] im = numbers(j.get("imaginary"));
        for (int c = 0; c < 4; c++) {
            assertEquals(Math.hypot(ref[c][0], ref[c][1]), Math.hypot(re[c], im[c]), 1e-8, "|λ" + (c + 1) + "|");
        }
        DenseMatrix vals = MatrixMarket.read(Path.of(prefix + ".values.mtx")).matrix().toDense();
        assertEquals(2, vals.cols());
        assertEquals(im[0], vals.get(0, 1), 0.0);
        assertTrue(java.nio.file.Files.exists(Path.of(prefix + ".vectors_imag.mtx")));
        Cli.Result text = Cli.run("eigs", "--k", "2", "--symmetric", "no", file.toString());
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().contains("eigenvalues") && text.out().contains("residuals"), text::toString);
    }

    @Test
    void eigsThatDoesNotConvergeExitsThreeAndSaysSo() {
        Path file = TestData.shared("small/bcsstk08.mtx");
        Cli.Result r = Cli.run("eigs", "--json", "--k", "6", "--which", "smallest", "--maxit", "1", file.toString());
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, r.exitCode(), r::toString);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        assertEquals("max_iterations", j.get("stop_reason"));
        assertTrue(((List<?>) j.get("converged")).contains(false));
        assertTrue(r.err().startsWith("sparrow eigs: only "), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
    }

    @Test
    void everyEigsFlagRejectsABadValue() {
        String nos4 = TestData.shared("small/nos4.mtx").toString();
        String west = TestData.shared("small/west0067.mtx").toString();
        String rect = TestData.shared("small/ash219.mtx").toString();
        Object[][] cases = {
            {new String[] {"--k", "0"}, nos4, 2, "--k must be ≥ 1"},
            {new String[] {"--k", "101"}, nos4, 2, "--k must be ≤ n = 100"},
            {new String[] {"--k", "x"}, nos4, 2, "--k"},
            {new String[] {"--which", "biggest"}, nos4, 2, "--which: unknown --which 'biggest'"},
            {new String[] {"--which", "nearest"}, nos4, 2, "--which nearest needs --sigma"},
            {new String[] {"--which", "largest", "--sigma", "1"}, nos4, 2, "--sigma goes with --which nearest"},
            {new String[] {"--sigma", "NaN"}, nos4, 2, "--sigma must be finite"},
            {new String[] {"--symmetric", "maybe"}, nos4, 2, "--symmetric must be auto, yes or no"},
            {new String[] {"--symmetric", "yes"}, west, 1, "needs a symmetric matrix"},
            {new String[] {"--tol", "0"}, nos4, 2, "--tol: tolerance must be in (0, 1)"},
            {new String[] {"--tol", "1.5"}, nos4, 2, "--tol: tolerance must be in (0, 1)"},
            {new String[] {"--maxit", "0"}, nos4, 2, "--maxit: maximum iterations must be ≥ 1"},
            {new String[] {"--ncv", "1"}, nos4, 2, "--ncv must be ≥ 2"},
            {new String[] {"--ncv", "6"}, nos4, 2, "--ncv must be > --k = 6"},
            {new String[] {"--seed", "abc"}, nos4, 2, "--seed"},
            {new String[] {"-o", "-"}, nos4, 2, "cannot be - (stdout)"},
            {new String[] {"--threads", "0"}, nos4, 2, "--threads must be ≥ 1"},
            {new String[] {}, rect, 1, "eigenvalues need a square matrix"},
            {new String[] {}, tmp.resolve("missing.mtx").toString(), 1, "missing.mtx"},
        };
        for (Object[] c : cases) {
            String[] flags = (String[]) c[0];
            String[] args = new String[flags.length + 2];
            args[0] = "eigs";
            System.arraycopy(flags, 0, args, 1, flags.length);
            args[args.length - 1] = (String) c[1];
            Cli.Result r = Cli.run(args);
            String what = String.join(" ", flags) + ": " + r;
            assertEquals(c[2], r.exitCode(), what);
            assertTrue(r.err().contains((String) c[3]), what);
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), what);
        }
    }
}
