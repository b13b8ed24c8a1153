package org.sparrow.benchmarks.structured;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.ops.DenseProducts;
import org.sparrow.core.structured.MonarchMatrix;
import org.sparrow.core.structured.MonarchProjection;

/**
 * Parts 1 and 2 of the suite: Monarch multiply against the dense product of the same matrix, and the
 * Monarch projection's time and error.
 *
 * <p>The dense form of every Monarch matrix is built here from its factor arrays by the index convention of
 * {@code MonarchMatrix} ({@code A[ℓ·q + j, k·p + i] = L_{j,ℓ,k}·R_{k,j,i}}), not by {@code toDense()} (which
 * refuses n = 16384), so the products' agreement checks the convention and the fast multiply at once, and the
 * projection's error is recomputed independently of the library.
 */
final class MonarchStudy {

    private MonarchStudy() {
    }

    /**
     * One multiply measurement.
     *
     * @param n          the order
     * @param blocks     b = √n
     * @param k          columns of the block (1 = a vector)
     * @param impl       monarch, dense (Sparrow's DenseProducts, all threads) or ejml (CommonOps_DDRM.mult)
     * @param status     ok, or why it was not measured
     * @param seconds    median seconds per product (NaN when not measured)
     * @param minSeconds fastest seconds per product
     * @param runs       timed runs
     * @param cold       whether the only sample is the first call
     * @param relDiff    ‖y − y_monarch‖ / ‖y_monarch‖ (0 for Monarch itself, NaN when not measured)
     */
    record MultiplyRow(int n, int blocks, int k, String impl, String status, double seconds, double minSeconds,
                       int runs, boolean cold, double relDiff) {
    }

    /**
     * One projection measurement.
     *
     * @param n             the order
     * @param blocks        b
     * @param input         monarch (a random Monarch matrix, densified) or dense (Gaussian entries)
     * @param status        ok, or why it was not measured
     * @param seconds       median wall seconds of {@code MonarchMatrix.project}
     * @param runs          timed runs
     * @param libraryError  the projection's reported relative Frobenius error
     * @param checkedError  ‖A − M‖_F / ‖A‖_F recomputed here, entry by entry
     */
    record ProjectionRow(int n, int blocks, String input, String status, double seconds, int runs,
                         double libraryError, double checkedError) {
    }

    /** b = √n, or a clear error for an n that is not a square. */
    static int blocksFor(int n) {
        int b = (int) Math.round(Math.sqrt(n));
        if ((long) b * b != n) {
            throw new IllegalArgumentException("the Monarch sizes must be squares n = m² (b = m blocks), got n = " + n);
        }
        return b;
    }

    /**
     * The dense form of {@code m} by the documented index convention, row-major.
     *
     * @param m Input: the Monarch matrix
     * @return rows × cols entries
     */
    static double[] densify(MonarchMatrix m) {
        int rows = m.rows();
        int cols = m.cols();
        int b = m.blocks();
        int q = rows / b;
        int p = cols / b;
        double[] left = m.left();
        double[] right = m.right();
        double[] a = new double[Math.multiplyExact(rows, cols)];
        for (int r = 0; r < rows; r++) {
            int l = r / q;
            int j = r % q;
            int base = r * cols;
            for (int k = 0; k < b; k++) {
                double lv = left[(j * b + l) * b + k];
                int ro = (k * q + j) * p;
                int co = base + k * p;
                for (int i = 0; i < p; i++) {
                    a[co + i] = lv * right[ro + i];
                }
            }
        }
        return a;
    }

