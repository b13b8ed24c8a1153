package org.sparrow.interop.ojalgo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.matrix.store.SparseStore;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.precond.Ic0;
import org.sparrow.testing.SharedData;

/**
 * A user's ojAlgo matrix solved by Sparrow's preconditioned CG, against ojAlgo's own Cholesky solution of
 * the same system, on a real SPD matrix of the shared collection; and the README's example, compiled and run.
 */
class OjalgoSolveTest {

    /** 494_bus (HB, power network, SPD, 494×494) as the ojAlgo {@code SparseStore} a user would hold. */
    private static SparseStore<Double> theirMatrix() throws IOException {
        return Ojalgo.fromCsr(MatrixMarket.readCsr(SharedData.file("small/494_bus.mtx")));
    }

    private static R064Store randomRhs(int n) {
        return Ojalgo.fromVector(new Random(494).doubles(n, -1, 1).toArray());
    }

    /** ojAlgo's answer: its dense Cholesky on a dense copy of the sparse store. */
    private static double[] ojalgoSolution(SparseStore<Double> a, R064Store b) {
        Cholesky<Double> chol = Cholesky.R064.make(a);
        assertTrue(chol.decompose(R064Store.FACTORY.copy(a)), "ojAlgo's Cholesky factors 494_bus");
        MatrixStore<Double> x = chol.getSolution(b);
        return Ojalgo.toDense(x).data();
    }

    @Test
    void sparrowsCgSolvesAnOjalgoMatrixAsOjalgosCholeskyDoes() throws IOException {
        SparseStore<Double> a = theirMatrix();
        R064Store b = randomRhs(a.getRowDim());
        double[] expected = ojalgoSolution(a, b);

        CsrMatrix csr = Ojalgo.toCsr(a);
        SolverResult r = Cg.solve(csr, Ojalgo.toVector(b), Ic0.of(csr), SolverOptions.defaults().withRelativeTolerance(1e-12));
        assertTrue(r.converged(), r.toString());
        double[] diff = r.solution().clone();
        Blas.axpy(-1.0, expected, diff);
        double rel = Blas.norm2(diff) / Blas.norm2(expected);
        assertTrue(rel < 1e-7, "‖x_sparrow − x_ojalgo‖/‖x_ojalgo‖ = " + rel);
    }

    @Test
    void theReadmeExampleReplacesOjalgosSolverInThreeLines() throws IOException {
        SparseStore<Double> a = theirMatrix();
        R064Store b = randomRhs(a.getRowDim());
        // --- README "Replace ojAlgo's solver by Sparrow's" (keep in step with README.md) ---
        CsrMatrix A = Ojalgo.toCsr(a);                                              // O(nnz) copy
        SolverResult r = Cg.solve(A, Ojalgo.toVector(b), Ic0.of(A), SolverOptions.defaults());
        R064Store x = Ojalgo.fromVector(r.solution());                              // wraps, no copy
        // --- end of the README example ---
        assertTrue(r.converged(), r.toString());
        double[] expected = ojalgoSolution(a, b);
        double[] diff = x.data.clone();
        Blas.axpy(-1.0, expected, diff);
        assertTrue(Blas.norm2(diff) / Blas.norm2(expected) < 1e-4, "the default tolerance's answer agrees with ojAlgo's");
    }
}
