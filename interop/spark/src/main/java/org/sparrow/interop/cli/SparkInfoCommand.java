package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.spark.DistributedCsrMatrix;
import org.sparrow.spark.RowBlock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow spark info FILE}: {@code sparrow info} for a matrix spread over Spark. The figures are
 * those of {@link org.sparrow.core.MatrixStatistics}, each computed per row block and combined on the driver
 * (the columns with an entry as one bit set per partition); the two symmetry figures compare entries in
 * different blocks, which needs the transpose, so they are {@code null} here ("n/a") — {@code sparrow info}
 * has them. The JSON keys are the local command's, plus {@code partitions} and {@code master}.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the size, storage and structure statistics of a Matrix Market file read into Spark.")
final class SparkInfoCommand implements Callable<Integer> {

    private static final String NEEDS_TRANSPOSE = Report.NOT_AVAILABLE + " (compares entries across row blocks; "
            + "sparrow info has it)";

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private SparkOptions spark;

    @Parameters(index = "0", paramLabel = "FILE", description = "A Matrix Market file (.mtx or .mtx.gz).")
    private Path file;

    /** Creates the command (picocli instantiates it). */
    SparkInfoCommand() {
    }

    /** One block's figures, combined in partition order. */
    static final class Stats implements Serializable {
        private static final long serialVersionUID = 1L;
        long nnz;
        long explicitZeros;
        long nonFinite;
        long emptyRows;
        int minRow = Integer.MAX_VALUE;
        int maxRow;
        int lower;
        int upper;
        long diagonalRows;
        long filledDiagonal;
        long dominant;
        double squares;
        long[] columns;

        static Stats of(RowBlock b, int cols) {
            Stats s = new Stats();
            s.columns = new long[(cols + 63) >>> 6];
            CsrMatrix m = b.matrix();
            int[] rp = m.rowPointers();
            int[] ci = m.columnIndices();
            double[] v = m.values();
            int diag = Math.min(cols, Integer.MAX_VALUE);
            for (int r = 0; r < b.rows(); r++) {
                int i = b.firstRow() + r;
                int count = rp[r + 1] - rp[r];
                s.minRow = Math.min(s.minRow, count);
                s.maxRow = Math.max(s.maxRow, count);
                if (count == 0) {
                    s.emptyRows++;
                }
                double d = 0.0;
                double off = 0.0;
                boolean stored = false;
                boolean nan = false;
                for (int p = rp[r]; p < rp[r + 1]; p++) {
                    int j = ci[p];
                    double x = v[p];
                    s.columns[j >>> 6] |= 1L << j;
                    if (x == 0.0) {
                        s.explicitZeros++;
                    }
                    if (!Double.isFinite(x)) {
                        s.nonFinite++;
                    }
                    nan |= Double.isNaN(x);
                    s.squares += x * x;
                    if (i > j) {
                        s.lower = Math.max(s.lower, i - j);
                    } else if (j > i) {
                        s.upper = Math.max(s.upper, j - i);
                    }
                    if (j == i) {
                        d += x;
                        stored = true;
                    } else {
                        off += Math.abs(x);
                    }
                }
                if (i < diag) {
                    s.diagonalRows++;
                    if (stored && d != 0.0) {
                        s.filledDiagonal++;
                    }
                    if (!nan && Math.abs(d) >= off) {
                        s.dominant++;
                    }
                }
            }
            s.nnz = m.nnz();
            return s;
        }

        Stats add(Stats o) {
            nnz += o.nnz;
            explicitZeros += o.explicitZeros;
            nonFinite += o.nonFinite;
            emptyRows += o.emptyRows;
            minRow = Math.min(minRow, o.minRow);
            maxRow = Math.max(maxRow, o.maxRow);
            lower = Math.max(lower, o.lower);
            upper = Math.max(upper, o.upper);
            diagonalRows += o.diagonalRows;
            filledDiagonal += o.filledDiagonal;
            dominant += o.dominant;
            squares += o.squares;
            for (int k = 0; k < columns.length; k++) {
                columns[k] |= o.columns[k];
            }
            return this;
        }
    }

    @Override
    public Integer call() throws IOException {
        MatrixMarketHeader h = SparkInput.header(file);
        JavaSparkContext sc = spark.start("info");
        try {
            int partitions = spark.partitions(sc);
            DistributedCsrMatrix a = SparkInput.loadUnchecked(spec, sc, file, partitions);
            int cols = a.cols();
            Stats s = null;
            for (Stats part : a.blocks().map(b -> Stats.of(b, cols)).collect()) { // partition order
                s = s == null ? part : s.add(part);
            }
            long set = 0;
            for (long w : s.columns) {
                set += Long.bitCount(w);
            }
            int rows = a.rows();
            int diag = Math.min(rows, cols);
            Report r = new Report()
                    .put("file", "file", file.toString())
                    .put("rows", "rows", rows)
                    .put("cols", "cols", cols)
                    .put("nnz", "nnz", a.nnz())
                    .put("entries", "entries", h.entries())
                    .put("format", "format", h.format().word())
                    .put("field", "field", h.field().word())
                    .put("symmetry", "symmetry", h.symmetry().word())
                    .json("values_supported", true)
                    .put("explicit_zeros", "explicit zeros", s.explicitZeros)
                    .json("nnz_per_row_min", rows == 0 ? 0 : s.minRow)
                    .json("nnz_per_row_mean", rows == 0 ? Double.NaN : (double) a.nnz() / rows)
                    .json("nnz_per_row_max", s.maxRow)
                    .line("nnz per row", "min " + (rows == 0 ? 0 : s.minRow) + ", mean "
                            + Report.number(rows == 0 ? Double.NaN : (double) a.nnz() / rows) + ", max " + s.maxRow)
                    .put("empty_rows", "empty rows", s.emptyRows)
                    .put("empty_cols", "empty cols", cols - set)
                    .json("lower_bandwidth", s.lower)
                    .json("upper_bandwidth", s.upper)
                    .line("bandwidth", "lower " + s.lower + ", upper " + s.upper)
                    .json("structurally_symmetric", null)
                    .line("structurally symmetric", NEEDS_TRANSPOSE)
                    .json("numerically_symmetric", null)
                    .line("numerically symmetric", NEEDS_TRANSPOSE)
                    .put("full_diagonal", "full diagonal", s.filledDiagonal == diag)
                    .json("diagonally_dominant_rows", s.dominant)
                    .json("diagonally_dominant_fraction", diag == 0 ? Double.NaN : (double) s.dominant / diag)
                    .line("diagonally dominant rows", diag == 0 ? Report.NOT_AVAILABLE
                            : Report.number((double) s.dominant / diag) + " (" + s.dominant + " of " + diag + ")")
                    .put("frobenius_norm", "Frobenius norm", Math.sqrt(s.squares))
                    .put("non_finite_entries", "NaN or infinite entries", s.nonFinite);
            SparkOptions.describe(r, sc, partitions).print(spec.commandLine().getOut(), common.json);
            return SparrowCli.EXIT_OK;
        } finally {
            spark.stop(sc);
        }
    }
}