    /**
     * ‖A − M‖_F / ‖A‖_F with M's entries from its factor arrays, computed entry by entry (M is never formed).
     *
     * @param a Input: A, row-major rows × cols
     * @param m Input: M
     * @return the relative error (0 when A = 0 and M = 0)
     */
    static double relativeError(double[] a, MonarchMatrix m) {
        int rows = m.rows();
        int cols = m.cols();
        int b = m.blocks();
        int q = rows / b;
        int p = cols / b;
        double[] left = m.left();
        double[] right = m.right();
        double diff = 0;
        double norm = 0;
        for (int r = 0; r < rows; r++) {
            int l = r / q;
            int j = r % q;
            int base = r * cols;
            for (int k = 0; k < b; k++) {
                double lv = left[(j * b + l) * b + k];
                int ro = (k * q + j) * p;
                int co = base + k * p;
                for (int i = 0; i < p; i++) {
                    double av = a[co + i];
                    double d = av - lv * right[ro + i];
                    diff += d * d;
                    norm += av * av;
                }
            }
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }

    /** Whether an n × n dense matrix (and a little more) fits in the heap. */
    static boolean denseFits(int n) {
        long bytes = 8L * n * n;
        return bytes + (bytes >> 2) + (256L << 20) <= Runtime.getRuntime().maxMemory();
    }

    /** The heap an n × n dense matrix needs, as text. */
    static String denseNeed(int n) {
        return String.format(Locale.ROOT, "needs %.1f GiB for the %d × %d dense matrix, the heap is %.1f GiB", 8.0 * n * n
                / (1L << 30), n, n, Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    }

    /**
     * Times Monarch, dense and EJML products at every size, for a vector and a block of {@code blockWidth}.
     *
     * @param sizes      the orders (squares)
     * @param blockWidth k of the block products
     * @param ejml       whether to time EJML
     * @param timing     the timer's settings
     * @param seed       the Monarch matrices' seed
     * @return the rows, size by size
     */
    static List<MultiplyRow> multiply(int[] sizes, int blockWidth, boolean ejml, Timer.Settings timing, long seed) {
        List<MultiplyRow> rows = new ArrayList<>();
        for (int n : sizes) {
            int b = blocksFor(n);
            MonarchMatrix m = MonarchMatrix.random(n, n, b, seed + n);
            DenseMatrix dense = null;
            String why = null;
            if (denseFits(n)) {
                dense = new DenseMatrix(n, n, densify(m));
            } else {
                why = "not measured: " + denseNeed(n);
            }
            DMatrixRMaj ej = dense != null && ejml ? DMatrixRMaj.wrap(n, n, dense.data()) : null;
            for (int k : new int[] {1, blockWidth}) {
                double[] x = new double[n * k];
                SplittableRandom rnd = new SplittableRandom(seed + 31L * n + k);
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextDouble(-1, 1);
                }
                double[] ym = new double[n * k];
                final int kk = k;
                MonarchMatrix.Workspace ws = m.workspace(k);
                Timer.Measured<Void> tm = Timer.measure(timing, kk == 1 ? () -> m.apply(x, ym, ws, Par.AUTO)
                        : () -> m.applyBlock(x, ym, kk, ws, Par.AUTO));
                rows.add(row(n, b, k, "monarch", tm, 0.0));
                report(rows.getLast());
                if (dense != null) {
                    double[] yd = new double[n * k];
                    final DenseMatrix d = dense;
                    Timer.Measured<Void> td = Timer.measure(timing, kk == 1 ? () -> DenseProducts.apply(d, x, yd, Par.AUTO)
                            : () -> DenseProducts.applyBlock(d, x, yd, kk, Par.AUTO));
                    rows.add(row(n, b, k, "dense", td, relDiff(yd, ym)));
                    report(rows.getLast());
                    if (ej != null) {
                        DMatrixRMaj xe = DMatrixRMaj.wrap(n, k, x);
                        DMatrixRMaj ye = new DMatrixRMaj(n, k);
                        Timer.Measured<DMatrixRMaj> te = Timer.measure(timing, () -> CommonOps_DDRM.mult(ej, xe, ye));
                        rows.add(row(n, b, k, "ejml", te, relDiff(ye.data, ym)));
                        report(rows.getLast());
                    } else {
                        rows.add(new MultiplyRow(n, b, k, "ejml", "not measured (--no-ejml)", Double.NaN, Double.NaN, 0,
                                false, Double.NaN));
                    }
                } else {
                    for (String impl : new String[] {"dense", "ejml"}) {
                        rows.add(new MultiplyRow(n, b, k, impl, why, Double.NaN, Double.NaN, 0, false, Double.NaN));
                        report(rows.getLast());
                    }
                }
            }
        }
        return rows;
    }

    private static MultiplyRow row(int n, int b, int k, String impl, Timer.Measured<?> t, double relDiff) {
        return new MultiplyRow(n, b, k, impl, "ok", t.median(), t.min(), t.runs(), t.cold(), relDiff);
    }

    private static void report(MultiplyRow r) {
        System.err.printf(Locale.ROOT, "  multiply n=%-6d k=%-3d %-8s %s%n", r.n(), r.k(), r.impl(),
                r.status().equals("ok") ? String.format(Locale.ROOT, "%.4g ms (%d runs%s), rel. diff %.1e",
                        r.seconds() * 1e3, r.runs(), r.cold() ? ", cold" : "", r.relDiff()) : r.status());
    }

    /** ‖y − ref‖₂ / ‖ref‖₂. */
    static double relDiff(double[] y, double[] ref) {
        double d = 0;
        double r = 0;
        for (int i = 0; i < ref.length; i++) {
            double e = y[i] - ref[i];
            d += e * e;
            r += ref[i] * ref[i];
        }
        return r == 0 ? Math.sqrt(d) : Math.sqrt(d / r);
    }

    /**
     * The projection at every size, on a Monarch input and on a Gaussian dense input, stopping (with the
     * reason in the row) where the dense input does not fit in the heap or the time predicted from the last
     * size, growing like n^2.5 (m² slices of m × m, each a dense SVD), exceeds {@code capSeconds}.
     *
     * @param sizes      the orders (squares), increasing
     * @param capSeconds the longest predicted projection to start
     * @param timing     the timer's settings
     * @param seed       the inputs' seed
     * @return the rows
     */
    static List<ProjectionRow> projection(int[] sizes, double capSeconds, Timer.Settings timing, long seed) {
        List<ProjectionRow> rows = new ArrayList<>();
        double lastN = 0;
        double lastSeconds = 0;
        for (int n : sizes) {
            int b = blocksFor(n);
            String skip = null;
            if (!denseFits(2 * n)) {
                // the input, and room for the projection's own copies of it
                skip = "not measured: " + denseNeed(n) + " (and the projection needs room for its slices)";
            } else if (lastN > 0) {
                double predicted = lastSeconds * Math.pow(n / lastN, 2.5);
                if (predicted > capSeconds) {
                    skip = String.format(Locale.ROOT, "not measured: predicted %.0f s (%.3g s at n = %d × (n/%d)^2.5) "
                            + "exceeds the %.0f s cap", predicted, lastSeconds, (int) lastN, (int) lastN, capSeconds);
                }
            }
            if (skip != null) {
                for (String input : new String[] {"monarch", "dense"}) {
                    rows.add(new ProjectionRow(n, b, input, skip, Double.NaN, 0, Double.NaN, Double.NaN));
                    System.err.printf(Locale.ROOT, "  projection n=%-6d %-8s %s%n", n, input, skip);
                }
                continue;
            }
            double worst = 0;
            for (String input : new String[] {"monarch", "dense"}) {
                double[] a;
                if (input.equals("monarch")) {
                    a = densify(MonarchMatrix.random(n, n, b, seed + 7L * n));
                } else {
                    a = new double[n * n];
                    SplittableRandom rnd = new SplittableRandom(seed + 11L * n);
                    for (int i = 0; i < a.length; i++) {
                        a[i] = rnd.nextGaussian();
                    }
                }
                DenseMatrix dm = new DenseMatrix(n, n, a);
                Timer.Measured<MonarchProjection> t = Timer.measure(timing, () -> MonarchMatrix.project(dm, b));
                MonarchProjection p = t.first();
                double checked = relativeError(a, p.matrix());
                rows.add(new ProjectionRow(n, b, input, "ok", t.median(), t.runs(), p.relativeError(), checked));
                System.err.printf(Locale.ROOT, "  projection n=%-6d %-8s %.4g s (%d runs), error %.3e (checked %.3e)%n",
                        n, input, t.median(), t.runs(), p.relativeError(), checked);
                worst = Math.max(worst, t.median());
            }
            lastN = n;
            lastSeconds = worst;
        }
        return rows;
    }
}
