package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;

/**
 * The structure of {@code C = A·B} without its values: the exact row pointer of C, from
 * {@link Spgemm#symbolic} (the first of the two phases; faer-rs calls it the symbolic product). It
 * depends only on where A and B store entries, so one symbolic result serves every
 * {@link Spgemm#numeric} call on matrices with that structure — new values, same pattern, as in a
 * Galerkin product or a Newton iteration. Immutable.
 */
public final class SpgemmSymbolic {

    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final long flops;
    private final int[] tasks;
    private final boolean[] heavy;
    private final int[] aPtr;
    private final int[] aIdx;
    private final int[] bPtr;
    private final int[] bIdx;

    SpgemmSymbolic(CsrMatrix a, CsrMatrix b, int[] rowPtr, long flops, int[] tasks, boolean[] heavy) {
        this.rows = a.rows();
        this.cols = b.cols();
        this.rowPtr = rowPtr;
        this.flops = flops;
        this.tasks = tasks;
        this.heavy = heavy;
        this.aPtr = a.rowPointers();
        this.aIdx = a.columnIndices();
        this.bPtr = b.rowPointers();
        this.bIdx = b.columnIndices();
    }

    /** {@return rows of C (rows of A)} */
    public int rows() {
        return rows;
    }

    /** {@return columns of C (columns of B)} */
    public int cols() {
        return cols;
    }

    /** {@return stored entries of C: the length {@link Spgemm#numeric} needs its output arrays to have} */
    public int nnz() {
        return rowPtr[rows];
    }

    /** {@return multiply-adds of the product ({@link SpgemmFlops#count})} */
    public long flops() {
        return flops;
    }

    /** {@return the row pointer of C, length {@code rows + 1}: shared, read-only} */
    public int[] rowPointers() {
        return rowPtr;
    }

    int[] tasks() {
        return tasks;
    }

    boolean[] heavy() {
        return heavy;
    }

    /**
     * Checks that {@code a} and {@code b} store entries where the matrices this structure was computed
     * from did: the same arrays (O(1)), or equal ones (O(nnz)).
     *
     * @throws IllegalArgumentException saying which operand differs
     */
    void checkSameStructure(CsrMatrix a, CsrMatrix b) {
        if (a.rows() != rows || b.cols() != cols || a.cols() != b.rows()) {
            throw new IllegalArgumentException("the symbolic product is for a " + rows + "×" + cols
                    + " result, but A·B is " + a.rows() + "×" + a.cols() + " · " + b.rows() + "×" + b.cols());
        }
        if (!samePattern(a, aPtr, aIdx)) {
            throw new IllegalArgumentException("A stores entries at other positions than the A of the symbolic product");
        }
        if (!samePattern(b, bPtr, bIdx)) {
            throw new IllegalArgumentException("B stores entries at other positions than the B of the symbolic product");
        }
    }

    private static boolean samePattern(CsrMatrix m, int[] ptr, int[] idx) {
        if (m.rowPointers() == ptr && m.columnIndices() == idx) {
            return true;
        }
        int nnz = m.nnz();
        return Arrays.equals(m.rowPointers(), ptr) && nnz <= idx.length
                && Arrays.equals(m.columnIndices(), 0, nnz, idx, 0, nnz);
    }
}
