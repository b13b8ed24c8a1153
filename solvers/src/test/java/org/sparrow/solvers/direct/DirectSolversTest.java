package org.sparrow.solvers.direct;

import org.sparrow.solvers.PreconditionerKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.direct.SuiteMatrices.randomVector;
import static org.sparrow.solvers.direct.SuiteMatrices.relativeDifference;

import java.util.Arrays;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ordering.FillReducingOrdering;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;

/**
 * SparseCholesky, SparseLu and SparseQr on the suite matrices: the true relative residual of
 * {@code A·x = b} (b = A·x★ for a seeded random x★) is at most 1e-10, the solution agrees with EJML's
 * dense solve of the same system, factor-once/solve-many gives the same x, and the orderings change
 * the fill, not the answer. Then the failures a user can meet, each with a clear message.
 *
 * <p>Why 1e-10 holds: the factorizations are backward stable, so ‖b − A·x‖ ≤ c·n·ε·‖|L||Lᵀ|‖·‖x‖;
 * with b = A·x★, ‖b‖ is not small against ‖A‖·‖x‖, and the residuals measured here are 1e-16 … 1e-13.
 * The agreement with the dense solve is a forward error, bounded by about cond(A)·ε: the suite's
 * condition numbers are at most 2.6e7 (bcsstk08; numpy.linalg.cond), so 1e-7 leaves a margin of ~20.
 */
class DirectSolversTest {

    static Stream<String> spd() {
        return Stream.of(SuiteMatrices.SPD);
    }

    static Stream<String> nonsymmetric() {
        return Stream.of(SuiteMatrices.NONSYMMETRIC);
    }

