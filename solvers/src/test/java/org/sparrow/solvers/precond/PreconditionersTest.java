package org.sparrow.solvers.precond;

import org.sparrow.solvers.PreconditionerKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.precond.DenseOracle.assertClose;
import static org.sparrow.solvers.precond.DenseOracle.csr;
import static org.sparrow.solvers.precond.DenseOracle.multiply;
import static org.sparrow.solvers.precond.DenseOracle.randomVector;
import static org.sparrow.solvers.precond.DenseOracle.transpose;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparrow.core.CsrMatrix;

/**
 * Jacobi, SSOR, ILU(0) and IC(0) against their dense definitions on seeded random matrices of odd
 * sizes: for {@code y = M⁻¹x} from the preconditioner, {@code M·y = x} with M built densely from the
 * definition (and {@code Mᵀ·y = x} for {@code applyTranspose}); the defining properties of the
 * incomplete factorizations ({@code M(i, j) = A(i, j)} on A's pattern); IC(0)'s shift on a matrix
 * where plain IC(0) breaks down; and the input checks.
 */
class PreconditionersTest {

    private static final int[] SIZES = {1, 2, 5, 13, 40};

    static Stream<Arguments> sizes() {
        return IntStream.of(SIZES).mapToObj(n -> Arguments.of(n));
    }

    /** Applies M⁻¹ and M⁻ᵀ to random vectors (outputs pre-filled with junk) and checks M·y = x, Mᵀ·y = x. */
    private static void checkAgainst(Preconditioner p, double[][] m, Random rnd, String what) {
        int n = m.length;
        assertEquals(n, p.rows());
        assertEquals(n, p.cols());
        double[][] mt = transpose(m);
        for (int trial = 0; trial < 3; trial++) {
            double[] x = randomVector(rnd, n);
            double[] xCopy = x.clone();
            double[] y = new double[n];
            Arrays.fill(y, Double.NaN);
            p.apply(x, y);
            assertArrayEquals(xCopy, x, what + ": x untouched");
            assertClose(x, multiply(m, y), 1e-12, what + ": M·(M⁻¹x) = x");
            Arrays.fill(y, Double.NaN);
            p.applyTranspose(x, y);
            assertClose(x, multiply(mt, y), 1e-12, what + ": Mᵀ·(M⁻ᵀx) = x");
            double[] inPlace = x.clone();
            p.apply(inPlace, inPlace);
            double[] separate = new double[n];
            p.apply(x, separate);
            assertArrayEquals(separate, inPlace, what + ": x and y may be the same array");
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void jacobiIsTheDiagonal(int n) {
        Random rnd = new Random(n);
        double[][] a = DenseOracle.randomNonsymmetric(rnd, n, 0.3);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = a[i][i];
        }
        Jacobi p = Jacobi.of(csr(a));
        assertEquals(PreconditionerKind.JACOBI, p.kind());
        assertEquals("Jacobi", p.name());
        assertEquals(0.0, p.diagonalShift());
        checkAgainst(p, m, rnd, "Jacobi");
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void ssorMatchesItsDefinitionForSeveralOmegas(int n) {
        Random rnd = new Random(100 + n);
        for (double[][] a : new double[][][] {DenseOracle.randomSpd(rnd, n, 0.3), DenseOracle.randomNonsymmetric(rnd, n, 0.3)}) {
            for (double omega : new double[] {0.3, 1.0, 1.7}) {
                Ssor p = Ssor.of(csr(a), omega);
                assertEquals(PreconditionerKind.SSOR, p.kind());
                assertEquals(omega, p.omega());
                checkAgainst(p, DenseOracle.ssor(a, omega), rnd, "SSOR ω = " + omega);
            }
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void ilu0MatchesAlgorithm10_4AndReproducesAOnItsPattern(int n) {
        Random rnd = new Random(200 + n);
        double[][] a = DenseOracle.randomNonsymmetric(rnd, n, 0.25);
        double[][] m = DenseOracle.ilu0Product(a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (a[i][j] != 0) { // the defining property of ILU(0): (L·U)(i, j) = A(i, j) on the pattern
                    assertEquals(a[i][j], m[i][j], 1e-12 * (1 + Math.abs(a[i][j])), "(LU)(" + i + ", " + j + ")");
                }
            }
        }
        Ilu0 p = Ilu0.of(csr(a));
        assertEquals(PreconditionerKind.ILU0, p.kind());
        checkAgainst(p, m, rnd, "ILU(0)");
    }

    @Test
    void jacobiOfADiagonalIsJacobiOfTheMatrixAndRefusesABadEntryByRow() {
        double[][] a = {{4, 1, 0}, {1, -3, 2}, {0, 2, 5}};
        Jacobi full = Jacobi.of(csr(a));
        double[] diagonal = {4, -3, 5};
        Jacobi fromDiagonal = Jacobi.ofDiagonal(diagonal);
        double[] x = {1.5, -2, 7};
        assertArrayEquals(full.apply(x), fromDiagonal.apply(x));
        assertArrayEquals(new double[] {4, -3, 5}, diagonal, "the caller's diagonal is not modified");
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Jacobi.ofDiagonal(new double[] {1, 0}));
        assertTrue(zero.getMessage().contains("A(2, 2)"), zero.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Jacobi.ofDiagonal(new double[] {Double.NaN}));
        assertTrue(nan.getMessage().contains("not finite"), nan.getMessage());
    }

    @Test
    void ilu0IsExactOnATridiagonalMatrix() {
        int n = 57;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 4 + i % 3;
            if (i > 0) {
                a[i][i - 1] = -1 - 0.01 * i;
            }
            if (i + 1 < n) {
                a[i][i + 1] = -2 + 0.02 * i;
            }
        }
        CsrMatrix csr = csr(a);
        Ilu0 p = Ilu0.of(csr);
        double[] x = randomVector(new Random(7), n);
        double[] y = p.apply(csr.apply(x)); // no fill outside the band: M = A, so M⁻¹·A·x = x
        assertClose(x, y, 1e-13, "ILU(0) of a tridiagonal matrix is its exact LU");
        double[] yt = new double[n];
        p.applyTranspose(csr.applyTranspose(x), yt);
        assertClose(x, yt, 1e-13, "and M⁻ᵀ·Aᵀ·x = x");
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void ic0MatchesItsDefinitionAndReproducesAOnItsPattern(int n) {
        Random rnd = new Random(300 + n);
        double[][] a = DenseOracle.randomSpd(rnd, n, 0.3);
        double[][] l = DenseOracle.ic0(a, 0.0);
        double[][] m = multiply(l, transpose(l));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (a[i][j] != 0) { // the defining property of IC(0): (L·Lᵀ)(i, j) = A(i, j) on the pattern
                    assertEquals(a[i][j], m[i][j], 1e-12 * (1 + Math.abs(a[i][j])), "(LLᵀ)(" + i + ", " + j + ")");
                }
            }
        }
        Ic0 p = Ic0.of(csr(a));
        assertEquals(PreconditionerKind.IC0, p.kind());
        assertEquals(0.0, p.diagonalShift(), "a diagonally dominant matrix needs no shift");
        checkAgainst(p, m, rnd, "IC(0)");
    }

