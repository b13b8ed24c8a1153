package org.sparrow.solvers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.MatrixStatistics;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Diagonal;
import org.sparrow.core.ops.Symmetry;
import org.sparrow.solvers.precond.Preconditioner;
import org.sparrow.solvers.precond.PreconditionerView;

/**
 * Solves {@code A·x = b} (or {@code min ‖A·x − b‖} for a rectangular A) by method, and picks the method
 * from the matrix when asked to: what {@code sparrow solve} runs, as one library call. The names are
 * {@link SolverMethod} and {@link PreconditionerKind}, the registries the CLI reads too.
 *
 * <p>{@link #choose} looks at the shape, the symmetry and the diagonal:
 * <ul>
 *   <li>rectangular → LSQR (least squares, no preconditioner);</li>
 *   <li>symmetric with a positive diagonal → CG + IC(0) (the likely SPD case), or CG + AMG when A also
 *       looks like a 2-D diffusion operator of at least {@value #AMG_MIN_ROWS} rows ({@link #prefersAmg}:
 *       a symmetric M-matrix, weakly diagonally dominant, at most 5 nonzeros per row on average), where
 *       AMG's setup plus solve measured 0.06–0.94× IC(0)'s time and IC(0)'s iteration count grows with
 *       the grid (CG + IC(0) on 2-D Poisson 500²: 296 iterations; CG + AMG: 7);</li>
 *   <li>symmetric otherwise → MINRES, unpreconditioned (MINRES needs an SPD preconditioner, and with a
 *       diagonal that is not positive none of Sparrow's is guaranteed to be one);</li>
 *   <li>nonsymmetric → GMRES(m) + ILU(0), m = {@link SolverOptions#restart()} (50 by default).</li>
 * </ul>
 * Symmetry is exact, {@code a_ij == a_ji}, as {@link MatrixStatistics#numericallySymmetric()} tests it.
 *
 * <p><b>Fallbacks of {@code auto}</b> (each one said in {@link Solution#fallback()}, with what failed):
 * <ul>
 *   <li>CG + AMG whose hierarchy cannot be built or which does not converge → CG + IC(0), then the
 *       fallbacks of CG + IC(0);</li>
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
 *
 * <p><b>Initial guess.</b> With x₀ the solve runs on the correction: A·d = r₀ = b − A·x₀, then
 * x = x₀ + d, which is what a Krylov method started at x₀ computes (its Krylov space is built on r₀;
 * Saad 2003, §5.1). The tolerance is rescaled so that the stop still means ‖b − A·x‖ ≤ tol·‖b‖, the
 * residual history and the listener see residuals relative to ‖b‖, and the true residual is
 * recomputed from x. An x₀ that already meets the tolerance is returned after 0 iterations. Least
 * squares with damping refuse an x₀ (the damping would penalize ‖d‖, not ‖x‖).
 *
 * <p><b>Several right-hand sides.</b> {@link #solveColumns} solves one column after another with the
 * same choice; each preconditioner is built once and shared by every column.
 */
public final class AutoSolver {

    /**
     * The fewest rows for which {@code auto} prefers CG + AMG to CG + IC(0) on a matrix that
     * {@link #prefersAmg} accepts. On 2-D Poisson, AMG's setup plus solve took 0.06× and 0.94× of
     * IC(0)-CG's time at 200² = 40,000 unknowns (two runs on a shared, loaded machine), 0.16× and 0.55×
     * at 300², 0.22× and 0.17× at 500²; below 40,000 the two runs disagreed (0.34× and 3.9× at 50², 0.39×
     * and 1.2× at 100²) and on the 900-row gr_30_30 AMG took 2.5–5×. On a quiet machine (`./sparrow bench
     * multigrid`) AMG-CG took 1.39× IC(0)-CG's time at 100² and 0.32× at 300², so the limit sits between.
     * Figures in benchmarks/results/solvers/auto-amg.md and benchmarks/results/multigrid/multigrid.md.
     */
    public static final int AMG_MIN_ROWS = 40_000;

