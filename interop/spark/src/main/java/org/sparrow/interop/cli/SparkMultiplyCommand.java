package org.sparrow.interop.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.spark.DistributedCsrMatrix;
import org.sparrow.spark.DistributedSpgemmOptions;
import org.sparrow.spark.SpgemmPlan;
import org.sparrow.spark.VectorBlock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sparrow spark multiply A B}: {@code sparrow multiply} with A and B read into Spark and
 * {@code C = A·B} by {@link DistributedCsrMatrix#multiply(DistributedCsrMatrix, DistributedSpgemmOptions)}
 * (B broadcast when its CSR arrays fit 256 MiB, else a row-block × column-block shuffle; each partition runs
 * Sparrow's SMASH SpGEMM on one thread): the same options (inherited from {@link MultiplyCommand}) and JSON
 * keys, plus {@code partitions} and {@code master}. {@code threads} is 1 (the kernel's threads per task: Spark
 * runs one task per core), {@code strategy} the plan ({@code broadcast} or {@code shuffle}), {@code seconds} the
 * median of the timed products (reading and writing excluded; the product is materialized each time).
 */
@Command(name = "multiply", description = "Multiply two sparse matrices on Spark, C = A·B (SpGEMM), and time the product.")
final class SparkMultiplyCommand extends MultiplyCommand {

    @Mixin
    private SparkOptions spark;

    /** Creates the command (picocli instantiates it). */
    SparkMultiplyCommand() {
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"A", "B"}, aFile, bFile);
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX));
        SparkInput.header(aFile);
        SparkInput.header(bFile);
        JavaSparkContext sc = spark.start("multiply");
        try {
            int partitions = spark.partitions(sc);
            DistributedCsrMatrix a = SparkInput.loadUnchecked(spec, sc, aFile, partitions);
            DistributedCsrMatrix b = SparkInput.loadUnchecked(spec, sc, bFile, partitions);
            if (transposeB) {
                b = b.transpose();
            }
            if (a.cols() != b.rows()) {
                String right = transposeB ? "the transpose of B" : "B";
                throw new IllegalArgumentException("cannot multiply A (" + a.rows() + "x" + a.cols() + ", " + aFile
                        + ") by " + right + " (" + (transposeB ? b.cols() + "x" + b.rows() : b.rows() + "x" + b.cols())
                        + ", " + bFile + "): A has " + a.cols() + " columns but " + (transposeB ? "Bᵀ" : "B") + " has "
                        + b.rows() + " rows");
            }
            DistributedSpgemmOptions options = DistributedSpgemmOptions.defaults().withSorted(!unsorted);
            long bytes = DistributedSpgemmOptions.csrBytes(b.rows(), b.nnz());
            SpgemmPlan plan = bytes <= options.broadcastLimitBytes() ? SpgemmPlan.BROADCAST : SpgemmPlan.SHUFFLE;
            long flops = flops(sc, a, b);
            DistributedCsrMatrix c = a.multiply(b, options); // warm-up
            double[] times = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                c.unpersist();
                long t0 = System.nanoTime();
                c = a.multiply(b, options); // eager: counts C's entries
                times[r] = (System.nanoTime() - t0) * 1e-9;
            }
            double seconds = median(times);
            Double gflops = seconds > 0 ? 2.0 * flops / seconds / 1e9 : null;
            long nnz = dropZeros ? c.blocks().map(blk -> {
                long k = 0;
                for (double v : blk.matrix().values()) {
                    k += v != 0.0 ? 1 : 0;
                }
                return k;
            }).fold(0L, Long::sum) : c.nnz();
            if (output != null) {
                CsrMatrix local = c.collect();
                Outputs.matrix(spec, output, dropZeros ? withoutZeros(local) : local, MatrixMarketWriteOptions.defaults());
            }
            Report r = new Report()
                    .json("rows", c.rows())
                    .json("cols", c.cols())
                    .json("nnz", nnz)
                    .line("C = A·B" + (transposeB ? "ᵀ" : ""), c.rows() + "x" + c.cols() + ", " + nnz + " nonzeros"
                            + (unsorted ? " (rows unsorted)" : ""))
                    .json("seconds", seconds)
                    .line("seconds", Report.number(seconds) + " (median of " + repeats
                            + " after a warm-up run; I/O excluded)")
                    .put("threads", "threads per task", 1)
                    .json("repeats", repeats)
                    .put("flops", "flops", flops)
                    .json("gflops", gflops)
                    .line("GFLOP/s", gflops == null ? Report.NOT_AVAILABLE : Report.number(gflops) + " (2·flops / seconds)")
                    .json("sorted", !unsorted)
                    .json("output", output == null ? null : Outputs.name(output))
                    .line("output", output == null ? "not written (use -o FILE)" : Outputs.name(output))
                    .json("a", aFile.toString())
                    .json("b", bFile.toString())
                    .json("transpose_b", transposeB)
                    .json("drop_zeros", dropZeros)
                    .put("strategy", "plan", plan.name().toLowerCase(Locale.ROOT));
            SparkOptions.describe(r, sc, partitions).print(Outputs.report(spec, output), common.json);
            return SparrowCli.EXIT_OK;
        } finally {
            spark.stop(sc);
        }
    }

    /** C without its stored zeros (cancellation), as {@code --drop-zeros} asks. */
    private static CsrMatrix withoutZeros(CsrMatrix c) {
        int[] rp = c.rowPointers();
        int[] ci = c.columnIndices();
        double[] v = c.values();
        int[] p = new int[c.rows() + 1];
        int[] cj = new int[c.nnz()];
        double[] cv = new double[c.nnz()];
        int k = 0;
        for (int i = 0; i < c.rows(); i++) {
            for (int q = rp[i]; q < rp[i + 1]; q++) {
                if (v[q] != 0.0) {
                    cj[k] = ci[q];
                    cv[k++] = v[q];
                }
            }
            p[i + 1] = k;
        }
        cj = java.util.Arrays.copyOf(cj, k);
        cv = java.util.Arrays.copyOf(cv, k);
        return c.isSorted() ? new CsrMatrix(c.rows(), c.cols(), p, cj, cv) : CsrMatrix.unsorted(c.rows(), c.cols(), p, cj, cv);
    }

    /** Multiply-adds of A·B: Σ over A's entries (i, k) of the entries in row k of B, counted where A lives. */
    private static long flops(JavaSparkContext sc, DistributedCsrMatrix a, DistributedCsrMatrix b) {
        List<VectorBlock> counts = b.blocks().map(blk -> {
            int[] rp = blk.matrix().rowPointers();
            double[] n = new double[blk.rows()];
            for (int r = 0; r < n.length; r++) {
                n[r] = rp[r + 1] - rp[r];
            }
            return new VectorBlock(blk.firstRow(), n);
        }).collect();
        double[] rowNnz = new double[b.rows()];
        for (VectorBlock v : counts) {
            System.arraycopy(v.values(), 0, rowNnz, v.first(), v.length());
        }
        Broadcast<double[]> bc = sc.broadcast(rowNnz);
        try {
            return a.blocks().map(blk -> {
                int[] ci = blk.matrix().columnIndices();
                long f = 0;
                for (int p = 0; p < blk.nnz(); p++) {
                    f += (long) bc.value()[ci[p]];
                }
                return f;
            }).fold(0L, Long::sum);
        } finally {
            bc.destroy();
        }
    }
}