    /**
     * Kershaw's matrix (J. Comput. Phys. 26, 1978) is symmetric positive definite (eigenvalues
     * 3 ± 2√2), yet IC(0) meets the pivot 3 − 2²/3 − … = −5 in its last row.
     */
    @Test
    void ic0ShiftsTheDiagonalWhenPlainIc0BreaksDownAndReportsTheShift() {
        double[][] a = {{3, -2, 0, 2}, {-2, 3, -2, 0}, {0, -2, 3, -2}, {2, 0, -2, 3}};
        org.junit.jupiter.api.Assertions.assertNull(DenseOracle.ic0(a, 0.0), "plain IC(0) breaks down here");
        Ic0 p = Ic0.of(csr(a));
        double alpha = p.diagonalShift();
        assertTrue(alpha > 0, "a shift was needed and is reported");
        double k = Math.log(alpha / Ic0.FIRST_SHIFT) / Math.log(2);
        assertEquals(Math.rint(k), k, 1e-9, "α = 1e-3·2^k, got " + alpha);
        if (alpha > Ic0.FIRST_SHIFT) {
            org.junit.jupiter.api.Assertions.assertNull(DenseOracle.ic0(a, alpha / 2), "the previous α broke down too");
        }
        double[][] l = DenseOracle.ic0(a, alpha);
        checkAgainst(p, multiply(l, transpose(l)), new Random(3), "IC(0) of A + α·diag(A)");
        System.out.printf("IC(0) on Kershaw's matrix: diagonal shift α = %.3g%n", alpha);
    }

    @Test
    void applyAllocatesNothing() {
        Random rnd = new Random(11);
        double[][] a = DenseOracle.randomSpd(rnd, 200, 0.05);
        CsrMatrix csr = csr(a);
        double[] x = randomVector(rnd, 200);
        double[] y = new double[200];
        for (Preconditioner p : new Preconditioner[] {Jacobi.of(csr), Ssor.of(csr, 1.2), Ilu0.of(csr), Ic0.of(csr)}) {
            for (int i = 0; i < 2000; i++) { // warm up
                p.apply(x, y);
                p.applyTranspose(x, y);
            }
            long bytes = DenseOracle.allocatedBytes(() -> {
                for (int i = 0; i < 1000; i++) {
                    p.apply(x, y);
                    p.applyTranspose(x, y);
                }
            });
            assertTrue(bytes < 4096, p.name() + " allocated " + bytes + " bytes in 2000 applies");
        }
    }

