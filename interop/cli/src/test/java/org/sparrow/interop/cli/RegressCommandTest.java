package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketWriteOptions;

class RegressCommandTest {

    /** The keys the issue asks of {@code regress --json}, and the ones a user needs to trust the answer. */
    private static final List<String> KEYS = List.of("method", "sketch", "sketch_rows", "iterations", "residual_norm",
            "seconds", "converged", "relative_residual", "normal_residual", "pinv_norm_estimate", "linf_bound");

    @TempDir
    Path tmp;

    private static Path shared(String file) {
        return TestData.shared(file);
    }

    /** A seeded random right-hand side of length n (inconsistent: the residual at the optimum is not zero). */
    private Path rhs(int n, long seed) throws IOException {
        Random r = new Random(seed);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextGaussian();
        }
        Path p = tmp.resolve("b" + seed + ".mtx");
        MatrixMarket.write(new DenseMatrix(n, 1, b), p, MatrixMarketWriteOptions.defaults().withFormat(Format.ARRAY));
        return p;
    }

    /** The least-squares solution by EJML's dense Householder QR: the independent reference. */
    private static double[] ejmlLeastSquares(CsrMatrix a, double[] b) {
        DenseMatrix d = a.toDense();
        DMatrixRMaj am = DMatrixRMaj.wrap(d.rows(), d.cols(), d.data().clone());
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(d.rows(), d.cols());
        assertTrue(qr.setA(am));
        DMatrixRMaj x = new DMatrixRMaj(d.cols(), 1);
        qr.solve(DMatrixRMaj.wrap(b.length, 1, b.clone()), x);
        return x.data;
    }

    private static double[] readX(Path p) throws IOException {
        return MatrixMarket.read(p).matrix().toDense().data();
    }

    private static Map<String, Object> json(Cli.Result r) {
        return JsonReader.parseObject(r.out().strip());
    }

    private static double number(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    private static double relativeDifference(double[] x, double[] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - ref[i]) * (x[i] - ref[i]);
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void everyFullAccuracyMethodMatchesDenseQrOnARealTallMatrix() throws IOException {
        Path aFile = shared("small/well1033.mtx"); // 1033 × 320, cond ≈ 1.7e2
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        Path bFile = rhs(a.rows(), 7);
        double[] ref = ejmlLeastSquares(a, SolveCommand.readVector(bFile, a));
        for (String method : new String[] {"qr", "lsqr", "sketch-precondition"}) {
            Path x = tmp.resolve(method + ".mtx");
            Cli.Result r = Cli.run("regress", "--json", "--method", method, "-o", x.toString(), aFile.toString(),
                    bFile.toString());
            assertEquals(0, r.exitCode(), r::toString);
            Map<String, Object> j = json(r);
            assertTrue(j.keySet().containsAll(KEYS), "missing keys in " + j.keySet());
            assertEquals(method, j.get("method"));
            assertEquals(Boolean.TRUE, j.get("converged"), r::toString);
            double diff = relativeDifference(readX(x), ref);
            assertTrue(diff < 1e-8, method + ": ‖x − x_qr‖/‖x_qr‖ = " + diff);
            assertEquals(1033, ((BigDecimal) j.get("rows")).intValue());
            assertEquals(320, ((BigDecimal) j.get("cols")).intValue());
        }
    }

    @Test
    void sketchPreconditionReportsItsSketchAndFewIterations() throws IOException {
        Path aFile = shared("small/illc1033.mtx"); // 1033 × 320, cond ≈ 1.9e4: plain LSQR needs many iterations
        Path bFile = rhs(1033, 11);
        Cli.Result pre = Cli.run("regress", "--json", "--method", "sketch-precondition", "--sketch", "gaussian",
                aFile.toString(), bFile.toString());
        assertEquals(0, pre.exitCode(), pre::toString);
        Map<String, Object> j = json(pre);
        assertEquals("gaussian", j.get("sketch"));
        int m = ((BigDecimal) j.get("sketch_rows")).intValue();
        assertTrue(m >= 320 && m <= 1033, "sketch rows " + m);
        Cli.Result plain = Cli.run("regress", "--json", "--method", "lsqr", "--maxit", "100000", aFile.toString(),
                bFile.toString());
        assertEquals(0, plain.exitCode(), plain::toString);
        int preIt = ((BigDecimal) j.get("iterations")).intValue();
        int plainIt = ((BigDecimal) json(plain).get("iterations")).intValue();
        assertTrue(preIt * 5 < plainIt, "preconditioned " + preIt + " vs plain " + plainIt + " LSQR iterations");
        // Same least-squares minimum: the residual norms agree (x itself differs by ~cond·ε on this matrix).
        double r1 = number(j.get("residual_norm"));
        double r2 = number(json(plain).get("residual_norm"));
        assertEquals(r2, r1, 1e-8 * r2);
    }

    @Test
    void sketchSolveReportsTheLinfBoundIngredients() throws IOException {
        Path aFile = shared("small/well1033.mtx");
        Path bFile = rhs(1033, 3);
        Cli.Result r = Cli.run("regress", "--json", "--method", "sketch-solve", "--sketch", "srht", "--rows", "800",
                "--eps", "0.5", aFile.toString(), bFile.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals("sketch-solve", j.get("method"));
        assertEquals("srht", j.get("sketch"));
        assertEquals(800, ((BigDecimal) j.get("sketch_rows")).intValue());
        assertNotNull(j.get("pinv_norm_estimate"), r::toString);
        assertNotNull(j.get("linf_bound"), r::toString);
        double bound = number(j.get("linf_bound"));
        double res = number(j.get("residual_norm"));
        double pinv = number(j.get("pinv_norm_estimate"));
        assertEquals(0.5 / Math.sqrt(320) * res * pinv, bound, 1e-9 * bound);
        Cli.Result text = Cli.run("regress", "--method", "sketch-solve", "--rows", "800", aFile.toString(),
                bFile.toString());
        assertTrue(text.out().contains("ℓ∞ bound:") && text.out().contains("not guaranteed"), text::toString);
    }

    @Test
    void qrAndLsqrReportNoSketch() throws IOException {
        Path aFile = shared("small/ash219.mtx"); // 219 × 85
        Cli.Result r = Cli.run("regress", "--json", "--method", "qr", aFile.toString(), rhs(219, 5).toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertNull(j.get("sketch"));
        assertEquals(0, ((BigDecimal) j.get("sketch_rows")).intValue());
        assertNull(j.get("linf_bound"));
    }

    @Test
    void badInputsFailWithOneClearLine() throws IOException {
        Path aFile = shared("small/well1033.mtx");
        Cli.Result wrongLength = Cli.run("regress", aFile.toString(), rhs(1000, 1).toString());
        assertEquals(SparrowCli.EXIT_FAILURE, wrongLength.exitCode(), wrongLength::toString);
        assertEquals(1, wrongLength.errLines().length, wrongLength::toString);
        assertTrue(wrongLength.err().contains("1000 entries") && wrongLength.err().contains("needs 1033"),
                wrongLength::toString);

        Cli.Result badMethod = Cli.run("regress", "--method", "svd", aFile.toString(), rhs(1033, 1).toString());
        assertEquals(SparrowCli.EXIT_USAGE, badMethod.exitCode(), badMethod::toString);
        assertTrue(badMethod.err().contains("--method") && badMethod.err().contains("sketch-precondition"),
                badMethod::toString);

        Cli.Result badSketch = Cli.run("regress", "--sketch", "fourier", aFile.toString(), rhs(1033, 1).toString());
        assertEquals(SparrowCli.EXIT_USAGE, badSketch.exitCode(), badSketch::toString);
        assertTrue(badSketch.err().contains("srht"), badSketch::toString);

        Cli.Result tooFewRows = Cli.run("regress", "--method", "sketch-solve", "--rows", "100", aFile.toString(),
                rhs(1033, 1).toString());
        assertEquals(SparrowCli.EXIT_FAILURE, tooFewRows.exitCode(), tooFewRows::toString);
        assertEquals(1, tooFewRows.errLines().length, tooFewRows::toString);
        assertTrue(tooFewRows.err().contains("100") && tooFewRows.err().contains("320"), tooFewRows::toString);

        String[][] badOptions = {{"--eps", "1.5", "epsilon"}, {"--delta", "0", "delta"}, {"--tol", "2", "tolerance"},
            {"--maxit", "0", "iterations"}, {"--rows", "0", "--rows must be ≥ 1"}};
        for (String[] bad : badOptions) {
            Cli.Result r = Cli.run("regress", bad[0], bad[1], aFile.toString(), rhs(1033, 1).toString());
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains(bad[0]) && r.err().contains(bad[2]), bad[0] + ": " + r.err());
        }

        Cli.Result missing = Cli.run("regress", tmp.resolve("nope.mtx").toString(), rhs(3, 1).toString());
        assertEquals(SparrowCli.EXIT_FAILURE, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("no such file"), missing::toString);
    }

    @Test
    void nonConvergedLsqrExitsThree() throws IOException {
        Path aFile = shared("small/illc1033.mtx");
        Cli.Result r = Cli.run("regress", "--json", "--method", "lsqr", "--maxit", "3", aFile.toString(),
                rhs(1033, 2).toString());
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, r.exitCode(), r::toString);
        assertEquals(Boolean.FALSE, json(r).get("converged"));
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: lsqr did not converge"), r::toString);
    }
}
