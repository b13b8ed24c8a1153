package org.sparrow.core.structured;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;
import org.sparrow.core.ops.Checks;

/**
 * The Monarch matrix nearest to a dense matrix A in the Frobenius norm, with how near it is
 * ({@link MonarchMatrix#project(DenseMatrix, int)}).
 *
 * <p><b>Method</b> (Dao et al., ICML 2022, arXiv 2204.00595, Theorem 1 for n = m², §3.2 and the appendix for the
 * general shapes). By the index convention of {@link MonarchMatrix}, the entries of A that a Monarch matrix with b
 * blocks ties together fall into {@code q·b} disjoint {@code b × p} slices
 * {@code S_{jk}[ℓ, i] = A[ℓ·q + j, k·p + i]} (q = rows/b, p = cols/b), and on slice (j, k) the Monarch matrix is
 * the rank-one {@code L_{j,·,k}·R_{k,j,·}ᵀ}, with no parameter shared between slices. So
 * {@code ‖A − M‖_F² = Σ_{jk} ‖S_{jk} − L_{j,·,k}·R_{k,j,·}ᵀ‖_F²} splits into independent best rank-one problems,
 * solved by the leading singular triple {@code σ·u·vᵀ} of each slice (Eckart–Young): {@code L_{j,·,k} = √σ·u},
 * {@code R_{k,j,·} = √σ·v} (the balanced split; the factors are defined only up to that scaling).
 *
 * <p><b>Error.</b> {@code relativeError = ‖A − M‖_F/‖A‖_F} (0 when A = 0), with the residual of each slice summed
 * directly, {@code Σ_{ℓ,i} (S[ℓ, i] − σ·u_ℓ·v_i)²}, rather than as {@code ‖S‖_F² − σ²}: that difference cancels
 * catastrophically when A is (nearly) Monarch, while the direct sum costs one more pass over the slice and is
 * accurate to rounding, so an exact recovery shows as an error near 1e-16.
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
                residual[j * b + k] = s.solve(data, cols, q, j, k, left, right);
            }
        });
        double norm2 = 0;
        for (double v : data) {
            norm2 += v * v;
        }
        double res2 = 0;
        for (double r : residual) {
            res2 += r;
        }
        double error = norm2 == 0 ? 0.0 : Math.sqrt(res2 / norm2);
        MonarchMatrix m = new MonarchMatrix(rows, cols, b, left, right);
        return new MonarchProjection(m, error, (System.nanoTime() - start) * 1e-9);
    }

    /** One worker's scratch: a slice and its leading singular triple. */
    private static final class SliceSolver {
        private final int b;
        private final int p;
        private final double[] s;
        private final double[] u;
        private final double[] v;
        private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
        private final DMatrixRMaj work;

        SliceSolver(int b, int p) {
            this.b = b;
            this.p = p;
            this.s = new double[b * p];
            this.u = new double[b];
            this.v = new double[p];
            this.work = new DMatrixRMaj(b, p);
            this.svd = DecompositionFactory_DDRM.svd(b, p, true, true, true);
        }

        /**
         * Projects slice (j, k) of {@code a}: writes {@code L_{j,·,k}} and {@code R_{k,j,·}} and returns the squared
         * Frobenius norm of the slice's residual.
         */
        double solve(double[] a, int cols, int q, int j, int k, double[] left, double[] right) {
            for (int l = 0; l < b; l++) {
                System.arraycopy(a, (l * q + j) * cols + k * p, s, l * p, p);
            }
            double sigma = leading();
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
                int so = l * p;
                for (int i = 0; i < p; i++) {
                    double d = s[so + i] - su * v[i];
                    r2 += d * d;
                }
            }
            return r2;
        }

        /** σ₁ of the slice {@code s}, with u and v its singular vectors, by EJML's SVD. */
        private double leading() {
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
