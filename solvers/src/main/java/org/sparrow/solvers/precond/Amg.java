package org.sparrow.solvers.precond;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Add;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Diagonal;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.core.ops.SpgemmWorkspace;
import org.sparrow.core.ops.Spmv;
import org.sparrow.core.ops.Symmetry;
import org.sparrow.solvers.IterationListener;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;
import org.sparrow.solvers.direct.SparseCholesky;
import org.sparrow.solvers.direct.SparseLu;

/**
 * Smoothed-aggregation algebraic multigrid (Vaněk, Mandel and Brezina, "Algebraic multigrid by
 * smoothed aggregation for second and fourth order elliptic problems", Computing 56 (1996) 179–196),
 * with pyamg's {@code smoothed_aggregation_solver} defaults as the reference design. One
 * {@link #apply} is one V-cycle from a zero initial guess, so this is a preconditioner M⁻¹ for CG (it is
 * symmetric positive definite for an SPD A) and GMRES; {@link #solve} runs V-cycles as a stand-alone
 * iteration.
 *
 * <p><b>Setup</b>, level by level from A₀ = A, with the near-null-space candidate B₀ = 1:
 * <ol>
 *   <li>strong neighbours by the symmetric measure {@code |a_ij| ≥ θ·√(|a_ii·a_jj|)} (θ =
 *       {@link AmgOptions#strengthTheta()}, default 0 as pyamg's: every stored nonzero couples);</li>
 *   <li>standard aggregation of the strength graph (three steps: whole free neighbourhoods, then
 *       joining a neighbouring aggregate, then the remainder; see {@link AmgSetup#aggregate});</li>
 *   <li>the tentative prolongator T, one entry per aggregated row, fitting B exactly with orthonormal
 *       columns; B on the next level is its coefficients;</li>
 *   <li>the prolongator {@code P = (I − ω·D⁻¹A)·T}, {@code ω = (4/3)/ρ(D⁻¹A)} (the Jacobi prolongator
 *       smoother; ρ estimated by 15 Lanczos steps, see {@link AmgSetup#spectralRadius});</li>
 *   <li>the Galerkin coarse operator {@code A_{l+1} = Pᵀ·(A·P)} by two {@link Spgemm} products, with the
 *       restriction {@code R = Pᵀ} formed once (a transpose) and kept for the V-cycle,</li>
 * </ol>
 * until a level has at most {@link AmgOptions#maxCoarse()} unknowns, the level limit is reached, or
 * aggregation stops reducing the size; that coarsest level is factored once by {@link SparseCholesky}
 * (symmetric A) or {@link SparseLu}. All SpGEMMs of the setup share one {@link SpgemmWorkspace}.
 *
 * <p><b>V-cycle</b> on level l for {@code A_l·x = b_l} from x = 0: pre-smooth, {@code b_{l+1} = R·(b − A·x)},
 * recurse, {@code x += P·x_{l+1}}, post-smooth; the coarsest level is a direct solve. The smoother is
 * {@link AmgSmoother#GAUSS_SEIDEL} (a forward then a backward sweep, which is its own adjoint, so the
 * V-cycle is symmetric) or {@link AmgSmoother#CHEBYSHEV} (a polynomial in D⁻¹A, self-adjoint in the
 * A-inner product). Every vector of every level is allocated at setup: an apply allocates nothing but
 * the task objects of the threaded products.
 *
 * <p>A must be square, finite, with every diagonal entry stored and nonzero. The convergence theory is
 * for symmetric positive definite A; a nonsymmetric A gets the same construction (R = Pᵀ) as a GMRES
 * preconditioner, without guarantees, and {@link #applyTranspose} is then refused.
 */
public final class Amg implements Preconditioner {

    private final int depth;
    private final CsrMatrix[] ops;       // A_l
    private final CsrMatrix[] prolong;   // P_l: rows_l × rows_{l+1}
    private final CsrMatrix[] restrict;  // R_l = P_lᵀ
    private final double[][] invDiag;
    private final double[] rho;          // ρ(D⁻¹A_l) estimates
    private final int[] opThreads;
    private final int[] pThreads;
    private final int[] rThreads;
    private final double[][] xs;
    private final double[][] bs;
    private final double[][] rs;
    private final double[][] ds;         // Chebyshev direction (null for Gauss–Seidel)
    private final SparseCholesky cholesky;
    private final SparseLu lu;
    private final double[] coarseWork;
    private final boolean symmetric;
    private final AmgOptions options;
    private final AmgHierarchy hierarchy;