    @Test
    void unsortedInputGivesTheSameResult() {
        Random rnd = new Random(21);
        double[][] a = DenseOracle.randomSpd(rnd, 13, 0.4);
        CsrMatrix sorted = csr(a);
        int[] rp = sorted.rowPointers();
        int[] ci = sorted.columnIndices().clone();
        double[] v = sorted.values().clone();
        for (int i = 0; i < 13; i++) { // reverse each row
            for (int p = rp[i], q = rp[i + 1] - 1; p < q; p++, q--) {
                int tc = ci[p];
                ci[p] = ci[q];
                ci[q] = tc;
                double tv = v[p];
                v[p] = v[q];
                v[q] = tv;
            }
        }
        CsrMatrix unsorted = CsrMatrix.unsorted(13, 13, rp.clone(), ci, v);
        double[] x = randomVector(rnd, 13);
        for (Function<CsrMatrix, Preconditioner> f : java.util.List.<Function<CsrMatrix, Preconditioner>>of(
                Jacobi::of, m -> Ssor.of(m, 0.8), Ilu0::of, Ic0::of)) {
            assertArrayEquals(f.apply(sorted).apply(x), f.apply(unsorted).apply(x), 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 2.0, -0.5, 2.5, Double.NaN, Double.POSITIVE_INFINITY})
    void ssorRejectsOmegaOutsideTheOpenInterval(double omega) {
        CsrMatrix a = csr(DenseOracle.randomSpd(new Random(1), 5, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ssor.of(a, omega));
        assertTrue(e.getMessage().contains("(0, 2)") && e.getMessage().contains(String.valueOf(omega)), e.getMessage());
    }

    @Test
    void everyPreconditionerRejectsBadMatricesNamingTheRow() {
        java.util.List<Function<CsrMatrix, Preconditioner>> all = java.util.List.of(Jacobi::of, m -> Ssor.of(m, 1.0),
                Ilu0::of, Ic0::of);
        CsrMatrix rect = csr(new double[][] {{1, 2, 3}, {4, 5, 6}});
        CsrMatrix missingDiagonal = csr(new double[][] {{2, 1, 0}, {1, 0, 1}, {0, 1, 2}}); // row 2 stores no (2, 2), 1-based
        CsrMatrix zeroDiagonal = new CsrMatrix(2, 2, new int[] {0, 1, 3}, new int[] {0, 0, 1}, new double[] {1, 0.5, 0});
        CsrMatrix nan = csr(new double[][] {{2, 0}, {0, Double.NaN}});
        for (Function<CsrMatrix, Preconditioner> f : all) {
            assertMessage(f, null, "null");
            assertMessage(f, rect, "square", "2×3");
            assertMessage(f, missingDiagonal, "row 2", "diagonal", "A(2, 2)"); // messages count from 1
            assertMessage(f, zeroDiagonal, "row 2", "A(2, 2) = 0");
            assertMessage(f, nan, "A(2, 2) = NaN", "row 2");
        }
    }

    @Test
    void incompleteFactorizationsReportTheirSpecificFailures() {
        // ILU(0): A(1,1) − A(1,0)·A(0,1)/A(0,0) = 1 − 1 = 0
        CsrMatrix singularPivot = csr(new double[][] {{1, 1}, {1, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ilu0.of(singularPivot));
        assertTrue(e.getMessage().contains("pivot U(2, 2)") && e.getMessage().contains("row 2"), e.getMessage());
        // IC(0): a nonsymmetric matrix, and a negative diagonal
        CsrMatrix nonsymmetric = csr(new double[][] {{4, 1}, {2, 4}});
        e = assertThrows(IllegalArgumentException.class, () -> Ic0.of(nonsymmetric));
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
        CsrMatrix negative = csr(new double[][] {{4, 1}, {1, -3}});
        e = assertThrows(IllegalArgumentException.class, () -> Ic0.of(negative));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void applyChecksVectorLengths() {
        Preconditioner p = Jacobi.of(csr(new double[][] {{2, 0}, {0, 3}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.apply(new double[3], new double[2]));
        assertTrue(e.getMessage().contains("length 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.apply(null, new double[2]));
    }

    @Test
    void emptyMatrixGivesEmptyPreconditioners() {
        CsrMatrix empty = CsrMatrix.zeros(0, 0);
        for (Preconditioner p : new Preconditioner[] {Jacobi.of(empty), Ssor.of(empty, 1), Ilu0.of(empty), Ic0.of(empty)}) {
            assertEquals(0, p.apply(new double[0]).length);
        }
    }

    private static void assertMessage(Function<CsrMatrix, Preconditioner> f, CsrMatrix a, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.apply(a));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" should mention " + part);
        }
    }
}
