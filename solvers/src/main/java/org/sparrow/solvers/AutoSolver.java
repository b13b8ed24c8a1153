package org.sparrow.solvers;

import java.util.List;
import java.util.Locale;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.MatrixStatistics;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Diagonal;
import org.sparrow.solvers.direct.SparseCholesky;
import org.sparrow.solvers.direct.SparseLu;
import org.sparrow.solvers.direct.SparseQr;
import org.sparrow.solvers.krylov.Bicgstab;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.krylov.Gmres;
import org.sparrow.solvers.krylov.Lsmr;
import org.sparrow.solvers.krylov.Lsqr;
import org.sparrow.solvers.krylov.Minres;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;
import org.sparrow.solvers.precond.Ic0;
import org.sparrow.solvers.precond.Ilu0;
import org.sparrow.solvers.precond.Jacobi;
import org.sparrow.solvers.precond.Preconditioner;
import org.sparrow.solvers.precond.Ssor;

/**
 * Solves {@code A·x = b} (or {@code min ‖A·x − b‖} for a rectangular A) by name, and picks the method
 * from the matrix when asked to: what {@code sparrow solve} runs, as one library call.
 *
 * <p>{@link #choose} looks at the shape, the symmetry and the diagonal:
 * <ul>
 *   <li>rectangular → LSQR (least squares, no preconditioner);</li>
 *   <li>symmetric with a positive diagonal → CG + IC(0) (the likely SPD case; if CG breaks down because
 *       the matrix or the factor turns out indefinite, {@link #solve} falls back to MINRES + Jacobi, which
 *       needs only symmetry and a positive diagonal, and says so in {@link Solution#fallback()});</li>
 *   <li>symmetric otherwise → MINRES, unpreconditioned (MINRES needs an SPD preconditioner, and with a
 *       diagonal that is not positive none of Sparrow's is guaranteed to be one);</li>
 *   <li>nonsymmetric → GMRES(m) + ILU(0), m = {@link SolverOptions#restart()} (50 by default).</li>
 * </ul>
 * Symmetry is exact, {@code a_ij == a_ji}, as {@link MatrixStatistics#numericallySymmetric()} tests it.
 *
 * <p>Method names: {@value #METHOD_NAMES}; preconditioner names: {@value #PRECONDITIONER_NAMES}.
 * The direct methods ({@code cholesky}, {@code lu}, {@code qr}) and the least-squares methods
 * ({@code lsqr}, {@code lsmr}) take no preconditioner.
 */
public final class AutoSolver {

    /** Every method {@link #solve} accepts, "auto" first. */
    public static final List<String> METHODS =
            List.of("auto", "cg", "bicgstab", "gmres", "minres", "lsqr", "lsmr", "cholesky", "lu", "qr");

    /** Every preconditioner {@link #solve} accepts. */
    public static final List<String> PRECONDITIONERS = List.of("none", "jacobi", "ssor", "ilu0", "ic0");

    /** The method names as one string, for messages and documentation. */
    public static final String METHOD_NAMES = "auto, cg, bicgstab, gmres, minres, lsqr, lsmr, cholesky, lu, qr";

    /** The preconditioner names as one string, for messages and documentation. */
    public static final String PRECONDITIONER_NAMES = "none, jacobi, ssor, ilu0, ic0";

    /** The SSOR relaxation factor ω used by name ("ssor"): 1, symmetric Gauss–Seidel. */
    public static final double SSOR_OMEGA = 1.0;

    private AutoSolver() {
    }

    /**
     * What {@code auto} picked, or what was asked for.
     *
     * @param method         the method's name, e.g. "cg"
     * @param preconditioner the preconditioner's name, "none" when there is none
     * @param reason         one sentence: why this method (for an explicit method, that it was asked for)
     */
    public record Choice(String method, String preconditioner, String reason) {
    }

    /**
     * The outcome of {@link #solve}.
     *
     * @param choice        the method and preconditioner that were asked for or picked, and why
     * @param result        what the solver that produced the answer reported (after a fallback: the
     *                      fallback's result, so its method and preconditioner are the ones that ran)
     * @param fallback      one sentence when {@code auto} had to fall back to another method (what failed,
     *                      and what ran instead), {@code null} otherwise
     * @param setupSeconds  wall-clock seconds spent building preconditioners (every one built, the
     *                      fallback's included); the solve itself is {@code result.seconds()}
     */
    public record Solution(Choice choice, SolverResult result, String fallback, double setupSeconds) {
    }

