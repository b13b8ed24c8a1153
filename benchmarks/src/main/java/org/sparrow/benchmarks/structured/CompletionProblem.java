package org.sparrow.benchmarks.structured;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.DenseMatrix;

/**
 * A synthetic incoherent rank-k completion problem: M = U·Vᵀ with U (m × k) and V (n × k) of independent
 * N(0, 1) entries (incoherent with high probability), and |Ω| = round(c·n·k·log n) entries sampled uniformly
 * without replacement (Knuth's selection sampling, TAOCP vol. 2, §3.4.2, Algorithm S: one pass over the m·n
 * positions, exactly |Ω| chosen, every subset equally likely).
 *
 * @param m        rows
 * @param n        columns
 * @param k        the rank
 * @param c        the oversampling constant of |Ω|
 * @param u        U, row-major m × k
 * @param v        V, row-major n × k
 * @param observed the entries of M on Ω
 */
record CompletionProblem(int m, int n, int k, double c, double[] u, double[] v, CooMatrix observed) {

    /**
     * |Ω| = round(c·n·k·ln n), capped at m·n.
     *
     * @param m     rows
     * @param n     columns
     * @param kOmega the rank the count is sized for
     * @param c     the constant
     * @return the count
     */
    static long omegaCount(int m, int n, int kOmega, double c) {
        return Math.min((long) m * n, Math.round(c * n * kOmega * Math.log(n)));
    }

    /**
     * Generates a problem.
     *
     * @param m      rows
     * @param n      columns
     * @param k      the rank of M
     * @param kOmega the rank |Ω| is sized for (k, or the largest rank of a sweep that shares one |Ω|)
     * @param c      the constant of |Ω|
     * @param seed   the seed of U, V and Ω
     * @return the problem
     */
    static CompletionProblem generate(int m, int n, int k, int kOmega, double c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] u = new double[m * k];
        double[] v = new double[n * k];
        for (int i = 0; i < u.length; i++) {
            u[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        long count = omegaCount(m, n, kOmega, c);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("|Ω| = " + count + " is more entries than one array holds");
        }
        int[] ri = new int[(int) count];
        int[] ci = new int[(int) count];
        double[] val = new double[(int) count];
        long total = (long) m * n;
        int chosen = 0;
        SplittableRandom pick = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (long t = 0; t < total && chosen < count; t++) {
            // Algorithm S: select position t with probability (needed) / (remaining)
            if ((total - t) * pick.nextDouble() < count - chosen) {
                int i = (int) (t / n);
                int j = (int) (t % n);
                ri[chosen] = i;
                ci[chosen] = j;
                double s = 0;
                for (int r = 0; r < k; r++) {
                    s += u[i * k + r] * v[j * k + r];
                }
                val[chosen] = s;
                chosen++;
            }
        }
        return new CompletionProblem(m, n, k, c, u, v, new CooMatrix(m, n, ri, ci, val));
    }

    /** |Ω|. */
    int omega() {
        return observed.nnz();
    }

    /** |Ω| / (m·n). */
    double density() {
        return omega() / ((double) m * n);
    }

    /**
     * ‖M − X·diag(s)·Yᵀ‖_F / ‖M‖_F over all m·n entries, computed row by row (neither matrix is formed),
     * rows in parallel, summed in row order (so the figure does not depend on the thread count).
     *
     * @param x Input: m × r
     * @param s Input: r weights
     * @param y Input: n × r
     * @return the relative Frobenius error
     */
    double relativeError(DenseMatrix x, double[] s, DenseMatrix y) {
        int r = s.length;
        double[] xs = x.data().clone();
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < r; t++) {
                xs[i * r + t] *= s[t];
            }
        }
        double[] ya = y.data();
        double[] diff = new double[m];
        double[] norm = new double[m];
        IntStream.range(0, m).parallel().forEach(i -> {
            double d = 0;
            double nn = 0;
            int ui = i * k;
            int xi = i * r;
            for (int j = 0; j < n; j++) {
                double mv = 0;
                int vj = j * k;
                for (int t = 0; t < k; t++) {
                    mv += u[ui + t] * v[vj + t];
                }
                double ev = 0;
                int yj = j * r;
                for (int t = 0; t < r; t++) {
                    ev += xs[xi + t] * ya[yj + t];
                }
                double e = mv - ev;
                d += e * e;
                nn += mv * mv;
            }
            diff[i] = d;
            norm[i] = nn;
        });
        double d = 0;
        double nn = 0;
        for (int i = 0; i < m; i++) {
            d += diff[i];
            nn += norm[i];
        }
        return Math.sqrt(d / nn);
    }
}
