package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/** {@link Checks}: every message names the argument, prints the shapes and counts entries from 1. */
class ChecksTest {

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void finiteChecksNameTheFirstBadEntryCountingFromOne() {
        double[] b = {1, 2, Double.NaN, Double.POSITIVE_INFINITY};
        assertMessage("b(3) = NaN is not finite", () -> Checks.checkFinite(b, "", "b"));
        assertMessage("LU: b(1) = -Infinity is not finite",
                () -> Checks.checkFinite(new double[] {Double.NEGATIVE_INFINITY}, "LU: ", "b"));
        Checks.checkFinite(new double[0], "", "b");
        CsrMatrix a = DenseMatrix.of(new double[][] {{1, 0, 0}, {0, 2, Double.NaN}, {Double.NaN, 0, 3}}).toCsr();
        assertMessage("A(2, 3) = NaN in row 2 is not finite", () -> Checks.checkFinite(a, "", "A"));
        DenseMatrix d = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, Double.POSITIVE_INFINITY}});
        assertMessage("ILU(0): A(3, 2) = Infinity in row 3 is not finite", () -> Checks.checkFinite(d, "ILU(0): ", "A"));
        assertEquals("A(1, 1)", Checks.entry("A", 0, 0));
    }

    @Test
    void lengthChecksPrintTheLengthsAndTheShape() {
        assertMessage("x has length 3 but the operator's column count is 4",
                () -> Checks.checkLength("x", new double[3], 4, "the operator's column count"));
        assertMessage("x has length 4 but A is 4×3, so it needs length 3 (its column count, for A·x)",
                () -> Checks.checkLength("x", new double[4], 3, "A", 4, 3, "its column count, for A·x"));
        assertMessage("d has length 4 but A is 3×4, so it needs length 3 (its row count)",
                () -> Checks.checkVector("d", new double[4], 3, CsrMatrix.zeros(3, 4), "its row count"));
        assertMessage("x is null", () -> Checks.checkLength("x", null, 4, "n"));
        assertMessage("x has length 2 but y has length 3: they must be equal",
                () -> Checks.checkSameLength("x", new double[2], "y", new double[3]));
        Checks.checkLength("x", new double[4], 4, "n");
    }

    @Test
    void blockChecksPrintTheBlockShape() {
        assertMessage("X has length 3 but a 4×1 row-major block needs 4",
                () -> Checks.checkBlock("X", new double[3], 4, 1));
        assertMessage("X has length 7 but A is 4×3 and k = 2, so A·X needs X as a 3×2 row-major block of length 6",
                () -> Checks.checkBlock("X", new double[7], 3, 2, "A", 4, 3, "A·X"));
        assertMessage("block width k must be ≥ 0, got -1", () -> Checks.checkBlock("X", new double[0], 4, -1));
    }

    @Test
    void shapeChecksPrintBothShapes() {
        assertMessage("SparseLu needs a square matrix, got 3×2 (use SparseQr for least squares)",
                () -> Checks.checkSquare(3, 2, "SparseLu", "use SparseQr for least squares"));
        assertMessage("IC(0) needs a square matrix, got 2×3", () -> Checks.checkSquare(2, 3, "IC(0)", ""));
        Checks.checkSquare(5, 5, "CG", "");
        assertMessage("cannot form A·B with A 2×3 and B 4×5: inner dimensions 3 and 4 differ",
                () -> Checks.checkInner(3, 4, CsrMatrix.zeros(2, 3), CsrMatrix.zeros(4, 5), "A·B"));
        assertMessage("dimensions must be ≥ 0, got 2×-1", () -> Checks.checkDimensions(2, -1));
    }

    @Test
    void javaArgumentsAreEchoedAsGivenWithTheirZeroBasedRange() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> Checks.checkIndex(3, 3, "row"));
        assertEquals("row index 3 is out of range [0, 3)", e.getMessage());
        assertMessage("the product block needs 2147483648 entries, more than a Java array holds (2147483639)",
                () -> Checks.checkedArrayLength(1L << 31, "the product block"));
        Object o = new Object();
        assertSame(o, Checks.checkNotNull(o, "o"));
        assertMessage("the operator A is null", () -> Checks.checkNotNull(null, "the operator A"));
    }
}
