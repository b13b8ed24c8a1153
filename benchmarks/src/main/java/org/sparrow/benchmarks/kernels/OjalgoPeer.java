package org.sparrow.benchmarks.kernels;

import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.SparseStore;
import org.ojalgo.structure.ElementView2D;
import org.sparrow.core.CsrMatrix;

/**
 * ojAlgo 55 as a SpGEMM peer. ojAlgo's sparse matrix is {@link SparseStore} (one sorted sparse
 * array of column-major linear indices); {@code SparseStore.multiply(MatrixStore)} with a
 * {@code SparseStore} argument is its only sparse × sparse path that returns a sparse matrix (any
 * other right-hand side gives a dense result), so that is what is timed. The input is built once,
 * untimed, with ojAlgo's two-step builder ({@code SparseStore.R064.newBuilder(rows, cols)},
 * {@code set}, {@code build}).
 */
final class OjalgoPeer {

    private final SparseStore<Double> a;

    /** Converts {@code m} to a {@code SparseStore<Double>} (untimed). */
    OjalgoPeer(CsrMatrix m) {
        SparseStore.Builder<Double> b = SparseStore.R064.newBuilder(m.rows(), m.cols());
        int[] p = m.rowPointers();
        int[] j = m.columnIndices();
        double[] v = m.values();
        for (int i = 0; i < m.rows(); i++) {
            for (int q = p[i]; q < p[i + 1]; q++) {
                b.set(i, j[q], v[q]);
            }
        }
        a = b.build();
    }

    /** {@code C = A·A} (a new {@code SparseStore}). */
    MatrixStore<Double> square() {
        return a.multiply(a);
    }

    /** The stored entries of ojAlgo's product as triplets, for the cross-check. */
    static ResultCheck.Triplets triplets(MatrixStore<Double> m) {
        ResultCheck.TripletBuilder b = new ResultCheck.TripletBuilder(m.getRowDim(), m.getColDim());
        if (m instanceof SparseStore<Double> s) {
            for (ElementView2D<Double, ?> e : s.nonzeros()) {
                b.add((int) e.row(), (int) e.column(), e.doubleValue());
            }
        } else {
            for (int col = 0; col < m.getColDim(); col++) {
                for (int row = 0; row < m.getRowDim(); row++) {
                    double v = m.doubleValue(row, col);
                    if (v != 0) {
                        b.add(row, col, v);
                    }
                }
            }
        }
        return b.build();
    }
}
