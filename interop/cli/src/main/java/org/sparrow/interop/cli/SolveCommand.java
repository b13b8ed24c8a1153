package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.solvers.IterationListener;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.PreconditionerOptions;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.precond.IlukOptions;
import org.sparrow.solvers.precond.IlutOptions;
import org.sparrow.solvers.precond.PreconditionerView;
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
 * <p><b>More control.</b> {@code --drop-tol} and {@code --fill} set ILUT's τ and p, {@code --levels}
 * ILU(k)'s k ({@link PreconditionerOptions}); {@code --x0} reads an initial guess (one column per
 * right-hand side, or one for all); {@code --atol} sets an absolute floor on ‖b − A·x‖; {@code --damp}
 * λ solves min ‖A·x − b‖² + λ²‖x‖² by LSQR or LSMR. {@code --monitor} prints one line per iteration to
 * stderr in the format of PETSc's {@code -ksp_monitor} ({@code "  12 KSP Residual norm 3.2e-05"}: the
 * method's residual estimate times ‖b‖, iteration 0 the starting residual ‖b − A·x₀‖); with several
 * right-hand sides each column's lines follow {@code "  Residual norms for column 2 solve."}.
 * {@code --view} reports what was built ({@link PreconditionerView}: name, stored nonzeros against
 * nnz(A), setup seconds, and per-level lines of a hierarchy), as lines or as the JSON key {@code view}
 * ({@code name, stored_nonzeros, matrix_nonzeros, fill, setup_seconds, details}).
 *
 * <p><b>Several right-hand sides.</b> An n×k array for {@code --rhs} solves each column
 * ({@link AutoSolver#solveColumns}, one preconditioner build for all); {@code -o} then writes the n×k X.
 * The keys above keep their meaning as a summary: {@code converged} all columns, {@code iterations} and
 * {@code relative_residual} the largest, {@code seconds} the sum, {@code reason} the first column's that
 * did not converge (else "converged"), {@code error_inf} null; then {@code columns} (k) and
 * {@code per_column}, one object per column with {@code column, converged, reason, iterations,
 * relative_residual, seconds}. A single right-hand side has no {@code columns} or {@code per_column}.
 * {@code --history} and {@code --plot} take a single right-hand side.
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
            description = "The right-hand side, a Matrix Market vector (array, or n×1 coordinate), or an n×k array for k right-hand sides (one solve per column); - reads standard input. Default: b = A·1.")
    Path rhsFile;

    SolverMethod method = SolverMethod.AUTO;

    PreconditionerKind precond;

    double tol = SolverOptions.defaults().relativeTolerance();

    int maxit = SolverOptions.defaults().maxIterations();

    int restart = SolverOptions.defaults().restart();

    double atol = SolverOptions.defaults().absoluteTolerance();

    double damp = SolverOptions.defaults().damping();

    IlutOptions ilut;

    IlukOptions iluk;

    @Option(names = "--x0", paramLabel = "x0",
            description = "Initial guess, a Matrix Market array with rows(x0) = cols(A): one column, or one per right-hand side; - reads standard input. Default: 0.")
    Path x0File;

    @Option(names = "--monitor",
            description = "Print the residual norm at each iteration to stderr, as PETSc's -ksp_monitor (\"  12 KSP Residual norm 3.2e-05\").")
    boolean monitor;

    @Option(names = "--view",
            description = "Report what was built: the preconditioner, its stored nonzeros against nnz(A) (fill), its setup time, and a hierarchy's levels.")
    boolean view;

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

    /** {@code --atol}: the absolute floor on ‖b − A·x‖, checked by {@link SolverOptions} (finite, ≥ 0). */
    @Option(names = "--atol", paramLabel = "ATOL",
            description = "Also stop when ‖b − A·x‖ ≤ ATOL, ATOL ≥ 0 (default: 0, none).")
    void setAtol(double t) {
        atol = CommonOptions.valid(spec, "--atol", () -> SolverOptions.defaults().withAbsoluteTolerance(t)).absoluteTolerance();
    }

    /** {@code --damp}: the LSQR/LSMR damping λ, checked by {@link SolverOptions} (finite, ≥ 0). */
    @Option(names = "--damp", paramLabel = "λ",
            description = "Damping λ ≥ 0 for lsqr and lsmr: minimize ‖A·x − b‖² + λ²‖x‖² (default: 0).")
    void setDamp(double d) {
        damp = CommonOptions.valid(spec, "--damp", () -> SolverOptions.defaults().withDamping(d)).damping();
    }

    /** {@code --drop-tol}: ILUT's τ, checked by {@link IlutOptions} (finite, ≥ 0). */
    @Option(names = "--drop-tol", paramLabel = "τ",
            description = "ILUT: drop entries below τ·‖row of A‖₂, τ ≥ 0 (default: 1e-4).")
    void setDropTol(double t) {
        ilut = CommonOptions.valid(spec, "--drop-tol", () -> (ilut == null ? IlutOptions.defaults() : ilut).withDropTolerance(t));
    }

    /** {@code --fill}: ILUT's p, checked by {@link IlutOptions} (≥ 0), or "max" for no limit. */
    @Option(names = "--fill", paramLabel = "p",
            description = "ILUT: keep at most p entries per row of L and of U, p ≥ 0, or max for no limit (default: 20).")
    void setFill(String p) {
        int v;
        if (p.trim().equalsIgnoreCase("max")) {
            v = IlutOptions.UNLIMITED;
        } else {
            try {
                v = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--fill: '" + p + "' is not a whole number ≥ 0 or max");
            }
        }
        ilut = CommonOptions.valid(spec, "--fill", () -> (ilut == null ? IlutOptions.defaults() : ilut).withFill(v));
    }

    /** {@code --levels}: ILU(k)'s k, checked by {@link IlukOptions} (≥ 0). */
    @Option(names = "--levels", paramLabel = "k", description = "ILU(k): the level of fill k ≥ 0 (default: 1).")
    void setLevels(int k) {
        iluk = CommonOptions.valid(spec, "--levels", () -> new IlukOptions(k));
    }

    /** Usage errors of flags that belong to a preconditioner or a method other than the one named. */
    private void checkCombinations() {
        if (ilut != null && precond != PreconditionerKind.ILUT) {
            throw new ParameterException(spec.commandLine(), "--drop-tol and --fill set ILUT's thresholds; they need "
                    + "--precond ilut");
        }
        if (iluk != null && precond != PreconditionerKind.ILUK) {
            throw new ParameterException(spec.commandLine(), "--levels sets ILU(k)'s level of fill; it needs --precond iluk");
        }
        if (damp > 0 && method != SolverMethod.AUTO && method != SolverMethod.LSQR && method != SolverMethod.LSMR) {
            throw new ParameterException(spec.commandLine(), "--damp applies to lsqr and lsmr only, not to --method "
                    + method.cliName());
        }
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"A", "--rhs", "--x0"}, aFile, rhsFile, x0File);
        checkCombinations();
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX),
                new Outputs.Output("--history", history, Outputs.Kind.CSV),
                new Outputs.Output("--plot", plot, Outputs.Kind.PNG));
        PrintWriter out = Outputs.report(spec, output, history, plot);
        PrintWriter err = spec.commandLine().getErr();
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        AutoSolver.checkFinite(a, aFile.toString());
        double[][] bs;
        if (rhsFile == null) {
            double[] ones = new double[a.cols()];
            Arrays.fill(ones, 1.0);
            bs = new double[][] {a.apply(ones)};
        } else {
            bs = readColumns(rhsFile, a, a.rows(), "the right-hand side", "rows");
            for (int c = 0; c < bs.length; c++) {
                AutoSolver.checkFinite(bs[c], rhsFile + (bs.length > 1 ? " (column " + (c + 1) + ")" : ""));
            }
        }
        int k = bs.length;
        double[][] x0s = null;
        if (x0File != null) {
            double[][] g = readColumns(x0File, a, a.cols(), "the initial guess", "columns");
            if (g.length != 1 && g.length != k) {
                throw new IllegalArgumentException(Report.source(x0File) + " has " + g.length + " columns but there are " + k
                        + " right-hand sides: give one initial guess, or one per right-hand side");
            }
            x0s = new double[k][];
            for (int c = 0; c < k; c++) {
                x0s[c] = g[g.length == 1 ? 0 : c];
                Checks.checkFinite(x0s[c], Report.source(x0File) + ": ", "x0");
            }
        }
        if (k > 1 && (history != null || plot != null)) {
            throw new IllegalArgumentException((history != null ? "--history" : "--plot") + " draws one solve, but "
                    + Report.source(rhsFile) + " holds " + k + " right-hand sides; solve one column for it");
        }

        ProgressBar bar = SparrowCli.of(spec).stderrTerminal() && !monitor ? new ProgressBar(err, tol) : null;
        Monitor mon = monitor ? new Monitor(err, a, bs, x0s) : null;
        SolverOptions options = SolverOptions.defaults().withRelativeTolerance(tol).withMaxIterations(maxit)
                .withRestart(restart).withAbsoluteTolerance(atol).withDamping(damp)
                .withListener(mon != null ? mon : bar);
        PreconditionerOptions po = PreconditionerOptions.defaults().withIlut(ilut).withIluk(iluk);
        List<AutoSolver.Solution> all;
        try {
            all = AutoSolver.solveColumns(a, bs, x0s, method, precond, po, options, mon == null ? null : mon::column);
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        if (k > 1) {
            return reportColumns(a, all, out, err);
        }
        AutoSolver.Solution s = all.get(0);
        SolverResult r = s.result();
        double[] x = r.solution();

        Double errorInf = rhsFile == null ? errorFromOnes(x) : null;
        writeOutputs(spec, r, tol, aFile, output, history, plot);
        Report rep = report(s, method, tol, errorInf, aFile, rhsFile, a.rows(), a.cols(), a.nnz(), damp, view, output,
                history, plot);
        rep.print(out, common.json);
        if (!r.converged()) {
            return SparrowCli.notConverged(err, "sparrow: " + r.verdict(tol));
        }
        return SparrowCli.EXIT_OK;
    }

    /**
     * The report of several right-hand sides: the summary keys of the class comment, {@code columns} and
     * {@code per_column}; one line per column for people.
     */
    private int reportColumns(CsrMatrix a, List<AutoSolver.Solution> all, PrintWriter out, PrintWriter err)
            throws IOException {
        int k = all.size();
        int n = a.cols();
        boolean allConverged = true;
        int maxIt = 0;
        double maxRel = 0.0;
        double seconds = 0.0;
        double setup = 0.0;
        String reason = "converged";
        SolverResult firstBad = null;
        double[] xs = new double[n * k]; // row-major n×k
        List<Json> per = new java.util.ArrayList<>();
        Report rep = new Report();
        for (int c = 0; c < k; c++) {
            SolverResult r = all.get(c).result();
            setup += all.get(c).setupSeconds();
            if (!r.converged() && firstBad == null) {
                firstBad = r;
                reason = r.reason().name().toLowerCase(Locale.ROOT);
            }
            allConverged &= r.converged();
            maxIt = Math.max(maxIt, r.iterations());
            maxRel = Math.max(maxRel, r.relativeResidual());
            seconds += r.seconds();
            for (int i = 0; i < n; i++) {
                xs[i * k + c] = r.solution()[i];
            }
            per.add(new Json().put("column", c + 1).put("converged", r.converged())
                    .put("reason", r.reason().name().toLowerCase(Locale.ROOT)).put("iterations", r.iterations())
                    .put("relative_residual", r.relativeResidual()).put("seconds", r.seconds()));
        }
        SolverResult r0 = all.get(0).result();
        String verdict = (allConverged ? "converged" : "not converged") + ": " + k + " right-hand sides, largest relative "
                + "residual " + Report.sci(maxRel) + ", at most " + maxIt + " iterations";
        rep.json("method", r0.method().cliName())
                .json("precond", r0.preconditioner().cliName())
                .line("matrix", aFile + ", " + a.rows() + "x" + a.cols() + ", " + a.nnz() + " nonzeros")
                .line("right-hand sides", rhsFile + ", " + k + " columns")
                .line("method", methodLabel(r0) + (method == SolverMethod.AUTO ? " (auto: " + all.get(0).choice().reason()
                        + ")" : ""))
                .json("converged", allConverged)
                .json("reason", reason)
                .json("iterations", maxIt)
                .json("relative_residual", maxRel)
                .json("seconds", seconds)
                .json("setup_seconds", setup);
        for (int c = 0; c < k; c++) {
            AutoSolver.Solution s = all.get(c);
            rep.line("column " + (c + 1), s.result().verdict(tol) + (s.fallback() == null ? "" : "; fallback: "
                    + s.fallback()));
        }
        rep.line("verdict", verdict)
                .line("seconds", Report.number(seconds) + " (solves; preconditioner setup " + Report.number(setup) + ")")
                .json("verdict", verdict)
                .json("detail", firstBad == null || firstBad.detail().isEmpty() ? null : firstBad.detail())
                .json("tolerance", tol)
                .json("chosen_because", method == SolverMethod.AUTO ? all.get(0).choice().reason()
                        : "asked for with --method " + method.cliName())
                .json("fallback", all.get(0).fallback())
                .json("error_inf", null)
                .json("normal_residual", r0.method().isLeastSquares() ? r0.normalResidual() : null)
                .json("diagonal_shift", r0.diagonalShift())
                .json("rows", a.rows())
                .json("cols", a.cols())
                .json("nnz", a.nnz())
                .json("matrix", aFile.toString())
                .json("rhs", rhsFile.toString())
                .json("output", output == null ? null : Outputs.name(output))
                .json("history", null)
                .json("plot", null)
                .json("columns", k)
                .json("per_column", per);
        if (damp > 0) {
            rep.put("damping", "damping λ", damp);
        }
        viewLines(rep, all.get(0).view(), view);
        if (output != null) {
            Outputs.matrix(spec, output, new DenseMatrix(n, k, xs), MatrixMarketWriteOptions.defaults()
                    .withFormat(MatrixMarketHeader.Format.ARRAY)
                    .withComment("X from sparrow solve " + aFile.getFileName() + " (" + r0.method().cliName() + ", "
                            + r0.preconditioner().cliName() + "), " + k + " right-hand sides: " + verdict));
        }
        HistoryFiles.writtenLines(rep, "X", output, null, null);
        rep.print(out, common.json);
        if (!allConverged) {
            return SparrowCli.notConverged(err, "sparrow: " + verdict);
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
     * The report of one solve, text and JSON (the keys the class comment lists), shared with the commands
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
     * @param damp     the damping λ of LSQR/LSMR (reported when positive)
     * @param view     whether {@code --view} asked for the preconditioner's view
     * @param output   the x file, or null
     * @param history  the history file, or null
     * @param plot     the plot file, or null
     * @return the report, not yet printed
     */
    static Report report(AutoSolver.Solution s, SolverMethod method, double tol, Double errorInf, Path aFile,
                         Path rhsFile, int rows, int cols, long nnz, double damp, boolean view, Path output,
                         Path history, Path plot) {
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
        if (damp > 0) {
            rep.put("damping", "damping λ", damp);
        }
        viewLines(rep, s.view(), view);
        HistoryFiles.writtenLines(rep, "x", output, history, plot);
        return rep;
    }

    /** With {@code --view}: the preconditioner's view as lines, and as the JSON object {@code view}. */
    private static void viewLines(Report rep, PreconditionerView v, boolean view) {
        if (!view) {
            return;
        }
        if (v == null) {
            rep.line("preconditioner", "none").json("view", null);
            return;
        }
        String[] lines = v.summary().split("\n");
        rep.line("preconditioner", lines[0]);
        for (int t = 1; t < lines.length; t++) {
            rep.line("preconditioner", lines[t].strip());
        }
        Json j = new Json().put("name", v.name())
                .put("stored_nonzeros", v.storedNonzeros() < 0 ? null : v.storedNonzeros())
                .put("matrix_nonzeros", v.matrixNonzeros() < 0 ? null : v.matrixNonzeros())
                .put("fill", v.fill())
                .put("setup_seconds", v.setupSeconds())
                .put("details", v.details());
        rep.json("view", j);
    }

    /**
     * {@code --monitor}: PETSc's {@code -ksp_monitor} lines on stderr, {@code "%3d KSP Residual norm %14.12e"}
     * (KSPMonitorResidual): the method's relative estimate times ‖b‖; iteration 0 is ‖b − A·x₀‖, printed
     * when a column starts.
     */
    private static final class Monitor implements IterationListener {
        private final PrintWriter err;
        private final double[] bnorm;
        private final double[] r0norm;
        private int column;

        Monitor(PrintWriter err, CsrMatrix a, double[][] b, double[][] x0) {
            this.err = err;
            int k = b.length;
            bnorm = new double[k];
            r0norm = new double[k];
            for (int c = 0; c < k; c++) {
                bnorm[c] = Blas.norm2(b[c]);
                if (x0 == null) {
                    r0norm[c] = bnorm[c];
                } else {
                    double[] r = a.apply(x0[c]);
                    for (int i = 0; i < r.length; i++) {
                        r[i] = b[c][i] - r[i];
                    }
                    r0norm[c] = Blas.norm2(r);
                }
            }
        }

        /** Before column c's solve: its header (several columns) and iteration 0. */
        void column(int c) {
            column = c;
            if (bnorm.length > 1) {
                err.println("  Residual norms for column " + (c + 1) + " solve.");
            }
            line(0, r0norm[c]);
        }

        @Override
        public void onIteration(int iteration, double relativeResidual) {
            line(iteration, relativeResidual * bnorm[column]);
        }

        private void line(int iteration, double norm) {
            err.println(String.format(Locale.ROOT, "%3d KSP Residual norm %14.12e", iteration, norm));
            err.flush();
        }
    }

    /**
     * Reads the columns of a right-hand side or initial guess: a Matrix Market matrix with {@code n} rows
     * (one column per vector; duplicates summed, entries not stored 0), or a single row of n entries.
     *
     * @param what  "the right-hand side" or "the initial guess", for messages
     * @param along "rows" or "columns": which dimension of A gives n
     */
    static double[][] readColumns(Path file, CsrMatrix a, int n, String what, String along) throws IOException {
        MatrixMarketData d = MatrixMarket.read(file);
        CooMatrix v = d.matrix();
        String name = Report.source(file);
        if (v.cols() == 1 || (v.rows() == 1 && n != 1)) {
            int len = Math.max(v.rows(), v.cols());
            if (len != n) {
                throw new IllegalArgumentException(name + " has " + len + " entries but A is " + a.rows() + "x" + a.cols()
                        + ": " + what + " needs " + n);
            }
            return new double[][] {vectorOf(v, n)};
        }
        if (v.rows() != n) {
            throw new IllegalArgumentException(name + " is " + v.rows() + "x" + v.cols() + " but A is " + a.rows() + "x"
                    + a.cols() + ": " + what + " needs " + n + " rows (the " + along + " of A), one column per vector");
        }
        double[][] cols = new double[v.cols()][n];
        int[] ri = v.rowIndices();
        int[] ci = v.columnIndices();
        double[] x = v.values();
        for (int t = 0; t < v.nnz(); t++) {
            cols[ci[t]][ri[t]] += x[t];
        }
        return cols;
    }

    private static double[] vectorOf(CooMatrix v, int n) {
        double[] b = new double[n];
        int[] ri = v.rowIndices();
        int[] ci = v.columnIndices();
        double[] x = v.values();
        boolean column = v.cols() == 1;
        for (int t = 0; t < v.nnz(); t++) {
            b[column ? ri[t] : ci[t]] += x[t];
        }
        return b;
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
