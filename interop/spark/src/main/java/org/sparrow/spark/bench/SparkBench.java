package org.sparrow.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.BlockMatrix;
import org.apache.spark.mllib.linalg.distributed.CoordinateMatrix;
import org.apache.spark.mllib.linalg.distributed.MatrixEntry;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.core.ops.Spmv;
import org.sparrow.sketching.lstsq.LeastSquares;
import org.sparrow.sketching.lstsq.LeastSquaresOptions;
import org.sparrow.sketching.lstsq.LeastSquaresResult;
import org.sparrow.spark.DistributedCsrMatrix;
import org.sparrow.spark.DistributedSolvers;
import org.sparrow.spark.DistributedVector;

/**
 * {@code ./sparrow bench spark [RESULTS_DIR] [--quick] [--no-mllib]}: what Spark costs over the local library,
 * in one run on one machine. For {@code local[1]} and {@code local[2]}: SpMV on Poisson 2-D and R-MAT, SpGEMM
 * {@code A·A} on a ~2M-nonzero Poisson 2-D and R-MAT (B broadcast), the sketch-and-precondition least-squares
 * solve on a tall sparse matrix, and one CG iteration's vector work kept on the driver against the same work
 * as distributed vectors (the question "keep vector blocks distributed?"). Each against the local library on
 * as many threads as Spark has cores, as a ratio (distributed / local). Then MLlib, under {@code local[2]}:
 * {@code BlockMatrix.multiply} (which densifies its blocks) and {@code RowMatrix.multiply} (a dense right-hand
 * side) against Sparrow's distributed SpGEMM and SpMM on matrices small enough for MLlib to survive.
 *
 * <p>Lives in the spark module so the benchmarks jar stays free of Spark; the launcher runs it with Spark's
 * class path. Timings are medians of the repeats after a warm-up; the results go to {@code RESULTS_DIR}
 * (default {@code benchmarks/results/spark}) as {@code spark.csv} and {@code spark.md}.
 */
public final class SparkBench {

    private record Row(String master, String operation, String matrix, long nnz, double local, double distributed,
                       String note) {
        double ratio() {
            return distributed / local;
        }
    }

    private final boolean quick;
    private final int repeats;
    private final List<Row> rows = new ArrayList<>();

    private SparkBench(boolean quick) {
        this.quick = quick;
        this.repeats = quick ? 3 : 5;
    }

    /**
     * Runs the suite.
     *
     * @param args {@code [RESULTS_DIR] [--quick] [--no-mllib]}
     * @throws Exception when a measurement or the report fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("benchmarks/results/spark");
        boolean quick = false;
        boolean mllib = true;
        for (String a : args) {
            switch (a) {
                case "--quick" -> quick = true;
                case "--no-mllib" -> mllib = false;
                case "-h", "--help" -> {
                    System.out.println("Usage: sparrow bench spark [RESULTS_DIR] [--quick] [--no-mllib]");
                    return;
                }
                default -> {
                    if (a.startsWith("-")) {
                        System.err.println("sparrow bench spark: unknown option " + a
                                + " (expected --quick or --no-mllib)");
                        System.exit(2);
                    }
                    dir = Path.of(a);
                }
            }
        }
        new SparkBench(quick).run(dir, mllib);
    }

    private void run(Path dir, boolean mllib) throws IOException {
        int k = quick ? 300 : 2000;             // Poisson 2-D k² rows (SpMV)
        int kg = quick ? 200 : 632;             // Poisson 2-D for SpGEMM: ~2M nonzeros at full size
        int scale = quick ? 13 : 17;            // R-MAT 2^scale vertices, edge factor 16: ~2M nonzeros at full size
        CsrMatrix poisson = Generators.poisson2d(k);
        CsrMatrix poissonG = Generators.poisson2d(kg);
        CsrMatrix rmat = Generators.rmat(scale, 16, 7);
        int n = quick ? 50_000 : 400_000;
        int d = quick ? 30 : 60;
        CsrMatrix tall = Generators.random(n, d, 8.0 / d, 11);
        double[] b = new double[n];
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextGaussian();
        }
        for (int cores : new int[] {1, 2}) {
            String master = "local[" + cores + "]";
            JavaSparkContext sc = start(master);
            try {
                int parts = 2 * cores;
                spmv(sc, master, "poisson2d " + k + "²", poisson, parts, cores);
                spmv(sc, master, "rmat " + scale, rmat, parts, cores);
                spgemm(sc, master, "poisson2d " + kg + "²", poissonG, parts, cores);
                spgemm(sc, master, "rmat " + scale, rmat, parts, cores);
                leastSquares(sc, master, "random " + n + "×" + d, tall, b, parts, cores);
                vectors(sc, master, poisson, parts);
                if (mllib && cores == 2) {
                    mllib(sc, master, parts);
                }
            } finally {
                sc.stop();
            }
            write(dir); // after each master, so a later failure keeps what was measured
        }
    }

    private static JavaSparkContext start(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("sparrow bench spark")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        return sc;
    }

    private double time(Callable<?> work) {
        try {
            work.call(); // warm-up
            double[] t = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                work.call();
                t[r] = (System.nanoTime() - t0) * 1e-9;
            }
            Arrays.sort(t);
            return t[repeats / 2];
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A peer's time, or NaN (and the reason printed) when it fails: what MLlib does at a size is a result too. */
    private double peer(Callable<?> work, String what) {
        try {
            return time(work);
        } catch (RuntimeException | OutOfMemoryError e) {
            System.out.println(what + " failed: " + e.getMessage());
            return Double.NaN;
        }
    }

