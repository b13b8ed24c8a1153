package org.sparrow.sketching.lstsq;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.Matrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.sketching.Sketch;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.Sketches;
import org.sparrow.sketching.lstsq.LeastSquaresResult.Residuals;
import org.sparrow.solvers.krylov.Lsqr;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;

/**
 * Overdetermined least squares min ‖A·x − b‖₂ for an n×d matrix A (n ≥ d): dense QR, plain LSQR,
 * sketch-and-solve and sketch-and-precondition behind one call, {@link #solve(Matrix, double[], LeastSquaresOptions)}.
 * Every result carries residual figures recomputed from the returned x ({@link LeastSquaresResult}).
 *
 * <h2>Sketch-and-solve ({@link LeastSquaresMethod#SKETCH_SOLVE})</h2>
 * x′ = argmin ‖S·A·x − S·b‖ for an m×n sketch S, by Householder QR of the m×d matrix S·A (EJML):
 * O(cost of S·A) + O(m·d²). With S an ε-subspace embedding for span(A, b), ‖A·x′ − b‖ ≤ (1 + ε)·‖A·x* − b‖
 * (Sarlós 2006; Woodruff, "Sketching as a tool for numerical linear algebra", 2014, Thm. 2.14).
 * Song, Ye, Yin and Zhang ("A nearly-optimal bound for fast regression with ℓ∞ guarantee", ICML 2023) state
 * that a dense sketch with m = Θ(ε⁻²·d·log³(n/δ)) rows also gives, with probability 1 − δ, the ℓ∞ bound
 * <pre>
 *   ‖x′ − x*‖∞ ≤ (ε/√d)·‖A·x′ − b‖₂·‖A†‖₂.
 * </pre>
 * The theorem leaves the constant unspecified; Sparrow takes {@link #FORMULA_CONSTANT} C = 1 and natural
 * logarithms: m = ⌈C·ε⁻²·d·ln³(n/δ)⌉ ({@link #formulaSketchRows}). Because of the ln³ factor this m exceeds n
 * for every realistic size (n = 10⁴, d = 50, ε = 0.5, δ = 0.01: m ≈ 5.3·10⁵), and a sketch with m ≥ n saves
 * nothing; so when the options leave m to the method (sketchRows = 0) and the formula's m is ≥ n, the solve is
 * <b>refused</b> with a message giving the formula's m and asking for m explicitly — it is never silently
 * clamped. The result reports both m used and the formula's m. A later note by two of the authors disputes the
 * proof of the ℓ∞ bound, so Sparrow does not assert it: the result carries its ingredients — the measured
 * residual, ‖A†‖ estimated as 1/σ_min(R) for S·A = Q·R (within 1 ± ε of the truth when S embeds span(A)) and
 * the right-hand side (ε/√d)·‖A·x′ − b‖·‖A†‖ with the options' ε — for the user (and Sparrow's tests) to compare
 * with measured errors. The bound is reported only for dense sketches ({@link SketchKind#dense()}), the only ones
 * the paper covers.
 *
 * <h2>Sketch-and-precondition ({@link LeastSquaresMethod#SKETCH_PRECONDITION})</h2>
 * Rokhlin and Tygert ("A fast randomized algorithm for overdetermined linear least-squares regression", PNAS
 * 2008), Avron, Maymounkov and Toledo ("Blendenpik: supercharging LAPACK's least-squares solver", SISC 2010),
 * Meng, Saunders and Mahoney ("LSRN: a parallel iterative solver for strongly over- or underdetermined systems",
 * SISC 2014): factor S·A = Q·R for an m×n sketch with m = γ·d; then A·R⁻¹ has condition number
 * (1 + ε)/(1 − ε) whatever cond(A) (for a Gaussian S, about (1 + √(d/m))/(1 − √(d/m)) = 3 at γ = 4), and LSQR on
 * min ‖A·R⁻¹·y − b‖, x = R⁻¹·y, converges to full precision in a number of iterations that depends on γ and the
 * tolerance only. Sparrow's default γ = {@value #DEFAULT_GAMMA} is Blendenpik's (its experiments put the best γ
 * between 3 and 6; LSRN's Gaussian sketch uses γ = 2), capped at n. LSQR starts from the sketch-and-solve
 * solution x₀ = R⁻¹·(Qᵀ·S·b)₁..d (it costs one sketch of b) and solves for the correction with b − A·x₀; Meier,
 * Nakatsukasa, Townsend and Webb ("Are sketch-and-precondition least squares solvers numerically stable?", SIMAX
 * 2024) recommend that start, finding the zero start loses accuracy on ill-conditioned problems.
 *
 * <p>Refinement. Products with A·R⁻¹ are computed with relative errors of about κ·eps (κ = cond(S·A) ≈ cond(A):
 * the triangular solves are backward stable, not forward accurate), so a single LSQR solve stalls near that level
 * — 1e-6 at κ = 1e10 — and spends iterations there. Following the iterative-refinement form of sketch-and-precondition
 * (Epperly, Meier and Nakatsukasa, "Fast randomized least-squares solvers can be just as accurate and stable as
 * classical direct solvers", 2024), each LSQR round asks for a reduction of the normal-equation residual of its
 * correction problem by τ = 10·κ·eps (or to tol/2, whichever is larger), measured from where the round starts, and
 * the next round solves for the correction from the recomputed residual b − A·x: the errors of the products shrink
 * with the correction, so the rounds reach what a backward-stable solver reaches. At most {@value #MAX_ROUNDS} rounds, fewer when a round stops
 * halving the recomputed normal-equation residual (the rounding floor). The iteration count reported is the total.
 * Convergence is decided on recomputed figures only: ‖Aᵀr‖/(‖A‖_F·‖r‖) ≤ tol or ‖r‖ ≤ tol·‖b‖, r = b − A·x.
 *
 * <h2>Rank deficiency</h2>
 * The numerical rank r of the factored matrix (A for QR, S·A otherwise) is the number of its singular values
 * above max(rows, d)·2⁻⁵²·σ₁ (the singular values of R, computed by EJML in O(d³)). QR refuses a rank-deficient
 * A with a message. The sketching methods go on LSRN-style with the SVD R = U·Σ·Vᵀ: N = V_r·Σ_r⁻¹ replaces R⁻¹
 * (sketch-and-solve returns x′ = V_r·Σ_r⁻¹·U_rᵀ·(Qᵀ·S·b)₁..d, a solution in the span of the top r right singular
 * vectors of S·A; sketch-and-precondition converges to the solution of least norm within that span); the result
 * reports r in {@code rank} and says so in {@code detail}. LSQR started from 0 converges to the minimum-norm
 * solution on its own and reports rank d (it does not measure rank).
 *
 * <h2>Dense QR ({@link LeastSquaresMethod#QR})</h2>
 * EJML's column-oriented Householder QR of a dense copy of A (2·n·d² − 2d³/3 flops; 8·n·d bytes for EJML's
 * column-major copy, plus 8·n·d for the dense copy of a sparse A), Qᵀ·b by the stored reflectors, back
 * substitution: backward stable. Refused, with the sizes, when the copies would not fit in an array or in half
 * of the JVM's maximum heap.
 */
