package org.sparrow.spark;

import java.util.Random;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.sketching.lstsq.LeastSquares;
import org.sparrow.sketching.lstsq.LeastSquaresMethod;
import org.sparrow.sketching.lstsq.LeastSquaresOptions;
import org.sparrow.sketching.lstsq.LeastSquaresResult;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Bicgstab;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.krylov.Gmres;
import org.sparrow.solvers.krylov.Lsmr;
import org.sparrow.solvers.krylov.Lsqr;
import org.sparrow.solvers.krylov.Minres;
import org.sparrow.solvers.precond.Jacobi;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * Solves with a {@link DistributedCsrMatrix}: Sparrow's local Krylov solvers and least-squares methods run
 * unchanged on the driver over a {@link DistributedOperator} (products distributed, vector updates on the
 * driver), and return the same records as the local calls — {@link AutoSolver.Solution} and
 * {@link LeastSquaresResult}, with the true residual recomputed at the end (by distributed products).
 * Distributed and local runs of the same method take the same iterations to the same answer, up to the
 * rounding of the transposed product's sums.
 *
 * <p>What needs the whole matrix on one machine is refused with a sentence that says so: the direct
 * methods, dense QR, and the incomplete factorizations (SSOR, ILU(0), IC(0) are sequential sweeps over
 * all rows). The Jacobi preconditioner needs only the diagonal, which is gathered from the blocks.
 *
 * <p>{@code auto} follows {@link AutoSolver#choose}'s rules with what can be learnt cheaply from a
 * distributed matrix: rectangular → LSQR; square and symmetric (tested by comparing {@code A·v} with
 * {@code Aᵀ·v} for a seeded random v: equal up to rounding exactly when A is symmetric, with probability
 * one) with a positive diagonal → CG with Jacobi (where the local choice is IC(0)); symmetric otherwise →
 * MINRES; not symmetric → GMRES without a preconditioner (where the local choice is ILU(0)).
 */
public final class DistributedSolvers {

    /** The relative difference ‖A·v − Aᵀ·v‖/‖A·v‖ below which A counts as symmetric (rounding only). */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private DistributedSolvers() {
    }

    /**
     * Solves {@code A·x = b} (or least squares for LSQR and LSMR) with a distributed A.
     *
     * @param a       Input: the distributed matrix, m × n
     * @param b       Input: the right-hand side, length m, finite; not modified
     * @param method  the method; null means {@link SolverMethod#AUTO}
     * @param precond none, Jacobi, or null for the default (auto's choice, else none)
     * @param o       the options; null means {@link SolverOptions#defaults()}
     * @return the choice and the solver's result, as {@link AutoSolver#solve} returns them
     * @throws IllegalArgumentException for a shape mismatch, a non-finite b, a method or preconditioner that
     *                                  does not suit the matrix or needs the whole matrix on one machine
     */
    public static AutoSolver.Solution solve(DistributedCsrMatrix a, double[] b, SolverMethod method,
                                            PreconditionerKind precond, SolverOptions o) {
        if (a == null) {
            throw new IllegalArgumentException("the distributed matrix A is null");
        }
        Checks.checkNotNull(b, "the right-hand side b");
        Checks.checkLength("b", b, a.rows(), "A", a.rows(), a.cols(), "its row count");
        AutoSolver.checkFinite(b, "b");
        SolverOptions opts = o == null ? SolverOptions.defaults() : o;
        DistributedOperator op = new DistributedOperator(a);
        AutoSolver.Choice choice = choose(op, method == null ? SolverMethod.AUTO : method, precond);
        long t0 = System.nanoTime();
        Preconditioner m = null;
        if (choice.preconditioner() == PreconditionerKind.JACOBI) {
            m = Jacobi.ofDiagonal(op.diagonal());
        }
        double setup = (System.nanoTime() - t0) * 1e-9;
        SolverResult r = switch (choice.method()) {
            case CG -> Cg.solve(op, b, m, opts);
            case BICGSTAB -> Bicgstab.solve(op, b, m, opts);
            case GMRES -> Gmres.solve(op, b, m, opts);
            case MINRES -> Minres.solve(op, b, m, opts);
            case LSQR -> Lsqr.solve(op, b, opts);
            case LSMR -> Lsmr.solve(op, b, opts);
            default -> throw new IllegalStateException("no distributed runner for " + choice.method());
        };
        return new AutoSolver.Solution(choice, r, null, setup, m == null ? null : m.view());
    }

    /**
     * Overdetermined least squares {@code min ‖A·x − b‖₂} with a distributed A by the options' method:
     * sketch-and-precondition (S·A formed where the rows live and summed, R factored on the driver, LSQR's
     * products distributed), sketch-and-solve, or LSQR — the local algorithm of
     * {@link LeastSquares#solve(org.sparrow.core.LinearOperator, double[], LeastSquaresOptions)}, with
     * ‖A‖_F computed exactly, so the same iterations and the same recomputed figures.
     *
     * @param a Input: the n × d distributed matrix, n ≥ d ≥ 1
     * @param b Input: length n, finite
     * @param o Input: method, sketch, sketch rows, ε, δ, seed, tolerance, iteration limit
     * @return the solution and the recomputed residual figures
     * @throws IllegalArgumentException for a shape mismatch, dense QR (it needs the whole matrix), or as the
     *                                  local call
     */
    public static LeastSquaresResult leastSquares(DistributedCsrMatrix a, double[] b, LeastSquaresOptions o) {
        if (a == null) {
            throw new IllegalArgumentException("the distributed matrix A is null");
        }
        if (o != null && o.method() == LeastSquaresMethod.QR) {
            throw new IllegalArgumentException("dense QR needs the whole matrix on one machine: on Spark use "
                    + "sketch-precondition (the default), sketch-solve or lsqr");
        }
        return LeastSquares.solve(new DistributedOperator(a), b, o);
    }

    /** The method and preconditioner to run, checked against the matrix. */
    private static AutoSolver.Choice choose(DistributedOperator op, SolverMethod method, PreconditionerKind precond) {
        int rows = op.rows();
        int cols = op.cols();
        if (precond != null && precond != PreconditionerKind.NONE && precond != PreconditionerKind.JACOBI) {
            throw new IllegalArgumentException("the " + precond.displayName() + " preconditioner sweeps over all rows "
                    + "of the matrix on one machine: with a distributed matrix use jacobi or none");
        }
        if (method.isDirect()) {
            throw new IllegalArgumentException(method.displayName() + " is a direct factorization of the whole matrix "
                    + "on one machine: with a distributed matrix use an iterative method (cg, bicgstab, gmres, "
                    + "minres, lsqr, lsmr) or run `sparrow solve` locally");
        }
        boolean named = precond != null;
        PreconditionerKind p = named ? precond : PreconditionerKind.NONE;
        if (method == SolverMethod.AUTO) {
            if (rows != cols) {
                if (named && precond != PreconditionerKind.NONE) {
                    throw new IllegalArgumentException("A is rectangular (" + rows + "×" + cols + "), so auto solves "
                            + "least squares by LSQR, which takes no preconditioner (got " + precond.cliName() + ")");
                }
                return new AutoSolver.Choice(SolverMethod.LSQR, PreconditionerKind.NONE, "A is rectangular (" + rows
                        + "×" + cols + "), so x minimizes ‖A·x − b‖ by LSQR");
            }
            if (!symmetric(op)) {
                return new AutoSolver.Choice(SolverMethod.GMRES, p, "A is not symmetric, so GMRES (restarted)"
                        + (named ? "" : " without a preconditioner (ILU(0) needs the whole matrix on one machine)"));
            }
            int bad = firstNonPositive(op.diagonal());
            if (bad < 0) {
                PreconditionerKind q = named ? precond : PreconditionerKind.JACOBI;
                return new AutoSolver.Choice(SolverMethod.CG, q, "A is symmetric with a positive diagonal (likely "
                        + "positive definite), so CG" + (named ? "" : " with a Jacobi preconditioner (IC(0) needs the "
                        + "whole matrix on one machine)"));
            }
            return new AutoSolver.Choice(named && p != PreconditionerKind.NONE ? SolverMethod.GMRES : SolverMethod.MINRES,
                    p, "A is symmetric but its diagonal is not positive (row " + (bad + 1) + "), so it may be indefinite: "
                    + (named && p != PreconditionerKind.NONE ? "GMRES" : "MINRES"));
        }
        if (method.needsSquare() && rows != cols) {
            throw new IllegalArgumentException(method.displayName() + " needs a square matrix, and A is " + rows + "×"
                    + cols + ": use lsqr or lsmr for least squares");
        }
        if (!method.takesPreconditioner() && p != PreconditionerKind.NONE) {
            throw new IllegalArgumentException(method.displayName() + " takes no preconditioner (got "
                    + p.cliName() + ")");
        }
        if (method.needsSymmetric() && !symmetric(op)) {
            throw new IllegalArgumentException(method.displayName() + " needs a symmetric matrix, and A·v differs from "
                    + "Aᵀ·v for a random v, so A is not symmetric: use gmres or bicgstab");
        }
        return new AutoSolver.Choice(method, p, method.displayName() + " as asked");
    }

    /** Whether A·v = Aᵀ·v up to rounding for a seeded random v (two distributed products). */
    static boolean symmetric(DistributedOperator op) {
        int n = op.rows();
        if (n != op.cols()) {
            return false;
        }
        Random rnd = new Random(0x5eed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() - 0.5;
        }
        double[] av = new double[n];
        double[] atv = new double[n];
        op.apply(v, av);
        op.applyTranspose(v, atv);
        double scale = Blas.norm2(av);
        for (int i = 0; i < n; i++) {
            atv[i] -= av[i];
        }
        return Blas.norm2(atv) <= SYMMETRY_TOLERANCE * scale;
    }

    private static int firstNonPositive(double[] d) {
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] > 0)) {
                return i;
            }
        }
        return -1;
    }
}
