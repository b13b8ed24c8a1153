package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;

class LowrankCommandTest {

    @TempDir
    Path tmp;

    private static Path shared(String file) {
        return TestData.shared(file);
    }

    /** The singular values of A in decreasing order, by EJML's dense SVD: the independent reference. */
    private static double[] denseSingularValues(CsrMatrix a) {
        DenseMatrix d = a.toDense();
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d.rows(), d.cols(), false,
                false, true);
        assertTrue(svd.decompose(DMatrixRMaj.wrap(d.rows(), d.cols(), d.data().clone())));
        double[] s = svd.getSingularValues().clone();
        java.util.Arrays.sort(s);
        double[] desc = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            desc[i] = s[s.length - 1 - i];
        }
        return desc;
    }

    @Test
    void leadingSingularValuesMatchADenseSvdOfARealMatrix() throws IOException {
        // 223 × 472 with σ4/σ3 ≈ 0.31: q power iterations shrink the error in σ1..σ3 by about (σ4/σ3)^(2q+1)
        // (Halko–Martinsson–Tropp 2011, §10.4), ≈ 2e-7 for q = 6. (The tall shared matrices have flat leading
        // spectra, σ7/σ1 > 0.9 on illc1033, where a rank-k randomized SVD needs many more power iterations.)
        Path aFile = shared("small/lp_e226.mtx");
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        double[] ref = denseSingularValues(a);
        int k = 3;
        Path prefix = tmp.resolve("lp");
        Cli.Result r = Cli.run("lowrank", "--json", "--rank", "3", "--power-iterations", "6", "-o", prefix.toString(),
                aFile.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        List<?> sv = (List<?>) j.get("singular_values");
        assertEquals(k, sv.size());
        for (int i = 0; i < k; i++) {
            double s = ((BigDecimal) sv.get(i)).doubleValue();
            assertEquals(ref[i], s, 1e-5 * ref[0], "σ" + (i + 1));
        }
        // The error of the best rank-k approximation is σ_{k+1}; the reported bracket must contain a figure close
        // to it: the lower estimate within [0.9, 1.0 + 1e-6]·σ4 here (q = 6 converges), the upper bound above it.
        double lower = ((BigDecimal) j.get("error_lower_bound")).doubleValue();
        double upper = ((BigDecimal) j.get("error_upper_bound")).doubleValue();
        assertTrue(lower >= 0.9 * ref[k] && lower <= ref[k] * (1 + 1e-6), "lower " + lower + " vs σ4 = " + ref[k]);
        assertTrue(upper >= lower, "upper " + upper + " < lower " + lower);
        assertEquals(lower / ref[0], ((BigDecimal) j.get("relative_error")).doubleValue(), 1e-6);
        // converged (σ4/σ3 ≈ 0.31): trustworthy, and nothing on stderr
        assertEquals(Boolean.TRUE, j.get("trustworthy"), r::toString);
        assertEquals("", r.err(), r::toString);
        DenseMatrix u = MatrixMarket.read(Path.of(prefix + ".U.mtx")).matrix().toDense();
        DenseMatrix v = MatrixMarket.read(Path.of(prefix + ".V.mtx")).matrix().toDense();
        assertEquals(223, u.rows());
        assertEquals(k, u.cols());
        assertEquals(472, v.rows());
        assertEquals(k, v.cols());
        assertEquals(k, MatrixMarket.read(Path.of(prefix + ".S.mtx")).matrix().rows());
        // U and V have orthonormal columns: UᵀU = VᵀV = I.
        for (DenseMatrix f : new DenseMatrix[] {u, v}) {
            DMatrixRMaj fm = DMatrixRMaj.wrap(f.rows(), k, f.data());
            DMatrixRMaj ftf = new DMatrixRMaj(k, k);
            CommonOps_DDRM.multTransA(fm, fm, ftf);
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < k; c++) {
                    assertEquals(i == c ? 1.0 : 0.0, ftf.get(i, c), 1e-10);
                }
            }
        }
    }

    @Test
    void textOutputListsTheSingularValues() {
        Cli.Result r = Cli.run("lowrank", "--rank", "3", shared("small/well1033.mtx").toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("singular values:") && r.out().contains("error ‖A − UΣVᵀ‖₂:"), r::toString);
    }

    @Test
    void badRankIsAUsageError() {
        Cli.Result zero = Cli.run("lowrank", "--rank", "0", shared("small/well1033.mtx").toString());
        assertEquals(SparrowCli.EXIT_USAGE, zero.exitCode(), zero::toString);
        assertTrue(zero.err().contains("--rank must be ≥ 1"), zero::toString);
        Cli.Result missing = Cli.run("lowrank", shared("small/well1033.mtx").toString());
        assertEquals(SparrowCli.EXIT_USAGE, missing.exitCode(), missing::toString);
        String[][] badOptions = {{"--oversampling", "-1", "--oversampling must be ≥ 0"},
            {"--power-iterations", "-2", "--power-iterations must be ≥ 0"}, {"--sketch", "fourier", "srht"}};
        for (String[] bad : badOptions) {
            Cli.Result r = Cli.run("lowrank", "--rank", "3", bad[0], bad[1], shared("small/well1033.mtx").toString());
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains(bad[2]), bad[0] + ": " + r.err());
        }
        // a rank above min(rows, cols) is a usage error too (it was a failure, exit 1, before), naming the range
        Cli.Result tooBig = Cli.run("lowrank", "--rank", "400", shared("small/well1033.mtx").toString());
        assertEquals(SparrowCli.EXIT_USAGE, tooBig.exitCode(), tooBig::toString);
        assertEquals(1, tooBig.errLines().length, tooBig::toString);
        assertTrue(tooBig.err().contains("--rank") && tooBig.err().contains("400") && tooBig.err().contains("≤ 320"),
                tooBig::toString);
    }

    @Test
    void absurdOptionsAreRefusedNamingTheOptionAndItsRangeNotClamped() {
        String file = shared("small/well1033.mtx").toString();
        String[][] bad = {
            {"--oversampling", "2000000000", "--oversampling must be ≥ 0 and ≤ 10000, got 2000000000"},
            {"--power-iterations", "1000000", "--power-iterations must be ≥ 0 and ≤ 10000, got 1000000"},
            {"--power-iterations", "-1", "--power-iterations must be ≥ 0 and ≤ 10000, got -1"},
            {"--max-power-iterations", "-5", "--max-power-iterations must be ≥ 0 and ≤ 10000, got -5"},
            {"--max-power-iterations", "20000", "--max-power-iterations must be ≥ 0 and ≤ 10000, got 20000"},
            {"--tolerance", "0", "--tolerance must be > 0 and < 1, got 0.0"},
            {"--tolerance", "1.5", "--tolerance must be > 0 and < 1, got 1.5"},
            {"--tolerance", "NaN", "--tolerance must be > 0 and < 1, got NaN"},
            {"--rank", "-7", "--rank must be ≥ 1"},
            {"--rank", "321", "--rank: rank k = 321 exceeds min(rows, cols) = 320 of the 1033×320 matrix: it must be ≥ 1 and ≤ 320"}};
        for (String[] b : bad) {
            Cli.Result r = b[0].equals("--rank") ? Cli.run("lowrank", "--json", b[0], b[1], file)
                    : Cli.run("lowrank", "--json", "--rank", "3", b[0], b[1], file);
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains(b[2]), b[0] + " " + b[1] + ": " + r.err());
            assertEquals("", r.out(), r::toString);
        }
    }

    /** The 20 largest singular values of Dubcova1: see RandomizedSvdTest (ARPACK; a dense SVD does not fit). */
    private static final double DUBCOVA1_SIGMA1 = 4.796328579;

    @Test
    void defaultsOnDubcova1WarnOnOneStderrLineAndInJson() {
        // the case of the report: σ̃₁ = 4.399 where σ₁ = 4.796, and nothing said
        Cli.Result r = Cli.run("lowrank", "--json", "--rank", "20", shared("medium/Dubcova1.mtx.gz").toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        String line = r.errLines()[0];
        assertTrue(line.startsWith("sparrow lowrank: warning: the singular values are not certified to the tolerance")
                && line.contains("--adaptive"), line);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        assertEquals(Boolean.FALSE, j.get("trustworthy"));
        assertEquals(Boolean.FALSE, j.get("tolerance_met"));
        assertEquals(Boolean.FALSE, j.get("adaptive"));
        assertEquals(line, "sparrow lowrank: warning: " + j.get("warning"));
        double s1 = ((BigDecimal) ((List<?>) j.get("singular_values")).get(0)).doubleValue();
        assertTrue(s1 < 0.95 * DUBCOVA1_SIGMA1, "σ̃₁ = " + s1);
        double beta = ((BigDecimal) j.get("relative_singular_value_error")).doubleValue();
        assertTrue(beta > 0.01, "β = " + beta);
        assertEquals(2, ((BigDecimal) j.get("power_iterations")).intValue());
        assertEquals(30, ((BigDecimal) j.get("sampled_columns")).intValue());
    }

    @Test
    void adaptiveModeOnDubcova1MeetsItsToleranceAndReportsTheIterationsUsed() {
        Cli.Result r = Cli.run("lowrank", "--json", "--rank", "20", "--adaptive",
                shared("medium/Dubcova1.mtx.gz").toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        assertEquals(Boolean.TRUE, j.get("trustworthy"));
        assertEquals(Boolean.TRUE, j.get("tolerance_met"));
        assertEquals(Boolean.TRUE, j.get("adaptive"));
        assertEquals(null, j.get("warning"));
        double tol = ((BigDecimal) j.get("tolerance")).doubleValue();
        assertEquals(0.01, tol);
        int q = ((BigDecimal) j.get("power_iterations")).intValue();
        assertTrue(q > 2 && q < ((BigDecimal) j.get("max_power_iterations")).intValue(), "q = " + q);
        assertTrue(((BigDecimal) j.get("relative_singular_value_error")).doubleValue() <= tol);
        double s1 = ((BigDecimal) ((List<?>) j.get("singular_values")).get(0)).doubleValue();
        assertEquals(DUBCOVA1_SIGMA1, s1, tol * DUBCOVA1_SIGMA1);
        // the cap reached before the tolerance: the text says so, and the warning names the cap
        Cli.Result capped = Cli.run("lowrank", "--rank", "20", "--adaptive", "--max-power-iterations", "3",
                shared("medium/Dubcova1.mtx.gz").toString());
        assertEquals(0, capped.exitCode(), capped::toString);
        assertEquals(1, capped.errLines().length, capped::toString);
        assertTrue(capped.err().contains("after 3 power iterations (the cap of the adaptive mode)")
                && capped.err().contains("--max-power-iterations"), capped::toString);
        assertTrue(capped.out().contains("3 power iterations (adaptive: the cap, tolerance not met)"), capped::toString);
    }

    @Test
    void jsonErrorEstimateIsTheUpperBoundPrintedInTheText() {
        String file = shared("small/well1033.mtx").toString();
        Map<String, Object> j = JsonReader.parseObject(Cli.run("lowrank", "--json", "--rank", "3", file).out().strip());
        Cli.Result text = Cli.run("lowrank", "--rank", "3", file);
        double estimate = ((BigDecimal) j.get("error_estimate")).doubleValue();
        assertEquals(((BigDecimal) j.get("error_upper_bound")).doubleValue(), estimate);
        double lower = ((BigDecimal) j.get("error_lower_bound")).doubleValue();
        double e = ((BigDecimal) j.get("projection_error_estimate")).doubleValue();
        assertTrue(text.out().contains("≥ " + Report.number(lower) + " (power-method")
                && text.out().contains("≤ " + Report.number(estimate) + " (HMT §4.3 estimate " + Report.number(e)),
                text::toString);
        assertTrue(text.out().contains("certified to:"), text::toString);
    }
}
