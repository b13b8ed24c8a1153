package org.sparrow.solvers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Blas;
import org.sparrow.interop.ejml.Ejml;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.precond.Ic0;
import org.sparrow.testing.SharedData;

/**
 * A user's EJML matrix solved by Sparrow's preconditioned CG, against EJML's own sparse Cholesky
 * ({@code LinearSolverFactory_DSCC}) on a real SPD matrix of the shared collection; and the example of
 * interop/ejml/README.md, compiled and run. These live here, not in interop/ejml, because solvers depends on
 * the adapter (its direct solvers hand matrices to EJML through it): the adapter's own tests cannot depend on
 * solvers without a cycle.
 */
class EjmlInteropTest {

    /** 494_bus (HB, power network, SPD, 494×494) as the EJML matrix a user would hold. */
    private static DMatrixSparseCSC theirMatrix() throws IOException {
        return Ejml.fromCsr(MatrixMarket.readCsr(SharedData.file("small/494_bus.mtx")));
    }

    private static DMatrixRMaj randomRhs(int n) {
        return Ejml.fromVector(new Random(494).doubles(n, -1, 1).toArray());
    }

    /** EJML's answer: its sparse up-looking Cholesky, natural ordering. */
    private static double[] ejmlSolution(DMatrixSparseCSC a, DMatrixRMaj b) {
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> chol =
                LinearSolverFactory_DSCC.cholesky(org.ejml.sparse.FillReducing.NONE);
        assertTrue(chol.setA(a.copy()), "EJML's Cholesky factors 494_bus");
        DMatrixRMaj x = new DMatrixRMaj(a.numCols, 1);
        chol.solve(b.copy(), x);
        return x.data;
    }

    private static double relativeDifference(double[] x, double[] expected) {
        double[] d = x.clone();
        Blas.axpy(-1.0, expected, d);
        return Blas.norm2(d) / Blas.norm2(expected);
    }

    @Test
    void sparrowsCgOnAnEjmlMatrixMatchesEjmlsSparseCholesky() throws IOException {
        DMatrixSparseCSC a = theirMatrix();
        DMatrixRMaj b = randomRhs(a.numRows);
        double[] expected = ejmlSolution(a, b);

        SolverResult r = Cg.solve(Ejml.operator(a), Ejml.toVector(b), Ic0.of(Ejml.toCsr(a)),
                SolverOptions.defaults().withRelativeTolerance(1e-12));
        assertTrue(r.converged(), r.toString());
        double rel = relativeDifference(r.solution(), expected);
        assertTrue(rel < 1e-7, "‖x_sparrow − x_ejml‖/‖x_ejml‖ = " + rel);
    }

    @Test
    void theReadmeExampleReplacesEjmlsSolverInThreeLines() throws IOException {
        DMatrixSparseCSC a = theirMatrix();
        DMatrixRMaj b = randomRhs(a.numRows);
        // --- interop/ejml/README.md "Replace EJML's solver by Sparrow's" (keep in step) ---
        CsrMatrix A = Ejml.toCsr(a);                                                // O(nnz) copy
        SolverResult r = Cg.solve(A, Ejml.toVector(b), Ic0.of(A), SolverOptions.defaults());
        DMatrixRMaj x = Ejml.fromVector(r.solution());                              // wraps, no copy
        // --- end of the README example ---
        assertTrue(r.converged(), r.toString());
        assertTrue(relativeDifference(x.data, ejmlSolution(a, b)) < 1e-4, "the default tolerance's answer agrees with EJML's");
    }
}
