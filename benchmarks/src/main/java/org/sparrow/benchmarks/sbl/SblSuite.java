package org.sparrow.benchmarks.sbl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.MachineInfo;

/**
 * The Kronecker SBL benchmark of issue 12: the synthetic setup of He &amp; Joseph, "Bayesian Algorithms for
 * Kronecker-structured Sparse Vector Recovery With Application to IRS-MIMO Channel Estimation" (IEEE TSP 2024,
 * arXiv 2307.14719, Section VI; {@link SblProblem}), with Sparrow's classic SBL, AM-, SVD- and PC-KroSBL
 * ({@link SparrowSolvers}), the oracle least squares on the true support ({@link OracleLeastSquares}) and
 * scikit-learn's ARDRegression ({@link ArdPeer}) in one run, on the same seeded trials.
 *
 * <p>What runs, in this order (each point once; a point shared by sweeps is reused):
 * <ol>
 *   <li>the default point (N = 15 per factor, M = 8·12·15 = 1440, K = 3, 25 dB) with every method: the Kronecker
 *       methods and the oracle on {@code --trials} trials, classic SBL and ARDRegression on {@code --peer-trials}
 *       (the first ones; each O(M²N) per iteration on the 1440 × 3375 dictionary), reduced to what fits in
 *       {@code --peer-budget} seconds per peer after the first trial's time, but never below {@code --peer-floor} (default 10; quick 1);</li>
 *   <li>the block-sparse point (the default with clusters of 3 adjacent nonzeros in x₁ and x₂);</li>
 *   <li>NMSE and support recovery against SNR (5 … 30 dB), M₁ (6 … 14) and K (2 … 6), Kronecker methods and oracle;</li>
 *   <li>time against N per factor (6, 8, 10, 12, 15; M in the default's ratios), every method, the peers on
 *       {@code --peer-trials} trials cut to {@value #SIZE_PEER_BUDGET} s per peer and point (at least
 *       {@value #SIZE_PEER_FLOOR}).</li>
 * </ol>
 * Every solve is timed once around the call (System.nanoTime); the trials are the samples. Before anything is
 * timed, every Java method solves a few small problems so that the JIT has compiled it.
 *
 * <p>Output (first argument, default {@code benchmarks/results/sbl}): {@code trials.csv}, {@code points.csv},
 * {@code summary.md} (goals, machine, tables) and PNG plots ({@link SblReport}).
 *
 * <p>Usage: {@code SblSuite [RESULTS_DIR] [--quick] [--trials T] [--peer-trials P] [--peer-budget SECONDS]
 * [--peer-floor F] [--seed S] [--no-ard] [--no-classic]}
 */
public final class SblSuite {

    static final String USAGE = """
            usage: SblSuite [RESULTS_DIR] [--quick] [--trials T] [--peer-trials P] [--peer-budget SECONDS] [--peer-floor F]
                            [--time-limit MINUTES] [--seed S] [--no-ard] [--no-classic]
              RESULTS_DIR    where the CSV, Markdown and PNG files go (default benchmarks/results/sbl)
              --quick        a smoke run: 3 trials, a few points, 1 trial for the peers
              --trials T     trials per point for the Kronecker methods and the oracle (default 50)
              --peer-trials P  trials for classic SBL and ARDRegression at a point (default 10)
              --peer-budget SECONDS  time per peer at the default point after which its trials are cut (default 900)
              --peer-floor F the fewest trials the budget may leave a peer at the default point (default 10; quick 1)
              --time-limit MINUTES  start no point and no peer trial after this much wall time; what is left
                             is listed as not run (default: none)
              --seed S       base seed of the trials (default 20240722)
              --no-ard, --no-classic  leave a peer out (the report says so)""";

    /** Seconds per peer and point on the time-vs-N sweep (its N = 15 point is the default point's). */
    static final double SIZE_PEER_BUDGET = 60;

    /** The fewest peer trials the budget may leave at a point of the time-vs-N sweep. */
    static final int SIZE_PEER_FLOOR = 3;

