package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmFlops;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.core.ops.SpgemmStrategy;
import org.sparrow.core.ops.SpgemmWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow multiply A B}: the sparse product {@code C = A·B} (or {@code A·Bᵀ} with
 * {@code --transpose-b}) by {@link Spgemm#multiply(CsrMatrix, CsrMatrix, SpgemmOptions)} /
 * {@link Spgemm#multiplyTransposeB}, timed.
 *
 * <p>A and B are read with {@link MatrixMarket#readCsr} (symmetric storage expanded, duplicates
 * summed). The product runs once as a warm-up and then {@code --repeat} times (default
 * {@value #DEFAULT_REPEATS}); {@code seconds} is the median of the timed runs, the kernel alone
 * (reading and writing excluded). The runs share one {@link SpgemmWorkspace}, and each hands the
 * previous product back to it ({@link SpgemmWorkspace#recycle}), so the repeats reuse the scratch
 * and the output arrays instead of allocating fresh memory every time. {@code flops} is the number of multiply-adds,
 * {@link SpgemmFlops}, and {@code gflops = 2·flops / seconds / 1e9} ({@code null} when the run was
 * too short for the clock to see). {@code -o C} writes the product ({@code .gz} compresses; {@code -} is
 * stdout, and the report then goes to stderr).
 *
 * <p>Shapes that do not conform are a failure (exit 1) with one line naming both shapes;
 * {@code --repeat 0} and {@code --threads 0} are usage errors (exit 2).
 *
 * <p>JSON keys, in order: {@code rows, cols, nnz} (of C), {@code seconds, threads, repeats, flops,
 * gflops, sorted} (whether C's rows are in canonical order), {@code output} (the file written, or
 * {@code null}), then {@code a, b} (the input files), {@code transpose_b, drop_zeros}, and
 * {@code strategy} ({@code one-phase} or {@code two-phase}: what {@link Spgemm#estimate} says the
 * timed runs use).
 */
@Command(name = "multiply", mixinStandardHelpOptions = true,
        description = "Multiply two sparse matrices, C = A·B (SpGEMM), and time the product.")
class MultiplyCommand implements Callable<Integer> {

    /** Timed runs when {@code --repeat} is not given. */
    static final int DEFAULT_REPEATS = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "A", description = "The left factor, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    Path aFile;

    @Parameters(index = "1", paramLabel = "B", description = "The right factor, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    Path bFile;

    @Option(names = {"-o", "--output"}, paramLabel = "C",
            description = "Write the product to this file (.mtx, .mtx.gz, or - for stdout); .gz compresses.")
    Path output;

    @Option(names = "--transpose-b", description = "Compute C = A·Bᵀ (B is p×n for an m×n A).")
    boolean transposeB;

    @Option(names = "--unsorted",
            description = "Leave each row of C in the kernel's order instead of sorting its columns (faster).")
    boolean unsorted;

    @Option(names = "--drop-zeros",
            description = "Drop entries of C that are exactly zero (cancellation); by default they are kept.")
    boolean dropZeros;

    int repeats = DEFAULT_REPEATS;

    /** {@code --repeat N}: timed runs after the warm-up, ≥ 1; a usage error otherwise. */
    @Option(names = "--repeat", paramLabel = "N",
            description = "Timed runs after one warm-up run, ≥ 1 (default: " + DEFAULT_REPEATS + "); the median is reported.")
    void setRepeats(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat must be ≥ 1, got " + n);
        }
        repeats = n;
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"A", "B"}, aFile, bFile);
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX));
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        CsrMatrix b = MatrixMarket.readCsr(bFile);
        int inner = transposeB ? b.cols() : b.rows();
        if (a.cols() != inner) {
            String right = transposeB ? "the transpose of B" : "B";
            throw new IllegalArgumentException("cannot multiply A (" + shape(a) + ", " + aFile + ") by " + right + " ("
                    + shape(b) + ", " + bFile + "): A has " + a.cols() + " columns but " + (transposeB ? "Bᵀ" : "B")
                    + " has " + inner + " rows");
        }
        SpgemmOptions options = SpgemmOptions.defaults().withSorted(!unsorted).withDropZeros(dropZeros);
        long flops = transposeB ? SpgemmFlops.countTransposeB(a, b) : SpgemmFlops.count(a, b);

        SpgemmWorkspace workspace = new SpgemmWorkspace();
        CsrMatrix c = product(a, b, options, workspace); // warm-up: grows the workspace
        SpgemmStrategy strategy = Spgemm.estimate(a, transposeB ? b.transpose() : b, options, workspace).strategy();
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            workspace.recycle(c); // the next product is written into this one's arrays
            long t0 = System.nanoTime();
            c = product(a, b, options, workspace);
            times[r] = (System.nanoTime() - t0) * 1e-9;
        }
        double seconds = median(times);
        Double gflops = seconds > 0 ? 2.0 * flops / seconds / 1e9 : null;
        if (output != null) {
            Outputs.matrix(spec, output, c, MatrixMarketWriteOptions.defaults());
        }

        Report r = new Report()
                .json("rows", c.rows())
                .json("cols", c.cols())
                .json("nnz", c.nnz())
                .line("C = A·B" + (transposeB ? "ᵀ" : ""), c.rows() + "x" + c.cols() + ", " + c.nnz() + " nonzeros"
                        + (c.isSorted() ? "" : " (rows unsorted)"))
                .json("seconds", seconds)
                .line("seconds", Report.number(seconds) + " (median of " + repeats + " after a warm-up run; I/O excluded)")
                .put("threads", "threads", options.threads())
                .json("repeats", repeats)
                .put("flops", "flops", flops)
                .json("gflops", gflops)
                .line("GFLOP/s", gflops == null ? Report.NOT_AVAILABLE : Report.number(gflops) + " (2·flops / seconds)")
                .json("sorted", c.isSorted())
                .json("output", output == null ? null : Outputs.name(output))
                .line("output", output == null ? "not written (use -o FILE)" : Outputs.name(output))
                .json("a", aFile.toString())
                .json("b", bFile.toString())
                .json("transpose_b", transposeB)
                .json("drop_zeros", dropZeros)
                .json("strategy", strategy.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        r.print(Outputs.report(spec, output), common.json);
        return SparrowCli.EXIT_OK;
    }

    private CsrMatrix product(CsrMatrix a, CsrMatrix b, SpgemmOptions options, SpgemmWorkspace workspace) {
        return transposeB ? Spgemm.multiplyTransposeB(a, b, options, workspace)
                : Spgemm.multiply(a, b, options, workspace);
    }

    private static String shape(CsrMatrix m) {
        return m.rows() + "x" + m.cols();
    }

    /** The median of {@code x} (the mean of the middle two for an even count); sorts {@code x}. */
    static double median(double[] x) {
        Arrays.sort(x);
        int n = x.length;
        return n % 2 == 1 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
    }
}
