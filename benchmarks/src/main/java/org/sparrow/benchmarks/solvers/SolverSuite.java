package org.sparrow.benchmarks.solvers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Spmv;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;

/**
 * The solver part of the benchmark suite: Sparrow's Krylov solvers against MTJ, Commons Math and
 * scipy.sparse.linalg on the same matrices, right-hand side, tolerance and preconditioner, in one run.
 *
 * <p>For every matrix (SPD, nonsymmetric and rectangular ones from the shared collection), b = A·1,
 * x₀ = 0, relative tolerance {@value #TOL}, at most {@value #MAXIT} iterations, GMRES restart
 * {@value #RESTART}. Per method and preconditioner:
 * <ul>
 *   <li>Sparrow through {@link AutoSolver#solve} (the call {@code sparrow solve} makes), on the default
 *       thread count T and — when the matrix is large enough for the threaded SpMV,
 *       nnz ≥ {@link Spmv#PARALLEL_MIN_NNZ} — on 1 thread;</li>
 *   <li>MTJ 1.0.4 CG, BiCGstab and GMRES with no preconditioner, Jacobi, ILU(0) or IC(0), and Commons
 *       Math 3.6.1 ConjugateGradient with no preconditioner or Jacobi, on a CSR operator because its own
 *       sparse matrix multiplies in O(n²) ({@link SolverPeers});</li>
 *   <li>scipy's cg, bicgstab, gmres, minres and lsqr with no preconditioner or Jacobi
 *       ({@code solvers_scipy.py}; scipy has no ILU(0)/IC(0)), for iteration counts (and its time, which
 *       is Python's).</li>
 * </ul>
 * Times include the preconditioner's set-up for everyone (what a user waits for). A solve runs once
 * cold, then is repeated as warm-up (at least 3 runs and 0.5 s; quick: 1 run), then timed
 * {@value #RUNS} times (quick: 3), median reported; a solve whose cold run takes longer than
 * {@value #CAP_SECONDS} s (quick: 1 s) is timed once. The true relative residual ‖b − A·x‖/‖b‖ of every
 * implementation's x is recomputed here by one plain loop over A, so the columns compare like with like.
 *
 * <p>Output in the results folder (first argument, default {@code benchmarks/results/solvers}):
 * {@code solvers.csv} (one row per matrix × method × preconditioner × implementation) and
 * {@code solvers.md} (the report: iterations against scipy, time against MTJ and Commons Math, the
 * goals of issue 5 as measured, and every solve that did not converge).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.sparrow.benchmarks.solvers.SolverSuite
 * [RESULTS_DIR] [--quick] [--no-scipy]}
 */
public final class SolverSuite {

    static final double TOL = 1e-8;
    static final int MAXIT = 10_000;
    static final int RESTART = 50;
    static final int RUNS = 7;
    static final double CAP_SECONDS = 3.0;

    /** A matrix of the shared collection and what kind it is. */
    record Case(String file, String kind) {
        String name() {
            String n = Path.of(file).getFileName().toString();
            return n.replace(".mtx.gz", "").replace(".mtx", "");
        }
    }

    static final List<Case> FULL = List.of(
            new Case("small/1138_bus.mtx", "spd"),
            new Case("small/bcsstk08.mtx", "spd"),
            new Case("small/nos3.mtx", "spd"),
            new Case("medium/bcsstk15.mtx.gz", "spd"),
            new Case("medium/Dubcova1.mtx.gz", "spd"),
            new Case("small/orsirr_1.mtx", "nonsymmetric"),
            new Case("small/sherman5.mtx", "nonsymmetric"),
            new Case("small/2dcyl1.mtx", "nonsymmetric"),
            new Case("small/cage8.mtx", "nonsymmetric"),
            new Case("small/illc1033.mtx", "rectangular"),
            new Case("small/well1033.mtx", "rectangular"));

    static final List<Case> QUICK = List.of(
            new Case("small/1138_bus.mtx", "spd"),
            new Case("medium/bcsstk15.mtx.gz", "spd"),
            new Case("small/orsirr_1.mtx", "nonsymmetric"),
            new Case("small/sherman5.mtx", "nonsymmetric"),
            new Case("small/well1033.mtx", "rectangular"));

