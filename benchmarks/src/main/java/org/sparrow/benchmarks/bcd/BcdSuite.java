package org.sparrow.benchmarks.bcd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.PythonPeer;
import org.sparrow.benchmarks.harness.Stats;
import org.sparrow.benchmarks.harness.Table;
import org.sparrow.core.CscMatrix;
import org.sparrow.solvers.IterationListener;
import org.sparrow.solvers.bcd.Bcd;
import org.sparrow.solvers.bcd.BcdOptions;
import org.sparrow.solvers.bcd.BcdProblem;
import org.sparrow.solvers.bcd.BcdResult;
import org.sparrow.solvers.bcd.PartitionRule;
import org.sparrow.solvers.bcd.SelectionRule;
import org.sparrow.solvers.bcd.UpdateRule;

/**
 * {@code ./sparrow bench bcd}: the experiments of Nutini, Laradji and Schmidt, "Let's Make Block Coordinate Descent
 * Converge Faster" (JMLR 2022) on their datasets A (least squares), B (logistic), D (lattice label propagation, read
 * from ../shared/data/bcd) and E (two-moons label propagation, rebuilt), with f − f* against the iteration as PNG
 * charts and the orderings the paper reports checked programmatically; and the Lasso against scikit-learn's
 * {@code Lasso} (time to the same objective). See benchmarks/README.md, section "Block coordinate descent".
 */
public final class BcdSuite {

    static final String USAGE = """
            Usage: BcdSuite [RESULTS_DIR] [--quick] [--iterations N] [--no-sklearn] [--lasso-sizes m1xn1,m2xn2,...]
                            [--lasso-only]
              RESULTS_DIR   default benchmarks/results/bcd
              --quick       small datasets, 100 iterations, small Lasso designs (a smoke run)
              --iterations  iterations per run of the paper's experiments (default 500, as the paper)
              --no-sklearn  skip scikit-learn (the Lasso rows then have Sparrow's times only)
              --lasso-sizes the Lasso designs (default 10000x1000,30000x3000,100000x10000)
              --lasso-only  run only the Lasso against scikit-learn: lasso.csv and the Lasso section of an
                            existing bcd.md are rewritten, the paper's experiments and their files are kept""";

    /**
     * What to run.
     *
     * @param results    the results folder
     * @param quick      smoke-run sizes
     * @param iterations iterations per experiment run
     * @param sklearn    whether to run scikit-learn
     * @param lassoSizes the Lasso designs as {rows, cols}
     * @param dataDir    ../shared/data/bcd
     * @param lassoOnly  run only the Lasso part and refresh its section of an existing bcd.md
     */
    record Settings(Path results, boolean quick, int iterations, boolean sklearn, List<int[]> lassoSizes, Path dataDir,
                    boolean lassoOnly) {
    }

    /**
     * One library run of an experiment.
     *
     * @param dataset the dataset's name
     * @param label   the configuration, e.g. "gs variable lipschitz"
     * @param options the options it ran with
     * @param outcome the gaps f − f*
     * @param result  the library's result
     * @param seconds wall time of the call
     */
    record Run(String dataset, String label, BcdOptions options, Orderings.Outcome outcome, BcdResult result,
               double seconds) {
    }

    /**
     * One Lasso comparison row.
     *
     * @param design           "mxn"
     * @param nnz              nonzeros of X
     * @param lambda           λ (Sparrow's scaling) = α·m
     * @param config           Sparrow's configuration
     * @param sklearnSeconds   median fit time (NaN when not measured)
     * @param sklearnObjective scikit-learn's w in Sparrow's objective (NaN when not measured)
     * @param sklearnIters     scikit-learn's epochs
     * @param target           the objective Sparrow had to reach
     * @param iterations       Sparrow's iterations to reach it (−1: not reached)
     * @param coordinates      coordinates Sparrow updated
     * @param sparrowSeconds   median wall time of Sparrow's run to the target
     * @param sparrowObjective Sparrow's objective at the end of the timed run
     */
    record LassoRow(String design, int nnz, double lambda, String config, double sklearnSeconds, double sklearnObjective,
                    int sklearnIters, double target, int iterations, long coordinates, double sparrowSeconds,
                    double sparrowObjective) {

        /** scikit-learn time / Sparrow time. */
        double speedup() {
            return sklearnSeconds / sparrowSeconds;
        }

        /** |F_sparrow − F_sklearn| / |F_sklearn|. */
        double relativeDifference() {
            return Math.abs(sparrowObjective - sklearnObjective) / Math.abs(sklearnObjective);
        }
    }

