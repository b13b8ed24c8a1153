package org.sparrow.benchmarks.solvers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sparrow.benchmarks.harness.Stats;
import org.sparrow.benchmarks.harness.Table;
import org.sparrow.benchmarks.solvers.SolverSuite.Row;
import org.sparrow.core.io.SafeOutput;

/** Writes the solver suite's {@code solvers.csv} and {@code solvers.md}. */
final class SolverReport {

    private SolverReport() {
    }

    static void write(Path dir, List<Row> rows, String scipyNote, int threads, boolean quick, Duration wall,
                      Map<String, String> versions) throws IOException {
        csv(rows).writeCsv(dir.resolve("solvers.csv"));
        SafeOutput.writeString(dir.resolve("solvers.md"), markdown(rows, scipyNote, threads, quick, wall, versions));
    }

    private static Table csv(List<Row> rows) {
        Table t = new Table("matrix", "kind", "rows", "cols", "nnz", "method", "precond", "impl", "iterations",
                "converged", "true_relative_residual", "median_ms", "min_ms", "runs", "note");
        for (Row r : rows) {
            t.row(r.c().name(), r.c().kind(), r.rows(), r.cols(), r.nnz(), r.method(), r.precond(), r.impl(),
                    r.iterations(), r.converged(), String.format(Locale.ROOT, "%.6e", r.trueRelativeResidual()),
                    String.format(Locale.ROOT, "%.4f", r.medianMs()), Table.num(r.minMs(), "%.4f"), r.runs(),
                    r.note().replace(',', ';'));
        }
        return t;
    }

    /** The rows of one matrix × method × preconditioner, by implementation. */
    private static Map<String, Map<String, Row>> grouped(List<Row> rows) {
        Map<String, Map<String, Row>> g = new LinkedHashMap<>();
        for (Row r : rows) {
            g.computeIfAbsent(r.c().name() + "|" + r.method() + "|" + r.precond(), k -> new LinkedHashMap<>())
                    .put(r.impl(), r);
        }
        return g;
    }

    private static String markdown(List<Row> rows, String scipyNote, int threads, boolean quick, Duration wall,
                                   Map<String, String> versions) {
        Map<String, Map<String, Row>> g = grouped(rows);
        StringBuilder md = new StringBuilder();
        md.append("# Krylov solvers: Sparrow vs MTJ, Commons Math and scipy.sparse.linalg\n\n")
                .append("Run ").append(Instant.now()).append(quick ? " (--quick)" : "").append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB; wall time ")
                .append(wall.toSeconds()).append(" s. Sparrow on ").append(threads)
                .append(" thread(s) (`sparrow`) and on 1 (`sparrow-1t`, only where the matrix is large enough for the ")
                .append("threaded SpMV); MTJ ").append(versions.get("MTJ")).append(" and Commons Math ")
                .append(versions.get("Commons Math")).append(" single-threaded in the same JVM; ").append(scipyNote)
                .append(".\n\n")
                .append("Every solve: b = A·1, x₀ = 0, relative tolerance ").append(SolverSuite.TOL)
                .append(", at most ").append(SolverSuite.MAXIT).append(" iterations, GMRES restart ")
                .append(SolverSuite.RESTART).append(". Times in ms include the preconditioner's set-up; median of the ")
                .append("timed runs after warm-up (a solve slower than the cap is timed once). `rel. res.` is the ")
                .append("true ‖b − A·x‖/‖b‖ of each implementation's x, recomputed by the suite. The machine is ")
                .append("shared and noisy: only same-run ratios mean anything.\n\n");

        goals(md, g);
        iterationTable(md, g);
        timeTable(md, g);
        sparrowTable(md, rows);
        notConverged(md, rows);
        md.append("""

                ## Stopping rules (why iteration counts can differ)

                - **Sparrow**: the method's own residual estimate ≤ tol·‖b‖, confirmed with the true residual (see
                  `KrylovRun`); GMRES counts inner iterations; BiCGSTAB counts full iterations (two products).
                - **scipy**: cg, bicgstab and gmres stop on ‖r‖ ≤ tol·‖b‖ of their recurrence residual (gmres with
                  `callback_type='pr_norm'`, one count per inner iteration; scipy's GMRES is left-preconditioned, so its
                  inner iterations watch the preconditioned residual and each restart checks the true one); minres stops on its own
                  ‖r‖/(‖A‖·‖x‖ + ‖b‖) estimate, which is looser than ‖r‖/‖b‖, so its true residual can exceed tol;
                  lsqr on atol = btol = tol.
                - **MTJ**: ‖r‖ < tol·‖r₀‖ with the true (CG, BiCGstab) or left-preconditioned (GMRES) residual.
                - **Commons Math**: ‖r‖ ≤ tol·‖b‖ on the recurrence residual.
                """);
        return md.toString();
    }