    /**
     * Picks a method and preconditioner for {@code a} (see the class comment for the rules).
     *
     * @param a Input: the matrix
     * @return the choice, with the reason in one sentence
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static Choice choose(CsrMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("matrix A is null");
        }
        if (a.rows() != a.cols()) {
            return new Choice("lsqr", "none", "A is rectangular (" + a.rows() + "×" + a.cols()
                    + "), so x minimizes ‖A·x − b‖ by LSQR");
        }
        if (!MatrixStatistics.of(a).numericallySymmetric()) {
            return new Choice("gmres", "ilu0", "A is not symmetric, so GMRES (restarted) with an ILU(0) preconditioner");
        }
        int bad = firstNonPositiveDiagonal(a);
        if (bad < 0) {
            return new Choice("cg", "ic0", "A is symmetric with a positive diagonal (likely positive definite), "
                    + "so CG with an IC(0) preconditioner");
        }
        double d = Diagonal.of(a)[bad];
        return new Choice("minres", "none", "A is symmetric but its diagonal is not positive (A(" + (bad + 1) + ", "
                + (bad + 1) + ") = " + number(d) + "), so it may be indefinite: MINRES");
    }

    /**
     * Solves {@code A·x = b} with the named method and preconditioner.
     *
     * <p>Checks first, with one-sentence messages: A and b are finite (the first bad entry is named,
     * 1-based), b has {@code rows(A)} entries, square methods get a square A, the preconditioner suits the
     * method. A zero b gives x = 0 without iterating (relative residual 0).
     *
     * @param a       Input: the matrix, m × n
     * @param b       Input: the right-hand side, length m; not modified
     * @param method  one of {@link #METHODS}; null means "auto"
     * @param precond one of {@link #PRECONDITIONERS}, or null / "auto" for the default: the choice's
     *                preconditioner when the method is auto, "none" otherwise
     * @param o       the solver options (tolerance, iterations, restart, listener); null means
     *                {@link SolverOptions#defaults()}
     * @return the solution with the choice and any fallback
     * @throws IllegalArgumentException for a bad name, a shape mismatch or a non-finite input
     */
    public static Solution solve(CsrMatrix a, double[] b, String method, String precond, SolverOptions o) {
        if (a == null) {
            throw new IllegalArgumentException("matrix A is null");
        }
        if (b == null) {
            throw new IllegalArgumentException("right-hand side b is null");
        }
        SolverOptions opts = o == null ? SolverOptions.defaults() : o;
        String m = method == null ? "auto" : method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; expected one of " + METHOD_NAMES);
        }
        String p = precond == null ? "auto" : precond.toLowerCase(Locale.ROOT);
        if (!p.equals("auto") && !PRECONDITIONERS.contains(p)) {
            throw new IllegalArgumentException("unknown preconditioner '" + precond + "'; expected one of "
                    + PRECONDITIONER_NAMES);
        }
        if (b.length != a.rows()) {
            throw new IllegalArgumentException("b has " + b.length + " entries but A (" + a.rows() + "×" + a.cols()
                    + ") has " + a.rows() + " rows");
        }
        checkFinite(a, "A");
        checkFinite(b, "b");

        Choice choice;
        if (m.equals("auto")) {
            Choice picked = choose(a);
            choice = p.equals("auto") || p.equals(picked.preconditioner()) ? picked
                    : new Choice(picked.method(), p, picked.reason() + " (preconditioner " + p + " as asked)");
        } else {
            choice = new Choice(m, p.equals("auto") ? "none" : p, "asked for");
        }
        checkCombination(a, choice);

        if (isZero(b)) {
            return new Solution(choice, zeroSolution(a, choice), null, 0.0);
        }

        long t0 = System.nanoTime();
        Preconditioner pc;
        try {
            pc = preconditioner(a, choice.preconditioner());
        } catch (RuntimeException e) {
            if (m.equals("auto") && choice.method().equals("cg")) {
                double setup = seconds(t0);
                return minresFallback(a, b, opts, choice, "building the " + label(choice.preconditioner())
                        + " preconditioner failed (" + e.getMessage() + ")", setup);
            }
            throw e;
        }
        double setup = seconds(t0);
        SolverResult r = run(a, b, choice.method(), pc, opts);
        if (m.equals("auto") && choice.method().equals("cg") && r.reason() == StopReason.BREAKDOWN) {
            return minresFallback(a, b, opts, choice, "CG + " + label(choice.preconditioner()) + " broke down after "
                    + r.iterations() + " iterations" + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"), setup);
        }
        return new Solution(choice, r, null, setup);
    }

    /**
     * Builds the named preconditioner for {@code a}.
     *
     * @param a    Input: a square matrix
     * @param name one of {@link #PRECONDITIONERS}
     * @return the preconditioner, or {@code null} for "none"
     * @throws IllegalArgumentException for an unknown name
     */
    public static Preconditioner preconditioner(CsrMatrix a, String name) {
        return switch (name) {
            case "none" -> null;
            case "jacobi" -> Jacobi.of(a);
            case "ssor" -> Ssor.of(a, SSOR_OMEGA);
            case "ilu0" -> Ilu0.of(a);
            case "ic0" -> Ic0.of(a);
            default -> throw new IllegalArgumentException("unknown preconditioner '" + name + "'; expected one of "
                    + PRECONDITIONER_NAMES);
        };
    }