    private final Settings settings;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final List<Orderings.Check> checks = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();
    private final List<LassoRow> lasso = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String sklearnVersion = "not measured";

    BcdSuite(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the suite.
     *
     * @param argv [RESULTS_DIR] [--quick] [--iterations N] [--no-sklearn] [--lasso-sizes ...]
     * @throws Exception if a result cannot be written or the data cannot be read
     */
    public static void main(String[] argv) throws Exception {
        Settings s = Args.spec("BcdSuite", USAGE).flags("--quick", "--no-sklearn", "--lasso-only").options("--iterations", "--lasso-sizes")
                .positional("RESULTS_DIR").parseOrExit(argv, a -> {
                    boolean quick = a.has("--quick");
                    List<int[]> sizes = new ArrayList<>();
                    List<String> given = a.list("--lasso-sizes");
                    for (String t : given.isEmpty() ? (quick ? List.of("2000x200", "10000x1000")
                            : List.of("10000x1000", "30000x3000", "100000x10000")) : given) {
                        String[] p = t.split("x");
                        if (p.length != 2) {
                            throw new IllegalArgumentException("--lasso-sizes: '" + t + "' is not ROWSxCOLS");
                        }
                        sizes.add(new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())});
                    }
                    return new Settings(a.positional(Path.of("benchmarks/results/bcd")), quick,
                            a.integer("--iterations", quick ? 100 : 500, 1), !a.has("--no-sklearn"), sizes,
                            dataDir(), a.has("--lasso-only"));
                });
        new BcdSuite(s).run();
    }

    /**
     * Runs the suite (or, with {@code --lasso-only}, its Lasso part).
     *
     * @throws Exception if a result cannot be written or the data cannot be read
     */
    void run() throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(settings.results());
        MachineInfo machine = MachineInfo.probe();
        if (settings.lassoOnly()) {
            lasso();
            double minutes = (System.nanoTime() - start) * 1e-9 / 60;
            BcdReport.refreshLasso(settings, machine, lasso, notes, sklearnVersion, minutes);
            log(String.format(Locale.ROOT, "Lasso refreshed in %.1f minutes; results in %s", minutes,
                    settings.results()));
            return;
        }
        boolean q = settings.quick();
        log("building datasets" + (q ? " (quick sizes)" : ""));
        List<BcdDatasets.Dataset> smooth = List.of(
                q ? BcdDatasets.datasetA(200, 2000, 1) : BcdDatasets.datasetA(1000, 10000, 1),
                q ? BcdDatasets.datasetB(200, 2000, 2) : BcdDatasets.datasetB(1000, 10000, 2),
                q ? BcdDatasets.datasetE(400, 20, 0.15, 3) : BcdDatasets.datasetE(2000, 100, 0.15, 3));
        BcdDatasets.Dataset d = BcdDatasets.datasetD(settings.dataDir());
        List<BcdDatasets.Dataset> all = new ArrayList<>(smooth);
        all.add(2, d);

        greedyAndVariable(smooth);
        partitions(smooth);
        hessian(smooth);
        messagePassing(List.of(d, smooth.get(2)));
        activeSetNewton(smooth.get(0));
        lasso();

        double minutes = (System.nanoTime() - start) * 1e-9 / 60;
        BcdReport.write(settings, machine, all, runs.values(), checks, figures, lasso, notes, sklearnVersion, minutes);
        log(String.format(Locale.ROOT, "done in %.1f minutes; results in %s", minutes, settings.results()));
        for (Orderings.Check c : checks) {
            log(c.verdict() + "  " + c.claim() + " [" + c.where() + "]");
        }
    }

    // ----- the paper's experiments -----

    private static final List<SelectionRule> GREEDY = List.of(SelectionRule.GS, SelectionRule.GSL, SelectionRule.GSD);

    private static final List<SelectionRule> FIG4_RULES = List.of(SelectionRule.CYCLIC, SelectionRule.RANDOM,
            SelectionRule.LIPSCHITZ, SelectionRule.GS, SelectionRule.GSL, SelectionRule.GSD);

    private BcdOptions base() {
        return BcdOptions.defaults().withBlockSize(5).withUpdate(UpdateRule.LIPSCHITZ).withTolerance(1e-14)
                .withMaxIterations(settings.iterations()).withSeed(1);
    }

    /** Fig. 4/8: greedy rules against cyclic and random, variable and sorted fixed blocks; and variable vs fixed. */
    private void greedyAndVariable(List<BcdDatasets.Dataset> datasets) throws IOException {
        for (BcdDatasets.Dataset ds : datasets) {
            for (PartitionRule p : List.of(PartitionRule.VARIABLE, PartitionRule.SORT)) {
                List<Run> rs = new ArrayList<>();
                for (SelectionRule r : FIG4_RULES) {
                    rs.add(run(ds, base().withPartition(p).withRule(r)));
                }
                chart("greedy-" + ds.name() + "-" + p.cliName(), ds, "greedy vs cyclic and random, " + p.cliName()
                        + " blocks of 5, Lipschitz updates", rs);
                checks.add(Orderings.bestBeatsAll("greedy beats random and cyclic", ds.name() + ", " + p.cliName()
                        + " blocks", outcomes(rs, GREEDY), outcomes(rs, List.of(SelectionRule.CYCLIC, SelectionRule.RANDOM))));
            }
            List<Run> vr = new ArrayList<>();
            for (SelectionRule r : GREEDY) {
                Run var = run(ds, base().withPartition(PartitionRule.VARIABLE).withRule(r));
                Run fixed = run(ds, base().withPartition(PartitionRule.SORT).withRule(r));
                vr.add(var);
                vr.add(fixed);
                checks.add(Orderings.bestBeatsAll("variable blocks beat fixed blocks", ds.name() + ", "
                        + r.cliName() + ", sorted fixed blocks", List.of(var.outcome()), List.of(fixed.outcome())));
            }
            chart("variable-" + ds.name(), ds, "variable vs fixed (sorted) blocks of 5, Lipschitz updates", vr);
        }
    }

    /** Fig. 10: the fixed partitions sort, order and average under greedy rules. */
    private void partitions(List<BcdDatasets.Dataset> datasets) throws IOException {
        for (BcdDatasets.Dataset ds : datasets) {
            List<Run> all = new ArrayList<>();
            for (SelectionRule r : List.of(SelectionRule.GS, SelectionRule.GSL)) {
                Run sort = run(ds, base().withPartition(PartitionRule.SORT).withRule(r));
                Run order = run(ds, base().withPartition(PartitionRule.ORDER).withRule(r));
                Run avg = run(ds, base().withPartition(PartitionRule.AVERAGE).withRule(r));
                all.addAll(List.of(sort, order, avg));
                checks.add(Orderings.bestBeatsAll("sort beats order and average", ds.name() + ", " + r.cliName(),
                        List.of(sort.outcome()), List.of(order.outcome(), avg.outcome())));
            }
            chart("partition-" + ds.name(), ds, "fixed partitions sort, order, avg; blocks of 5, Lipschitz updates", all);
        }
    }

    /** Fig. 5/11: block-Hessian-bound updates against Lipschitz updates. */
    private void hessian(List<BcdDatasets.Dataset> datasets) throws IOException {
        for (BcdDatasets.Dataset ds : datasets) {
            List<Run> all = new ArrayList<>();
            for (PartitionRule p : List.of(PartitionRule.VARIABLE, PartitionRule.SORT)) {
                for (SelectionRule r : List.of(SelectionRule.GS, SelectionRule.GSL)) {
                    Run lip = run(ds, base().withPartition(p).withRule(r));
                    Run hes = run(ds, base().withPartition(p).withRule(r).withUpdate(UpdateRule.HESSIAN));
                    all.add(lip);
                    all.add(hes);
                    checks.add(Orderings.bestBeatsAll("Hessian updates beat Lipschitz updates", ds.name() + ", "
                            + r.cliName() + ", " + p.cliName() + " blocks", List.of(hes.outcome()), List.of(lip.outcome())));
                }
                Run gsq = run(ds, base().withPartition(p).withRule(SelectionRule.GSQ).withUpdate(UpdateRule.HESSIAN));
                all.add(gsq);
            }
            chart("hessian-" + ds.name(), ds, "block-Hessian-bound vs Lipschitz updates, blocks of 5", all);
        }
    }

    /** Fig. 6: message passing on forest blocks against every fixed-block rule (datasets D and E). */
    private void messagePassing(List<BcdDatasets.Dataset> datasets) throws IOException {
        for (BcdDatasets.Dataset ds : datasets) {
            List<Run> fixed = new ArrayList<>();
            for (SelectionRule r : FIG4_RULES) {
                fixed.add(run(ds, base().withPartition(PartitionRule.SORT).withRule(r)));
                fixed.add(run(ds, base().withPartition(PartitionRule.SORT).withRule(r).withUpdate(UpdateRule.HESSIAN)));
            }
            int n = ds.problem().cols();
            // greedy forests grown by |∇ᵢf| with no cap on their size (the block size caps a greedy forest)
            Run gsTree = run(ds, base().withPartition(PartitionRule.VARIABLE).withRule(SelectionRule.GS)
                    .withMessagePassing(true).withBlockSize(n));
            List<Run> trees = new ArrayList<>(List.of(gsTree));
            trees.add(run(ds, base().withPartition(PartitionRule.VARIABLE).withRule(SelectionRule.GSL)
                    .withMessagePassing(true).withBlockSize(n)));
            // the tree partition (forests covering all nodes) in turn and at random
            trees.add(run(ds, base().withPartition(PartitionRule.ORDER).withRule(SelectionRule.CYCLIC)
                    .withMessagePassing(true)));
            trees.add(run(ds, base().withPartition(PartitionRule.ORDER).withRule(SelectionRule.RANDOM)
                    .withMessagePassing(true)));
            List<Run> chartRuns = new ArrayList<>(trees);
            chartRuns.addAll(fixed);
            chart("message-passing-" + ds.name(), ds, "forest blocks by message passing vs fixed blocks of 5", chartRuns);
            List<Orderings.Outcome> fixedOutcomes = fixed.stream().map(Run::outcome).toList();
            checks.add(Orderings.bestBeatsAll("GS with message-passing tree blocks reaches f − f* ≤ 1e-9·|f*| in fewer "
                    + "iterations than every fixed-block rule", ds.name(), List.of(gsTree.outcome()), fixedOutcomes));
            checks.add(Orderings.bestBeatsAll("large tree blocks with message passing beat small blocks", ds.name(),
                    trees.stream().map(Run::outcome).toList(), List.of(Orderings.best(fixedOutcomes))));
        }
    }

    /** Fig. 7: ℓ₁ + x ≥ 0 least squares; projected Newton on the active set converges superlinearly. */
    private void activeSetNewton(BcdDatasets.Dataset a) throws IOException {
        double lambda = 50000; // exp_configs.py, fig7: l1 = 50000 on dataset A with x ≥ 0
        BcdProblem p = a.problem().withL1(lambda).withNonnegative(true);
        BcdOptions gsq = base().withPartition(PartitionRule.VARIABLE).withRule(SelectionRule.GSQ);
        List<BcdOptions> configs = new ArrayList<>();
        for (int k : List.of(5, 50)) {
            configs.add(gsq.withBlockSize(k).withUpdate(UpdateRule.NEWTON).withActiveSet(true));
            configs.add(gsq.withBlockSize(k).withUpdate(UpdateRule.LIPSCHITZ));
            configs.add(gsq.withBlockSize(k).withUpdate(UpdateRule.HESSIAN));
        }
        // f*: the best objective of a long reference run and of every run below
        BcdResult ref = Bcd.solve(p, null, configs.get(3).withMaxIterations(5 * settings.iterations()));
        double fStar = min(ref.objectiveHistory());
        List<BcdResult> results = new ArrayList<>();
        for (BcdOptions o : configs) {
            BcdResult r = Bcd.solve(p, null, o);
            results.add(r);
            fStar = Math.min(fStar, min(r.objectiveHistory()));
        }
        BcdDatasets.Dataset l1 = new BcdDatasets.Dataset("A-l1", a.description() + ", + 50000·‖x‖₁, x ≥ 0", p, a.matrix(),
                fStar, "the best objective of all runs and of a reference run (" + ref.iterations() + " iterations, "
                + "GSQ variable blocks of 50, Newton with active set)");
        List<Run> rs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            rs.add(record(l1, configs.get(i), results.get(i), results.get(i).seconds()));
        }
        chart("active-set-A-l1", l1, "ℓ₁ + nonnegative least squares (λ = 50000), GSQ variable blocks", rs);
        double floor = 1e-11 * Math.max(1, Math.abs(fStar));
        for (int i = 0; i < rs.size(); i += 3) {
            Run newton = rs.get(i);
            Run lip = rs.get(i + 1);
            int k0 = newton.result().activeSetStableSince();
            boolean superlinear = Orderings.superlinearAfter(newton.outcome().gap(), k0, floor, 5);
            checks.add(new Orderings.Check("projected Newton converges superlinearly after active-set identification",
                    "A-l1, GSQ variable blocks of " + newton.options().blockSize(), superlinear,
                    "active set unchanged from iteration " + k0 + "; gap ratios after it: "
                            + Orderings.ratios(newton.outcome().gap(), k0, floor, 8) + "; " + newton.outcome().summary()
                            + "; Lipschitz ratios from the same iteration: "
                            + Orderings.ratios(lip.outcome().gap(), Math.max(0, k0), floor, 4)));
        }
        notes.add("A-l1: f* = " + fStar + " (" + l1.fStarSource() + "); the noise floor of the superlinear check is "
                + Orderings.sci(floor) + ".");
    }

    // ----- Lasso vs scikit-learn -----

    /** The Sparrow configurations timed against scikit-learn. */
    private static List<BcdOptions> lassoConfigs() {
        BcdOptions o = BcdOptions.defaults().withTolerance(1e-14).withSeed(1);
        return List.of(
                o.withPartition(PartitionRule.ORDER).withBlockSize(1).withRule(SelectionRule.CYCLIC)
                        .withUpdate(UpdateRule.LIPSCHITZ),
                o.withPartition(PartitionRule.VARIABLE).withBlockSize(1).withRule(SelectionRule.GS)
                        .withUpdate(UpdateRule.LIPSCHITZ),
                o.withPartition(PartitionRule.VARIABLE).withBlockSize(5).withRule(SelectionRule.GSQ)
                        .withUpdate(UpdateRule.NEWTON).withActiveSet(true),
                o.withPartition(PartitionRule.ORDER).withBlockSize(1).withRule(SelectionRule.WORKING_SET));
    }

    private void lasso() throws Exception {
        String interpreter = settings.sklearn() ? PythonPeer.interpreterWith("sklearn") : null;
        if (settings.sklearn() && interpreter == null) {
            notes.add("scikit-learn not measured: no Python interpreter imports sklearn (tried "
                    + PythonPeer.candidateInterpreters() + ")");
        }
        int repeats = settings.quick() ? 1 : 15;
        for (int[] size : settings.lassoSizes()) {
            BcdDatasets.LassoDesign design = BcdDatasets.lassoDesign(size[0], size[1], 7L * size[0] + size[1]);
            int m = size[0];
            double lambda = 0.1 * design.lambdaMax();
            BcdProblem p = BcdProblem.leastSquares(design.x(), design.y()).withL1(lambda);
            double skSeconds = Double.NaN;
            double skObjective = Double.NaN;
            int skIters = -1;
            if (interpreter != null) {
                log("Lasso " + design.name() + ": scikit-learn");
                try (PythonPeer peer = new PythonPeer(interpreter, BcdSuite.class, "bcd_sklearn.py")) {
                    writeDesign(peer.folder(), design);
                    List<String> lines = new ArrayList<>();
                    PythonPeer.Outcome out = peer.run(List.of(peer.folder().toString(), design.name(),
                            Integer.toString(m), Integer.toString(size[1]), Double.toString(lambda / m), "1e-12",
                            "100000", Integer.toString(repeats)), 1800, lines::add);
                    sklearnVersion = out.versionOr(sklearnVersion);
                    if (out.ok() && !lines.isEmpty()) {
                        String[] f = lines.getLast().split(",");
                        skSeconds = Double.parseDouble(f[1]);
                        skIters = Integer.parseInt(f[3]);
                        double[] w = readDoubles(peer.folder().resolve(design.name() + "_w.bin"), size[1]);
                        skObjective = p.objective(w);
                    } else {
                        notes.add("scikit-learn on " + design.name() + " failed: " + (out.unavailable() != null
                                ? out.unavailable() : "exit " + out.exitCode() + (out.timedOut() ? " (timed out)" : "")));
                    }
                }
            }
            for (BcdOptions o : lassoConfigs()) {
                lasso.add(lassoRow(design, p, lambda, o, skSeconds, skObjective, skIters, repeats));
            }
        }
    }

    private LassoRow lassoRow(BcdDatasets.LassoDesign design, BcdProblem p, double lambda, BcdOptions o, double skSeconds,
                              double skObjective, int skIters, int repeats) {
        String config = label(o);
        log("Lasso " + design.name() + ": sparrow " + config);
        int cap = (o.blockSize() == 1 ? 50 : 10) * design.x().cols();
        double capSeconds = settings.quick() ? 20 : 60;
        double goal = Double.isNaN(skObjective) ? Double.NEGATIVE_INFINITY : skObjective * (1 + 1e-12) + 1e-300;
        double target = goal;
        // the discovery run: iterations to scikit-learn's objective (or, without it, to convergence); warms the JIT
        // up. The library has an iteration limit, not a time limit: the listener ends a run past capSeconds.
        int[] reachedAt = {-1};
        double[] best = {Double.POSITIVE_INFINITY};
        long t0 = System.nanoTime();
        IterationListener watch = (it, f) -> {
            best[0] = Math.min(best[0], f);
            if (reachedAt[0] < 0 && f <= goal) {
                reachedAt[0] = it;
                throw new StopDiscovery();
            }
            if ((System.nanoTime() - t0) * 1e-9 > capSeconds) {
                throw new StopDiscovery();
            }
        };
        int k;
        try {
            BcdResult first = Bcd.solve(p, null, o.withMaxIterations(cap).withListener(watch));
            double[] h = first.objectiveHistory();
            best[0] = Math.min(best[0], min(h));
            if (Double.isNaN(skObjective)) {
                target = min(h);
            }
            k = -1;
            for (int i = 0; i < h.length; i++) {
                if (h[i] <= target) {
                    k = i;
                    break;
                }
            }
        } catch (StopDiscovery e) {
            k = reachedAt[0];
        }
        if (k < 0) {
            notes.add(String.format(Locale.ROOT, "Lasso %s, %s: did not reach scikit-learn's objective %s within %d "
                    + "iterations or %.0f s (best %s)", design.name(), config, skObjective, cap, capSeconds, best[0]));
            return new LassoRow(design.name(), design.x().nnz(), lambda, config, skSeconds, skObjective, skIters, target,
                    -1, -1, Double.NaN, best[0]);
        }
        BcdOptions timed = o.withMaxIterations(Math.max(1, k));
        // untimed warm-up runs of the timed configuration (up to 50, at most 2 s): the JIT compiles the solver's
        // loops, as scikit-learn's are compiled ahead of time (its side has one warm-up fit); 10 runs of a 10 ms
        // solve left the timed runs partly in C1-compiled code
        long w0 = System.nanoTime();
        for (int w = 0; w < (settings.quick() ? 1 : 50) && (System.nanoTime() - w0) * 1e-9 < 2.0; w++) {
            Bcd.solve(p, null, timed);
        }
        double[] secs = new double[repeats];
        BcdResult r = null;
        for (int t = 0; t < repeats; t++) {
            long start = System.nanoTime();
            r = Bcd.solve(p, null, timed);
            secs[t] = (System.nanoTime() - start) * 1e-9;
        }
        return new LassoRow(design.name(), design.x().nnz(), lambda, config, skSeconds, skObjective, skIters, target, k,
                r.coordinatesUpdated(), Stats.median(secs), p.objective(r.x()));
    }

    /** X as raw CSC arrays and y, little-endian, as bcd_sklearn.py reads them. */
    static void writeDesign(Path folder, BcdDatasets.LassoDesign d) throws IOException {
        CscMatrix x = d.x();
        writeInts(folder.resolve(d.name() + "_indptr.bin"), x.columnPointers(), x.cols() + 1);
        writeInts(folder.resolve(d.name() + "_indices.bin"), x.rowIndices(), x.nnz());
        writeDoubles(folder.resolve(d.name() + "_data.bin"), x.values(), x.nnz());
        writeDoubles(folder.resolve(d.name() + "_y.bin"), d.y(), d.y().length);
    }

    private static void writeInts(Path f, int[] v, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(v, 0, n);
        Files.write(f, b.array());
    }

    private static void writeDoubles(Path f, double[] v, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v, 0, n);
        Files.write(f, b.array());
    }

    static double[] readDoubles(Path f, int n) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        if (bytes.length != 8 * n) {
            throw new IOException(f + " holds " + bytes.length + " bytes, expected " + 8 * n);
        }
        double[] v = new double[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }

    /** Ends a discovery run from its listener (at the target, or past the time cap). */
    private static final class StopDiscovery extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopDiscovery() {
            super("discovery run stopped", null, false, false);
        }
    }

    // ----- helpers -----

    /** Runs (once; cached by dataset and configuration) and records the gaps. */
    private Run run(BcdDatasets.Dataset ds, BcdOptions o) {
        String key = ds.name() + "|" + label(o);
        Run r = runs.get(key);
        if (r != null) {
            return r;
        }
        long t0 = System.nanoTime();
        BcdResult res = Bcd.solve(ds.problem(), null, o);
        return record(ds, o, res, (System.nanoTime() - t0) * 1e-9);
    }

    private Run record(BcdDatasets.Dataset ds, BcdOptions o, BcdResult res, double seconds) {
        double[] h = res.objectiveHistory();
        double[] gap = new double[h.length];
        for (int k = 0; k < h.length; k++) {
            gap[k] = h[k] - ds.fStar();
        }
        double target = 1e-9 * Math.max(Math.abs(ds.fStar()), h[0] - ds.fStar());
        Run r = new Run(ds.name(), label(o), o, new Orderings.Outcome(label(o), gap, target), res, seconds);
        runs.put(ds.name() + "|" + label(o), r);
        log(String.format(Locale.ROOT, "%-5s %-48s %6d its  gap %.3g  %.2f s", ds.name(), label(o), res.iterations(),
                gap[gap.length - 1], seconds));
        return r;
    }

    /** "gs variable/5 lipschitz +mp +as". */
    static String label(BcdOptions o) {
        if (o.rule() == SelectionRule.WORKING_SET) { // partition and update are not used by this rule
            return "working-set CD";
        }
        return o.rule().cliName() + " " + o.partition().cliName() + "/" + o.blockSize() + " " + o.update().cliName()
                + (o.messagePassing() ? " +mp" : "") + (o.activeSet() ? " +as" : "");
    }

    private static List<Orderings.Outcome> outcomes(List<Run> rs, List<SelectionRule> rules) {
        return rs.stream().filter(r -> rules.contains(r.options().rule())).map(Run::outcome).toList();
    }

    private void chart(String name, BcdDatasets.Dataset ds, String what, List<Run> rs) throws IOException {
        Path file = settings.results().resolve(name + ".png");
        BcdCharts.write(file, "Dataset " + ds.name() + ": " + what, rs.stream().map(Run::outcome).toList());
        figures.add(name + ".png — dataset " + ds.name() + ": " + what);
    }

    /** ../shared/data/bcd: the sibling of the shared matrices ({@link BenchmarkData#dataDir()}). */
    static Path dataDir() {
        return BenchmarkData.dataDir().getParent().resolve("bcd");
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static void log(String s) {
        System.out.println("[bcd] " + s);
        System.out.flush();
    }
}
