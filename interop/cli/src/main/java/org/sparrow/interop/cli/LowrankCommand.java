package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.lowrank.LowRankApproximation;
import org.sparrow.sketching.lowrank.RandomizedSvd;
import org.sparrow.sketching.lowrank.RandomizedSvdOptions;
import org.sparrow.solvers.AutoSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow lowrank A --rank k}: a rank-k approximation A ≈ U·diag(σ)·Vᵀ by the randomized SVD of
 * Halko, Martinsson and Tropp (2011), {@link RandomizedSvd#compute}.
 *
 * <p>Prints the k singular values, the spectral-norm error ‖A − U·Σ·Vᵀ‖₂ bracketed by the two
 * a-posteriori figures that come with the approximation (a power-method lower estimate, usually close, and
 * the probabilistic upper bound of Halko–Martinsson–Tropp §4.3, loose for slowly decaying spectra), the
 * lower one relative to σ₁, and the time. {@code -o PREFIX} writes U, σ and V as
 * Matrix Market arrays {@code PREFIX.U.mtx}, {@code PREFIX.S.mtx} and {@code PREFIX.V.mtx}.
 *
 * <p>JSON keys, in order: {@code rank, oversampling, power_iterations, sketch, seed, singular_values,
 * error_lower_bound, error_upper_bound, error_estimate} (the §4.3 figure alone) {@code relative_error, seconds,
 * rows, cols, nnz, matrix, output}.
 */
@Command(name = "lowrank", mixinStandardHelpOptions = true,
        description = "Rank-k approximation A ≈ U·diag(σ)·Vᵀ by the randomized SVD (Halko–Martinsson–Tropp).")
final class LowrankCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "A", description = "The matrix, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    private Path aFile;

    @Option(names = "--rank", paramLabel = "k", required = true, description = "The rank k ≥ 1.")
    private int rank;

    @Option(names = "--oversampling", paramLabel = "p", description = "Extra sketch columns p ≥ 0 (default: 10).")
    private int oversampling = 10;

    @Option(names = "--power-iterations", paramLabel = "q",
            description = "Power iterations q ≥ 0, for slowly decaying spectra (default: 2).")
    private int powerIterations = 2;

    private SketchKind sketch = SketchKind.GAUSSIAN;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random test matrix (default: 42).")
    private long seed = 42;

    @Option(names = {"-o", "--output"}, paramLabel = "PREFIX",
            description = "Write PREFIX.U.mtx, PREFIX.S.mtx and PREFIX.V.mtx (Matrix Market arrays).")
    private String output;

    /** {@code --sketch}: the family of the random test matrix. */
    @Option(names = "--sketch", paramLabel = "S",
            description = "Random test matrix: gaussian (default), rademacher, srht, countsketch or osnap.")
    void setSketch(String s) {
        try {
            sketch = SketchKind.parse(s);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sketch: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (rank < 1) {
            throw new ParameterException(spec.commandLine(), "--rank must be ≥ 1, got " + rank);
        }
        if (oversampling < 0) {
            throw new ParameterException(spec.commandLine(), "--oversampling must be ≥ 0, got " + oversampling);
        }
        if (powerIterations < 0) {
            throw new ParameterException(spec.commandLine(), "--power-iterations must be ≥ 0, got " + powerIterations);
        }
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        AutoSolver.checkFinite(a, aFile.toString());
        LowRankApproximation r = RandomizedSvd.compute(a,
                new RandomizedSvdOptions(rank, oversampling, powerIterations, sketch, seed));
        double sigma1 = r.singularValues().length > 0 ? r.singularValues()[0] : 0.0;
        double lower = r.errorLowerBound();
        double upper = r.errorEstimate() + (Double.isNaN(r.nextSingularValue()) ? 0.0 : r.nextSingularValue());
        double relative = sigma1 > 0 ? lower / sigma1 : Double.NaN;
        if (output != null) {
            String name = aFile.getFileName().toString();
            write(r.u(), Path.of(output + ".U.mtx"), "U of the rank-" + rank + " randomized SVD of " + name);
            double[] s = r.singularValues();
            write(new DenseMatrix(s.length, 1, s), Path.of(output + ".S.mtx"), "singular values, rank " + rank + ", " + name);
            write(r.v(), Path.of(output + ".V.mtx"), "V of the rank-" + rank + " randomized SVD of " + name);
        }
        StringBuilder sv = new StringBuilder();
        for (double s : r.singularValues()) {
            sv.append(sv.isEmpty() ? "" : " ").append(Report.number(s));
        }
        Report rep = new Report()
                .json("rank", r.singularValues().length)
                .json("oversampling", oversampling)
                .json("power_iterations", powerIterations)
                .json("sketch", sketch.cliName())
                .json("seed", seed)
                .json("singular_values", r.singularValues())
                .json("error_lower_bound", lower)
                .json("error_upper_bound", upper)
                .json("error_estimate", r.errorEstimate())
                .json("relative_error", relative)
                .json("seconds", r.seconds())
                .json("rows", a.rows())
                .json("cols", a.cols())
                .json("nnz", a.nnz())
                .json("matrix", aFile.toString())
                .json("output", output)
                .line("matrix", aFile + ", " + a.rows() + "x" + a.cols() + ", " + a.nnz() + " nonzeros")
                .line("method", "randomized SVD, rank " + rank + ", oversampling " + oversampling + ", "
                        + powerIterations + " power iterations, " + sketch.cliName() + " test matrix, seed " + seed)
                .line("singular values", sv.toString())
                .line("error ‖A − UΣVᵀ‖₂", "≥ " + Report.number(lower) + " (power-method estimate, usually close), ≤ "
                        + Report.number(upper) + " (HMT §4.3 bound, probability ≥ 1 − 1e-" + r.testVectors() + ")")
                .line("relative to σ₁", Report.number(relative) + " (the lower figure)")
                .line("seconds", Report.number(r.seconds()));
        if (output != null) {
            rep.line("written to", output + ".U.mtx, " + output + ".S.mtx, " + output + ".V.mtx");
        }
        rep.print(out, common.json);
        return SparrowCli.EXIT_OK;
    }

    private static void write(DenseMatrix m, Path file, String comment) throws IOException {
        MatrixMarket.write(m, file, MatrixMarketWriteOptions.defaults().withFormat(MatrixMarketHeader.Format.ARRAY)
                .withComment(comment));
    }
}
