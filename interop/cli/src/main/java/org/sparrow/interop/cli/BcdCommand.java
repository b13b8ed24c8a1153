package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.solvers.bcd.Bcd;
import org.sparrow.solvers.bcd.BcdOptions;
import org.sparrow.solvers.bcd.BcdProblem;
import org.sparrow.solvers.bcd.BcdResult;
import org.sparrow.solvers.bcd.Loss;
import org.sparrow.solvers.bcd.PartitionRule;
import org.sparrow.solvers.bcd.SelectionRule;
import org.sparrow.solvers.bcd.UpdateRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow bcd A b --loss …}: block coordinate descent (Nutini, Laradji and Schmidt, JMLR 2022) by
 * {@link Bcd#solve} on least squares ½‖Ax − b‖², logistic regression Σ log(1 + exp(−bᵢ aᵢᵀx)) (labels ±1) or
 * the quadratic ½xᵀAx − bᵀx (A symmetric positive definite), each optionally with λ‖x‖₁ ({@code --l1}) and
 * x ≥ 0 ({@code --nonnegative}).
 *
 * <p>A and b are Matrix Market files ({@link MatrixMarket#readCsr}, {@link MatrixMarket#readVector}); b has
 * one entry per row of A. The names of {@code --loss}, {@code --partition}, {@code --rule} and
 * {@code --update} and their help come from the registries {@link Loss}, {@link PartitionRule},
 * {@link SelectionRule} and {@link UpdateRule}; the ranges of {@code --block-size}, {@code --tol},
 * {@code --max-iterations} are {@link BcdOptions}'s (out of range: a usage error naming the option). What the
 * library refuses (labels other than ±1, a non-symmetric A for the quadratic) is one sentence naming the file.
 *
 * <p>Output: the figures; {@code -o} writes x as a Matrix Market array, {@code --history} the objective per
 * iteration as CSV ({@code iteration,objective}, iteration 0 = the start), {@code --plot} the gap to the best
 * objective of the run, f − f_best, on a log scale, as a PNG (both through {@link HistoryFiles}, as
 * {@code solve} and {@code ot}). No output may name an input.
 *
 * <p>JSON keys, in order: {@code loss, rule, partition, update, block_size, converged, reason, iterations,
 * objective} (recomputed from x by {@link BcdProblem#objective}), {@code optimality} (the library's measure,
 * recomputed at the end), {@code nnz_x} (nonzeros of x), {@code seconds}, {@code rows, cols}.
 *
 * <p>Exit codes, as {@code solve}: 0 converged; 3 not converged (the verdict on stderr; the report and the
 * files asked for are still written); 1 bad input or I/O; 2 usage error.
 */
@Command(name = "bcd", mixinStandardHelpOptions = true,
        description = {"Block coordinate descent (Nutini, Laradji & Schmidt, JMLR 2022) on least squares, logistic",
            "regression or a sparse SPD quadratic, optionally with λ‖x‖₁ and x ≥ 0: greedy, cyclic or random blocks,",
            "Lipschitz, line-search, Hessian or Newton updates, message passing on tree blocks, active-set Newton."})
final class BcdCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "A",
            description = "The matrix, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    private Path aFile;

    @Parameters(index = "1", paramLabel = "b",
            description = "The targets (least-squares), labels ±1 (logistic) or the linear term (quadratic): a Matrix "
                    + "Market vector with one entry per row of A.")
    private Path bFile;

    @Option(names = {"-o", "--output"}, paramLabel = "x.mtx",
            description = "Write x to this file as a Matrix Market array (.mtx, .mtx.gz, or - for stdout).")
    private Path output;

    @Option(names = "--history", paramLabel = "F.csv",
            description = "Write the objective per iteration as CSV (.csv, or - for stdout): iteration,objective.")
    private Path history;

    @Option(names = "--plot", paramLabel = "F.png",
            description = "Draw f − f_best (the best objective of the run) per iteration on a log scale into this PNG "
                    + "file (.png, or - for stdout).")
    private Path plot;

    private Loss loss;

    private double lambda;

    @Option(names = "--nonnegative", description = "Constrain x ≥ 0.")
    private boolean nonnegative;

    /** The options as given so far; every setter goes through the record's checks. */
    private BcdOptions options = BcdOptions.defaults();

    /** The CLI names of an enum's constants, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
    private static <E> Iterator<String> names(E[] values, Function<E, String> cliName) {
        List<String> names = new ArrayList<>();
        for (E v : values) {
            names.add(cliName.apply(v));
        }
        return names.iterator();
    }

    /** The loss names for the help: {@link Loss}'s CLI names. */
    static final class LossNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(Loss.values(), Loss::cliName);
        }
    }

    /** The partition names for the help: {@link PartitionRule}'s CLI names. */
    static final class PartitionNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(PartitionRule.values(), PartitionRule::cliName);
        }
    }

    /** The selection rule names for the help: {@link SelectionRule}'s CLI names. */
    static final class RuleNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(SelectionRule.values(), SelectionRule::cliName);
        }
    }

    /** The update rule names for the help: {@link UpdateRule}'s CLI names. */
    static final class UpdateNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(UpdateRule.values(), UpdateRule::cliName);
        }
    }

    /** {@code --loss}: a {@link Loss} by its CLI name; anything else is a usage error listing them. */
    @Option(names = "--loss", paramLabel = "LOSS", required = true, completionCandidates = LossNames.class,
            description = "The objective: ${COMPLETION-CANDIDATES} (least-squares ½‖Ax − b‖², logistic Σ log(1 + "
                    + "exp(−bᵢ aᵢᵀx)), quadratic ½xᵀAx − bᵀx with A symmetric positive definite).")
    void setLoss(String s) {
        loss = CommonOptions.valid(spec, "--loss", () -> Loss.fromCliName(s));
    }

    /** {@code --l1}: λ of λ‖x‖₁, finite and ≥ 0. */
    @Option(names = "--l1", paramLabel = "λ", description = "Add λ‖x‖₁ to the objective, λ ≥ 0 (default: 0).")
    void setL1(double l) {
        if (!(l >= 0) || Double.isInfinite(l)) {
            throw new ParameterException(spec.commandLine(), "--l1: λ must be finite and ≥ 0, got " + l);
        }
        lambda = l;
    }

    /** {@code --partition}: a {@link PartitionRule} by its CLI name. */
    @Option(names = "--partition", paramLabel = "P", completionCandidates = PartitionNames.class,
            description = "How coordinates form blocks: ${COMPLETION-CANDIDATES} (fixed blocks in order, sorted by "
                    + "Lipschitz constant, largest with smallest; or variable blocks; default: sort).")
    void setPartition(String s) {
        options = options.withPartition(CommonOptions.valid(spec, "--partition", () -> PartitionRule.fromCliName(s)));
    }

    /** {@code --block-size}: coordinates per block, checked by {@link BcdOptions}. */
    @Option(names = "--block-size", paramLabel = "k", description = "Coordinates per block, ≥ 1 (default: 5).")
    void setBlockSize(int k) {
        options = CommonOptions.valid(spec, "--block-size", () -> options.withBlockSize(k));
    }

    /** {@code --rule}: a {@link SelectionRule} by its CLI name. */
    @Option(names = "--rule", paramLabel = "R", completionCandidates = RuleNames.class,
            description = "Which block to update: ${COMPLETION-CANDIDATES} (greedy: gs, gsl, gsd, gsq; default: gs).")
    void setRule(String s) {
        options = options.withRule(CommonOptions.valid(spec, "--rule", () -> SelectionRule.fromCliName(s)));
    }

    /** {@code --update}: an {@link UpdateRule} by its CLI name. */
    @Option(names = "--update", paramLabel = "U", completionCandidates = UpdateNames.class,
            description = "How the block moves: ${COMPLETION-CANDIDATES} (default: lipschitz).")
    void setUpdate(String s) {
        options = options.withUpdate(CommonOptions.valid(spec, "--update", () -> UpdateRule.fromCliName(s)));
    }

    /** {@code --message-passing}: forest blocks solved exactly (quadratic loss). */
    @Option(names = "--message-passing",
            description = "Quadratic loss: blocks that form a forest in A's graph, solved exactly by message passing.")
    void setMessagePassing(boolean on) {
        options = options.withMessagePassing(on);
    }

    /** {@code --active-set}: Newton on the active coordinates once the ℓ₁/bound active set settles. */
    @Option(names = "--active-set",
            description = "With --l1 or --nonnegative: once the active set stops changing, Newton steps on its free "
                    + "coordinates.")
    void setActiveSet(boolean on) {
        options = options.withActiveSet(on);
    }

    /** {@code --tol}: the optimality to reach, checked by {@link BcdOptions}. */
    @Option(names = "--tol", paramLabel = "TOL",
            description = "Stop when the optimality measure (‖∇f‖∞, or the proximal step with --l1/--nonnegative) "
                    + "falls to TOL times its value at the start, 0 < TOL < 1 (default: 1e-10).")
    void setTol(double t) {
        options = CommonOptions.valid(spec, "--tol", () -> options.withTolerance(t));
    }

    /** {@code --max-iterations}: the iteration limit, checked by {@link BcdOptions}. */
    @Option(names = "--max-iterations", paramLabel = "N", description = "Iteration limit, ≥ 1 (default: 10000).")
    void setMaxIterations(int n) {
        options = CommonOptions.valid(spec, "--max-iterations", () -> options.withMaxIterations(n));
    }

    /** {@code --seed}: the seed of the random rules. */
    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random rules (default: 0).")
    void setSeed(long s) {
        options = options.withSeed(s);
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"A", "b"}, aFile, bFile);
        Outputs.Output[] outs = {new Outputs.Output("-o", output, Outputs.Kind.MATRIX),
            new Outputs.Output("--history", history, Outputs.Kind.CSV), new Outputs.Output("--plot", plot, Outputs.Kind.PNG)};
        Outputs.check(spec, common.json, outs);
        Outputs.checkNotInputs(spec, outs, new String[] {"A", "b"}, aFile, bFile);
        PrintWriter out = Outputs.report(spec, output, history, plot);
        PrintWriter err = spec.commandLine().getErr();

        CsrMatrix a = MatrixMarket.readCsr(aFile);
        double[] b = MatrixMarket.readVector(bFile);
        if (b.length != a.rows()) {
            throw new IllegalArgumentException(Report.source(bFile) + " has " + b.length + " entries but " + Report.source(aFile) + " is "
                    + a.rows() + "x" + a.cols() + ": b needs one entry per row of A (" + a.rows() + ")");
        }
        BcdProblem problem;
        try {
            problem = switch (loss) {
                case LEAST_SQUARES -> BcdProblem.leastSquares(a.toCsc(), b);
                case LOGISTIC -> BcdProblem.logistic(a.toCsc(), b);
                case QUADRATIC -> BcdProblem.quadratic(a, b);
            };
            problem = problem.withL1(lambda).withNonnegative(nonnegative);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(e.getMessage()) + e.getMessage(), e);
        }

        ProgressBar bar = SparrowCli.of(spec).stderrTerminal() ? new ProgressBar(err, options.tolerance()) : null;
        BcdResult r;
        try {
            r = Bcd.solve(problem, null, options.withListener(bar));
        } finally {
            if (bar != null) {
                bar.close();
            }
        }

        double[] x = r.x();
        int nnzX = 0;
        for (double v : x) {
            if (v != 0) {
                nnzX++;
            }
        }
        double objective = problem.objective(x);
        String reason = r.reason().name().toLowerCase(Locale.ROOT);
        String verdict = (r.converged() ? "converged" : "not converged (" + reason + ")") + ": optimality "
                + Report.sci(r.optimality()) + " (" + r.optimalityMeasure() + "; relative tolerance " + Report.sci(options.tolerance())
                + ") after " + r.iterations() + " iterations";
        String method = options.rule().cliName() + " rule, " + options.partition().cliName() + " blocks of "
                + options.blockSize() + ", " + options.update().cliName() + " update"
                + (options.messagePassing() ? ", message passing" : "") + (options.activeSet() ? ", active set" : "");
        if (output != null) {
            Outputs.matrix(spec, output, new DenseMatrix(x.length, 1, x), MatrixMarketWriteOptions.defaults()
                    .withFormat(MatrixMarketHeader.Format.ARRAY)
                    .withComment("x from sparrow bcd " + Report.source(aFile) + " " + Report.source(bFile) + " (" + loss.cliName() + ", "
                            + method + "): " + verdict));
        }
        double[] h = r.objectiveHistory();
        if (history != null) {
            HistoryFiles.csv(spec, history, "objective", 0, h);
        }
        if (plot != null) {
            double best = Double.POSITIVE_INFINITY;
            for (double v : h) {
                best = Math.min(best, v);
            }
            double[] gap = new double[h.length];
            for (int k = 0; k < h.length; k++) {
                gap[k] = h[k] - best;
            }
            HistoryFiles.plot(spec, plot, gap, 0, options.tolerance(), Report.source(aFile) + ": " + loss.cliName() + ", " + method,
                    "f − f_best", "objective gap to the run's best");
        }

        Report rep = new Report()
                .json("loss", loss.cliName())
                .json("rule", options.rule().cliName())
                .json("partition", options.partition().cliName())
                .json("update", options.update().cliName())
                .json("block_size", options.blockSize())
                .line("problem", Report.source(aFile) + " (" + a.rows() + "x" + a.cols() + ", " + a.nnz() + " nonzeros), "
                        + Report.source(bFile) + "; " + loss.cliName() + (lambda > 0 ? " + " + Report.number(lambda) + "·‖x‖₁" : "")
                        + (nonnegative ? ", x ≥ 0" : ""))
                .line("method", method)
                .json("converged", r.converged())
                .json("reason", reason)
                .json("iterations", r.iterations())
                .json("objective", objective)
                .json("optimality", r.optimality())
                .json("nnz_x", nnzX)
                .json("seconds", r.seconds())
                .json("rows", a.rows())
                .json("cols", a.cols())
                .line("verdict", verdict + (r.converged() || r.detail() == null || r.detail().isEmpty() ? ""
                        : " (" + r.detail() + ")"))
                .line("objective", Report.number(objective) + " (recomputed from x)")
                .line("x", nnzX + " nonzeros of " + x.length)
                .line("coordinates updated", Long.toString(r.coordinatesUpdated()));
        if (r.activeSetStableSince() >= 0) {
            rep.line("active set", "unchanged since iteration " + r.activeSetStableSince());
        }
        rep.line("seconds", Report.number(r.seconds()));
        HistoryFiles.writtenLines(rep, "x", output, history, plot);
        rep.print(out, common.json);
        if (!r.converged()) {
            return SparrowCli.notConverged(err, "sparrow: " + verdict);
        }
        return SparrowCli.EXIT_OK;
    }

    /**
     * Which file a library message is about, as a prefix: b for messages about labels or the right-hand side,
     * A otherwise (symmetry, definiteness, shape).
     */
    private String where(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        boolean aboutB = m.contains("label") || m.startsWith("b") || m.startsWith("the right-hand side");
        return (aboutB ? Report.source(bFile) : Report.source(aFile)) + ": ";
    }
}