    private Amg(List<CsrMatrix> a, List<CsrMatrix> p, List<CsrMatrix> r, List<double[]> dinv, double[] rho,
                SparseCholesky cholesky, SparseLu lu, boolean symmetric, AmgOptions options, AmgHierarchy hierarchy) {
        this.depth = a.size();
        this.ops = a.toArray(new CsrMatrix[0]);
        this.prolong = p.toArray(new CsrMatrix[0]);
        this.restrict = r.toArray(new CsrMatrix[0]);
        this.invDiag = dinv.toArray(new double[0][]);
        this.rho = rho;
        this.cholesky = cholesky;
        this.lu = lu;
        this.symmetric = symmetric;
        this.options = options;
        this.hierarchy = hierarchy;
        this.opThreads = new int[depth];
        this.pThreads = new int[depth];
        this.rThreads = new int[depth];
        this.xs = new double[depth][];
        this.bs = new double[depth][];
        this.rs = new double[depth][];
        this.ds = new double[depth][];
        for (int l = 0; l < depth; l++) {
            int n = ops[l].rows();
            xs[l] = new double[n];
            bs[l] = new double[n];
            rs[l] = new double[n];
            if (options.smoother() == AmgSmoother.CHEBYSHEV && l < depth - 1) {
                ds[l] = new double[n];
            }
            opThreads[l] = Spmv.defaultThreads(ops[l].nnz());
            if (l < depth - 1) {
                pThreads[l] = Spmv.defaultThreads(prolong[l].nnz());
                rThreads[l] = Spmv.defaultThreads(restrict[l].nnz());
            }
        }
        this.coarseWork = new double[ops[depth - 1].rows()];
    }

    /**
     * The AMG hierarchy of A with {@link AmgOptions#defaults()}.
     *
     * @param a Input: square, finite CSR with every diagonal entry stored and nonzero (symmetric positive
     *          definite for CG)
     * @return the preconditioner
     * @throws IllegalArgumentException as {@link #of(CsrMatrix, AmgOptions)}
     */
    public static Amg of(CsrMatrix a) {
        return of(a, AmgOptions.defaults());
    }

    /**
     * Builds the smoothed-aggregation hierarchy of A (see the class comment).
     *
     * @param a       Input: square, finite CSR (sorted or not) with every diagonal entry stored and nonzero
     * @param options Input: the setup and cycle options
     * @return the preconditioner
     * @throws IllegalArgumentException if A is null, not square, not finite, misses a diagonal entry or
     *     has a zero one (naming the row), options is null, or the coarsest operator cannot be factored
     *     (A is singular, or not positive definite and singular on the coarse space)
     */
    public static Amg of(CsrMatrix a, AmgOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("AMG: the options are missing");
        }
        long t0 = System.nanoTime();
        CsrMatrix s = Inputs.squareFinite(a, "AMG");
        Inputs.diagonalPositions(s, "AMG", false);
        boolean symmetric = Symmetry.firstAsymmetry(s, 1e-12) == null;
        SpgemmOptions spgemm = SpgemmOptions.defaults();
        SpgemmWorkspace ws = new SpgemmWorkspace();