    /** ARDRegression trials per Python process after the first. */
    static final int ARD_BATCH = 3;

    static final Args.Spec ARGS = Args.spec("SblSuite", USAGE).positional("RESULTS_DIR")
            .flags("--quick", "--no-ard", "--no-classic").options("--trials", "--peer-trials", "--peer-budget", "--peer-floor",
                    "--time-limit", "--seed");

    /**
     * The run's settings.
     *
     * @param results    the output folder
     * @param quick      smoke run
     * @param trials     trials per point, Kronecker methods and oracle
     * @param peerTrials trials per point for classic SBL and ARD
     * @param peerFloor  the fewest peer trials the budget may leave at a point
     * @param peerBudget seconds per peer and point
     * @param seed       base seed
     * @param ard        whether ARD runs
     * @param classic    whether classic SBL runs
     * @param timeLimit  seconds of wall time after which no point and no peer trial starts (infinite: none)
     */
    record Config(Path results, boolean quick, int trials, int peerTrials, int peerFloor, double peerBudget, long seed,
                  boolean ard, boolean classic, double timeLimit) {

        static Config of(Args a) {
            boolean quick = a.has("--quick");
            int trials = a.integer("--trials", quick ? 3 : 50, 1);
            int peer = a.integer("--peer-trials", quick ? 1 : 10, 1);
            return new Config(a.positional(Path.of("benchmarks/results/sbl")), quick, trials, Math.min(peer, trials),
                    Math.min(a.integer("--peer-floor", quick ? 1 : 10, 1), Math.min(peer, trials)),
                    a.number("--peer-budget", 900, 0),
                    (long) a.number("--seed", 20240722, -1), !a.has("--no-ard"), !a.has("--no-classic"),
                    a.number("--time-limit", Double.POSITIVE_INFINITY, 0) * 60);
        }
    }

    /**
     * One sweep: a varied parameter and its points.
     *
     * @param name   file-name stem ("snr", "m1", "k", "n")
     * @param title  what varies, for titles
     * @param xLabel x axis title
     * @param xs     the varied values
     * @param setups the points, aligned with {@code xs}
     */
    record Sweep(String name, String title, String xLabel, double[] xs, List<SblProblem.Setup> setups) {
    }

    private final Config config;
    private final List<TrialRow> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<SblProblem.Setup> done = new HashSet<>();
    private final ArdPeer ard;
    private String ardVersion;
    private final long started = System.nanoTime();

    private SblSuite(Config config, ArdPeer ard) {
        this.config = config;
        this.ard = ard;
    }

