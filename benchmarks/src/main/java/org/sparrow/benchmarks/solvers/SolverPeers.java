package org.sparrow.benchmarks.solvers;

import no.uib.cipr.matrix.DenseVector;
import no.uib.cipr.matrix.sparse.AbstractIterativeSolver;
import no.uib.cipr.matrix.sparse.BiCGstab;
import no.uib.cipr.matrix.sparse.CG;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import no.uib.cipr.matrix.sparse.DefaultIterationMonitor;
import no.uib.cipr.matrix.sparse.DiagonalPreconditioner;
import no.uib.cipr.matrix.sparse.GMRES;
import no.uib.cipr.matrix.sparse.ICC;
import no.uib.cipr.matrix.sparse.ILU;
import no.uib.cipr.matrix.sparse.IterativeSolverNotConvergedException;
import no.uib.cipr.matrix.sparse.Preconditioner;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.ConjugateGradient;
import org.apache.commons.math3.linear.JacobiPreconditioner;
import org.apache.commons.math3.linear.NonPositiveDefiniteOperatorException;
import org.apache.commons.math3.linear.OpenMapRealMatrix;
import org.apache.commons.math3.linear.RealLinearOperator;
import org.apache.commons.math3.linear.RealVector;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Diagonal;
import org.sparrow.core.ops.Spmv;
import org.sparrow.interop.commonsmath.CommonsMath;
import org.sparrow.interop.mtj.Mtj;

/**
 * The Java peers of the solver suite, each through its own public API and its own sparse format, built
 * once per matrix (untimed):
 * <ul>
 *   <li>MTJ 1.0.4: {@link CompRowMatrix}; {@link CG}, {@link BiCGstab}, {@link GMRES} (restart m) with no
 *       preconditioner, {@link DiagonalPreconditioner} (Jacobi), {@link ILU} (ILU(0)) or {@link ICC} (IC(0));
 *       a {@link DefaultIterationMonitor} with the same relative tolerance and iteration limit, no absolute
 *       floor and no divergence test. MTJ stops on ‖r‖ &lt; tol·‖r₀‖ with r the true residual for CG and
 *       BiCGstab, and GMRES's left-preconditioned residual estimate M⁻¹(b − A·x).</li>
 *   <li>Commons Math 3.6.1: {@link ConjugateGradient} (stops on ‖r‖ ≤ δ·‖b‖) with no preconditioner
 *       or {@link JacobiPreconditioner}, on a {@link RealLinearOperator} over the CSR matrix
 *       ({@link #commonsOperator}: the sparrow-commons-math view, Sparrow's SpMV on one thread). Commons Math's own sparse matrix, {@link OpenMapRealMatrix},
 *       cannot serve: its {@code operate} is {@code AbstractRealMatrix}'s, which calls {@code getEntry}
 *       (a hash lookup) for all n² positions, so one product on bcsstk15 (n = 3948) costs 15.6 million
 *       lookups and a CG solve takes minutes. The comparison is therefore Commons Math's CG algorithm and
 *       vectors with a fast product.</li>
 * </ul>
 * Every solve starts from x₀ = 0. A peer that does not converge throws; the attempt is recorded with
 * its iteration count and {@code converged = false}.
 */
final class SolverPeers {

    /** What one peer solve produced. */
    record Outcome(double[] x, int iterations, boolean converged, String note) {
    }

    private SolverPeers() {
    }

    /** MTJ's copy of {@code a} (through the sparrow-mtj adapter; MTJ keeps each row's columns sorted). */
    static CompRowMatrix mtjMatrix(CsrMatrix a) {
        return Mtj.toCompRowMatrix(a);
    }

    /**
     * {@code A} as a Commons Math operator (the sparrow-commons-math adapter's view) whose product is
     * Sparrow's SpMV kernel on one thread, as MTJ's and Commons Math's own products run.
     */
    static RealLinearOperator commonsOperator(CsrMatrix a) {
        return CommonsMath.toRealLinearOperator(LinearOperator.of(a.rows(), a.cols(),
                (x, y) -> Spmv.apply(a, x, y, 1), (x, y) -> Spmv.applyTranspose(a, x, y, 1)));
    }

    /** Whether MTJ has this method and preconditioner. */
    static boolean mtjHas(String method, String precond) {
        return (method.equals("cg") || method.equals("bicgstab") || method.equals("gmres"))
                && !precond.equals("ssor");
    }

    /**
     * One MTJ solve, preconditioner set-up included.
     *
     * @param method "cg", "bicgstab" or "gmres"
     * @param precond "none", "jacobi", "ilu0" or "ic0"
     */
    static Outcome mtj(CompRowMatrix a, double[] b, String method, String precond, double tol, int maxit, int restart) {
        DenseVector bv = new DenseVector(b, false);
        DenseVector x = new DenseVector(a.numColumns());
        AbstractIterativeSolver s = switch (method) {
            case "cg" -> new CG(x);
            case "bicgstab" -> new BiCGstab(x);
            case "gmres" -> new GMRES(x, restart);
            default -> throw new IllegalArgumentException("MTJ has no " + method);
        };
        Preconditioner m = switch (precond) {
            case "none" -> null;
            case "jacobi" -> new DiagonalPreconditioner(a.numRows());
            case "ilu0" -> new ILU(a.copy());
            case "ic0" -> new ICC(a.copy());
            default -> throw new IllegalArgumentException("MTJ has no " + precond);
        };
        if (m != null) {
            m.setMatrix(a);
            s.setPreconditioner(m);
        }
        DefaultIterationMonitor monitor = new DefaultIterationMonitor(maxit, tol, 0.0, Double.MAX_VALUE);
        s.setIterationMonitor(monitor);
        try {
            s.solve(a, bv, x);
            return new Outcome(x.getData(), monitor.iterations(), true, "");
        } catch (IterativeSolverNotConvergedException e) {
            return new Outcome(x.getData(), monitor.iterations(), false, String.valueOf(e.getReason()));
        } catch (RuntimeException e) {
            return new Outcome(x.getData(), monitor.iterations(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** One Commons Math CG solve ("none" or "jacobi"), preconditioner set-up included. */
    static Outcome commonsCg(CsrMatrix a, double[] b, String precond, double tol, int maxit) {
        RealLinearOperator op = commonsOperator(a);
        ConjugateGradient cg = new ConjugateGradient(maxit, tol, false);
        RealVector bv = new ArrayRealVector(b, false);
        RealVector x = new ArrayRealVector(a.cols());
        try {
            if (precond.equals("jacobi")) {
                cg.solveInPlace(op, new JacobiPreconditioner(Diagonal.of(a), false), bv, x);
            } else {
                cg.solveInPlace(op, bv, x);
            }
            return new Outcome(x.toArray(), cg.getIterationManager().getIterations(), true, "");
        } catch (MaxCountExceededException e) {
            return new Outcome(x.toArray(), cg.getIterationManager().getIterations(), false, "max iterations");
        } catch (NonPositiveDefiniteOperatorException e) {
            return new Outcome(x.toArray(), cg.getIterationManager().getIterations(), false, "not positive definite");
        }
    }
}
