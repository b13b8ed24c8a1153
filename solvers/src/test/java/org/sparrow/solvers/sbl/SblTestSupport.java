package org.sparrow.solvers.sbl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sparrow.core.DenseMatrix;

/** Seeded Kronecker-structured sparse recovery problems and a dense oracle, for the SBL tests. */
final class SblTestSupport {

    private SblTestSupport() {
    }

    /** One problem: factors, the true x = x₁⊗…⊗x_d, its support, y = A·x + noise and the noise variance. */
    record Problem(List<DenseMatrix> factors, double[] x, double[] y, double noiseVariance) {
    }

    static DenseMatrix gaussian(Random rnd, int rows, int cols) {
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        return new DenseMatrix(rows, cols, a);
    }

    /**
     * A real steering dictionary on an angular grid, as in the paper's IRS-MIMO model made real: column j
     * is [cos(π·t·θⱼ); sin(π·t·θⱼ)] for t = 0..antennas−1 over θⱼ = −1 + 2j/n, so that adjacent columns
     * are strongly correlated (2·antennas × n).
     */
    static DenseMatrix steering(int antennas, int n) {
        double[] a = new double[2 * antennas * n];
        for (int j = 0; j < n; j++) {
            double theta = -1 + 2.0 * j / n;
            for (int t = 0; t < antennas; t++) {
                a[t * n + j] = Math.cos(Math.PI * t * theta);
                a[(antennas + t) * n + j] = Math.sin(Math.PI * t * theta);
            }
        }
        return new DenseMatrix(2 * antennas, n, a);
    }

    /** A K-sparse vector of length n: K random positions, values ±(1 + U[0, 1)). */
    static double[] sparse(Random rnd, int n, int k) {
        double[] v = new double[n];
        int placed = 0;
        while (placed < k) {
            int i = rnd.nextInt(n);
            if (v[i] == 0) {
                v[i] = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextDouble());
                placed++;
            }
        }
        return v;
    }

    /** A vector of length n with one cluster of {@code width} adjacent nonzeros at a random start. */
    static double[] blockSparse(Random rnd, int n, int width) {
        double[] v = new double[n];
        int start = rnd.nextInt(n - width + 1);
        for (int i = start; i < start + width; i++) {
            v[i] = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextDouble());
        }
        return v;
    }

    static double[] kron(List<double[]> v) {
        double[] acc = v.get(0);
        for (int k = 1; k < v.size(); k++) {
            double[] b = v.get(k);
            double[] out = new double[acc.length * b.length];
            for (int i = 0; i < acc.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    out[i * b.length + j] = acc[i] * b[j];
                }
            }
            acc = out;
        }
        return acc;
    }

    /** The dense Kronecker product of matrices, entry by entry (independent of the library's code). */
    static double[][] kronDense(List<DenseMatrix> f) {
        int rows = 1;
        int cols = 1;
        for (DenseMatrix a : f) {
            rows *= a.rows();
            cols *= a.cols();
        }
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = 1;
                int rr = r;
                int cc = c;
                for (int k = f.size() - 1; k >= 0; k--) {
                    DenseMatrix a = f.get(k);
                    v *= a.get(rr % a.rows(), cc % a.cols());
                    rr /= a.rows();
                    cc /= a.cols();
                }
                out[r][c] = v;
            }
        }
        return out;
    }

    static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /**
     * A problem with Gaussian factors Mₖ × Nₖ, each factor of x K-sparse (or one cluster of
     * {@code block} adjacent nonzeros when block &gt; 0), and noise at {@code snrDb} (∞: none), with SNR
     * = ‖A·x‖²/(M·σ²).
     */
    static Problem problem(long seed, int[] m, int[] n, int k, int block, double snrDb) {
        return problem(seed, m, n, k, block, snrDb, false);
    }

    /** As {@link #problem(long, int[], int[], int, int, double)}, with steering factors (2·mₖ rows) when asked. */
    static Problem problem(long seed, int[] m, int[] n, int k, int block, double snrDb, boolean steering) {
        int[] blocks = new int[m.length];
        Arrays.fill(blocks, block);
        return problem(seed, m, n, k, blocks, snrDb, steering);
    }

    /** As above, with a block width per factor (0: that factor is K-sparse). */
    static Problem problem(long seed, int[] m, int[] n, int k, int[] blocks, double snrDb, boolean steering) {
        Random rnd = new Random(seed);
        List<DenseMatrix> factors = new ArrayList<>();
        List<double[]> parts = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            factors.add(steering ? steering(m[i], n[i]) : gaussian(rnd, m[i], n[i]));
            parts.add(blocks[i] > 0 ? blockSparse(rnd, n[i], blocks[i]) : sparse(rnd, n[i], k));
        }
        double[] x = kron(parts);
        double[] clean = multiply(kronDense(factors), x);
        double power = 0;
        for (double v : clean) {
            power += v * v;
        }
        power /= clean.length;
        double var = Double.isInfinite(snrDb) ? 0 : power / Math.pow(10, snrDb / 10);
        double sd = Math.sqrt(var);
        double[] y = clean.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += sd * rnd.nextGaussian();
        }
        return new Problem(factors, x, y, var);
    }

    static double nmse(double[] xhat, double[] x) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (xhat[i] - x[i]) * (xhat[i] - x[i]);
            den += x[i] * x[i];
        }
        return num / den;
    }
}
