package org.sparrow.benchmarks.regression;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ojalgo.matrix.decomposition.QR;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.sparrow.core.DenseMatrix;
import org.sparrow.interop.ojalgo.Ojalgo;

/**
 * The dense QR least-squares peers, each through its public API, on a dense copy of A made once,
 * untimed, in the peer's own layout:
 * <ul>
 *   <li>EJML 0.46: {@code LinearSolverFactory_DDRM.leastSquares(n, d)} (Householder QR,
 *       {@code LinearSolverQrHouseCol_DDRM}), {@code setA} on A wrapped row-major without a copy, then
 *       {@code solve}. Single-threaded: EJML's {@code _MT_} least-squares solver parallelises only the
 *       solve over several right-hand sides, not the decomposition.</li>
 *   <li>ojAlgo 55: {@code QR.R064.make(A)}, {@code decompose(A)}, {@code getSolution(b)} on an
 *       {@code R064Store} (column-major) built once from A; the least-squares solution for a tall A.</li>
 * </ul>
 * Each timed call does the whole factor-and-solve, as a user would for one right-hand side.
 */
final class DensePeers {

    private DensePeers() {
    }

    /** Whether EJML's least-squares solver modifies A or b (then each call would need its own copy). */
    static String ejmlModifies(int n, int d) {
        LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.leastSquares(n, d);
        return (s.modifiesA() ? "A" : "") + (s.modifiesB() ? "b" : "");
    }

    /** EJML dense QR least squares: x = argmin ‖A·x − b‖ for A n×d row-major. */
    static double[] ejml(double[] rowMajor, int n, int d, double[] b) {
        LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.leastSquares(n, d);
        DMatrixRMaj a = DMatrixRMaj.wrap(n, d, rowMajor);
        if (!s.setA(a)) {
            throw new IllegalStateException("EJML's least-squares solver refused A (setA returned false)");
        }
        DMatrixRMaj x = new DMatrixRMaj(d, 1);
        s.solve(DMatrixRMaj.wrap(n, 1, b), x);
        return x.data;
    }

    /** A column-major ojAlgo copy of a row-major n×d array (untimed preparation; {@link Ojalgo#fromDense}). */
    static R064Store ojalgoMatrix(double[] rowMajor, int n, int d) {
        return Ojalgo.fromDense(new DenseMatrix(n, d, rowMajor));
    }

    /** ojAlgo dense QR least squares. */
    static double[] ojalgo(R064Store a, double[] b) {
        QR<Double> qr = QR.R064.make(a);
        if (!qr.decompose(a)) {
            throw new IllegalStateException("ojAlgo's QR decomposition failed");
        }
        MatrixStore<Double> x = qr.getSolution(Ojalgo.fromVector(b));
        return Ojalgo.toDense(x).data(); // d×1, so the row-major copy is the vector
    }
}
