package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sparrow.benchmarks.harness.Table;
import org.sparrow.core.io.SafeOutput;

/**
 * The large family's report ({@link LargeSuite}): {@code large.md} (the issue-16 goals marked met or not,
 * the matrices, steady-state and fresh-process tables side by side) and {@code large.csv} (one row per
 * measurement). Rendering is separate from measuring so that it can be tested with made-up rows.
 */
final class LargeReport {

    /** Goal: {@code sparrow multiply --repeat 5} median at least this many times faster than scipy's {@code A @ A}. */
    static final double MULTIPLY_GOAL = 1.6;
    /** Goal: SpMV with a reused output at least this many times faster than scipy's {@code A @ x}. */
    static final double SPMV_GOAL = 1.5;
    /** Goal: SpMV at least this fraction of the copy bandwidth of the same run. */
    static final double SPMV_COPY_GOAL = 0.60;
    /** Goal: {@code sparrow --version} at most this many seconds, whole process. */
    static final double VERSION_GOAL_SECONDS = 0.3;
    /** Goal: a Matrix Market read in a fresh process at most this many times scipy's whole-process mmread. */
    static final double MMREAD_GOAL = 1.2;

    /** Where a measurement was taken. */
    enum Section {
        /** In the warmed benchmark JVM (or scipy's process), median of timed runs after warm-up. */
        STEADY,
        /** A whole fresh process per run. */
        FRESH
    }

    /** What was measured. */
    enum Op {
        /** {@code C = A·A} in the warmed JVM. */
        SPGEMM("SpGEMM A·A"),
        /** {@code y = A·x} into a reused y. */
        SPMV("SpMV y = A·x"),
        /** {@code Spmm.apply} with k = 1 into a reused Y. */
        SPMM1("SpMM k = 1"),
        /** {@code sparrow multiply A A --repeat 5 --json}, fresh process. */
        MULTIPLY("sparrow multiply A A --repeat 5"),
        /** {@code sparrow info A}, fresh process. */
        INFO("sparrow info A"),
        /** {@code sparrow --version}, fresh process. */
        VERSION("sparrow --version"),
        /** scipy.io.mmread in a fresh python. */
        MMREAD("python: scipy.io.mmread(A)"),
        /** mmread then {@code A @ A} (warm-up + median of 5) in a fresh python. */
        FRESH_SPGEMM("python: mmread, A @ A × (1 + 5)"),
        /** mmread then {@code A @ x} (warm-up + median of 5) in a fresh python. */
        FRESH_SPMV("python: mmread, A @ x × (1 + 5)");

        private final String label;

        Op(String label) {
            this.label = label;
        }

        /** The label in the tables. */
        String label() {
            return label;
        }

        /** The lower-case key in the CSV. */
        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One measurement.
     *
     * @param section    steady state or fresh process
     * @param op         what was measured
     * @param matrix     the matrix name, or "" for {@code --version}
     * @param impl       "Sparrow", "Sparrow unsorted", "Sparrow 1T", "EJML", "EJML-MT" or "scipy"
     * @param threads    threads it ran on
     * @param seconds    median seconds per operation in the process (NaN: not applicable or not measured)
     * @param minSeconds fastest seconds per operation (NaN where not measured)
     * @param runs       timed runs (processes, for fresh measurements)
     * @param wallSeconds median whole-process seconds (fresh measurements; NaN otherwise)
     * @param check      relative difference from the reference (NaN: not checked)
     * @param status     "ok", or why it was not measured or failed
     */
    record Row(Section section, Op op, String matrix, String impl, int threads, double seconds, double minSeconds,
               int runs, double wallSeconds, double check, String status) {

        /** Whether it was measured. */
        boolean ok() {
            return "ok".equals(status);
        }
    }

    /**
     * A large matrix's sizes and what ran on it.
     *
     * @param info      sizes and SpGEMM work (k = 1); {@code nnzC} −1 where SpGEMM was not run
     * @param family    what it is
     * @param goal      whether the goals are judged on it
     * @param mtxBytes  size of its Matrix Market file (fresh-process runs), or −1 when none was written
     * @param spgemmRun whether SpGEMM was run, or why not
     */
    record Matrix(MatrixInfo info, String family, boolean goal, long mtxBytes, String spgemmRun) {
    }