        List<CsrMatrix> ops = new ArrayList<>();
        List<CsrMatrix> ps = new ArrayList<>();
        List<CsrMatrix> rs = new ArrayList<>();
        List<double[]> dinv = new ArrayList<>();
        List<AmgHierarchy.Level> info = new ArrayList<>();
        double[] rho = new double[options.maxLevels()];
        Arrays.fill(rho, Double.NaN);
        CsrMatrix cur = s;
        double[] candidate = new double[s.rows()];
        Arrays.fill(candidate, 1.0); // B₀ = 1: the constants, the null space of a Laplacian without boundary
        while (true) {
            int l = ops.size();
            int n = cur.rows();
            double[] d = Diagonal.of(cur);
            double[] inv = new double[n];
            double[] abs = new double[n];
            for (int i = 0; i < n; i++) {
                inv[i] = 1.0 / d[i];
                abs[i] = Math.abs(d[i]);
                if (!Double.isFinite(inv[i]) || d[i] == 0.0) {
                    throw new IllegalArgumentException("AMG: the diagonal entry of row " + (i + 1) + " of the level-" + l
                            + " operator is " + d[i] + ", so the smoother cannot divide by it");
                }
            }
            ops.add(cur);
            dinv.add(inv);
            boolean last = n <= options.maxCoarse() || l + 1 >= options.maxLevels();
            long tl = System.nanoTime();
            if (!last) {
                int[] agg = new int[n];
                int nc = AmgSetup.aggregate(n, cur.rowPointers(), cur.columnIndices(), cur.values(), abs,
                        options.strengthTheta(), agg);
                if (nc == 0 || nc >= n) {
                    last = true; // nothing left to coarsen: this level is solved directly
                } else {
                    double[] next = new double[nc];
                    CsrMatrix t = AmgSetup.tentative(n, nc, agg, candidate, next);
                    rho[l] = AmgSetup.spectralRadius(cur, inv, options.spectralSteps(), symmetric);
                    double omega = options.prolongatorOmega() / rho[l];
                    long tg = System.nanoTime();
                    CsrMatrix p = AmgSetup.smoothProlongator(cur, inv, t, agg, omega, spgemm, ws);
                    CsrMatrix r = p.transpose();
                    CsrMatrix ap = Spgemm.multiply(cur, p, spgemm, ws);
                    CsrMatrix coarse = Spgemm.multiply(r, ap, spgemm, ws);
                    ws.recycle(ap);
                    long te = System.nanoTime();
                    ps.add(p);
                    rs.add(r);
                    info.add(new AmgHierarchy.Level(n, cur.nnz(), rho[l], (te - tl) * 1e-9, (te - tg) * 1e-9));
                    cur = coarse;
                    candidate = next;
                    continue;
                }
            }
            info.add(new AmgHierarchy.Level(n, cur.nnz(), Double.NaN, 0.0, 0.0));
            break;
        }
        // Chebyshev smooths with ρ(D⁻¹A_l) of every level but the coarsest, all computed above.
        CsrMatrix coarsest = ops.get(ops.size() - 1);
        SparseCholesky chol = null;
        SparseLu lu = null;
        long factorNnz;
        String solver;
        try {
            if (symmetric) {
                // R·A·P is symmetric up to rounding; Cholesky checks symmetry to 1e-12, so take the exact mean.
                CsrMatrix sym = Add.of(0.5, coarsest, 0.5, coarsest.transpose(), 1);
                try {
                    chol = SparseCholesky.factor(sym);
                } catch (IllegalArgumentException notPositiveDefinite) {
                    lu = SparseLu.factor(sym);
                }
            } else {
                lu = SparseLu.factor(coarsest);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AMG: the coarsest operator (level " + (ops.size() - 1) + ", "
                    + coarsest.rows() + " unknowns) cannot be factored, so A is singular or far from positive definite: "
                    + e.getMessage(), e);
        }
        if (chol != null) {
            factorNnz = chol.factorNonzeros();
            solver = "sparse Cholesky";
        } else {
            factorNnz = lu.factorNonzeros();
            solver = "sparse LU";
        }
        long nnz0 = s.nnz();
        long nnzSum = 0;
        long rowSum = 0;
        for (AmgHierarchy.Level v : info) {
            nnzSum += v.nnz();
            rowSum += v.rows();
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        AmgHierarchy h = new AmgHierarchy(List.copyOf(info), nnz0 == 0 ? 1.0 : (double) nnzSum / nnz0,
                s.rows() == 0 ? 1.0 : (double) rowSum / s.rows(), options.smoother(), options.strengthTheta(), solver,
                factorNnz, seconds);
        return new Amg(ops, ps, rs, dinv, Arrays.copyOf(rho, ops.size()), chol, lu, symmetric, options, h);
    }

    /**
     * What was built: levels, sizes, complexities, setup time.
     *
     * @return the hierarchy
     */
    public AmgHierarchy hierarchy() {
        return hierarchy;
    }

    /**
     * The options the hierarchy was built with.
     *
     * @return the options
     */
    public AmgOptions options() {
        return options;
    }

    /**
     * The operator of one level: {@code A} itself for level 0, the Galerkin product {@code Pᵀ·A_{l−1}·P}
     * below.
     *
     * @param level 0 ≤ level &lt; {@link AmgHierarchy#depth()}
     * @return A_level (shared, read-only)
     * @throws IllegalArgumentException if the level does not exist
     */
    public CsrMatrix operator(int level) {
        checkLevel(level, depth);
        return ops[level];
    }

    /**
     * The prolongator from level {@code level + 1} to {@code level}.
     *
     * @param level 0 ≤ level &lt; {@link AmgHierarchy#depth()} − 1
     * @return P_level, {@code rows(A_level) × rows(A_{level+1})} (shared, read-only)
     * @throws IllegalArgumentException if the level has no coarser one
     */
    public CsrMatrix prolongator(int level) {
        checkLevel(level, depth - 1);
        return prolong[level];
    }

    private static void checkLevel(int level, int levels) {
        if (level < 0 || level >= levels) {
            throw new IllegalArgumentException("AMG: level " + level + " does not exist here (levels 0 to " + (levels - 1)
                    + ")");
        }
    }

    @Override
    public PreconditionerKind kind() {
        return PreconditionerKind.AMG;
    }

    /**
     * What was built: the nonzeros of every level's operator against A's (the operator complexity as the
     * fill), the setup time, and one detail line per level from {@link AmgHierarchy#summary()}.
     *
     * @return the view
     */
    @Override
    public PreconditionerView view() {
        AmgHierarchy h = hierarchy;
        long stored = 0;
        for (AmgHierarchy.Level l : h.levels()) {
            stored += l.nnz();
        }
        String[] lines = h.summary().split("\n");
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "%d levels, operator complexity %.3f, grid complexity %.3f", h.depth(),
                h.operatorComplexity(), h.gridComplexity()));
        for (int i = 1; i < lines.length; i++) {
            details.add(lines[i].strip());
        }
        String name = "AMG (smoothed aggregation, θ = " + (options.strengthTheta() == 0 ? "0" : Double.toString(options.strengthTheta()))
                + ", " + options.smoother().displayName() + ")";
        return new PreconditionerView(name, h.levels().get(0).nnz(), stored, h.setupSeconds(), details);
    }

    @Override
    public int rows() {
        return ops[0].rows();
    }

    /** {@code y = M⁻¹·x}: one V-cycle for {@code A·y = x} from y = 0; x and y may be the same array. */
    @Override
    public void apply(double[] x, double[] y) {
        Inputs.vectors(x, y, rows());
        System.arraycopy(x, 0, bs[0], 0, x.length);
        cycle(0);
        System.arraycopy(xs[0], 0, y, 0, y.length);
    }

    /**
     * The same as {@link #apply(double[], double[])} for a symmetric A, where the V-cycle is symmetric.
     *
     * @throws UnsupportedOperationException for a nonsymmetric A
     */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        if (!symmetric) {
            throw new UnsupportedOperationException("AMG: the transposed V-cycle is available only for a symmetric A");
        }
        apply(x, y);
    }

    /** One V-cycle on level l for {@code A_l·x_l = b_l} from {@code x_l = 0}. */
    private void cycle(int l) {
        double[] x = xs[l];
        double[] b = bs[l];
        if (l == depth - 1) {
            if (cholesky != null) {
                cholesky.solve(b, x, coarseWork);
            } else {
                lu.solve(b, x, coarseWork);
            }
            return;
        }
        double[] r = rs[l];
        Arrays.fill(x, 0.0);
        smooth(l);
        residual(l); // r = b − A·x
        CsrMatrix rl = restrict[l];
        Spmv.apply(rl.rows(), rl.rowPointers(), rl.columnIndices(), rl.values(), r, bs[l + 1], rThreads[l]); // b_{l+1} = R·r
        cycle(l + 1);
        CsrMatrix pl = prolong[l];
        Spmv.apply(pl.rows(), pl.rowPointers(), pl.columnIndices(), pl.values(), xs[l + 1], r, pThreads[l]); // r = P·x_{l+1}
        for (int i = 0; i < x.length; i++) {
            x[i] += r[i]; // coarse-grid correction
        }
        smooth(l);
    }

    /** {@code r_l = b_l − A_l·x_l}. */
    private void residual(int l) {
        CsrMatrix a = ops[l];
        double[] r = rs[l];
        double[] b = bs[l];
        Spmv.apply(a.rows(), a.rowPointers(), a.columnIndices(), a.values(), xs[l], r, opThreads[l]);
        for (int i = 0; i < r.length; i++) {
            r[i] = b[i] - r[i];
        }
    }

    /** The smoother's {@link AmgOptions#sweeps()} steps on level l, in place on x_l (the same before and after the correction). */
    private void smooth(int l) {
        CsrMatrix a = ops[l];
        int n = a.rows();
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        double[] inv = invDiag[l];
        double[] x = xs[l];
        double[] b = bs[l];
        for (int s = 0; s < options.sweeps(); s++) {
            if (options.smoother() == AmgSmoother.GAUSS_SEIDEL) {
                gaussSeidelForward(n, ap, aj, ax, inv, b, x);
                gaussSeidelBackward(n, ap, aj, ax, inv, b, x);
            } else {
                chebyshev(l);
            }
        }
    }

    /**
     * One forward Gauss–Seidel sweep {@code x_i ← x_i + (b_i − A(i,:)·x)/a_ii}, i = 0…n−1, the rows
     * before i already updated (Saad 2003, §4.1).
     */
    static void gaussSeidelForward(int n, int[] ap, int[] aj, double[] ax, double[] inv, double[] b, double[] x) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                s -= ax[p] * x[aj[p]];
            }
            x[i] += s * inv[i]; // x_i = (b_i − Σ_{j≠i} a_ij·x_j)/a_ii
        }
    }

    /** One backward Gauss–Seidel sweep, i = n−1…0. */
    static void gaussSeidelBackward(int n, int[] ap, int[] aj, double[] ax, double[] inv, double[] b, double[] x) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                s -= ax[p] * x[aj[p]];
            }
            x[i] += s * inv[i];
        }
    }

    /**
     * One Chebyshev smoothing step of {@link AmgOptions#chebyshevDegree()} residual updates with
     * D⁻¹A on the interval [ρ/30, 1.1·ρ] (Saad 2003, Algorithm 12.1, Chebyshev acceleration, applied to
     * the Jacobi-preconditioned system as in Adams et al. 2003): with θ the interval's centre and δ its
     * half width, {@code d = D⁻¹r/θ}, then {@code x += d}, {@code r = b − A·x},
     * {@code ρ_k = 1/(2θ/δ − ρ_{k−1})}, {@code d = ρ_k·ρ_{k−1}·d + (2ρ_k/δ)·D⁻¹r}.
     */
    private void chebyshev(int l) {
        double upper = 1.1 * rho[l];
        double lower = rho[l] / 30.0;
        double theta = 0.5 * (upper + lower);
        double delta = 0.5 * (upper - lower);
        double sigma = theta / delta;
        double[] x = xs[l];
        double[] r = rs[l];
        double[] d = ds[l];
        double[] inv = invDiag[l];
        residual(l);
        for (int i = 0; i < d.length; i++) {
            d[i] = inv[i] * r[i] / theta;
        }
        double rhoOld = 1.0 / sigma;
        int degree = options.chebyshevDegree();
        for (int k = 1; k <= degree; k++) {
            for (int i = 0; i < x.length; i++) {
                x[i] += d[i];
            }
            if (k == degree) {
                break;
            }
            residual(l);
            double rhoNew = 1.0 / (2.0 * sigma - rhoOld);
            double c1 = rhoNew * rhoOld;
            double c2 = 2.0 * rhoNew / delta;
            for (int i = 0; i < d.length; i++) {
                d[i] = c1 * d[i] + c2 * inv[i] * r[i];
            }
            rhoOld = rhoNew;
        }
    }

    /**
     * Solves {@code A·x = b} by smoothed-aggregation V-cycles alone (no Krylov method): builds the
     * hierarchy, then iterates {@code x ← x + M⁻¹·(b − A·x)} as {@link #solve(double[], SolverOptions)}.
     *
     * @param a   Input: as {@link #of(CsrMatrix, AmgOptions)}
     * @param b   Input: the right-hand side, length n, finite
     * @param amg Input: the hierarchy's options
     * @param o   Input: tolerances, iteration limit (V-cycles) and listener
     * @return what happened, with method {@link SolverMethod#AMG}; {@link SolverResult#seconds()} excludes the setup
     * @throws IllegalArgumentException as {@link #of(CsrMatrix, AmgOptions)}, or for a bad b
     */
    public static SolverResult solve(CsrMatrix a, double[] b, AmgOptions amg, SolverOptions o) {
        return of(a, amg).solve(b, o);
    }

    /**
     * Solves {@code A_0·x = b} by V-cycles on this hierarchy: {@code x ← x + M⁻¹·(b − A·x)} from x = 0,
     * the residual {@code b − A·x} recomputed every cycle, so the residual tested and reported is always
     * the true one. Stops when {@code ‖b − A·x‖ ≤ max(tol·‖b‖, floor)} ({@link StopReason#CONVERGED}),
     * after the iteration limit ({@link StopReason#MAX_ITERATIONS}), when the residual becomes NaN or
     * infinite ({@link StopReason#NOT_FINITE}), or when 20 cycles in a row have not reduced the best
     * residual by 1% ({@link StopReason#STAGNATION}: the cycle does not converge on this matrix; use it
     * in CG instead).
     *
     * @param b Input: the right-hand side, length n, finite
     * @param o Input: tolerances, iteration limit (V-cycles) and listener
     * @return what happened, with method {@link SolverMethod#AMG} and preconditioner
     *     {@link PreconditionerKind#NONE}; {@link SolverResult#seconds()} is the iteration time, setup excluded
     * @throws IllegalArgumentException if b is null, of the wrong length or not finite, or o is null
     */
    public SolverResult solve(double[] b, SolverOptions o) {
        int n = rows();
        Checks.checkNotNull(o, "AMG: options");
        Checks.checkLength("b", b, n, "A's row count");
        Checks.checkFinite(b, "AMG: ", "b");
        long t0 = System.nanoTime();
        CsrMatrix a = ops[0];
        double bnorm = Blas.norm2(b);
        double target = Math.max(o.relativeTolerance() * bnorm, o.absoluteTolerance());
        double[] x = new double[n];
        double[] r = b.clone();
        double[] e = new double[n];
        double[] history = new double[Math.min(o.maxIterations(), 100_000) + 1];
        IterationListener listener = o.listener();
        double rnorm = bnorm;
        history[0] = bnorm == 0.0 ? 0.0 : 1.0;
        int k = 0;
        double best = rnorm;
        int sinceBest = 0;
        StopReason reason;
        String detail = "";
        while (true) {
            if (rnorm <= target) {
                reason = StopReason.CONVERGED;
                break;
            }
            if (k >= o.maxIterations()) {
                reason = StopReason.MAX_ITERATIONS;
                detail = "the iteration limit of " + o.maxIterations() + " V-cycles was reached";
                break;
            }
            apply(r, e);
            for (int i = 0; i < n; i++) {
                x[i] += e[i];
            }
            Blas.residual(a, x, b, r);
            rnorm = Blas.norm2(r);
            k++;
            double rel = rnorm / bnorm;
            if (k < history.length) {
                history[k] = rel;
            }
            if (listener != null) {
                listener.onIteration(k, rel);
            }
            if (!Double.isFinite(rnorm)) {
                reason = StopReason.NOT_FINITE;
                detail = "the residual became NaN or infinite at V-cycle " + k
                        + ": the cycle diverges on this matrix (is A positive definite?)";
                break;
            }
            if (rnorm < 0.99 * best) {
                best = rnorm;
                sinceBest = 0;
            } else if (++sinceBest >= 20) {
                reason = StopReason.STAGNATION;
                detail = String.format(Locale.ROOT,
                        "20 V-cycles in a row did not reduce the residual by 1%% (relative residual %.2e at cycle %d); "
                                + "use AMG as a preconditioner of CG instead", rel, k);
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] hist = Arrays.copyOf(history, Math.min(k + 1, history.length));
        return new SolverResult(SolverMethod.AMG, PreconditionerKind.NONE, x, reason == StopReason.CONVERGED, reason,
                detail, k, bnorm == 0.0 ? 0.0 : rnorm / bnorm, Double.NaN, hist, 0.0, seconds);
    }
}
