package org.sparrow.benchmarks.sbl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.Table;
import org.sparrow.core.io.SafeOutput;

/**
 * Writes the SBL benchmark's results: {@code trials.csv} (one row per point × trial × method), {@code points.csv}
 * (one row per point × method, averaged), {@code summary.md} (the goals of issue 12 as measured, the machine and
 * versions, the setup, and one table per sweep) and the plots ({@link SblCharts}).
 */
final class SblReport {

    static final List<Method> ORDER = List.of(Method.AM, Method.SVD, Method.PC, Method.CLASSIC, Method.ARD, Method.ORACLE);

    private final SblSuite.Config config;
    private final List<TrialRow> rows;
    private final List<SblSuite.Sweep> sweeps;
    private final List<String> notes;
    private final MachineInfo machine;
    private final String ardVersion;
    private final String interpreter;
    private final Duration wall;

    SblReport(SblSuite.Config config, List<TrialRow> rows, List<SblSuite.Sweep> sweeps, List<String> notes,
              MachineInfo machine, String ardVersion, String interpreter, Duration wall) {
        this.config = config;
        this.rows = rows;
        this.sweeps = sweeps;
        this.notes = notes;
        this.machine = machine;
        this.ardVersion = ardVersion;
        this.interpreter = interpreter;
        this.wall = wall;
    }

    /** "N=15 M=8·12·15 K=3 25 dB" (plus "block" for the block-sparse case). */
    static String describe(SblProblem.Setup s) {
        return String.format(Locale.ROOT, "N=%d M=%d·%d·%d K=%d %s dB%s", s.n(), s.m1(), s.m2(), s.m3(), s.k(),
                compact(s.snrDb()), s.block() ? " block" : "");
    }

    /** An integral value without decimals, others to three significant digits. */
    static String compact(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Table.num(v, "%.3g");
    }

    /** A one-line progress summary of the methods measured at {@code setup}. */
    static String brief(List<TrialRow> rows, SblProblem.Setup setup) {
        StringBuilder b = new StringBuilder();
        for (Method m : ORDER) {
            PointSummary s = PointSummary.of(rows, setup, m, null);
            if (s.trials() > 0 || s.failed() > 0) {
                b.append(String.format(Locale.ROOT, "; %s %s dB %s s (%d/%d)", m.key(), Table.na(s.meanNmseDb(), "%.1f", "—"),
                        Table.na(s.meanSeconds(), "%.3g", "—"), s.trials(), s.trials() + s.failed()));
            }
        }
        return b.toString();
    }

    /** The setups of the run in the order first measured. */
    private List<SblProblem.Setup> setups() {
        Set<SblProblem.Setup> out = new LinkedHashSet<>();
        for (TrialRow r : rows) {
            out.add(r.setup());
        }
        return new ArrayList<>(out);
    }

    /** The trials table. */
    Table trialsTable() {
        Table t = new Table("n", "m1", "m2", "m3", "k", "snr_db", "block", "trial", "seed", "method", "status", "nmse",
                "nmse_db", "support_recovery", "seconds", "call_seconds", "iterations", "converged", "note");
        for (TrialRow r : rows) {
            SblProblem.Setup s = r.setup();
            Solve v = r.solve();
            t.row(s.n(), s.m1(), s.m2(), s.m3(), s.k(), compact(s.snrDb()), s.block(), r.trial(), r.seed(), r.method().key(),
                    v.ok() ? "ok" : "failed", Table.g(r.nmse()), Table.num(SblMetrics.decibels(r.nmse()), "%.3f"),
                    Table.g(r.support()), Table.g(v.seconds()), Table.g(v.callSeconds()),
                    v.iterations() < 0 ? "" : Integer.toString(v.iterations()), v.ok() ? Boolean.toString(v.converged()) : "",
                    v.note());
        }
        return t;
    }

    /** The per-point table. */
    Table pointsTable() {
        Table t = new Table("n", "m1", "m2", "m3", "k", "snr_db", "block", "method", "trials", "failed", "mean_nmse",
                "mean_nmse_db", "median_nmse", "mean_support_recovery", "mean_seconds", "median_seconds",
                "mean_call_seconds", "mean_iterations", "converged");
        for (SblProblem.Setup s : setups()) {
            for (Method m : ORDER) {
                PointSummary p = PointSummary.of(rows, s, m, null);
                if (p.trials() + p.failed() == 0) {
                    continue;
                }
                t.row(s.n(), s.m1(), s.m2(), s.m3(), s.k(), compact(s.snrDb()), s.block(), m.key(), p.trials(), p.failed(),
                        Table.g(p.meanNmse()), Table.num(p.meanNmseDb(), "%.3f"), Table.g(p.medianNmse()),
                        Table.g(p.meanSupport()), Table.g(p.meanSeconds()), Table.g(p.medianSeconds()),
                        Table.g(p.meanCallSeconds()), Table.num(p.meanIterations(), "%.1f"), p.converged());
            }
        }
        return t;
    }

