package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow solve A}: solves {@code A·x = b} (least squares for a rectangular A) with
 * {@link AutoSolver#solve}, and says whether the answer can be trusted.
 *
 * <p>Without {@code --rhs}, {@code b = A·1}, so the exact solution is known and the error
 * {@code ‖x − 1‖∞} is reported too. {@code --rhs} reads a Matrix Market vector: an array file or a
 * coordinate file, n×1 (or 1×n), whose length must be the number of rows of A. A and b must be finite;
 * the first bad entry is named. {@code --method auto} (the default) picks from the matrix
 * ({@link AutoSolver#choose}), falls back when its pick cannot run or does not converge, and says why
 * ({@code chosen_because}, {@code fallback}); a preconditioner named with {@code --precond} is never
 * replaced. The names and the help come from the registries {@link SolverMethod} and
 * {@link PreconditionerKind}.
 *
 * <p>Output: a PETSc-style verdict ({@link SolverResult#verdict}) and the figures; {@code -o} writes x
 * as a Matrix Market array, {@code --history} the residual history as CSV
 * ({@code iteration,relative_residual}), {@code --plot} the same history as a PNG on a log scale. Any
 * one of them may be {@code -} (stdout; the report then goes to stderr); a name whose suffix says
 * another format is refused. A progress bar ({@link ProgressBar}) goes to stderr, and only when stderr
 * is a terminal.
 *
 * <p>JSON keys, in order: {@code method, precond, converged, reason, iterations, relative_residual} (the
 * true ‖b − A·x‖/‖b‖, recomputed from x), {@code seconds} (the solve, preconditioner setup excluded),
 * {@code setup_seconds}, {@code verdict, detail, tolerance, chosen_because, fallback} (null when none),
 * {@code error_inf} (‖x − 1‖∞ when b = A·1, else null), {@code normal_residual} (‖Aᵀr‖/(‖A‖_F·‖r‖) for
 * least-squares methods, else null), {@code diagonal_shift}, {@code rows, cols, nnz, matrix, rhs}
 * (the file, or null for A·1), {@code output, history, plot} (files written, or null).
 *
 * <p>Exit codes: 0 converged; 3 not converged (the verdict with the reason on stderr; the results and
 * files are still written); 1 bad input (unreadable file, wrong length, NaN or infinity, a method that
 * does not suit the matrix); 2 usage error.
 */
@Command(name = "solve", mixinStandardHelpOptions = true, resourceBundle = "org.sparrow.interop.cli.SolveHelp",
        description = {"Solve A·x = b (least squares when A is rectangular) and report whether x can be trusted.",
            "Without --rhs, b = A·1, so the error ‖x − 1‖∞ is reported too."})
class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "A", description = "The matrix, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    Path aFile;

    @Option(names = "--rhs", paramLabel = "b",
            description = "The right-hand side, a Matrix Market vector (array, or n×1 coordinate); - reads standard input. Default: b = A·1.")
    Path rhsFile;

    SolverMethod method = SolverMethod.AUTO;

    PreconditionerKind precond;

    double tol = SolverOptions.defaults().relativeTolerance();

    int maxit = SolverOptions.defaults().maxIterations();

    int restart = SolverOptions.defaults().restart();

    @Option(names = {"-o", "--output"}, paramLabel = "x",
            description = "Write x to this file as a Matrix Market array (.mtx, .mtx.gz, or - for stdout).")
    Path output;

    @Option(names = "--history", paramLabel = "F.csv",
            description = "Write the residual history as CSV (.csv, or - for stdout): iteration,relative_residual.")
    Path history;

    @Option(names = "--plot", paramLabel = "F.png",
            description = "Draw the residual history on a log scale into this PNG file (.png, or - for stdout).")
    Path plot;

    /**
     * {@code --method}: a {@link SolverMethod} by its CLI name; anything else is a usage error. The help
     * lists the registry ({@link SolveHelp}).
     */
    @Option(names = "--method", paramLabel = "M", descriptionKey = SolveHelp.METHOD)
    void setMethod(String m) {
        try {
            method = SolverMethod.parse(m);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown --method '" + m + "'; expected one of "
                    + SolverMethod.names());
        }
    }

    /**
     * {@code --precond}: a {@link PreconditionerKind} by its CLI name; anything else is a usage error. The
     * help lists the registry ({@link SolveHelp}).
     */
    @Option(names = "--precond", paramLabel = "P", descriptionKey = SolveHelp.PRECOND)
    void setPrecond(String p) {
        try {
            precond = PreconditionerKind.parse(p);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown --precond '" + p + "'; expected one of "
                    + PreconditionerKind.names());
        }
    }

    /** {@code --tol}: the relative tolerance, checked by {@link SolverOptions} (in (0, 1)). */
    @Option(names = "--tol", paramLabel = "TOL",
            description = "Stop when ‖b − A·x‖/‖b‖ ≤ TOL, 0 < TOL < 1 (default: 1e-8).")
    void setTol(double t) {
        tol = CommonOptions.valid(spec, "--tol", () -> SolverOptions.defaults().withRelativeTolerance(t)).relativeTolerance();
    }

    /** {@code --maxit}: the iteration limit, checked by {@link SolverOptions} (≥ 1). */
    @Option(names = "--maxit", paramLabel = "N",
            description = "Iteration limit, ≥ 1 (default: 10000; for GMRES, inner iterations in all).")
    void setMaxit(int n) {
        maxit = CommonOptions.valid(spec, "--maxit", () -> SolverOptions.defaults().withMaxIterations(n)).maxIterations();
    }

    /** {@code --restart}: the GMRES restart length, checked by {@link SolverOptions} (≥ 1). */
    @Option(names = "--restart", paramLabel = "m", description = "GMRES restart length, ≥ 1 (default: 50).")
    void setRestart(int m) {
        restart = CommonOptions.valid(spec, "--restart", () -> SolverOptions.defaults().withRestart(m)).restart();
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"A", "--rhs"}, aFile, rhsFile);
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX),
                new Outputs.Output("--history", history, Outputs.Kind.CSV),
                new Outputs.Output("--plot", plot, Outputs.Kind.PNG));
        PrintWriter out = Outputs.report(spec, output, history, plot);
        PrintWriter err = spec.commandLine().getErr();
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        AutoSolver.checkFinite(a, aFile.toString());
        double[] b;
        if (rhsFile == null) {
            double[] ones = new double[a.cols()];
            Arrays.fill(ones, 1.0);
            b = a.apply(ones);
        } else {
            b = readVector(rhsFile, a);
            AutoSolver.checkFinite(b, rhsFile.toString());
        }

        ProgressBar bar = SparrowCli.of(spec).stderrTerminal() ? new ProgressBar(err, tol) : null;
        SolverOptions options = SolverOptions.defaults().withRelativeTolerance(tol).withMaxIterations(maxit)
                .withRestart(restart).withListener(bar);
        AutoSolver.Solution s;
        try {
            s = AutoSolver.solve(a, b, method, precond, options);
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        SolverResult r = s.result();
        double[] x = r.solution();

        Double errorInf = rhsFile == null ? errorFromOnes(x) : null;
        writeOutputs(spec, r, tol, aFile, output, history, plot);

        Report rep = report(s, method, tol, errorInf, aFile, rhsFile, a.rows(), a.cols(), a.nnz(), output, history, plot);
        rep.print(out, common.json);
        if (!r.converged()) {
            err.println("sparrow: " + r.verdict(tol));
            err.flush();
            return SparrowCli.EXIT_NOT_CONVERGED;
        }
        return SparrowCli.EXIT_OK;
    }

    /**
     * ‖x − 1‖∞: the error when b = A·1.
     *
     * @param x the solution
     * @return the largest |x_i − 1|
     */
    static double errorFromOnes(double[] x) {
        double e = 0.0;
        for (double v : x) {
            e = Math.max(e, Math.abs(v - 1.0));
        }
        return e;
    }

    /**
     * Writes what {@code -o}, {@code --history} and {@code --plot} ask for (each may be null), shared with
     * {@code sparrow spark solve}.
     *
     * @param spec    the command
     * @param r       the solver's result
     * @param tol     the relative tolerance
     * @param aFile   the matrix file (named in the headers)
     * @param output  the x file, or null
     * @param history the history file, or null
     * @param plot    the plot file, or null
     * @throws IOException when a file cannot be written
     */
    static void writeOutputs(CommandSpec spec, SolverResult r, double tol, Path aFile, Path output, Path history,
                             Path plot) throws IOException {
        double[] x = r.solution();
        if (output != null) {
            Outputs.matrix(spec, output, new DenseMatrix(x.length, 1, x), MatrixMarketWriteOptions.defaults()
                    .withFormat(MatrixMarketHeader.Format.ARRAY)
                    .withComment("x from sparrow solve " + aFile.getFileName() + " (" + r.method().cliName() + ", "
                            + r.preconditioner().cliName() + "): " + r.verdict(tol)));
        }
        if (history != null) {
            HistoryFiles.csv(spec, history, "relative_residual", 0, r.residualHistory());
        }
        if (plot != null) {
            HistoryFiles.plot(spec, plot, r.residualHistory(), 0, tol, aFile.getFileName() + ": " + methodLabel(r),
                    "relative residual", "residual estimate");
        }
    }

    /**
     * The report of a solve, text and JSON (the keys the class comment lists), shared with the commands
     * that solve the same problem elsewhere ({@code sparrow spark solve}).
     *
     * @param s        what the solve returned
     * @param method   the method asked for ({@link SolverMethod#AUTO} when picked)
     * @param tol      the relative tolerance
     * @param errorInf ‖x − 1‖∞ when b = A·1, else null
     * @param aFile    the matrix file
     * @param rhsFile  the right-hand side file, or null for A·1
     * @param rows     rows of A
     * @param cols     columns of A
     * @param nnz      stored entries of A
     * @param output   the x file, or null
     * @param history  the history file, or null
     * @param plot     the plot file, or null
     * @return the report, not yet printed
     */
    static Report report(AutoSolver.Solution s, SolverMethod method, double tol, Double errorInf, Path aFile,
                         Path rhsFile, int rows, int cols, long nnz, Path output, Path history, Path plot) {
        SolverResult r = s.result();
        boolean leastSquares = r.method().isLeastSquares();
        String reason = r.reason().name().toLowerCase(Locale.ROOT);
        boolean auto = method == SolverMethod.AUTO;
        String chosen = auto ? s.choice().reason() : "asked for with --method " + method.cliName();
        Report rep = new Report()
                .json("method", r.method().cliName())
                .json("precond", r.preconditioner().cliName())
                .line("matrix", aFile + ", " + rows + "x" + cols + ", " + nnz + " nonzeros")
                .line("right-hand side", rhsFile == null ? "A·1 (so the exact solution is x = 1)" : rhsFile.toString())
                .line("method", methodLabel(r) + (auto ? " (auto: " + s.choice().reason() + ")" : ""))
                .json("converged", r.converged())
                .json("reason", reason)
                .json("iterations", r.iterations())
                .json("relative_residual", r.relativeResidual())
                .json("seconds", r.seconds())
                .json("setup_seconds", s.setupSeconds());
        if (s.fallback() != null) {
            rep.line("fallback", s.fallback());
        }
        rep.line("verdict", r.verdict(tol))
                .line("relative residual", Report.sci(r.relativeResidual()) + " (true: ‖b − A·x‖/‖b‖ recomputed from x)");
        if (leastSquares) {
            rep.line("normal residual", Report.sci(r.normalResidual()) + " (‖Aᵀr‖/(‖A‖_F·‖r‖), the least-squares optimality)");
        }
        if (errorInf != null) {
            rep.line("error ‖x − 1‖∞", Report.sci(errorInf));
        }
        if (r.diagonalShift() > 0) {
            rep.line("diagonal shift", Report.number(r.diagonalShift()) + " (the incomplete factorization of A + α·diag(A))");
        }
        rep.line("seconds", Report.number(r.seconds()) + " (solve; preconditioner setup " + Report.number(s.setupSeconds())
                        + ")")
                .json("verdict", r.verdict(tol))
                .json("detail", r.detail().isEmpty() ? null : r.detail())
                .json("tolerance", tol)
                .json("chosen_because", chosen)
                .json("fallback", s.fallback())
                .json("error_inf", errorInf)
                .json("normal_residual", leastSquares ? r.normalResidual() : null)
                .json("diagonal_shift", r.diagonalShift())
                .json("rows", rows)
                .json("cols", cols)
                .json("nnz", nnz)
                .json("matrix", aFile.toString())
                .json("rhs", rhsFile == null ? null : rhsFile.toString())
                .json("output", output == null ? null : Outputs.name(output))
                .json("history", history == null ? null : Outputs.name(history))
                .json("plot", plot == null ? null : Outputs.name(plot));
        HistoryFiles.writtenLines(rep, "x", output, history, plot);
        return rep;
    }

    /** "gmres + ilu0", or "lsqr" without a preconditioner: what ran, by the CLI names. */
    private static String methodLabel(SolverResult r) {
        return r.method().cliName()
                + (r.preconditioner() == PreconditionerKind.NONE ? "" : " + " + r.preconditioner().cliName());
    }

    /**
     * Reads a right-hand side ({@link MatrixMarket#readVector}: one column or one row, duplicates
     * summed) and checks that its length is {@code rows(A)}.
     */
    static double[] readVector(Path file, CsrMatrix a) throws IOException {
        return readVector(file, a.rows(), a.cols());
    }

    /** {@link #readVector(Path, CsrMatrix)} for an A known by its shape (a distributed one). */
    static double[] readVector(Path file, int rows, int cols) throws IOException {
        double[] b = MatrixMarket.readVector(file);
        if (b.length != rows) {
            throw new IllegalArgumentException((MatrixMarket.STDIN.equals(file) ? MatrixMarket.STDIN_NAME : file)
                    + " has " + b.length + " entries but A is " + rows + "x" + cols
                    + ": the right-hand side needs " + rows);
        }
        return b;
    }

}
