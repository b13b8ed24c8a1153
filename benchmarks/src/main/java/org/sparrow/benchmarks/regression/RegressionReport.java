package org.sparrow.benchmarks.regression;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.Parallelism;
import org.sparrow.core.io.SafeOutput;

/** Writes {@code regression.md}: the goals as measured, the problems, every result, and the check. */
final class RegressionReport {

    /** What the report says about one problem (the problem itself is dropped after its methods ran). */
    record ProblemInfo(String name, String kind, int n, int d, double cond, double noise, boolean coherent,
                       double coherence, double relativeOptimalResidual, double setupSeconds, String note, boolean built) {

        static ProblemInfo of(LsProblem p) {
            return new ProblemInfo(p.name(), p.kind(), p.n(), p.d(), p.cond(), p.noise(), p.coherent(), p.coherence(),
                    p.optResidual() / p.bNorm(), p.setupSeconds(), p.note(), true);
        }

        static ProblemInfo failed(String name, String why) {
            return new ProblemInfo(name, "", 0, 0, Double.NaN, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN,
                    why, false);
        }
    }

    private RegressionReport() {
    }

    static void write(Path dir, List<ResultRow> rows, List<ProblemInfo> infos, Timer.Settings timing,
                      RegressionSuite.Options o, Duration benchWall, Duration wall, BaselineCheck.Outcome outcome)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Least squares: Sparrow vs EJML and ojAlgo dense QR, on problems with a known solution\n\n");
        md.append("Run ").append(Instant.now()).append(o.quick() ? " (`--quick`)" : " (full)")
                .append(String.format(Locale.ROOT, "; wall time %d s (%d s for the problems, the rest the ℓ∞ "
                        + "experiment and any re-timing by --check). ", wall.toSeconds(), benchWall.toSeconds()))
                .append("Main class `org.sparrow.benchmarks.regression.RegressionSuite`; see benchmarks/README.md.\n\n");
        machine(md, o);
        md.append("\n**Timing.** ").append(Timings.describe(timing))
                .append(o.quick() ? "" : "; at n = 10⁶ (calls of seconds, where the first touch of fresh arrays is "
                        + "part of the cold call) the cold call and two timed calls (sketch-apply: the ordinary settings)")
                .append(". Sparrow runs `LeastSquares.solve` (what `sparrow "
                + "regress` calls) with default options (tolerance 1e-12, seed 42) on ").append(Parallelism.defaultThreads())
                .append(" thread(s); the peers' dense copies are made once, untimed. `cpu/wall` is the process's CPU "
                        + "time over the wall time of the timed calls (≈ busy cores). The machine is shared and noisy: "
                        + "only same-run ratios mean anything.\n\n")
                .append("**Accuracy**, computed by the suite from each x against the exact x*: `err∞` = ‖x − x*‖∞/‖x*‖∞, "
                        + "`err₂` = ‖x − x*‖₂/‖x*‖₂, `excess` = (‖Ax − b‖ − ‖Ax* − b‖)/‖b‖ (computed as "
                        + "‖A(x − x*)‖²/(‖Ax − b‖ + ‖Ax* − b‖)/‖b‖, free of cancellation). A backward-stable solver's "
                        + "forward error is about u·(κ + κ²·‖r*‖/(‖A‖‖x*‖)) (u = 1.1e-16): at κ = 1e10 with noise "
                        + "every method's err is O(1) — the problem, not the solver.\n\n");
        goals(md, rows);
        problems(md, infos);
        overview(md, rows, infos);
        coherence(md, rows);
        sketchApply(md, rows);
        details(md, rows, infos);
        notOk(md, rows);
        if (outcome != null) {
            md.append("## Check against the baseline\n\n");
            md.append(String.format(Locale.ROOT, "%d Sparrow rows compared with `%s`: **%s**.%n%n", outcome.compared(),
                    o.baseline(), outcome.failed() ? outcome.regressions().size() + " regression(s)" : "no regression"));
            for (String line : outcome.lines()) {
                md.append("- ").append(line).append('\n');
            }
            md.append('\n');
        }
        md.append(COLUMNS);
        SafeOutput.writeString(dir.resolve("regression.md"), md.toString());
    }

    private static void machine(StringBuilder md, RegressionSuite.Options o) {
        Runtime rt = Runtime.getRuntime();
        Properties v = MachineInfo.readVersions();
        md.append(String.format(Locale.ROOT, "- CPU: %s; %d cores available to the JVM; memory %s%n",
                MachineInfo.readCpuModel(), rt.availableProcessors(), MachineInfo.readMemory()));
        md.append(String.format(Locale.ROOT, "- JDK: %s %s; max heap %.1f GiB; Sparrow threads %d%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                rt.maxMemory() / (double) (1L << 30), o.threads()));
        md.append(String.format(Locale.ROOT, "- Peers: EJML %s (`LinearSolverFactory_DDRM.leastSquares`, Householder QR, "
                + "single-threaded), ojAlgo %s (`QR.R064`, its own threading)%n", v.getProperty("ejml", "?"),
                v.getProperty("ojalgo", "?")));
    }

    // ------------------------------------------------------------------------------------------------ goals

    private static void goals(StringBuilder md, List<ResultRow> rows) {
        String goal = RegressionSuite.GOAL.name();
        md.append("## The issue's goals, as measured\n\n");
        Optional<ResultRow> ejml = find(rows, goal, "ejml-qr", "");
        Optional<ResultRow> oj = find(rows, goal, "ojalgo-qr", "");
        if (ejml.isEmpty() && oj.isEmpty() && find(rows, goal, "qr", "").isEmpty()) {
            md.append("The goal problem `").append(goal).append("` (n = 10⁶, d = 100, cond 10⁵) was not run (`--quick`); ")
                    .append("the figures below come from the full run.\n\n");
            return;
        }
        md.append("Goal problem `").append(goal).append("`: n = 10⁶, d = 100, cond(A) = 10⁵, ‖Ax* − b‖ = 10⁻³·‖Ax*‖.\n\n");
        md.append("| Sparrow method | sketch | s | its | err₂ | excess | cpu/wall | EJML QR s / this | ojAlgo QR s / this | "
                + "equal accuracy? | ≥ 3× EJML at equal accuracy? |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (String sk : List.of("srht", "gaussian", "countsketch")) {
            find(rows, goal, "sketch-precondition", sk).ifPresent(r -> goalRow(md, r, ejml, oj));
        }
        find(rows, goal, "qr", "").ifPresent(r -> goalRow(md, r, ejml, oj));
        md.append('\n');
        for (String sk : List.of("srht", "countsketch")) {
            find(rows, goal, "sketch-precondition", sk).filter(ResultRow::ok).ifPresent(r -> md.append(String.format(
                    Locale.ROOT, "- Where sketch-precondition (%s) spends its %s s (the timed call's own breakdown): "
                            + "forming S·A and S·b %s s, QR of S·A %s s, LSQR on A·R⁻¹ with the final residual check %s s "
                            + "(%.0f%%, %d iterations, each one product with A and one with Aᵀ).%n", sk, sec(r),
                    sec(r.sketchSeconds()), sec(r.factorSeconds()), sec(r.solveSeconds()),
                    100 * r.solveSeconds() / (r.sketchSeconds() + r.factorSeconds() + r.solveSeconds()),
                    r.iterations())));
        }
        for (Optional<ResultRow> peer : List.of(ejml, oj)) {
            peer.ifPresent(p -> md.append(String.format(Locale.ROOT, "- %s: %s s%s, err₂ %s, excess %s, cpu/wall %s%s%n",
                    p.method(), sec(p), p.cold() ? " (timed once)" : "", sci(p.err2()), sci(p.residualExcess()),
                    fix(p.cpuPerWall()), p.ok() ? "" : " — " + p.status() + ": " + p.note())));
        }
        Optional<ResultRow> g = find(rows, goal, "sketch-apply", "gaussian");
        Optional<ResultRow> s = find(rows, goal, "sketch-apply", "srht");
        Optional<ResultRow> c = find(rows, goal, "sketch-apply", "countsketch");
        if (g.isPresent() && s.isPresent() && g.get().ok() && s.get().ok()) {
            double ratio = g.get().seconds() / s.get().seconds();
            md.append(String.format(Locale.ROOT, "- **SRHT vs Gaussian application** (S·A, m = %d, n = 10⁶, d = 100, %d "
                            + "threads): Gaussian %s s (cpu/wall %s), SRHT %s s (cpu/wall %s): **%.1f×** — goal ≥ 5×: "
                            + "**%s**.%s%n", s.get().m(), s.get().threads(), sec(g.get()), fix(g.get().cpuPerWall()),
                    sec(s.get()), fix(s.get().cpuPerWall()), ratio, ratio >= 5 ? "met" : "not met",
                    c.filter(ResultRow::ok).map(x -> String.format(Locale.ROOT, " CountSketch: %s s (%.1f× faster than "
                            + "SRHT).", sec(x), s.get().seconds() / x.seconds())).orElse("")));
        } else {
            md.append("- SRHT vs Gaussian application: not measured (")
                    .append(g.map(r -> "gaussian " + r.status()).orElse("gaussian missing")).append(", ")
                    .append(s.map(r -> "srht " + r.status() + (r.ok() ? "" : ": " + r.note())).orElse("srht missing"))
                    .append(").\n");
        }
        md.append("\n*Equal accuracy* here: err₂ within 10× of EJML QR's (or ≤ 1e-12) and excess ≤ max(10× EJML's, "
                + "1e-14). Ratios above 1 mean Sparrow is faster.\n\n");
    }

    private static void goalRow(StringBuilder md, ResultRow r, Optional<ResultRow> ejml, Optional<ResultRow> oj) {
        if (!r.ok()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | — | — | — | — | — | — | — | %s: %s | — |%n", r.method(),
                    r.sketch(), r.status(), r.note()));
            return;
        }
        Optional<ResultRow> e = ejml.filter(ResultRow::ok);
        Optional<ResultRow> j = oj.filter(ResultRow::ok);
        boolean equal = e.map(p -> equalAccuracy(r, p)).orElse(false);
        double re = e.map(p -> p.seconds() / r.seconds()).orElse(Double.NaN);
        double rj = j.map(p -> p.seconds() / r.seconds()).orElse(Double.NaN);
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |%n", r.method(),
                r.sketch(), sec(r), r.iterations(), sci(r.err2()), sci(r.residualExcess()), fix(r.cpuPerWall()),
                ratio(re), ratio(rj), e.isEmpty() ? "no EJML time" : equal ? "yes" : "**no**",
                e.isEmpty() ? "—" : equal && re >= 3 ? "**met**" : "not met"));
    }

    static boolean equalAccuracy(ResultRow r, ResultRow ref) {
        boolean err = r.err2() <= Math.max(10 * ref.err2(), 1e-12);
        boolean exc = r.residualExcess() <= Math.max(10 * ref.residualExcess(), 1e-14);
        return err && exc;
    }

    // ------------------------------------------------------------------------------------------------ problems

    private static void problems(StringBuilder md, List<ProblemInfo> infos) {
        md.append("## Problems\n\n| problem | n | d | cond(A) | ‖Ax*−b‖/‖Ax*‖ | ‖Ax*−b‖/‖b‖ | coherence | built in | "
                + "how |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ProblemInfo p : infos) {
            if (!p.built()) {
                md.append("| ").append(p.name()).append(" | — | — | — | — | — | — | — | could not be built: ")
                        .append(p.note()).append(" |\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3g | %s | %.2g | %.3g | %.1f s | %s |%n", p.name(),
                    p.n(), p.d(), p.cond(), Problems.compact(p.noise()), p.relativeOptimalResidual(), p.coherence(),
                    p.setupSeconds(), p.note()));
        }
        md.append("\n`coherence` = max_i ‖U(i,:)‖²·n/d for an orthonormal basis U of range(A): 1 when every row "
                + "matters equally, n/d when d rows carry everything (uniform sampling then needs ~n rows).\n\n");
    }

    private static final List<String[]> OVERVIEW = List.of(new String[] {"qr", ""}, new String[] {"lsqr", ""},
            new String[] {"sketch-precondition", "srht"}, new String[] {"sketch-precondition", "gaussian"},
            new String[] {"sketch-precondition", "countsketch"}, new String[] {"sketch-solve", "srht"},
            new String[] {"sketch-solve", "gaussian"}, new String[] {"sketch-solve", "countsketch"},
            new String[] {"ojalgo-qr", ""});

    private static String head(String[] ms) {
        return switch (ms[0]) {
            case "qr" -> "qr";
            case "lsqr" -> "lsqr";
            case "sketch-precondition" -> "SP " + ms[1];
            case "sketch-solve" -> "SS " + ms[1];
            default -> ms[0];
        };
    }

    private static void overview(StringBuilder md, List<ResultRow> rows, List<ProblemInfo> infos) {
        md.append("## Overview\n\n### Speed-up over EJML dense QR (EJML s / method s; > 1: faster than EJML)\n\n"
                + "SP = sketch-precondition (m = 4d), SS = sketch-solve (m = min(10d, n)). `*` marks a run that did not "
                + "converge.\n\n| problem | EJML s |");
        StringBuilder sep = new StringBuilder("|---|---:|");
        for (String[] ms : OVERVIEW) {
            md.append(' ').append(head(ms)).append(" |");
            sep.append("---:|");
        }
        md.append('\n').append(sep).append('\n');
        for (ProblemInfo p : infos) {
            if (!p.built()) {
                continue;
            }
            md.append("| ").append(p.name()).append(" | ")
                    .append(find(rows, p.name(), "ejml-qr", "").filter(ResultRow::ok).map(RegressionReport::sec).orElse("—"))
                    .append(" |");
            for (String[] ms : OVERVIEW) {
                Optional<ResultRow> r = find(rows, p.name(), ms[0], ms[1]);
                md.append(' ').append(r.filter(ResultRow::ok).map(x -> ratio(x.speedupVsEjml())
                        + (x.converged() ? "" : "*")).orElse(r.map(ResultRow::status).orElse("—"))).append(" |");
            }
            md.append('\n');
        }
        md.append("\n### err₂ = ‖x − x*‖₂/‖x*‖₂\n\n| problem | EJML |");
        for (String[] ms : OVERVIEW) {
            md.append(' ').append(head(ms)).append(" |");
        }
        md.append('\n').append(sep).append('\n');
        for (ProblemInfo p : infos) {
            if (!p.built()) {
                continue;
            }
            md.append("| ").append(p.name()).append(" | ")
                    .append(find(rows, p.name(), "ejml-qr", "").filter(ResultRow::ok).map(x -> sci(x.err2())).orElse("—"))
                    .append(" |");
            for (String[] ms : OVERVIEW) {
                Optional<ResultRow> r = find(rows, p.name(), ms[0], ms[1]);
                md.append(' ').append(r.filter(ResultRow::ok).map(x -> sci(x.err2())).orElse("—")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    // ------------------------------------------------------------------------------------------------ coherence

    private static void coherence(StringBuilder md, List<ResultRow> rows) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            if (r.coherent() && r.problem().endsWith("-coh")) {
                String plain = r.problem().substring(0, r.problem().length() - 4);
                if (rows.stream().anyMatch(x -> x.problem().equals(plain))) {
                    pairs.put(plain, r.problem());
                }
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        md.append("## Coherent vs incoherent rows\n\nThe same n, d, cond and noise; in the coherent problem d rows carry "
                + "almost all the leverage. Uniform row sampling (`uniform-sample-solve`, a suite-only contrast: m rows "
                + "drawn uniformly, solved by EJML's pivoted QR) misses them; Sparrow's sketches mix or hash every row.\n\n"
                + "| problem pair | method | sketch | m | its (incoh.) | its (coh.) | err₂ (incoh.) | err₂ (coh.) | "
                + "s (incoh.) | s (coh.) |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            for (ResultRow a : rows) {
                if (!a.problem().equals(e.getKey()) || a.method().endsWith("-qr") || a.method().equals("qr")
                        || a.method().equals("sketch-apply")) {
                    continue;
                }
                Optional<ResultRow> b = find(rows, e.getValue(), a.method(), a.sketch());
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s |%n",
                        e.getKey().replace("syn-", "") + " / -coh", a.method(), a.sketch(), a.m(), its(a),
                        b.map(RegressionReport::its).orElse("—"), a.ok() ? sci(a.err2()) : a.status(),
                        b.map(x -> x.ok() ? sci(x.err2()) : x.status()).orElse("—"), a.ok() ? sec(a) : "—",
                        b.filter(ResultRow::ok).map(RegressionReport::sec).orElse("—")));
            }
        }
        md.append('\n');
    }

    private static void sketchApply(StringBuilder md, List<ResultRow> rows) {
        List<ResultRow> ap = rows.stream().filter(r -> r.method().equals("sketch-apply")).toList();
        if (ap.isEmpty()) {
            return;
        }
        md.append("## Sketch application S·A (m = 4d)\n\n| problem | sketch | m | s | cpu/wall | Gaussian s / this |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (ResultRow r : ap) {
            double g = find(rows, r.problem(), "sketch-apply", "gaussian").filter(ResultRow::ok).map(ResultRow::seconds)
                    .orElse(Double.NaN);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |%n", r.problem(), r.sketch(), r.m(),
                    r.ok() ? sec(r) : r.status(), fix(r.cpuPerWall()), r.ok() ? ratio(g / r.seconds()) : "—"));
        }
        md.append('\n');
    }

    private static void details(StringBuilder md, List<ResultRow> rows, List<ProblemInfo> infos) {
        md.append("## Every result\n\n");
        for (ProblemInfo p : infos) {
            if (!p.built()) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "### %s (%d×%d, cond %.3g, noise %s%s)%n%n", p.name(), p.n(), p.d(),
                    p.cond(), Problems.compact(p.noise()), p.coherent() ? ", coherent" : ""));
            md.append("| method | sketch | m | its | conv. | err∞ | err₂ | ‖Ax−b‖ | excess | s | runs | sketch s | factor s "
                    + "| solve s | cpu/wall | ×EJML | note |\n|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
                    + "---:|---:|---:|---|\n");
            for (ResultRow r : rows) {
                if (!r.problem().equals(p.name()) || r.method().equals("sketch-apply")) {
                    continue;
                }
                if (!r.ok()) {
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | | | | | | | %s | | | | | | | %s |%n",
                            r.method(), r.sketch(), r.m() == 0 ? "" : Integer.toString(r.m()), r.status(), shorten(r.note())));
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d%s | %s | %s | %s "
                                + "| %s | %s | %s |%n", r.method(), r.sketch(), r.m() == 0 ? "" : Integer.toString(r.m()),
                        r.iterations() == 0 ? "" : Integer.toString(r.iterations()), r.converged() ? "yes" : "**no**",
                        sci(r.errInf()), sci(r.err2()), sci(r.residualNorm()), sci(r.residualExcess()), sec(r), r.runs(),
                        r.cold() ? "†" : "", sec(r.sketchSeconds()), sec(r.factorSeconds()), sec(r.solveSeconds()),
                        fix(r.cpuPerWall()), ratio(r.speedupVsEjml()), shorten(r.note())));
            }
            md.append('\n');
        }
    }

    private static void notOk(StringBuilder md, List<ResultRow> rows) {
        List<ResultRow> bad = rows.stream().filter(r -> !r.ok()).toList();
        if (bad.isEmpty()) {
            return;
        }
        md.append("## Not measured (skipped, refused, unsupported, failed)\n\n");
        Map<String, List<String>> byNote = new LinkedHashMap<>();
        for (ResultRow r : bad) {
            byNote.computeIfAbsent(r.status() + ": " + r.method() + (r.sketch().isEmpty() ? "" : " " + r.sketch()) + " — "
                    + r.note(), k -> new ArrayList<>()).add(r.problem());
        }
        byNote.forEach((k, v) -> md.append("- ").append(k).append(" (").append(String.join(", ", v)).append(")\n"));
        md.append('\n');
    }

    private static final String COLUMNS = """
            ## Columns of regression.csv (and baseline.csv)

            `problem, kind, n, d, cond, noise, coherent` describe the problem; `method` is qr, lsqr, sketch-solve,
            sketch-precondition or sketch-apply (Sparrow), ejml-qr or ojalgo-qr (peers), uniform-sample-solve (the
            suite's contrast); `sketch`, `m` (sketch rows), `threads`; `status` (ok, skipped, refused, unsupported,
            failed); `converged` (the method's claim), `iterations`; `err_inf` = ‖x−x*‖∞/‖x*‖∞, `err_2` =
            ‖x−x*‖₂/‖x*‖₂, `residual_norm` = ‖Ax−b‖, `residual_excess` = (‖Ax−b‖ − ‖Ax*−b‖)/‖b‖; `seconds` (median),
            `min_seconds`, `runs`, `cold` (timed once); `sketch_seconds, factor_seconds, solve_seconds` (Sparrow's own
            breakdown of the last call); `cpu_per_wall`; `speedup_vs_ejml_qr` = EJML QR seconds / seconds on the same
            problem; `note`. Empty cells are NaN (not applicable).
            """;

    // ------------------------------------------------------------------------------------------------ helpers

    static Optional<ResultRow> find(List<ResultRow> rows, String problem, String method, String sketch) {
        return rows.stream().filter(r -> r.problem().equals(problem) && r.method().equals(method)
                && r.sketch().equals(sketch)).findFirst();
    }

    private static String its(ResultRow r) {
        return r.ok() ? r.iterations() + (r.converged() ? "" : "*") : "—";
    }

    private static String sec(ResultRow r) {
        return sec(r.seconds());
    }

    static String sec(double s) {
        if (Double.isNaN(s)) {
            return "";
        }
        return s >= 10 ? String.format(Locale.ROOT, "%.1f", s) : s >= 0.1 ? String.format(Locale.ROOT, "%.3f", s)
                : String.format(Locale.ROOT, "%.4f", s);
    }

    private static String sci(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1e", v);
    }

    private static String fix(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "—" : v >= 100 ? String.format(Locale.ROOT, "%.0f×", v)
                : String.format(Locale.ROOT, "%.2f×", v);
    }

    private static String shorten(String note) {
        String n = Objects.requireNonNullElse(note, "").replace('|', '/');
        return n.length() > 160 ? n.substring(0, 157) + "…" : n;
    }
}
