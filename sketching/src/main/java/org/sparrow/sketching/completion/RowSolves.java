package org.sparrow.sketching.completion;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sparrow.core.Parallelism;
import org.sparrow.core.ops.Blas;

/**
 * One half-step of alternating minimization: for every target row i (a row of U, or a column of M for V),
 * x_i = argmin_x Σ_{j∈Ω_i} (M_ij − x·f_j)² + λ‖x‖², with f_j the rows of the other factor F.
 *
 * <p>Exact solve: the k × k normal equations G = Σ f_j f_jᵀ + λI, g = Σ M_ij f_j, by Cholesky (|Ω_i|·k²/2 + k³/6
 * flops). When a pivot falls below {@value #PIVOT_FLOOR} of its diagonal entry — G is numerically singular, as for
 * a row with fewer than k observations and λ = 0, or collinear factor rows — the row is solved instead by the
 * pseudo-inverse of G from EJML's SVD (the minimum-norm least-squares solution, singular values below
 * {@value #PIVOT_FLOOR}·σ₁ dropped); that path allocates and is counted in {@link #pseudoInverseSolves}.
 *
 * <p>Sketched solve (Gu, Song, Yin, Zhang, "Low Rank Matrix Completion via Robust Alternating Minimization in Nearly
 * Linear Time", ICLR 2024, arXiv 2302.11068: their sketching-based high-accuracy regression solver, which lets
 * every alternating step be solved approximately without losing JNS13's guarantee), for rows with
 * |Ω_i| &gt; 2s, s = {@value MatrixCompletion#SKETCH_FACTOR}·k:
 * <ol>
 * <li>S·A for a CountSketch S (Clarkson–Woodruff, STOC 2013) with s rows: entry p of the row goes to bucket
 *     h(p) mod s with sign σ(p), both from one random int per observation drawn once from the seed
 *     (|Ω_i|·k additions).</li>
 * <li>R from (S·A)ᵀ(S·A) + λI = RᵀR by Cholesky: in exact arithmetic the R of a QR of [S·A; √λ·I], at a quarter of
 *     the flops of Householder (s·k²/2); squaring the condition number only matters where κ(S·A) nears 10⁸, and
 *     there the Cholesky fails and the row is solved exactly.</li>
 * <li>Preconditioned CG on (AᵀA + λI)·x = Aᵀb with M = RᵀR, warm-started from the current row, each step one pass
 *     over the row's observations (2·|Ω_i|·k flops) and two triangular solves (2k²); it stops when
 *     ‖r‖_{M⁻¹} has fallen {@value #INNER_REDUCTION}-fold from the warm start, or after
 *     {@value MatrixCompletion#SKETCH_ITERATIONS} steps.</li>
 * </ol>
 * Why these numbers: if S is an ε-subspace embedding of range(A), the singular values of A·R⁻¹ lie in
 * [1/(1+ε), 1/(1−ε)], so the preconditioned normal matrix has condition number κ ≤ ((1+ε)/(1−ε))² and CG
 * contracts the error in the energy norm by (√κ−1)/(√κ+1) = ε per step. CountSketch guarantees ε for every design
 * only with s = O(k²/ε²) rows (Nelson–Nguyen, FOCS 2013); for the incoherent designs that alternating
 * minimization works with (factor rows of similar norms) it behaves like a Gaussian sketch, ε ≈ √(k/s) = 1/2 for
 * s = 4k, so each step at least halves the error and the {@value #INNER_REDUCTION}-fold reduction takes about 7
 * steps: ample, since each outer iteration only has to shrink the error of a warm start by a constant factor.
 * Below |Ω_i| = 2s the sketch's own Gram (s·k²/2) and the CG steps cost more than the exact Gram (|Ω_i|·k²/2), so
 * those rows are solved exactly. Cost per sketched row: |Ω_i|·k·(1 + 2t) + s·k²/2 + k³/6 + 2t·k², linear in k
 * for |Ω_i| ≫ s·k/(4t).
 *
 * <p>Rows are solved in chunks of {@value #CHUNK} on the workers of {@link Parallelism#forEachWorkerTask}, each
 * worker with its own workspace; a row reads only F and writes only its own x_i, so the result does not depend on
 * the thread count (bit for bit).
 */
