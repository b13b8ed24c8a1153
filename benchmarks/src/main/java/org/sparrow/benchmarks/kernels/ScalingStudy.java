package org.sparrow.benchmarks.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmFlops;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.core.ops.Spmm;
import org.sparrow.core.ops.Spmv;

/**
 * How Sparrow's kernels scale with size on the generated families ({@link Generators}): five sizes
 * per family spanning more than 100× in nonzeros, up to 5–8 million, each timed for SpGEMM
 * {@code A·A} (sorted output), SpMV and SpMM (k = 32) on the suite's thread count.
 *
 * <p>R-MAT squares grow much faster than R-MAT itself (heavy rows meet heavy columns): at scale 21
 * with edge factor 4, {@code A·A} has ~4.5·10^9 multiply-adds and billions of entries. SpGEMM is
 * therefore run only where the multiply-adds are at most {@link #SPGEMM_FLOP_CAP}, which leaves
 * four R-MAT sizes (scales 10–17, 141× in nonzeros) for it; SpMV and SpMM run at every size.
 */
final class ScalingStudy {

    /** SpGEMM is skipped above this many multiply-adds (memory and time, see the class comment). */
    static final long SPGEMM_FLOP_CAP = 300_000_000L;

    /** Seed of the random families. */
    static final long SEED = 42;

    /** R-MAT edge factor (generated edges per vertex; Graph500 uses 16, whose squares are far larger). */
    static final int RMAT_EDGE_FACTOR = 4;

    /** Average stored entries per row of the uniform random family. */
    static final int RANDOM_PER_ROW = 8;

    /**
     * One generated matrix and its timings.
     *
     * @param family   generator family
     * @param size     the size argument, e.g. "n = 1000" or "scale = 21"
     * @param rows     rows (= columns)
     * @param nnz      stored entries
     * @param flops    multiply-adds of {@code A·A}
     * @param nnzC     entries of {@code A·A}, or −1 if SpGEMM was skipped
     * @param spgemm   SpGEMM timing, or {@code null} if skipped
     * @param spgemmNote why SpGEMM was skipped, or "ok"
     * @param spmv     SpMV timing
     * @param spmm     SpMM timing
     * @param k        SpMM block width
     */
    record Row(String family, String size, int rows, long nnz, long flops, long nnzC, Timer.Measured<?> spgemm,
               String spgemmNote, Timer.Measured<?> spmv, Timer.Measured<?> spmm, int k) {

        /** The sizes and kernel work, as for a suite matrix. */
        MatrixInfo info() {
            return new MatrixInfo(family + " " + size, rows, rows, nnz, flops, nnzC, k);
        }
    }

    /** A family member: a label and how to generate it. */
    private record Case(String family, String size, Supplier<CsrMatrix> make) {
    }

    private ScalingStudy() {
    }

    /** The generated cases, smallest first within each family. */
    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (int n : new int[] {100, 220, 450, 700, 1000}) {
            c.add(new Case("poisson2d", "n = " + n, () -> Generators.poisson2d(n)));
        }
        for (int n : new int[] {20, 35, 55, 80, 100}) {
            c.add(new Case("poisson3d", "n = " + n, () -> Generators.poisson3d(n)));
        }
        for (int n : new int[] {6_000, 24_000, 96_000, 300_000, 750_000}) {
            c.add(new Case("random", String.format(Locale.ROOT, "n = %d, %d/row", n, RANDOM_PER_ROW),
                    () -> Generators.random(n, n, (double) RANDOM_PER_ROW / n, SEED)));
        }
        for (int scale : new int[] {10, 12, 14, 17, 21}) {
            c.add(new Case("rmat", String.format(Locale.ROOT, "scale = %d, edge factor %d", scale, RMAT_EDGE_FACTOR),
                    () -> Generators.rmat(scale, RMAT_EDGE_FACTOR, SEED)));
        }
        return c;
    }

    /**
     * Generates every case and times the three kernels on it.
     *
     * @param settings timing settings
     * @param threads  threads for every kernel
     * @param k        SpMM block width
     * @return one row per generated matrix
     */
    static List<Row> run(Timer.Settings settings, int threads, int k) {
        List<Row> rows = new ArrayList<>();
        for (Case c : cases()) {
            CsrMatrix a = c.make().get();
            long flops = SpgemmFlops.count(a, a);
            Timer.Measured<CsrMatrix> spgemm = null;
            String note = "ok";
            long nnzC = -1;
            if (flops > SPGEMM_FLOP_CAP) {
                note = String.format(Locale.ROOT, "skipped: %.2g multiply-adds > cap %.2g", (double) flops,
                        (double) SPGEMM_FLOP_CAP);
            } else {
                SpgemmOptions options = new SpgemmOptions(threads, true, false);
                try {
                    spgemm = Timer.measure(settings, () -> Spgemm.multiply(a, a, options));
                    nnzC = spgemm.first().nnz();
                    spgemm = spgemm.withoutResult();
                } catch (RuntimeException | OutOfMemoryError e) {
                    note = "failed: " + e;
                }
            }
            double[] x = ResultCheck.inputs(a.cols());
            double[] y = new double[a.rows()];
            Timer.Measured<Void> spmv = Timer.measure(settings, () -> Spmv.apply(a, x, y, threads));
            double[] xb = ResultCheck.inputs(Math.multiplyExact(a.cols(), k));
            double[] yb = new double[Math.multiplyExact(a.rows(), k)];
            Timer.Measured<Void> spmm = Timer.measure(settings, () -> Spmm.apply(a, xb, yb, k, threads));
            Row row = new Row(c.family(), c.size(), a.rows(), a.nnz(), flops, nnzC, spgemm, note, spmv, spmm, k);
            rows.add(row);
            System.out.printf(Locale.ROOT, "scaling  %-9s %-28s nnz %,11d  SpGEMM %s  SpMV %.3f ms  SpMM %.2f ms%n",
                    c.family(), c.size(), a.nnz(), spgemm == null ? note : String.format(Locale.ROOT, "%.2f ms",
                            spgemm.millis()), spmv.millis(), spmm.millis());
        }
        return rows;
    }
}