    /** The table of every method at one point. */
    String pointMarkdown(SblProblem.Setup s) {
        Table t = new Table("method", "trials", "mean NMSE", "NMSE (dB)", "× oracle (same trials)", "support recovery",
                "mean s / solve", "median s / solve", "mean iterations", "converged");
        for (Method m : ORDER) {
            PointSummary p = PointSummary.of(rows, s, m, null);
            if (p.trials() + p.failed() == 0) {
                continue;
            }
            PointSummary o = PointSummary.of(rows, s, Method.ORACLE, PointSummary.trialsWithEstimate(rows, s, m));
            String trials = p.trials() + (p.failed() > 0 ? " (+" + p.failed() + " failed)" : "");
            String secs = Table.g(p.meanSeconds()) + (Double.isFinite(p.meanCallSeconds())
                    ? " (fit; whole call " + Table.g(p.meanCallSeconds()) + ")" : "");
            t.row(m.label(), trials, Table.g(p.meanNmse()), Table.num(p.meanNmseDb(), "%.2f"),
                    Table.num(p.meanNmse() / o.meanNmse(), "%.2f"), Table.num(p.meanSupport(), "%.3f"), secs,
                    Table.g(p.medianSeconds()), Table.num(p.meanIterations(), "%.1f"),
                    p.trials() == 0 ? "" : p.converged() + "/" + p.trials());
        }
        return t.markdown(Table.leftThenRight(1, 10));
    }

    /** One sweep as a table: a row per value, NMSE (dB) and support recovery (or time) per method. */
    String sweepMarkdown(SblSuite.Sweep w) {
        boolean time = w.name().equals("n");
        List<Method> ms = ORDER.stream().filter(m -> w.setups().stream()
                .anyMatch(s -> PointSummary.of(rows, s, m, null).trials() > 0)).toList();
        List<String> cols = new ArrayList<>(List.of(w.title()));
        for (Method m : ms) {
            cols.add(m.key() + (time ? " s / solve" : " NMSE dB"));
            cols.add(m.key() + (time ? " NMSE dB" : " support"));
        }
        cols.add("trials (Kronecker / peers)");
        Table t = new Table(cols.toArray(String[]::new));
        for (int i = 0; i < w.xs().length; i++) {
            SblProblem.Setup s = w.setups().get(i);
            List<Object> cells = new ArrayList<>(List.of(compact(w.xs()[i])));
            int peers = 0;
            for (Method m : ms) {
                PointSummary p = PointSummary.of(rows, s, m, null);
                cells.add(time ? Table.g(p.meanSeconds()) : Table.num(p.meanNmseDb(), "%.2f"));
                cells.add(time ? Table.num(p.meanNmseDb(), "%.2f") : Table.num(p.meanSupport(), "%.3f"));
                if (!m.kronecker()) {
                    peers = Math.max(peers, p.trials());
                }
            }
            cells.add(PointSummary.of(rows, s, Method.SVD, null).trials() + " / " + (peers == 0 ? "—" : peers));
            t.row(cells.toArray());
        }
        return t.markdown(Table.leftThenRight(1, cols.size()));
    }