final class RowSolves {

    /** Rows per parallel task. */
    static final int CHUNK = 64;

    /** Relative pivot (and singular value) floor below which G counts as singular. */
    static final double PIVOT_FLOOR = 1e-12;

    /** The reduction of the preconditioned residual norm after which a sketched solve stops. */
    static final double INNER_REDUCTION = 100.0;

    private final int k;
    private final double lambda;
    private final boolean sketched;
    private final int s;
    private final int maxInner;
    private final int threads;
    private final Workspace[] workspaces;
    /** Sketch codes per training entry, in CSR order and in CSC order (null for the exact method). */
    private final int[] rowCodes;
    private final int[] colCodes;

    /** Sketched solves and their CG steps, summed over the last half-steps (for the report). */
    long sketchedSolves;
    long innerSteps;
    long pseudoInverseSolves;

    RowSolves(Observations obs, int k, double lambda, boolean sketched, int s, int maxInner, int threads,
              long seed) {
        this.k = k;
        this.lambda = lambda;
        this.sketched = sketched;
        this.s = s;
        this.maxInner = maxInner;
        this.threads = threads;
        int tasks = (Math.max(obs.rows, obs.cols) + CHUNK - 1) / CHUNK;
        this.workspaces = new Workspace[Parallelism.workers(threads, tasks)];
        for (int w = 0; w < workspaces.length; w++) {
            workspaces[w] = new Workspace(k, sketched ? s : 0);
        }
        if (sketched) {
            SplittableRandom rng = new SplittableRandom(seed ^ 0x736b65746368L); // "sketch"
            rowCodes = new int[obs.trainingCount()];
            for (int p = 0; p < rowCodes.length; p++) {
                rowCodes[p] = rng.nextInt();
            }
            colCodes = new int[obs.trainingCount()];
            for (int p = 0; p < colCodes.length; p++) {
                colCodes[p] = rng.nextInt();
            }
        } else {
            rowCodes = null;
            colCodes = null;
        }
    }

    /** Per-worker scratch: nothing is allocated per row. */
    private static final class Workspace {
        final double[] gram;
        final double[] rhs;
        final double[] x;
        final double[] sa;
        final double[] r;
        final double[] z;
        final double[] p;
        final double[] q;
        long sketchedSolves;
        long innerSteps;
        long pseudoInverseSolves;

        Workspace(int k, int s) {
            gram = new double[k * k];
            rhs = new double[k];
            x = new double[k];
            sa = new double[s * k];
            r = new double[k];
            z = new double[k];
            p = new double[k];
            q = new double[k];
        }
    }

    /**
     * Solves every target row in place.
     *
     * @param targets the number of target rows
     * @param ptr     compressed pointers of the observations per target
     * @param idx     the other factor's row of each observation
     * @param val     the observed values
     * @param byRows  whether (ptr, idx) are the CSR (targets are rows of U) or the CSC (targets are rows of V)
     * @param other   the other factor, row-major, k columns
     * @param target  the factor being solved, row-major, k columns: read as the warm start, overwritten
     */
    void update(int targets, int[] ptr, int[] idx, double[] val, boolean byRows, double[] other, double[] target) {
        int[] codes = byRows ? rowCodes : colCodes;
        int tasks = (targets + CHUNK - 1) / CHUNK;
        for (Workspace w : workspaces) {
            w.sketchedSolves = 0;
            w.innerSteps = 0;
            w.pseudoInverseSolves = 0;
        }
        Parallelism.forEachWorkerTask(threads, tasks, (worker, task) -> {
            Workspace w = workspaces[worker];
            int end = Math.min(targets, (task + 1) * CHUNK);
            for (int i = task * CHUNK; i < end; i++) {
                int from = ptr[i];
                int to = ptr[i + 1];
                if (sketched && to - from > 2 * s && sketchedSolve(from, to, idx, val, codes, other, target, i, w)) {
                    continue;
                }
                exactSolve(from, to, idx, val, other, target, i, w);
            }
        });
        for (Workspace w : workspaces) {
            sketchedSolves += w.sketchedSolves;
            innerSteps += w.innerSteps;
            pseudoInverseSolves += w.pseudoInverseSolves;
        }
    }

