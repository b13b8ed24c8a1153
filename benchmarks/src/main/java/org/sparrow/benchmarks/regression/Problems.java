package org.sparrow.benchmarks.regression;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.QRPDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Submatrix;

/**
 * Builds the suite's problems, each with its exact least-squares solution x*.
 *
 * <h2>Synthetic: A = U·diag(σ)·Vᵀ</h2>
 * U (n×d) orthonormal, V (d×d) a random orthogonal matrix (the Q of EJML's QR of a d×d Gaussian), σ
 * log-spaced from 1 down to 1/cond; x* Gaussian; b = A·x* + r with r = ν·‖A·x*‖·g⊥/‖g⊥‖, g⊥ a Gaussian
 * vector with its component in range(U) removed (twice, for orthogonality to rounding). Then x* is the
 * exact minimizer, cond₂(A) = cond, ‖A†‖ = cond and ‖A·x* − b‖ = ‖r‖ = ν·‖A·x*‖.
 * U comes from a Gaussian G by Cholesky-QR twice (CholQR2: R = chol(GᵀG), G ← G·R⁻¹, repeated; orthonormal to
 * rounding when cond(G) ≪ 10⁸, which a Gaussian G is by far), O(n·d²) and multi-threaded through EJML's
 * {@code CommonOps_MT_DDRM} — a few seconds at n = 10⁶, d = 100.
 * <b>Coherent</b> problems add {@value #COHERENT_SCALE}·e_k to d randomly chosen rows of G (one per
 * coordinate k) before orthonormalizing: those d rows then carry almost all the leverage (‖U(i,:)‖² ≈ 1 each,
 * the other n − d rows share about n/(n + {@value #COHERENT_SCALE}²) of the total d), so an m-row uniform
 * sample (m ≪ n) misses most of them and loses rank, while Gaussian, SRHT and CountSketch see every row.
 *
 * <h2>Real: shared matrices made tall</h2>
 * A matrix of {@code ../shared/data/matrices} (transposed when wide; for the larger ones every k-th column),
 * with empty and linearly dependent columns dropped (EJML's QR with column pivoting, singular threshold
 * {@value #RANK_TOLERANCE}·|r₁₁|, keeping the pivot columns in their original order), so x* is unique. x*
 * Gaussian; r as above with the orthonormal basis from EJML's QR of the dense copy. A is kept in CSR for
 * Sparrow; the dense peers get the dense copy.
 */
final class Problems {

    /** The scale of the d heavy rows of a coherent problem. */
    static final double COHERENT_SCALE = 1e4;

    /** Relative threshold on |r_kk| below which a real matrix's column counts as dependent. */
    static final double RANK_TOLERANCE = 1e-10;

    private static final int BLOCK_ROWS = 8192;

    private Problems() {
    }

    /**
     * A synthetic problem's parameters.
     *
     * @param n        rows
     * @param d        columns
     * @param cond     cond₂(A) ≥ 1
     * @param noise    ν = ‖A·x* − b‖/‖A·x*‖ ≥ 0
     * @param coherent whether d rows get almost all the leverage
     * @param seed     the seed of every random draw
     */
    record Spec(int n, int d, double cond, double noise, boolean coherent, long seed) {

        String name() {
            return "syn-n" + compact(n) + "-d" + d + "-k" + compact(cond) + "-nu" + compact(noise)
                    + (coherent ? "-coh" : "");
        }
    }

