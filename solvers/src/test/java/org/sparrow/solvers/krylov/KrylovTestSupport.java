package org.sparrow.solvers.krylov;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.precond.Preconditioner;
import org.sparrow.testing.SharedData;

/** Shared test helpers: the shared matrices, dense oracles (EJML), tiny builders. */
final class KrylovTestSupport {

    private static final Map<String, CsrMatrix> CACHE = new ConcurrentHashMap<>();

    private KrylovTestSupport() {
    }

    /** {@code small/<name>.mtx} from the shared data, read once per JVM; skips (CI: fails) when absent. */
    static CsrMatrix load(String name) {
        Path file = SharedData.file("small/" + name + ".mtx");
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return MatrixMarket.readCsr(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static double norm(double[] v) {
        return Blas.norm2(v, 0, v.length);
    }

    static double[] random(int n, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    static double[] filled(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }

    /** ‖b − A·x‖/‖b‖ computed here, independently of the solver. */
    static double trueRelativeResidual(LinearOperator a, double[] b, double[] x) {
        return norm(residual(a, b, x)) / norm(b);
    }

    static double[] residual(LinearOperator a, double[] b, double[] x) {
        double[] r = a.apply(x);
        for (int i = 0; i < r.length; i++) {
            r[i] = b[i] - r[i];
        }
        return r;
    }

    /** ‖x − y‖/‖y‖. */
    static double relativeError(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        return norm(d) / norm(y);
    }

    private static DMatrixRMaj ejml(LinearOperator a) {
        DenseMatrix d = a instanceof CsrMatrix c ? c.toDense() : ((DenseMatrix) a);
        return new DMatrixRMaj(d.rows(), d.cols(), true, d.data().clone());
    }

    /** x = A⁻¹b by EJML's dense LU with partial pivoting. */
    static double[] denseSolve(LinearOperator a, double[] b) {
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(a.rows());
        assertTrue(lu.setA(ejml(a)), "dense LU failed: singular matrix");
        DMatrixRMaj x = new DMatrixRMaj(a.cols(), 1);
        lu.solve(new DMatrixRMaj(b.length, 1, true, b.clone()), x);
        return x.data.clone();
    }

    /** argmin ‖A·x − b‖ for A of full column rank, by EJML's dense Householder QR. */
    static double[] denseLeastSquares(LinearOperator a, double[] b) {
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(a.rows(), a.cols());
        assertTrue(qr.setA(ejml(a)), "dense QR failed");
        DMatrixRMaj x = new DMatrixRMaj(a.cols(), 1);
        qr.solve(new DMatrixRMaj(b.length, 1, true, b.clone()), x);
        return x.data.clone();
    }

    /** argmin ‖A·x − b‖² + λ²‖x‖², as the dense QR least-squares solution of the augmented system (A; λI)·x ≈ (b; 0). */
    static double[] denseDampedLeastSquares(CsrMatrix a, double[] b, double lambda) {
        int m = a.rows();
        int n = a.cols();
        double[] aug = new double[(m + n) * n];
        double[] d = a.toDense().data();
        System.arraycopy(d, 0, aug, 0, m * n);
        for (int j = 0; j < n; j++) {
            aug[(m + j) * n + j] = lambda;
        }
        double[] rhs = new double[m + n];
        System.arraycopy(b, 0, rhs, 0, m);
        return denseLeastSquares(new DenseMatrix(m + n, n, aug), rhs);
    }

    static CsrMatrix dense(double[][] rows) {
        return DenseMatrix.of(rows).toCsr();
    }

    static CsrMatrix diagonal(double[] d) {
        int n = d.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = d[i];
        }
        return dense(a);
    }

    /**
     * A preconditioner local to these tests (the real ones live in the precond package): y = x / d
     * elementwise, i.e. M = diag(d). Negative entries make it indefinite on purpose.
     */
    static Preconditioner diagonalPreconditioner(double[] d) {
        return new Preconditioner() {
            @Override
            public String name() {
                return "test-diagonal";
            }

            @Override
            public int rows() {
                return d.length;
            }

            @Override
            public int cols() {
                return d.length;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < d.length; i++) {
                    y[i] = x[i] / d[i];
                }
            }

            @Override
            public void applyTranspose(double[] x, double[] y) {
                apply(x, y);
            }
        };
    }

    /** M = diag(|a_ii|) (1 where a_ii = 0): Jacobi, made positive definite for indefinite A. */
    static Preconditioner absJacobi(CsrMatrix a) {
        double[] d = new double[a.rows()];
        for (int i = 0; i < d.length; i++) {
            double v = Math.abs(a.get(i, i));
            d[i] = v == 0.0 ? 1.0 : v;
        }
        return diagonalPreconditioner(d);
    }

    /** The operator A counting its products (to check that methods do not do more than they say). */
    static final class CountingOperator implements LinearOperator {
        final LinearOperator a;
        int applies;
        int transposeApplies;

        CountingOperator(LinearOperator a) {
            this.a = a;
        }

        @Override
        public int rows() {
            return a.rows();
        }

        @Override
        public int cols() {
            return a.cols();
        }

        @Override
        public void apply(double[] x, double[] y) {
            applies++;
            a.apply(x, y);
        }

        @Override
        public void applyTranspose(double[] x, double[] y) {
            transposeApplies++;
            a.applyTranspose(x, y);
        }
    }
}