    /**
     * Writes every file.
     *
     * @param dir Output: the results folder
     * @return the goals table in Markdown (the suite prints it)
     */
    String write(Path dir) throws IOException {
        trialsTable().writeCsv(dir.resolve("trials.csv"));
        pointsTable().writeCsv(dir.resolve("points.csv"));
        SblProblem.Setup def = SblProblem.Setup.paperDefault();
        List<Goals.Line> goals = Goals.evaluate(rows, def, def.withSnrDb(30), def.withBlock(true));
        String goalsMd = Goals.markdown(goals);
        List<String> plots = plots(dir);

        StringBuilder md = new StringBuilder();
        md.append("# Kronecker-structured SBL: Sparrow against classic SBL, scikit-learn's ARDRegression and the oracle\n\n")
                .append(String.format(Locale.ROOT, "Run finished %s; wall time %d min %d s%s.%n%n", Instant.now(),
                        wall.toMinutes(), wall.toSecondsPart(), config.quick() ? "; **--quick** (a smoke run, not the figures)" : ""));
        md.append("## Goals of issue 12 (default point: N = 15³ = 3375, M = 8·12·15 = 1440, K = 3, 25 dB)\n\n")
                .append(goalsMd).append('\n')
                .append(String.format(Locale.ROOT, "Speed-ups are mean time per solve of the peer over SVD-KroSBL's on the same "
                        + "trials; ARDRegression's time is its `fit` alone (forming A is not counted). \"Equal or better\" NMSE: "
                        + "SVD-KroSBL's mean NMSE at most %.1f× the peer's on the same trials.%n%n", Goals.EQUAL_NMSE));
        md.append("### Every method at the default point\n\n").append(pointMarkdown(def)).append('\n');
        md.append("### Block-sparse point (clusters of 3 adjacent nonzeros in x₁ and x₂, K = 3, x₃ random)\n\n")
                .append(pointMarkdown(def.withBlock(true))).append('\n');
        md.append("## Setup\n\n")
                .append("He & Joseph, IEEE TSP 2024 (arXiv 2307.14719), Section VI, as in the authors' MATLAB scripts "
                        + "(YanbinHe/JournalKroSBL, `Configuration.m`, `noisy_compare.m`): y = (A₁⊗A₂⊗A₃)·x + n, x = x₁⊗x₂⊗x₃; "
                        + "A₁ M₁×15 (the first M₁ rows of one 14×15 draw), A₂ 12×15, A₃ 15×15, entries i.i.d. N(0, 1) with "
                        + "**no normalization** (as the paper's `randn`); each xᵢ has K nonzeros at distinct random positions, "
                        + "values N(0, 1); noise white Gaussian with σ² = (‖A·x‖²/M)/10^(SNR/10). Every SBL method is given "
                        + "σ² (known noise, as in the paper); ARDRegression estimates its own noise precision (scikit-learn "
                        + "cannot be given it). A trial's seed fixes its dictionary, signal and noise direction, so trial t is "
                        + "the same draw at every SNR. Metrics: NMSE = ‖x̂ − x‖²/‖x‖² averaged over trials (dB = 10·log₁₀ of "
                        + "the mean); support recovery |Ŝ∩S|/|Ŝ∪S| with Ŝ = {i : |x̂ᵢ| > 1e-3·max|x̂|}; time per solve, one "
                        + "timed call per trial after a JIT warm-up.\n\n")
                .append(String.format(Locale.ROOT, "Trials: %d per point for AM-, SVD-, PC-KroSBL and the oracle; classic "
                        + "SBL and ARDRegression on the first %d (at least %d, cut by a %.0f s budget per peer and point) at "
                        + "the default point and on the time-vs-N sweep only (there cut to %.0f s per peer and point, at least %d): at N = 3375 each of their iterations is "
                        + "O(M²N) on the 1440 × 3375 dictionary, so the SNR, M₁ and K sweeps run without them. Base seed %d.%n%n",
                        config.trials(), config.peerTrials(), config.peerFloor(), config.peerBudget(), SblSuite.SIZE_PEER_BUDGET,
                        SblSuite.SIZE_PEER_FLOOR, config.seed()))
                .append("Methods: Sparrow's `Sbl.solve` (what `sparrow sbl` calls) with each method's defaults (at most 150 "
                        + "iterations, tolerance 1e-4, pruning 1e-2 AM / 1e-3 SVD and PC, β = 0.8 for PC, coupling factors 1 and 2 — the block-sparse ones of the block case — at every point); classic SBL forms "
                        + "the dense A inside that call. Oracle: least squares on the true support by EJML's dense QR "
                        + "(`LinearSolverFactory_DDRM.leastSquares`). ARDRegression: `sbl_ard.py`, "
                        + String.format(Locale.ROOT, "`ARDRegression(fit_intercept=False, tol=%s, n_iter=%d, compute_score=False)` "
                        + "(scikit-learn's defaults otherwise) on A = kron(A₁, kron(A₂, A₃)) formed by numpy from the factors "
                        + "the suite wrote; timed around `fit` inside the script.%n%n", Table.g(ArdPeer.TOL), ArdPeer.N_ITER));
        md.append("## Machine and versions\n\n")
                .append(String.format(Locale.ROOT, "- CPU: %s, %d cores, %s; memory %s; %s%n", machine.cpu(), machine.cores(),
                        machine.lastLevelCache(), machine.memory(), machine.os()))
                .append(String.format(Locale.ROOT, "- JDK: %s, max heap %.1f GiB; Sparrow on all cores%n", machine.jdk(),
                        machine.maxHeapGiB()))
                .append(String.format(Locale.ROOT, "- EJML %s (oracle), XChart %s (plots)%n", machine.version("ejml"),
                        machine.version("xchart")))
                .append("- ARDRegression: ").append(ardVersion != null ? ardVersion + " (" + interpreter + "; numpy's BLAS threads "
                        + "on all cores)" : "not measured").append("\n\n");
        for (SblSuite.Sweep w : sweeps) {
            md.append(w.name().equals("n") ? "## Time against N (N per factor; M = ⌈8N/15⌉·⌈12N/15⌉·N, K = 3, 25 dB)\n\n"
                    : "## NMSE and support recovery against " + w.title() + " (others at the default)\n\n");
            md.append(sweepMarkdown(w)).append('\n');
        }
        md.append("## Plots\n\n");
        for (String p : plots) {
            md.append("- `").append(p).append("`\n");
        }
        md.append('\n');
        md.append("## Notes\n\n");
        List<String> all = new ArrayList<>(notes);
        all.addAll(failures());
        if (all.isEmpty()) {
            md.append("Every method ran on every trial it was due.\n");
        }
        for (String n : all) {
            md.append("- ").append(n).append('\n');
        }
        SafeOutput.writeString(dir.resolve("summary.md"), md);
        return goalsMd;
    }

