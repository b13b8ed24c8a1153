package org.sparrow.core;

/**
 * A matrix held in one of Sparrow's storage formats: {@link CooMatrix} (triplets),
 * {@link CsrMatrix} (compressed rows), {@link CscMatrix} (compressed columns) or
 * {@link DenseMatrix} (row-major).
 *
 * <p>Every format converts to every other; conversions keep explicit zeros, except
 * {@link DenseMatrix}, whose conversions to sparse formats store only its nonzero entries.
 * {@code equals} compares two matrices of the same format on their canonical form (for the sparse
 * formats: sorted, duplicates summed, explicit zeros kept; values compared as
 * {@link Double#equals}); use {@link #approxEquals} to compare values across formats.
 */
public sealed interface Matrix extends LinearOperator permits CooMatrix, CsrMatrix, CscMatrix, DenseMatrix {

    /** {@return number of stored entries (for a dense matrix, {@code rows·cols})} */
    int nnz();

    /**
     * The entry {@code a(i, j)} (0-based), zero where nothing is stored.
     *
     * @param row the row index, 0-based
     * @param col the column index, 0-based
     * @return the entry, 0 where none is stored
     */
    double get(int row, int col);

    /** {@return this matrix as triplets} */
    CooMatrix toCoo();

    /** {@return this matrix in canonical compressed-row form (sorted, duplicates summed)} */
    CsrMatrix toCsr();

    /** {@return this matrix in canonical compressed-column form (sorted, duplicates summed)} */
    CscMatrix toCsc();

    /** {@return this matrix as a dense row-major matrix (fails clearly when rows·cols exceeds an array)} */
    DenseMatrix toDense();

    /** {@return the Frobenius norm ‖A‖_F = sqrt(Σ a_ij²), computed without overflow for large entries} */
    default double frobeniusNorm() {
        return toCsr().frobeniusNorm();
    }

    /**
     * Whether {@code other} has the same shape and {@code ‖A − B‖_F ≤ relTol · max(‖A‖_F, ‖B‖_F)}.
     * Formats may differ. Two zero matrices are equal; a NaN or an infinity anywhere makes the answer
     * {@code false} (the norm of the difference is then undefined or infinite).
     *
     * @param other  the matrix to compare with
     * @param relTol relative tolerance, ≥ 0 (0 asks for equal values, explicit zeros aside)
     * @return whether the two matrices agree within {@code relTol}
     */
    default boolean approxEquals(Matrix other, double relTol) {
        if (!(relTol >= 0)) {
            throw new IllegalArgumentException("relTol must be ≥ 0, got " + relTol);
        }
        if (other == null || rows() != other.rows() || cols() != other.cols()) {
            return false;
        }
        return CsrMatrix.approxEqualsCanonical(toCsr(), other.toCsr(), relTol);
    }
}