public final class LeastSquares {

    /** The sketch-and-precondition oversampling γ: m = min(γ·d, n) when the options leave m to the method. */
    public static final int DEFAULT_GAMMA = 4;

    /** The constant C of the sketch-and-solve formula m = C·ε⁻²·d·ln³(n/δ) (the paper leaves it unspecified). */
    public static final double FORMULA_CONSTANT = 1.0;

    /** At most this many LSQR rounds (refinement restarts from the current x) in sketch-and-precondition. */
    public static final int MAX_ROUNDS = 6;

    private static final double EPS = Math.ulp(1.0);

    private LeastSquares() {
    }

    /**
     * The sketch-and-solve formula m = ⌈C·ε⁻²·d·ln³(n/δ)⌉ with C = {@link #FORMULA_CONSTANT}, saturated at
     * {@link Long#MAX_VALUE}.
     *
     * @param epsilon ε in (0, 1)
     * @param delta   δ in (0, 1)
     * @param d       columns of A, ≥ 1
     * @param n       rows of A, ≥ 1
     * @return m, ≥ 1
     */
    public static long formulaSketchRows(double epsilon, double delta, int d, int n) {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), got " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        if (d < 1 || n < 1) {
            throw new IllegalArgumentException("the matrix must have n ≥ 1 rows and d ≥ 1 columns, got " + n + "×" + d);
        }
        double l = Math.log(n / delta);
        double m = Math.ceil(FORMULA_CONSTANT * d * l * l * l / (epsilon * epsilon));
        return m >= 0x1p63 ? Long.MAX_VALUE : (long) m;
    }

    /**
     * The sketch rows sketch-and-precondition uses when none are given: min(γ·d, n), γ = {@value #DEFAULT_GAMMA}.
     *
     * @param n rows of A, ≥ 1
     * @param d columns of A, ≥ 1
     * @return the number of sketch rows
     */
    public static int defaultPreconditionerRows(int n, int d) {
        return (int) Math.min((long) DEFAULT_GAMMA * d, n);
    }

    /**
     * Solves min ‖A·x − b‖₂ by the options' method (see the class comment for each method).
     *
     * @param a Input: n×d with n ≥ d ≥ 1, finite entries (any format; CSC and COO are converted to CSR once).
     * @param b Input: length n, finite.
     * @param o Input: method, sketch, sketch rows, ε, δ, seed, tolerance, iteration limit.
     * @return the solution and the recomputed residual figures
     * @throws IllegalArgumentException on a shape mismatch, a non-finite entry, m &lt; d, sketch-and-solve's formula
     *                                  giving m ≥ n without an explicit m, or QR on a rank-deficient or too large A
     * @throws UnsupportedOperationException if the sketch family is not available
     */
    public static LeastSquaresResult solve(Matrix a, double[] b, LeastSquaresOptions o) {
        if (a == null) {
            throw new IllegalArgumentException("the matrix A is null");
        }
        Matrix work = a instanceof DenseMatrix || a instanceof CsrMatrix ? a : a.toCsr();
        checkFinite(work);
        return run(new Problem(work, work, b), o);
    }

    /**
     * Solves min ‖A·x − b‖₂ for an operator known only through products: LSQR, sketch-and-solve and
     * sketch-and-precondition (S·A is formed from A·E for blocks E of 64 identity columns: d products with A,
     * the whole of A passed once). A {@link Matrix} goes to {@link #solve(Matrix, double[], LeastSquaresOptions)}.
     *
     * @param a Input: n×d operator with n ≥ d ≥ 1
     * @param b Input: length n, finite.
     * @param o Input: method, sketch, sketch rows, ε, δ, seed, tolerance, iteration limit.
     * @return the solution and the recomputed residual figures
     * @throws IllegalArgumentException as the matrix form, and for QR on an operator that is not a Matrix
     */
    public static LeastSquaresResult solve(LinearOperator a, double[] b, LeastSquaresOptions o) {
        if (a instanceof Matrix m) {
            return solve(m, b, o);
        }
        if (a == null) {
            throw new IllegalArgumentException("the operator A is null");
        }
        if (o != null && o.method() == LeastSquaresMethod.QR) {
            throw new IllegalArgumentException("dense QR needs the entries of A: pass a Matrix, or choose lsqr, "
                    + "sketch-solve or sketch-precondition for an operator");
        }
        return run(new Problem(a, null, b), o);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The problem as the methods see it. */
    private static final class Problem {
        final LinearOperator op;
        final Matrix matrix; // null for a bare operator
        final double[] b;
        final int n;
        final int d;
        final double bnorm;
        double frob; // ‖A‖_F, NaN until known

        Problem(LinearOperator op, Matrix matrix, double[] b) {
            this.op = op;
            this.matrix = matrix;
            this.n = op.rows();
            this.d = op.cols();
            Checks.checkNotNull(b, "the right-hand side b");
            Checks.checkLength("b", b, n, "A", n, d, "its row count");
            if (d < 1 || n < 1) {
                throw new IllegalArgumentException("A is " + n + "×" + d + ": least squares needs at least one row and one column");
            }
            if (n < d) {
                throw new IllegalArgumentException("A is " + n + "×" + d + " with fewer rows than columns: these methods "
                        + "solve overdetermined problems (n ≥ d)");
            }
            Checks.checkFinite(b, "", "b");
            this.b = b;
            this.bnorm = Blas.norm2(b);
            this.frob = matrix == null ? Double.NaN : matrix.frobeniusNorm();
        }
    }

    /** Recomputed figures for a solution x. */
    private static LeastSquaresResult run(Problem p, LeastSquaresOptions o) {
        if (o == null) {
            throw new IllegalArgumentException("the options are null");
        }
        return switch (o.method()) {
            case QR -> qr(p);
            case LSQR -> lsqr(p, o);
            case SKETCH_SOLVE -> sketchSolve(p, o);
            case SKETCH_PRECONDITION -> sketchPrecondition(p, o);
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // dense QR

    private static LeastSquaresResult qr(Problem p) {
        long t0 = System.nanoTime();
        int n = p.n;
        int d = p.d;
        long entries = (long) n * d;
        boolean copy = !(p.matrix instanceof DenseMatrix);
        long bytes = 8L * entries * (copy ? 2 : 1);
        long heap = Runtime.getRuntime().maxMemory();
        if (entries > Integer.MAX_VALUE - 8 || bytes > heap / 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "dense QR of the %d×%d matrix needs %.1f GB of dense copies and the JVM allows %.1f GB: "
                            + "use sketch-precondition or lsqr", n, d, bytes / 1e9, heap / 1e9));
        }
        DenseMatrix dense = p.matrix.toDense();
        DenseFactor f = new DenseFactor(DMatrixRMaj.wrap(n, d, dense.data()), Math.max(n, d) * EPS);
        long t1 = System.nanoTime();
        if (!f.fullRank()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "A is numerically rank-deficient (rank %d of %d columns, σ_min/σ_max = %.2g ≤ %.2g): dense QR "
                            + "without pivoting cannot solve it; use sketch-precondition or sketch-solve (which truncate "
                            + "to the numerical rank) or lsqr (minimum-norm solution)",
                    f.rank, d, f.sigma[d - 1] / f.sigma[0], f.rcond));
        }
        double[] z = f.solveCoordinates(p.b);
        double[] x = new double[d];
        f.applyN(z, x);
        Residuals m = measure(p, x, Double.NaN);
        long t2 = System.nanoTime();
        return new LeastSquaresResult(LeastSquaresMethod.QR, x, true, "", 0, d, m,
                new LeastSquaresResult.Timings(0.0, sec(t0, t1), sec(t1, t2), sec(t0, t2)), null,
                new LeastSquaresResult.LinfBound(f.pinvNorm(), Double.NaN));
    }

    // ---------------------------------------------------------------------------------------------------------
    // plain LSQR

    private static LeastSquaresResult lsqr(Problem p, LeastSquaresOptions o) {
        long t0 = System.nanoTime();
        SolverOptions so = SolverOptions.defaults().withRelativeTolerance(o.relativeTolerance())
                .withMaxIterations(o.maxIterations());
        SolverResult r = Lsqr.solve(p.op, p.b, so);
        double[] x = r.solution();
        Residuals m = measure(p, x, r.normalResidual());
        long t1 = System.nanoTime();
        boolean ok = met(m, o.relativeTolerance());
        String detail = detailFor(ok, r, m, o.relativeTolerance());
        return new LeastSquaresResult(LeastSquaresMethod.LSQR, x, ok, detail, r.iterations(), p.d, m,
                new LeastSquaresResult.Timings(0.0, 0.0, sec(t0, t1), sec(t0, t1)), null,
                new LeastSquaresResult.LinfBound(Double.NaN, Double.NaN));
    }

    // ---------------------------------------------------------------------------------------------------------
    // sketch-and-solve

    private static LeastSquaresResult sketchSolve(Problem p, LeastSquaresOptions o) {
        long t0 = System.nanoTime();
        int n = p.n;
        int d = p.d;
        long formula = formulaSketchRows(o.epsilon(), o.delta(), d, n);
        int m = o.sketchRows();
        if (m == 0) {
            if (formula >= n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sketch-and-solve: the formula m = C·ε⁻²·d·ln³(n/δ) gives m = %d (C = %s, ε = %s, δ = %s, d = %d) "
                                + "which is not below n = %d, so sketching would save nothing; give the sketch rows "
                                + "explicitly (%s) or use sketch-precondition",
                        formula, FORMULA_CONSTANT, o.epsilon(), o.delta(), d, n,
                        10L * d < n ? "for example " + 10L * d + " = 10·d" : "between d = " + d + " and n = " + n));
            }
            m = (int) formula;
        }
        checkRows(m, d, "sketch-and-solve");
        Sketched sk = sketchAndFactor(p, o, m);
        double[] sb = sk.sb();
        DenseFactor f = sk.factor();
        long t1 = sk.sketchedAt();
        long t2 = sk.factoredAt();
        double[] x = new double[d];
        if (f.rank > 0) {
            f.applyN(f.solveCoordinates(sb), x);
        }
        Residuals me = measure(p, x, Double.NaN);
        long t3 = System.nanoTime();
        double pinv = f.pinvNorm();
        boolean dense = o.sketch().dense();
        double bound = dense ? o.epsilon() / Math.sqrt(d) * me.norm() * pinv : Double.NaN;
        StringBuilder detail = new StringBuilder();
        rankNote(detail, f, m);
        if (!dense) {
            append(detail, "the ℓ∞ bound is not reported: Song–Ye–Yin–Zhang cover dense sketches only, and "
                    + o.sketch().cliName() + " is sparse");
        } else if (m < formula) {
            append(detail, String.format(Locale.ROOT, "m = %d is below the formula's %d for ε = %s, δ = %s: the ℓ∞ "
                    + "bound is evaluated for comparison, the theorem does not cover it", m, formula, o.epsilon(), o.delta()));
        }
        return new LeastSquaresResult(LeastSquaresMethod.SKETCH_SOLVE, x, f.rank > 0, detail.toString(), 0, f.rank,
                me, new LeastSquaresResult.Timings(sec(t0, t1), sec(t1, t2), sec(t2, t3), sec(t0, t3)),
                new LeastSquaresResult.SketchInfo(o.sketch(), m, formula), new LeastSquaresResult.LinfBound(pinv, bound));
    }

    /** S·b and the factorization of S·A for an m-row sketch of the options' kind, with when each was done. */
    private record Sketched(double[] sb, DenseFactor factor, long sketchedAt, long factoredAt) {
    }

    private static Sketched sketchAndFactor(Problem p, LeastSquaresOptions o, int m) {
        Sketch s = Sketches.create(o.sketch(), m, p.n, o.seed());
        DenseMatrix sa = sketchOf(s, p);
        double[] sb = s.sketch(p.b);
        long sketched = System.nanoTime();
        DenseFactor f = new DenseFactor(DMatrixRMaj.wrap(m, p.d, sa.data()), Math.max(m, p.d) * EPS);
        return new Sketched(sb, f, sketched, System.nanoTime());
    }

    // ---------------------------------------------------------------------------------------------------------
    // sketch-and-precondition

    private static LeastSquaresResult sketchPrecondition(Problem p, LeastSquaresOptions o) {
        long t0 = System.nanoTime();
        int n = p.n;
        int d = p.d;
        int m = o.sketchRows() == 0 ? defaultPreconditionerRows(n, d) : o.sketchRows();
        checkRows(m, d, "sketch-and-precondition");
        Sketched sk = sketchAndFactor(p, o, m);
        double[] sb = sk.sb();
        DenseFactor f = sk.factor();
        long t1 = sk.sketchedAt();
        long t2 = sk.factoredAt();
        StringBuilder detail = new StringBuilder();
        rankNote(detail, f, m);
        double[] x = new double[d];
        if (f.rank == 0) {
            Residuals me = measure(p, x, Double.NaN);
            long t3 = System.nanoTime();
            boolean ok = met(me, o.relativeTolerance());
            append(detail, "S·A is zero: x = 0");
            return new LeastSquaresResult(LeastSquaresMethod.SKETCH_PRECONDITION, x, ok, detail.toString(), 0, 0,
                    me, new LeastSquaresResult.Timings(sec(t0, t1), sec(t1, t2), sec(t2, t3), sec(t0, t3)),
                    new LeastSquaresResult.SketchInfo(o.sketch(), m, 0L),
                    new LeastSquaresResult.LinfBound(Double.NaN, Double.NaN));
        }
        // warm start: the sketch-and-solve solution x0 = N·z0
        f.applyN(f.solveCoordinates(sb), x);
        LinearOperator an = preconditioned(p.op, f);
        int k = f.preconditionedCols();
        double[] res = new double[n];
        double[] xn = new double[d];
        int iterations = 0;
        SolverResult last = null;
        Residuals me = null;
        // Products with A·N carry errors of about κ·eps relative to the size of what they act on (κ = cond(S·A);
        // the triangular solves are backward stable, not forward accurate), so one LSQR round can reduce the
        // normal-equation residual of its correction problem by about τ = 10·κ·eps and no further; each round
        // asks for that reduction relative to where it starts, and the next refines from the new residual.
        double tau = Math.min(0.1, 10 * f.sigma[0] / f.sigma[f.rank - 1] * EPS);
        double[] g = new double[k];
        double previous = Double.POSITIVE_INFINITY;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Blas.residual(p.op, x, p.b, res);
            int left = o.maxIterations() - iterations;
            double rn = Blas.norm2(res);
            if (left < 1 || rn == 0) {
                break;
            }
            an.applyTranspose(res, g);
            double mu = Blas.norm2(g) / (Math.sqrt(k) * rn); // ≈ the measure LSQR tests, at the round's start
            double innerTol = Math.min(0.5, Math.max(tau * mu, 0.5 * o.relativeTolerance()));
            SolverOptions so = SolverOptions.defaults().withRelativeTolerance(innerTol)
                    .withAbsoluteTolerance(o.relativeTolerance() * p.bnorm).withMaxIterations(left);
            last = Lsqr.solve(an, res, so);
            iterations += last.iterations();
            double[] y = last.solution();
            if (y.length != k) {
                throw new IllegalStateException("LSQR returned " + y.length + " unknowns, expected " + k);
            }
            f.applyN(y, xn);
            for (int i = 0; i < d; i++) {
                x[i] += xn[i];
            }
            me = measure(p, x, Double.NaN);
            if (met(me, o.relativeTolerance()) || last.reason() == StopReason.MAX_ITERATIONS
                    || last.reason() == StopReason.NOT_FINITE || last.reason() == StopReason.BREAKDOWN
                    || !(me.normal() < 0.5 * previous)) {
                break; // done, out of iterations, or a round that no longer helps (rounding floor reached)
            }
            previous = me.normal();
        }
        if (me == null) {
            me = measure(p, x, Double.NaN);
        }
        long t3 = System.nanoTime();
        boolean ok = met(me, o.relativeTolerance());
        String why = last == null ? "" : detailFor(ok, last, me, o.relativeTolerance());
        append(detail, why);
        return new LeastSquaresResult(LeastSquaresMethod.SKETCH_PRECONDITION, x, ok, detail.toString(), iterations,
                f.rank, me, new LeastSquaresResult.Timings(sec(t0, t1), sec(t1, t2), sec(t2, t3),
                sec(t0, t3)), new LeastSquaresResult.SketchInfo(o.sketch(), m, 0L),
                new LeastSquaresResult.LinfBound(f.pinvNorm(), Double.NaN));
    }

    /** A·N as an operator: y = A·(N·z), z = Nᵀ·(Aᵀ·y). */
    private static LinearOperator preconditioned(LinearOperator a, DenseFactor f) {
        int n = a.rows();
        int d = a.cols();
        int k = f.preconditionedCols();
        double[] t = new double[d]; // work vector of length d (N·z or Aᵀ·y), reused by every product
        return LinearOperator.of(n, k, (z, y) -> {
            f.applyN(z, t);
            a.apply(t, y);
        }, (y, z) -> {
            a.applyTranspose(y, t);
            f.applyNt(t, z);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** S·A from the matrix's storage, or for a bare operator from A·E over blocks of identity columns. */
    private static DenseMatrix sketchOf(Sketch s, Problem p) {
        if (p.matrix != null) {
            return s.sketch(p.matrix);
        }
        int n = p.n;
        int d = p.d;
        int m = s.rows();
        int chunk = Math.min(d, 64);
        double[] out = new double[Math.toIntExact((long) m * d)];
        double frob2 = 0;
        for (int c0 = 0; c0 < d; c0 += chunk) {
            int k = Math.min(chunk, d - c0);
            double[] e = new double[d * k];
            for (int j = 0; j < k; j++) {
                e[(c0 + j) * k + j] = 1.0;
            }
            double[] y = new double[Math.toIntExact((long) n * k)];
            p.op.applyBlock(e, y, k);
            for (double v : y) {
                frob2 += v * v;
            }
            DenseMatrix sy = s.sketch(new DenseMatrix(n, k, y));
            double[] syd = sy.data();
            for (int i = 0; i < m; i++) {
                System.arraycopy(syd, i * k, out, i * d + c0, k);
            }
        }
        p.frob = Math.sqrt(frob2);
        return new DenseMatrix(m, d, out);
    }

    /**
     * The recomputed figures: ‖r‖, ‖r‖/‖b‖ and ‖Aᵀr‖/(‖A‖_F·‖r‖); {@code fallbackNormal} is used when ‖A‖_F
     * is unknown (a bare operator under LSQR).
     */
    private static Residuals measure(Problem p, double[] x, double fallbackNormal) {
        double[] r = new double[p.n];
        Blas.residual(p.op, x, p.b, r);
        double rn = Blas.norm2(r);
        double rel = p.bnorm == 0 ? (rn == 0 ? 0 : Double.POSITIVE_INFINITY) : rn / p.bnorm;
        double normal;
        if (rn == 0) {
            normal = 0;
        } else if (Double.isNaN(p.frob)) {
            normal = fallbackNormal;
        } else if (p.frob == 0) {
            normal = 0; // A = 0: every x is optimal
        } else {
            double[] atr = new double[p.d];
            p.op.applyTranspose(r, atr);
            normal = Blas.norm2(atr) / (p.frob * rn);
        }
        return new Residuals(rn, rel, normal);
    }

    private static boolean met(Residuals m, double tol) {
        return m.normal() <= tol || m.relative() <= tol;
    }

    private static String detailFor(boolean ok, SolverResult r, Residuals m, double tol) {
        if (ok) {
            return "";
        }
        String figures = String.format(Locale.ROOT, "recomputed ‖Aᵀr‖/(‖A‖_F‖r‖) = %.2g and ‖r‖/‖b‖ = %.2g, "
                + "tolerance %.2g", m.normal(), m.relative(), tol);
        if (r.reason() == StopReason.CONVERGED) {
            return "LSQR met its own test but the " + figures + " miss it (rounding limits the attainable accuracy)";
        }
        return "LSQR stopped (" + r.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ") after "
                + r.iterations() + " iterations with " + figures + (r.detail().isEmpty() ? "" : "; " + r.detail());
    }

    private static void rankNote(StringBuilder detail, DenseFactor f, int m) {
        if (!f.fullRank()) {
            append(detail, String.format(Locale.ROOT, "S·A (%d×%d) is numerically rank-deficient: rank %d "
                    + "(σ below %.2g·σ_max dropped), solved LSRN-style in the span of its top %d right singular vectors",
                    m, f.d, f.rank, f.rcond, f.rank));
        }
    }

    private static void append(StringBuilder s, String text) {
        if (!text.isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append(text);
        }
    }

    private static void checkRows(int m, int d, String method) {
        if (m < d) {
            throw new IllegalArgumentException(method + ": sketch rows m = " + m + " must be ≥ d = " + d
                    + " (the columns of A): a sketch S·A with fewer rows than columns loses rank");
        }
    }

    private static void checkFinite(Matrix a) {
        switch (a) {
            case DenseMatrix dm -> Checks.checkFinite(dm, "", "A");
            case CsrMatrix cm -> Checks.checkFinite(cm, "", "A");
            default -> Checks.checkFinite(a.toCsr(), "", "A");
        }
    }

    private static double sec(long from, long to) {
        return (to - from) * 1e-9;
    }
}
