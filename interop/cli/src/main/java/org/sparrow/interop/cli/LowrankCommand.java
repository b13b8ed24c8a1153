package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.lowrank.LowRankApproximation;
import org.sparrow.sketching.lowrank.RandomizedSvd;
import org.sparrow.sketching.lowrank.RandomizedSvdOptions;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.solvers.eigen.Svds;
import org.sparrow.solvers.eigen.SvdsOptions;
import org.sparrow.solvers.eigen.SvdsResult;
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
 * <p>Prints the k singular values; how far each is certified (every σ̃_i within η_i of a singular value of A, by
 * the residual bound; their maximum relative to σ̃_k against the tolerance); the spectral-norm error ‖A − U·Σ·Vᵀ‖₂
 * bracketed by the two a-posteriori figures that come with the approximation (a power-method lower estimate,
 * usually close, and the probabilistic upper bound of Halko–Martinsson–Tropp §4.3, loose for slowly decaying
 * spectra), the lower one relative to σ₁, and the time. When the result is not trustworthy
 * ({@link LowRankApproximation#trustworthy()}: the certificate is above the tolerance, or the residual proves σ̃₁
 * too low) one {@code warning:} line on stderr says why and what to do, in text and JSON mode alike.
 * {@code --adaptive} raises the power iterations until the tolerance is met or {@code --max-power-iterations} is
 * reached. {@code -o PREFIX} writes U, σ and V as Matrix Market arrays {@code PREFIX.U.mtx}, {@code PREFIX.S.mtx}
 * and {@code PREFIX.V.mtx}.
 *
 * <p>{@code --method exact} computes the k (and, when k &lt; min(rows, cols), the (k+1)-th) largest singular triplets
 * by {@link Svds#largest} instead — Golub–Kahan–Lanczos, each triplet's residuals ‖A·v − σ·u‖, ‖Aᵀ·u − σ·v‖
 * recomputed and ≤ 1e-10·σ₁ — so the error ‖A − U·Σ·Vᵀ‖₂ is σ_{k+1} itself (Eckart–Young), not an estimate;
 * the randomized options ({@code --oversampling}, {@code --power-iterations}, {@code --sketch},
 * {@code --tolerance}, {@code --adaptive}, {@code --max-power-iterations}) are then a usage error. Its JSON keys:
 * {@code rank, method, singular_values, residuals, converged, iterations, error_estimate} (σ_{k+1}, 0 when
 * k = min(rows, cols)) {@code relative_error, next_singular_value, trustworthy, seconds, rows, cols, nnz, matrix,
 * output}; the exit code is 3 when a triplet did not converge.
 *
 * <p>Every option is checked by {@link RandomizedSvdOptions} (nothing is clamped); a value it refuses, or a rank
 * above min(rows, cols) of the matrix, is a usage error naming the option and its allowed range.
 *
 * <p>JSON keys, in order: {@code rank, oversampling, sampled_columns, power_iterations} (used) {@code adaptive,
 * max_power_iterations, tolerance, sketch, seed, singular_values, singular_value_errors} (η_i)
 * {@code relative_singular_value_error} (max η_i / σ̃_k) {@code tolerance_met, trustworthy, warning} (null when
 * trustworthy) {@code error_lower_bound, error_upper_bound, error_estimate} (= error_upper_bound, the printed upper
 * figure) {@code projection_error_estimate} (the §4.3 figure E) {@code next_singular_value, relative_error, seconds,
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

    /** Every option but the output; the rank is replaced by {@code --rank}, which is required. */
    private RandomizedSvdOptions options = RandomizedSvdOptions.defaults(1);

    @Option(names = {"-o", "--output"}, paramLabel = "PREFIX",
            description = "Write PREFIX.U.mtx, PREFIX.S.mtx and PREFIX.V.mtx (Matrix Market arrays).")
    private String output;

    /** The method of {@code --method}: randomized (the default) or exact. */
    private boolean exact;

    /** The first randomized-only option given, for the usage error of {@code --method exact}. */
    private String randomizedOption;

    /** {@code --method}: randomized or exact. */
    @Option(names = "--method", paramLabel = "M",
            description = "randomized (default: the randomized SVD) or exact (the k largest singular triplets by svds, "
                    + "Golub–Kahan–Lanczos).")
    void setMethod(String m) {
        exact = switch (m == null ? "" : m.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "randomized" -> false;
            case "exact" -> true;
            default -> throw new ParameterException(spec.commandLine(), "--method must be randomized or exact, got '" + m + "'");
        };
    }

    /** {@code --rank}: the target rank k. */
    @Option(names = "--rank", paramLabel = "k", required = true,
            description = "The rank k, 1 ≤ k ≤ min(rows, cols).")
    void setRank(int k) {
        options = check(() -> options.withRank(k), "--rank", "rank");
    }

    /** {@code --oversampling}: the extra sketch columns p. */
    @Option(names = "--oversampling", paramLabel = "p",
            description = "Extra sketch columns p, 0 ≤ p ≤ " + RandomizedSvdOptions.MAX_OVERSAMPLING + " (default: 10).")
    void setOversampling(int p) {
        randomizedOption = randomizedOption == null ? "--oversampling" : randomizedOption;
        options = check(() -> options.withOversampling(p), "--oversampling", "oversampling");
    }

    /** {@code --power-iterations}: q (the starting q with {@code --adaptive}). */
    @Option(names = "--power-iterations", paramLabel = "q",
            description = "Power iterations q, 0 ≤ q ≤ " + RandomizedSvdOptions.MAX_POWER_ITERATIONS
                    + ", for slowly decaying spectra (default: 2; with --adaptive, the number to start from).")
    void setPowerIterations(int q) {
        randomizedOption = randomizedOption == null ? "--power-iterations" : randomizedOption;
        options = check(() -> options.withPowerIterations(q), "--power-iterations", "power iterations");
    }

    /** {@code --seed}: the seed of Ω. */
    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random test matrix (default: 42).")
    void setSeed(long s) {
        options = options.withSeed(s);
    }

    /** {@code --sketch}: the family of the random test matrix. */
    @Option(names = "--sketch", paramLabel = "S",
            description = "Random test matrix: gaussian (default), rademacher, srht, countsketch or osnap.")
    void setSketch(String s) {
        randomizedOption = randomizedOption == null ? "--sketch" : randomizedOption;
        options = check(() -> options.withSketch(SketchKind.parse(s)), "--sketch", "sketch");
    }

    /** {@code --tolerance}: τ, the trust threshold and the adaptive target. */
    @Option(names = "--tolerance", paramLabel = "TOL",
            description = "Certify every singular value within TOL·σ_k, 0 < TOL < 1; warn when not met "
                    + "(default: " + RandomizedSvdOptions.DEFAULT_TOLERANCE + ").")
    void setTolerance(double t) {
        randomizedOption = randomizedOption == null ? "--tolerance" : randomizedOption;
        options = check(() -> options.withTolerance(t), "--tolerance", "tolerance");
    }

    /** {@code --adaptive}: raise q until the tolerance is met or the cap is reached. */
    @Option(names = "--adaptive",
            description = "Raise the power iterations one at a time until the tolerance is met, or "
                    + "--max-power-iterations is reached.")
    void setAdaptive(boolean on) {
        randomizedOption = randomizedOption == null ? "--adaptive" : randomizedOption;
        options = options.withAdaptive(on);
    }

    /** {@code --max-power-iterations}: the cap of the adaptive mode. */
    @Option(names = "--max-power-iterations", paramLabel = "N",
            description = "The cap of --adaptive, 0 ≤ N ≤ " + RandomizedSvdOptions.MAX_POWER_ITERATIONS + " (default: "
                    + RandomizedSvdOptions.DEFAULT_MAX_POWER_ITERATIONS + ").")
    void setMaxPowerIterations(int n) {
        randomizedOption = randomizedOption == null ? "--max-power-iterations" : randomizedOption;
        options = check(() -> options.withMaxPowerIterations(n), "--max-power-iterations", "max power iterations");
    }

    /**
     * Runs an option update; a value the options record refuses is a usage error naming the option:
     * "FIELD must …" becomes "OPTION must …", any other message is prefixed with "OPTION: ".
     */
    private RandomizedSvdOptions check(Supplier<RandomizedSvdOptions> update, String option, String field) {
        try {
            return update.get();
        } catch (IllegalArgumentException e) {
            throw usage(e, option, field);
        }
    }

    /** The usage error for a value the options record refused, naming the option (see {@link #check}). */
    private ParameterException usage(IllegalArgumentException e, String option, String field) {
        String m = e.getMessage() == null ? "invalid value" : e.getMessage();
        return new ParameterException(spec.commandLine(),
                m.startsWith(field + " must ") ? option + m.substring(field.length()) : option + ": " + m);
    }

    @Override
    public Integer call() throws IOException {
        Outputs.checkPrefix(spec, output, "three", Outputs.SVD_SUFFIXES);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (exact && randomizedOption != null) {
            throw new ParameterException(spec.commandLine(), randomizedOption + " applies to --method randomized, not exact");
        }
        int rank = options.rank();
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        AutoSolver.checkFinite(a, aFile.toString());
        try {
            options.checkFor(a.rows(), a.cols());
        } catch (IllegalArgumentException e) {
            throw usage(e, "--rank", "rank");
        }
        if (exact) {
            return exact(a, rank, out, err);
        }
        LowRankApproximation r = RandomizedSvd.compute(a, options);
        double sigma1 = r.singularValues().length > 0 ? r.singularValues()[0] : 0.0;
        double lower = r.errorLowerBound();
        double upper = r.errorUpperBound();
        double relative = sigma1 > 0 ? lower / sigma1 : Double.NaN;
        String warning = r.trustworthy() ? null : r.trustProblem() + "; " + remedy(r);
        if (warning != null) {
            err.println("sparrow lowrank: warning: " + warning);
            err.flush();
        }
        if (output != null) {
            String name = aFile.getFileName().toString();
            Outputs.svd(output, r.u(), r.singularValues(), r.v(), "U of the rank-" + rank + " randomized SVD of " + name,
                    "singular values, rank " + rank + ", " + name, "V of the rank-" + rank + " randomized SVD of " + name);
        }
        StringBuilder sv = new StringBuilder();
        for (double s : r.singularValues()) {
            sv.append(sv.isEmpty() ? "" : " ").append(Report.number(s));
        }
        int k = r.rank();
        String iterations = r.powerIterations() + " power iterations";
        if (r.adaptive()) {
            iterations += r.toleranceMet() ? " (adaptive: the first to meet the tolerance)"
                    : " (adaptive: the cap, tolerance not met)";
        }
        Report rep = new Report()
                .json("rank", k)
                .json("oversampling", options.oversampling())
                .json("sampled_columns", r.sampledColumns())
                .json("power_iterations", r.powerIterations())
                .json("adaptive", r.adaptive())
                .json("max_power_iterations", options.adaptive() ? options.maxPowerIterations() : null)
                .json("tolerance", r.tolerance())
                .json("sketch", options.sketch().cliName())
                .json("seed", options.seed())
                .json("singular_values", r.singularValues())
                .json("singular_value_errors", r.singularValueErrors())
                .json("relative_singular_value_error", r.relativeSingularValueError())
                .json("tolerance_met", r.toleranceMet())
                .json("trustworthy", r.trustworthy())
                .json("warning", warning)
                .json("error_lower_bound", lower)
                .json("error_upper_bound", upper)
                .json("error_estimate", upper)
                .json("projection_error_estimate", r.errorEstimate())
                .json("next_singular_value", r.nextSingularValue())
                .json("relative_error", relative)
                .json("seconds", r.seconds())
                .json("rows", a.rows())
                .json("cols", a.cols())
                .json("nnz", a.nnz())
                .json("matrix", aFile.toString())
                .json("output", output)
                .line("matrix", aFile + ", " + a.rows() + "x" + a.cols() + ", " + a.nnz() + " nonzeros")
                .line("method", "randomized SVD, rank " + k + ", oversampling " + options.oversampling() + " ("
                        + r.sampledColumns() + " sampled columns), " + iterations + ", " + options.sketch().cliName()
                        + " test matrix, seed " + options.seed())
                .line("singular values", sv.toString())
                .line("certified to", "each σ̃_i within " + Report.number(r.relativeSingularValueError())
                        + "·σ̃_k of a singular value of A (residual bound), tolerance " + Report.number(r.tolerance())
                        + (r.trustworthy() ? ": trustworthy" : ": NOT trustworthy (see the warning)"))
                .line("error ‖A − UΣVᵀ‖₂", "≥ " + Report.number(lower) + " (power-method estimate, usually close), ≤ "
                        + Report.number(upper) + " (HMT §4.3 estimate " + Report.number(r.errorEstimate())
                        + " + σ̃_k+1 " + Report.number(Double.isNaN(r.nextSingularValue()) ? 0.0 : r.nextSingularValue())
                        + ", probability ≥ 1 − 1e-" + r.testVectors() + ")")
                .line("relative to σ₁", Report.number(relative) + " (the lower figure)")
                .line("seconds", Report.number(r.seconds()));
        if (output != null) {
            rep.line("written to", Outputs.prefixed(output, Outputs.SVD_SUFFIXES));
        }
        rep.print(out, common.json);
        return SparrowCli.EXIT_OK;
    }

    /** {@code --method exact}: the k (+1) largest singular triplets by svds; the error is σ_{k+1}. */
    private int exact(CsrMatrix a, int rank, PrintWriter out, PrintWriter err) throws IOException {
        int min = Math.min(a.rows(), a.cols());
        int asked = Math.min(rank + 1, min);
        SvdsResult r = Svds.largest(a, SvdsOptions.defaults(asked).withSeed(options.seed()));
        double[] s = java.util.Arrays.copyOf(r.values(), rank);
        double next = asked > rank ? r.values()[rank] : 0.0;
        double sigma1 = s[0];
        double relative = sigma1 > 0 ? next / sigma1 : Double.NaN;
        if (output != null) {
            String name = aFile.getFileName().toString();
            Outputs.svd(output, columns(r.u(), rank), s, columns(r.v(), rank),
                    "U of the rank-" + rank + " truncated SVD (svds) of " + name, "singular values, rank " + rank + ", " + name,
                    "V of the rank-" + rank + " truncated SVD (svds) of " + name);
        }
        StringBuilder sv = new StringBuilder();
        for (double x : s) {
            sv.append(sv.isEmpty() ? "" : " ").append(Report.number(x));
        }
        Report rep = new Report()
                .json("rank", rank)
                .json("method", "exact")
                .json("singular_values", s)
                .json("residuals", r.maxResiduals())
                .json("converged", r.converged())
                .json("iterations", r.iterations())
                .json("error_estimate", next)
                .json("relative_error", relative)
                .json("next_singular_value", asked > rank ? next : null)
                .json("trustworthy", r.allConverged())
                .json("seconds", r.seconds())
                .json("rows", a.rows())
                .json("cols", a.cols())
                .json("nnz", a.nnz())
                .json("matrix", aFile.toString())
                .json("output", output)
                .line("matrix", aFile + ", " + a.rows() + "x" + a.cols() + ", " + a.nnz() + " nonzeros")
                .line("method", "exact truncated SVD, rank " + rank + " (svds: Golub–Kahan–Lanczos, " + asked
                        + " triplets, " + r.iterations() + " restarts)")
                .line("singular values", sv.toString())
                .line("converged", r.convergedCount() + " of " + asked + " triplets (residuals ≤ 1e-10·σ₁)")
                .line("error ‖A − UΣVᵀ‖₂", Report.number(next) + " (σ_" + (rank + 1) + ", Eckart–Young)")
                .line("relative to σ₁", Report.number(relative))
                .line("seconds", Report.number(r.seconds()));
        if (output != null) {
            rep.line("written to", Outputs.prefixed(output, Outputs.SVD_SUFFIXES));
        }
        rep.print(out, common.json);
        if (!r.allConverged()) {
            return SparrowCli.notConverged(err, "sparrow lowrank: only " + r.convergedCount() + " of " + asked + " singular triplets converged ("
                    + r.detail() + ")");
        }
        return SparrowCli.EXIT_OK;
    }

    /** The first k columns of m. */
    private static DenseMatrix columns(DenseMatrix m, int k) {
        double[] d = new double[m.rows() * k];
        for (int i = 0; i < m.rows(); i++) {
            System.arraycopy(m.data(), i * m.cols(), d, i * k, k);
        }
        return new DenseMatrix(m.rows(), k, d);
    }

    /** What to do about an untrustworthy result, in this command's options. */
    private String remedy(LowRankApproximation r) {
        if (!r.adaptive()) {
            return "rerun with --adaptive (or more --power-iterations)";
        }
        return r.powerIterations() < RandomizedSvdOptions.MAX_POWER_ITERATIONS
                ? "raise --max-power-iterations, --oversampling or --tolerance"
                : "raise --oversampling or --tolerance";
    }

}
