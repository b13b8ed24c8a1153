package org.sparrow.benchmarks.ot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;
import org.sparrow.solvers.ot.EntropicOt;
import org.sparrow.solvers.ot.OtMethod;
import org.sparrow.solvers.ot.OtOptions;
import org.sparrow.solvers.ot.OtResult;

/**
 * The entropic optimal transport benchmark: Sparrow's Sinkhorn-Newton-Sparse ({@link OtMethod#SNS}) and
 * log-domain Sinkhorn ({@link OtMethod#SINKHORN}) against POT's {@code ot.sinkhorn(..., method='sinkhorn_log')}
 * on the cases of Tang et al. (ICLR 2024, arXiv 2401.12253), with the exact optimum for the entropic bias,
 * all in one run.
 *
 * <p>Cases ({@link OtInstance}): random assignment, and uniform point clouds in the unit square with
 * squared-Euclidean and Euclidean costs, at n = 500, 1000, 2000 (quick: 100, 200), seeded, a = b = 1/n,
 * η = {@value #ETA}, marginal error tolerance {@value #TOL} (‖P·1 − a‖₁ + ‖Pᵀ·1 − b‖₁). Per case:
 * <ul>
 *   <li>SNS with the library's defaults (20 Sinkhorn steps, density 2/n) on all cores and on one thread:
 *       a cold solve, then, when it took under {@value #REPEAT_BELOW_SECONDS} s, one warm-up and the median of
 *       three; stopped at the case's cap through its iteration listener ({@link TimeCap});</li>
 *   <li>Sinkhorn, once, stopped at the case's time cap through its listener (at η = 1200 it needs tens of
 *       thousands of iterations); a capped run reports its iterations and the library's last marginal error;</li>
 *   <li>POT's {@code sinkhorn_log} and the exact optimum ({@code linear_sum_assignment} for the assignment,
 *       {@code ot.emd} for the clouds) through {@code ot_pot.py} ({@link PotPeer}), POT stopped at the cap by
 *       an alarm in the script, which keeps the plan of its potentials at that moment.</li>
 * </ul>
 * Every time is taken inside its process around the solve only (instance generation and I/O excluded).
 * Before anything is timed, every Sparrow method solves one small instance of each kind untimed, so that
 * the JIT has compiled the kernels. Every plan's marginal error and ⟨C, P⟩ are recomputed by
 * {@link PlanMetrics}, the same way for everyone.
 *
 * <p>Output in the results folder (default {@code benchmarks/results/ot}): {@code ot.csv}, {@code ot.md},
 * {@code convergence.png} (marginal error against iteration on the smallest size) and {@code scaling.png}
 * (SNS time per iteration against n). Usage: {@code OtSuite [RESULTS_DIR] [--quick] [--sizes n,...]
 * [--cap S] [--small-cap S] [--goal-cap S] [--no-pot]}.
 */
public final class OtSuite {

    /** The entropic parameter of every case (the paper's random assignment setting). */
    static final double ETA = 1200;
    /** The marginal error every method is driven to. */
    static final double TOL = 1e-9;
    /** The base seed of every instance. */
    static final long SEED = 20240118L;
    /** Sinkhorn's and POT's iteration limit when the cap allows more. */
    static final int MAX_SINKHORN = 100_000;

    static final String USAGE = """
            usage: OtSuite [RESULTS_DIR] [--quick] [--sizes n,...] [--cap S] [--small-cap S] [--goal-cap S] [--no-pot]
              RESULTS_DIR   default benchmarks/results/ot
              --quick       n = 100, 200 and short caps (a smoke run of about a minute)
              --sizes       the n of every case (default 500,1000,2000)
              --cap         seconds for each capped run (Sinkhorn, POT) above the smallest n (default 30; quick 5)
              --small-cap   the same at the smallest n (default 60; quick 10)
              --goal-cap    POT's cap on the smallest random assignment, the issue's speed-up goal (default 300; quick 20)
              --no-pot      skip POT and the exact optimum""";

    static final Args.Spec ARGS = Args.spec("OtSuite", USAGE).positional("RESULTS_DIR").flags("--quick", "--no-pot")
            .options("--sizes", "--cap", "--small-cap", "--goal-cap");

    /** The suite's settings. */
    record Settings(Path results, boolean quick, int[] sizes, double cap, double smallCap, double goalCap, boolean pot) {

