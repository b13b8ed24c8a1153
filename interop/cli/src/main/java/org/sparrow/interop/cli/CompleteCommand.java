package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.sketching.completion.CompletionMethod;
import org.sparrow.sketching.completion.CompletionOptions;
import org.sparrow.sketching.completion.CompletionResult;
import org.sparrow.sketching.completion.MatrixCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow complete OBS.mtx --rank k}: low-rank matrix completion, M ≈ U·Vᵀ from the observed entries, by
 * alternating minimization (Jain, Netrapalli and Sanghavi 2013), exact or with sketch-preconditioned row solves
 * (Gu, Song, Yin and Zhang, ICLR 2024), {@link MatrixCompletion#complete}.
 *
 * <p>OBS is a coordinate Matrix Market file: each stored entry (explicit zeros included) is one observation, every
 * entry not stored is unknown. An array file (every entry known: use {@code sparrow lowrank}) and a pattern file (no
 * values) are refused naming the file; so is whatever the library refuses (an empty row or column, NaN or ±∞, a
 * duplicate entry), with the file's name in front of its sentence. The options' ranges are
 * {@link CompletionOptions}'s, checked before the file is read; a rank above min(rows, cols) of the file is a usage
 * error as well. The method names come from the registry {@link CompletionMethod} (the help lists them).
 *
 * <p>{@code -o PREFIX} writes U (rows × k) and V (cols × k) as Matrix Market arrays {@code PREFIX.U.mtx} and
 * {@code PREFIX.V.mtx}. As with {@code sparrow solve}, a run that did not converge still writes them (the last
 * iterate), and then their header comment starts with {@code NOT converged} and the reason, the report says
 * {@code converged: no}, one sentence on stderr says why, and the exit code is 3 — a capped run can be inspected,
 * and nobody mistakes it for a solution.
 *
 * <p>JSON keys, in order: {@code rank, method, converged, reason, iterations, training_rmse} (on the entries
 * trained on) {@code validation_rmse} (on the held-out ones; null without {@code --validation}) {@code seconds}
 * (the completion, reading excluded) {@code rows, cols, observed} (stored entries, held-out ones included), then
 * {@code validation_count, seconds_per_iteration, lambda, tolerance, max_iterations, validation, seed,
 * sketch_rows, sketch_iterations} (0 for exact AM) {@code detail, observations, u, v} (files, or null).
 *
 * <p>Exit codes: 0 converged; 3 not converged; 1 bad input or I/O; 2 usage error.
 */
@Command(name = "complete", mixinStandardHelpOptions = true,
        description = {"Low-rank matrix completion: M ≈ U·Vᵀ of rank k from the observed entries of M, by alternating "
                + "minimization, exact (Jain–Netrapalli–Sanghavi 2013) or sketched (Gu–Song–Yin–Zhang, ICLR 2024)."})
final class CompleteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "OBS",
            description = "The observed entries, a coordinate Matrix Market file (.mtx or .mtx.gz; every entry not "
                    + "stored is unknown); - reads standard input.")
    private Path obsFile;

    @Option(names = {"-o", "--output"}, paramLabel = "PREFIX",
            description = "Write U and V (M ≈ U·Vᵀ) as Matrix Market arrays PREFIX.U.mtx and PREFIX.V.mtx.")
    private String output;

    @Option(names = "--rank", paramLabel = "k", required = true, description = "The rank k, 1 ≤ k ≤ min(rows, cols).")
    private int rank;

    /** The method names for the help: the registry's CLI names. */
    static final class MethodNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (CompletionMethod m : CompletionMethod.values()) {
                names.add(m.cliName());
            }
            return names.iterator();
        }
    }

    private CompletionMethod method;

    /** {@code --method}: a {@link CompletionMethod} by its CLI name; anything else is a usage error listing them. */
    @Option(names = "--method", paramLabel = "M", completionCandidates = MethodNames.class,
            description = "The row and column solves: ${COMPLETION-CANDIDATES} (default: "
                    + "am, exact least squares; sketched-am: sketch-preconditioned, for large ranks).")
    void setMethod(String m) {
        method = CommonOptions.valid(spec, "--method", () -> CompletionMethod.fromCliName(m));
    }

    @Option(names = "--lambda", paramLabel = "λ", description = "ℓ₂ regularization λ ≥ 0 of U and V (default: 0).")
    private Double lambda;

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "Limit on the alternating iterations, ≥ 1 (default: "
                    + CompletionOptions.DEFAULT_MAX_ITERATIONS + ").")
    private Integer maxIterations;

    @Option(names = "--tol", paramLabel = "TOL",
            description = "Stop when U·Vᵀ changes on the observed entries by at most TOL, relatively, TOL ≥ 0 (default: 1e-10).")
    private Double tolerance;

    @Option(names = "--validation", paramLabel = "F",
            description = "Hold out this fraction F of the observed entries, 0 ≤ F < 1: they are not fitted, their RMSE "
                    + "is reported, and the iteration stops when it keeps rising (default: 0, none).")
    private Double validation;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the held-out choice and of the sketches (default: 0).")
    private Long seed;

    /** The options: the library's defaults for the rank, then every option given, each checked by the record. */
    private CompletionOptions options() {
        CompletionOptions o = CommonOptions.valid(spec, "--rank", () -> CompletionOptions.defaults(rank));
        if (method != null) {
            CompletionOptions p = o;
            o = CommonOptions.valid(spec, "--method", () -> p.withMethod(method));
        }
        if (lambda != null) {
            CompletionOptions p = o;
            o = CommonOptions.valid(spec, "--lambda", () -> p.withLambda(lambda));
        }
        if (maxIterations != null) {
            CompletionOptions p = o;
            o = CommonOptions.valid(spec, "--max-iterations", () -> p.withMaxIterations(maxIterations));
        }
        if (tolerance != null) {
            CompletionOptions p = o;
            o = CommonOptions.valid(spec, "--tol", () -> p.withTolerance(tolerance));
        }
        if (validation != null) {
            CompletionOptions p = o;
            o = CommonOptions.valid(spec, "--validation", () -> p.withValidationFraction(validation));
        }
        if (seed != null) {
            CompletionOptions p = o;
            o = CommonOptions.valid(spec, "--seed", () -> p.withSeed(seed));
        }
        return o;
    }

    @Override
    public Integer call() throws IOException {
        CompletionOptions o = options();
        if (Outputs.STDOUT.equals(output)) {
            throw new ParameterException(spec.commandLine(), "-o takes a PREFIX for two files (PREFIX.U.mtx, "
                    + "PREFIX.V.mtx), so it cannot be - (stdout)");
        }
        Path uFile = output == null ? null : Path.of(output + ".U.mtx");
        Path vFile = output == null ? null : Path.of(output + ".V.mtx");
        Outputs.Output[] outs = {new Outputs.Output("-o", uFile, Outputs.Kind.MATRIX),
            new Outputs.Output("-o", vFile, Outputs.Kind.MATRIX)};
        Outputs.check(spec, common.json, outs);
        Outputs.checkNotInputs(spec, outs, new String[] {"OBS"}, obsFile);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        MatrixMarketData data = MatrixMarket.read(obsFile);
        MatrixMarketHeader h = data.header();
        if (h.format() == MatrixMarketHeader.Format.ARRAY) {
            throw new IllegalArgumentException(Report.source(obsFile) + " is an array file, in which every entry is known: "
                    + "complete reads the observed entries from a coordinate file (use sparrow lowrank for a full matrix)");
        }
        if (h.field() == MatrixMarketHeader.Field.PATTERN) {
            throw new IllegalArgumentException(Report.source(obsFile) + " is a pattern file: it says where the observations are "
                    + "but not their values, which complete needs");
        }
        CooMatrix observed = data.matrix();
        int rows = observed.rows();
        int cols = observed.cols();
        int most = Math.min(rows, cols);
        if (rank > most) {
            throw new ParameterException(spec.commandLine(), "--rank " + rank + " exceeds min(rows, cols) = " + most
                    + " of the " + rows + "x" + cols + " matrix of " + Report.source(obsFile) + ": it must be ≥ 1 and ≤ " + most);
        }
        CompletionResult r;
        try {
            r = MatrixCompletion.complete(observed, o);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "invalid observations" : e.getMessage();
            throw new IllegalArgumentException(m.startsWith(Report.source(obsFile)) ? m : Report.source(obsFile) + ": " + m, e);
        }

        String methodName = o.method().cliName();
        String reason = r.reason().name().toLowerCase(Locale.ROOT);
        String detail = r.detail() == null || r.detail().isEmpty() ? reason.replace('_', ' ')
                : r.detail().strip().replaceAll("\\.$", "");
        boolean validated = r.validationCount() > 0;
        if (output != null) {
            // the files' comments are ASCII (the writer's), so the figures are stated here rather than the detail
            double[] change = r.changeHistory();
            String status = (r.converged() ? "converged" : "NOT converged (" + reason.replace('_', ' ') + ")") + " after "
                    + r.iterations() + " iterations: last relative change of U*V^T on the training entries "
                    + (change == null || change.length == 0 ? "n/a" : Report.sci(change[change.length - 1])) + " (tolerance "
                    + Report.sci(o.tolerance()) + "), training RMSE " + Report.sci(r.trainingRmse())
                    + (validated ? ", validation RMSE " + Report.sci(r.validationRmse()) + " on " + r.validationCount()
                            + " held-out entries" : "");
            String about = "of the rank-" + rank + " completion of " + Report.sourceFileName(obsFile) + " by sparrow complete --method "
                    + methodName + ", M ~ U*V^T";
            Outputs.matrix(spec, uFile, r.factors().u(), array(status + "\nU (" + rows + "x" + rank + ") " + about
                    + " (V in " + vFile.getFileName() + ")"));
            Outputs.matrix(spec, vFile, r.factors().v(), array(status + "\nV (" + cols + "x" + rank + ") " + about
                    + " (U in " + uFile.getFileName() + ")"));
        }
        long cells = (long) rows * cols;
        Report rep = new Report()
                .json("rank", rank)
                .json("method", methodName)
                .json("converged", r.converged())
                .json("reason", reason)
                .json("iterations", r.iterations())
                .json("training_rmse", r.trainingRmse())
                .json("validation_rmse", validated ? r.validationRmse() : null)
                .json("seconds", r.seconds())
                .json("rows", rows)
                .json("cols", cols)
                .json("observed", r.observed())
                .json("validation_count", r.validationCount())
                .json("seconds_per_iteration", r.secondsPerIteration())
                .json("lambda", o.lambda())
                .json("tolerance", o.tolerance())
                .json("max_iterations", o.maxIterations())
                .json("validation", o.validationFraction())
                .json("seed", o.seed())
                .json("sketch_rows", r.sketchRows())
                .json("sketch_iterations", r.sketchIterations())
                .json("detail", detail)
                .json("observations", obsFile.toString())
                .json("u", uFile == null ? null : uFile.toString())
                .json("v", vFile == null ? null : vFile.toString())
                .line("observations", Report.source(obsFile) + ", " + rows + "x" + cols + ", " + r.observed() + " observed entries ("
                        + (cells > 0 ? String.format(Locale.ROOT, "%.3g", 100.0 * r.observed() / cells) : "0")
                        + "% of the matrix)")
                .line("method", methodName + (r.sketchRows() > 0 ? " (sketches of " + r.sketchRows() + " rows, at most "
                        + r.sketchIterations() + " preconditioned CG steps per solve)" : " (exact least squares)")
                        + ", rank " + rank + ", λ = " + Report.number(o.lambda()))
                .line("converged", Report.text(r.converged()) + " (" + detail + ")")
                .line("iterations", r.iterations() + " (" + Report.number(r.secondsPerIteration()) + " s each)")
                .line("training RMSE", Report.sci(r.trainingRmse()) + " (on the " + (r.observed() - r.validationCount())
                        + " entries trained on)")
                .line("validation RMSE", validated ? Report.sci(r.validationRmse()) + " (on " + r.validationCount()
                        + " held-out entries)" : Report.NOT_AVAILABLE + " (no --validation)")
                .line("seconds", Report.number(r.seconds()));
        if (output != null) {
            rep.line("written to", uFile + ", " + vFile + " (M ≈ U·Vᵀ" + (r.converged() ? ")" : ", NOT converged)"));
        }
        rep.print(out, common.json);
        if (!r.converged()) {
            return SparrowCli.notConverged(err, "sparrow: alternating minimization (" + methodName + ") did not converge ("
                    + reason.replace('_', ' ') + "): " + detail
                    + (output == null ? "" : "; U and V were written all the same, marked NOT converged"));
        }
        return SparrowCli.EXIT_OK;
    }

    private static MatrixMarketWriteOptions array(String comment) {
        return MatrixMarketWriteOptions.defaults().withFormat(MatrixMarketHeader.Format.ARRAY).withComment(comment);
    }
}