    /**
     * One goal's verdict.
     *
     * @param goal     the goal in words
     * @param matrix   where it was judged ("" for start-up)
     * @param measured what was measured, in words
     * @param value    the figure compared with the target (NaN: not measured)
     * @param target   the target
     * @param atLeast  whether the figure must be at least (true) or at most (false) the target
     */
    record Goal(String goal, String matrix, String measured, double value, double target, boolean atLeast) {

        /** "met", "not met" or "not measured". */
        String verdict() {
            if (Double.isNaN(value)) {
                return "not measured";
            }
            return (atLeast ? value >= target : value <= target) ? "met" : "not met";
        }
    }

    /**
     * The run's circumstances, for the report's head.
     *
     * @param when       start time and wall time of the run
     * @param machine    CPU, cores, memory, JDK, heap in one line
     * @param threads    T
     * @param quick      whether the quick sizes ran
     * @param timing     the steady-state timing scheme in words
     * @param copyT      T-thread copy bandwidth, GB/s
     * @param copy1      1-thread copy bandwidth, GB/s
     * @param scipy      scipy's version line, or why it was not run
     * @param freshTools how the fresh processes were timed
     * @param notes      further sentences (what was skipped and why)
     */
    record Context(String when, String machine, int threads, boolean quick, String timing, double copyT, double copy1,
                   String scipy, String freshTools, List<String> notes) {
    }

    private final Context ctx;
    private final List<Matrix> matrices;
    private final List<Row> rows;

    /**
     * A report.
     *
     * @param ctx      the run's circumstances
     * @param matrices the matrices, in run order
     * @param rows     every measurement
     */
    LargeReport(Context ctx, List<Matrix> matrices, List<Row> rows) {
        this.ctx = ctx;
        this.matrices = List.copyOf(matrices);
        this.rows = List.copyOf(rows);
    }

    /** The measurement of {@code op} by {@code impl} on {@code matrix}, if it was measured. */
    Optional<Row> find(Op op, String matrix, String impl) {
        return rows.stream().filter(r -> r.op() == op && r.matrix().equals(matrix) && r.impl().equals(impl) && r.ok())
                .findFirst();
    }

    private double seconds(Op op, String matrix, String impl) {
        return find(op, matrix, impl).map(Row::seconds).orElse(Double.NaN);
    }

    private double wall(Op op, String matrix, String impl) {
        return find(op, matrix, impl).map(Row::wallSeconds).orElse(Double.NaN);
    }

    /** SpMV GB/s of a row: {@link MatrixInfo#spmvBytes()} over its median time. */
    private double gbs(Row r) {
        return matrices.stream().filter(m -> m.info().name().equals(r.matrix())).findFirst()
                .map(m -> m.info().spmvBytes() / r.seconds() / 1e9).orElse(Double.NaN);
    }

    /** The goals of issue 16 that this family measures, judged from the rows. */
    List<Goal> goals() {
        List<Goal> out = new ArrayList<>();
        for (Matrix m : matrices) {
            if (!m.goal()) {
                continue;
            }
            String n = m.info().name();
            double sp = seconds(Op.MULTIPLY, n, "Sparrow");
            double py = seconds(Op.FRESH_SPGEMM, n, "scipy");
            out.add(new Goal(String.format(Locale.ROOT, "`sparrow multiply --repeat 5` median ≥ %.1f× scipy `A @ A`",
                    MULTIPLY_GOAL), n, String.format(Locale.ROOT, "%s s vs scipy %s s", num(sp), num(py)), py / sp,
                    MULTIPLY_GOAL, true));
            double spmv = seconds(Op.SPMV, n, "Sparrow");
            double spmvPy = seconds(Op.SPMV, n, "scipy");
            out.add(new Goal(String.format(Locale.ROOT, "SpMV (reused y, %dT) ≥ %.1f× scipy `A @ x`", ctx.threads(),
                    SPMV_GOAL), n, String.format(Locale.ROOT, "%s ms vs scipy %s ms", num(spmv * 1e3),
                    num(spmvPy * 1e3)), spmvPy / spmv, SPMV_GOAL, true));
            double gbs = find(Op.SPMV, n, "Sparrow").map(this::gbs).orElse(Double.NaN);
            out.add(new Goal(String.format(Locale.ROOT, "SpMV ≥ %.0f%% of the copy bandwidth", 100 * SPMV_COPY_GOAL), n,
                    String.format(Locale.ROOT, "%s GB/s of %s GB/s", num(gbs), num(ctx.copyT())), gbs / ctx.copyT(),
                    SPMV_COPY_GOAL, true));
        }
        double version = wall(Op.VERSION, "", "Sparrow");
        out.add(new Goal(String.format(Locale.ROOT, "`sparrow --version` ≤ %.1f s", VERSION_GOAL_SECONDS), "",
                String.format(Locale.ROOT, "%s s whole process", num(version)), version, VERSION_GOAL_SECONDS, false));
        Optional<Matrix> largest = matrices.stream().filter(m -> m.mtxBytes() > 0)
                .max((a, b) -> Long.compare(a.mtxBytes(), b.mtxBytes()));
        String ln = largest.map(m -> m.info().name()).orElse("");
        double info = wall(Op.INFO, ln, "Sparrow");
        double mmread = wall(Op.MMREAD, ln, "scipy");
        out.add(new Goal(String.format(Locale.ROOT, "Matrix Market read, fresh process (`sparrow info`) ≤ %.1f× scipy"
                + " `mmread` (largest file)", MMREAD_GOAL), ln, String.format(Locale.ROOT, "%s s vs scipy %s s", num(info),
                num(mmread)), info / mmread, MMREAD_GOAL, false));
        return out;
    }

