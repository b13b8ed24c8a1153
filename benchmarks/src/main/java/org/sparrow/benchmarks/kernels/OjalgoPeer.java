package org.sparrow.benchmarks.kernels;

import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.SparseStore;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.interop.ojalgo.Ojalgo;

/**
 * ojAlgo 55 as a SpGEMM peer. ojAlgo's sparse matrix is {@link SparseStore} (one sorted sparse
 * array of column-major linear indices); {@code SparseStore.multiply(MatrixStore)} with a
 * {@code SparseStore} argument is its only sparse × sparse path that returns a sparse matrix (any
 * other right-hand side gives a dense result), so that is what is timed. The input is built once,
 * untimed, by the adapter ({@link Ojalgo#fromCsr}: entries appended in column-major order into a store
 * sized for them, the same stored entries as ojAlgo's two-step builder gives, far faster).
 */
final class OjalgoPeer {

    private final SparseStore<Double> a;

    /** Converts {@code m} to a {@code SparseStore<Double>} (untimed). */
    OjalgoPeer(CsrMatrix m) {
        a = Ojalgo.fromCsr(m);
    }

    /** {@code C = A·A} (a new {@code SparseStore}). */
    MatrixStore<Double> square() {
        return a.multiply(a);
    }

    /** The stored entries of ojAlgo's product as triplets (nonzeros of a dense result), for the cross-check. */
    static ResultCheck.Triplets triplets(MatrixStore<Double> m) {
        CooMatrix c = m instanceof SparseStore<Double> s ? Ojalgo.toCoo(s) : Ojalgo.toDense(m).toCoo();
        return new ResultCheck.Triplets(c.rows(), c.cols(), c.rowIndices(), c.columnIndices(), c.values(), c.nnz());
    }
}
