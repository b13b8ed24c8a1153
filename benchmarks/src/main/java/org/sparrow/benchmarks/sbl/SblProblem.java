package org.sparrow.benchmarks.sbl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.sparrow.core.DenseMatrix;

/**
 * One seeded trial of the synthetic Kronecker-sparse recovery problem of He &amp; Joseph (IEEE TSP 2024,
 * arXiv 2307.14719, Section VI; the setup of the authors' MATLAB scripts {@code Configuration.m} and
 * {@code noisy_compare.m} in YanbinHe/JournalKroSBL): y = (A₁⊗A₂⊗A₃)·x + n with x = x₁⊗x₂⊗x₃.
 *
 * <p>As in the paper's code: every factor entry is i.i.d. N(0, 1) (no column normalization); each xᵢ has K
 * nonzeros at distinct random positions with N(0, 1) values; the noise is white Gaussian with variance
 * σ² = (‖A·x‖²/M) / 10^(SNR/10), i.e. the SNR is the average power per measurement of the noiseless y over σ².
 * A₁ is drawn with {@link Setup#M1_ROWS_DRAWN} rows and its first M₁ rows are used (the paper's
 * {@code A1_ori(1:M1,:)}), so the M₁ sweep varies the measurements of one and the same dictionary.
 *
 * <p>The draws come from one {@link SplittableRandom} seeded with the trial's seed, in a fixed order
 * (A₁, A₂, A₃, then x₁, x₂, x₃, then a standard normal noise vector), so a trial's dictionary, signal and
 * noise direction are the same at every SNR: the SNR sweep scales one noise vector.
 *
 * <p>Index convention (that of {@code kron(A1, kron(A2, A3))} in MATLAB and numpy, and of Sparrow's
 * {@code KroneckerOperator}): x index = ((i₁·N₂)+i₂)·N₃+i₃, measurement index = ((r₁·M₂)+r₂)·M₃+r₃.
 *
 * @param setup         what was asked for
 * @param seed          the trial's seed
 * @param factors       A₁, A₂, A₃ (row-major dense)
 * @param factorSignals x₁, x₂, x₃
 * @param x             the true signal x₁⊗x₂⊗x₃, length ∏Nᵢ
 * @param support       the indices where x ≠ 0, sorted
 * @param y             the noisy measurements, length ∏Mᵢ
 * @param noiseVariance σ², known to the methods that take it (as in the paper)
 */
