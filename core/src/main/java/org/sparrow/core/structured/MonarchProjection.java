package org.sparrow.core.structured;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;

/**
 * The Monarch matrix nearest to a dense matrix A in the Frobenius norm, with how near it is
 * ({@link MonarchMatrix#project(DenseMatrix, int)}).
 *
 * <p><b>Method</b> (Dao et al., ICML 2022, arXiv 2204.00595, Theorem 1, stated there for n = m²; the
 * argument below carries over unchanged to the general shapes of {@link MonarchMatrix}, as every slice is still a
 * rank-one product). By the index convention of {@link MonarchMatrix}, the entries of A that a Monarch matrix with b
 * blocks ties together fall into {@code q·b} disjoint {@code b × p} slices
 * {@code S_{jk}[ℓ, i] = A[ℓ·q + j, k·p + i]} (q = rows/b, p = cols/b), and on slice (j, k) the Monarch matrix is
 * the rank-one {@code L_{j,·,k}·R_{k,j,·}ᵀ}, with no parameter shared between slices. So
 * {@code ‖A − M‖_F² = Σ_{jk} ‖S_{jk} − L_{j,·,k}·R_{k,j,·}ᵀ‖_F²} splits into independent best rank-one problems,
 * solved by the leading singular triple {@code σ·u·vᵀ} of each slice (Eckart–Young): {@code L_{j,·,k} = √σ·u},
 * {@code R_{k,j,·} = √σ·v} (the balanced split; the factors are defined only up to that scaling).
 *
 * <p><b>Leading triple.</b> Golub–Kahan–Lanczos bidiagonalization of each slice (Golub and Kahan 1965; Golub and
 * Van Loan, <i>Matrix Computations</i>, 4th ed., §10.4) with full reorthogonalization (two classical Gram–Schmidt
 * passes), started from a fixed pseudo-random unit vector (the same for every slice, so the result does not
 * depend on the thread count), on the slice scaled by a power of two near its largest entry. After i steps
 * {@code S·V = U·B} with B upper bidiagonal; the leading singular triple {@code (θ, x, y)} of B gives the Ritz triple
 * {@code (θ, U·x, V·y)}, and {@code ‖Sᵀ·U·x − θ·V·y‖ = β_{i+1}·|x_i|} exactly, so the stop is certified: when that
 * residual is at most 1e-12·θ, or when the Krylov space is invariant (a coefficient α or β below 1e-14·‖S‖_F; a
 * rank-one slice, as every slice of a Monarch matrix is, breaks down after two steps with an exact triple). The
 * small problem is the top eigenpair of the tridiagonal {@code B·Bᵀ}: bisection by Sturm counts, then inverse
 * iteration with an LDLᵀ factorization shifted just above the eigenvalue (positive definite, so stable without
 * pivoting), O(i) per step. A slice whose start vector is annihilated, or whose iteration does not settle within
 * min(b, p) + 1 steps (the Krylov space is then the whole space, so only rounding trouble could cause it), falls
 * back to EJML's full SVD.
 *
 * <p>Why not EJML's SVD for every slice (the simple choice): it computes all min(b, p) triples, some 20·b³ flops
 * for a square slice, where a Lanczos step costs about {@code 2·b·p} plus the reorthogonalization. On Gaussian
 * slices, the hardest case (σ₁ − σ₂ is small), Lanczos needed about 23 steps for 32×32 slices and 31 for
 * 64×64, so it does a fraction of the SVD's work, a fraction that shrinks as b grows; on Monarch-like inputs it
 * stops after two steps.
 *
 * <p><b>Error.</b> {@code relativeError = ‖A − M‖_F/‖A‖_F} (0 when A = 0), with the residual of each slice summed
 * directly, {@code Σ_{ℓ,i} (S[ℓ, i] − σ·u_ℓ·v_i)²}, rather than as {@code ‖S‖_F² − σ²}: that difference cancels
 * catastrophically when A is (nearly) Monarch, while the direct sum costs one more pass over the slice and is
 * accurate to rounding, so an exact recovery shows as an error near 1e-16. Both norms are summed scaled by the
 * largest entry of A, so neither over- nor underflows.
 *
 * @param matrix        the projection M, with b blocks
 * @param relativeError {@code ‖A − M‖_F / ‖A‖_F}, 0 when A = 0
 * @param seconds       wall-clock time of the projection
 */
