package org.sparrow.benchmarks.kernels;

import no.uib.cipr.matrix.DenseMatrix;
import no.uib.cipr.matrix.DenseVector;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.interop.mtj.Mtj;

/**
 * MTJ 1.0.4 as a peer for SpMV and SpMM, through its public API: a {@link CompRowMatrix} built once
 * (untimed) by the sparrow-mtj adapter ({@link Mtj#toCompRowMatrix}: MTJ's own constructor from each row's
 * column list, then the values copied in one pass); {@code mult(Vector, Vector)} on {@link DenseVector}s,
 * and {@code mult(Matrix B, Matrix C)} with MTJ's column-major {@link DenseMatrix} for the block. MTJ
 * has no sparse × sparse product.
 */
final class MtjPeer {

    private final CompRowMatrix a;

    /** Converts {@code m} (MTJ keeps each row's columns sorted, as Sparrow's canonical form). */
    MtjPeer(CsrMatrix m) {
        a = Mtj.toCompRowMatrix(m);
    }

    /** {@code y = A·x}. */
    void multiply(DenseVector x, DenseVector y) {
        a.mult(x, y);
    }

    /** {@code Y = A·X} (both column-major). */
    void multiply(DenseMatrix x, DenseMatrix y) {
        a.mult(x, y);
    }

    /** A column-major MTJ matrix holding the row-major {@code rows × cols} block {@code rowMajor}. */
    static DenseMatrix fromRowMajor(double[] rowMajor, int rows, int cols) {
        return Mtj.toMtjDense(new org.sparrow.core.DenseMatrix(rows, cols, rowMajor));
    }

    /** The row-major copy of a column-major MTJ matrix. */
    static double[] toRowMajor(DenseMatrix m) {
        return Mtj.toDense(m).data();
    }
}
