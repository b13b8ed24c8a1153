package org.sparrow.benchmarks.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ejml.concurrency.EjmlConcurrency;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.Parallelism;

/**
 * The regression benchmark suite for least squares: problems with a known exact solution x*, every
 * Sparrow method ({@code qr}, {@code lsqr}, {@code sketch-solve} and {@code sketch-precondition} with
 * SRHT, Gaussian and CountSketch sketches) against EJML's and ojAlgo's dense QR least squares in the same
 * run, ‖x − x*‖∞, ‖x − x*‖₂, the residual and the time of each; the time to apply each sketch; the ℓ∞
 * experiment ({@link LinfExperiment}); and {@code --check}, which compares the run with a stored baseline
 * ({@link BaselineCheck}) and exits 1 on a regression, so the suite guards future changes. A row that looks slower
 * is re-timed once before it counts ({@link #retime}): on a shared machine a neighbour process can hold a core
 * for seconds, and a real slowdown reproduces.
 *
 * <p>Problems ({@link Problems}): synthetic A = U·diag(σ)·Vᵀ over n ∈ {10⁴, 10⁵, 10⁶}, d ∈ {20, 100},
 * cond(A) ∈ {1, 10⁵, 10¹⁰}, noise ‖A·x* − b‖/‖A·x*‖ ∈ {0, 10⁻³}, coherent and incoherent rows (not the full
 * product at the large sizes), and tall problems made from the shared matrices. The goal problem of the
 * issue is {@code syn-n1e6-d100-k1e5-nu1e-3}.
 *
 * <p>Usage: {@code RegressionSuite [RESULTS_DIR] [--quick] [--check [BASELINE]] [--write-baseline [BASELINE]]
 * [--compare RUN_CSV] [--threads T] [--no-linf] [--only NAME,...]}; RESULTS_DIR defaults to
 * {@code benchmarks/results/regression}, BASELINE to {@value #DEFAULT_BASELINE}. Exit status: 0, 1 when
 * {@code --check} finds a regression, 2 on a usage error.
 */
public final class RegressionSuite {

    static final String DEFAULT_RESULTS = "benchmarks/results/regression";
    static final String DEFAULT_BASELINE = "benchmarks/results/regression/baseline.csv";

    /** Seed of every synthetic problem (the sizes and parameters differ, so the draws do). */
    static final long SEED = 20_240_601L;

    /** The goal problem of the issue: n = 10⁶, d = 100, cond 10⁵. */
    static final Problems.Spec GOAL = new Problems.Spec(1_000_000, 100, 1e5, 1e-3, false, SEED);

    /**
     * Parsed arguments.
     *
     * @param results        output folder
     * @param quick          small problems only
     * @param check          compare with {@code baseline} after the run
     * @param baseline       the baseline file
     * @param writeBaseline  copy the run's table to {@code baseline}
     * @param compare        compare this existing table instead of running (with {@code --check})
     * @param threads        Sparrow's (and EJML's generation) thread count
     * @param linf           run the ℓ∞ experiment
     * @param only           run only the problems whose name contains one of these (empty: all)
     */
    record Options(Path results, boolean quick, boolean check, Path baseline, boolean writeBaseline, Path compare,
                   int threads, boolean linf, List<String> only) {

        static final String USAGE = "usage: RegressionSuite [RESULTS_DIR] [--quick] [--check [BASELINE]] "
                + "[--write-baseline [BASELINE]] [--compare RUN_CSV] [--threads T] [--no-linf] [--only NAME,...]";

        /** What the suite accepts. */
        static final Args.Spec SPEC = Args.spec("regression suite", USAGE).positional("RESULTS_DIR")
                .flags("--quick", "--no-linf").optionalValues("--check", "--write-baseline")
                .options("--compare", "--threads", "--only");

        /** Parses the arguments; throws {@link IllegalArgumentException} naming a bad one. */
        static Options parse(String[] args) {
            return of(SPEC.parse(args));
        }

        /** The options of parsed arguments. */
        static Options of(Args a) {
            Path baseline = a.path("--write-baseline", a.path("--check", Path.of(DEFAULT_BASELINE)));
            Path compare = a.path("--compare", null);
            int threads = Parallelism.checkThreads(a.integer("--threads", Parallelism.defaultThreads(), 1));
            return new Options(a.positional(Path.of(DEFAULT_RESULTS)), a.has("--quick"),
                    a.has("--check") || compare != null, baseline, a.has("--write-baseline"), compare, threads,
                    !a.has("--no-linf"), a.list("--only"));
        }
    }