public record MonarchProjection(MonarchMatrix matrix, double relativeError, double seconds) {

    /** The projection of the class comment, slices split between threads as {@code par} says. */
    static MonarchProjection of(DenseMatrix a, int blocks, Par par) {
        long start = System.nanoTime();
        Checks.checkNotNull(a, "the matrix to project");
        int rows = a.rows();
        int cols = a.cols();
        if (blocks < 1) {
            throw new IllegalArgumentException("the block count of a Monarch projection must be ≥ 1, got " + blocks);
        }
        if (rows % blocks != 0 || cols % blocks != 0) {
            throw new IllegalArgumentException("cannot project a " + Checks.shape(rows, cols)
                    + " matrix onto Monarch matrices with " + blocks + " blocks: the block count must divide both the"
                    + " row count (" + rows + ") and the column count (" + cols + ")");
        }
        Checks.checkFinite(a, "Monarch projection: ", "A");
        int b = blocks;
        int q = rows / b;
        int p = cols / b;
        double[] left = new double[Checks.checkedArrayLength((long) q * b * b, "the left factor L")];
        double[] right = new double[Checks.checkedArrayLength((long) b * q * p, "the right factor R")];
        int slices = q * b;
        double[] residual = new double[slices];
        double[] data = a.data();
        if (slices == 0 || p == 0) { // an empty matrix: M = 0 is exact
            return new MonarchProjection(new MonarchMatrix(rows, cols, b, left, right), 0.0,
                    (System.nanoTime() - start) * 1e-9);
        }
        double max = 0;
        for (double v : data) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            return new MonarchProjection(new MonarchMatrix(rows, cols, b, left, right), 0.0,
                    (System.nanoTime() - start) * 1e-9);
        }
        double inv = Math.scalb(1.0, -Math.getExponent(max)); // a power of two near 1/max: exact, never overflows
        int threads = Parallelism.threads(par, (long) rows * cols * Math.min(b, p));
        int workers = Parallelism.workers(threads, q);
        SliceSolver[] solvers = new SliceSolver[workers];
        Parallelism.forEachWorkerTask(threads, q, (worker, j) -> {
            SliceSolver s = solvers[worker];
            if (s == null) {
                s = new SliceSolver(b, p);
                solvers[worker] = s;
            }
            for (int k = 0; k < b; k++) {
                residual[j * b + k] = s.solve(data, cols, q, j, k, inv, left, right);
            }
        });
        double norm2 = 0;
        for (double v : data) {
            double w = v * inv;
            norm2 += w * w;
        }
        double res2 = 0;
        for (double r : residual) {
            res2 += r;
        }
        double error = Math.sqrt(res2 / norm2);
        MonarchMatrix m = new MonarchMatrix(rows, cols, b, left, right);
        return new MonarchProjection(m, error, (System.nanoTime() - start) * 1e-9);
    }

    /** One worker's scratch: a slice, its Lanczos bases and its leading singular triple (see the class comment). */
    private static final class SliceSolver {
        /** The certified stop: residual ‖Sᵀu − θv‖ at most this times θ. */
        static final double RESIDUAL_TOLERANCE = 1e-12;
        /** A Lanczos coefficient below this times ‖S‖_F ends the iteration: the Krylov space is invariant. */
        static final double BREAKDOWN = 1e-14;

        private final int b;
        private final int p;
        private final int maxSteps;
        private final double[] s;
        private final double[] u;
        private final double[] v;
        private final double[] start;
        private final double[] ub; // Lanczos left vectors, row r = u_r (length b)
        private final double[] vb; // Lanczos right vectors, row r = v_r (length p)
        private final double[] alpha;
        private final double[] beta; // beta[r] couples u_{r−1} and v_r; beta[0] = 0
        private final double[] td; // tridiagonal B·Bᵀ: diagonal
        private final double[] te; // and off-diagonal
        private final double[] x; // its top eigenvector
        private final double[] z;
        private final double[] pivots;
        private final double[] y;
        private SingularValueDecomposition_F64<DMatrixRMaj> svd;
        private DMatrixRMaj work;

        SliceSolver(int b, int p) {
            this.b = b;
            this.p = p;
            this.maxSteps = Math.min(b, p) + 1;
            this.s = new double[b * p];
            this.u = new double[b];
            this.v = new double[p];
            this.ub = new double[(maxSteps + 1) * b];
            this.vb = new double[(maxSteps + 1) * p];
            this.alpha = new double[maxSteps + 1];
            this.beta = new double[maxSteps + 2];
            this.td = new double[maxSteps + 1];
            this.te = new double[maxSteps + 1];
            this.x = new double[maxSteps + 1];
            this.z = new double[maxSteps + 1];
            this.pivots = new double[maxSteps + 1];
            this.y = new double[maxSteps + 2];
            this.start = new double[p];
            java.util.SplittableRandom r = new java.util.SplittableRandom(0x5eed_4d6f_6e61_7263L);
            double n2 = 0;
            for (int i = 0; i < p; i++) {
                start[i] = r.nextDouble() - 0.5;
                n2 += start[i] * start[i];
            }
            double inv = 1 / Math.sqrt(n2);
            for (int i = 0; i < p; i++) {
                start[i] *= inv;
            }
        }

        /**
         * Projects slice (j, k) of {@code a}: writes {@code L_{j,·,k}} and {@code R_{k,j,·}} and returns the squared
         * Frobenius norm of the slice's residual with its entries multiplied by {@code scale}.
         */
        double solve(double[] a, int cols, int q, int j, int k, double scale, double[] left, double[] right) {
            double max = 0;
            for (int l = 0; l < b; l++) {
                int ao = (l * q + j) * cols + k * p;
                System.arraycopy(a, ao, s, l * p, p);
                for (int i = 0; i < p; i++) {
                    max = Math.max(max, Math.abs(a[ao + i]));
                }
            }
            double sigma = 0;
            if (max > 0) {
                // work on S scaled by a power of two near 1/max (entries below 2 in size, exactly), so no square in
                // the iteration under- or overflows
                double inv = Math.scalb(1.0, -Math.getExponent(max));
                double norm2 = 0;
                for (int e = 0; e < s.length; e++) {
                    s[e] *= inv;
                    norm2 += s[e] * s[e];
                }
                double theta = lanczos(Math.sqrt(norm2));
                if (Double.isNaN(theta)) {
                    theta = ejml();
                }
                sigma = theta / inv;
            } else {
                Arrays.fill(u, 0.0);
                Arrays.fill(v, 0.0);
            }
            double root = Math.sqrt(sigma);
            for (int l = 0; l < b; l++) {
                left[(j * b + l) * b + k] = root * u[l];
            }
            int ro = (k * q + j) * p;
            for (int i = 0; i < p; i++) {
                right[ro + i] = root * v[i];
            }
            double r2 = 0;
            for (int l = 0; l < b; l++) {
                double su = sigma * u[l];
                int ao = (l * q + j) * cols + k * p;
                for (int i = 0; i < p; i++) {
                    double d = (a[ao + i] - su * v[i]) * scale;
                    r2 += d * d;
                }
            }
            return r2;
        }

        /**
         * The leading singular triple of {@code s} by Golub–Kahan–Lanczos (see the class comment): σ₁, with u and
         * v set; NaN when the iteration could not settle (the caller then uses EJML).
         */
        private double lanczos(double normS) {
            double small = BREAKDOWN * normS;
            System.arraycopy(start, 0, vb, 0, p);
            beta[0] = 0;
            for (int i = 0; i < maxSteps; i++) {
                // u_i = S·v_i − β_i·u_{i−1}, reorthogonalized against u_0 … u_{i−1}
                int uo = i * b;
                int vo = i * p;
                for (int l = 0; l < b; l++) {
                    ub[uo + l] = Blas.dot(s, l * p, vb, vo, p) - (i > 0 ? beta[i] * ub[uo - b + l] : 0.0);
                }
                double a = orthogonalize(ub, uo, b, i);
                if (a <= small || i == b) {
                    if (i == 0) {
                        return Double.NaN; // the start vector is in the null space: let EJML do it
                    }
                    return ritz(i, i + 1, true); // u's exhausted: span(v_0 … v_i) is invariant
                }
                alpha[i] = a;
                scale(ub, uo, b, 1 / a);
                // v_{i+1} = Sᵀ·u_i − α_i·v_i, reorthogonalized against v_0 … v_i
                int vn = vo + p;
                for (int c = 0; c < p; c++) {
                    vb[vn + c] = -a * vb[vo + c];
                }
                for (int l = 0; l < b; l++) {
                    double ul = ub[uo + l];
                    int so = l * p;
                    for (int c = 0; c < p; c++) {
                        vb[vn + c] += ul * s[so + c];
                    }
                }
                double bn = orthogonalize(vb, vn, p, i + 1);
                if (bn <= small || i + 1 == p) {
                    return ritz(i + 1, i + 1, true); // span(v_0 … v_i) is invariant
                }
                beta[i + 1] = bn;
                scale(vb, vn, p, 1 / bn);
                double theta = ritz(i + 1, i + 1, false);
                if (bn * Math.abs(x[i]) <= RESIDUAL_TOLERANCE * theta) {
                    return ritz(i + 1, i + 1, true);
                }
            }
            return Double.NaN;
        }

        /**
         * The top singular triple of the {@code rowsB × colsB} upper bidiagonal B (α on the diagonal, β_{r+1} at
         * (r, r+1)), colsB = rowsB or rowsB + 1; sets x (left vector); with {@code vectors}, also u = U·x and
         * v = V·Bᵀ·x/θ. Returns θ.
         */
        private double ritz(int rowsB, int colsB, boolean vectors) {
            int m = rowsB;
            double hi = 0;
            for (int r = 0; r < m; r++) {
                double br = r + 1 < colsB ? beta[r + 1] : 0.0;
                td[r] = alpha[r] * alpha[r] + br * br;
                te[r] = r + 1 < m ? beta[r + 1] * alpha[r + 1] : 0.0;
            }
            for (int r = 0; r < m; r++) {
                hi = Math.max(hi, td[r] + Math.abs(te[r]) + (r > 0 ? Math.abs(te[r - 1]) : 0.0)); // Gershgorin
            }
            double lo = 0;
            // bisection for λ_max: every eigenvalue is below hi; keep lo with some eigenvalue ≥ lo
            for (int it = 0; it < 200 && hi - lo > 4 * Math.ulp(hi); it++) {
                double mid = 0.5 * (lo + hi);
                if (countBelow(m, mid) < m) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            // inverse iteration with (λ'·I − T) = L·D·Lᵀ, λ' just above λ_max: positive definite
            double shift = hi + 8 * Math.ulp(hi) + Double.MIN_NORMAL;
            double tiny = Math.ulp(hi) + Double.MIN_NORMAL;
            pivots[0] = Math.max(shift - td[0], tiny);
            for (int r = 1; r < m; r++) {
                pivots[r] = Math.max(shift - td[r] - te[r - 1] * te[r - 1] / pivots[r - 1], tiny);
            }
            Arrays.fill(x, 0, m, 1.0);
            for (int it = 0; it < 3; it++) {
                // solve L·D·Lᵀ·z = x; L has −te[r−1]/pivots[r−1] below its unit diagonal
                z[0] = x[0];
                for (int r = 1; r < m; r++) {
                    z[r] = x[r] + te[r - 1] / pivots[r - 1] * z[r - 1];
                }
                for (int r = 0; r < m; r++) {
                    z[r] /= pivots[r];
                }
                for (int r = m - 2; r >= 0; r--) {
                    z[r] += te[r] / pivots[r] * z[r + 1];
                }
                double n2 = 0;
                for (int r = 0; r < m; r++) {
                    n2 += z[r] * z[r];
                }
                double inv = 1 / Math.sqrt(n2);
                for (int r = 0; r < m; r++) {
                    x[r] = z[r] * inv;
                }
            }
            // y = Bᵀ·x: y_c = α_c·x_c + β_c·x_{c−1}
            double t2 = 0;
            for (int c = 0; c < colsB; c++) {
                double yc = (c < m ? alpha[c] * x[c] : 0.0) + (c > 0 ? beta[c] * x[c - 1] : 0.0);
                y[c] = yc;
                t2 += yc * yc;
            }
            double theta = Math.sqrt(t2);
            if (!vectors) {
                return theta;
            }
            Arrays.fill(u, 0.0);
            for (int r = 0; r < m; r++) {
                double xr = x[r];
                int o = r * b;
                for (int l = 0; l < b; l++) {
                    u[l] += xr * ub[o + l];
                }
            }
            Arrays.fill(v, 0.0);
            double inv = theta == 0 ? 0.0 : 1 / theta;
            for (int c = 0; c < colsB; c++) {
                double yc = y[c] * inv;
                int o = c * p;
                for (int i = 0; i < p; i++) {
                    v[i] += yc * vb[o + i];
                }
            }
            return theta;
        }

        /** The number of eigenvalues of the tridiagonal (td, te) of order m below x (Sturm count of the LDLᵀ pivots). */
        private int countBelow(int m, double xv) {
            int count = 0;
            double d = td[0] - xv;
            for (int r = 0; ; r++) {
                if (d < 0) {
                    count++;
                }
                if (r + 1 == m) {
                    return count;
                }
                if (d == 0) {
                    d = Math.ulp(1.0) * (Math.abs(xv) + Double.MIN_NORMAL);
                }
                d = td[r + 1] - xv - te[r] * te[r] / d;
            }
        }

        /**
         * Removes from row {@code count} (at {@code offset}) of {@code basis} its components along rows 0 … count−1
         * (orthonormal, length n), twice (classical Gram–Schmidt, "twice is enough"), and returns its norm.
         */
        private static double orthogonalize(double[] basis, int offset, int n, int count) {
            for (int pass = 0; pass < 2; pass++) {
                for (int r = 0; r < count; r++) {
                    int o = r * n;
                    double d = Blas.dot(basis, o, basis, offset, n);
                    for (int i = 0; i < n; i++) {
                        basis[offset + i] -= d * basis[o + i];
                    }
                }
            }
            double n2 = 0;
            for (int i = 0; i < n; i++) {
                n2 += basis[offset + i] * basis[offset + i];
            }
            return Math.sqrt(n2);
        }

        private static void scale(double[] a, int offset, int n, double f) {
            for (int i = 0; i < n; i++) {
                a[offset + i] *= f;
            }
        }

        /** σ₁ of the slice {@code s}, with u and v its singular vectors, by EJML's full SVD (the fallback). */
        private double ejml() {
            if (svd == null) {
                svd = DecompositionFactory_DDRM.svd(b, p, true, true, true);
                work = new DMatrixRMaj(b, p);
            }
            System.arraycopy(s, 0, work.data, 0, s.length);
            if (!svd.decompose(work)) {
                throw new IllegalStateException("the SVD of a " + b + "×" + p + " Monarch slice did not converge");
            }
            double[] w = svd.getSingularValues();
            int n = Math.min(b, p);
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (w[i] > w[best]) {
                    best = i;
                }
            }
            DMatrixRMaj uu = svd.getU(null, false);
            DMatrixRMaj vv = svd.getV(null, false);
            for (int l = 0; l < b; l++) {
                u[l] = uu.get(l, best);
            }
            for (int i = 0; i < p; i++) {
                v[i] = vv.get(i, best);
            }
            return w[best];
        }
    }
}