    /** One note per method and point with failed trials, with the first reason. */
    private List<String> failures() {
        List<String> out = new ArrayList<>();
        for (SblProblem.Setup s : setups()) {
            for (Method m : ORDER) {
                List<TrialRow> bad = rows.stream().filter(r -> r.setup().equals(s) && r.method() == m && !r.solve().ok()).toList();
                if (!bad.isEmpty()) {
                    out.add(String.format(Locale.ROOT, "%s at %s: %d trials failed (%s)", m.label(), describe(s), bad.size(),
                            bad.get(0).solve().note()));
                }
            }
        }
        return out;
    }

    private List<String> plots(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (SblSuite.Sweep w : sweeps) {
            Map<Method, double[]> nmse = new EnumMap<>(Method.class);
            Map<Method, double[]> support = new EnumMap<>(Method.class);
            Map<Method, double[]> secs = new EnumMap<>(Method.class);
            for (Method m : ORDER) {
                double[] a = new double[w.xs().length];
                double[] b = new double[w.xs().length];
                double[] c = new double[w.xs().length];
                for (int i = 0; i < a.length; i++) {
                    PointSummary p = PointSummary.of(rows, w.setups().get(i), m, null);
                    a[i] = p.meanNmseDb();
                    b[i] = p.meanSupport();
                    c[i] = p.meanSeconds();
                }
                nmse.put(m, a);
                support.put(m, b);
                secs.put(m, c);
            }
            String trials = String.format(Locale.ROOT, "%d trials per point", config.trials());
            if (w.name().equals("n")) {
                String f = "time_vs_n.png";
                if (SblCharts.write(dir.resolve(f), "Time per solve vs N per factor (N³ unknowns, K = 3, 25 dB; "
                        + "peers on " + config.peerTrials() + " trials)", w.xLabel(), "seconds per solve (log)", w.xs(), secs, true)) {
                    out.add(f + ": time per solve against N, log scale");
                }
                continue;
            }
            String f1 = "nmse_vs_" + w.name() + ".png";
            if (SblCharts.write(dir.resolve(f1), "NMSE vs " + w.title() + " (N = 15³; " + trials + ")", w.xLabel(),
                    "NMSE (dB)", w.xs(), nmse, false)) {
                out.add(f1 + ": mean NMSE in dB against " + w.title());
            }
            String f2 = "support_vs_" + w.name() + ".png";
            if (SblCharts.write(dir.resolve(f2), "Support recovery vs " + w.title() + " (N = 15³; " + trials + ")",
                    w.xLabel(), "|Ŝ∩S| / |Ŝ∪S|", w.xs(), support, false)) {
                out.add(f2 + ": mean support recovery against " + w.title());
            }
        }
        return out;
    }
}
