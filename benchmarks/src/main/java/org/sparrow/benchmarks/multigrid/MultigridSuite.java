package org.sparrow.benchmarks.multigrid;

import java.io.IOException;
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
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.PythonPeer;
import org.sparrow.benchmarks.harness.Stats;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.precond.Amg;
import org.sparrow.solvers.precond.AmgHierarchy;
import org.sparrow.solvers.precond.AmgOptions;
import org.sparrow.solvers.precond.AmgSmoother;
import org.sparrow.solvers.precond.Ic0;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * The multigrid benchmark: smoothed-aggregation AMG as CG's preconditioner (and alone) against IC(0)-CG and
 * scipy's CG, on 2-D and 3-D Poisson problems up to 10⁶ unknowns and on the suite's SPD matrices.
 *
 * <p>Every solve: b = A·1, x₀ = 0, relative tolerance {@value #TOL}, at most {@value #MAXIT} iterations.
 * Setup (building the preconditioner) and solve are timed separately, with {@link System#nanoTime()}
 * around each call; a problem with at most {@value #REPEAT_MAX_ROWS} rows is solved once to warm up and
 * then {@value #RUNS} times (median reported), a larger one once (its first run is the measurement, the
 * JIT already warm from the smaller problems before it). The true relative residual ‖b − A·x‖/‖b‖ is
 * recomputed here for Sparrow's x and by the script for scipy's.
 *
 * <p>Sparrow: {@code amg-cg} (one V-cycle of {@link Amg} with {@link AmgOptions#defaults()} per CG
 * iteration), {@code amg-cheb-cg} (the same with Chebyshev smoothing), {@code amg} (V-cycles alone,
 * {@link Amg#solve(double[], SolverOptions)}), {@code ic0-cg} ({@link Ic0}). scipy
 * ({@code multigrid_scipy.py}): {@code scipy-cg} (no preconditioner) and, up to {@value #ILU_MAX_ROWS} rows,
 * {@code scipy-gmres-ilu} (GMRES(50) with spilu; CG with spilu's nonsymmetric ILUTP does not converge).
 * pyamg cannot be installed here: its published hierarchy for the Q1 Poisson problem of its tutorial is
 * compared with Sparrow's on the same matrix (see {@link MultigridReport}).
 *
 * <p>Output in the results folder (first argument, default {@code benchmarks/results/multigrid}):
 * {@code multigrid.csv} (one row per problem × solver) and {@code multigrid.md} (the report, with the goal
 * of issue 19 as measured and the AMG hierarchies).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.sparrow.benchmarks.multigrid.MultigridSuite
 * [RESULTS_DIR] [--quick] [--no-scipy]}; {@code --quick} runs Poisson up to 300² and 30³ and two suite
 * matrices (a check run of a minute or two).
 */
public final class MultigridSuite {

    static final double TOL = 1e-8;
    static final int MAXIT = 20_000;
    static final int RUNS = 3;
    static final int REPEAT_MAX_ROWS = 300_000;
    static final int ILU_MAX_ROWS = 30_000;

    static final List<MultigridProblem> FULL = List.of(
            MultigridProblem.poisson2d(100), MultigridProblem.poisson2d(300), MultigridProblem.poisson2d(1000),
            MultigridProblem.poisson3d(20), MultigridProblem.poisson3d(50), MultigridProblem.poisson3d(100),
            MultigridProblem.spd("small/1138_bus.mtx"), MultigridProblem.spd("small/gr_30_30.mtx"),
            MultigridProblem.spd("small/bcsstk08.mtx"), MultigridProblem.spd("small/nos3.mtx"),
            MultigridProblem.spd("medium/bcsstk15.mtx.gz"), MultigridProblem.spd("medium/Dubcova1.mtx.gz"));

    static final List<MultigridProblem> QUICK = List.of(
            MultigridProblem.poisson2d(100), MultigridProblem.poisson2d(300), MultigridProblem.poisson3d(20),
            MultigridProblem.poisson3d(30), MultigridProblem.spd("small/gr_30_30.mtx"),
            MultigridProblem.spd("medium/Dubcova1.mtx.gz"));

    /** The pyamg tutorial's problem, hierarchy only (its published listing is for max_coarse = 10). */
    static final MultigridProblem PYAMG_TUTORIAL = MultigridProblem.q1(1000);

    /**
     * One measured solve.
     *
     * @param problem    the problem's name
     * @param kind       its kind
     * @param rows       unknowns
     * @param nnz        stored entries
     * @param solver     "amg-cg", "ic0-cg", "scipy-cg", …
     * @param iterations iterations (CG) or V-cycles (amg); −1 when not run
     * @param converged  whether the tolerance was met
     * @param relres     the true relative residual
     * @param setup      seconds to build the preconditioner (median)
     * @param solve      seconds of the iteration (median)
     * @param runs       timed runs
     * @param note       the AMG hierarchy's one-line summary, or why it did not run
     */
    record Row(String problem, String kind, int rows, long nnz, String solver, int iterations, boolean converged,
               double relres, double setup, double solve, int runs, String note) {

        double total() {
            return setup + solve;
        }
    }

    /** What the suite accepts. */
    static final Args.Spec ARGS = Args.spec("MultigridSuite", "usage: MultigridSuite [RESULTS_DIR] [--quick] [--no-scipy]")
            .positional("RESULTS_DIR").flags("--quick", "--no-scipy");

    private MultigridSuite() {
    }

    /**
     * Runs the suite.
     *
     * @param args [RESULTS_DIR] [--quick] [--no-scipy]
     * @throws Exception if a matrix cannot be read or the results cannot be written
     */
    public static void main(String[] args) throws Exception {
        Args argv = ARGS.parseOrExit(args);
        boolean quick = argv.has("--quick");
        boolean scipy = !argv.has("--no-scipy");
        Path results = argv.positional(Path.of("benchmarks/results/multigrid"));
        Files.createDirectories(results);
        Instant start = Instant.now();
        List<Row> rows = new ArrayList<>();
        Map<String, String> hierarchies = new LinkedHashMap<>();
        List<String> jobs = new ArrayList<>();
        for (MultigridProblem p : quick ? QUICK : FULL) {
            CsrMatrix a = p.matrix();
            double[] b = new double[a.rows()];
            double[] ones = new double[a.cols()];
            Arrays.fill(ones, 1.0);
            a.apply(ones, b);
            System.err.printf(Locale.ROOT, "%s: %d unknowns, %d nonzeros%n", p.name(), a.rows(), a.nnz());
            SolverOptions o = SolverOptions.defaults().withRelativeTolerance(TOL).withMaxIterations(MAXIT);
            Row amg = measure(p, a, b, "amg-cg", () -> Amg.of(a), o, false);
            rows.add(amg);
            hierarchies.put(p.name(), lastHierarchy);
            rows.add(measure(p, a, b, "amg-cheb-cg", () -> Amg.of(a, AmgOptions.defaults().withSmoother(AmgSmoother.CHEBYSHEV)),
                    o, false));
            rows.add(measure(p, a, b, "amg", () -> Amg.of(a), o.withMaxIterations(200), true));
            rows.add(measure(p, a, b, "ic0-cg", () -> Ic0.of(a), o, false));
            if (p.scipyJob() != null) {
                jobs.add(p.scipyJob() + "|none");
                if (a.rows() <= ILU_MAX_ROWS) {
                    jobs.add(p.scipyJob() + "|ilu");
                }
            }
        }
        String pyamg = pyamgComparison();
        Map<String, Row> sc = new LinkedHashMap<>();
        String scipyNote = scipy ? runScipy(jobs, rows, sc) : "scipy not measured (--no-scipy)";
        rows.addAll(sc.values());
        Duration wall = Duration.between(start, Instant.now());
        MultigridReport.write(results, rows, hierarchies, pyamg, scipyNote, Parallelism.defaultThreads(), quick, wall);
        System.err.println("wrote " + results.resolve("multigrid.md") + " and " + results.resolve("multigrid.csv"));
    }

    private static String lastHierarchy = "";

    /** Builds a preconditioner (null: none). */
    @FunctionalInterface
    interface Setup {
        Preconditioner build();
    }

    private static Row measure(MultigridProblem p, CsrMatrix a, double[] b, String solver, Setup setup, SolverOptions o,
                               boolean alone) {
        int runs = a.rows() <= REPEAT_MAX_ROWS ? RUNS : 1;
        if (runs > 1) {
            solveOnce(a, b, setup, o, alone); // warm-up
        }
        double[] setupS = new double[runs];
        double[] solveS = new double[runs];
        SolverResult r = null;
        Preconditioner m = null;
        try {
            for (int k = 0; k < runs; k++) {
                long t0 = System.nanoTime();
                m = setup.build();
                long t1 = System.nanoTime();
                r = alone ? ((Amg) m).solve(b, o) : Cg.solve(a, b, m, o);
                long t2 = System.nanoTime();
                setupS[k] = (t1 - t0) * 1e-9;
                solveS[k] = (t2 - t1) * 1e-9;
            }
        } catch (IllegalArgumentException e) {
            return new Row(p.name(), p.kind(), a.rows(), a.nnz(), solver, -1, false, Double.NaN, Double.NaN, Double.NaN, 0,
                    "failed: " + e.getMessage());
        }
        double[] res = Blas.residual(a, r.solution(), b);
        double relres = Blas.norm2(res) / Blas.norm2(b);
        String note = "";
        if (m instanceof Amg amg) {
            AmgHierarchy h = amg.hierarchy();
            note = String.format(Locale.ROOT, "%d levels, operator complexity %.3f, grid complexity %.3f", h.depth(),
                    h.operatorComplexity(), h.gridComplexity());
            if (solver.equals("amg-cg")) {
                lastHierarchy = h.summary();
            }
        } else if (m != null && m.diagonalShift() > 0) {
            note = "diagonal shift " + m.diagonalShift();
        }
        if (!r.converged()) {
            note = (note.isEmpty() ? "" : note + "; ") + r.reason().name().toLowerCase(Locale.ROOT);
        }
        System.err.printf(Locale.ROOT, "  %-12s %5d its  setup %8.3f s  solve %8.3f s  rel.res %.1e%n", solver,
                r.iterations(), Stats.median(setupS), Stats.median(solveS), relres);
        return new Row(p.name(), p.kind(), a.rows(), a.nnz(), solver, r.iterations(), r.converged(), relres,
                Stats.median(setupS), Stats.median(solveS), runs, note);
    }

    private static void solveOnce(CsrMatrix a, double[] b, Setup setup, SolverOptions o, boolean alone) {
        try {
            Preconditioner m = setup.build();
            if (alone) {
                ((Amg) m).solve(b, o);
            } else {
                Cg.solve(a, b, m, o);
            }
        } catch (IllegalArgumentException e) {
            // reported by the timed run
        }
    }

    /** The AMG hierarchy of pyamg's tutorial problem with its max_coarse = 10, as {@link AmgHierarchy#summary()}. */
    private static String pyamgComparison() throws IOException {
        CsrMatrix a = PYAMG_TUTORIAL.matrix();
        System.err.printf(Locale.ROOT, "%s (pyamg tutorial): %d unknowns, %d nonzeros%n", PYAMG_TUTORIAL.name(), a.rows(),
                a.nnz());
        return Amg.of(a, AmgOptions.defaults().withMaxCoarse(10)).hierarchy().summary();
    }

    private static String runScipy(List<String> jobs, List<Row> sparrow, Map<String, Row> out)
            throws IOException, InterruptedException {
        if (jobs.isEmpty()) {
            return "scipy not measured: no job for it";
        }
        Map<String, Row> byJob = new LinkedHashMap<>();
        for (Row r : sparrow) {
            if (r.solver().equals("amg-cg")) {
                byJob.put(r.problem(), r);
            }
        }
        List<String> args = new ArrayList<>(List.of(Double.toString(TOL), Integer.toString(MAXIT),
                Integer.toString(ILU_MAX_ROWS)));
        args.addAll(jobs);
        PythonPeer.Outcome o;
        try (PythonPeer python = new PythonPeer(MultigridSuite.class, "multigrid_scipy.py")) {
            o = python.run(args, 24 * 3600, line -> {
                String[] f = line.split(",");
                if (f.length < 7 || f[2].equals("nan")) {
                    return;
                }
                String name = f[0].contains(":") ? f[0].replace(':', '-') : shortName(f[0]);
                Row ref = byJob.get(name);
                if (ref == null) {
                    return;
                }
                String solver = f[1].equals("ilu") ? "scipy-gmres-ilu" : "scipy-cg";
                Row r = new Row(ref.problem(), ref.kind(), ref.rows(), ref.nnz(), solver, Integer.parseInt(f[2]),
                        Boolean.parseBoolean(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), 1, "");
                System.err.printf(Locale.ROOT, "  %-12s %s: %5d its  solve %8.3f s%n", solver, name, r.iterations(), r.solve());
                synchronized (out) {
                    out.put(name + "|" + solver, r);
                }
            });
        }
        if (o.unavailable() != null) {
            return o.unavailable();
        }
        if (!o.ok()) {
            return "scipy partly measured: the script failed with exit code " + o.exitCode();
        }
        return o.versionOr("scipy") + " (one solve each, in its own process)";
    }

    private static String shortName(String path) {
        String n = Path.of(path).getFileName().toString();
        return n.replace(".mtx.gz", "").replace(".mtx", "");
    }
}
