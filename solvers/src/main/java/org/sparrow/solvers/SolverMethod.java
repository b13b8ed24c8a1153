package org.sparrow.solvers;

import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.direct.SparseCholesky;
import org.sparrow.solvers.direct.SparseLu;
import org.sparrow.solvers.direct.SparseQr;
import org.sparrow.solvers.krylov.Bicgstab;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.krylov.Gmres;
import org.sparrow.solvers.krylov.Lsmr;
import org.sparrow.solvers.krylov.Lsqr;
import org.sparrow.solvers.krylov.Minres;
import org.sparrow.solvers.precond.Amg;
import org.sparrow.solvers.precond.AmgOptions;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * The solve methods by name: the one registry (in the style of PETSc's {@code KSPRegister}) that the
 * CLI's {@code --method}, its help, {@link AutoSolver}'s dispatch and {@link SolverResult#method()} all
 * read. Each constant knows its CLI name, the name messages use, one line of description, what it
 * needs of the matrix (square, symmetric), whether it takes a preconditioner, and how to run it.
 */
public enum SolverMethod {
    /**
     * Picked from the matrix by {@link AutoSolver#choose}, with fallbacks (see {@link AutoSolver}); never
     * the method of a {@link SolverResult}.
     */
    AUTO("auto", "auto", "picked from the matrix, with fallbacks (the default)", Flags.ANY, null),
    /** {@link Cg}: conjugate gradients, for a symmetric positive definite A. */
    CG("cg", "CG", "conjugate gradients, for a symmetric positive definite A", Flags.SYMMETRIC | Flags.PRECONDITIONED,
            Cg::solve),
    /** {@link Bicgstab}: BiCGSTAB, for a general square A. */
    BICGSTAB("bicgstab", "BiCGSTAB", "BiCGSTAB, for a general square A", Flags.SQUARE | Flags.PRECONDITIONED,
            Bicgstab::solve),
    /** {@link Gmres}: restarted GMRES(m), for a general square A. */
    GMRES("gmres", "GMRES", "restarted GMRES(m), for a general square A", Flags.SQUARE | Flags.PRECONDITIONED,
            Gmres::solve),
    /** {@link Minres}: MINRES, for a symmetric (possibly indefinite) A. */
    MINRES("minres", "MINRES", "MINRES, for a symmetric (possibly indefinite) A; an SPD preconditioner only",
            Flags.SYMMETRIC | Flags.PRECONDITIONED, Minres::solve),
    /** {@link Lsqr}: LSQR, least squares for A of any shape. */
    LSQR("lsqr", "LSQR", "LSQR, least squares for A of any shape", Flags.ANY,
            (a, b, m, o) -> Lsqr.solve(a, b, o)),
    /** {@link Lsmr}: LSMR, least squares for A of any shape. */
    LSMR("lsmr", "LSMR", "LSMR, least squares for A of any shape", Flags.ANY,
            (a, b, m, o) -> Lsmr.solve(a, b, o)),
    /** {@link Amg#solve}: smoothed-aggregation multigrid V-cycles alone, for a symmetric positive definite A. */
    AMG("amg", "AMG", "smoothed-aggregation algebraic multigrid V-cycles alone, for a symmetric positive definite A",
            Flags.SYMMETRIC, (a, b, m, o) -> Amg.solve(a, b, AmgOptions.defaults(), o)),
    /** {@link SparseCholesky}: sparse Cholesky, direct, for a symmetric positive definite A. */
    CHOLESKY("cholesky", "Cholesky", "sparse Cholesky (direct), for a symmetric positive definite A",
            Flags.SYMMETRIC | Flags.DIRECT, (a, b, m, o) -> SparseCholesky.solve(a, b)),
    /** {@link SparseLu}: sparse LU with partial pivoting, direct, for a general square A. */
    LU("lu", "LU", "sparse LU with partial pivoting (direct), for a general square A", Flags.SQUARE | Flags.DIRECT,
            (a, b, m, o) -> SparseLu.solve(a, b)),
    /** {@link SparseQr}: sparse QR, direct least squares for A of any shape. */
    QR("qr", "QR", "sparse QR (direct), least squares for A of any shape", Flags.ANY | Flags.DIRECT,
            (a, b, m, o) -> SparseQr.solve(a, b));

    /** How a method runs on a CSR matrix; the direct and least-squares methods ignore {@code m}. */
    @FunctionalInterface
    interface Runner {
        SolverResult run(CsrMatrix a, double[] b, Preconditioner m, SolverOptions o);
    }

    private static final class Flags {
        static final int ANY = 0;
        static final int SQUARE = 1;
        static final int SYMMETRIC = 2 | SQUARE;
        static final int PRECONDITIONED = 4;
        static final int DIRECT = 8;
    }

    private final String cliName;
    private final String displayName;
    private final String description;
    private final int flags;
    private final Runner runner;

    SolverMethod(String cliName, String displayName, String description, int flags, Runner runner) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.description = description;
        this.flags = flags;
        this.runner = runner;
    }

    /** {@return the lower-case name of the CLI and the JSON output ("cg", "gmres", "lu", …)} */
    public String cliName() {
        return cliName;
    }

    /** {@return the name in messages and reports ("CG", "BiCGSTAB", "LU", …)} */
    public String displayName() {
        return displayName;
    }

    /**
     * One line for the CLI help.
     *
     * @return a one-line description for the CLI help
     */
    public String description() {
        return description;
    }

    /** {@return whether A must be square (every method but LSQR, LSMR and QR, which solve least squares)} */
    public boolean needsSquare() {
        return (flags & Flags.SQUARE) != 0;
    }

    /** {@return whether A must be symmetric (CG, MINRES, Cholesky): refused up front otherwise} */
    public boolean needsSymmetric() {
        return (flags & Flags.SYMMETRIC) == Flags.SYMMETRIC;
    }

    /** {@return whether the method solves least-squares problems and reports a normal-equation residual} */
    public boolean isLeastSquares() {
        return this == LSQR || this == LSMR || this == QR;
    }

    /** {@return whether the method is a direct factorization} */
    public boolean isDirect() {
        return (flags & Flags.DIRECT) != 0;
    }

    /** {@return whether the method takes a preconditioner (CG, BiCGSTAB, GMRES, MINRES)} */
    public boolean takesPreconditioner() {
        return (flags & Flags.PRECONDITIONED) != 0;
    }

    /**
     * Runs this method (no checks beyond the method's own; {@link AutoSolver#solve} checks first).
     *
     * @param m the preconditioner, or {@code null}; ignored unless {@link #takesPreconditioner()}
     * @throws IllegalArgumentException for {@link #AUTO}, which is not one method
     */
    SolverResult run(CsrMatrix a, double[] b, Preconditioner m, SolverOptions o) {
        if (runner == null) {
            throw new IllegalArgumentException("auto is not one method: it picks one from the matrix");
        }
        return runner.run(a, b, m, o);
    }

    /** {@return the names that {@link #parse} accepts, comma-separated, "auto" first} */
    public static String names() {
        StringBuilder s = new StringBuilder();
        for (SolverMethod m : values()) {
            s.append(s.isEmpty() ? "" : ", ").append(m.cliName);
        }
        return s.toString();
    }

    /**
     * Parses a CLI name, case-insensitively; the error lists the valid names.
     *
     * @param name the name, e.g. {@code "gmres"}
     * @return the method it names
     * @throws IllegalArgumentException for an unknown name
     */
    public static SolverMethod parse(String name) {
        if (name != null) {
            String n = name.trim();
            for (SolverMethod m : values()) {
                if (m.cliName.equalsIgnoreCase(n)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "': expected one of " + names());
    }
}