    /**
     * Runs the suite.
     *
     * @param args the command line ({@link #USAGE})
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Config c = ARGS.parseOrExit(args, Config::of);
        Files.createDirectories(c.results());
        Instant start = Instant.now();
        ArdPeer ard = c.ard() ? ArdPeer.find() : ArdPeer.off("ARDRegression not measured: --no-ard");
        if (ard.unavailable() != null) {
            System.err.println(ard.unavailable());
        }
        SblSuite s = new SblSuite(c, ard);
        if (!c.classic()) {
            s.notes.add("classic SBL not measured: --no-classic");
        }
        if (ard.unavailable() != null) {
            s.notes.add(ard.unavailable());
        }
        s.warmUp();
        SblProblem.Setup def = SblProblem.Setup.paperDefault();
        List<Sweep> sweeps = sweeps(c.quick());
        s.point(def, c.peerBudget(), c.peerFloor());
        s.point(def.withBlock(true), -1, 0);
        for (Sweep w : sweeps) {
            for (SblProblem.Setup p : w.setups()) {
                if (w.name().equals("n")) {
                    s.point(p, Math.min(c.peerBudget(), SIZE_PEER_BUDGET), Math.min(c.peerFloor(), SIZE_PEER_FLOOR));
                } else {
                    s.point(p, -1, 0);
                }
            }
        }
        Duration wall = Duration.between(start, Instant.now());
        SblReport report = new SblReport(c, s.rows, sweeps, s.notes, MachineInfo.probe(), s.ardVersion,
                ard.interpreter(), wall);
        String goals = report.write(c.results());
        System.out.println(goals);
        System.err.println("wrote " + c.results().resolve("summary.md") + ", trials.csv, points.csv and the plots");
    }

    /** The sweeps (quick: fewer points). */
    static List<Sweep> sweeps(boolean quick) {
        SblProblem.Setup def = SblProblem.Setup.paperDefault();
        double[] snr = quick ? new double[] {10, 25, 30} : new double[] {5, 10, 15, 20, 25, 30};
        double[] m1 = quick ? new double[] {8, 12} : new double[] {6, 8, 10, 12, 14};
        double[] k = quick ? new double[] {2, 3} : new double[] {2, 3, 4, 5, 6};
        double[] n = quick ? new double[] {6, 8} : new double[] {6, 8, 10, 12, 15};
        List<Sweep> out = new ArrayList<>();
        out.add(new Sweep("snr", "SNR", "SNR (dB)", snr, map(snr, v -> def.withSnrDb(v))));
        out.add(new Sweep("m1", "M₁", "M₁ (rows of A₁; M = 180·M₁)", m1, map(m1, v -> def.withM1((int) v))));
        out.add(new Sweep("k", "K", "K (nonzeros per factor; K³ in x)", k, map(k, v -> def.withK((int) v))));
        out.add(new Sweep("n", "N", "N per factor (N³ unknowns)", n, map(n, v -> def.withSize((int) v))));
        return out;
    }

    private static List<SblProblem.Setup> map(double[] xs, java.util.function.DoubleFunction<SblProblem.Setup> f) {
        List<SblProblem.Setup> out = new ArrayList<>();
        for (double x : xs) {
            out.add(f.apply(x));
        }
        return out;
    }

    /** Solves a few small problems with every Java method, untimed, so that the timed solves run compiled code. */
    private void warmUp() {
        long t0 = System.nanoTime();
        for (int t = 0; t < (config.quick() ? 2 : 6); t++) {
            SblProblem p = SblProblem.generate(SblProblem.Setup.paperDefault().withSize(10), SblProblem.trialSeed(-1, t));
            for (Method m : List.of(Method.AM, Method.SVD, Method.PC)) {
                SparrowSolvers.solve(m, p);
            }
            OracleLeastSquares.solve(p);
            if (config.classic() && t < 2) {
                SparrowSolvers.solve(Method.CLASSIC, SblProblem.generate(SblProblem.Setup.paperDefault().withSize(8),
                        SblProblem.trialSeed(-1, t)));
            }
        }
        System.err.printf(Locale.ROOT, "warm-up: %.1f s%n", (System.nanoTime() - t0) * 1e-9);
    }

    /** Runs every method due at {@code setup} (once per run); the peers too when {@code budget ≥ 0}. */
    private void point(SblProblem.Setup setup, double budget, int floor) throws Exception {
        boolean peers = budget >= 0;
        if (!done.add(setup)) {
            return;
        }
        if (overTime()) {
            notes.add("not run (--time-limit reached): " + SblReport.describe(setup));
            System.err.println("not run (--time-limit reached): " + SblReport.describe(setup));
            return;
        }
        long t0 = System.nanoTime();
        List<SblProblem> problems = new ArrayList<>();
        for (int t = 0; t < config.trials(); t++) {
            if (t % 10 == 9) {
                System.err.printf(Locale.ROOT, "  %s: trial %d, %.0f s%n", SblReport.describe(setup), t + 1,
                        (System.nanoTime() - t0) * 1e-9);
            }
            SblProblem p = SblProblem.generate(setup, SblProblem.trialSeed(config.seed(), t));
            problems.add(p);
            for (Method m : List.of(Method.AM, Method.SVD, Method.PC)) {
                rows.add(TrialRow.of(p, t, m, SparrowSolvers.solve(m, p)));
            }
            rows.add(TrialRow.of(p, t, Method.ORACLE, oracle(p)));
        }
        if (peers && ard.unavailable() == null) {
            runArd(setup, problems, budget, floor);
        }
        if (peers && config.classic()) {
            runClassic(setup, problems, budget, floor);
        }
        System.err.printf(Locale.ROOT, "%s: %.1f s%s%n", SblReport.describe(setup), (System.nanoTime() - t0) * 1e-9,
                SblReport.brief(rows, setup));
    }

