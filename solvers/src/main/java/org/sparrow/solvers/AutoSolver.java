package org.sparrow.solvers;

import java.util.Locale;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.MatrixStatistics;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Diagonal;
import org.sparrow.core.ops.Symmetry;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * Solves {@code A·x = b} (or {@code min ‖A·x − b‖} for a rectangular A) by method, and picks the method
 * from the matrix when asked to: what {@code sparrow solve} runs, as one library call. The names are
 * {@link SolverMethod} and {@link PreconditionerKind}, the registries the CLI reads too.
 *
 * <p>{@link #choose} looks at the shape, the symmetry and the diagonal:
 * <ul>
 *   <li>rectangular → LSQR (least squares, no preconditioner);</li>
 *   <li>symmetric with a positive diagonal → CG + IC(0) (the likely SPD case);</li>
 *   <li>symmetric otherwise → MINRES, unpreconditioned (MINRES needs an SPD preconditioner, and with a
 *       diagonal that is not positive none of Sparrow's is guaranteed to be one);</li>
 *   <li>nonsymmetric → GMRES(m) + ILU(0), m = {@link SolverOptions#restart()} (50 by default).</li>
 * </ul>
 * Symmetry is exact, {@code a_ij == a_ji}, as {@link MatrixStatistics#numericallySymmetric()} tests it.
 *
 * <p><b>Fallbacks of {@code auto}</b> (each one said in {@link Solution#fallback()}, with what failed):
 * <ul>
 *   <li>CG + IC(0) whose preconditioner cannot be built, or which breaks down (the matrix or the
 *       factor is indefinite) → MINRES + Jacobi, which needs only symmetry and a positive diagonal;</li>
 *   <li>GMRES + ILU(0) whose preconditioner cannot be built (a diagonal entry missing or a zero pivot)
 *       → on a small matrix LU at once, else GMRES + Jacobi, or GMRES alone when Jacobi cannot be built
 *       either;</li>
 *   <li>any iterative solve that does not converge on a small square matrix (at most
 *       {@value #DIRECT_FALLBACK_MAX_ROWS} rows) → a direct sparse LU solve. If LU fails too (A is
 *       singular), the iterative result is returned, not converged, and the note says why LU failed.</li>
 * </ul>
 * A preconditioner the caller named is never replaced: {@code auto} with one picks a method that takes
 * it (GMRES where MINRES would need a positive definite preconditioner), falls back only to GMRES with
 * the same preconditioner, and when that preconditioner cannot be built it fails, saying why. A method
 * the caller named runs as asked, without fallback; CG, MINRES and Cholesky refuse a nonsymmetric A up
 * front.
 */
public final class AutoSolver {

    /** The SSOR relaxation factor ω used by name ("ssor"): 1, symmetric Gauss–Seidel. */
    public static final double SSOR_OMEGA = 1.0;

    /**
     * A square matrix with at most this many rows is small enough for {@code auto} to fall back to a
     * direct LU solve when its iterative choice fails (a sparse LU of such a matrix takes well under a
     * second on the test matrices, and is exact where the iterative method gave up).
     */
    public static final int DIRECT_FALLBACK_MAX_ROWS = 20_000;

    private AutoSolver() {
    }

    /**
     * What {@code auto} picked, or what was asked for.
     *
     * @param method         the method, never {@link SolverMethod#AUTO}
     * @param preconditioner the preconditioner, {@link PreconditionerKind#NONE} when there is none
     * @param reason         one sentence: why this method (for an explicit method, that it was asked for)
     */
    public record Choice(SolverMethod method, PreconditionerKind preconditioner, String reason) {
    }

    /**
     * The outcome of {@link #solve}.
     *
     * @param choice        the method and preconditioner that were asked for or picked, and why
     * @param result        what the solver that produced the answer reported (after a fallback: the
     *                      fallback's result, so its method and preconditioner are the ones that ran)
     * @param fallback      one sentence when {@code auto} had to fall back to another method or
     *                      preconditioner (what failed, and what ran instead), {@code null} otherwise
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
        return choose(a, null);
    }

    /**
     * Picks a method for {@code a} that takes the preconditioner {@code precond}, or picks both when it is
     * null (see the class comment).
     *
     * @param a       Input: the matrix
     * @param precond the preconditioner the caller named, or {@code null}
     * @return the choice, with the reason in one sentence
     * @throws IllegalArgumentException if {@code a} is null, or a preconditioner is named for a
     *                                  rectangular A (LSQR takes none)
     */
    public static Choice choose(CsrMatrix a, PreconditionerKind precond) {
        if (a == null) {
            throw new IllegalArgumentException("matrix A is null");
        }
        boolean named = precond != null;
        if (a.rows() != a.cols()) {
            if (named && precond != PreconditionerKind.NONE) {
                throw new IllegalArgumentException("A is rectangular (" + a.rows() + "×" + a.cols() + "), so auto "
                        + "solves least squares by LSQR, which takes no preconditioner (got " + precond.cliName() + ")");
            }
            return new Choice(SolverMethod.LSQR, PreconditionerKind.NONE, "A is rectangular (" + a.rows() + "×"
                    + a.cols() + "), so x minimizes ‖A·x − b‖ by LSQR");
        }
        String asked = named ? " (preconditioner " + precond.cliName() + " as asked)" : "";
        if (!MatrixStatistics.of(a).numericallySymmetric()) {
            PreconditionerKind p = named ? precond : PreconditionerKind.ILU0;
            return new Choice(SolverMethod.GMRES, p, "A is not symmetric, so GMRES (restarted)"
                    + (named ? asked : " with an ILU(0) preconditioner"));
        }
        int bad = firstNonPositiveDiagonal(a);
        if (bad < 0) {
            PreconditionerKind p = named ? precond : PreconditionerKind.IC0;
            return new Choice(SolverMethod.CG, p, "A is symmetric with a positive diagonal (likely positive definite), "
                    + "so CG" + (named ? asked : " with an IC(0) preconditioner"));
        }
        double d = Diagonal.of(a)[bad];
        String why = "A is symmetric but its diagonal is not positive (A(" + (bad + 1) + ", " + (bad + 1) + ") = "
                + number(d) + "), so it may be indefinite";
        if (named && precond != PreconditionerKind.NONE) {
            return new Choice(SolverMethod.GMRES, precond, why + ": GMRES, because MINRES needs a positive definite "
                    + "preconditioner, which " + precond.displayName() + " is not guaranteed to be here" + asked);
        }
        return new Choice(SolverMethod.MINRES, PreconditionerKind.NONE, why + ": MINRES");
    }

    /**
     * Solves {@code A·x = b} with the given method and preconditioner.
     *
     * <p>Checks first, with one-sentence messages: A and b are finite (the first bad entry is named,
     * 1-based), b has {@code rows(A)} entries, the method suits the matrix (square; symmetric for CG,
     * MINRES and Cholesky, the first asymmetric pair named), the preconditioner suits the method. A zero b
     * gives x = 0 without iterating (relative residual 0).
     *
     * @param a       Input: the matrix, m × n
     * @param b       Input: the right-hand side, length m; not modified
     * @param method  the method; null means {@link SolverMethod#AUTO}
     * @param precond the preconditioner, or null for the default: the choice's preconditioner when the
     *                method is auto, none otherwise. {@link PreconditionerKind#CUSTOM} is refused (pass a
     *                custom preconditioner to the Krylov solver itself)
     * @param o       the solver options (tolerance, iterations, restart, listener); null means
     *                {@link SolverOptions#defaults()}
     * @return the solution with the choice and any fallback
     * @throws IllegalArgumentException for a shape mismatch, a method that does not suit the matrix, a
     *                                  non-finite input, or a preconditioner that cannot be built
     */
    public static Solution solve(CsrMatrix a, double[] b, SolverMethod method, PreconditionerKind precond,
                                 SolverOptions o) {
        if (a == null) {
            throw new IllegalArgumentException("matrix A is null");
        }
        if (b == null) {
            throw new IllegalArgumentException("right-hand side b is null");
        }
        if (precond == PreconditionerKind.CUSTOM) {
            throw new IllegalArgumentException("a custom preconditioner cannot be asked for by name; pass it to the "
                    + "Krylov solver itself");
        }
        SolverOptions opts = o == null ? SolverOptions.defaults() : o;
        SolverMethod m = method == null ? SolverMethod.AUTO : method;
        if (b.length != a.rows()) {
            throw new IllegalArgumentException("b has " + b.length + " entries but A (" + a.rows() + "×" + a.cols()
                    + ") has " + a.rows() + " rows");
        }
        checkFinite(a, "A");
        checkFinite(b, "b");

        boolean auto = m == SolverMethod.AUTO;
        Choice choice = auto ? choose(a, precond)
                : new Choice(m, precond == null ? PreconditionerKind.NONE : precond, "asked for");
        checkCombination(a, choice);

        if (isZero(b)) {
            return new Solution(choice, zeroSolution(a, choice), null, 0.0);
        }
        if (!auto) {
            long t0 = System.nanoTime();
            Preconditioner pc = choice.preconditioner().build(a);
            double setup = seconds(t0);
            return new Solution(choice, choice.method().run(a, b, pc, opts), null, setup);
        }
        return new Attempts(a, b, opts, choice, precond != null).run();
    }

    /**
     * The runs of one {@code auto} solve: the choice, then its fallbacks, with what failed on the way.
     */
    private static final class Attempts {
        private final CsrMatrix a;
        private final double[] b;
        private final SolverOptions o;
        private final Choice choice;
        private final boolean precondNamed;
        private final StringBuilder notes = new StringBuilder();
        private double setup;
        private SolverResult best;

        Attempts(CsrMatrix a, double[] b, SolverOptions o, Choice choice, boolean precondNamed) {
            this.a = a;
            this.b = b;
            this.o = o;
            this.choice = choice;
            this.precondNamed = precondNamed;
        }

        Solution run() {
            SolverMethod m = choice.method();
            PreconditionerKind p = choice.preconditioner();
            boolean small = a.rows() == a.cols() && a.rows() <= DIRECT_FALLBACK_MAX_ROWS;
            Preconditioner pc;
            try {
                pc = build(p);
            } catch (IllegalArgumentException e) {
                if (precondNamed) {
                    throw new IllegalArgumentException("the " + p.displayName() + " preconditioner that was asked for "
                            + "cannot be built (" + e.getMessage() + "); auto does not replace a preconditioner it was "
                            + "given: name another one, or none", e);
                }
                note("building the " + p.displayName() + " preconditioner for " + label(m, p) + " failed ("
                        + e.getMessage() + ")");
                return afterBuildFailure(m, small);
            }
            SolverResult r = m.run(a, b, pc, o);
            if (r.converged()) {
                return done(r);
            }
            consider(r);
            note(label(m, p) + " did not converge (" + failure(r) + ")");
            if (m == SolverMethod.CG && r.reason() == StopReason.BREAKDOWN && !precondNamed) {
                SolverResult f = iterate(SolverMethod.MINRES, PreconditionerKind.JACOBI,
                        "which needs only symmetry and a positive diagonal");
                if (f != null && f.converged()) {
                    return done(f);
                }
            } else if (precondNamed && m != SolverMethod.GMRES) {
                SolverResult f = iterate(SolverMethod.GMRES, p, "with the preconditioner that was asked for");
                if (f != null && f.converged()) {
                    return done(f);
                }
            }
            if (small && !precondNamed) {
                return direct();
            }
            return done(best);
        }

        private Solution afterBuildFailure(SolverMethod m, boolean small) {
            if (m == SolverMethod.CG) {
                SolverResult f = iterate(SolverMethod.MINRES, PreconditionerKind.JACOBI,
                        "which needs only symmetry and a positive diagonal");
                if (f != null && f.converged()) {
                    return done(f);
                }
            } else if (!small) { // GMRES + ILU(0) on a large matrix: a cheaper preconditioner, then none
                SolverResult f = iterate(SolverMethod.GMRES, PreconditionerKind.JACOBI, "");
                if (f == null) {
                    f = iterate(SolverMethod.GMRES, PreconditionerKind.NONE, "");
                }
                if (f != null && f.converged()) {
                    return done(f);
                }
            }
            if (small) {
                return direct();
            }
            if (best == null) {
                throw new IllegalArgumentException("auto found no method that runs on A: " + notes);
            }
            return done(best);
        }

        /** Runs a fallback; null when its preconditioner cannot be built (noted). */
        private SolverResult iterate(SolverMethod m, PreconditionerKind p, String why) {
            Preconditioner pc;
            try {
                pc = build(p);
            } catch (IllegalArgumentException e) {
                note("building " + p.displayName() + " for " + label(m, p) + " failed too (" + e.getMessage() + ")");
                return null;
            }
            note("fell back to " + label(m, p) + (why.isEmpty() ? "" : ", " + why));
            SolverResult r = m.run(a, b, pc, o);
            if (!r.converged()) {
                note(label(m, p) + " did not converge either (" + failure(r) + ")");
                consider(r);
            }
            return r;
        }

        /** The last resort on a small matrix: sparse LU, exact up to rounding; or the best result so far. */
        private Solution direct() {
            note("fell back to a direct sparse LU solve, since A has only " + a.rows() + " rows");
            try {
                return done(SolverMethod.LU.run(a, b, null, o));
            } catch (IllegalArgumentException e) {
                note("LU failed too (" + e.getMessage() + ")");
                if (best == null) {
                    throw new IllegalArgumentException("auto found no method that solves A·x = b: " + notes, e);
                }
                return done(best);
            }
        }

        private Preconditioner build(PreconditionerKind p) {
            long t0 = System.nanoTime();
            try {
                return p.build(a);
            } finally {
                setup += seconds(t0);
            }
        }

        private void consider(SolverResult r) {
            if (best == null || !(best.relativeResidual() <= r.relativeResidual())) {
                best = r;
            }
        }

        private void note(String s) {
            notes.append(notes.isEmpty() ? "" : "; ").append(s);
        }

        private Solution done(SolverResult r) {
            return new Solution(choice, r, notes.isEmpty() ? null : notes.toString(), setup);
        }
    }

    /** "GMRES + ILU(0)", or "MINRES" without a preconditioner. */
    private static String label(SolverMethod m, PreconditionerKind p) {
        return m.displayName() + (p == PreconditionerKind.NONE ? "" : " + " + p.displayName());
    }

    /** Why a result did not converge, in a few words: "breakdown after 1 iterations, relative residual 0.10". */
    private static String failure(SolverResult r) {
        String reason = r.reason() == StopReason.MAX_ITERATIONS ? "the iteration limit was reached"
                : r.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return reason + " after " + r.iterations() + " iterations, relative residual "
                + String.format(Locale.ROOT, "%.2g", r.relativeResidual());
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

    private static void checkCombination(CsrMatrix a, Choice c) {
        SolverMethod m = c.method();
        if (m.needsSquare() && a.rows() != a.cols()) {
            throw new IllegalArgumentException(m.cliName() + " needs a square matrix but A is " + a.rows() + "×"
                    + a.cols() + "; use lsqr, lsmr or qr for least squares");
        }
        if (c.preconditioner() != PreconditionerKind.NONE && !m.takesPreconditioner()) {
            throw new IllegalArgumentException(m.cliName() + (m.isDirect() ? " is a direct method and" : "")
                    + " takes no preconditioner (got " + c.preconditioner().cliName() + ")");
        }
        if (m.needsSymmetric()) {
            String pair = Symmetry.firstAsymmetry(a.isSorted() ? a : a.sorted(), 1e-12); // as Cholesky tests it
            if (pair != null) {
                throw new IllegalArgumentException(m.cliName() + " needs a symmetric matrix, but " + pair
                        + "; for a nonsymmetric A use gmres or bicgstab, or lu for a direct solve");
            }
        }
    }

    /** The answer to b = 0: x = 0 at once, with a true relative residual of 0 (‖b − A·0‖ = 0). */
    private static SolverResult zeroSolution(CsrMatrix a, Choice c) {
        double normal = c.method().isLeastSquares() ? 0.0 : Double.NaN;
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

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