    /** One problem of the grid and how to run it. */
    record Entry(Problems.Spec synthetic, Problems.RealSpec real, Methods.Plan plan, boolean sketchApply) {

        String name() {
            return synthetic != null ? synthetic.name() : real.name();
        }
    }

    private RegressionSuite() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Options.SPEC.parseOrExit(args, Options::of)));
    }

    /** Runs as {@code o} says; returns the exit status. */
    static int run(Options o) throws IOException {
        if (o.compare() != null) {
            return compareOnly(ResultRow.read(o.compare()), o.baseline());
        }
        System.setProperty("java.awt.headless", "true");
        System.setProperty(Parallelism.THREADS_PROPERTY, Integer.toString(o.threads()));
        EjmlConcurrency.setMaxThreads(o.threads());
        Files.createDirectories(o.results());
        Instant start = Instant.now();
        Timer.Settings timing = o.quick() ? Timings.quick() : Timings.full();
        List<ResultRow> rows = new ArrayList<>();
        List<RegressionReport.ProblemInfo> infos = new ArrayList<>();
        warmUp(o.threads());
        List<Entry> grid = grid(o.quick(), timing);
        for (Entry e : grid) {
            if (!o.only().isEmpty() && o.only().stream().noneMatch(e.name()::contains)) {
                continue;
            }
            LsProblem p = build(e, o.threads());
            if (p == null) {
                infos.add(RegressionReport.ProblemInfo.failed(e.name(), "could not be built (see the log)"));
                continue;
            }
            infos.add(RegressionReport.ProblemInfo.of(p));
            rows.addAll(Methods.run(p, e.plan(), e.sketchApply()));
            ResultRow.write(o.results().resolve("regression.csv"), rows); // partial results survive a crash
        }
        Duration benchWall = Duration.between(start, Instant.now());
        if (o.linf()) {
            LinfExperiment.run(o.results(), o.quick() ? LinfExperiment.Setup.quick() : LinfExperiment.Setup.full(),
                    o.threads());
        }
        BaselineCheck.Outcome outcome = null;
        if (o.check()) {
            if (Files.isRegularFile(o.baseline())) {
                List<ResultRow> base = ResultRow.read(o.baseline());
                outcome = BaselineCheck.compare(base, rows);
                if (!outcome.slowKeys().isEmpty()) {
                    retime(outcome.slowKeys(), grid, rows, o.threads());
                    outcome = BaselineCheck.compare(base, rows);
                }
            } else {
                System.err.println("--check: no baseline at " + o.baseline() + " (write one with --write-baseline)");
            }
        }
        Duration wall = Duration.between(start, Instant.now());
        ResultRow.write(o.results().resolve("regression.csv"), rows);
        RegressionReport.write(o.results(), rows, infos, timing, o, benchWall, wall, outcome);
        System.err.printf(Locale.ROOT, "wrote %s (regression.csv, regression.md%s); wall time %d s%n", o.results(),
                o.linf() ? ", linf.csv, linf.png, linf.md" : "", wall.toSeconds());
        if (o.writeBaseline()) {
            Files.createDirectories(o.baseline().toAbsolutePath().getParent());
            Files.copy(o.results().resolve("regression.csv"), o.baseline(), StandardCopyOption.REPLACE_EXISTING);
            System.err.println("baseline written to " + o.baseline());
        }
        if (o.check()) {
            if (outcome == null) {
                return 1;
            }
            return report(outcome, o.baseline());
        }
        return 0;
    }

    /** Builds an entry's problem, or logs why not and returns null. */
    private static LsProblem build(Entry e, int threads) {
        try {
            LsProblem p = e.synthetic() != null ? Problems.synthetic(e.synthetic(), threads) : Problems.real(e.real());
            System.err.printf(Locale.ROOT, "%s: %d×%d, cond %.3g, noise %s, coherence %.3g (built in %.1f s)%n", p.name(),
                    p.n(), p.d(), p.cond(), Problems.compact(p.noise()), p.coherence(), p.setupSeconds());
            return p;
        } catch (RuntimeException | IOException | OutOfMemoryError ex) {
            System.err.println(e.name() + ": could not be built: " + ex);
            return null;
        }
    }

    /**
     * The confirmation step of {@code --check}: the rows that looked slower than the baseline (and only on time) are
     * measured once more, their problems rebuilt, and each keeps the faster of its two measurements, with a note. A
     * real slowdown is slow twice; a neighbour process that held a core during the first measurement rarely is.
     */
    private static void retime(Set<String> keys, List<Entry> grid, List<ResultRow> rows, int threads) {
        System.err.println("--check: re-timing " + keys.size() + " row(s) that looked slower than the baseline");
        for (Entry e : grid) {
            Set<String> mine = new LinkedHashSet<>();
            for (String k : keys) {
                if (k.startsWith(e.name() + "|")) {
                    mine.add(k.substring(e.name().length() + 1));
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            LsProblem p = build(e, threads);
            if (p == null) {
                continue;
            }
            double ejml = rows.stream().filter(r -> r.problem().equals(e.name()) && r.method().equals("ejml-qr")
                    && r.ok()).mapToDouble(ResultRow::seconds).findFirst().orElse(Double.NaN);
            for (ResultRow again : Methods.runOnly(p, e.plan(), e.sketchApply(), mine)) {
                for (int i = 0; i < rows.size(); i++) {
                    ResultRow first = rows.get(i);
                    if (!first.key().equals(again.key())) {
                        continue;
                    }
                    boolean secondFaster = again.ok()
                            && BaselineCheck.checkedSeconds(again) < BaselineCheck.checkedSeconds(first);
                    ResultRow kept = secondFaster ? again : first;
                    if (kept.ok() && ejml > 0 && !kept.method().equals("sketch-apply")) {
                        kept = kept.withSpeedup(ejml / kept.seconds());
                    }
                    String note = String.format(Locale.ROOT, "re-timed by --check (fastest calls %.4g s and %.4g s; kept "
                            + "the %s)", BaselineCheck.checkedSeconds(first), BaselineCheck.checkedSeconds(again),
                            secondFaster ? "second" : "first");
                    rows.set(i, kept.withNote(kept.note().isEmpty() ? note : kept.note() + "; " + note));
                }
            }
        }
    }

    /**
     * Runs every method a few times on a small dense and a small sparse problem, untimed, so the first problem
     * of the grid is not measured while the JIT is still compiling the code paths.
     */
    private static void warmUp(int threads) throws IOException {
        long t0 = System.nanoTime();
        Timer.Settings w = Timer.Settings.unbatched(2, 0.2, 1, 2.0, 2.0);
        Methods.Plan plan = new Methods.Plan(w, w, 100, true, true, true);
        LsProblem dense = Problems.synthetic(new Problems.Spec(4000, 40, 1e3, 1e-3, false, 1), threads);
        Methods.run(dense, plan, true);
        try {
            Methods.run(Problems.real(new Problems.RealSpec("small/well1033.mtx", false, 1, 1e-3, 1)), plan, false);
        } catch (RuntimeException | IOException e) {
            System.err.println("warm-up on well1033 skipped: " + e.getMessage());
        }
        System.err.printf(Locale.ROOT, "(warm-up above, untimed: %.1f s)%n", (System.nanoTime() - t0) * 1e-9);
    }

    /** {@code --compare}: checks an existing table against the baseline. */
    private static int compareOnly(List<ResultRow> run, Path baseline) throws IOException {
        if (!Files.isRegularFile(baseline)) {
            System.err.println("--check: no baseline at " + baseline);
            return 1;
        }
        return report(BaselineCheck.compare(ResultRow.read(baseline), run), baseline);
    }

    private static int report(BaselineCheck.Outcome outcome, Path baseline) {
        for (String line : outcome.lines()) {
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "check against %s: %d Sparrow rows compared, %d regression(s)%n", baseline,
                outcome.compared(), outcome.regressions().size());
        return outcome.failed() ? 1 : 0;
    }

    /** The problems, smallest first (so the JIT has compiled the code before the large, once-timed calls). */
    static List<Entry> grid(boolean quick, Timer.Settings timing) {
        Methods.Plan small = new Methods.Plan(timing, timing, 300, true, true, true);
        Methods.Plan large = new Methods.Plan(Timings.large(), timing, 300, false, false, true);
        List<Entry> g = new ArrayList<>();
        List<double[]> n4 = quick
                ? List.of(new double[] {1, 0}, new double[] {1e5, 1e-3}, new double[] {1e10, 1e-3})
                : List.of(new double[] {1, 0}, new double[] {1, 1e-3}, new double[] {1e5, 0}, new double[] {1e5, 1e-3},
                        new double[] {1e10, 0}, new double[] {1e10, 1e-3});
        for (double[] cn : n4) {
            g.add(new Entry(new Problems.Spec(10_000, 100, cn[0], cn[1], false, SEED), null, small,
                    cn[0] == 1e5 && cn[1] == 1e-3));
        }
        List<Problems.RealSpec> real = quick
                ? List.of(rs("small/ash219.mtx", false, 1), rs("small/abb313.mtx", false, 1),
                        rs("small/well1033.mtx", false, 1), rs("small/illc1033.mtx", false, 1))
                : List.of(rs("small/ash219.mtx", false, 1), rs("small/abb313.mtx", false, 1),
                        rs("small/well1033.mtx", false, 1), rs("small/illc1033.mtx", false, 1),
                        rs("small/lp_e226.mtx", true, 1), rs("small/lp_share1b.mtx", true, 1),
                        rs("medium/e20r0000.mtx.gz", false, 12), rs("medium/bayer10.mtx.gz", false, 40));
        for (Problems.RealSpec r : real) {
            g.add(new Entry(null, r, small, false));
        }
        if (quick) {
            return g;
        }
        g.add(new Entry(new Problems.Spec(100_000, 20, 1e5, 1e-3, false, SEED), null, small, false));
        g.add(new Entry(new Problems.Spec(100_000, 20, 1e5, 1e-3, true, SEED), null, small, false));
        g.add(new Entry(new Problems.Spec(100_000, 100, 1, 1e-3, false, SEED), null, small, false));
        g.add(new Entry(new Problems.Spec(100_000, 100, 1e5, 1e-3, false, SEED), null, small, true));
        g.add(new Entry(new Problems.Spec(100_000, 100, 1e5, 1e-3, true, SEED), null, small, false));
        g.add(new Entry(new Problems.Spec(100_000, 100, 1e10, 1e-3, false, SEED), null, small, false));
        g.add(new Entry(GOAL, null, large, true));
        g.add(new Entry(new Problems.Spec(1_000_000, 100, 1e5, 1e-3, true, SEED), null, large, false));
        return g;
    }

    private static Problems.RealSpec rs(String file, boolean transpose, int stride) {
        return new Problems.RealSpec(file, transpose, stride, 1e-3, SEED);
    }
}