        /** The cap of a run of {@code method} ("sns", "sinkhorn" or "pot") on {@code inst}. */
        double capFor(OtInstance inst, String method) {
            int smallest = sizes[0];
            for (int s : sizes) {
                smallest = Math.min(smallest, s);
            }
            if (inst.n() > smallest) {
                return cap;
            }
            return method.equals("pot") && inst.kind() == OtInstance.Kind.ASSIGNMENT ? goalCap : smallCap;
        }
    }

    /**
     * One method's outcome on one case.
     *
     * @param method            sns, sns-1t, sinkhorn, pot
     * @param status            converged, capped, not converged, or failed
     * @param iterations        all iterations (Sinkhorn + Newton)
     * @param sinkhornIterations Sinkhorn iterations
     * @param newtonIterations  Newton iterations (SNS)
     * @param cgIterations      CG iterations in all (SNS)
     * @param seconds           the solve's time (SNS: median of three)
     * @param metrics           the plan's metrics, recomputed here
     * @param droppedMass       mass the library dropped from the plan (underflow), NaN for POT
     * @param capSeconds        the cap, NaN where none
     * @param note              anything else worth saying
     */
    record Row(String method, String status, int iterations, int sinkhornIterations, int newtonIterations,
               int cgIterations, double seconds, PlanMetrics metrics, double droppedMass, double capSeconds,
               String note) {

        double secondsPerIteration() {
            return iterations > 0 ? seconds / iterations : Double.NaN;
        }
    }

    /**
     * One case's results.
     *
     * @param kind          the case
     * @param n             its size
     * @param seed          its seed
     * @param rows          one per method
     * @param exact         the exact optimum, or null
     * @param potLowerBound a lower bound on POT's time to the tolerance (see {@code ot_pot.py}), NaN if none
     * @param snsHistory    SNS's marginal error per iteration
     * @param sinkHistory   Sinkhorn's marginal error per iteration
     * @param problem       why POT or the exact optimum is missing, or null
     */
    record CaseResult(OtInstance.Kind kind, int n, long seed, List<Row> rows, PotPeer.Exact exact, double potLowerBound,
                      double[] snsHistory, double[] sinkHistory, String problem) {

        Row row(String method) {
            return rows.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
        }

        String name() {
            return kind.label() + "-" + n;
        }
    }

    private OtSuite() {
    }

    /**
     * Runs the suite.
     *
     * @param args see the usage
     * @throws Exception on an I/O failure writing the results
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings s = ARGS.parseOrExit(args, OtSuite::settings);
        Files.createDirectories(s.results());
        Instant start = Instant.now();
        MachineInfo machine = MachineInfo.probe();
        int threads = Parallelism.defaultThreads();
        warmUp(Math.min(200, java.util.Arrays.stream(s.sizes()).min().orElse(200)));

        List<CaseResult> results = new ArrayList<>();
        String potVersion = null;
        String potNote = s.pot() ? null : "POT not measured (--no-pot)";
        PotPeer pot = s.pot() ? PotPeer.find() : null;
        if (s.pot() && pot == null) {
            potNote = "POT not measured: no Python interpreter on this machine imports POT (ot) and scipy "
                    + "(apt-get install python3-pot)";
        }
        try {
            for (int n : s.sizes()) {
                for (OtInstance.Kind kind : OtInstance.Kind.values()) {
                    OtInstance inst = OtInstance.generate(kind, n, SEED);
                    System.err.printf(Locale.ROOT, "%s:%n", inst);
                    CaseResult r = runCase(inst, s, pot);
                    results.add(r);
                    if (pot != null && potVersion == null) {
                        potVersion = lastVersion;
                    }
                }
            }
        } finally {
            if (pot != null) {
                pot.close();
            }
        }
        Duration wall = Duration.between(start, Instant.now());
        OtReport.write(s, results, machine, threads, potVersion, pot == null ? null : pot.interpreter(), potNote, wall,
                String.join(" ", args));
        System.err.println("wrote " + s.results().resolve("ot.md") + ", ot.csv, convergence.png and scaling.png");
    }

    /** The version line of the last POT run. */
    private static String lastVersion;

    static Settings settings(Args a) {
        boolean quick = a.has("--quick");
        int[] sizes = a.integers("--sizes", quick ? new int[] {100, 200} : new int[] {500, 1000, 2000});
        return new Settings(a.positional(Path.of("benchmarks/results/ot")), quick, sizes,
                a.number("--cap", quick ? 5 : 30, 0), a.number("--small-cap", quick ? 10 : 60, 0),
                a.number("--goal-cap", quick ? 20 : 300, 0), !a.has("--no-pot"));
    }

