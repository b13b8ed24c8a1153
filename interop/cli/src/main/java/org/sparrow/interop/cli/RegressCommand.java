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
import org.sparrow.sketching.lstsq.LeastSquares;
import org.sparrow.sketching.lstsq.LeastSquaresMethod;
import org.sparrow.sketching.lstsq.LeastSquaresOptions;
import org.sparrow.sketching.lstsq.LeastSquaresResult;
import org.sparrow.solvers.AutoSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow regress A b}: the least-squares solution of {@code min ‖A·x − b‖₂} by
 * {@link LeastSquares#solve}, with the method and sketch given on the command line.
 *
 * <p>A is an n×d Matrix Market matrix (n ≥ d), b a Matrix Market vector of length n (read as in
 * {@code sparrow solve --rhs}). Every figure is recomputed from the returned x: the residual norm
 * ‖A·x − b‖, the relative residual and the normal-equation residual ‖Aᵀr‖/(‖A‖_F·‖r‖). For
 * {@code sketch-solve} the report adds the ingredients of the ℓ∞ bound of Song–Ye–Yin–Zhang
 * (ICML 2023): the estimate of ‖A†‖ and the bound's right-hand side (ε/√d)·‖A·x − b‖·‖A†‖ — measured,
 * not guaranteed (see {@link LeastSquares}).
 *
 * <p>JSON keys, in order: {@code method, sketch} (null for qr and lsqr), {@code sketch_rows} (0 when none),
 * {@code iterations, residual_norm, seconds} (total), {@code converged, relative_residual, normal_residual,
 * pinv_norm_estimate, linf_bound} (null when not computed), {@code sketch_seconds, factor_seconds,
 * solve_seconds, detail, rows, cols, nnz, matrix, rhs, output}.
 *
 * <p>{@code -o -} writes x to stdout, and the report then goes to stderr.
 *
 * <p>Exit codes: 0 solved; 3 an iterative method stopped without converging (the result and {@code -o}
 * are still written, the reason on stderr); 1 bad input; 2 usage error.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Least squares min ‖A·x − b‖₂ by dense QR, LSQR, sketch-and-solve or sketch-and-precondition.",
            "A is n×d with n ≥ d; b is a Matrix Market vector of length n."})
class RegressCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "A", description = "The n×d matrix, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    Path aFile;

    @Parameters(index = "1", paramLabel = "b",
            description = "The right-hand side, a Matrix Market vector of length n (array, or n×1 coordinate); - reads standard input.")
    Path bFile;

    @Option(names = {"-o", "--output"}, paramLabel = "x",
            description = "Write x to this file as a Matrix Market array (.mtx, .mtx.gz, or - for stdout).")
    Path output;

    LeastSquaresOptions options = LeastSquaresOptions.defaults();

    /** {@code --method}: qr, lsqr, sketch-solve or sketch-precondition. */
    @Option(names = "--method", paramLabel = "M",
            description = "qr, lsqr, sketch-solve or sketch-precondition (default: sketch-precondition).")
    void setMethod(String m) {
        options = options.withMethod(parse(() -> LeastSquaresMethod.parse(m), "--method"));
    }

    /** {@code --sketch}: the sketch family for the sketched methods. */
    @Option(names = "--sketch", paramLabel = "S",
            description = "gaussian, rademacher, srht, countsketch or osnap (default: srht).")
    void setSketch(String s) {
        options = options.withSketch(parse(() -> SketchKind.parse(s), "--sketch"));
    }

    /** {@code --eps}: the accuracy parameter ε of the sketch-size formula. */
    @Option(names = "--eps", paramLabel = "ε", description = "Sketch-and-solve accuracy ε in (0, 1) for the sketch-size formula.")
    void setEps(double e) {
        options = parse(() -> options.withEpsilon(e), "--eps");
    }

    /** {@code --delta}: the failure probability δ of the sketch-size formula. */
    @Option(names = "--delta", paramLabel = "δ", description = "Failure probability δ in (0, 1) for the sketch-size formula.")
    void setDelta(double d) {
        options = parse(() -> options.withDelta(d), "--delta");
    }

    /** {@code --rows}: the sketch size m, overriding the formula. */
    @Option(names = "--rows", paramLabel = "m", description = "Sketch rows m (default: from ε, δ, d and n).")
    void setRows(int m) {
        if (m < 1) {
            throw new ParameterException(spec.commandLine(), "--rows must be ≥ 1, got " + m);
        }
        options = options.withSketchRows(m);
    }

    /** {@code --seed}: the sketch's seed. */
    @Option(names = "--seed", paramLabel = "S", description = "Seed of the sketch (default: 42). Equal seeds and equal --threads give a bit-identical x; "
                    + "another thread count changes x in its last digits (about 1e-14 relative).")
    void setSeed(long s) {
        options = options.withSeed(s);
    }

    /** {@code --tol}: LSQR's tolerance. */
    @Option(names = "--tol", paramLabel = "TOL", description = "Tolerance of the iterative methods, in (0, 1).")
    void setTol(double t) {
        options = parse(() -> options.withRelativeTolerance(t), "--tol");
    }

    /** {@code --maxit}: LSQR's iteration limit. */
    @Option(names = "--maxit", paramLabel = "N", description = "Iteration limit of the iterative methods, ≥ 1.")
    void setMaxit(int n) {
        options = parse(() -> options.withMaxIterations(n), "--maxit");
    }

    /** Runs a parse or a checked option update; an invalid value is a usage error naming the option. */
    private <T> T parse(java.util.function.Supplier<T> s, String option) {
        return CommonOptions.valid(spec, option, s);
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"A", "b"}, aFile, bFile);
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX));
        PrintWriter out = Outputs.report(spec, output);
        PrintWriter err = spec.commandLine().getErr();
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        AutoSolver.checkFinite(a, aFile.toString());
        double[] b = SolveCommand.readVector(bFile, a);
        AutoSolver.checkFinite(b, bFile.toString());

        LeastSquaresResult r = LeastSquares.solve(a, b, options);
        writeOutput(spec, r, aFile, bFile, output);
        Report rep = report(r, aFile, bFile, a.rows(), a.cols(), a.nnz(), output);
        rep.print(out, common.json);
        if (!r.converged()) {
            return SparrowCli.notConverged(err, "sparrow: " + describeMethod(r) + " did not converge"
                    + (r.detail().isEmpty() ? "" : ": " + r.detail()));
        }
        return SparrowCli.EXIT_OK;
    }

    /**
     * Writes x where {@code -o} asks (nothing when output is null), shared with {@code sparrow spark regress}.
     *
     * @param spec   the command
     * @param r      the result
     * @param aFile  the matrix file
     * @param bFile  the right-hand side file
     * @param output the x file, or null
     * @throws IOException when the file cannot be written
     */
    static void writeOutput(CommandSpec spec, LeastSquaresResult r, Path aFile, Path bFile, Path output)
            throws IOException {
        if (output != null) {
            Outputs.matrix(spec, output, new DenseMatrix(r.solution().length, 1, r.solution()),
                    MatrixMarketWriteOptions.defaults().withFormat(MatrixMarketHeader.Format.ARRAY)
                            .withComment("x from sparrow regress " + aFile.getFileName() + " " + bFile.getFileName()
                                    + " (" + describeMethod(r) + "): residual norm " + Report.number(r.residuals().norm())));
        }
    }

    /**
     * The report of a least-squares solve, text and JSON (the keys the class comment lists), shared with
     * {@code sparrow spark regress}.
     *
     * @param r      the result
     * @param aFile  the matrix file
     * @param bFile  the right-hand side file
     * @param rows   rows of A
     * @param cols   columns of A
     * @param nnz    stored entries of A
     * @param output the x file, or null
     * @return the report, not yet printed
     */
    static Report report(LeastSquaresResult r, Path aFile, Path bFile, int rows, int cols, long nnz, Path output) {
        boolean sketched = r.sketch() != null;
        Report rep = new Report()
                .json("method", r.method().cliName())
                .json("sketch", sketched ? r.sketch().kind().cliName() : null)
                .json("sketch_rows", sketched ? r.sketch().rows() : 0)
                .json("iterations", r.iterations())
                .json("residual_norm", r.residuals().norm())
                .json("seconds", r.seconds())
                .json("converged", r.converged())
                .json("relative_residual", r.relativeResidual())
                .json("normal_residual", r.normalResidual())
                .json("pinv_norm_estimate", nullIfNaN(r.linf().pinvNormEstimate()))
                .json("linf_bound", nullIfNaN(r.linf().bound()))
                .json("sketch_seconds", r.timings().sketch())
                .json("factor_seconds", r.timings().factor())
                .json("solve_seconds", r.timings().solve())
                .json("detail", r.detail().isEmpty() ? null : r.detail())
                .json("rows", rows)
                .json("cols", cols)
                .json("nnz", nnz)
                .json("matrix", aFile.toString())
                .json("rhs", bFile.toString())
                .json("output", output == null ? null : Outputs.name(output))
                .line("matrix", aFile + ", " + rows + "x" + cols + ", " + nnz + " nonzeros")
                .line("right-hand side", bFile.toString())
                .line("method", describeMethod(r))
                .line("converged", Report.text(r.converged()) + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
        if (r.iterations() > 0 || r.method() == LeastSquaresMethod.LSQR
                || r.method() == LeastSquaresMethod.SKETCH_PRECONDITION) {
            rep.line("iterations", Integer.toString(r.iterations()));
        }
        rep.line("residual norm", Report.number(r.residuals().norm()) + " (‖A·x − b‖, recomputed from x)")
                .line("relative residual", Report.sci(r.relativeResidual()) + " (‖A·x − b‖/‖b‖)")
                .line("normal residual", Report.sci(r.normalResidual()) + " (‖Aᵀr‖/(‖A‖_F·‖r‖), the least-squares optimality)");
        if (!Double.isNaN(r.linf().pinvNormEstimate())) {
            rep.line("‖A†‖ estimate", Report.number(r.linf().pinvNormEstimate()) + " (1/σ_min of R, the triangular factor of "
                    + (r.sketch() == null ? "A" : "S·A") + ")");
        }
        if (!Double.isNaN(r.linf().bound())) {
            rep.line("ℓ∞ bound", Report.number(r.linf().bound()) + " ((ε/√d)·‖A·x − b‖·‖A†‖, Song et al. 2023; measured,"
                    + " not guaranteed)");
        }
        rep.line("seconds", Report.number(r.seconds()) + " (sketch " + Report.number(r.timings().sketch()) + ", factor "
                + Report.number(r.timings().factor()) + ", solve " + Report.number(r.timings().solve()) + ")");
        if (output != null) {
            rep.line("x written to", Outputs.name(output));
        }
        return rep;
    }

    static String describeMethod(LeastSquaresResult r) {
        return r.method().cliName() + (r.sketch() == null ? "" : " with a " + r.sketch().kind().cliName() + " sketch of "
                + r.sketch().rows() + " rows");
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

}