    static Stream<String> rectangular() {
        return Stream.of(SuiteMatrices.RECTANGULAR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spd")
    void choleskySolvesSpdSuiteMatricesToTheDenseSolution(String name) {
        CsrMatrix a = SuiteMatrices.read(name);
        double[] b = a.apply(randomVector(1, a.cols()));
        SolverResult r = SparseCholesky.solve(a, b);
        assertDirectResult(r, "cholesky", name);
        assertTrue(r.relativeResidual() <= 1e-10, name + ": relative residual " + r.relativeResidual());
        double[] dense = denseSolve(LinearSolverFactory_DDRM.chol(a.rows()), a, b);
        double diff = relativeDifference(r.solution(), dense);
        assertTrue(diff <= 1e-7, name + ": differs from EJML's dense Cholesky by " + diff);
        SparseCholesky f = SparseCholesky.factor(a, FillReducingOrdering.RCM);
        assertTrue(relativeDifference(f.solve(b), dense) <= 1e-7, name + ": RCM-ordered solve");
        System.out.printf("cholesky %-10s n=%5d nnz(L)=%7d relres=%.1e vs dense %.1e%n", SuiteMatrices.shortName(name),
                a.rows(), SparseCholesky.factor(a).factorNonzeros(), r.relativeResidual(), diff);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonsymmetric")
    void luSolvesNonsymmetricSuiteMatricesToTheDenseSolution(String name) {
        CsrMatrix a = SuiteMatrices.read(name);
        double[] b = a.apply(randomVector(2, a.cols()));
        SolverResult r = SparseLu.solve(a, b);
        assertDirectResult(r, "lu", name);
        assertTrue(r.relativeResidual() <= 1e-10, name + ": relative residual " + r.relativeResidual());
        // the dense reference is O(n³): up to n = 1100 (≤ 0.3 s); beyond, the natural-order sparse LU
        double[] reference = a.rows() <= 1100 ? denseSolve(LinearSolverFactory_DDRM.lu(a.rows()), a, b)
                : SparseLu.factor(a, FillReducingOrdering.NATURAL).solve(b);
        double diff = relativeDifference(r.solution(), reference);
        assertTrue(diff <= 1e-7, name + ": differs from the " + (a.rows() <= 1100 ? "dense" : "natural-order") + " LU by "
                + diff);
        System.out.printf("lu       %-10s n=%5d nnz(L+U)=%7d relres=%.1e vs %s %.1e%n", SuiteMatrices.shortName(name),
                a.rows(), SparseLu.factor(a).factorNonzeros(), r.relativeResidual(),
                a.rows() <= 1100 ? "dense" : "natural", diff);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spd")
    void luAlsoSolvesTheSpdMatrices(String name) {
        CsrMatrix a = SuiteMatrices.read(name);
        double[] b = a.apply(randomVector(3, a.cols()));
        SolverResult r = SparseLu.solve(a, b);
        assertTrue(r.relativeResidual() <= 1e-10, name + ": relative residual " + r.relativeResidual());
        assertTrue(relativeDifference(r.solution(), SparseCholesky.factor(a).solve(b)) <= 1e-7, name + ": LU vs Cholesky");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rectangular")
    void qrSolvesLeastSquaresOnRectangularSuiteMatrices(String name) {
        CsrMatrix a = SuiteMatrices.read(name);
        double[] b = randomVector(4, a.rows()); // inconsistent: the residual stays, Aᵀr vanishes
        SolverResult r = SparseQr.solve(a, b);
        assertDirectResult(r, "qr", name);
        assertTrue(r.normalResidual() <= 1e-12, name + ": normal residual " + r.normalResidual());
        DMatrixRMaj x = new DMatrixRMaj(a.cols(), 1);
        LinearSolverDense<DMatrixRMaj> ls = LinearSolverFactory_DDRM.leastSquares(a.rows(), a.cols());
        assertTrue(ls.setA(DMatrixRMaj.wrap(a.rows(), a.cols(), a.toDense().data())));
        ls.solve(DMatrixRMaj.wrap(a.rows(), 1, b.clone()), x);
        double diff = relativeDifference(r.solution(), x.data);
        // forward error of least squares ~ ε·(κ + κ²·‖r‖/(‖A‖‖x‖)); κ ≤ 1.9e4 here (illc1033)
        assertTrue(diff <= 1e-6, name + ": differs from EJML's dense least squares by " + diff);
        // consistent system: b = A·x★ is solved to a small true residual and x = x★
        double[] xStar = randomVector(5, a.cols());
        SolverResult c = SparseQr.solve(a, a.apply(xStar));
        assertTrue(c.relativeResidual() <= 1e-10, name + ": consistent relative residual " + c.relativeResidual());
        assertTrue(relativeDifference(c.solution(), xStar) <= 1e-9, name + ": x = x★");
        System.out.printf("qr       %-10s %dx%d nnz(R)=%6d normal residual=%.1e vs dense %.1e, consistent relres=%.1e%n",
                SuiteMatrices.shortName(name), a.rows(), a.cols(), SparseQr.factor(a).factorNonzeros(),
                r.normalResidual(), diff, c.relativeResidual());
    }

    @Test
    void qrReportsTheRankDeficiencyOfAbb313() {
        CsrMatrix a = SuiteMatrices.read("small/abb313.mtx"); // 313×176 of numerical rank 128 (numpy)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseQr.factor(a));
        assertTrue(e.getMessage().contains("rank deficient"), e.getMessage());
    }

    @Test
    void factorOnceSolvesManyRightHandSides() {
        CsrMatrix a = SuiteMatrices.read("small/bcsstk05.mtx");
        CsrMatrix w = SuiteMatrices.read("small/west0067.mtx");
        SparseCholesky chol = SparseCholesky.factor(a);
        SparseLu lu = SparseLu.factor(w);
        for (int k = 0; k < 4; k++) {
            double[] x = randomVector(10 + k, a.rows());
            assertTrue(relativeDifference(chol.solve(a.apply(x)), x) <= 1e-9, "cholesky rhs " + k);
            double[] y = randomVector(20 + k, w.rows());
            double[] out = new double[w.rows()];
            Arrays.fill(out, Double.NaN);
            lu.solve(w.apply(y), out);
            assertTrue(relativeDifference(out, y) <= 1e-11, "lu rhs " + k);
        }
        double[] b = a.apply(randomVector(30, a.rows()));
        double[] bCopy = b.clone();
        double[] x = chol.solve(b);
        assertArrayEquals(bCopy, b, "b untouched");
        chol.solve(b, b);
        assertArrayEquals(x, b, "x may be b");
        assertEquals(FillReducingOrdering.AMD, chol.ordering());
        assertEquals(a.rows(), chol.size());
        assertTrue(chol.factorNonzeros() >= a.rows());
    }

    @Test
    void zeroRightHandSideGivesZeroSolution() {
        CsrMatrix a = SuiteMatrices.read("small/nos4.mtx");
        for (SolverResult r : new SolverResult[] {SparseCholesky.solve(a, new double[a.rows()]),
            SparseLu.solve(a, new double[a.rows()]), SparseQr.solve(a, new double[a.rows()])}) {
            assertArrayEquals(new double[a.rows()], r.solution(), 0.0, r.method().cliName());
            assertEquals(0.0, r.relativeResidual(), r.method().cliName());
            assertTrue(r.converged());
        }
    }

    @Test
    void choleskyOfAnIndefiniteMatrixSaysWhichPivotFailed() {
        // symmetric, but the 2×2 block [[1, 2], [2, 1]] of rows 3 and 4 is indefinite
        double[][] d = new double[6][6];
        for (int i = 0; i < 6; i++) {
            d[i][i] = 4;
        }
        d[3][3] = 1;
        d[4][4] = 1;
        d[3][4] = 2;
        d[4][3] = 2;
        CsrMatrix a = csr(d);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseCholesky.factor(a, FillReducingOrdering.NATURAL));
        assertTrue(e.getMessage().contains("not positive definite") && e.getMessage().contains("row 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(a));
        assertTrue(e.getMessage().contains("not positive definite") && e.getMessage().contains("amd order"), e.getMessage());
    }

    @Test
    void choleskyRejectsANonsymmetricMatrixNamingTheEntry() {
        CsrMatrix w = SuiteMatrices.read("small/west0067.mtx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(w));
        assertTrue(e.getMessage().contains("symmetric") && e.getMessage().contains("A("), e.getMessage());
    }

    @Test
    void singularMatricesAreReportedByLu() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseLu.factor(csr(new double[][] {{1, 2, 0}, {2, 4, 0}, {0, 0, 1}})));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseLu.factor(csr(new double[][] {{1, 2}, {0, 0}})));
        assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("row 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseLu.factor(csr(new double[][] {{1, 0}, {2, 0}})));
        assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("column 2"), e.getMessage());
    }

    @Test
    void qrReportsRankDeficiencyAndWideMatrices() {
        double[][] dup = {{1, 1, 0}, {2, 2, 1}, {3, 3, 0}, {0, 0, 5}}; // column 1 = column 0
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseQr.factor(csr(dup), FillReducingOrdering.NATURAL));
        assertTrue(e.getMessage().contains("rank deficient"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseQr.factor(csr(new double[][] {{1, 0}, {0, 0}, {2, 0}})));
        assertTrue(e.getMessage().contains("column 2 is entirely zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseQr.factor(csr(new double[][] {{1, 2, 3}, {4, 5, 6}})));
        assertTrue(e.getMessage().contains("2×3"), e.getMessage());
    }

    @Test
    void badInputsGetClearMessages() {
        CsrMatrix rect = csr(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        CsrMatrix spd = csr(new double[][] {{4, 1}, {1, 3}});
        CsrMatrix nan = csr(new double[][] {{4, 1}, {1, Double.NaN}});
        assertMessage(() -> SparseCholesky.factor(rect), "square", "3×2");
        assertMessage(() -> SparseLu.factor(rect), "square", "--method qr");
        assertMessage(() -> SparseCholesky.factor(null), "null");
        assertMessage(() -> SparseCholesky.factor(nan), "A(2, 2) = NaN");
        assertMessage(() -> SparseLu.factor(nan), "A(2, 2) = NaN");
        assertMessage(() -> SparseQr.factor(nan), "A(2, 2) = NaN");
        assertMessage(() -> SparseCholesky.solve(spd, new double[3]), "length 3");
        assertMessage(() -> SparseLu.solve(spd, new double[] {1, Double.POSITIVE_INFINITY}), "b(2) = Infinity");
        assertMessage(() -> SparseQr.solve(rect, new double[2]), "b has length 2", "A's row count is 3");
        assertMessage(() -> SparseCholesky.factor(spd).solve(new double[1]), "length 1");
        assertMessage(() -> SparseCholesky.factor(spd, null), "ordering");
    }

    @Test
    void everyOrderingGivesTheSameSolution() {
        CsrMatrix a = SuiteMatrices.read("small/494_bus.mtx");
        CsrMatrix w = SuiteMatrices.read("small/orsirr_1.mtx");
        CsrMatrix r = SuiteMatrices.read("small/well1033.mtx");
        double[] b = a.apply(randomVector(40, a.rows()));
        double[] bw = w.apply(randomVector(41, w.rows()));
        double[] br = randomVector(42, r.rows());
        double[] xa = SparseCholesky.factor(a, FillReducingOrdering.NATURAL).solve(b);
        double[] xw = SparseLu.factor(w, FillReducingOrdering.NATURAL).solve(bw);
        double[] xr = SparseQr.factor(r, FillReducingOrdering.NATURAL).solve(br);
        for (FillReducingOrdering o : FillReducingOrdering.values()) {
            assertTrue(relativeDifference(SparseCholesky.factor(a, o).solve(b), xa) <= 1e-8, "cholesky " + o);
            assertTrue(relativeDifference(SparseLu.factor(w, o).solve(bw), xw) <= 1e-9, "lu " + o);
            assertTrue(relativeDifference(SparseQr.factor(r, o).solve(br), xr) <= 1e-11, "qr " + o);
        }
    }

    @Test
    void tinyAndEmptySystems() {
        CsrMatrix one = csr(new double[][] {{2}});
        assertArrayEquals(new double[] {1.5}, SparseCholesky.solve(one, new double[] {3}).solution(), 1e-15);
        assertArrayEquals(new double[] {1.5}, SparseLu.solve(one, new double[] {3}).solution(), 1e-15);
        assertArrayEquals(new double[] {1.5}, SparseQr.solve(one, new double[] {3}).solution(), 1e-15);
        CsrMatrix empty = CsrMatrix.zeros(0, 0);
        assertEquals(0, SparseCholesky.solve(empty, new double[0]).solution().length);
        assertEquals(0, SparseLu.solve(empty, new double[0]).solution().length);
    }

    private static void assertDirectResult(SolverResult r, String method, String name) {
        assertEquals(method, r.method().cliName(), name);
        assertEquals(PreconditionerKind.NONE, r.preconditioner(), name);
        assertEquals(0, r.iterations(), name);
        assertTrue(r.converged(), name);
        assertEquals(StopReason.CONVERGED, r.reason(), name);
        assertEquals(0.0, r.diagonalShift(), name);
        assertTrue(r.seconds() >= 0, name);
        if (method.equals("qr")) {
            assertTrue(r.normalResidual() >= 0, name);
        } else {
            assertTrue(Double.isNaN(r.normalResidual()), name);
        }
    }

    private static double[] denseSolve(LinearSolverDense<DMatrixRMaj> solver, CsrMatrix a, double[] b) {
        int n = a.rows();
        assertTrue(solver.setA(DMatrixRMaj.wrap(n, n, a.toDense().data())), "the dense factorization succeeded");
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        solver.solve(DMatrixRMaj.wrap(n, 1, b.clone()), x);
        return x.data;
    }

    private static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" should mention " + part);
        }
    }

    static CsrMatrix csr(double[][] d) {
        int n = d.length;
        int m = d[0].length;
        int[] rp = new int[n + 1];
        int nnz = 0;
        for (double[] row : d) {
            for (double v : row) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        int[] ci = new int[nnz];
        double[] x = new double[nnz];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (d[i][j] != 0) {
                    ci[k] = j;
                    x[k++] = d[i][j];
                }
            }
            rp[i + 1] = k;
        }
        return new CsrMatrix(n, m, rp, ci, x);
    }
}