    /** x_i from the normal equations by Cholesky (or the pseudo-inverse when G is numerically singular). */
    private void exactSolve(int from, int to, int[] idx, double[] val, double[] other, double[] target, int i,
                            Workspace w) {
        double[] g = w.gram;
        double[] rhs = w.rhs;
        gram(from, to, idx, val, other, g, rhs);
        int off = i * k;
        if (cholesky(g, k)) {
            choleskySolve(g, k, rhs);
            System.arraycopy(rhs, 0, target, off, k);
            return;
        }
        w.pseudoInverseSolves++;
        gram(from, to, idx, val, other, g, rhs);
        pseudoInverseSolve(g, rhs, target, off);
    }

    /** The lower triangle of Σ f_j f_jᵀ + λI into g, Σ M_ij f_j into rhs. */
    private void gram(int from, int to, int[] idx, double[] val, double[] other, double[] g, double[] rhs) {
        Arrays.fill(g, 0.0);
        Arrays.fill(rhs, 0.0);
        for (int p = from; p < to; p++) {
            int o = idx[p] * k;
            double y = val[p];
            for (int a = 0; a < k; a++) {
                double fa = other[o + a];
                rhs[a] += y * fa;
                int ga = a * k;
                for (int b = 0; b <= a; b++) {
                    g[ga + b] += fa * other[o + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            g[a * k + a] += lambda;
        }
    }

    /**
     * In-place Cholesky G = L·Lᵀ of the lower triangle (row-major k × k); false when a pivot is not above
     * {@link #PIVOT_FLOOR} times its diagonal entry (numerically singular or not positive definite).
     */
    static boolean cholesky(double[] g, int k) {
        for (int j = 0; j < k; j++) {
            int jj = j * k;
            double d = g[jj + j];
            double diag = d;
            for (int t = 0; t < j; t++) {
                d -= g[jj + t] * g[jj + t];
            }
            if (!(d > PIVOT_FLOOR * diag) || !(diag > 0)) {
                return false;
            }
            double l = Math.sqrt(d);
            g[jj + j] = l;
            double inv = 1.0 / l;
            for (int i = j + 1; i < k; i++) {
                int ii = i * k;
                double sum = g[ii + j];
                for (int t = 0; t < j; t++) {
                    sum -= g[ii + t] * g[jj + t];
                }
                g[ii + j] = sum * inv;
            }
        }
        return true;
    }

    /** b ← (L·Lᵀ)⁻¹·b for the factor left by {@link #cholesky}. */
    static void choleskySolve(double[] l, int k, double[] b) {
        for (int i = 0; i < k; i++) {
            int ii = i * k;
            double sum = b[i];
            for (int t = 0; t < i; t++) {
                sum -= l[ii + t] * b[t];
            }
            b[i] = sum / l[ii + i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double sum = b[i];
            for (int t = i + 1; t < k; t++) {
                sum -= l[t * k + i] * b[t];
            }
            b[i] = sum / l[i * k + i];
        }
    }

    /** The minimum-norm solution of G·x = rhs from the lower triangle of the symmetric G, by EJML's SVD. */
    private void pseudoInverseSolve(double[] g, double[] rhs, double[] target, int off) {
        DMatrixRMaj full = new DMatrixRMaj(k, k);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                full.set(a, b, g[a * k + b]);
                full.set(b, a, g[a * k + b]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(k, k, true, true, false);
        if (!svd.decompose(full)) {
            Arrays.fill(target, off, off + k, Double.NaN);
            return;
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] sv = svd.getSingularValues();
        double max = 0;
        for (double d : sv) {
            max = Math.max(max, d);
        }
        Arrays.fill(target, off, off + k, 0.0);
        for (int c = 0; c < sv.length; c++) {
            if (!(sv[c] > PIVOT_FLOOR * max)) {
                continue;
            }
            double coef = 0;
            for (int a = 0; a < k; a++) {
                coef += u.get(a, c) * rhs[a];
            }
            coef /= sv[c];
            for (int a = 0; a < k; a++) {
                target[off + a] += coef * v.get(a, c);
            }
        }
    }

    /**
     * x_i by sketch-preconditioned CG, warm-started from the current row; false (nothing written) when the sketched
     * Gram matrix is numerically singular, so the caller solves exactly.
     */
    private boolean sketchedSolve(int from, int to, int[] idx, double[] val, int[] codes, double[] other,
                                  double[] target, int i, Workspace w) {
        double[] sa = w.sa;
        double[] g = w.gram;
        Arrays.fill(sa, 0.0);
        for (int p = from; p < to; p++) {
            int c = codes[p];
            int row = ((c & 0x7fffffff) % s) * k;
            int o = idx[p] * k;
            if (c < 0) {
                for (int a = 0; a < k; a++) {
                    sa[row + a] -= other[o + a];
                }
            } else {
                for (int a = 0; a < k; a++) {
                    sa[row + a] += other[o + a];
                }
            }
        }
        Arrays.fill(g, 0.0);
        for (int r = 0; r < s; r++) {
            int ro = r * k;
            for (int a = 0; a < k; a++) {
                double fa = sa[ro + a];
                if (fa == 0.0) {
                    continue;
                }
                int ga = a * k;
                for (int b = 0; b <= a; b++) {
                    g[ga + b] += fa * sa[ro + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            g[a * k + a] += lambda;
        }
        if (!cholesky(g, k)) {
            return false;
        }
        w.sketchedSolves++;
        int off = i * k;
        double[] x = w.x;
        double[] r = w.r;
        double[] z = w.z;
        double[] pd = w.p;
        double[] q = w.q;
        boolean finite = true;
        for (int a = 0; a < k; a++) {
            x[a] = target[off + a];
            finite &= Double.isFinite(x[a]);
        }
        if (!finite) {
            Arrays.fill(x, 0.0);
        }
        // r = Aᵀ(b − A·x) − λ·x
        Arrays.fill(r, 0.0);
        for (int p = from; p < to; p++) {
            int o = idx[p] * k;
            double t = val[p];
            for (int a = 0; a < k; a++) {
                t -= other[o + a] * x[a];
            }
            for (int a = 0; a < k; a++) {
                r[a] += t * other[o + a];
            }
        }
        for (int a = 0; a < k; a++) {
            r[a] -= lambda * x[a];
        }
        System.arraycopy(r, 0, z, 0, k);
        choleskySolve(g, k, z);
        double rz = Blas.dot(r, z);
        double stop = rz / (INNER_REDUCTION * INNER_REDUCTION);
        System.arraycopy(z, 0, pd, 0, k);
        for (int it = 0; it < maxInner && rz > 0; it++) {
            // q = (AᵀA + λI)·p in one pass over the row's observations
            Arrays.fill(q, 0.0);
            for (int p = from; p < to; p++) {
                int o = idx[p] * k;
                double t = 0;
                for (int a = 0; a < k; a++) {
                    t += other[o + a] * pd[a];
                }
                for (int a = 0; a < k; a++) {
                    q[a] += t * other[o + a];
                }
            }
            for (int a = 0; a < k; a++) {
                q[a] += lambda * pd[a];
            }
            double pq = Blas.dot(pd, q);
            if (!(pq > 0)) {
                break;
            }
            double alpha = rz / pq;
            for (int a = 0; a < k; a++) {
                x[a] += alpha * pd[a];
                r[a] -= alpha * q[a];
            }
            w.innerSteps++;
            System.arraycopy(r, 0, z, 0, k);
            choleskySolve(g, k, z);
            double rzNew = Blas.dot(r, z);
            if (!(rzNew > stop)) {
                break;
            }
            double beta = rzNew / rz;
            for (int a = 0; a < k; a++) {
                pd[a] = z[a] + beta * pd[a];
            }
            rz = rzNew;
        }
        System.arraycopy(x, 0, target, off, k);
        return true;
    }

}
