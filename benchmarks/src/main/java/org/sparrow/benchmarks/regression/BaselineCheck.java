package org.sparrow.benchmarks.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --check}: compares a run's rows with a stored baseline, matched by problem + method + sketch.
 * Only Sparrow's rows are judged ({@link ResultRow#SPARROW_METHODS}); the peers' rows are context. A
 * baseline row counts only when its status was ok. For each such row:
 * <ul>
 *   <li><b>missing</b> from the run: reported, not a failure (a {@code --quick} run measures a subset of
 *       the full grid; problems not run at all are summarised in one line); a row present but no longer ok
 *       (failed, refused, unsupported) <b>is</b> a regression;</li>
 *   <li><b>time</b> (each run's fastest timed call, {@code min_seconds}, the figure other processes on a shared
 *       machine disturb least): a regression when the run is more than {@value #SLOWER_PERCENT}% slower than the baseline
 *       <em>and</em> at least {@value #FLOOR_MS} ms slower (noise on tiny cases), <em>and</em> — when both
 *       runs timed EJML's dense QR on that problem — also more than {@value #SLOWER_PERCENT}% slower relative to
 *       EJML's time of its own run (seconds / EJML seconds). A machine that is uniformly slower today moves both
 *       times and so passes; a real slowdown of Sparrow moves both measures;</li>
 *   <li><b>accuracy</b>: a regression when err_inf, err_2 or the residual excess is more than
 *       {@value #ACCURACY_FACTOR}× the baseline's <em>and</em> above {@value #ACCURACY_FLOOR} (rounding-level
 *       figures may wander by orders of magnitude), or became NaN; and when a row that converged no longer
 *       does.</li>
 * </ul>
 * Rows of the run that the baseline lacks are listed as new.
 */
final class BaselineCheck {

    static final double SLOWER_PERCENT = 15;
    static final double FLOOR_MS = 5;
    static final double ACCURACY_FACTOR = 10;
    static final double ACCURACY_FLOOR = 1e-12;

    private BaselineCheck() {
    }

    /** What a comparison found about one row. */
    enum Kind { TIME, ACCURACY, CONVERGENCE, STATUS, MISSING, NEW }

    /**
     * One finding.
     *
     * @param kind       what kind
     * @param regression whether it fails the check
     * @param message    one line for the console and the report
     * @param key        the row's {@link ResultRow#key()}, "" for a summary line
     */
    record Finding(Kind kind, boolean regression, String message, String key) {

        Finding(Kind kind, boolean regression, String message) {
            this(kind, regression, message, "");
        }
    }

    /** All findings of one comparison. */
    record Outcome(List<Finding> findings, int compared) {

        boolean failed() {
            return findings.stream().anyMatch(Finding::regression);
        }

        List<Finding> regressions() {
            return findings.stream().filter(Finding::regression).toList();
        }

        /** The keys of the rows that failed on time only (candidates for re-timing). */
        java.util.Set<String> slowKeys() {
            java.util.Set<String> time = new java.util.LinkedHashSet<>();
            java.util.Set<String> other = new java.util.HashSet<>();
            for (Finding f : findings) {
                if (f.regression()) {
                    (f.kind() == Kind.TIME ? time : other).add(f.key());
                }
            }
            time.removeAll(other);
            return time;
        }

        /** The lines to print: regressions first, then the rest. */
        List<String> lines() {
            List<String> out = new ArrayList<>();
            findings.stream().filter(Finding::regression).forEach(f -> out.add("REGRESSION " + f.message()));
            findings.stream().filter(f -> !f.regression()).forEach(f -> out.add("note " + f.message()));
            return out;
        }
    }

    /** Compares {@code run} with {@code baseline} as the class comment says. */
    static Outcome compare(List<ResultRow> baseline, List<ResultRow> run) {
        Map<String, ResultRow> now = index(run);
        Map<String, ResultRow> before = index(baseline);
        Set<String> problemsNow = run.stream().map(ResultRow::problem).collect(Collectors.toSet());
        Set<String> problemsBefore = baseline.stream().map(ResultRow::problem).collect(Collectors.toSet());
        Map<String, Integer> absentProblems = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        int compared = 0;
        for (ResultRow b : baseline) {
            if (!b.isSparrow() || !b.ok()) {
                continue;
            }
            ResultRow r = now.get(b.key());
            if (r == null) {
                if (problemsNow.contains(b.problem())) {
                    out.add(new Finding(Kind.MISSING, false, b.label() + ": in the baseline, not measured in this run"));
                } else {
                    absentProblems.merge(b.problem(), 1, Integer::sum);
                }
                continue;
            }
            compared++;
            if (!r.ok()) {
                out.add(new Finding(Kind.STATUS, true, b.label() + ": was ok, now " + r.status()
                        + (r.note().isEmpty() ? "" : " (" + r.note() + ")"), b.key()));
                continue;
            }
            time(b, r, ejmlSeconds(baseline, b.problem()), ejmlSeconds(run, r.problem()), out);
            accuracy("err_inf", b.errInf(), r.errInf(), b, out);
            accuracy("err_2", b.err2(), r.err2(), b, out);
            accuracy("residual excess", b.residualExcess(), r.residualExcess(), b, out);
            if (b.converged() && !r.converged()) {
                out.add(new Finding(Kind.CONVERGENCE, true, b.label() + ": converged in the baseline, not now"
                        + (r.note().isEmpty() ? "" : " (" + r.note() + ")"), b.key()));
            }
        }
        if (!absentProblems.isEmpty()) {
            out.add(new Finding(Kind.MISSING, false, String.format(Locale.ROOT, "%d baseline problem(s) not run this time "
                    + "(%d Sparrow rows; a --quick or --only run?): %s", absentProblems.size(),
                    absentProblems.values().stream().mapToInt(Integer::intValue).sum(),
                    String.join(", ", absentProblems.keySet()))));
        }
        Map<String, Integer> newProblems = new LinkedHashMap<>();
        for (ResultRow r : run) {
            if (r.isSparrow() && !before.containsKey(r.key())) {
                if (problemsBefore.contains(r.problem())) {
                    out.add(new Finding(Kind.NEW, false, r.label() + ": new, not in the baseline"));
                } else {
                    newProblems.merge(r.problem(), 1, Integer::sum);
                }
            }
        }
        if (!newProblems.isEmpty()) {
            out.add(new Finding(Kind.NEW, false, String.format(Locale.ROOT, "%d problem(s) not in the baseline (%d Sparrow "
                    + "rows, not compared): %s", newProblems.size(),
                    newProblems.values().stream().mapToInt(Integer::intValue).sum(), String.join(", ", newProblems.keySet()))));
        }
        return new Outcome(out, compared);
    }

    private static void time(ResultRow b, ResultRow r, double ejmlBefore, double ejmlNow, List<Finding> out) {
        double tb = checkedSeconds(b);
        double tr = checkedSeconds(r);
        if (!(tb > 0) || !(tr > 0)) {
            return;
        }
        double raw = tr / tb;
        boolean slower = raw > 1 + SLOWER_PERCENT / 100 && (tr - tb) * 1e3 > FLOOR_MS;
        String normText = "";
        if (slower && ejmlBefore > 0 && ejmlNow > 0) {
            double norm = (tr / ejmlNow) / (tb / ejmlBefore);
            slower = norm > 1 + SLOWER_PERCENT / 100;
            normText = String.format(Locale.ROOT, ", %+.0f%% relative to EJML QR of the same run", (norm - 1) * 100);
        }
        if (slower) {
            out.add(new Finding(Kind.TIME, true, String.format(Locale.ROOT, "%s: %.4g s, baseline %.4g s (%+.0f%%%s; "
                    + "fastest call of each run)", b.label(), tr, tb, (raw - 1) * 100, normText), b.key()));
        }
    }

    /**
     * The time the check compares: the fastest timed call ({@code min_seconds}), which other processes on a
     * shared machine disturb least (they can only add time), else the median.
     */
    static double checkedSeconds(ResultRow r) {
        return r.minSeconds() > 0 ? r.minSeconds() : r.seconds();
    }

    private static void accuracy(String what, double before, double now, ResultRow b, List<Finding> out) {
        if (Double.isNaN(before)) {
            return;
        }
        boolean worse = Double.isNaN(now) || now > ACCURACY_FACTOR * before && now > ACCURACY_FLOOR;
        if (worse) {
            out.add(new Finding(Kind.ACCURACY, true, String.format(Locale.ROOT, "%s: %s %.3g, baseline %.3g",
                    b.label(), what, now, before), b.key()));
        }
    }

    /** EJML QR's time ({@link #checkedSeconds}) on a problem in a table, NaN when none is ok. */
    static double ejmlSeconds(List<ResultRow> rows, String problem) {
        for (ResultRow r : rows) {
            if (r.problem().equals(problem) && r.method().equals("ejml-qr") && r.ok()) {
                return checkedSeconds(r);
            }
        }
        return Double.NaN;
    }

    private static Map<String, ResultRow> index(List<ResultRow> rows) {
        Map<String, ResultRow> m = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            m.putIfAbsent(r.key(), r);
        }
        return m;
    }
}