    /** 1e5 for powers of ten, else the plain number (16384, 0.02). */
    static String compact(double v) {
        if (v == 0) {
            return "0";
        }
        double e = Math.log10(Math.abs(v));
        if (Math.abs(e - Math.rint(e)) < 1e-12 && Math.abs(e) >= 2) {
            return (v < 0 ? "-" : "") + "1e" + (long) Math.rint(e);
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** Builds a synthetic problem (see the class comment). */
    static LsProblem synthetic(Spec s, int threads) {
        long t0 = System.nanoTime();
        int n = s.n();
        int d = s.d();
        SplittableRandom rnd = new SplittableRandom(s.seed());
        double[] g = gaussian(n, d, rnd.nextLong(), threads);
        if (s.coherent()) {
            Set<Integer> heavy = new HashSet<>();
            for (int k = 0; k < d; k++) {
                int i;
                do {
                    i = rnd.nextInt(n);
                } while (!heavy.add(i));
                g[i * d + k] += COHERENT_SCALE;
            }
        }
        double[] other = new double[g.length];
        // CholQR2: g → other → g (U in g)
        cholQrPass(g, other, n, d);
        cholQrPass(other, g, n, d);
        double[] u = g;
        // V: a random orthogonal d×d; M = diag(σ)·Vᵀ; A = U·M
        DMatrixRMaj gv = new DMatrixRMaj(d, d, true, gaussian(d, d, rnd.nextLong(), 1));
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        if (!qr.decompose(gv)) {
            throw new IllegalStateException("EJML QR of the " + d + "×" + d + " Gaussian failed");
        }
        DMatrixRMaj v = qr.getQ(null, true);
        double[] sigma = new double[d];
        DMatrixRMaj mm = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            sigma[i] = d == 1 ? 1.0 : Math.pow(s.cond(), -(double) i / (d - 1));
            for (int j = 0; j < d; j++) {
                mm.set(i, j, sigma[i] * v.get(j, i));
            }
        }
        CommonOps_MT_DDRM.mult(DMatrixRMaj.wrap(n, d, u), mm, DMatrixRMaj.wrap(n, d, other));
        DenseMatrix a = new DenseMatrix(n, d, other);
        double[] x = gaussian(1, d, rnd.nextLong(), 1);
        double[] y = new double[n];
        a.apply(x, y);
        double[] r = gaussian(n, 1, rnd.nextLong(), threads);
        projectOut(u, n, d, r);
        projectOut(u, n, d, r);
        double coherence = 0;
        for (int i = 0; i < n; i++) {
            double l = 0;
            for (int j = 0; j < d; j++) {
                l += u[i * d + j] * u[i * d + j];
            }
            coherence = Math.max(coherence, l);
        }
        coherence *= (double) n / d;
        double[] b = combine(y, r, s.noise());
        double opt = s.noise() == 0 ? 0 : s.noise() * norm(y);
        String note = String.format(Locale.ROOT, "A = U·diag(σ)·Vᵀ, σ log-spaced 1 … 1/%s, U by CholQR2%s",
                compact(s.cond()), s.coherent() ? ", " + d + " rows of G shifted by " + compact(COHERENT_SCALE) + "·e_k" : "");
        return new LsProblem(s.name(), "synthetic", a, x, b, s.cond(), s.cond(), s.noise(), opt, s.coherent(),
                coherence, (System.nanoTime() - t0) * 1e-9, note);
    }

    /** b = y + r·(ν‖y‖/‖r‖); r is overwritten. */
    private static double[] combine(double[] y, double[] r, double noise) {
        double scale = noise == 0 ? 0 : noise * norm(y) / norm(r);
        double[] b = new double[y.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = y[i] + scale * r[i];
        }
        return b;
    }

    /** One Cholesky-QR step: out = in·R⁻¹ with RᵀR = inᵀ·in. */
    private static void cholQrPass(double[] in, double[] out, int n, int d) {
        DMatrixRMaj x = DMatrixRMaj.wrap(n, d, in);
        DMatrixRMaj w = new DMatrixRMaj(d, d);
        CommonOps_MT_DDRM.multTransA(x, x, w);
        CholeskyDecomposition_F64<DMatrixRMaj> ch = DecompositionFactory_DDRM.chol(d, true);
        if (!ch.decompose(w)) {
            throw new IllegalStateException("Cholesky of the Gram matrix failed: the random matrix is too ill-conditioned");
        }
        DMatrixRMaj l = ch.getT(null);
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                l.set(i, j, 0.0);
            }
        }
        TriangularSolver_DDRM.invertLower(l.data, d); // L⁻¹; R⁻¹ = L⁻ᵀ
        CommonOps_MT_DDRM.multTransB(x, l, DMatrixRMaj.wrap(n, d, out));
    }

    /** r ← r − U·(Uᵀ·r) for U n×d row-major with orthonormal columns. */
    private static void projectOut(double[] u, int n, int d, double[] r) {
        DMatrixRMaj um = DMatrixRMaj.wrap(n, d, u);
        DMatrixRMaj c = new DMatrixRMaj(d, 1);
        CommonOps_MT_DDRM.multTransA(um, DMatrixRMaj.wrap(n, 1, r), c);
        DMatrixRMaj p = new DMatrixRMaj(n, 1);
        CommonOps_MT_DDRM.mult(um, c, p);
        for (int i = 0; i < n; i++) {
            r[i] -= p.data[i];
        }
    }

    /** rows×cols i.i.d. N(0,1), row-major; blocks of rows from their own streams, so the thread count does not matter. */
    static double[] gaussian(int rows, int cols, long seed, int threads) {
        double[] g = new double[Math.toIntExact((long) rows * cols)];
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        Parallelism.forEachTask(threads, blocks, blk -> {
            SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (blk + 1L)));
            int from = blk * BLOCK_ROWS * cols;
            int to = (int) Math.min((long) (blk + 1) * BLOCK_ROWS * cols, g.length);
            for (int i = from; i < to; i++) {
                g[i] = r.nextGaussian();
            }
        });
        return g;
    }

    /**
     * A real-matrix problem's recipe.
     *
     * @param file      under the data folder
     * @param transpose use Aᵀ (for a wide matrix)
     * @param stride    keep every stride-th column (1: all)
     * @param noise     ν
     * @param seed      seed of x* and r
     */
    record RealSpec(String file, boolean transpose, int stride, double noise, long seed) {

        String name() {
            String base = java.nio.file.Path.of(file).getFileName().toString().replace(".mtx.gz", "").replace(".mtx", "");
            return base + (transpose ? "-T" : "") + (stride > 1 ? "-cols" + stride : "");
        }
    }

    /** Builds a problem from a shared matrix (see the class comment). */
    static LsProblem real(RealSpec s) throws IOException {
        long t0 = System.nanoTime();
        CsrMatrix a = MatrixMarket.readCsr(BenchmarkData.matrix(s.file()));
        if (s.transpose()) {
            a = a.transpose();
        }
        int origCols = a.cols();
        int[] rows = new int[a.rows()];
        Arrays.setAll(rows, i -> i);
        int[] cols = java.util.stream.IntStream.range(0, a.cols()).filter(j -> j % s.stride() == 0).toArray();
        a = Submatrix.of(a, rows, cols);
        // independent columns: QR with column pivoting on the dense copy
        int n = a.rows();
        int d = a.cols();
        if (n < d) {
            throw new IllegalArgumentException(s.name() + " is " + n + "×" + d + ", not tall");
        }
        DMatrixRMaj dense = DMatrixRMaj.wrap(n, d, a.toDense().data());
        QRPDecomposition_F64<DMatrixRMaj> qrp = DecompositionFactory_DDRM.qrp(n, d);
        if (!qrp.decompose(dense.copy())) {
            throw new IllegalStateException("EJML's pivoted QR of " + s.name() + " failed");
        }
        DMatrixRMaj rp = qrp.getR(null, true);
        int[] piv = qrp.getColPivots();
        int rank = 0;
        double r11 = Math.abs(rp.get(0, 0));
        while (rank < d && Math.abs(rp.get(rank, rank)) > RANK_TOLERANCE * r11) {
            rank++;
        }
        String note = String.format(Locale.ROOT, "%s%s", s.file(), s.transpose() ? " transposed" : "");
        if (s.stride() > 1) {
            note += String.format(Locale.ROOT, ", every %d-th of %d columns", s.stride(), origCols);
        }
        if (rank < d) {
            int[] keep = Arrays.copyOf(piv, rank);
            Arrays.sort(keep);
            a = Submatrix.of(a, rows, keep);
            note += String.format(Locale.ROOT, ", %d dependent or empty columns dropped (pivoted QR)", d - rank);
            d = rank;
            dense = DMatrixRMaj.wrap(n, d, a.toDense().data());
        }
        // orthonormal basis and singular values
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, d);
        if (!qr.decompose(dense.copy())) {
            throw new IllegalStateException("EJML QR of " + s.name() + " failed");
        }
        double[] q = qr.getQ(null, true).data;
        DMatrixRMaj r = qr.getR(null, true);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, false, false, true);
        if (!svd.decompose(r)) {
            throw new IllegalStateException("EJML SVD of R of " + s.name() + " failed");
        }
        double[] sv = svd.getSingularValues();
        double smax = Arrays.stream(sv).max().orElseThrow();
        double smin = Arrays.stream(sv).min().orElseThrow();
        SplittableRandom rnd = new SplittableRandom(s.seed());
        double[] x = gaussian(1, d, rnd.nextLong(), 1);
        double[] y = new double[n];
        a.apply(x, y);
        double[] g = gaussian(n, 1, rnd.nextLong(), 1);
        projectOut(q, n, d, g);
        projectOut(q, n, d, g);
        double coherence = 0;
        for (int i = 0; i < n; i++) {
            double l = 0;
            for (int j = 0; j < d; j++) {
                l += q[i * d + j] * q[i * d + j];
            }
            coherence = Math.max(coherence, l);
        }
        double[] b = combine(y, g, s.noise());
        return new LsProblem(s.name(), "real", a, x, b, smax / smin, 1 / smin, s.noise(),
                s.noise() * norm(y), false, coherence * n / d, (System.nanoTime() - t0) * 1e-9, note);
    }

    /** ‖x‖₂ (plain sum of squares: the suite's figures stay far from overflow). */
    static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** The dense row-major copy of A for the dense peers (A itself when dense). */
    static double[] denseData(LsProblem p) {
        return p.a() instanceof DenseMatrix dm ? dm.data() : p.a().toDense().data();
    }
}
