package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.solvers.eigen.EigenOptions;
import org.sparrow.solvers.eigen.EigenResult;
import org.sparrow.solvers.eigen.Eigs;
import org.sparrow.solvers.eigen.Which;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow eigs A --k 6}: a few eigenpairs of a sparse matrix, scipy's {@code eigsh}/{@code eigs}, by
 * {@link Eigs#symmetric} or {@link Eigs#nonsymmetric} (Krylov–Schur; shift-invert for {@code --which nearest}).
 *
 * <p>{@code --symmetric auto} (the default) uses the symmetric solver when A equals Aᵀ to a relative 1e-12 per
 * entry pair, {@code yes} insists (a nonsymmetric A is then an error naming the entry), {@code no} uses the
 * nonsymmetric one. {@code --sigma S} alone means {@code --which nearest}. The exit code is 3 when some pair did not
 * converge (the residuals ‖A·v − λ·v‖ are recomputed; a pair converges when its residual is ≤ tol·‖A‖).
 * {@code -o PREFIX} writes {@code PREFIX.values.mtx} (k × 1; k × 2 with the imaginary parts for a nonsymmetric
 * solve) and {@code PREFIX.vectors.mtx} (n × k; and {@code PREFIX.vectors_imag.mtx} for a nonsymmetric solve) as
 * Matrix Market arrays.
 *
 * <p>JSON keys, in order: {@code method, which, sigma, symmetric, k, values, imaginary} (null for a symmetric solve)
 * {@code residuals, converged} (one boolean per pair) {@code converged_count, iterations} (restarts)
 * {@code products, norm_estimate, tolerance, stop_reason, detail, seconds, rows, cols, nnz, matrix, output}.
 */
@Command(name = "eigs", mixinStandardHelpOptions = true,
        description = "A few eigenvalues and eigenvectors of a sparse matrix (Krylov–Schur / thick-restart Lanczos, shift-invert).")
final class EigsCommand implements Callable<Integer> {

    /** The {@code --symmetric} choices. */
    enum SymmetricChoice { AUTO, YES, NO }

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "A", description = "The square matrix, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    private Path aFile;

    @Option(names = {"-o", "--output"}, paramLabel = "PREFIX",
            description = "Write PREFIX.values.mtx and PREFIX.vectors.mtx (Matrix Market arrays).")
    private String output;

    private EigenOptions options = EigenOptions.defaults(6);
    private int k = 6;
    private int ncv;
    private Which which;
    private Double sigma;
    private SymmetricChoice symmetric = SymmetricChoice.AUTO;

    /** {@code --k}: how many eigenpairs. */
    @Option(names = "--k", paramLabel = "K", description = "How many eigenpairs, 1 ≤ K ≤ n (default: 6).")
    void setK(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--k must be ≥ 1, got " + n);
        }
        k = n;
    }

    /** {@code --which}: largest, smallest, magnitude or nearest. */
    @Option(names = "--which", paramLabel = "W",
            description = "largest (default; the largest real part if nonsymmetric), smallest, magnitude (largest |λ|) "
                    + "or nearest (to --sigma, by shift-invert).")
    void setWhich(String w) {
        which = CommonOptions.valid(spec, "--which", () -> Which.parse(w));
    }

    /** {@code --sigma}: the shift of {@code --which nearest}. */
    @Option(names = "--sigma", paramLabel = "S", description = "The shift σ: the eigenvalues nearest σ (implies --which nearest).")
    void setSigma(double s) {
        if (!Double.isFinite(s)) {
            throw new ParameterException(spec.commandLine(), "--sigma must be finite, got " + s);
        }
        sigma = s;
    }

    /** {@code --symmetric}: auto, yes or no. */
    @Option(names = "--symmetric", paramLabel = "auto|yes|no",
            description = "Use the symmetric solver: auto (default: when A = Aᵀ), yes or no.")
    void setSymmetric(String s) {
        symmetric = switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> SymmetricChoice.AUTO;
            case "yes" -> SymmetricChoice.YES;
            case "no" -> SymmetricChoice.NO;
            default -> throw new ParameterException(spec.commandLine(), "--symmetric must be auto, yes or no, got '" + s + "'");
        };
    }

    /** {@code --tol}: the relative residual tolerance. */
    @Option(names = "--tol", paramLabel = "TOL", description = "Converged when ‖A·v − λ·v‖ ≤ TOL·‖A‖, 0 < TOL < 1 (default: 1e-10).")
    void setTol(double t) {
        options = CommonOptions.valid(spec, "--tol", () -> options.withTolerance(t));
    }

    /** {@code --maxit}: the restart limit. */
    @Option(names = "--maxit", paramLabel = "N", description = "Maximum restarts, ≥ 1 (default: 1000).")
    void setMaxit(int n) {
        options = CommonOptions.valid(spec, "--maxit", () -> options.withMaxIterations(n));
    }

    /** {@code --ncv}: the Krylov subspace dimension. */
    @Option(names = "--ncv", paramLabel = "M", description = "Krylov subspace dimension, > K (default: max(2K + 1, 20)).")
    void setNcv(int m) {
        if (m < 2) {
            throw new ParameterException(spec.commandLine(), "--ncv must be ≥ 2, got " + m);
        }
        ncv = m;
    }

    /** {@code --seed}: the seed of the start vector. */
    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random start vector (default: 42).")
    void setSeed(long s) {
        options = options.withSeed(s);
    }

    @Override
    public Integer call() throws IOException {
        Outputs.checkPrefix(spec, output, "two", ".values.mtx", ".vectors.mtx");
        Which w = which != null ? which : sigma != null ? Which.NEAREST : Which.LARGEST;
        if (w == Which.NEAREST && sigma == null) {
            throw new ParameterException(spec.commandLine(), "--which nearest needs --sigma S, the shift");
        }
        if (w != Which.NEAREST && sigma != null) {
            throw new ParameterException(spec.commandLine(), "--sigma goes with --which nearest, not --which " + w.cliName());
        }
        if (ncv != 0 && ncv <= k) {
            throw new ParameterException(spec.commandLine(), "--ncv must be > --k = " + k + ", got " + ncv);
        }
        EigenOptions base = options.withK(k).withSubspace(ncv);
        EigenOptions o = w == Which.NEAREST ? base.withSigma(sigma) : base.withWhich(w);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        AutoSolver.checkFinite(a, Report.source(aFile));
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException(Report.source(aFile) + " is " + a.rows() + "×" + a.cols()
                    + ": eigenvalues need a square matrix (use sparrow svds for singular values)");
        }
        if (o.k() > a.rows()) {
            throw new ParameterException(spec.commandLine(), "--k must be ≤ n = " + a.rows() + " (the order of A), got " + o.k());
        }
        boolean sym = switch (symmetric) {
            case YES -> true;
            case NO -> false;
            case AUTO -> Eigs.isSymmetric(a);
        };
        EigenResult r;
        try {
            r = sym ? Eigs.symmetric(a, o) : Eigs.nonsymmetric(a, o);
        } catch (IllegalArgumentException e) {
            String hint = sym && symmetric == SymmetricChoice.YES && !Eigs.isSymmetric(a) ? " (--symmetric no takes it)" : "";
            throw new IllegalArgumentException(Report.source(aFile) + ": " + e.getMessage() + hint, e);
        }
        boolean complex = false;
        for (double im : r.imaginary()) {
            complex |= im != 0;
        }
        if (output != null) {
            String name = Report.sourceFileName(aFile);
            double[] vals = sym ? r.values() : interleave(r.values(), r.imaginary());
            Outputs.array(new DenseMatrix(k, sym ? 1 : 2, vals), Path.of(output + ".values.mtx"),
                    "eigenvalues" + (sym ? "" : " (real, imaginary)") + " of " + name);
            Outputs.array(r.vectors(), Path.of(output + ".vectors.mtx"), "unit eigenvectors (columns) of " + name);
            if (!sym) {
                Outputs.array(r.imaginaryVectors(), Path.of(output + ".vectors_imag.mtx"), "imaginary parts of the eigenvectors of " + name);
            }
        }
        StringBuilder vs = new StringBuilder();
        StringBuilder rs = new StringBuilder();
        for (int c = 0; c < k; c++) {
            vs.append(c > 0 ? " " : "").append(Report.number(r.values()[c]));
            if (r.imaginary()[c] != 0) {
                vs.append(r.imaginary()[c] > 0 ? "+" : "-").append(Report.number(Math.abs(r.imaginary()[c]))).append("i");
            }
            rs.append(c > 0 ? " " : "").append(Report.sci(r.residuals()[c]));
        }
        String target = w == Which.NEAREST ? "nearest σ = " + Report.number(o.sigma()) + " (shift-invert)" : w.cliName();
        Report rep = new Report()
                .json("method", r.method().displayName())
                .json("which", w.cliName())
                .json("sigma", w == Which.NEAREST ? o.sigma() : null)
                .json("symmetric", sym)
                .json("k", k)
                .json("values", r.values())
                .json("imaginary", sym ? null : r.imaginary())
                .json("residuals", r.residuals())
                .json("converged", r.converged())
                .json("converged_count", r.convergedCount())
                .json("iterations", r.iterations())
                .json("products", r.products())
                .json("norm_estimate", r.normEstimate())
                .json("tolerance", o.tolerance())
                .json("stop_reason", r.stopReason().name().toLowerCase(java.util.Locale.ROOT))
                .json("detail", r.detail().isEmpty() ? null : r.detail())
                .json("seconds", r.seconds())
                .json("rows", a.rows())
                .json("cols", a.cols())
                .json("nnz", a.nnz())
                .json("matrix", aFile.toString())
                .json("output", output)
                .line("matrix", aFile + ", " + a.rows() + "x" + a.cols() + ", " + a.nnz() + " nonzeros")
                .line("method", r.method().displayName() + (sym ? " (symmetric Krylov–Schur)" : " (nonsymmetric Krylov–Schur)")
                        + ", " + k + " " + target)
                .line("eigenvalues", vs.toString() + (complex ? " (complex pairs as a±bi)" : ""))
                .line("residuals ‖Av − λv‖", rs.toString())
                .line("converged", r.convergedCount() + " of " + k + " (residual ≤ " + Report.sci(o.tolerance()) + "·‖A‖, ‖A‖ ≈ "
                        + Report.number(r.normEstimate()) + ")")
                .line("iterations", r.iterations() + " restarts, " + r.products() + " operator applications")
                .line("seconds", Report.number(r.seconds()));
        if (output != null) {
            rep.line("written to", output + ".values.mtx, " + output + ".vectors.mtx" + (sym ? "" : ", " + output + ".vectors_imag.mtx"));
        }
        rep.print(out, common.json);
        if (!r.allConverged()) {
            return SparrowCli.notConverged(err, "sparrow eigs: only " + r.convergedCount() + " of " + k + " eigenpairs converged ("
                    + r.detail() + "); raise --maxit or --ncv, or loosen --tol");
        }
        return SparrowCli.EXIT_OK;
    }

    private static double[] interleave(double[] re, double[] im) {
        double[] d = new double[2 * re.length];
        for (int i = 0; i < re.length; i++) {
            d[2 * i] = re[i];
            d[2 * i + 1] = im[i];
        }
        return d;
    }

}
