package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every constructor checks its invariants and says which one failed and where: the message must
 * name the invariant (in the format's own words: "row pointer" for CSR, "column pointer" for CSC)
 * and the place (row/column, position, entry).
 */
class InvariantTest {

    private static <T extends Throwable> T assertRejects(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        String m = e.getMessage();
        assertTrue(m != null, "the exception has a message");
        for (String part : parts) {
            assertTrue(m.contains(part), "message should contain '" + part + "' but was: " + m);
        }
        return e;
    }

    private static IllegalArgumentException rejects(Executable call, String... parts) {
        return assertRejects(IllegalArgumentException.class, call, parts);
    }

    private static final int[] NO_INTS = new int[0];
    private static final double[] NO_DOUBLES = new double[0];

    // ---- CsrMatrix ----

    @Test
    void csrRejectsADecreasingRowPointerNamingTheRowAndBothValues() {
        // rows 0..3; the pointer goes 0, 2, 5, 3, 5: it drops after row 2.
        rejects(() -> new CsrMatrix(4, 6, new int[] {0, 2, 5, 3, 5}, new int[] {0, 1, 2, 3, 4},
                new double[5]), "row pointer decreases at row 2: 5 > 3");
        rejects(() -> new CsrMatrix(1, 1, new int[] {0, -1}, NO_INTS, NO_DOUBLES),
                "row pointer decreases at row 0: 0 > -1");
        rejects(() -> CsrMatrix.unsorted(4, 6, new int[] {0, 2, 5, 3, 5}, new int[] {0, 1, 2, 3, 4},
                new double[5]), "row pointer decreases at row 2: 5 > 3");
    }

    @Test
    void csrRejectsARowPointerThatDoesNotStartAtZero() {
        rejects(() -> new CsrMatrix(2, 2, new int[] {1, 2, 2}, new int[] {0, 1}, new double[2]),
                "row pointer must start at 0", "starts at 1");
    }

    @Test
    void csrRejectsARowPointerOfTheWrongLength() {
        rejects(() -> new CsrMatrix(3, 4, new int[] {0, 0, 0}, NO_INTS, NO_DOUBLES),
                "row pointer has length 3", "3×4", "needs 4");
        rejects(() -> new CsrMatrix(0, 4, new int[] {0, 0}, NO_INTS, NO_DOUBLES),
                "row pointer has length 2", "0×4", "needs 1");
        rejects(() -> new CsrMatrix(2, 2, NO_INTS, NO_INTS, NO_DOUBLES), "row pointer has length 0", "needs 3");
    }

    @Test
    void csrRowPointerLengthMessageDoesNotOverflowForIntMaxRows() {
        // Integer.MAX_VALUE rows need a pointer of 2^31 entries; rows + 1 must not wrap to a negative count.
        IllegalArgumentException e = rejects(() -> new CsrMatrix(Integer.MAX_VALUE, 1, new int[1], NO_INTS,
                NO_DOUBLES), "row pointer");
        assertFalse(e.getMessage().contains("-2147483648"), "the needed length printed as negative: " + e.getMessage());
    }

    @Test
    void csrRejectsAnOutOfRangeColumnNamingTheRowAndPosition() {
        // Row 1 holds positions 1..3; position 3 has column 7 in a 3×5 matrix.
        rejects(() -> new CsrMatrix(3, 5, new int[] {0, 1, 4, 4}, new int[] {0, 1, 2, 7}, new double[4]),
                "column index 7", "position 3", "row 1", "[0, 5)");
        rejects(() -> new CsrMatrix(2, 5, new int[] {0, 0, 1}, new int[] {-1}, new double[1]),
                "column index -1", "position 0", "row 1", "[0, 5)");
        rejects(() -> CsrMatrix.unsorted(2, 5, new int[] {0, 0, 2}, new int[] {1, 5}, new double[2]),
                "column index 5", "position 1", "row 1", "[0, 5)");
        rejects(() -> new CsrMatrix(1, 0, new int[] {0, 1}, new int[] {0}, new double[1]),
                "column index 0", "[0, 0)");
    }

    @Test
    void canonicalCsrRejectsUnsortedColumnsAndPointsToUnsorted() {
        rejects(() -> new CsrMatrix(2, 5, new int[] {0, 1, 3}, new int[] {4, 3, 2}, new double[3]),
                "column indices of row 1", "not increasing", "3 then 2", "position 2", "unsorted()");
    }

    @Test
    void canonicalCsrRejectsARepeatedColumn() {
        rejects(() -> new CsrMatrix(1, 5, new int[] {0, 3}, new int[] {0, 2, 2}, new double[3]),
                "column indices of row 0", "repeat column 2", "position 2");
    }

    @Test
    void unsortedCsrAcceptsAnyOrderButRejectsDuplicatesNamingThePlace() {
        assertDoesNotThrow(() -> CsrMatrix.unsorted(2, 5, new int[] {0, 3, 5}, new int[] {4, 0, 2, 3, 1},
                new double[5]));
        // Row 1 holds positions 2..4: columns 3, 4, 3.
        rejects(() -> CsrMatrix.unsorted(2, 5, new int[] {0, 2, 5}, new int[] {3, 4, 3, 4, 3}, new double[5]),
                "row 1 stores column 3 twice", "position 4", "duplicates must be summed");
        // The same column in different rows is no duplicate.
        assertDoesNotThrow(() -> CsrMatrix.unsorted(3, 2, new int[] {0, 1, 2, 3}, new int[] {1, 1, 1},
                new double[3]));
    }

    @Test
    void csrRejectsIndexOrValueArraysShorterThanThePointerSays() {
        rejects(() -> new CsrMatrix(2, 5, new int[] {0, 2, 5}, new int[] {0, 1, 0, 1}, new double[5]),
                "row pointer ends at 5", "4 column indices", "5 values");
        rejects(() -> new CsrMatrix(2, 5, new int[] {0, 2, 5}, new int[] {0, 1, 0, 1, 2}, new double[2]),
                "row pointer ends at 5", "5 column indices", "2 values");
    }

    @Test
    void csrRejectsNullArraysAndNegativeDimensions() {
        rejects(() -> new CsrMatrix(1, 1, null, NO_INTS, NO_DOUBLES), "must not be null");
        rejects(() -> new CsrMatrix(1, 1, new int[2], null, NO_DOUBLES), "must not be null");
        rejects(() -> new CsrMatrix(1, 1, new int[2], NO_INTS, null), "must not be null");
        rejects(() -> new CsrMatrix(-1, 3, new int[0], NO_INTS, NO_DOUBLES), "dimensions must be ≥ 0", "-1×3");
        rejects(() -> new CsrMatrix(3, -2, new int[4], NO_INTS, NO_DOUBLES), "dimensions must be ≥ 0", "3×-2");
        rejects(() -> CsrMatrix.zeros(-1, 2), "-1×2");
        rejects(() -> CsrMatrix.identity(-3), "-3×-3");
    }

    @Test
    void csrZerosWithIntMaxRowsIsRejectedWithAClearMessage() {
        // A row pointer of 2^31 entries fits no Java array: say so instead of a NegativeArraySizeException.
        rejects(() -> CsrMatrix.zeros(Integer.MAX_VALUE, 1), "2147483648");
    }

    @Test
    void cooToCsrWithIntMaxRowsIsRejectedWithAClearMessage() {
        CooMatrix coo = new CooMatrix(Integer.MAX_VALUE, 1, new int[] {5}, new int[] {0}, new double[] {1});
        rejects(coo::toCsr, "2147483648");
    }

    @Test
    void csrTransposeWithIntMaxColumnsIsRejectedWithAClearMessage() {
        CsrMatrix wide = new CsrMatrix(1, Integer.MAX_VALUE, new int[] {0, 1}, new int[] {7}, new double[] {1});
        rejects(wide::transpose, "2147483648");
    }

    // ---- CscMatrix ----

    @Test
    void cscRejectsADecreasingColumnPointerInItsOwnWords() {
        rejects(() -> new CscMatrix(3, 3, new int[] {0, 4, 2, 4}, new int[] {0, 1, 2, 0}, new double[4]),
                "column pointer decreases at column 1: 4 > 2");
    }

    @Test
    void cscRejectsAColumnPointerThatDoesNotStartAtZeroOrHasTheWrongLength() {
        rejects(() -> new CscMatrix(2, 1, new int[] {2, 2}, new int[] {0, 1}, new double[2]),
                "column pointer must start at 0", "starts at 2");
        rejects(() -> new CscMatrix(3, 2, new int[] {0, 0}, NO_INTS, NO_DOUBLES),
                "column pointer has length 2", "3×2", "needs 3");
    }

    @Test
    void cscRejectsAnOutOfRangeRowNamingTheColumnAndPosition() {
        rejects(() -> new CscMatrix(4, 2, new int[] {0, 3, 3}, new int[] {0, 1, 9}, new double[3]),
                "row index 9", "position 2", "column 0", "[0, 4)");
    }

    @Test
    void cscRejectsUnsortedOrRepeatedRows() {
        rejects(() -> new CscMatrix(3, 1, new int[] {0, 2}, new int[] {2, 1}, new double[2]),
                "row indices of column 0", "not increasing", "2 then 1", "position 1");
        rejects(() -> new CscMatrix(3, 2, new int[] {0, 0, 2}, new int[] {0, 0}, new double[2]),
                "row indices of column 1", "repeat row 0");
    }

    @Test
    void cscRejectsShortArraysNullsAndNegativeDimensions() {
        rejects(() -> new CscMatrix(3, 2, new int[] {0, 1, 3}, new int[] {0, 1}, new double[3]),
                "column pointer ends at 3", "2 row indices", "3 values");
        rejects(() -> new CscMatrix(3, 2, null, NO_INTS, NO_DOUBLES), "column pointer", "must not be null");
        rejects(() -> new CscMatrix(-1, 3, new int[4], NO_INTS, NO_DOUBLES), "dimensions must be ≥ 0", "-1×3");
        rejects(() -> new CscMatrix(3, -1, new int[0], NO_INTS, NO_DOUBLES), "dimensions must be ≥ 0", "3×-1");
    }

    @Test
    void cscMessagesNeverSpeakOfRowPointers() {
        IllegalArgumentException e = rejects(() -> new CscMatrix(3, 3, new int[] {0, 4, 2, 4},
                new int[] {0, 1, 2, 0}, new double[4]), "column pointer");
        assertFalse(e.getMessage().contains("row pointer"), e.getMessage());
    }

    // ---- CooMatrix ----

    @Test
    void cooRejectsTripletArraysOfDifferentLengths() {
        rejects(() -> new CooMatrix(3, 4, new int[] {0, 1, 2}, new int[] {0, 1}, new double[3]),
                "differ in length", "3 row indices", "2 column indices", "3 values");
        rejects(() -> new CooMatrix(3, 4, new int[] {0}, new int[] {0}, new double[2]),
                "differ in length", "1 row indices", "1 column indices", "2 values");
    }

    @Test
    void cooRejectsAnOutOfRangeIndexNamingTheEntry() {
        rejects(() -> new CooMatrix(3, 4, new int[] {0, 1, 5}, new int[] {0, 1, 2}, new double[3]),
                "entry 2", "row index 5", "[0, 3)");
        rejects(() -> new CooMatrix(3, 4, new int[] {0, 1}, new int[] {0, -1}, new double[2]),
                "entry 1", "column index -1", "[0, 4)");
        rejects(() -> new CooMatrix(3, 4, new int[] {0, 1}, new int[] {4, 0}, new double[2]),
                "entry 0", "column index 4", "[0, 4)");
        rejects(() -> new CooMatrix(0, 4, new int[] {0}, new int[] {0}, new double[1]),
                "entry 0", "row index 0", "[0, 0)");
    }

    @Test
    void cooRejectsNullArraysAndNegativeDimensions() {
        rejects(() -> new CooMatrix(1, 1, null, NO_INTS, NO_DOUBLES), "must not be null");
        rejects(() -> new CooMatrix(1, 1, NO_INTS, null, NO_DOUBLES), "must not be null");
        rejects(() -> new CooMatrix(1, 1, NO_INTS, NO_INTS, null), "must not be null");
        rejects(() -> new CooMatrix(-2, 1, NO_INTS, NO_INTS, NO_DOUBLES), "dimensions must be ≥ 0", "-2×1");
        rejects(() -> new CooMatrix(1, -2, NO_INTS, NO_INTS, NO_DOUBLES), "dimensions must be ≥ 0", "1×-2");
    }

    @Test
    void builderAddOutOfRangeThrowsIndexOutOfBoundsNamingTheIndex() {
        CooMatrix.Builder b = CooMatrix.builder(3, 4);
        assertRejects(IndexOutOfBoundsException.class, () -> b.add(-1, 0, 1.0), "row index -1", "[0, 3)");
        assertRejects(IndexOutOfBoundsException.class, () -> b.add(0, 4, 1.0), "column index 4", "[0, 4)");
    }

    // ---- DenseMatrix ----

    @Test
    void denseRejectsADataLengthThatIsNotRowsTimesCols() {
        rejects(() -> new DenseMatrix(2, 3, new double[5]), "data has length 5", "2×3", "needs 6");
        rejects(() -> new DenseMatrix(0, 3, new double[1]), "data has length 1", "0×3", "needs 0");
        rejects(() -> new DenseMatrix(2, 3, null), "data is null");
    }

    @Test
    void denseRejectsNegativeDimensions() {
        rejects(() -> new DenseMatrix(-1, 3, new double[0]), "dimensions must be ≥ 0", "-1×3");
        rejects(() -> new DenseMatrix(-1, -3, new double[3]), "dimensions must be ≥ 0", "-1×-3");
        rejects(() -> DenseMatrix.zeros(2, -1), "dimensions must be ≥ 0", "2×-1");
    }

    @Test
    void denseZerosOfAnImpossibleSizeSaysSo() {
        rejects(() -> DenseMatrix.zeros(100_000, 100_000), "100000×100000", "10000000000");
    }
}
