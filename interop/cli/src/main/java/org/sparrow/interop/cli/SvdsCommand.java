package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
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
 * {@code sparrow svds A --k 6}: the k largest singular triplets of a sparse matrix, scipy's {@code svds}, by
 * {@link Svds#largest} (Golub–Kahan–Lanczos bidiagonalization with thick restarts).
 *
 * <p>The residuals ‖A·v − σ·u‖ and ‖Aᵀ·u − σ·v‖ are recomputed; a triplet converges when both are ≤ tol·σ₁, and the
 * exit code is 3 when some did not. {@code -o PREFIX} writes {@code PREFIX.U.mtx}, {@code PREFIX.S.mtx} and
 * {@code PREFIX.V.mtx} as Matrix Market arrays (as {@code sparrow lowrank} does).
 *
 * <p>JSON keys, in order: {@code method, k, values, residuals} (the larger of the two per triplet)
 * {@code residuals_av, residuals_atu, converged, converged_count, iterations} (restarts) {@code products,
 * tolerance, stop_reason, detail, seconds, rows, cols, nnz, matrix, output}.
 */
@Command(name = "svds", mixinStandardHelpOptions = true,
        description = "The largest singular values and vectors of a sparse matrix (restarted Golub–Kahan–Lanczos).")
final class SvdsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "A", description = "The matrix, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    private Path aFile;

    @Option(names = {"-o", "--output"}, paramLabel = "PREFIX",
            description = "Write PREFIX.U.mtx, PREFIX.S.mtx and PREFIX.V.mtx (Matrix Market arrays).")
    private String output;

    private SvdsOptions options = SvdsOptions.defaults(6);
    private int k = 6;
    private int ncv;

    /** {@code --k}: how many triplets. */
    @Option(names = "--k", paramLabel = "K", description = "How many singular triplets, 1 ≤ K ≤ min(rows, cols) (default: 6).")
    void setK(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--k must be ≥ 1, got " + n);
        }
        k = n;
    }

    /** {@code --tol}: the relative residual tolerance. */
    @Option(names = "--tol", paramLabel = "TOL", description = "Converged when both residuals are ≤ TOL·σ₁, 0 < TOL < 1 (default: 1e-10).")
    void setTol(double t) {
        options = CommonOptions.valid(spec, "--tol", () -> options.withTolerance(t));
    }

    /** {@code --maxit}: the restart limit. */
    @Option(names = "--maxit", paramLabel = "N", description = "Maximum restarts, ≥ 1 (default: 1000).")
    void setMaxit(int n) {
        options = CommonOptions.valid(spec, "--maxit", () -> options.withMaxIterations(n));
    }

    /** {@code --ncv}: the bidiagonalization length. */
    @Option(names = "--ncv", paramLabel = "M", description = "Bidiagonalization length, > K (default: max(2K + 1, 20)).")
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
        Outputs.checkPrefix(spec, output, "three", Outputs.SVD_SUFFIXES);
        if (ncv != 0 && ncv <= k) {
            throw new ParameterException(spec.commandLine(), "--ncv must be > --k = " + k + ", got " + ncv);
        }
        SvdsOptions o = new SvdsOptions(k, options.tolerance(), options.maxIterations(), ncv, options.seed());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        AutoSolver.checkFinite(a, Report.source(aFile));
        int min = Math.min(a.rows(), a.cols());
        if (k > min) {
            throw new ParameterException(spec.commandLine(), "--k must be ≤ min(rows, cols) = " + min + " for "
                    + Report.source(aFile) + ", got " + k);
        }
        SvdsResult r = Svds.largest(a, o);
        if (output != null) {
            String name = Report.sourceFileName(aFile);
            Outputs.svd(output, r.u(), r.values(), r.v(), "left singular vectors (columns) of " + name,
                    "the " + k + " largest singular values of " + name, "right singular vectors (columns) of " + name);
        }
        StringBuilder vs = new StringBuilder();
        StringBuilder rs = new StringBuilder();
        double[] worst = r.maxResiduals();
        for (int c = 0; c < k; c++) {
            vs.append(c > 0 ? " " : "").append(Report.number(r.values()[c]));
            rs.append(c > 0 ? " " : "").append(Report.sci(worst[c]));
        }
        Report rep = new Report()
                .json("method", "golub-kahan")
                .json("k", k)
                .json("values", r.values())
                .json("residuals", worst)
                .json("residuals_av", r.residuals())
                .json("residuals_atu", r.transposeResiduals())
                .json("converged", r.converged())
                .json("converged_count", r.convergedCount())
                .json("iterations", r.iterations())
                .json("products", r.products())
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
                .line("method", "Golub–Kahan–Lanczos bidiagonalization, thick restarts, " + k + " largest")
                .line("singular values", vs.toString())
                .line("residuals", rs.toString() + " (max of ‖Av − σu‖, ‖Aᵀu − σv‖)")
                .line("converged", r.convergedCount() + " of " + k + " (residuals ≤ " + Report.sci(o.tolerance()) + "·σ₁)")
                .line("iterations", r.iterations() + " restarts, " + r.products() + " products with A and Aᵀ")
                .line("seconds", Report.number(r.seconds()));
        if (output != null) {
            rep.line("written to", Outputs.prefixed(output, Outputs.SVD_SUFFIXES));
        }
        rep.print(out, common.json);
        if (!r.allConverged()) {
            return SparrowCli.notConverged(err, "sparrow svds: only " + r.convergedCount() + " of " + k + " singular triplets converged ("
                    + r.detail() + "); raise --maxit or --ncv, or loosen --tol");
        }
        return SparrowCli.EXIT_OK;
    }
}
