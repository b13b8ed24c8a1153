package org.sparrow.solvers.eigen;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;

/** Test matrices with known spectra, and EJML's dense decompositions as the oracle. */
final class EigenFixtures {

    private EigenFixtures() {
    }

    /** A random sparse symmetric n × n matrix, about {@code perRow} entries a row, entries in (−1, 1), plus a diagonal. */
    static CsrMatrix randomSymmetric(int n, int perRow, long seed) {
        Random rnd = new Random(seed);
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            d[i][i] = 4 * (rnd.nextDouble() - 0.5);
            for (int t = 0; t < perRow / 2; t++) {
                int j = rnd.nextInt(n);
                double x = rnd.nextDouble() * 2 - 1;
                d[i][j] = x;
                d[j][i] = x;
            }
        }
        return csr(d);
    }

    /** A random sparse nonsymmetric n × n matrix (complex eigenvalues in practice). */
    static CsrMatrix randomGeneral(int rows, int cols, int perRow, long seed) {
        Random rnd = new Random(seed);
        double[][] d = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < perRow; t++) {
                d[i][rnd.nextInt(cols)] = rnd.nextDouble() * 2 - 1;
            }
        }
        return csr(d);
    }

    /** The 1-D Laplacian tridiag(−1, 2, −1) of order n. */
    static CsrMatrix laplacian1d(int n) {
        CooMatrix.Builder b = CooMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            b.add(i, i, 2.0);
            if (i > 0) {
                b.add(i, i - 1, -1.0);
                b.add(i - 1, i, -1.0);
            }
        }
        return b.build().toCsr();
    }

    /** The 2-D Laplacian on an m × m grid (5-point stencil, Dirichlet), order m². */
    static CsrMatrix laplacian2d(int m) {
        int n = m * m;
        CooMatrix.Builder b = CooMatrix.builder(n, n);
        for (int x = 0; x < m; x++) {
            for (int y = 0; y < m; y++) {
                int i = x * m + y;
                b.add(i, i, 4.0);
                if (x > 0) {
                    b.add(i, i - m, -1.0);
                }
                if (x < m - 1) {
                    b.add(i, i + m, -1.0);
                }
                if (y > 0) {
                    b.add(i, i - 1, -1.0);
                }
                if (y < m - 1) {
                    b.add(i, i + 1, -1.0);
                }
            }
        }
        return b.build().toCsr();
    }

    /** 2 − 2cos(jπ/(n+1)), j = 1..n: the eigenvalues of the 1-D Laplacian, ascending. */
    static double[] laplacian1dEigenvalues(int n) {
        double[] e = new double[n];
        for (int j = 1; j <= n; j++) {
            e[j - 1] = 2 - 2 * Math.cos(j * Math.PI / (n + 1));
        }
        return e;
    }

    /** The sums of two 1-D eigenvalues: the 2-D Laplacian's, ascending. */
    static double[] laplacian2dEigenvalues(int m) {
        double[] one = laplacian1dEigenvalues(m);
        double[] e = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                e[i * m + j] = one[i] + one[j];
            }
        }
        Arrays.sort(e);
        return e;
    }

    static CsrMatrix csr(double[][] d) {
        CooMatrix.Builder b = CooMatrix.builder(d.length, d[0].length);
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d[0].length; j++) {
                if (d[i][j] != 0) {
                    b.add(i, j, d[i][j]);
                }
            }
        }
        return b.build().toCsr();
    }

    static DMatrixRMaj dense(CsrMatrix a) {
        DMatrixRMaj d = new DMatrixRMaj(a.rows(), a.cols());
        int[] ap = a.rowPointers();
        for (int i = 0; i < a.rows(); i++) {
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                d.add(i, a.columnIndices()[p], a.values()[p]);
            }
        }
        return d;
    }

    /** EJML's symmetric eigenvalues, ascending. */
    static double[] denseSymmetricEigenvalues(CsrMatrix a) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.rows(), false, true);
        if (!eig.decompose(dense(a))) {
            throw new AssertionError("EJML failed");
        }
        double[] e = new double[a.rows()];
        for (int i = 0; i < e.length; i++) {
            e[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(e);
        return e;
    }

    /** EJML's general eigenvalues as {re, im} pairs. */
    static double[][] denseEigenvalues(CsrMatrix a) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.rows(), false, false);
        if (!eig.decompose(dense(a))) {
            throw new AssertionError("EJML failed");
        }
        double[][] e = new double[a.rows()][];
        for (int i = 0; i < e.length; i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            e[i] = new double[] {c.real, c.imaginary};
        }
        return e;
    }

    /** EJML's singular values, descending. */
    static double[] denseSingularValues(CsrMatrix a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.rows(), a.cols(), false, false, true);
        if (!svd.decompose(dense(a))) {
            throw new AssertionError("EJML failed");
        }
        double[] s = svd.getSingularValues().clone();
        Arrays.sort(s);
        double[] d = new double[Math.min(a.rows(), a.cols())];
        for (int i = 0; i < d.length; i++) {
            d[i] = s[s.length - 1 - i];
        }
        return d;
    }
}