    private static Solve oracle(SblProblem p) {
        long t0 = System.nanoTime();
        try {
            double[] x = OracleLeastSquares.solve(p);
            return new Solve(x, (System.nanoTime() - t0) * 1e-9, Double.NaN, -1, true, "");
        } catch (IllegalStateException e) {
            return Solve.failed(e.getMessage());
        }
    }

    /** How many peer trials fit: all asked for, or what the budget allows after the first took {@code first} s. */
    static int peerCount(int asked, int floor, double budget, double first) {
        if (!(first > 0) || asked * first <= budget) {
            return asked;
        }
        return Math.max(floor, Math.min(asked, (int) Math.floor(budget / first)));
    }

    private void runClassic(SblProblem.Setup setup, List<SblProblem> problems, double budget, int floor) {
        Solve first = SparrowSolvers.solve(Method.CLASSIC, problems.get(0));
        rows.add(TrialRow.of(problems.get(0), 0, Method.CLASSIC, first));
        int n = peerCount(config.peerTrials(), floor, budget, first.seconds());
        note(Method.CLASSIC, setup, n, first.seconds(), budget);
        for (int t = 1; t < n; t++) {
            if (overTime()) {
                notes.add(String.format(Locale.ROOT, "%s: stopped after %d trials at %s (--time-limit reached)",
                        Method.CLASSIC.label(), t, SblReport.describe(setup)));
                break;
            }
            rows.add(TrialRow.of(problems.get(t), t, Method.CLASSIC, SparrowSolvers.solve(Method.CLASSIC, problems.get(t))));
        }
    }

    /** Whether the run is past {@code --time-limit}. */
    private boolean overTime() {
        return (System.nanoTime() - started) * 1e-9 > config.timeLimit();
    }

    private void runArd(SblProblem.Setup setup, List<SblProblem> problems, double budget, int floor) throws Exception {
        ArdPeer.Batch one = ard.fit(problems.subList(0, 1));
        ardVersion = one.version() != null ? one.version() : ardVersion;
        if (one.unavailable() != null) {
            notes.add(one.unavailable());
            return;
        }
        Solve first = one.solves().get(0);
        rows.add(TrialRow.of(problems.get(0), 0, Method.ARD, first));
        int n = peerCount(config.peerTrials(), floor, budget, first.seconds());
        note(Method.ARD, setup, n, first.seconds(), budget);
        // In batches of a few trials, so that the time limit is checked between them.
        for (int t = 1; t < n; t += ARD_BATCH) {
            if (overTime()) {
                notes.add(String.format(Locale.ROOT, "%s: stopped after %d trials at %s (--time-limit reached)",
                        Method.ARD.label(), t, SblReport.describe(setup)));
                break;
            }
            int end = Math.min(n, t + ARD_BATCH);
            ArdPeer.Batch rest = ard.fit(problems.subList(t, end));
            for (int u = t; u < end; u++) {
                rows.add(TrialRow.of(problems.get(u), u, Method.ARD, rest.solves().get(u - t)));
            }
        }
    }

    private void note(Method m, SblProblem.Setup setup, int n, double first, double budget) {
        if (n < config.trials()) {
            notes.add(String.format(Locale.ROOT, "%s: %d trials (not %d) at %s — one solve took %.1f s%s", m.label(), n,
                    config.trials(), SblReport.describe(setup), first,
                    n < config.peerTrials() ? String.format(Locale.ROOT, "; cut from %d by the %.0f s budget",
                            config.peerTrials(), budget) : ""));
        }
    }
}
