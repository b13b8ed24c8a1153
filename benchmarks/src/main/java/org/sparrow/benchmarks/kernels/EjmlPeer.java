package org.sparrow.benchmarks.kernels;

import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.IGrowArray;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.CommonOps_MT_DSCC;
import org.ejml.sparse.csc.mult.Workspace_MT_DSCC;
import org.sparrow.core.CsrMatrix;
import org.sparrow.interop.ejml.Ejml;
import pabeles.concurrency.GrowArray;

/**
 * EJML 0.46 as a peer, through its public sparse API ({@code org.ejml.sparse.csc}): the matrix is
 * converted once, untimed, from Sparrow's CSR to EJML's compressed-column {@link DMatrixSparseCSC}
 * by the adapter ({@link Ejml#fromCsr}: a transpose, so row indices are sorted in every column and the
 * arrays are exactly nnz long). Each timed call reuses EJML's optional workspaces and output, its documented
 * allocation-free mode, so it is measured at its best.
 *
 * <ul>
 *   <li>SpGEMM: {@code CommonOps_DSCC.mult(A, B, C, IGrowArray, DGrowArray)} and the multithreaded
 *       {@code CommonOps_MT_DSCC.mult(A, B, C, GrowArray<Workspace_MT_DSCC>)}, both producing C in
 *       CSC with row indices unsorted within each column;</li>
 *   <li>SpMV / SpMM: {@code CommonOps_DSCC.mult(A, DMatrixRMaj, DMatrixRMaj)} and
 *       {@code CommonOps_MT_DSCC.mult(A, DMatrixRMaj, DMatrixRMaj, GrowArray<DGrowArray>)}; x is a
 *       {@code cols × 1} matrix, X a row-major {@code cols × k} matrix wrapping the same array as
 *       Sparrow's.</li>
 * </ul>
 * The multithreaded calls use EJML's own pool, limited with
 * {@code EjmlConcurrency.setMaxThreads(threads)} by the suite.
 */
final class EjmlPeer {

    private final DMatrixSparseCSC a;
    private final DMatrixSparseCSC c = new DMatrixSparseCSC(1, 1, 0);
    private final DMatrixSparseCSC cMt = new DMatrixSparseCSC(1, 1, 0);
    private final IGrowArray gw = new IGrowArray();
    private final DGrowArray gx = new DGrowArray();
    private final GrowArray<Workspace_MT_DSCC> mtWork = new GrowArray<>(Workspace_MT_DSCC::new);
    private final GrowArray<DGrowArray> mtDense = new GrowArray<>(DGrowArray::new);

    /** Converts {@code a} to EJML's CSC (untimed). */
    EjmlPeer(CsrMatrix m) {
        a = Ejml.fromCsr(m);
    }

    /** {@code C = A·A}, single-threaded, into the reused output. */
    DMatrixSparseCSC square() {
        return CommonOps_DSCC.mult(a, a, c, gw, gx);
    }

    /** {@code C = A·A} with {@code CommonOps_MT_DSCC}, into the reused output. */
    DMatrixSparseCSC squareMt() {
        return CommonOps_MT_DSCC.mult(a, a, cMt, mtWork);
    }

    /** {@code y = A·x}: x is {@code cols × 1}, y is {@code rows × 1}. */
    void multiply(DMatrixRMaj x, DMatrixRMaj y) {
        CommonOps_DSCC.mult(a, x, y);
    }

    /** {@code y = A·x} with {@code CommonOps_MT_DSCC}. */
    void multiplyMt(DMatrixRMaj x, DMatrixRMaj y) {
        CommonOps_MT_DSCC.mult(a, x, y, mtDense);
    }

    /**
     * The entries of an EJML CSC matrix as triplets, for the cross-check: its arrays read as the CSR of its
     * transpose ({@link Ejml#csrOfTranspose}, no copy, unsorted columns allowed), rows and columns swapped.
     */
    static ResultCheck.Triplets triplets(DMatrixSparseCSC m) {
        ResultCheck.Triplets t = KernelSuite.triplets(Ejml.csrOfTranspose(m));
        return new ResultCheck.Triplets(t.cols(), t.rows(), t.c(), t.r(), t.v(), t.n());
    }
}