    /**
     * The most stored nonzeros per row, on average, for which {@code auto} prefers AMG: a five-point
     * 2-D stencil has at most 5. On the 7-point 3-D Poisson matrices measured (15³ to 40³) IC(0)-CG
     * needed only 19 to 44 iterations and stayed 1.2–4× faster than AMG-CG with its setup, so 3-D
     * stencils stay with IC(0) (see benchmarks/results/solvers/auto-amg.md). The quiet multigrid run agrees
     * up to 50³ (AMG 1.32× IC(0)'s time) but not at 100³ = 10⁶ unknowns, where AMG-CG takes 0.55×: a 3-D
     * stencil that large is left with IC(0) by this rule, 1.8× slower than it could be.
     */
    public static final double AMG_MAX_ROW_NONZEROS = 5.0;

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
     * @param view          what the preconditioner that produced the result is ({@link Preconditioner#view()},
     *                      with the measured setup time when it did not measure its own), or null when
     *                      none ran
     */
    public record Solution(Choice choice, SolverResult result, String fallback, double setupSeconds,
                           PreconditionerView view) {

        /**
         * A solution without a preconditioner view.
         *
         * @param choice       the method and preconditioner, and why
         * @param result       what the solver reported
         * @param fallback     the fallback sentence, or null
         * @param setupSeconds seconds spent building preconditioners
         */
        public Solution(Choice choice, SolverResult result, String fallback, double setupSeconds) {
            this(choice, result, fallback, setupSeconds, null);
        }
    }

    /** The preconditioners built for one matrix, by kind, with their setup seconds: shared by the columns of {@link #solveColumns}. */
    private static final class Built {
        private final Map<PreconditionerKind, Preconditioner> preconditioners = new EnumMap<>(PreconditionerKind.class);
        private final Map<PreconditionerKind, Double> seconds = new EnumMap<>(PreconditionerKind.class);
        private final PreconditionerOptions options;

        Built(PreconditionerOptions options) {
            this.options = options == null ? PreconditionerOptions.defaults() : options;
        }

        /** The preconditioner of kind p for a, built on first use; its build time is added to {@code setup[0]}. */
        Preconditioner get(CsrMatrix a, PreconditionerKind p, double[] setup) {
            if (preconditioners.containsKey(p)) {
                return preconditioners.get(p);
            }
            long t0 = System.nanoTime();
            try {
                Preconditioner pc = p.build(a, options);
                preconditioners.put(p, pc);
                return pc;
            } finally {
                double sec = seconds(t0);
                seconds.put(p, sec);
                setup[0] += sec;
            }
        }

        /** The view of the preconditioner of kind p, if one was built. */
        PreconditionerView view(PreconditionerKind p) {
            Preconditioner pc = preconditioners.get(p);
            if (pc == null) {
                return null;
            }
            PreconditionerView v = pc.view();
            return Double.isNaN(v.setupSeconds()) ? v.withSetupSeconds(seconds.get(p)) : v;
        }
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
        if (bad < 0 && !named && prefersAmg(a)) {
            return new Choice(SolverMethod.CG, PreconditionerKind.AMG, "A is a symmetric M-matrix with at most "
                    + (int) AMG_MAX_ROW_NONZEROS + " nonzeros per row on average and " + a.rows() + " ≥ " + AMG_MIN_ROWS
                    + " rows (a 2-D diffusion-like operator), so CG with an algebraic multigrid preconditioner, whose "
                    + "iteration count does not grow with the grid");
        }
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
     *                                  non-finite input, a preconditioner that cannot be built, or damping
     *                                  with a method other than LSQR and LSMR
     */
    public static Solution solve(CsrMatrix a, double[] b, SolverMethod method, PreconditionerKind precond,
                                 SolverOptions o) {
        return solve(a, b, null, method, precond, null, o);
    }

    /**
     * Solves {@code A·x = b} from the initial guess {@code x0}, with the given method and a preconditioner
     * built with the given parameters; otherwise as {@link #solve(CsrMatrix, double[], SolverMethod,
     * PreconditionerKind, SolverOptions)} (see the class comment on the initial guess).
     *
     * @param a       Input: the matrix, m × n
     * @param b       Input: the right-hand side, length m; not modified
     * @param x0      Input: the initial guess, length n, or null for x₀ = 0; not modified
     * @param method  the method; null means {@link SolverMethod#AUTO}
     * @param precond the preconditioner, or null for the default (see the other form)
     * @param po      the preconditioners' parameters (ILUT's τ and p, ILU(k)'s k); null means defaults
     * @param o       the solver options; null means {@link SolverOptions#defaults()}
     * @return the solution with the choice, any fallback, and the preconditioner's view
     * @throws IllegalArgumentException as the other form, and for an x₀ of the wrong length or not finite,
     *                                  or an x₀ with a damped least-squares method
     */
    public static Solution solve(CsrMatrix a, double[] b, double[] x0, SolverMethod method, PreconditionerKind precond,
                                 PreconditionerOptions po, SolverOptions o) {
        return solve(a, b, x0, method, precond, o, new Built(po));
    }

    /**
     * Solves {@code A·X = B} column by column (several right-hand sides), each as {@link #solve(CsrMatrix,
     * double[], double[], SolverMethod, PreconditionerKind, PreconditionerOptions, SolverOptions)}; the
     * preconditioners are built once and shared, so their setup time is counted in the first column's
     * solution that built them and is 0 in the others.
     *
     * @param a       Input: the matrix, m × n
     * @param b       Input: the right-hand sides, k arrays of length m; not modified
     * @param x0      Input: the initial guesses, k arrays of length n, or null for zeros; not modified
     * @param method  the method; null means {@link SolverMethod#AUTO}
     * @param precond the preconditioner, or null for the default
     * @param po      the preconditioners' parameters; null means defaults
     * @param o       the solver options; null means {@link SolverOptions#defaults()}
     * @return one solution per column, in order
     * @throws IllegalArgumentException as the single solve (naming the column, 1-based, when it is one
     *                                  column's fault), or when b is empty or x0 has another count
     */
    public static List<Solution> solveColumns(CsrMatrix a, double[][] b, double[][] x0, SolverMethod method,
                                              PreconditionerKind precond, PreconditionerOptions po, SolverOptions o) {
        return solveColumns(a, b, x0, method, precond, po, o, null);
    }

    /**
     * {@link #solveColumns(CsrMatrix, double[][], double[][], SolverMethod, PreconditionerKind,
     * PreconditionerOptions, SolverOptions)} that calls {@code beforeColumn} with each column's 0-based index
     * before its solve (a monitor that prints the starting residual, a progress line).
     *
     * @param a            Input: the matrix, m × n
     * @param b            Input: the right-hand sides, k arrays of length m; not modified
     * @param x0           Input: the initial guesses, k arrays of length n, or null for zeros; not modified
     * @param method       the method; null means {@link SolverMethod#AUTO}
     * @param precond      the preconditioner, or null for the default
     * @param po           the preconditioners' parameters; null means defaults
     * @param o            the solver options; null means {@link SolverOptions#defaults()}
     * @param beforeColumn called before each column's solve, or null
     * @return one solution per column, in order
     * @throws IllegalArgumentException as the other form
     */
    public static List<Solution> solveColumns(CsrMatrix a, double[][] b, double[][] x0, SolverMethod method,
                                              PreconditionerKind precond, PreconditionerOptions po, SolverOptions o,
                                              java.util.function.IntConsumer beforeColumn) {
        if (b == null || b.length == 0) {
            throw new IllegalArgumentException("no right-hand side: B has no columns");
        }
        if (x0 != null && x0.length != b.length) {
            throw new IllegalArgumentException("the initial guesses have " + x0.length + " columns but B has " + b.length
                    + "; give one initial guess per right-hand side");
        }
        Built built = new Built(po);
        List<Solution> out = new ArrayList<>(b.length);
        for (int c = 0; c < b.length; c++) {
            if (beforeColumn != null) {
                beforeColumn.accept(c);
            }
            try {
                out.add(solve(a, b[c], x0 == null ? null : x0[c], method, precond, o, built));
            } catch (IllegalArgumentException e) {
                throw b.length == 1 ? e : new IllegalArgumentException("column " + (c + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Solution solve(CsrMatrix a, double[] b, double[] x0, SolverMethod method, PreconditionerKind precond,
                                  SolverOptions o, Built built) {
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
        if (x0 != null) {
            if (x0.length != a.cols()) {
                throw new IllegalArgumentException("the initial guess x0 has " + x0.length + " entries but A (" + a.rows()
                        + "×" + a.cols() + ") has " + a.cols() + " columns");
            }
            Checks.checkFinite(x0, "", "x0");
        }

        boolean auto = m == SolverMethod.AUTO;
        Choice choice = auto ? choose(a, precond)
                : new Choice(m, precond == null ? PreconditionerKind.NONE : precond, "asked for");
        checkCombination(a, choice);
        if (opts.damping() > 0 && choice.method() != SolverMethod.LSQR && choice.method() != SolverMethod.LSMR) {
            throw new IllegalArgumentException("damping " + opts.damping() + " applies to lsqr and lsmr only (damped least"
                    + " squares), but the method is " + choice.method().cliName()
                    + (auto ? " (auto's pick: " + choice.reason() + ")" : ""));
        }

        if (isZero(b)) {
            return new Solution(choice, zeroSolution(a, choice), null, 0.0);
        }
        if (x0 != null && !isZero(x0)) {
            return fromInitialGuess(a, b, x0, choice, auto, precond, opts, built);
        }
        if (!auto) {
            double[] setup = {0.0};
            Preconditioner pc = built.get(a, choice.preconditioner(), setup);
            return new Solution(choice, choice.method().run(a, b, pc, opts), null, setup[0],
                    built.view(choice.preconditioner()));
        }
        return new Attempts(a, b, opts, choice, precond != null, built).run();
    }

    /** The solve from x₀ ≠ 0: the correction A·d = b − A·x₀ to a rescaled tolerance, then x = x₀ + d (class comment). */
    private static Solution fromInitialGuess(CsrMatrix a, double[] b, double[] x0, Choice choice, boolean auto,
                                             PreconditionerKind precond, SolverOptions o, Built built) {
        SolverMethod m = choice.method();
        if (m.isLeastSquares() && o.damping() > 0) {
            throw new IllegalArgumentException("an initial guess x0 cannot be combined with damping " + o.damping()
                    + " (" + m.cliName() + " would penalize the correction, not x); leave out one of them");
        }
        double[] r0 = a.apply(x0);
        for (int i = 0; i < r0.length; i++) {
            r0[i] = b[i] - r0[i];
        }
        double bn = Blas.norm2(b);
        double rn = Blas.norm2(r0);
        double scale = rn / bn;
        boolean leastSquares = m.isLeastSquares();
        if (!leastSquares && (rn <= o.relativeTolerance() * bn || rn <= o.absoluteTolerance())) {
            SolverResult r = new SolverResult(m, choice.preconditioner(), x0.clone(), true, StopReason.CONVERGED, "", 0,
                    scale, Double.NaN, new double[] {scale}, 0.0, 0.0);
            return new Solution(choice, r, null, 0.0);
        }
        SolverOptions oc = leastSquares ? o : o.withRelativeTolerance(o.relativeTolerance() / scale);
        if (o.listener() != null) {
            IterationListener l = o.listener();
            oc = oc.withListener((it, rel) -> l.onIteration(it, rel * scale));
        }
        Solution s = solve(a, r0, null, auto ? SolverMethod.AUTO : m, precond, oc, built);
        SolverResult d = s.result();
        double[] x = d.solution().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += x0[i];
        }
        double[] r = a.apply(x);
        for (int i = 0; i < r.length; i++) {
            r[i] = b[i] - r[i];
        }
        double rel = Blas.norm2(r) / bn;
        double normal = Double.NaN;
        if (d.method().isLeastSquares()) {
            double rnorm = Blas.norm2(r);
            double gnorm = Blas.norm2(a.applyTranspose(r));
            normal = gnorm == 0.0 ? 0.0 : gnorm / (a.frobeniusNorm() * rnorm);
        }
        double[] h = d.residualHistory().clone();
        for (int i = 0; i < h.length; i++) {
            h[i] *= scale;
        }
        SolverResult r2 = new SolverResult(d.method(), d.preconditioner(), x, d.converged(), d.reason(), d.detail(),
                d.iterations(), rel, normal, h, d.diagonalShift(), d.seconds());
        return new Solution(s.choice(), r2, s.fallback(), s.setupSeconds(), s.view());
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
        private final Built built;
        private final StringBuilder notes = new StringBuilder();
        private final double[] setup = {0.0};
        private SolverResult best;

        Attempts(CsrMatrix a, double[] b, SolverOptions o, Choice choice, boolean precondNamed, Built built) {
            this.a = a;
            this.b = b;
            this.o = o;
            this.choice = choice;
            this.precondNamed = precondNamed;
            this.built = built;
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
                Solution viaIc0 = p == PreconditionerKind.AMG ? cgWithIc0() : null;
                return viaIc0 != null ? viaIc0 : afterBuildFailure(m, small);
            }
            SolverResult r = m.run(a, b, pc, o);
            if (r.converged()) {
                return done(r);
            }
            consider(r);
            note(label(m, p) + " did not converge (" + failure(r) + ")");
            if (p == PreconditionerKind.AMG && !precondNamed) {
                Solution viaIc0 = cgWithIc0();
                if (viaIc0 != null) {
                    return viaIc0;
                }
            }
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

        /** CG + AMG failed: CG + IC(0), auto's pick for the other SPD matrices; null when it does not converge. */
        private Solution cgWithIc0() {
            SolverResult f = iterate(SolverMethod.CG, PreconditionerKind.IC0, "auto's pick for other SPD matrices");
            return f != null && f.converged() ? done(f) : null;
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
            return built.get(a, p, setup);
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
            return new Solution(choice, r, notes.isEmpty() ? null : notes.toString(), setup[0],
                    built.view(r.preconditioner()));
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

    /**
     * Whether {@code auto} picks CG + AMG for a symmetric A with a positive diagonal: A
     * {@linkplain #looksLikePdeOperator looks like a diffusion operator}, has at least {@link #AMG_MIN_ROWS}
     * rows and at most {@link #AMG_MAX_ROW_NONZEROS} stored nonzeros per row on average (measured, see
     * those constants).
     *
     * @param a Input: a square matrix
     * @return whether AMG is the better preconditioner by the measured rule
     */
    public static boolean prefersAmg(CsrMatrix a) {
        return a.rows() >= AMG_MIN_ROWS && a.nnz() <= AMG_MAX_ROW_NONZEROS * a.rows() && looksLikePdeOperator(a);
    }

    /**
     * Whether a symmetric A with a positive diagonal looks like the discretization of an elliptic PDE
     * (a diffusion operator), the class that smoothed aggregation is designed for (Vaněk, Mandel and
     * Brezina 1996 assume the near-null space is the constant): every off-diagonal entry ≤ 0 and every
     * row weakly diagonally dominant, {@code a_ii ≥ Σ_{j≠i} |a_ij|·(1 − 1e-12)} — a symmetric M-matrix
     * pattern whose constant vector is (nearly) in the null space of the row sums. Elasticity (bcsstk*),
     * power networks with mixed signs, and mass matrices fail it.
     *
     * @param a Input: a square matrix
     * @return whether both conditions hold on every row
     */
    public static boolean looksLikePdeOperator(CsrMatrix a) {
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        for (int i = 0; i < a.rows(); i++) {
            double d = 0.0;
            double off = 0.0;
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                if (aj[p] == i) {
                    d += ax[p];
                } else if (ax[p] > 0) {
                    return false;
                } else {
                    off -= ax[p];
                }
            }
            if (!(d > 0) || d < off * (1 - 1e-12)) {
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