    /** Solves one small instance of each kind with each method, untimed, so that timed solves run compiled code. */
    static void warmUp(int n) {
        for (OtInstance.Kind kind : OtInstance.Kind.values()) {
            OtInstance w = OtInstance.generate(kind, n, SEED + 1);
            for (OtOptions o : List.of(sns(Par.AUTO), sns(Par.SEQ), sinkhorn(300))) {
                try {
                    EntropicOt.solve(w.cost(), w.a(), w.b(), o.withListener(new TimeCap(WARMUP_CAP_SECONDS)));
                } catch (TimeCap.Reached e) {
                    // enough warm-up for this method
                }
            }
        }
    }

    /** The longest a warm-up solve may take. */
    static final double WARMUP_CAP_SECONDS = 10.0;

    static OtOptions sns(Par par) {
        return OtOptions.defaults().withMethod(OtMethod.SNS).withEta(ETA).withTolerance(TOL).withPar(par);
    }

    static OtOptions sinkhorn(int maxIterations) {
        return OtOptions.defaults().withMethod(OtMethod.SINKHORN).withEta(ETA).withTolerance(TOL)
                .withMaxIterations(maxIterations);
    }

    /** All methods on one instance. */
    static CaseResult runCase(OtInstance inst, Settings s, PotPeer pot) throws Exception {
        List<Row> rows = new ArrayList<>();
        double snsCap = s.capFor(inst, "sns");
        Capped snsRun = snsRow("sns", inst, Par.AUTO, snsCap);
        rows.add(snsRun.row());
        if (snsRun.result() != null) {
            rows.add(snsRow("sns-1t", inst, Par.SEQ, snsCap).row());
        }

        // Sinkhorn: a time cap through the listener; a capped solve returns no plan, so its row carries the
        // iterations and the library's last marginal error.
        double cap = s.capFor(inst, "sinkhorn");
        TimeCap tc = new TimeCap(cap);
        Row sinkRow;
        double[] sinkHistory;
        try {
            OtResult sink = EntropicOt.solve(inst.cost(), inst.a(), inst.b(), sinkhorn(MAX_SINKHORN).withListener(tc));
            sinkRow = sparrowRow("sinkhorn", sink, sink.seconds(), inst, cap);
            sinkHistory = sink.marginalErrorHistory();
        } catch (TimeCap.Reached e) {
            sinkRow = new Row("sinkhorn", "capped", tc.iterations(), tc.iterations(), 0, 0, tc.seconds(),
                    new PlanMetrics(tc.lastError(), Double.NaN, 0), Double.NaN, cap, String.format(Locale.ROOT,
                    "%s after %d iterations; marginal error %.3g is the library's (no plan returned)", e.getMessage(),
                    tc.iterations(), tc.lastError()));
            sinkHistory = tc.history();
        }
        rows.add(sinkRow);

        PotPeer.Exact exact = null;
        double potLower = Double.NaN;
        String problem = null;
        if (pot != null) {
            double potCap = s.capFor(inst, "pot");
            String exactMethod = inst.kind() == OtInstance.Kind.ASSIGNMENT ? "assignment" : "emd";
            PotPeer.Outcome o = pot.run(inst, ETA, TOL, potCap, MAX_SINKHORN, exactMethod);
            lastVersion = o.version();
            exact = o.exact();
            problem = o.problem();
            PotPeer.Run run = o.run();
            if (run != null) {
                PlanMetrics m = PlanMetrics.ofDense(run.plan(), inst.cost(), inst.a(), inst.b());
                boolean reached = m.marginalError() <= TOL;
                String status = reached ? "converged" : run.capped() ? "capped" : "not converged";
                String note = String.format(Locale.ROOT, "stopThr %.3g (ℓ2 of the column error, checked every 10th "
                        + "iteration); %.0f s time cap%s; its ℓ2 error ≤ %.0e first at iteration %s",
                        TOL / Math.sqrt(inst.n()), potCap, run.capped() && !reached ? " (reached: plan from the potentials "
                        + "at the cap)" : "", TOL,
                        run.l2Iterations() < 0 ? "— (not reached)" : Integer.toString(run.l2Iterations()));
                rows.add(new Row("pot", status, run.iterations(), run.iterations(), 0, 0, run.seconds(), m, Double.NaN,
                        potCap, note));
                // POT's ℓ1 error cannot reach TOL before its ℓ2 error does; a capped run had not reached it at all.
                potLower = reached && run.l2Iterations() > 0 ? run.seconds() * run.l2Iterations() / run.iterations()
                        : run.seconds();
            }
        }
        for (Row r : rows) {
            System.err.printf(Locale.ROOT, "  %-8s %-13s %6d its (%d + %d, cg %d) %10.4f s  err %.3e  <C,P> %.12g%n",
                    r.method(), r.status(), r.iterations(), r.sinkhornIterations(), r.newtonIterations(), r.cgIterations(),
                    r.seconds(), r.metrics().marginalError(), r.metrics().transportCost());
        }
        if (exact != null) {
            System.err.printf(Locale.ROOT, "  exact (%s) %.12g%n", exact.method(), exact.cost());
        }
        if (problem != null) {
            System.err.println("  " + problem);
        }
        return new CaseResult(inst.kind(), inst.n(), inst.seed(), rows, exact, potLower, snsRun.history(),
                sinkHistory, problem);
    }