    /** The CSV: one row per measurement. */
    String csv() {
        Table t = new Table("section", "op", "matrix", "impl", "threads", "status", "median_s", "min_s", "runs",
                "wall_s", "gb_s", "fraction_of_copy", "rel_diff");
        for (Row r : rows) {
            boolean bw = r.ok() && (r.op() == Op.SPMV || r.op() == Op.SPMM1);
            double gbs = bw ? gbs(r) : Double.NaN;
            t.row(r.section().name().toLowerCase(Locale.ROOT), r.op().key(), r.matrix(), r.impl(), r.threads(), r.status(),
                    Table.num(r.seconds(), "%.6g"), Table.num(r.minSeconds(), "%.6g"), r.runs(),
                    Table.num(r.wallSeconds(), "%.6g"), Table.num(gbs, "%.4g"), Table.num(gbs / ctx.copyT(), "%.4g"),
                    Table.num(r.check(), "%.3e"));
        }
        return t.csv();
    }

    /** The Markdown report. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Kernels at the scale users run them: the large family (issue 16)\n\n");
        md.append(ctx.when()).append(ctx.quick() ? " **Quick sizes** (a check run, not the issue's matrices)." : "")
                .append("\n\n").append(ctx.machine()).append(String.format(Locale.ROOT,
                        ". T = %d threads. Copy bandwidth (STREAM Copy, same run): %.1f GB/s on %d threads, %.1f GB/s on"
                                + " 1. %s. Fresh processes timed with %s.%n%n", ctx.threads(), ctx.copyT(), ctx.threads(),
                        ctx.copy1(), ctx.scipy(), ctx.freshTools()));
        md.append("Steady state: ").append(ctx.timing()).append(".\n\n");

        md.append("## Goals of issue 16\n\n");
        Table g = new Table("goal", "matrix", "measured", "figure", "target", "verdict");
        for (Goal x : goals()) {
            String fig = x.goal().contains("copy") ? cell(100 * x.value(), "%.0f%%")
                    : x.goal().startsWith("`sparrow --version`") ? cell(x.value(), "%.3f s")
                    : cell(x.value(), "%.2f×");
            String target = (x.atLeast() ? "≥ " : "≤ ") + (x.goal().contains("copy")
                    ? cell(100 * x.target(), "%.0f%%") : x.goal().startsWith("`sparrow --version`")
                    ? cell(x.target(), "%.1f s") : cell(x.target(), "%.1f×"));
            g.row(x.goal(), x.matrix(), x.measured(), fig, target, "met".equals(x.verdict()) ? "**met**" : x.verdict());
        }
        md.append(g.markdown(Table.leftThenRight(3, 6))).append('\n');

        md.append("## Matrices\n\n");
        Table mt = new Table("matrix", "what", "rows", "nnz", "A·A multiply-adds", "nnz(A·A)", "Matrix Market MB",
                "SpGEMM");
        for (Matrix m : matrices) {
            MatrixInfo i = m.info();
            mt.row(i.name(), m.family(), String.format(Locale.ROOT, "%,d", i.rows()), String.format(Locale.ROOT, "%,d",
                    i.nnz()), cell(i.flops(), "%.3g"), i.nnzC() < 0 ? "–" : String.format(Locale.ROOT, "%,d",
                    i.nnzC()), m.mtxBytes() > 0 ? cell(m.mtxBytes() / 1e6, "%.0f") : "–", m.spgemmRun());
        }
        md.append(mt.markdown(Table.leftThenRight(2, 8))).append('\n');

        md.append("## Steady state (warmed JVM; scipy in its own process after loading)\n\n");
        md.append("SpGEMM `C = A·A`, median ms per product. Sparrow sorted (canonical) and unsorted output on T threads;"
                + " EJML and scipy leave output unsorted, so \"Sparrow unsorted\" is the like-for-like column. Best peer /"
                + " Sparrow: the fastest of EJML, EJML-MT and scipy over Sparrow unsorted (> 1: Sparrow faster).\n\n");
        Table sg = new Table("matrix", "Sparrow " + ctx.threads() + "T", "Sparrow unsorted " + ctx.threads() + "T", "EJML",
                "EJML-MT " + ctx.threads() + "T", "scipy", "best peer / Sparrow");
        for (Matrix m : matrices) {
            String n = m.info().name();
            if (rows.stream().noneMatch(r -> r.op() == Op.SPGEMM && r.matrix().equals(n))) {
                continue;
            }
            double best = Math.min(Math.min(orInf(seconds(Op.SPGEMM, n, "EJML")), orInf(seconds(Op.SPGEMM, n, "EJML-MT"))),
                    orInf(seconds(Op.SPGEMM, n, "scipy")));
            sg.row(n, ms(Op.SPGEMM, n, "Sparrow"), ms(Op.SPGEMM, n, "Sparrow unsorted"), ms(Op.SPGEMM, n, "EJML"),
                    ms(Op.SPGEMM, n, "EJML-MT"), ms(Op.SPGEMM, n, "scipy"),
                    cell(Double.isInfinite(best) ? Double.NaN : best / seconds(Op.SPGEMM, n, "Sparrow unsorted"),
                            "%.2f×"));
        }
        md.append(sg.size() == 0 ? "(no SpGEMM was run)\n" : sg.markdown(Table.leftThenRight(1, 7))).append('\n');
        md.append(String.format(Locale.ROOT, "SpMV `y = A·x` with y reused, and SpMM with k = 1 (`Spmm.apply`, reused Y),"
                + " median ms. GB/s = (12·nnz + 4·(rows+1) + 8·cols + 8·rows) / time; %% copy against the %dT copy"
                + " bandwidth (%.1f GB/s). scipy / Sparrow > 1: Sparrow faster.%n%n", ctx.threads(), ctx.copyT()));
        Table sv = new Table("matrix", "MB", "Sparrow " + ctx.threads() + "T", "GB/s", "% copy", "Sparrow 1T", "GB/s",
                "scipy", "scipy / Sparrow", "SpMM k = 1, " + ctx.threads() + "T", "SpMM k=1 / SpMV");
        for (Matrix m : matrices) {
            String n = m.info().name();
            Optional<Row> s = find(Op.SPMV, n, "Sparrow");
            Optional<Row> s1 = find(Op.SPMV, n, "Sparrow 1T");
            double t = seconds(Op.SPMV, n, "Sparrow");
            double gbs = s.map(this::gbs).orElse(Double.NaN);
            sv.row(n, cell(m.info().spmvBytes() / 1e6, "%.0f"), ms(Op.SPMV, n, "Sparrow"), cell(gbs, "%.1f"),
                    cell(100 * gbs / ctx.copyT(), "%.0f%%"), ms(Op.SPMV, n, "Sparrow 1T"),
                    cell(s1.map(this::gbs).orElse(Double.NaN), "%.1f"), ms(Op.SPMV, n, "scipy"),
                    cell(seconds(Op.SPMV, n, "scipy") / t, "%.2f×"), ms(Op.SPMM1, n, "Sparrow"),
                    cell(seconds(Op.SPMM1, n, "Sparrow") / t, "%.2f"));
        }
        md.append(sv.markdown(Table.leftThenRight(1, 11))).append('\n');

        md.append("## Fresh processes (what a user pays per command)\n\n");
        md.append("Seconds. \"in process\": the figure the command reports itself (`sparrow multiply --json` `seconds`:"
                + " median of 5 products after a warm-up product; the python script mirrors that), median over the"
                + " processes; \"whole\": process start to exit, median. multiply ratio = scipy / Sparrow in process;"
                + " read ratio = Sparrow `info` / scipy `mmread`, whole processes.\n\n");
        Table fr = new Table("matrix", "multiply in process", "multiply whole", "scipy A @ A in process",
                "scipy A @ A whole", "scipy / Sparrow", "sparrow info whole", "scipy mmread whole", "Sparrow / scipy",
                "scipy A @ x in process, ms", "scipy A @ x whole");
        for (Matrix m : matrices) {
            String n = m.info().name();
            if (rows.stream().noneMatch(r -> r.section() == Section.FRESH && r.matrix().equals(n))) {
                continue;
            }
            fr.row(n, s(seconds(Op.MULTIPLY, n, "Sparrow")), s(wall(Op.MULTIPLY, n, "Sparrow")),
                    s(seconds(Op.FRESH_SPGEMM, n, "scipy")), s(wall(Op.FRESH_SPGEMM, n, "scipy")),
                    cell(seconds(Op.FRESH_SPGEMM, n, "scipy") / seconds(Op.MULTIPLY, n, "Sparrow"), "%.2f×"),
                    s(wall(Op.INFO, n, "Sparrow")), s(wall(Op.MMREAD, n, "scipy")),
                    cell(wall(Op.INFO, n, "Sparrow") / wall(Op.MMREAD, n, "scipy"), "%.2f×"),
                    cell(seconds(Op.FRESH_SPMV, n, "scipy") * 1e3, "%.3f"), s(wall(Op.FRESH_SPMV, n, "scipy")));
        }
        md.append(fr.size() == 0 ? "(no fresh-process runs)\n" : fr.markdown(Table.leftThenRight(1, 11))).append('\n');
        md.append("`sparrow --version`, whole process: ").append(s(wall(Op.VERSION, "", "Sparrow"))).append(" s")
                .append(find(Op.VERSION, "", "Sparrow").map(r -> String.format(Locale.ROOT, " (median of %d, fastest %s s)",
                        r.runs(), s(r.minSeconds()))).orElse("")).append(".\n\n");

        List<String> problems = new ArrayList<>(ctx.notes());
        for (Row r : rows) {
            if (!r.ok()) {
                problems.add(String.format(Locale.ROOT, "%s, %s, %s: %s", r.op().label(), r.matrix().isEmpty() ? "–"
                        : r.matrix(), r.impl(), r.status()));
            } else if (r.check() > ResultCheck.TOLERANCE) {
                problems.add(String.format(Locale.ROOT, "%s, %s, %s: MISMATCH, relative difference %.2e", r.op().label(),
                        r.matrix(), r.impl(), r.check()));
            }
        }
        md.append("## Not measured, skipped or mismatched\n\n");
        if (problems.isEmpty()) {
            md.append("Nothing: every measurement ran and every result matched its reference.\n");
        } else {
            for (String p : problems) {
                md.append("- ").append(p).append('\n');
            }
        }
        return md.toString();
    }

    /**
     * Writes {@code large.md} and {@code large.csv} into {@code dir}.
     *
     * @param dir the results folder
     * @throws IOException if a file cannot be written
     */
    void write(Path dir) throws IOException {
        SafeOutput.writeString(dir.resolve("large.csv"), csv());
        SafeOutput.writeString(dir.resolve("large.md"), markdown());
        System.out.println("Wrote " + dir.resolve("large.md") + " and large.csv");
    }

    private String ms(Op op, String matrix, String impl) {
        Optional<Row> r = rows.stream().filter(x -> x.op() == op && x.matrix().equals(matrix) && x.impl().equals(impl))
                .findFirst();
        if (r.isEmpty()) {
            return "–";
        }
        if (!r.get().ok()) {
            return r.get().status().startsWith("skipped") ? "skipped" : "failed";
        }
        return cell(r.get().seconds() * 1e3, r.get().seconds() < 0.01 ? "%.3f" : "%.1f");
    }

    private static String s(double seconds) {
        return cell(seconds, "%.3f");
    }

    private static String num(double v) {
        return cell(v, Math.abs(v) < 1 ? "%.3f" : "%.2f");
    }

    /** A number in {@code format}, or "–" when not finite (not measured). */
    private static String cell(double v, String format) {
        return Table.na(v, format, "–");
    }

    private static double orInf(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
