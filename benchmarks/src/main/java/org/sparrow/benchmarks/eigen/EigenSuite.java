package org.sparrow.benchmarks.eigen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.PythonPeer;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.eigen.EigenOptions;
import org.sparrow.solvers.eigen.EigenResult;
import org.sparrow.solvers.eigen.Eigs;
import org.sparrow.solvers.eigen.Svds;
import org.sparrow.solvers.eigen.SvdsOptions;
import org.sparrow.solvers.eigen.SvdsResult;

/**
 * The eigenvalue suite (issue 19): the {@value #K} largest eigenvalues of the collection's SPD matrices by
 * {@link Eigs#symmetric} (thick-restart Lanczos) against scipy's {@code eigsh(which='LA')}, and the {@value #K}
 * largest singular values of rectangular and nonsymmetric ones by {@link Svds#largest} against scipy's
 * {@code svds(solver='arpack')}, in the same run.
 *
 * <p>Both sides use tolerance {@value #TOL} (Sparrow: ‖A·v − λ·v‖ ≤ tol·‖A‖, recomputed; ARPACK: ‖A·v − θ·v‖ ≤
 * tol·|θ| on its Ritz estimates) and their default subspace, max(2k + 1, 20). Reported per matrix: the largest
 * relative difference of the values, max |λ − λ_scipy|/|λ_scipy| (goal ≤ 1e-10), both median times and their
 * ratio (goal: Sparrow ≤ scipy), Sparrow's restarts and operator products, and whether every pair converged.
 * Sparrow is timed as {@code SolverSuite} times a solve (a cold call, at least 3 warm-up calls and 0.5 s, then
 * the median of {@value #RUNS}; quick: 1 warm-up, 3 runs) on the default thread count; scipy's time is the
 * median of 3 calls after a first (quick: 1), in its own process.
 *
 * <p>Output in the results folder (first argument, default {@code benchmarks/results/eigen}): {@code eigen.csv}
 * and {@code eigen.md}.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.sparrow.benchmarks.eigen.EigenSuite
 * [RESULTS_DIR] [--quick] [--no-scipy]}
 */
public final class EigenSuite {

    static final int K = 6;
    static final double TOL = 1e-10;
    static final int RUNS = 7;

    /** A matrix of the shared collection and the computation run on it. */
    record Case(String file, String kind) {
        String name() {
            return Path.of(file).getFileName().toString().replace(".mtx.gz", "").replace(".mtx", "");
        }
    }

    static final List<Case> FULL = List.of(
            new Case("small/1138_bus.mtx", "eigsh"),
            new Case("small/bcsstk08.mtx", "eigsh"),
            new Case("small/nos3.mtx", "eigsh"),
            new Case("small/gr_30_30.mtx", "eigsh"),
            new Case("medium/bcsstk13.mtx.gz", "eigsh"),
            new Case("medium/bcsstk15.mtx.gz", "eigsh"),
            new Case("medium/Dubcova1.mtx.gz", "eigsh"),
            new Case("small/illc1033.mtx", "svds"),
            new Case("small/well1033.mtx", "svds"),
            new Case("small/lp_e226.mtx", "svds"),
            new Case("medium/bayer10.mtx.gz", "svds"));

    static final List<Case> QUICK = List.of(
            new Case("small/1138_bus.mtx", "eigsh"),
            new Case("medium/bcsstk15.mtx.gz", "eigsh"),
            new Case("small/lp_e226.mtx", "svds"));

    /** One measured matrix. */
    record Row(Case c, int rows, int cols, int nnz, double[] values, int converged, int restarts, long products,
               double sparrowMs, double[] scipyValues, double scipyMs) {

        /** max |λ − λ_scipy| / |λ_scipy|, NaN without scipy's values. */
        double relativeDifference() {
            if (scipyValues == null || scipyValues.length != values.length) {
                return Double.NaN;
            }
            double d = 0;
            for (int i = 0; i < values.length; i++) {
                d = Math.max(d, Math.abs(values[i] - scipyValues[i]) / Math.abs(scipyValues[i]));
            }
            return d;
        }
    }

