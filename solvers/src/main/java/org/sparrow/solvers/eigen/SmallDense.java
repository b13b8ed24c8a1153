package org.sparrow.solvers.eigen;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The small dense problems of the projected (Rayleigh–Ritz) matrices, through EJML: the symmetric
 * eigen-decomposition, the nonsymmetric eigenvalues with eigenvectors by complex inverse iteration
 * (EJML 0.44 returns vectors only for real eigenvalues), and the SVD. Sizes are the subspace
 * dimension (tens), so these allocate freely.
 */
final class SmallDense {

    private SmallDense() {
    }

    /** Eigenvalues {@code re + i·im} and unit eigenvectors {@code zr + i·zi} (column j, row-major m × m). */
    record Eigen(double[] re, double[] im, double[] zr, double[] zi) {
    }

    /**
     * The eigen-decomposition of the symmetric part of the leading m × m block of {@code a}.
     *
     * @param a  row-major with leading dimension {@code ld}
     * @param ld the leading dimension
     * @param m  the order
     * @return values (imaginary parts 0) and orthonormal vectors
     */
    static Eigen symmetric(double[] a, int ld, int m) {
        DMatrixRMaj s = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                s.set(i, j, 0.5 * (a[i * ld + j] + a[j * ld + i])); // symmetric to the last bit
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(s)) {
            throw new ArithmeticException("the symmetric eigen-decomposition of the projected matrix did not converge");
        }
        double[] re = new double[m];
        double[] zr = new double[m * m];
        for (int j = 0; j < m; j++) {
            re[j] = eig.getEigenvalue(j).real;
            DMatrixRMaj z = eig.getEigenVector(j);
            double nz = 0;
            for (int i = 0; i < m; i++) {
                nz += z.get(i) * z.get(i);
            }
            nz = Math.sqrt(nz);
            for (int i = 0; i < m; i++) {
                zr[i * m + j] = z.get(i) / nz;
            }
        }
        return new Eigen(re, new double[m], zr, new double[m * m]);
    }

    /**
     * The eigenvalues of the leading m × m block of a general {@code a}; the vectors are left zero
     * for {@link #vector} to fill in for the pairs that are wanted.
     *
     * @param a  row-major with leading dimension {@code ld}
     * @param ld the leading dimension
     * @param m  the order
     * @return the eigenvalues
     */
    static Eigen general(double[] a, int ld, int m) {
        DMatrixRMaj s = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                s.set(i, j, a[i * ld + j]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, false);
        if (!eig.decompose(s)) {
            throw new ArithmeticException("the eigen-decomposition of the projected matrix did not converge");
        }
        double[] re = new double[m];
        double[] im = new double[m];
        for (int j = 0; j < m; j++) {
            Complex_F64 c = eig.getEigenvalue(j);
            re[j] = c.real;
            im[j] = c.imaginary;
        }
        return new Eigen(re, im, new double[m * m], new double[m * m]);
    }

    /**
     * Fills column j of {@code e.zr/e.zi} with a unit eigenvector of the leading m × m block of
     * {@code a} for the eigenvalue {@code e.re[j] + i·e.im[j]}: two steps of inverse iteration with
     * the shift perturbed by a few ulps of ‖a‖ (complex Gaussian elimination with partial pivoting).
     */
    static void vector(double[] a, int ld, int m, Eigen e, int j) {
        double norm = 0;
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < m; c++) {
                norm = Math.max(norm, Math.abs(a[i * ld + c]));
            }
        }
        double delta = Math.max(norm, Double.MIN_NORMAL) * 1e-13;
        double mr = e.re[j] + delta;
        double mi = e.im[j];
        double[] lr = new double[m * m];
        double[] li = new double[m * m];
        int[] piv = new int[m];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < m; c++) {
                lr[i * m + c] = a[i * ld + c] - (i == c ? mr : 0);
                li[i * m + c] = i == c ? -mi : 0;
            }
        }
        // LU with partial pivoting of (H − μI), complex, in place
        for (int col = 0; col < m; col++) {
            int p = col;
            double best = -1;
            for (int r = col; r < m; r++) {
                double mag = Math.hypot(lr[r * m + col], li[r * m + col]);
                if (mag > best) {
                    best = mag;
                    p = r;
                }
            }
            piv[col] = p;
            if (p != col) {
                for (int c = 0; c < m; c++) {
                    double t = lr[col * m + c];
                    lr[col * m + c] = lr[p * m + c];
                    lr[p * m + c] = t;
                    t = li[col * m + c];
                    li[col * m + c] = li[p * m + c];
                    li[p * m + c] = t;
                }
            }
            if (best <= delta * 1e-3) { // exactly singular: a tiny pivot keeps the solve finite
                lr[col * m + col] = delta * 1e-3;
                li[col * m + col] = 0;
            }
            double pr = lr[col * m + col];
            double pi = li[col * m + col];
            double pd = pr * pr + pi * pi;
            for (int r = col + 1; r < m; r++) {
                double xr = lr[r * m + col];
                double xi = li[r * m + col];
                double fr = (xr * pr + xi * pi) / pd; // f = x / pivot
                double fi = (xi * pr - xr * pi) / pd;
                lr[r * m + col] = fr;
                li[r * m + col] = fi;
                for (int c = col + 1; c < m; c++) {
                    double ur = lr[col * m + c];
                    double ui = li[col * m + c];
                    lr[r * m + c] -= fr * ur - fi * ui;
                    li[r * m + c] -= fr * ui + fi * ur;
                }
            }
        }
        double[] xr = new double[m];
        double[] xi = new double[m];
        for (int i = 0; i < m; i++) {
            xr[i] = 1.0 + 0.01 * ((i * 7919) % 13); // a fixed start with components on every vector
        }
        for (int step = 0; step < 2; step++) {
            for (int col = 0; col < m; col++) { // apply the row swaps, then L·y = x
                int p = piv[col];
                if (p != col) {
                    double t = xr[col];
                    xr[col] = xr[p];
                    xr[p] = t;
                    t = xi[col];
                    xi[col] = xi[p];
                    xi[p] = t;
                }
            }
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < r; c++) {
                    double fr = lr[r * m + c];
                    double fi = li[r * m + c];
                    xr[r] -= fr * xr[c] - fi * xi[c];
                    xi[r] -= fr * xi[c] + fi * xr[c];
                }
            }
            for (int r = m - 1; r >= 0; r--) { // U·x = y
                double sr = xr[r];
                double si = xi[r];
                for (int c = r + 1; c < m; c++) {
                    double ur = lr[r * m + c];
                    double ui = li[r * m + c];
                    sr -= ur * xr[c] - ui * xi[c];
                    si -= ur * xi[c] + ui * xr[c];
                }
                double pr = lr[r * m + r];
                double pi = li[r * m + r];
                double pd = pr * pr + pi * pi;
                xr[r] = (sr * pr + si * pi) / pd;
                xi[r] = (si * pr - sr * pi) / pd;
            }
            double nx = 0;
            for (int i = 0; i < m; i++) {
                nx = Math.max(nx, Math.hypot(xr[i], xi[i]));
            }
            for (int i = 0; i < m; i++) {
                xr[i] /= nx;
                xi[i] /= nx;
            }
        }
        if (mi == 0) {
            java.util.Arrays.fill(xi, 0.0);
        }
        double n2 = 0;
        for (int i = 0; i < m; i++) {
            n2 += xr[i] * xr[i] + xi[i] * xi[i];
        }
        n2 = Math.sqrt(n2);
        for (int i = 0; i < m; i++) {
            e.zr[i * m + j] = xr[i] / n2;
            e.zi[i * m + j] = xi[i] / n2;
        }
    }

    /** Singular values (descending) and vectors of a p × p matrix: {@code b = P·diag(s)·Qᵀ}, P and Q row-major. */
    record Svd(double[] s, double[] p, double[] q) {
    }

    /**
     * The SVD of the leading p × p block of {@code b}, singular values in descending order.
     *
     * @param b  row-major with leading dimension {@code ld}
     * @param ld the leading dimension
     * @param p  the order
     * @return σ, P, Q
     */
    static Svd svd(double[] b, int ld, int p) {
        DMatrixRMaj s = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                s.set(i, j, b[i * ld + j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(p, p, true, true, false);
        if (!svd.decompose(s)) {
            throw new ArithmeticException("the SVD of the projected matrix did not converge");
        }
        double[] w = svd.getSingularValues();
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(w[y], w[x]));
        double[] sv = new double[p];
        double[] pp = new double[p * p];
        double[] qq = new double[p * p];
        for (int j = 0; j < p; j++) {
            int o = order[j];
            sv[j] = w[o];
            for (int i = 0; i < p; i++) {
                pp[i * p + j] = u.get(i, o);
                qq[i * p + j] = v.get(i, o);
            }
        }
        return new Svd(sv, pp, qq);
    }
}
