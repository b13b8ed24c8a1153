package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.solvers.ot.EntropicOt;
import org.sparrow.solvers.ot.OtMethod;
import org.sparrow.solvers.ot.OtOptions;
import org.sparrow.solvers.ot.OtResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow ot C}: entropic optimal transport, min ⟨C,P⟩ + η⁻¹·Σ pᵢⱼ log pᵢⱼ subject to P·1 = a,
 * Pᵀ·1 = b, by {@link EntropicOt#solve} (Sinkhorn-Newton-Sparse or log-domain Sinkhorn).
 *
 * <p>C is a Matrix Market file: an {@code array} file is a dense cost (every entry allowed), a
 * {@code coordinate} file a sparse one (entries not stored are forbidden: P is zero there; stored zeros
 * are allowed). {@code --a} and {@code --b} read the marginals as Matrix Market vectors
 * ({@link MatrixMarket#readVector}), one entry per row and per column of C; each defaults to uniform. The
 * method names come from the registry {@link OtMethod}; the ranges of {@code --eta}, {@code --tol},
 * {@code --sinkhorn-steps}, {@code --density} and {@code --max-iterations} are {@link OtOptions}'s (a value
 * out of range is a usage error). What the library refuses (a negative or non-finite cost, marginals with
 * different totals, a support that cannot carry the marginals) is one sentence naming the file.
 *
 * <p>Output: the figures; {@code -o} writes P as a coordinate Matrix Market matrix (entries that underflow
 * to zero are not stored), {@code --history} the marginal error per iteration as CSV
 * ({@code iteration,marginal_error}), {@code --plot} the same as a PNG on a log scale. A progress bar goes
 * to stderr when stderr is a terminal.
 *
 * <p>JSON keys, in order: {@code method, converged, reason, iterations, sinkhorn_iterations,
 * newton_iterations, cg_iterations, marginal_error} (‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁ recomputed from the returned
 * plan), {@code transport_cost} (⟨C,P⟩), {@code objective}, {@code plan_nnz}, {@code dropped_mass},
 * {@code seconds}, {@code rows, cols}, then {@code detail, shifted_newton_steps, hessian_density} (the last sparsified Hessian's
 * λ, null for Sinkhorn), {@code eta, tolerance, cost,
 * a, b, output, history, plot} (files, or null).
 *
 * <p>Exit codes, as {@code solve}: 0 converged; 3 not converged (the reason on stderr; the report and the
 * files asked for are still written, so a capped run can be inspected); 1 bad input or I/O; 2 usage error.
 */
@Command(name = "ot", mixinStandardHelpOptions = true,
        description = {"Entropic optimal transport: the plan P minimizing ⟨C,P⟩ + (1/η)·Σ p log p with P·1 = a, Pᵀ·1 = b,",
            "by Sinkhorn-Newton-Sparse (Tang et al., ICLR 2024) or log-domain Sinkhorn."})
final class OtCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "C",
            description = "The cost, a Matrix Market file: array = dense, coordinate = sparse (entries not stored are "
                    + "forbidden); - reads standard input.")
    private Path costFile;

    @Option(names = "--a", paramLabel = "a.mtx",
            description = "The source marginal, a Matrix Market vector with one entry per row of C (default: uniform).")
    private Path aFile;

    @Option(names = "--b", paramLabel = "b.mtx",
            description = "The target marginal, a Matrix Market vector with one entry per column of C (default: uniform).")
    private Path bFile;

    @Option(names = {"-o", "--output"}, paramLabel = "P.mtx",
            description = "Write the plan P as a coordinate Matrix Market matrix (.mtx, .mtx.gz, or - for stdout).")
    private Path output;

    @Option(names = "--history", paramLabel = "F.csv",
            description = "Write the marginal error per iteration as CSV (.csv, or - for stdout): iteration,marginal_error.")
    private Path history;

    @Option(names = "--plot", paramLabel = "F.png",
            description = "Draw the marginal error per iteration on a log scale into this PNG file (.png, or - for stdout).")
    private Path plot;

    /** The options as given so far; every setter goes through the record's checks. */
    private OtOptions options = OtOptions.defaults();

    /** The method names for the help: the registry's CLI names. */
    static final class MethodNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (OtMethod m : OtMethod.values()) {
                names.add(m.cliName());
            }
            return names.iterator();
        }
    }

    /** {@code --method}: an {@link OtMethod} by its CLI name; anything else is a usage error listing them. */
    @Option(names = "--method", paramLabel = "M", completionCandidates = MethodNames.class,
            description = "The algorithm: ${COMPLETION-CANDIDATES} (default: sns, Sinkhorn-Newton-Sparse).")
    void setMethod(String m) {
        OtMethod method = CommonOptions.valid(spec, "--method", () -> OtMethod.fromCliName(m));
        options = options.withMethod(method);
    }

    /** {@code --eta}: the inverse regularization η, finite and &gt; 0 (checked by {@link OtOptions}). */
    @Option(names = "--eta", paramLabel = "η", description = "The inverse regularization η > 0 (default: 1200).")
    void setEta(double eta) {
        options = CommonOptions.valid(spec, "--eta", () -> options.withEta(eta));
    }

    /** {@code --tol}: the marginal error to reach, in (0, 1) (checked by {@link OtOptions}). */
    @Option(names = "--tol", paramLabel = "TOL",
            description = "Stop when ‖P·1 − a‖₁ + ‖Pᵀ·1 − b‖₁ ≤ TOL, 0 < TOL < 1 (default: 1e-9).")
    void setTol(double tol) {
        options = CommonOptions.valid(spec, "--tol", () -> options.withTolerance(tol));
    }

    /** {@code --sinkhorn-steps}: SNS's Sinkhorn steps before the Newton phase, ≥ 0. */
    @Option(names = "--sinkhorn-steps", paramLabel = "N",
            description = "SNS: Sinkhorn steps before the Newton steps, ≥ 0 (default: 20).")
    void setSinkhornSteps(int n) {
        options = CommonOptions.valid(spec, "--sinkhorn-steps", () -> options.withSinkhornSteps(n));
    }

    /** {@code --density}: SNS's Hessian density λ in (0, 1]. */
    @Option(names = "--density", paramLabel = "λ",
            description = "SNS: the fraction of the plan's entries kept in the sparsified Hessian, 0 < λ ≤ 1 "
                    + "(default: 2/n, n the rows of C).")
    void setDensity(double d) {
        options = CommonOptions.valid(spec, "--density", () -> options.withDensity(d));
    }

    /** {@code --fixed-density}: keep λ for every Newton step, as the paper's Algorithm 1 does. */
    @Option(names = "--fixed-density",
            description = "SNS: keep the density λ for every Newton step, as the paper's Algorithm 1 does (default: "
                    + "after a Newton step that does not halve the marginal error, keep twice as many entries, up to 32 "
                    + "per row).")
    void setFixedDensity(boolean fixed) {
        options = options.withDensityGrowth(!fixed);
    }

    /** {@code --max-iterations}: the limit on all iterations, ≥ 1. */
    @Option(names = "--max-iterations", paramLabel = "N",
            description = "Limit on all iterations (Sinkhorn and Newton), ≥ 1 (default: 100000 for sinkhorn; "
                    + "the Sinkhorn steps + 500 for sns).")
    void setMaxIterations(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--max-iterations: must be ≥ 1, got " + n);
        }
        options = CommonOptions.valid(spec, "--max-iterations", () -> options.withMaxIterations(n));
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"C", "--a", "--b"}, costFile, aFile, bFile);
        Outputs.Output[] outs = {new Outputs.Output("-o", output, Outputs.Kind.MATRIX),
            new Outputs.Output("--history", history, Outputs.Kind.CSV), new Outputs.Output("--plot", plot, Outputs.Kind.PNG)};
        Outputs.check(spec, common.json, outs);
        Outputs.checkNotInputs(spec, outs, new String[] {"C", "--a", "--b"}, costFile, aFile, bFile);
        PrintWriter out = Outputs.report(spec, output, history, plot);
        PrintWriter err = spec.commandLine().getErr();

        MatrixMarketData data = MatrixMarket.read(costFile);
        boolean dense = data.header().format() == MatrixMarketHeader.Format.ARRAY;
        int n = data.matrix().rows();
        int m = data.matrix().cols();
        double[] a = aFile == null ? EntropicOt.uniform(n) : marginal(aFile, "--a", n, "row");
        double[] b = bFile == null ? EntropicOt.uniform(m) : marginal(bFile, "--b", m, "column");

        ProgressBar bar = SparrowCli.of(spec).stderrTerminal() ? new ProgressBar(err, options.tolerance(), "marginal error")
                : null;
        OtOptions o = options.withListener(bar);
        OtResult r;
        try {
            r = dense ? EntropicOt.solve(data.matrix().toDense(), a, b, o) : EntropicOt.solve(data.toCsr(), a, b, o);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(e.getMessage()) + e.getMessage(), e);
        } finally {
            if (bar != null) {
                bar.close();
            }
        }

        String method = r.method().cliName();
        String reason = r.reason().name().toLowerCase(Locale.ROOT);
        String verdict = (r.converged() ? "converged" : "not converged (" + reason + ")") + ": marginal error "
                + Report.sci(r.marginalError()) + (r.converged() ? " <= " : " > ") + Report.sci(options.tolerance()) + " after "
                + r.iterations() + " iterations";
        if (output != null) {
            Outputs.matrix(spec, output, r.plan(), MatrixMarketWriteOptions.defaults()
                    .withFormat(MatrixMarketHeader.Format.COORDINATE)
                    .withComment("transport plan from sparrow ot " + Report.source(costFile) + " (" + method + ", eta "
                            + Report.number(options.eta()) + "): " + verdict));
        }
        if (history != null) {
            HistoryFiles.csv(spec, history, "marginal_error", 1, r.marginalErrorHistory());
        }
        if (plot != null) {
            HistoryFiles.plot(spec, plot, r.marginalErrorHistory(), 1, options.tolerance(),
                    Report.source(costFile) + ": " + method + ", η = " + Report.number(options.eta()), "marginal error ‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁",
                    "marginal error");
        }

        Report rep = new Report()
                .json("method", method)
                .line("cost", Report.source(costFile) + ", " + n + "x" + m + (dense ? ", dense" : ", sparse (" + data.matrix().nnz()
                        + " allowed entries)"))
                .line("marginals", "a: " + (aFile == null ? "uniform" : Report.source(aFile)) + ", b: "
                        + (bFile == null ? "uniform" : Report.source(bFile)))
                .line("method", method + ", η = " + Report.number(options.eta()))
                .json("converged", r.converged())
                .json("reason", reason)
                .json("iterations", r.iterations())
                .json("sinkhorn_iterations", r.sinkhornIterations())
                .json("newton_iterations", r.newtonIterations())
                .json("cg_iterations", r.cgIterations())
                .json("marginal_error", r.marginalError())
                .json("transport_cost", r.transportCost())
                .json("objective", r.objective())
                .json("plan_nnz", r.plan().nnz())
                .json("dropped_mass", r.droppedMass())
                .json("seconds", r.seconds())
                .json("rows", n)
                .json("cols", m)
                .line("verdict", verdict + (r.converged() || r.detail() == null || r.detail().isEmpty() ? ""
                        : " (" + r.detail() + ")"))
                .line("iterations", r.iterations() + " (" + r.sinkhornIterations() + " Sinkhorn + " + r.newtonIterations()
                        + " Newton; " + r.cgIterations() + " CG)")
                .line("marginal error", Report.sci(r.marginalError()) + " (‖P·1 − a‖₁ + ‖Pᵀ·1 − b‖₁, recomputed from P)")
                .line("transport cost", Report.number(r.transportCost()) + " (⟨C,P⟩)")
                .line("objective", Report.number(r.objective()) + " (⟨C,P⟩ + (1/η)·Σ p log p)")
                .line("plan", r.plan().nnz() + " stored entries" + (r.droppedMass() > 0 ? ", mass " + Report.sci(r.droppedMass())
                        + " dropped (underflow)" : ""));
        if (r.shiftedNewtonSteps() > 0) {
            rep.line("diagonal shift", "in " + r.shiftedNewtonSteps() + " Newton steps (the sparsified Hessian was "
                    + "ill-posed)");
        }
        rep.line("seconds", Report.number(r.seconds()))
                .json("detail", r.detail() == null || r.detail().isEmpty() ? null : r.detail())
                .json("shifted_newton_steps", r.shiftedNewtonSteps())
                .json("hessian_density", Double.isNaN(r.hessianDensity()) ? null : r.hessianDensity())
                .json("eta", options.eta())
                .json("tolerance", options.tolerance())
                .json("cost", costFile.toString())
                .json("a", aFile == null ? null : aFile.toString())
                .json("b", bFile == null ? null : bFile.toString())
                .json("output", output == null ? null : Outputs.name(output))
                .json("history", history == null ? null : Outputs.name(history))
                .json("plot", plot == null ? null : Outputs.name(plot));
        HistoryFiles.writtenLines(rep, "P", output, history, plot);
        rep.print(out, common.json);
        if (!r.converged()) {
            return SparrowCli.notConverged(err, "sparrow: " + verdict);
        }
        return SparrowCli.EXIT_OK;
    }

    /**
     * Reads a marginal ({@link MatrixMarket#readVector}) and checks its length against C's.
     *
     * @param file   the vector file
     * @param option the option that named it
     * @param length the rows (for a) or columns (for b) of C
     * @param what   "row" or "column"
     */
    private double[] marginal(Path file, String option, int length, String what) throws IOException {
        double[] v = MatrixMarket.readVector(file);
        if (v.length != length) {
            throw new IllegalArgumentException(Report.source(file) + " (" + option + ") has " + v.length + " entries but the cost "
                    + Report.source(costFile) + " has " + length + " " + what + (length == 1 ? "" : "s") + ": " + option
                    + " needs one entry per " + what);
        }
        return v;
    }

    /**
     * Which file a library message is about, as a prefix: the marginal files for messages about a(i), b(j) or
     * the marginals' totals, the cost file otherwise.
     */
    private String where(String message) {
        String aName = aFile == null ? "the uniform a" : Report.source(aFile);
        String bName = bFile == null ? "the uniform b" : Report.source(bFile);
        if (message.startsWith("a(")) {
            return aName + ": ";
        }
        if (message.startsWith("b(")) {
            return bName + ": ";
        }
        if (message.startsWith("the marginals")) {
            return aName + " and " + bName + ": ";
        }
        return Report.source(costFile) + ": ";
    }
}