    private static void goals(StringBuilder md, Map<String, Map<String, Row>> g) {
        List<Double> itRatios = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<Double> timeRatios = new ArrayList<>();
        String worst = "";
        double worstRatio = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Map<String, Row>> e : g.entrySet()) {
            Row s = e.getValue().get("sparrow");
            Row py = e.getValue().get("scipy");
            Row mtj = e.getValue().get("mtj");
            if (s != null && py != null && s.converged() && py.converged() && py.iterations() > 0) {
                double ratio = (double) s.iterations() / py.iterations();
                itRatios.add(ratio);
                if (Math.abs(ratio - 1) > 0.10) {
                    outside.add(label(s) + " " + s.iterations() + " vs " + py.iterations());
                }
            }
            if (s != null && mtj != null && s.converged() && mtj.converged()) {
                double ratio = mtj.medianMs() / s.medianMs();
                timeRatios.add(ratio);
                if (ratio < worstRatio) {
                    worstRatio = ratio;
                    worst = label(s);
                }
            }
        }
        md.append("## Against the goals of issue 5\n\n");
        long within = itRatios.stream().filter(r -> Math.abs(r - 1) <= 0.10).count();
        md.append(String.format(Locale.ROOT, "- **Iterations within ±10%% of scipy** (same method, tolerance and "
                        + "preconditioner, none or Jacobi; both converged): %d of %d; Sparrow/scipy median %s, range %s–%s.%s%n",
                within, itRatios.size(), fmt(Stats.median(itRatios)), fmt(min(itRatios)), fmt(max(itRatios)),
                outside.isEmpty() ? "" : " Outside: " + String.join("; ", outside) + "."));
        long fast = timeRatios.stream().filter(r -> r >= 2).count();
        md.append(String.format(Locale.ROOT, "- **Time ≥ 2× MTJ** (MTJ ms / Sparrow ms, T threads, both converged): "
                        + "%d of %d; median %s×, lowest %s× (%s).%n%n", fast, timeRatios.size(), fmt(Stats.median(timeRatios)),
                fmt(worstRatio), worst));
    }

    private static void iterationTable(StringBuilder md, Map<String, Map<String, Row>> g) {
        md.append("## Iterations: Sparrow vs scipy.sparse.linalg\n\n")
                .append("| matrix | method | precond | Sparrow its | scipy its | Sparrow / scipy | Sparrow rel. res. | ")
                .append("scipy rel. res. |\n|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Map<String, Row> m : g.values()) {
            Row s = m.get("sparrow");
            Row py = m.get("scipy");
            if (s == null || py == null) {
                continue;
            }
            String ratio = s.converged() && py.converged() && py.iterations() > 0
                    ? fmt((double) s.iterations() / py.iterations()) : "—";
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1e | %.1e |%n", s.c().name(),
                    s.method(), s.precond(), its(s), its(py), ratio, s.trueRelativeResidual(),
                    py.trueRelativeResidual()));
        }
        md.append('\n');
    }

    private static void timeTable(StringBuilder md, Map<String, Map<String, Row>> g) {
        md.append("## Time: Sparrow vs MTJ and Commons Math (ms, set-up included)\n\n")
                .append("| matrix | n | nnz | method | precond | Sparrow | its | Sparrow 1 thread | MTJ | its | MTJ / Sparrow | ")
                .append("Commons Math | its | CM / Sparrow |\n|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Row> m : g.values()) {
            Row s = m.get("sparrow");
            Row mtj = m.get("mtj");
            Row cm = m.get("commons-math");
            if (s == null || (mtj == null && cm == null)) {
                continue;
            }
            Row s1 = m.get("sparrow-1t");
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    s.c().name(), s.rows(), s.nnz(), s.method(), s.precond(), ms(s), its(s),
                    s1 == null ? "(same)" : ms(s1), mtj == null ? "—" : ms(mtj), mtj == null ? "—" : its(mtj),
                    ratio(mtj, s), cm == null ? "—" : ms(cm), cm == null ? "—" : its(cm), ratio(cm, s)));
        }
        md.append('\n');
    }

    private static void sparrowTable(StringBuilder md, List<Row> rows) {
        md.append("## Every Sparrow solve\n\n| matrix | kind | method | precond | its | converged | rel. res. | ms | ")
                .append("1-thread ms | note |\n|---|---|---|---|---:|---|---:|---:|---:|---|\n");
        Map<String, Row> oneThread = rows.stream().filter(r -> r.impl().equals("sparrow-1t"))
                .collect(Collectors.toMap(r -> r.c().name() + r.method() + r.precond(), r -> r));
        for (Row r : rows) {
            if (!r.impl().equals("sparrow")) {
                continue;
            }
            Row r1 = oneThread.get(r.c().name() + r.method() + r.precond());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %.1e | %s | %s | %s |%n", r.c().name(),
                    r.c().kind(), r.method(), r.precond(), r.iterations(), r.converged() ? "yes" : "**no**",
                    r.trueRelativeResidual(), fmt(r.medianMs()), r1 == null ? "" : fmt(r1.medianMs()), r.note()));
        }
        md.append('\n');
    }

    private static void notConverged(StringBuilder md, List<Row> rows) {
        md.append("## Did not converge\n\n");
        List<String> lines = rows.stream().filter(r -> !r.converged())
                .map(r -> "- " + r.impl() + ": " + label(r) + " after " + r.iterations() + " iterations, rel. res. "
                        + String.format(Locale.ROOT, "%.1e", r.trueRelativeResidual())
                        + (r.note().isEmpty() ? "" : " (" + r.note() + ")"))
                .toList();
        md.append(lines.isEmpty() ? "Every solve converged.\n" : String.join("\n", lines) + "\n");
    }

    private static String label(Row r) {
        return r.c().name() + " " + r.method() + (r.precond().equals("none") ? "" : "+" + r.precond());
    }

    private static String its(Row r) {
        return r.iterations() + (r.converged() ? "" : "*");
    }

    private static String ms(Row r) {
        return fmt(r.medianMs()) + (r.converged() ? "" : "*");
    }

    private static String ratio(Row peer, Row sparrow) {
        if (peer == null) {
            return "—";
        }
        if (!peer.converged() || !sparrow.converged()) {
            return "— (" + (peer.converged() ? "Sparrow" : peer.impl()) + " not converged)";
        }
        double r = peer.medianMs() / sparrow.medianMs();
        return r >= 2 ? "**" + fmt(r) + "×**" : fmt(r) + "×"; // bold: the goal (≥ 2× MTJ) met
    }

    private static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double min(List<Double> v) {
        Optional<Double> m = v.stream().min(Double::compare);
        return m.orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        Optional<Double> m = v.stream().max(Double::compare);
        return m.orElse(Double.NaN);
    }
}
