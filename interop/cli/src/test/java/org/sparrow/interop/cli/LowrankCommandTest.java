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
        Cli.Result tooBig = Cli.run("lowrank", "--rank", "400", shared("small/well1033.mtx").toString());
        assertEquals(SparrowCli.EXIT_FAILURE, tooBig.exitCode(), tooBig::toString);
        assertEquals(1, tooBig.errLines().length, tooBig::toString);
        assertTrue(tooBig.err().contains("400"), tooBig::toString);
    }
}