    static final Args.Spec ARGS = Args.spec("EigenSuite", "usage: EigenSuite [RESULTS_DIR] [--quick] [--no-scipy]")
            .positional("RESULTS_DIR").flags("--quick", "--no-scipy");

    private EigenSuite() {
    }

    /**
     * Runs the suite.
     *
     * @param args [RESULTS_DIR] [--quick] [--no-scipy]
     * @throws Exception on an I/O failure
     */
    public static void main(String[] args) throws Exception {
        Args argv = ARGS.parseOrExit(args);
        boolean quick = argv.has("--quick");
        Path results = argv.positional(Path.of("benchmarks/results/eigen"));
        Files.createDirectories(results);
        Timer.Settings timing = quick ? Timer.Settings.unbatched(1, 0.0, 3, Double.POSITIVE_INFINITY, 5.0)
                : Timer.Settings.unbatched(3, 0.5, RUNS, Double.POSITIVE_INFINITY, 10.0);
        Instant start = Instant.now();
        List<Row> rows = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (Case c : quick ? QUICK : FULL) {
            Path file = BenchmarkData.matrix(c.file());
            CsrMatrix a = MatrixMarket.readCsr(file);
            double[] values;
            int converged;
            int restarts;
            long products;
            Timer.Measured<?> t;
            if (c.kind().equals("eigsh")) {
                Timer.Measured<EigenResult> m = Timer.measure(timing, () -> Eigs.symmetric(a, EigenOptions.defaults(K)
                        .withTolerance(TOL)));
                EigenResult r = m.first();
                values = r.values();
                converged = r.convergedCount();
                restarts = r.iterations();
                products = r.products();
                t = m;
            } else {
                Timer.Measured<SvdsResult> m = Timer.measure(timing, () -> Svds.largest(a, SvdsOptions.defaults(K)
                        .withTolerance(TOL)));
                SvdsResult r = m.first();
                values = r.values();
                converged = r.convergedCount();
                restarts = r.iterations();
                products = r.products();
                t = m;
            }
            System.err.printf(Locale.ROOT, "%-12s %-5s %6d×%-6d %8d nnz  %d/%d converged, %3d restarts, %5d products, %9.2f ms%n",
                    c.name(), c.kind(), a.rows(), a.cols(), a.nnz(), converged, K, restarts, products, t.millis());
            rows.add(new Row(c, a.rows(), a.cols(), a.nnz(), values, converged, restarts, products, t.millis(), null, Double.NaN));
            jobs.add(file + "|" + c.kind() + "|" + K);
        }
        Map<String, double[]> scipyValues = new LinkedHashMap<>();
        Map<String, Double> scipySeconds = new LinkedHashMap<>();
        String note = argv.has("--no-scipy") ? "scipy not measured (--no-scipy)" : scipy(jobs, quick ? 1 : 3, scipyValues, scipySeconds);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String key = jobs.get(i);
            rows.set(i, new Row(r.c(), r.rows(), r.cols(), r.nnz(), r.values(), r.converged(), r.restarts(), r.products(),
                    r.sparrowMs(), scipyValues.get(key), scipySeconds.getOrDefault(key, Double.NaN) * 1e3));
        }
        write(results, rows, note, quick, Duration.between(start, Instant.now()));
        System.err.println("wrote " + results.resolve("eigen.md") + " and " + results.resolve("eigen.csv"));
    }

    private static String scipy(List<String> jobs, int repeats, Map<String, double[]> values, Map<String, Double> seconds)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Double.toString(TOL), Integer.toString(repeats)));
        args.addAll(jobs);
        PythonPeer.Outcome o;
        try (PythonPeer python = new PythonPeer(EigenSuite.class, "eigen_scipy.py")) {
            o = python.run(args, 24 * 3600, line -> {
                String[] f = line.split(",", -1);
                if (f.length >= 5) {
                    String key = f[0] + "|" + f[1] + "|" + f[2];
                    synchronized (values) {
                        seconds.put(key, f[3].equals("nan") ? Double.NaN : Double.parseDouble(f[3]));
                        if (!f[4].isEmpty()) {
                            String[] v = f[4].split(";");
                            double[] d = new double[v.length];
                            for (int i = 0; i < v.length; i++) {
                                d[i] = Double.parseDouble(v[i]);
                            }
                            values.put(key, d);
                        }
                    }
                }
            });
        }
        if (o.unavailable() != null) {
            return o.unavailable();
        }
        if (!o.ok()) {
            return "scipy partly measured: the script failed with exit code " + o.exitCode();
        }
        return o.versionOr("scipy") + " (ARPACK; values from a first call, time: median of " + repeats + " further calls)";
    }

    private static void write(Path dir, List<Row> rows, String note, boolean quick, Duration wall) throws IOException {
        StringBuilder csv = new StringBuilder("matrix,kind,rows,cols,nnz,k,converged,restarts,products,sparrow_ms,scipy_ms,"
                + "time_ratio_sparrow_over_scipy,max_relative_difference\n");
        MachineInfo machine = MachineInfo.probe();
        StringBuilder md = new StringBuilder();
        md.append("# Eigenvalues and singular values: Sparrow vs scipy (ARPACK)\n\n");
        md.append(String.format(Locale.ROOT, "%s run, %s; %s, %d cores, %s; Sparrow on %d threads; %s.%n%n",
                quick ? "Quick" : "Full", Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", machine.cpu(),
                machine.cores(), machine.jdk(), Parallelism.defaultThreads(), note));
        md.append("The ").append(K).append(" largest eigenvalues (eigsh, `which='LA'`; Sparrow `Eigs.symmetric`, thick-restart")
                .append(" Lanczos) or singular values (svds, ARPACK; Sparrow `Svds.largest`, Golub–Kahan–Lanczos), tolerance ")
                .append(TOL).append(" on both sides. *diff* is max |λ − λ_scipy|/|λ_scipy| (goal ≤ 1e-10);")
                .append(" *ratio* is Sparrow's median time over scipy's (goal ≤ 1).\n\n");
        md.append("| matrix | kind | size | nnz | converged | restarts | products | Sparrow ms | scipy ms | ratio | diff |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int eig = 0;
        int eigGoal = 0;
        for (Row r : rows) {
            double ratio = r.sparrowMs() / r.scipyMs();
            double diff = r.relativeDifference();
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d,%d,%d,%.3f,%.3f,%.4f,%.3e%n", r.c().name(), r.c().kind(),
                    r.rows(), r.cols(), r.nnz(), K, r.converged(), r.restarts(), r.products(), r.sparrowMs(), r.scipyMs(),
                    ratio, diff));
            md.append(String.format(Locale.ROOT, "| %s | %s | %d×%d | %d | %d/%d | %d | %d | %.2f | %.2f | %.2f | %.1e |%n",
                    r.c().name(), r.c().kind(), r.rows(), r.cols(), r.nnz(), r.converged(), K, r.restarts(), r.products(),
                    r.sparrowMs(), r.scipyMs(), ratio, diff));
            if (r.c().kind().equals("eigsh")) {
                eig++;
                eigGoal += ratio <= 1.0 && diff <= 1e-10 && r.converged() == K ? 1 : 0;
            }
        }
        md.append(String.format(Locale.ROOT, "%nGoal (issue 19): 1e-10 accuracy at ≤ scipy's time for the %d largest eigenpairs:"
                + " met on %d of %d SPD matrices.%n", K, eigGoal, eig));
        md.append(String.format(Locale.ROOT, "%nWall time of the run: %d s. Timings taken while other work shares the machine"
                + " are inflated; compare ratios from one run only.%n", wall.toSeconds()));
        Files.writeString(dir.resolve("eigen.csv"), csv);
        Files.writeString(dir.resolve("eigen.md"), md);
    }
}