    /** A row, the library's result (null when the time cap stopped the solve) and the error history. */
    record Capped(Row row, OtResult result, double[] history) {
    }

    /**
     * SNS on {@code par}: a cold solve under the time cap; if it finishes in under {@value #REPEAT_BELOW_SECONDS} s,
     * the median of three more (after the cold one and a warm-up, {@link Timer}), else the cold time. A solve the
     * cap stopped is reported with the iterations and the library's last marginal error (no plan to measure).
     */
    static Capped snsRow(String method, OtInstance inst, Par par, double cap) {
        TimeCap tc = new TimeCap(cap);
        OtResult cold;
        try {
            cold = EntropicOt.solve(inst.cost(), inst.a(), inst.b(), sns(par).withListener(tc));
        } catch (TimeCap.Reached e) {
            PlanMetrics none = new PlanMetrics(tc.lastError(), Double.NaN, 0);
            String note = String.format(Locale.ROOT, "%s after %d iterations; marginal error %.3g is the library's "
                    + "(no plan returned)", e.getMessage(), tc.iterations(), tc.lastError());
            return new Capped(new Row(method, "capped", tc.iterations(), Math.min(tc.iterations(), 20),
                    Math.max(0, tc.iterations() - 20), 0, tc.seconds(), none, Double.NaN, cap, note), null, tc.history());
        }
        double seconds = cold.seconds();
        String timing = "cold solve timed once (≥ " + REPEAT_BELOW_SECONDS + " s)";
        if (cold.seconds() < REPEAT_BELOW_SECONDS) {
            Timer.Measured<OtResult> t = Timer.measure(Timer.Settings.unbatched(1, 0.0, 3, 120.0, REPEAT_BELOW_SECONDS),
                    () -> EntropicOt.solve(inst.cost(), inst.a(), inst.b(), sns(par)));
            seconds = t.seconds();
            timing = "median of " + t.runs();
        }
        Row r = sparrowRow(method, cold, seconds, inst, cap);
        return new Capped(new Row(r.method(), r.status(), r.iterations(), r.sinkhornIterations(), r.newtonIterations(),
                r.cgIterations(), r.seconds(), r.metrics(), r.droppedMass(), r.capSeconds(), r.note() + "; " + timing),
                cold, cold.marginalErrorHistory());
    }

    /** An SNS solve shorter than this is repeated for a median; a longer one is timed once. */
    static final double REPEAT_BELOW_SECONDS = 5.0;

    private static Row sparrowRow(String method, OtResult r, double seconds, OtInstance inst, double cap) {
        PlanMetrics m = PlanMetrics.of(r.plan(), inst.cost(), inst.a(), inst.b());
        String status = r.converged() && m.marginalError() <= TOL ? "converged"
                : r.converged() ? "converged (recomputed error above tolerance)" : "not converged";
        String note = r.reason().name().toLowerCase(Locale.ROOT)
                + (r.detail() == null || r.detail().isEmpty() ? "" : ": " + r.detail())
                + (r.shiftedNewtonSteps() > 0 ? "; diagonal shift in " + r.shiftedNewtonSteps() + " Newton steps" : "");
        return new Row(method, status, r.iterations(), r.sinkhornIterations(), r.newtonIterations(), r.cgIterations(),
                seconds, m, r.droppedMass(), cap, note);
    }
}