    /**
     * Checks that every stored value of {@code a} is finite.
     *
     * @param a    Input: the matrix
     * @param name how messages call it, e.g. "A" or a file name
     * @throws IllegalArgumentException naming the first non-finite entry in row order, 1-based
     *     ("a.mtx: A(3, 2) = NaN in row 3 is not finite")
     */
    public static void checkFinite(CsrMatrix a, String name) {
        Checks.checkFinite(a, name.equals("A") ? "" : name + ": ", "A");
    }

    /**
     * Checks that every entry of {@code b} is finite.
     *
     * @param b    Input: the vector
     * @param name how messages call it, e.g. "b" or a file name
     * @throws IllegalArgumentException naming the first non-finite entry, 1-based ("b.mtx: b(2) = NaN is not finite")
     */
    public static void checkFinite(double[] b, String name) {
        Checks.checkFinite(b, name.equals("b") ? "" : name + ": ", "b");
    }

    /** Whether {@code method} solves least-squares problems (and so reports a normal-equations residual). */
    public static boolean isLeastSquares(String method) {
        return method.equals("lsqr") || method.equals("lsmr") || method.equals("qr");
    }

    /** Whether {@code method} is a direct factorization. */
    public static boolean isDirect(String method) {
        return method.equals("cholesky") || method.equals("lu") || method.equals("qr");
    }

    private static SolverResult run(CsrMatrix a, double[] b, String method, Preconditioner pc, SolverOptions o) {
        return switch (method) {
            case "cg" -> Cg.solve(a, b, pc, o);
            case "bicgstab" -> Bicgstab.solve(a, b, pc, o);
            case "gmres" -> Gmres.solve(a, b, pc, o);
            case "minres" -> Minres.solve(a, b, pc, o);
            case "lsqr" -> Lsqr.solve(a, b, o);
            case "lsmr" -> Lsmr.solve(a, b, o);
            case "cholesky" -> SparseCholesky.solve(a, b);
            case "lu" -> SparseLu.solve(a, b);
            case "qr" -> SparseQr.solve(a, b);
            default -> throw new IllegalArgumentException("unknown method '" + method + "'; expected one of "
                    + METHOD_NAMES);
        };
    }

    private static Solution minresFallback(CsrMatrix a, double[] b, SolverOptions o, Choice choice, String what,
                                           double setupBefore) {
        long t0 = System.nanoTime();
        Preconditioner jacobi = Jacobi.of(a); // SPD: the diagonal is positive (that is why CG was chosen)
        double setup = setupBefore + seconds(t0);
        SolverResult r = Minres.solve(a, b, jacobi, o);
        String note = what + "; fell back to MINRES + Jacobi, which needs only symmetry and a positive diagonal";
        return new Solution(choice, r, note, setup);
    }

    private static void checkCombination(CsrMatrix a, Choice c) {
        String m = c.method();
        boolean square = a.rows() == a.cols();
        if (!square && !isLeastSquares(m)) {
            throw new IllegalArgumentException(m + " needs a square matrix but A is " + a.rows() + "×" + a.cols()
                    + "; use lsqr, lsmr or qr for least squares");
        }
        if (!c.preconditioner().equals("none")) {
            if (m.equals("lsqr") || m.equals("lsmr")) {
                throw new IllegalArgumentException(m + " takes no preconditioner (got " + c.preconditioner() + ")");
            }
            if (isDirect(m)) {
                throw new IllegalArgumentException(m + " is a direct method and takes no preconditioner (got "
                        + c.preconditioner() + ")");
            }
        }
    }

    /** The answer to b = 0: x = 0 at once, with a true relative residual of 0 (‖b − A·0‖ = 0). */
    private static SolverResult zeroSolution(CsrMatrix a, Choice c) {
        double normal = isLeastSquares(c.method()) ? 0.0 : Double.NaN;
        return new SolverResult(c.method(), c.preconditioner(), new double[a.cols()], true, StopReason.CONVERGED, "",
                0, 0.0, normal, new double[] {0.0}, 0.0, 0.0);
    }

    private static boolean isZero(double[] b) {
        for (double v : b) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** The 0-based index of the first diagonal entry that is not {@code > 0}, or -1 when all are. */
    private static int firstNonPositiveDiagonal(CsrMatrix a) {
        double[] d = Diagonal.of(a);
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] > 0)) {
                return i;
            }
        }
        return -1;
    }

    private static String label(String precond) {
        return switch (precond) {
            case "ic0" -> "IC(0)";
            case "ilu0" -> "ILU(0)";
            case "jacobi" -> "Jacobi";
            case "ssor" -> "SSOR";
            default -> precond;
        };
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