    /** The (method, preconditioner) pairs run on each kind of matrix. */
    static List<String[]> combos(String kind) {
        return switch (kind) {
            case "spd" -> List.of(new String[] {"cg", "none"}, new String[] {"cg", "jacobi"}, new String[] {"cg", "ic0"},
                    new String[] {"minres", "none"}, new String[] {"minres", "jacobi"});
            case "nonsymmetric" -> List.of(new String[] {"bicgstab", "none"}, new String[] {"bicgstab", "jacobi"},
                    new String[] {"bicgstab", "ilu0"}, new String[] {"gmres", "none"}, new String[] {"gmres", "jacobi"},
                    new String[] {"gmres", "ilu0"});
            case "rectangular" -> List.of(new String[] {"lsqr", "none"}, new String[] {"lsmr", "none"});
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** One measured solve. */
    record Row(Case c, int rows, int cols, int nnz, String method, String precond, String impl, int iterations,
               boolean converged, double trueRelativeResidual, double medianMs, double minMs, int runs, String note) {
    }

    /** What the suite accepts. */
    static final Args.Spec ARGS = Args.spec("SolverSuite", "usage: SolverSuite [RESULTS_DIR] [--quick] [--no-scipy]")
            .positional("RESULTS_DIR").flags("--quick", "--no-scipy");

    /**
     * The timing: at least 3 warm-up solves and 0.5 s, then the median of {@value #RUNS}; quick, 1 warm-up and
     * the median of 3; a cold solve slower than the cap is timed once. No budget: every solve is bounded by its
     * iteration limit.
     */
    static Timer.Settings timing(boolean quick) {
        return quick ? Timer.Settings.unbatched(1, 0.0, 3, Double.POSITIVE_INFINITY, 1.0)
                : Timer.Settings.unbatched(3, 0.5, RUNS, Double.POSITIVE_INFINITY, CAP_SECONDS);
    }

    private SolverSuite() {
    }

    public static void main(String[] args) throws Exception {
        Args argv = ARGS.parseOrExit(args);
        boolean quick = argv.has("--quick");
        boolean scipy = !argv.has("--no-scipy");
        Path results = argv.positional(Path.of("benchmarks/results/solvers"));
        Files.createDirectories(results);
        Timer.Settings timing = timing(quick);
        Instant start = Instant.now();
        int threads = Parallelism.defaultThreads();

        List<Row> rows = new ArrayList<>();
        List<ScipySolvers.Job> jobs = new ArrayList<>();
        for (Case c : quick ? QUICK : FULL) {
            Path file = BenchmarkData.matrix(c.file());
            CsrMatrix a = MatrixMarket.readCsr(file);
            double[] b = a.apply(ones(a.cols()));
            CompRowMatrix mtj = a.rows() == a.cols() ? SolverPeers.mtjMatrix(a) : null;
            boolean cm = c.kind().equals("spd");
            System.err.printf(Locale.ROOT, "%s: %d×%d, %d nonzeros%n", c.name(), a.rows(), a.cols(), a.nnz());
            for (String[] mp : combos(c.kind())) {
                String m = mp[0];
                String p = mp[1];
                rows.add(measureSparrow(c, a, b, m, p, "sparrow", threads, timing));
                if (threads > 1 && a.nnz() >= Spmv.PARALLEL_MIN_NNZ) {
                    rows.add(measureSparrow(c, a, b, m, p, "sparrow-1t", 1, timing));
                }
                if (mtj != null && SolverPeers.mtjHas(m, p)) {
                    rows.add(measure(c, a, b, m, p, "mtj", timing,
                            () -> SolverPeers.mtj(mtj, b, m, p, TOL, MAXIT, RESTART)));
                }
                if (cm && m.equals("cg") && !p.equals("ic0")) {
                    rows.add(measure(c, a, b, m, p, "commons-math", timing,
                            () -> SolverPeers.commonsCg(a, b, p, TOL, MAXIT)));
                }
                if (List.of("cg", "bicgstab", "gmres", "minres", "lsqr").contains(m) && !p.equals("ilu0")
                        && !p.equals("ic0")) {
                    jobs.add(new ScipySolvers.Job(file, m, p));
                }
            }
        }

        Map<String, ScipySolvers.Result> sc = new LinkedHashMap<>();
        String scipyNote = scipy ? ScipySolvers.run(jobs, TOL, MAXIT, RESTART, quick ? 1 : 3, sc)
                : "scipy not measured (--no-scipy)";
        for (ScipySolvers.Job j : jobs) {
            ScipySolvers.Result r = sc.get(j.key());
            if (r == null) {
                continue;
            }
            Row ref = rows.stream().filter(x -> BenchmarkData.matrix(x.c().file()).equals(j.file())).findFirst().orElseThrow();
            rows.add(new Row(ref.c(), ref.rows(), ref.cols(), ref.nnz(), j.method(), j.precond(), "scipy", r.iterations(),
                    r.converged(), r.relativeResidual(), r.seconds() * 1e3, Double.NaN, quick ? 1 : 3, ""));
        }
        Duration wall = Duration.between(start, Instant.now());
        SolverReport.write(results, rows, scipyNote, threads, quick, wall, versions());
        System.err.println("wrote " + results.resolve("solvers.md") + " and " + results.resolve("solvers.csv"));
    }

    private static Row measureSparrow(Case c, CsrMatrix a, double[] b, String m, String p, String impl, int threads,
                                      Timer.Settings timing) {
        String before = System.getProperty(Parallelism.THREADS_PROPERTY);
        System.setProperty(Parallelism.THREADS_PROPERTY, Integer.toString(threads));
        try {
            SolverOptions o = SolverOptions.defaults().withRelativeTolerance(TOL).withMaxIterations(MAXIT)
                    .withRestart(RESTART);
            String[] shift = {""};
            return measure(c, a, b, m, p, impl, timing, () -> {
                SolverResult r = AutoSolver.solve(a, b, SolverMethod.parse(m), PreconditionerKind.parse(p), o).result();
                if (r.diagonalShift() > 0) {
                    shift[0] = String.format(Locale.ROOT, "IC(0) shift %.3g", r.diagonalShift());
                }
                String note = r.converged() ? shift[0] : r.reason().name().toLowerCase(Locale.ROOT)
                        + (shift[0].isEmpty() ? "" : "; " + shift[0]);
                return new SolverPeers.Outcome(r.solution(), r.iterations(), r.converged(), note);
            });
        } finally {
            if (before == null) {
                System.clearProperty(Parallelism.THREADS_PROPERTY);
            } else {
                System.setProperty(Parallelism.THREADS_PROPERTY, before);
            }
        }
    }

    /** Times {@code solve} as the class comment says and checks its x. */
    private static Row measure(Case c, CsrMatrix a, double[] b, String m, String p, String impl, Timer.Settings t,
                               Supplier<SolverPeers.Outcome> solve) {
        Timer.Measured<SolverPeers.Outcome> time = Timer.measure(t, solve);
        SolverPeers.Outcome first = time.first();
        double rel = trueRelativeResidual(a, first.x(), b);
        System.err.printf(Locale.ROOT, "  %-8s %-6s %-12s %6d its %-5s rel %.2e  %9.3f ms%n", m, p, impl,
                first.iterations(), first.converged(), rel, time.millis());
        return new Row(c, a.rows(), a.cols(), a.nnz(), m, p, impl, first.iterations(), first.converged(), rel,
                time.millis(), time.min() * 1e3, time.runs(), first.note());
    }

    /** ‖b − A·x‖/‖b‖ by one plain loop over the CSR arrays (no Sparrow kernel involved). */
    static double trueRelativeResidual(CsrMatrix a, double[] x, double[] b) {
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        double rr = 0;
        double bb = 0;
        for (int i = 0; i < a.rows(); i++) {
            double s = b[i];
            for (int k = rp[i]; k < rp[i + 1]; k++) {
                s -= v[k] * x[ci[k]];
            }
            rr += s * s;
            bb += b[i] * b[i];
        }
        return Math.sqrt(rr / bb);
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1.0);
        return x;
    }

    /** The peers' pinned versions, as the report names them. */
    private static Map<String, String> versions() {
        MachineInfo machine = MachineInfo.probe();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("MTJ", machine.version("mtj"));
        v.put("Commons Math", machine.version("commons-math3"));
        return v;
    }
}
