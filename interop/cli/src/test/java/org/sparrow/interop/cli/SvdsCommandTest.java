package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;

/**
 * {@code sparrow svds} and {@code sparrow lowrank --method exact}: the singular values against EJML's dense SVD,
 * the files and keys, the exact rank-k error σ_{k+1}, and a usage error for every bad flag value.
 */
class SvdsCommandTest {

    @TempDir
    Path tmp;

    private static double[] denseSingularValues(Path file) throws IOException {
        DenseMatrix d = MatrixMarket.readCsr(file).toDense();
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d.rows(), d.cols(), false, false, true);
        assertTrue(svd.decompose(DMatrixRMaj.wrap(d.rows(), d.cols(), d.data().clone())));
        double[] s = svd.getSingularValues().clone();
        java.util.Arrays.sort(s);
        double[] desc = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            desc[i] = s[s.length - 1 - i];
        }
        return desc;
    }

    private static double[] numbers(Object list) {
        return ((List<?>) list).stream().mapToDouble(x -> ((BigDecimal) x).doubleValue()).toArray();
    }

    @Test
    void svdsMatchesTheDenseSvdOfASuiteMatrixAndWritesUsv() throws IOException {
        Path file = TestData.shared("small/lp_e226.mtx");
        double[] ref = denseSingularValues(file);
        Path prefix = tmp.resolve("lp");
        Cli.Result r = Cli.run("svds", "--json", "--k", "5", "-o", prefix.toString(), file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        double[] values = numbers(j.get("values"));
        for (int c = 0; c < 5; c++) {
            assertEquals(ref[c], values[c], 1e-10 * ref[0], "σ" + (c + 1));
        }
        for (double res : numbers(j.get("residuals"))) {
            assertTrue(res <= 1e-10 * ref[0]);
        }
        assertEquals(List.of(true, true, true, true, true), j.get("converged"));
        for (String key : List.of("iterations", "seconds", "residuals_av", "residuals_atu")) {
            assertTrue(j.containsKey(key), key);
        }
        DenseMatrix u = MatrixMarket.read(Path.of(prefix + ".U.mtx")).matrix().toDense();
        DenseMatrix v = MatrixMarket.read(Path.of(prefix + ".V.mtx")).matrix().toDense();
        assertEquals(223, u.rows());
        assertEquals(472, v.rows());
        assertEquals(5, v.cols());
    }

    @Test
    void lowrankExactGivesTheDenseSingularValuesAndTheEckartYoungError() throws IOException {
        Path file = TestData.shared("small/illc1033.mtx"); // flat leading spectrum: hard for the randomized SVD
        double[] ref = denseSingularValues(file);
        Path prefix = tmp.resolve("ill");
        Cli.Result r = Cli.run("lowrank", "--json", "--rank", "4", "--method", "exact", "-o", prefix.toString(), file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = JsonReader.parseObject(r.out().strip());
        assertEquals("exact", j.get("method"));
        double[] s = numbers(j.get("singular_values"));
        assertEquals(4, s.length);
        for (int c = 0; c < 4; c++) {
            assertEquals(ref[c], s[c], 1e-10 * ref[0]);
        }
        assertEquals(ref[4], ((BigDecimal) j.get("error_estimate")).doubleValue(), 1e-10 * ref[0], "σ5");
        assertEquals(Boolean.TRUE, j.get("trustworthy"));
        assertEquals(4, MatrixMarket.read(Path.of(prefix + ".U.mtx")).matrix().toDense().cols());
    }

    @Test
    void everySvdsAndLowrankMethodFlagRejectsABadValue() {
        String lp = TestData.shared("small/lp_e226.mtx").toString();
        Object[][] cases = {
            {new String[] {"svds", "--k", "0"}, 2, "--k must be ≥ 1"},
            {new String[] {"svds", "--k", "224"}, 2, "--k must be ≤ min(rows, cols) = 223"},
            {new String[] {"svds", "--tol", "0"}, 2, "--tol: tolerance must be in (0, 1)"},
            {new String[] {"svds", "--maxit", "-3"}, 2, "--maxit: maximum iterations must be ≥ 1"},
            {new String[] {"svds", "--ncv", "0"}, 2, "--ncv must be ≥ 2"},
            {new String[] {"svds", "--k", "8", "--ncv", "8"}, 2, "--ncv must be > --k = 8"},
            {new String[] {"svds", "--seed", "1.5"}, 2, "--seed"},
            {new String[] {"svds", "-o", "-"}, 2, "cannot be - (stdout)"},
            {new String[] {"svds", "--threads", "-1"}, 2, "--threads must be ≥ 1"},
            {new String[] {"lowrank", "--rank", "2", "--method", "qr"}, 2, "--method must be randomized or exact"},
            {new String[] {"lowrank", "--rank", "2", "--method", "exact", "--oversampling", "5"}, 2,
                "--oversampling applies to --method randomized, not exact"},
        };
        for (Object[] c : cases) {
            String[] flags = (String[]) c[0];
            String[] args = java.util.Arrays.copyOf(flags, flags.length + 1);
            args[flags.length] = lp;
            Cli.Result r = Cli.run(args);
            String what = String.join(" ", flags) + ": " + r;
            assertEquals(c[1], r.exitCode(), what);
            assertTrue(r.err().contains((String) c[2]), what);
        }
    }
}