    private void add(Row r) {
        rows.add(r);
        System.out.printf(Locale.ROOT, "%-9s %-28s %-20s local %9.4f s  distributed %9.4f s  ratio %7.2f  %s%n",
                r.master(), r.operation(), r.matrix(), r.local(), r.distributed(), r.ratio(), r.note());
    }

    private void spmv(JavaSparkContext sc, String master, String name, CsrMatrix a, int parts, int cores) {
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, parts);
        double[] x = new double[a.cols()];
        Arrays.fill(x, 1.0);
        double[] y = new double[a.rows()];
        double local = time(() -> {
            Spmv.apply(a, x, y, cores);
            return y;
        });
        double dist = time(() -> da.multiply(x));
        add(new Row(master, "SpMV y = A·x", name, a.nnz(), local, dist, "x broadcast, y assembled on the driver"));
        da.unpersist();
    }

    private void spgemm(JavaSparkContext sc, String master, String name, CsrMatrix a, int parts, int cores) {
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, parts);
        SpgemmOptions o = SpgemmOptions.defaults().withThreads(cores);
        double local = time(() -> Spgemm.multiply(a, a, o));
        List<DistributedCsrMatrix> last = new ArrayList<>();
        double dist = time(() -> {
            last.forEach(DistributedCsrMatrix::unpersist);
            last.clear();
            DistributedCsrMatrix c = da.multiply(a, org.sparrow.spark.DistributedSpgemmOptions.defaults());
            last.add(c);
            return c;
        });
        last.forEach(DistributedCsrMatrix::unpersist);
        add(new Row(master, "SpGEMM C = A·A", name, a.nnz(), local, dist, "B broadcast; C left distributed"));
        da.unpersist();
    }

    private void leastSquares(JavaSparkContext sc, String master, String name, CsrMatrix a, double[] b, int parts,
                              int cores) {
        System.setProperty("sparrow.threads", Integer.toString(cores));
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, parts);
        LeastSquaresOptions o = LeastSquaresOptions.defaults();
        LeastSquaresResult[] results = new LeastSquaresResult[2];
        double local = time(() -> results[0] = LeastSquares.solve(a, b, o));
        double dist = time(() -> results[1] = DistributedSolvers.leastSquares(da, b, o));
        add(new Row(master, "sketch-precondition LS", name, a.nnz(), local, dist, String.format(Locale.ROOT,
                "%d vs %d iterations; ‖r‖ %.6g vs %.6g", results[0].iterations(), results[1].iterations(),
                results[0].residuals().norm(), results[1].residuals().norm())));
        da.unpersist();
    }

    /**
     * One CG iteration's vector work besides the product: two inner products and three updates on n entries,
     * on the driver (arrays) against the same on distributed vectors split as the matrix's rows.
     */
    private void vectors(JavaSparkContext sc, String master, CsrMatrix a, int parts) {
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, parts);
        int n = a.rows();
        double[] x = new double[n];
        double[] r = new double[n];
        double[] p = new double[n];
        Arrays.fill(r, 1.0);
        Arrays.fill(p, 0.5);
        double local = time(() -> {
            double rr = Blas.dot(r, r);
            double pq = Blas.dot(p, r);
            Blas.axpy(rr / pq, p, x);
            Blas.axpy(-rr / pq, p, r);
            Blas.axpy(0.5, p, r);
            return x;
        });
        DistributedVector dr = DistributedVector.fromLocal(sc, r, da.rowSplits()).persist();
        DistributedVector dp = DistributedVector.fromLocal(sc, p, da.rowSplits()).persist();
        double dist = time(() -> {
            double rr = dr.dot(dr);
            double pq = dp.dot(dr);
            // the three updates are lazy; the next inner product runs them
            return dr.axpy(-rr / pq, dp).axpy(0.5, dp).norm2();
        });
        dr.release();
        dp.release();
        add(new Row(master, "CG vector work / iteration", "poisson2d n = " + n, a.nnz(), local, dist,
                "driver arrays vs distributed vector blocks"));
        da.unpersist();
    }

    private void mllib(JavaSparkContext sc, String master, int parts) {
        String[] names = {"poisson2d 64²", "rmat 12"};
        CsrMatrix[] matrices = {Generators.poisson2d(64), Generators.rmat(12, 16, 7)};
        for (int m = 0; m < matrices.length; m++) {
            CsrMatrix a = matrices[m];
            String name = names[m];
            DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, parts);
            List<MatrixEntry> entries = new ArrayList<>(a.nnz());
            List<Vector> sparseRows = new ArrayList<>(a.rows());
            int[] rp = a.rowPointers();
            for (int i = 0; i < a.rows(); i++) {
                int[] idx = Arrays.copyOfRange(a.columnIndices(), rp[i], rp[i + 1]);
                double[] val = Arrays.copyOfRange(a.values(), rp[i], rp[i + 1]);
                sparseRows.add(Vectors.sparse(a.cols(), idx, val));
                for (int q = 0; q < idx.length; q++) {
                    entries.add(new MatrixEntry(i, idx[q], val[q]));
                }
            }
            JavaRDD<MatrixEntry> rdd = sc.parallelize(entries, parts);
            BlockMatrix bm = new CoordinateMatrix(rdd.rdd(), a.rows(), a.cols()).toBlockMatrix(1024, 1024).cache();
            bm.validate();
            double ours = time(() -> {
                DistributedCsrMatrix c = da.multiply(a, org.sparrow.spark.DistributedSpgemmOptions.defaults());
                c.unpersist();
                return c;
            });
            double theirs = peer(() -> bm.multiply(bm).blocks().count(), "BlockMatrix.multiply");
            add(new Row(master, "SpGEMM vs MLlib BlockMatrix", name, a.nnz(), ours, theirs,
                    "local = Sparrow on Spark, distributed = BlockMatrix.multiply (dense result blocks)"));
            RowMatrix rm = new RowMatrix(sc.parallelize(sparseRows, parts).rdd());
            int kk = 8;
            double[] xd = new double[a.cols() * kk];
            Arrays.fill(xd, 1.0);
            DenseMatrix xm = new DenseMatrix(a.cols(), kk, xd);
            org.sparrow.core.DenseMatrix xs = new org.sparrow.core.DenseMatrix(a.cols(), kk, xd);
            double ours2 = time(() -> da.multiply(xs));
            double theirs2 = peer(() -> rm.multiply(xm).rows().count(), "RowMatrix.multiply");
            add(new Row(master, "SpMM (k = 8) vs MLlib RowMatrix", name, a.nnz(), ours2, theirs2,
                    "local = Sparrow on Spark (Y assembled), distributed = RowMatrix.multiply (Y left distributed)"));
            bm.blocks().unpersist(false);
            da.unpersist();
        }
    }

    private void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("master,operation,matrix,nnz,local_seconds,distributed_seconds,ratio,note\n");
        StringBuilder md = new StringBuilder("# Sparrow on Spark: overhead over the local library\n\n")
                .append("`./sparrow bench spark").append(quick ? " --quick" : "").append("`, Spark 4.2.0, Java ")
                .append(Runtime.version()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores. Medians of ").append(repeats).append(" runs after a warm-up. `local` is the local ")
                .append("library on as many threads as the master has cores (for the MLlib rows: Sparrow on Spark); ")
                .append("ratio = distributed / local.\n\n")
                .append("| master | operation | matrix | nnz | local s | distributed s | ratio | note |\n")
                .append("|---|---|---|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.6f,%.6f,%.3f,\"%s\"%n", r.master(), r.operation(),
                    r.matrix(), r.nnz(), r.local(), r.distributed(), r.ratio(), r.note()));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.4f | %.4f | %.2f | %s |%n", r.master(),
                    r.operation(), r.matrix(), r.nnz(), r.local(), r.distributed(), r.ratio(), r.note()));
        }
        String suffix = quick ? "-quick" : "";
        Files.writeString(dir.resolve("spark" + suffix + ".csv"), csv);
        Files.writeString(dir.resolve("spark" + suffix + ".md"), md);
        System.out.println("results: " + dir.resolve("spark" + suffix + ".md"));
    }
}