public record SblProblem(Setup setup, long seed, List<DenseMatrix> factors, List<double[]> factorSignals, double[] x,
                         int[] support, double[] y, double noiseVariance) {

    /**
     * The shape and signal of a trial.
     *
     * @param n     N, unknowns per factor (the paper: 15)
     * @param m1    M₁, rows of A₁ (the paper: 6 … 14, default 8)
     * @param m2    M₂, rows of A₂ (the paper: 12)
     * @param m3    M₃, rows of A₃ (the paper: 15)
     * @param k     K, nonzeros per factor
     * @param snrDb the signal-to-noise ratio in dB
     * @param block whether the nonzeros of x₁ and x₂ come in clusters of 3 adjacent positions (the block-sparse
     *              case for PC-KroSBL; K must then be a multiple of 3); x₃ stays K-sparse at random positions
     */
    public record Setup(int n, int m1, int m2, int m3, int k, double snrDb, boolean block) {

        /** Rows of A₁ that are drawn (the largest M₁ of the paper's sweep); the first M₁ are used. */
        public static final int M1_ROWS_DRAWN = 14;

        /** Size of a cluster in the block-sparse case. */
        public static final int CLUSTER = 3;

        /** Checks the values; one sentence names the one that is wrong. */
        public Setup {
            if (n < 1 || m1 < 1 || m2 < 1 || m3 < 1) {
                throw new IllegalArgumentException("the factor sizes must be positive, not N = " + n + ", M = " + m1 + ", "
                        + m2 + ", " + m3);
            }
            if (k < 1 || k > n) {
                throw new IllegalArgumentException("K must be between 1 and N = " + n + ", not " + k);
            }
            if (block && (k % CLUSTER != 0 || (k / CLUSTER) * (CLUSTER + 1) - 1 > n)) {
                throw new IllegalArgumentException("the block-sparse case needs K a multiple of " + CLUSTER
                        + " whose clusters fit apart in N = " + n + ", not K = " + k);
            }
            if (!Double.isFinite(snrDb)) {
                throw new IllegalArgumentException("the SNR must be a finite number of dB, not " + snrDb);
            }
        }

        /** The paper's default point: N = 15, M = 8, 12, 15, K = 3, 25 dB, not block-sparse. */
        public static Setup paperDefault() {
            return new Setup(15, 8, 12, 15, 3, 25, false);
        }

        /** This setup at another SNR. */
        public Setup withSnrDb(double db) {
            return new Setup(n, m1, m2, m3, k, db, block);
        }

        /** This setup with another M₁. */
        public Setup withM1(int m) {
            return new Setup(n, m, m2, m3, k, snrDb, block);
        }

        /** This setup with another K. */
        public Setup withK(int kk) {
            return new Setup(n, m1, m2, m3, kk, snrDb, block);
        }

        /** This setup with block-sparse x₁ and x₂ (or not). */
        public Setup withBlock(boolean b) {
            return new Setup(n, m1, m2, m3, k, snrDb, b);
        }

        /**
         * The setup for the time-vs-size sweep: N per factor and M = (⌈8N/15⌉, ⌈12N/15⌉, N), the default's
         * ratios, so N = 15 is the default point.
         */
        public Setup withSize(int nn) {
            return new Setup(nn, (int) Math.ceil(8.0 * nn / 15), (int) Math.ceil(12.0 * nn / 15), nn, Math.min(k, nn),
                    snrDb, block);
        }

        /** ∏Mᵢ. */
        public int rows() {
            return m1 * m2 * m3;
        }

        /** N³. */
        public int cols() {
            return n * n * n;
        }
    }

    /**
     * Draws a trial.
     *
     * @param setup Input: shape, sparsity and SNR
     * @param seed  the trial's seed
     * @return the trial
     */
    public static SblProblem generate(Setup setup, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = setup.n();
        DenseMatrix a1full = gaussian(rnd, Math.max(Setup.M1_ROWS_DRAWN, setup.m1()), n);
        DenseMatrix a1 = new DenseMatrix(setup.m1(), n, Arrays.copyOf(a1full.data(), setup.m1() * n));
        DenseMatrix a2 = gaussian(rnd, setup.m2(), n);
        DenseMatrix a3 = gaussian(rnd, setup.m3(), n);
        List<DenseMatrix> factors = List.of(a1, a2, a3);
        List<double[]> xs = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            int[] pos = setup.block() && f < 2 ? clusters(rnd, n, setup.k()) : distinct(rnd, n, setup.k());
            double[] xf = new double[n];
            for (int p : pos) {
                xf[p] = rnd.nextGaussian();
            }
            xs.add(xf);
        }
        double[] x = kron(kron(xs.get(0), xs.get(1)), xs.get(2));
        double[] clean = kronApply(factors, x);
        double power = dot(clean, clean) / clean.length;
        double variance = power / Math.pow(10, setup.snrDb() / 10);
        double sd = Math.sqrt(variance);
        double[] y = new double[clean.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = clean[i] + sd * rnd.nextGaussian();
        }
        return new SblProblem(setup, seed, factors, List.copyOf(xs), x, SblMetrics.supportOf(x), y, variance);
    }

    /** The seed of trial {@code t} (0-based) of a run with base seed {@code base}: distinct and well mixed. */
    public static long trialSeed(long base, int t) {
        return new SplittableRandom(base ^ (0x9E3779B97F4A7C15L * (t + 1))).nextLong();
    }

    /** The noiseless measurements A·x (for checks). */
    public double[] cleanMeasurements() {
        return kronApply(factors, x);
    }

    /**
     * The dense dictionary A = A₁⊗A₂⊗A₃ restricted to the columns {@code cols}: column c is
     * A₁[:, i₁]⊗A₂[:, i₂]⊗A₃[:, i₃] for c = ((i₁·N₂)+i₂)·N₃+i₃. Row-major, ∏Mᵢ × |cols|.
     *
     * @param cols Input: column indices of A, 0-based
     * @return the columns, densely
     */
    public DenseMatrix columns(int[] cols) {
        DenseMatrix a1 = factors.get(0);
        DenseMatrix a2 = factors.get(1);
        DenseMatrix a3 = factors.get(2);
        int n2 = a2.cols();
        int n3 = a3.cols();
        int m2 = a2.rows();
        int m3 = a3.rows();
        int rows = a1.rows() * m2 * m3;
        int k = cols.length;
        double[] out = new double[rows * k];
        for (int j = 0; j < k; j++) {
            int c = cols[j];
            int i1 = c / (n2 * n3);
            int i2 = (c / n3) % n2;
            int i3 = c % n3;
            int r = 0;
            for (int r1 = 0; r1 < a1.rows(); r1++) {
                double v1 = a1.get(r1, i1);
                for (int r2 = 0; r2 < m2; r2++) {
                    double v12 = v1 * a2.get(r2, i2);
                    for (int r3 = 0; r3 < m3; r3++) {
                        out[(r++) * k + j] = v12 * a3.get(r3, i3);
                    }
                }
            }
        }
        return new DenseMatrix(rows, k, out);
    }

    /** The whole dictionary A = A₁⊗A₂⊗A₃, densely (for the peers that need it). */
    public DenseMatrix dense() {
        int[] all = new int[x.length];
        Arrays.setAll(all, i -> i);
        return columns(all);
    }

    private static DenseMatrix gaussian(SplittableRandom rnd, int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        return new DenseMatrix(rows, cols, d);
    }

    /** K distinct positions in [0, n), by a partial Fisher–Yates shuffle. */
    private static int[] distinct(SplittableRandom rnd, int n, int k) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        int[] out = Arrays.copyOf(p, k);
        Arrays.sort(out);
        return out;
    }

    /** K/3 clusters of 3 adjacent positions in [0, n), no two clusters touching (drawn until they fit). */
    private static int[] clusters(SplittableRandom rnd, int n, int k) {
        int c = k / Setup.CLUSTER;
        while (true) {
            boolean[] taken = new boolean[n];
            int[] out = new int[k];
            int filled = 0;
            boolean ok = true;
            for (int q = 0; q < c && ok; q++) {
                int start = rnd.nextInt(n - Setup.CLUSTER + 1);
                for (int i = Math.max(0, start - 1); i <= Math.min(n - 1, start + Setup.CLUSTER); i++) {
                    ok &= !taken[i];
                }
                if (ok) {
                    for (int i = start; i < start + Setup.CLUSTER; i++) {
                        taken[i] = true;
                        out[filled++] = i;
                    }
                }
            }
            if (ok) {
                Arrays.sort(out);
                return out;
            }
        }
    }

    /** a⊗b for vectors. */
    static double[] kron(double[] a, double[] b) {
        double[] out = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i * b.length + j] = a[i] * b[j];
            }
        }
        return out;
    }

    /** (A₁⊗A₂⊗A₃)·x by three mode products (the vec trick), for the generator's own use. */
    static double[] kronApply(List<DenseMatrix> f, double[] x) {
        DenseMatrix a1 = f.get(0);
        DenseMatrix a2 = f.get(1);
        DenseMatrix a3 = f.get(2);
        int n1 = a1.cols();
        int n2 = a2.cols();
        int n3 = a3.cols();
        int m1 = a1.rows();
        int m2 = a2.rows();
        int m3 = a3.rows();
        // t1[i1][i2][r3] = Σ_i3 A3[r3, i3] x[i1, i2, i3]
        double[] t1 = new double[n1 * n2 * m3];
        for (int i12 = 0; i12 < n1 * n2; i12++) {
            for (int r3 = 0; r3 < m3; r3++) {
                double s = 0;
                for (int i3 = 0; i3 < n3; i3++) {
                    s += a3.get(r3, i3) * x[i12 * n3 + i3];
                }
                t1[i12 * m3 + r3] = s;
            }
        }
        // t2[i1][r2][r3] = Σ_i2 A2[r2, i2] t1[i1, i2, r3]
        double[] t2 = new double[n1 * m2 * m3];
        for (int i1 = 0; i1 < n1; i1++) {
            for (int r2 = 0; r2 < m2; r2++) {
                for (int r3 = 0; r3 < m3; r3++) {
                    double s = 0;
                    for (int i2 = 0; i2 < n2; i2++) {
                        s += a2.get(r2, i2) * t1[(i1 * n2 + i2) * m3 + r3];
                    }
                    t2[(i1 * m2 + r2) * m3 + r3] = s;
                }
            }
        }
        // y[r1][r2][r3] = Σ_i1 A1[r1, i1] t2[i1, r2, r3]
        double[] y = new double[m1 * m2 * m3];
        int plane = m2 * m3;
        for (int r1 = 0; r1 < m1; r1++) {
            for (int i1 = 0; i1 < n1; i1++) {
                double v = a1.get(r1, i1);
                for (int q = 0; q < plane; q++) {
                    y[r1 * plane + q] += v * t2[i1 * plane + q];
                }
            }
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
