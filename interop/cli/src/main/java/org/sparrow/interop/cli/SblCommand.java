package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.core.ops.Checks;
import org.sparrow.solvers.sbl.NoiseVariance;
import org.sparrow.solvers.sbl.Sbl;
import org.sparrow.solvers.sbl.SblMethod;
import org.sparrow.solvers.sbl.SblOptions;
import org.sparrow.solvers.sbl.SblResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow sbl y --factor A₁ --factor A₂ …}: recovers a sparse x from {@code y = (A₁⊗…⊗A_d)·x + n}
 * by sparse Bayesian learning, {@link Sbl#solve} (Kronecker-structured: He &amp; Joseph 2024; or classic
 * SBL on the formed product).
 *
 * <p>Each factor is a Matrix Market file (array or coordinate), {@code M_k × N_k}, finite and not all
 * zero; y is a Matrix Market vector (as {@code solve --rhs} reads it) of length {@code ∏M_k}; x̂ is
 * written ({@code -o}) as a Matrix Market array of length {@code ∏N_k}, indexed as
 * {@link org.sparrow.core.structured.KroneckerOperator} states ({@code kron(A1, kron(A2, A3))} as MATLAB
 * and numpy). The noise variance is known ({@code --noise-variance}), derived from an SNR
 * ({@code --snr}) or estimated ({@code --estimate-noise}, the default); two of them together are a usage
 * error. The method names and their help come from the registry {@link SblMethod} ({@link SblHelp}).
 * Everything computed is the library's: the CLI reads, checks the inputs with their file names, calls
 * {@link Sbl#solve} and prints.
 *
 * <p>JSON keys, in order: {@code method, converged, reason} (as {@code solve}'s: {@code converged},
 * {@code max_iterations}, …), {@code iterations, seconds} (the solve, reading excluded),
 * {@code support_size} (coefficients kept), {@code noise_variance} (used or estimated),
 * {@code relative_residual} (‖y − A·x̂‖/‖y‖, recomputed), {@code rows, cols} (of A = ⊗A_k), {@code factors}
 * (their number d).
 *
 * <p>Exit codes: 0 converged; 3 stopped at the iteration limit (the report and {@code -o} are still
 * written, the reason on stderr); 1 bad input (unreadable file, y of the wrong length, NaN or ±∞, an
 * all-zero factor, {@code classic} on a product too large to form); 2 usage error.
 */
@Command(name = "sbl", mixinStandardHelpOptions = true, resourceBundle = "org.sparrow.interop.cli.SblHelp",
        description = {"Sparse Bayesian learning: recover a sparse x from y = (A1 ⊗ A2 ⊗ …)·x + noise, "
                + "without ever forming the Kronecker product (except --method classic).",
            "x is indexed as kron(A1, kron(A2, …)) in MATLAB and numpy: the last factor's index varies fastest."})
final class SblCommand implements Callable<Integer> {

    /** The library's defaults, which the help quotes. */
    static final SblOptions DEFAULTS = SblOptions.defaults();

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "y",
            description = "The measurement, a Matrix Market vector of length ∏M_k (array, or coordinate n×1); - reads standard input.")
    private Path yFile;

    @Option(names = "--factor", paramLabel = "A", required = true,
            description = "A factor A_k (M_k × N_k), a Matrix Market file (array or coordinate); repeat it, in order, "
                    + "once per factor (at least one).")
    private List<Path> factorFiles;

    @Option(names = {"-o", "--output"}, paramLabel = "x",
            description = "Write x̂ (length ∏N_k) as a Matrix Market array (.mtx, .mtx.gz, or - for stdout).")
    private Path output;

    private SblOptions options = DEFAULTS;

    /** The noise option given first, to refuse a second one by name. */
    private String noiseOption;

    /** {@code --method}: an {@link SblMethod} by its CLI name; the help lists the registry. */
    @Option(names = "--method", paramLabel = "M", descriptionKey = SblHelp.METHOD)
    void setMethod(String m) {
        options = options.withMethod(valid("--method", () -> SblMethod.fromCliName(m)));
    }

    /** {@code --noise-variance}: a known σ², checked by {@link NoiseVariance.Known} (finite, ≥ 0). */
    @Option(names = "--noise-variance", paramLabel = "S",
            description = "The noise variance σ², known (finite, ≥ 0).")
    void setNoiseVariance(double s) {
        setNoise("--noise-variance", () -> new NoiseVariance.Known(s));
    }

    /** {@code --snr}: σ² from a signal-to-noise ratio in dB ({@link NoiseVariance.FromSnr}). */
    @Option(names = "--snr", paramLabel = "DB",
            description = "The signal-to-noise ratio in dB; σ² = ‖y‖²/(M·(1 + 10^(DB/10))).")
    void setSnr(double db) {
        setNoise("--snr", () -> new NoiseVariance.FromSnr(db));
    }

    /** {@code --estimate-noise}: σ² learned with the hyperparameters (the default). */
    @Option(names = "--estimate-noise", description = "Estimate σ² with the hyperparameters (the default).")
    void setEstimateNoise(boolean on) {
        setNoise("--estimate-noise", NoiseVariance.Estimated::new);
    }

    /** {@code --beta}: PC-KroSBL's coupling, checked by {@link SblOptions} (in [0, 1]). */
    @Option(names = "--beta", paramLabel = "β",
            description = "PC-KroSBL's coupling of neighbouring hyperparameters, in [0, 1] (default: 0.8; other methods ignore it).")
    void setBeta(double b) {
        options = valid("--beta", () -> options.withBeta(b));
    }

    /** {@code --max-iterations}: the EM iteration limit, checked by {@link SblOptions} (≥ 1). */
    @Option(names = "--max-iterations", paramLabel = "N", description = "EM iteration limit, ≥ 1 (default: 150).")
    void setMaxIterations(int n) {
        options = valid("--max-iterations", () -> options.withMaxIterations(n));
    }

    /** {@code --tol}: the threshold on ‖Δγ‖/‖γ‖, checked by {@link SblOptions} (finite, &gt; 0). */
    @Option(names = "--tol", paramLabel = "TOL",
            description = "Stop when the hyperparameters change by ‖Δγ‖/‖γ‖ ≤ TOL, finite and > 0 (default: 1e-4).")
    void setTol(double t) {
        options = valid("--tol", () -> options.withTolerance(t));
    }

    private void setNoise(String option, Supplier<NoiseVariance> make) {
        if (noiseOption != null && !noiseOption.equals(option)) {
            throw new ParameterException(spec.commandLine(), noiseOption + " and " + option
                    + " cannot be used together: both set the noise variance; give one of --noise-variance, --snr, "
                    + "--estimate-noise");
        }
        noiseOption = option;
        options = options.withNoise(valid(option, make));
    }

    private <T> T valid(String option, Supplier<T> update) {
        return CommonOptions.valid(spec, option, update);
    }

    @Override
    public Integer call() throws IOException {
        Path[] inputs = new Path[factorFiles.size() + 1];
        String[] labels = new String[inputs.length];
        inputs[0] = yFile;
        labels[0] = "y";
        for (int k = 0; k < factorFiles.size(); k++) {
            inputs[k + 1] = factorFiles.get(k);
            labels[k + 1] = "--factor " + (k + 1);
        }
        CommonOptions.checkOneStdin(spec, labels, inputs);
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX));
        PrintWriter out = Outputs.report(spec, output);
        PrintWriter err = spec.commandLine().getErr();

        List<CsrMatrix> factors = new ArrayList<>();
        for (Path f : factorFiles) {
            factors.add(readFactor(f));
        }
        long rows = 1;
        long cols = 1;
        for (CsrMatrix a : factors) {
            rows = Math.min(rows * a.rows(), 1L << 40); // saturates: still "too large", never overflows
            cols = Math.min(cols * a.cols(), 1L << 40);
        }
        double[] y = MatrixMarket.readVector(yFile);
        if (y.length != rows) {
            throw new IllegalArgumentException(Report.source(yFile) + " has " + y.length + " entries but the factors make A = "
                    + (factors.size() == 1 ? "" : shapes(factors) + " = ") + rows + "x" + cols + ", so y needs " + rows);
        }
        Checks.checkFinite(y, Report.source(yFile) + ": ", "y");

        ProgressBar bar = SparrowCli.of(spec).stderrTerminal()
                ? new ProgressBar(err, options.tolerance(), "‖Δγ‖/‖γ‖") : null;
        SblResult r;
        try {
            r = Sbl.solve(factors, y, options.withListener(bar));
        } finally {
            if (bar != null) {
                bar.close();
            }
        }

        String summary = r.method().displayName() + ", " + (r.converged() ? "converged" : "not converged") + " after "
                + r.iterations() + " iterations, relative residual " + Report.sci(r.relativeResidual());
        if (output != null) {
            Outputs.matrix(spec, output, new DenseMatrix(r.mean().length, 1, r.mean()), MatrixMarketWriteOptions.defaults()
                    .withFormat(MatrixMarketHeader.Format.ARRAY)
                    .withComment("x from sparrow sbl " + Report.sourceFileName(yFile) + " with factors " + fileNames() + " ("
                            + summary + ")"));
        }
        String reason = r.reason().name().toLowerCase(Locale.ROOT);
        Report rep = new Report()
                .json("method", r.method().cliName())
                .json("converged", r.converged())
                .json("reason", reason)
                .json("iterations", r.iterations())
                .json("seconds", r.seconds())
                .json("support_size", r.support().length)
                .json("noise_variance", r.noiseVariance())
                .json("relative_residual", r.relativeResidual())
                .json("rows", rows)
                .json("cols", cols)
                .json("factors", factors.size())
                .line("measurement", Report.source(yFile) + ", " + y.length + " entries")
                .line("factors", factorLines(factors) + " (A is " + rows + "x" + cols
                        + (r.method() == SblMethod.CLASSIC ? ", formed densely" : ", never formed") + ")")
                .line("method", r.method().displayName() + " (" + r.method().cliName() + ")")
                .line("converged", Report.text(r.converged()) + " (" + (r.detail() == null || r.detail().isEmpty()
                        ? reason.replace('_', ' ') : r.detail()) + ")")
                .line("iterations", Integer.toString(r.iterations()))
                .line("support size", r.support().length + " of " + cols + " coefficients")
                .line("noise variance", Report.number(r.noiseVariance()) + " (" + noiseSource() + ")")
                .line("relative residual", Report.sci(r.relativeResidual()) + " (‖y − A·x̂‖/‖y‖, recomputed from x̂)")
                .line("seconds", Report.number(r.seconds()));
        if (output != null) {
            rep.line("x written to", Outputs.name(output));
        }
        rep.print(out, common.json);
        if (!r.converged()) {
            return SparrowCli.notConverged(err, "sparrow: " + r.method().displayName() + " did not converge (" + reason.replace('_', ' ') + ")"
                    + (r.detail() == null || r.detail().isEmpty() ? "" : ": " + r.detail()));
        }
        return SparrowCli.EXIT_OK;
    }

    /**
     * A factor: read as CSR (an array file keeps its explicit zeros, which cost nothing here), every
     * value finite, at least one nonzero — each refusal one sentence naming the file.
     */
    private static CsrMatrix readFactor(Path file) throws IOException {
        CsrMatrix a = MatrixMarket.readCsr(file);
        Checks.checkFinite(a, Report.source(file) + ": ", "A");
        for (double v : a.values()) {
            if (v != 0.0) {
                return a;
            }
        }
        throw new IllegalArgumentException(Report.source(file) + ": the factor (" + a.rows() + "x" + a.cols()
                + ") has no nonzero entry, so A·x = 0 for every x and nothing can be recovered");
    }

    private String noiseSource() {
        return switch (options.noise()) {
            case NoiseVariance.Known k -> "known, --noise-variance";
            case NoiseVariance.FromSnr s -> "from --snr " + Report.number(s.decibels()) + " dB";
            case NoiseVariance.Estimated e -> "estimated";
        };
    }

    /** "a1.mtx (8x15) ⊗ a2.mtx (12x15)". */
    private String factorLines(List<CsrMatrix> factors) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < factors.size(); k++) {
            CsrMatrix a = factors.get(k);
            s.append(k == 0 ? "" : " ⊗ ").append(Report.source(factorFiles.get(k))).append(" (").append(a.rows()).append('x')
                    .append(a.cols()).append(')');
        }
        return s.toString();
    }

    private String fileNames() {
        StringBuilder s = new StringBuilder();
        for (Path f : factorFiles) {
            s.append(s.isEmpty() ? "" : ", ").append(Report.sourceFileName(f));
        }
        return s.toString();
    }

    /** "2x3 ⊗ 5x4". */
    private static String shapes(List<CsrMatrix> factors) {
        StringBuilder s = new StringBuilder();
        for (CsrMatrix a : factors) {
            s.append(s.isEmpty() ? "" : " ⊗ ").append(a.rows()).append('x').append(a.cols());
        }
        return s.toString();
    }
}
