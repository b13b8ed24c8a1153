package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.Stats;
import org.sparrow.benchmarks.harness.Table;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.io.SafeOutput;

/**
 * Writes the suite's results: {@code kernels.csv} (every measurement), {@code speedups.csv} (every
 * Sparrow-over-peer ratio), {@code scaling.csv}, {@code machine.csv}, the Markdown report
 * {@code kernels.md} and the charts {@code spgemm_speedup.png}, {@code spmv_speedup.png} and
 * {@code spmm_speedup.png}.
 *
 * <p>A speed-up is always <em>peer time / Sparrow time</em> from the same run: above 1 Sparrow is
 * faster. Where a capped peer timed out, the ratio is a lower bound ({@code cap / Sparrow time},
 * shown as "&gt; N×").
 */
final class KernelReport {

    /** SpGEMM goal: speed-up over the faster EJML and over scipy, T threads. */
    static final double SPGEMM_GOAL = 1.6;
    /** SpMV goal: fraction of the copy bandwidth. */
    static final double SPMV_GOAL = 0.8;
    /** SpMM goal: speed-up over MTJ. */
    static final double SPMM_GOAL = 3.0;

    private final KernelSuite.Options opt;
    private final Timer.Settings settings;
    private final MachineInfo machine;
    private final double copy1;
    private final double copyT;
    private final String scipyNote;
    private final List<MatrixInfo> infos;
    private final List<Measurement> all;
    private final List<ScalingStudy.Row> scaling;
    private final Duration took;
    private final int t;

    /**
     * Collects what to write.
     *
     * @param opt       the run's options
     * @param settings  timing settings
     * @param machine   machine description
     * @param copy1     1-thread copy bandwidth, GB/s
     * @param copyT     T-thread copy bandwidth, GB/s
     * @param scipyNote scipy's version, or why it was not measured
     * @param infos     the matrices, in run order
     * @param all       every measurement
     * @param scaling   the scaling study's rows (may be empty)
     * @param took      the run's wall time so far
     */
    KernelReport(KernelSuite.Options opt, Timer.Settings settings, MachineInfo machine, double copy1, double copyT,
                 String scipyNote,
                 List<MatrixInfo> infos, List<Measurement> all, List<ScalingStudy.Row> scaling, Duration took) {
        this.opt = opt;
        this.settings = settings;
        this.machine = machine;
        this.copy1 = copy1;
        this.copyT = copyT;
        this.scipyNote = scipyNote;
        this.infos = infos;
        this.all = all;
        this.scaling = scaling;
        this.took = took;
        this.t = opt.threads();
    }

    /** Writes every file into {@code dir} and prints the Markdown report. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        measurementsCsv().writeCsv(dir.resolve("kernels.csv"));
        speedupsCsv().writeCsv(dir.resolve("speedups.csv"));
        scalingCsv().writeCsv(dir.resolve("scaling.csv"));
        machineCsv().writeCsv(dir.resolve("machine.csv"));
        String md = markdown();
        SafeOutput.writeString(dir.resolve("kernels.md"), md);
        List<String> names = infos.stream().map(MatrixInfo::name).toList();
        SpeedupCharts.write(dir.resolve("spgemm_speedup.png"), String.format(Locale.ROOT,
                "SpGEMM C = A·A: speed-up of Sparrow (%d threads, unsorted output) over each peer (goal ≥ %.1f× EJML and scipy)",
                t, SPGEMM_GOAL), names, series(Kernel.SPGEMM, Impl.SPARROW_UNSORTED,
                Impl.EJML, Impl.EJML_MT, Impl.OJALGO, Impl.COMMONS_MATH, Impl.SCIPY));
        SpeedupCharts.write(dir.resolve("spmv_speedup.png"), String.format(Locale.ROOT,
                "SpMV y = A·x: speed-up of Sparrow (%d threads) over each peer", t), names,
                series(Kernel.SPMV, Impl.SPARROW, Impl.MTJ, Impl.EJML, Impl.EJML_MT, Impl.SCIPY));
        SpeedupCharts.write(dir.resolve("spmm_speedup.png"), String.format(Locale.ROOT,
                "SpMM Y = A·X (k = %d): speed-up of Sparrow (%d threads) over each peer (goal ≥ %.0f× MTJ)",
                KernelSuite.K, t, SPMM_GOAL), names,
                series(Kernel.SPMM, Impl.SPARROW, Impl.MTJ, Impl.EJML, Impl.EJML_MT, Impl.SCIPY));
        System.out.println();
        System.out.println(md);
        System.out.println("Wrote kernels.md, kernels.csv, speedups.csv, scaling.csv, machine.csv and the charts into "
                + dir.toAbsolutePath());
    }

    // ---- lookups -------------------------------------------------------------------------------

    private Measurement find(Kernel kernel, String matrix, Impl impl) {
        for (Measurement m : all) {
            if (m.kernel() == kernel && m.matrix().equals(matrix) && m.impl() == impl) {
                return m;
            }
        }
        return null;
    }

    /** Median seconds, or NaN. */
    private double seconds(Kernel kernel, String matrix, Impl impl) {
        Measurement m = find(kernel, matrix, impl);
        return m != null && m.timed() ? m.timing().seconds() : Double.NaN;
    }

    private boolean timedOut(Kernel kernel, String matrix, Impl impl) {
        Measurement m = find(kernel, matrix, impl);
        return m != null && !m.timed() && m.status().startsWith("timed out");
    }

    /** Peer time / Sparrow time; NaN if either is missing (see {@link #lowerBound}). */
    private double speedup(Kernel kernel, String matrix, Impl sparrow, Impl peer) {
        return seconds(kernel, matrix, peer) / seconds(kernel, matrix, sparrow);
    }

    /** For a timed-out peer, cap / Sparrow time; else NaN. */
    private double lowerBound(Kernel kernel, String matrix, Impl sparrow, Impl peer) {
        return timedOut(kernel, matrix, peer) ? opt.capSeconds() / seconds(kernel, matrix, sparrow) : Double.NaN;
    }

    /** Speed-up over the faster of EJML and EJML-MT. */
    private double overBestEjml(Kernel kernel, String matrix, Impl sparrow) {
        double best = Math.min(nanToInf(seconds(kernel, matrix, Impl.EJML)), nanToInf(seconds(kernel, matrix, Impl.EJML_MT)));
        return Double.isInfinite(best) ? Double.NaN : best / seconds(kernel, matrix, sparrow);
    }

    private static double nanToInf(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private List<SpeedupCharts.Series> series(Kernel kernel, Impl sparrow, Impl... peers) {
        List<SpeedupCharts.Series> out = new ArrayList<>();
        for (Impl peer : peers) {
            List<Double> v = new ArrayList<>();
            for (MatrixInfo info : infos) {
                double s = speedup(kernel, info.name(), sparrow, peer);
                v.add(Double.isNaN(s) ? null : s);
            }
            out.add(new SpeedupCharts.Series(label(peer), v));
        }
        return out;
    }

    private String label(Impl impl) {
        int n = impl.threads(t);
        return switch (impl) {
            case SPARROW, SPARROW_UNSORTED, SPARROW_1T, SPARROW_1T_UNSORTED -> "Sparrow " + n + "T"
                    + (impl == Impl.SPARROW_UNSORTED || impl == Impl.SPARROW_1T_UNSORTED ? " unsorted" : "");
            case EJML_MT -> "EJML-MT " + n + "T";
            default -> impl.label();
        };
    }

    private MatrixInfo info(String matrix) {
        return infos.stream().filter(i -> i.name().equals(matrix)).findFirst().orElseThrow();
    }

    // ---- CSV -----------------------------------------------------------------------------------

    private Table measurementsCsv() {
        Table t = new Table("kernel", "matrix", "rows", "cols", "nnz", "spgemm_flops", "impl", "threads", "status",
                "median_ms", "min_ms", "runs", "reps_per_run", "cold", "gflop_s", "gb_s", "copy_fraction", "rel_diff",
                "mismatch");
        for (Measurement m : all) {
            MatrixInfo i = info(m.matrix());
            Timer.Measured<?> time = m.timing();
            double s = m.timed() ? time.seconds() : Double.NaN;
            double gflops = i.floatingPointOps(m.kernel()) / s / 1e9;
            double gbs = i.bytes(m.kernel()) / s / 1e9;
            t.row(m.kernel().key(), m.matrix(), i.rows(), i.cols(), i.nnz(), i.flops(), m.impl().key(), m.threads(),
                    m.status(), m.timed() ? g(time.millis()) : "", m.timed() ? g(time.min() * 1e3) : "",
                    m.timed() ? time.runs() : "", m.timed() ? time.repetitions() : "", m.timed() ? time.cold() : "",
                    g(gflops), g(gbs), g(gbs / copyT), Table.num(m.relDiff(), "%.3e"), m.mismatch());
        }
        return t;
    }

    private Table speedupsCsv() {
        Table t = new Table("kernel", "matrix", "sparrow", "peer", "speedup", "lower_bound");
        for (Kernel kernel : Kernel.values()) {
            for (MatrixInfo info : infos) {
                for (Measurement s : all) {
                    if (s.kernel() != kernel || !s.matrix().equals(info.name()) || !s.impl().isSparrow()) {
                        continue;
                    }
                    for (Measurement p : all) {
                        if (p.kernel() != kernel || !p.matrix().equals(info.name()) || p.impl().isSparrow()) {
                            continue;
                        }
                        double r = speedup(kernel, info.name(), s.impl(), p.impl());
                        double lb = lowerBound(kernel, info.name(), s.impl(), p.impl());
                        if (!Double.isNaN(r) || !Double.isNaN(lb)) {
                            t.row(kernel.key(), info.name(), s.impl().key(), p.impl().key(), g(Double.isNaN(r) ? lb : r),
                                    Double.isNaN(r));
                        }
                    }
                }
            }
        }
        return t;
    }

    private Table scalingCsv() {
        Table t = new Table("family", "size", "rows", "nnz", "spgemm_flops", "nnz_c", "spgemm_ms", "spgemm_gflop_s",
                "spgemm_note", "spmv_ms", "spmv_gflop_s", "spmv_gb_s", "spmv_copy_fraction", "spmm_ms", "spmm_gflop_s",
                "spmm_gb_s", "spmm_copy_fraction");
        for (ScalingStudy.Row r : scaling) {
            MatrixInfo i = r.info();
            double gemm = r.spgemm() == null ? Double.NaN : r.spgemm().seconds();
            double mv = r.spmv().seconds();
            double mm = r.spmm().seconds();
            t.row(r.family(), r.size(), r.rows(), r.nnz(), r.flops(), r.nnzC() < 0 ? "" : r.nnzC(), g(gemm * 1e3),
                    g(i.floatingPointOps(Kernel.SPGEMM) / gemm / 1e9), r.spgemmNote(), g(mv * 1e3),
                    g(i.floatingPointOps(Kernel.SPMV) / mv / 1e9), g(i.spmvBytes() / mv / 1e9),
                    g(i.spmvBytes() / mv / 1e9 / copyT), g(mm * 1e3),
                    g(i.floatingPointOps(Kernel.SPMM) / mm / 1e9), g(i.spmmBytes() / mm / 1e9),
                    g(i.spmmBytes() / mm / 1e9 / copyT));
        }
        return t;
    }

    private Table machineCsv() {
        Table table = new Table("key", "value");
        table.row("date", Instant.now()).row("cpu", machine.cpu()).row("cores", machine.cores())
                .row("last_level_cache", machine.lastLevelCache()).row("memory", machine.memory()).row("os", machine.os())
                .row("jdk", machine.jdk()).row("max_heap_bytes", machine.maxHeapBytes()).row("threads", this.t)
                .row("copy_gb_s_1_thread", g(copy1)).row("copy_gb_s_threads", g(copyT))
                .row("ejml", machine.version("ejml")).row("ojalgo", machine.version("ojalgo"))
                .row("mtj", machine.version("mtj")).row("commons_math3", machine.version("commons-math3"))
                .row("scipy", scipyNote).row("mode", opt.quick() ? "quick" : "full")
                .row("settings", KernelSuite.describe(settings)).row("commons_math_cap_s", g(opt.capSeconds()))
                .row("wall_seconds", took.toSeconds());
        return table;
    }

    /** Five significant digits, or an empty cell for NaN and infinities. */
    private static String g(double v) {
        return Table.g(v);
    }

    // ---- Markdown ------------------------------------------------------------------------------

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Sparrow kernel suite\n\n");
        md.append(String.format(Locale.ROOT, "Run %s (%s mode, %d min %d s), T = %d threads. Everything below was measured"
                        + " in this one run on this machine; only ratios from the same run mean anything.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), opt.quick() ? "quick" : "full",
                took.toMinutes(), took.toSecondsPart(), t));
        md.append("## Machine\n\n").append(machineMarkdown()).append('\n');
        md.append("## How it was measured\n\n");
        md.append("- Timing (JVM and scipy alike): ").append(KernelSuite.describe(settings))
                .append(". Times are medians per operation; † marks an operation timed once.\n");
        md.append("- Inputs are converted once per matrix into each library's own format, untimed; each timed call is"
                + " the library's public product call, with its optional workspaces reused where it has them (EJML).\n");
        md.append("- One JVM for Sparrow, EJML, ojAlgo and MTJ, matrix by matrix. Before anything is timed its heap is"
                + " grown to half the maximum and touched, and kept from shrinking (`MaxHeapFreeRatio=100`), so no"
                + " implementation pays page faults for fresh heap on its clock; a full GC runs before each"
                + " measurement.\n");
        md.append(String.format(Locale.ROOT, "- Commons Math runs in a child JVM (same java, class path and flags)"
                + " stopped after %.0f s per matrix: its product never checks for interruption, so a thread could not"
                + " be stopped. \"> %.0f s\" means no product finished within the cap.%n", opt.capSeconds(),
                opt.capSeconds()));
        md.append("- scipy: ").append(scipyNote).append("; `A @ A`, `A @ x`, `A @ X` timed alone after loading,"
                + " single-threaded, run by python3 while the JVM waits.\n");
        md.append("- **Speed-up = peer time / Sparrow time** (same run): above 1 Sparrow is faster. \"> N×\" is a lower"
                + " bound from a timed-out peer (cap / Sparrow time).\n");
        md.append(String.format(Locale.ROOT, "- Correctness: every result is compared with Sparrow's one-thread result"
                + " (relative Frobenius difference for matrices, relative 2-norm for vectors and blocks); above %.0e it"
                + " is flagged **MISMATCH**. Patterns may differ (scipy and Commons Math drop cancelled zeros).%n%n",
                ResultCheck.TOLERANCE));
        summary(md);
        spgemm(md);
        spmv(md);
        spmm(md);
        scalingTable(md);
        problems(md);
        return md.toString();
    }

    /** The Markdown lines describing the machine, the peers' versions and the copy bandwidth. */
    private String machineMarkdown() {
        return String.format(Locale.ROOT, """
                - CPU: %s; %d cores available to the JVM; last-level cache %s; memory %s
                - OS: %s
                - JDK: %s; max heap %.1f GiB
                - Peers: EJML %s, ojAlgo %s, MTJ %s, Apache Commons Math %s
                - Copy bandwidth (STREAM-style Copy, c[i] = a[i] on two 128 MiB arrays, best of several runs, \
                bytes = 2 × array bytes): **%.1f GB/s on %d threads**, %.1f GB/s on 1 thread
                """, machine.cpu(), machine.cores(), machine.lastLevelCache(), machine.memory(), machine.os(),
                machine.jdk(), machine.maxHeapGiB(), machine.version("ejml"), machine.version("ojalgo"),
                machine.version("mtj"), machine.version("commons-math3"), copyT, t, copy1);
    }

    /** The goals of issue 3, as measured. */
    private void summary(StringBuilder md) {
        md.append("## Against the goals (ARCHITECTURE §6, issue 3)\n\n");
        md.append("| goal | measured |\n|---|---|\n");
        goalRow(md, String.format(Locale.ROOT, "SpGEMM %dT ≥ %.1f× the faster of EJML / EJML-MT (unsorted, like for like)",
                t, SPGEMM_GOAL), name -> overBestEjml(Kernel.SPGEMM, name, Impl.SPARROW_UNSORTED), SPGEMM_GOAL);
        goalRow(md, "… same with Sparrow's sorted output",
                name -> overBestEjml(Kernel.SPGEMM, name, Impl.SPARROW), SPGEMM_GOAL);
        goalRow(md, String.format(Locale.ROOT, "SpGEMM %dT ≥ %.1f× scipy `A @ A` (unsorted)", t, SPGEMM_GOAL),
                name -> speedup(Kernel.SPGEMM, name, Impl.SPARROW_UNSORTED, Impl.SCIPY), SPGEMM_GOAL);
        goalRow(md, "… same with Sparrow's sorted output",
                name -> speedup(Kernel.SPGEMM, name, Impl.SPARROW, Impl.SCIPY), SPGEMM_GOAL);
        goalRow(md, "SpGEMM 1 thread ≥ EJML (unsorted)",
                name -> speedup(Kernel.SPGEMM, name, Impl.SPARROW_1T_UNSORTED, Impl.EJML), 1.0);
        goalRow(md, "… same with Sparrow's sorted output",
                name -> speedup(Kernel.SPGEMM, name, Impl.SPARROW_1T, Impl.EJML), 1.0);
        MatrixInfo largest = infos.stream().max(Comparator.comparingLong(MatrixInfo::nnz)).orElse(null);
        if (largest != null) {
            double s = seconds(Kernel.SPMV, largest.name(), Impl.SPARROW);
            double gbs = largest.spmvBytes() / s / 1e9;
            String gen = "";
            ScalingStudy.Row big = scaling.stream().max(Comparator.comparingLong(ScalingStudy.Row::nnz)).orElse(null);
            if (big != null) {
                double gb = big.info().spmvBytes() / big.spmv().seconds() / 1e9;
                gen = String.format(Locale.ROOT, "; largest generated matrix (%s %s, nnz %,d, %.0f MB, past the"
                        + " cache): %.1f GB/s = **%.0f%%**", big.family(), big.size(), big.nnz(),
                        big.info().spmvBytes() / 1e6, gb, 100 * gb / copyT);
            }
            md.append(String.format(Locale.ROOT, "| SpMV %dT ≥ %.0f%% of the copy bandwidth (%.1f GB/s) on the largest"
                            + " matrix | largest medium matrix (%s, nnz %,d, %.1f MB): %.1f GB/s = **%.0f%%**%s |%n",
                    t, 100 * SPMV_GOAL, copyT, largest.name(), largest.nnz(), largest.spmvBytes() / 1e6, gbs,
                    100 * gbs / copyT, gen));
        }
        goalRow(md, String.format(Locale.ROOT, "SpMM (k = %d) %dT ≥ %.0f× MTJ", KernelSuite.K, t, SPMM_GOAL),
                name -> speedup(Kernel.SPMM, name, Impl.SPARROW, Impl.MTJ), SPMM_GOAL);
        md.append('\n');
    }

    private void goalRow(StringBuilder md, String goal, ToDoubleFunction<String> ratio, double target) {
        int met = 0;
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        String minName = "";
        List<Double> values = new ArrayList<>();
        for (MatrixInfo info : infos) {
            double r = ratio.applyAsDouble(info.name());
            if (Double.isNaN(r)) {
                continue;
            }
            n++;
            values.add(r);
            if (r >= target) {
                met++;
            }
            if (r < min) {
                min = r;
                minName = info.name();
            }
        }
        if (n == 0) {
            md.append("| ").append(goal).append(" | not measured |\n");
            return;
        }
        double median = Stats.median(values);
        md.append(String.format(Locale.ROOT, "| %s | met on **%d of %d** matrices; lowest %.2f× (%s), median %.2f× |%n",
                goal, met, n, min, minName, median));
    }

    private void spgemm(StringBuilder md) {
        Kernel k = Kernel.SPGEMM;
        md.append("## SpGEMM C = A·A\n\n");
        md.append(String.format(Locale.ROOT, "Median milliseconds per product. Sparrow's default output is sorted"
                + " (canonical CSR); EJML's and scipy's products are unsorted (EJML: row indices in each column in"
                + " accumulation order; scipy: SMMP order), so **the like-for-like comparison is Sparrow unsorted**."
                + " ojAlgo's `SparseStore` is kept sorted by construction. GFLOP/s = 2 · multiply-adds"
                + " (`SpgemmFlops.count`) / time, for Sparrow %dT unsorted.%n%n", t));
        Impl[] cols = {Impl.SPARROW_UNSORTED, Impl.SPARROW, Impl.SPARROW_1T_UNSORTED, Impl.SPARROW_1T, Impl.EJML,
            Impl.EJML_MT, Impl.OJALGO, Impl.COMMONS_MATH, Impl.SCIPY};
        md.append("| matrix | n | nnz(A) | multiply-adds | nnz(C) |");
        for (Impl c : cols) {
            md.append(' ').append(label(c)).append(" |");
        }
        md.append(" GFLOP/s |\n|---|---:|---:|---:|---:|").append("---:|".repeat(cols.length)).append("---:|\n");
        for (MatrixInfo i : infos) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d |", i.name(), i.rows(), i.nnz(), i.flops(),
                    i.nnzC()));
            for (Impl c : cols) {
                md.append(' ').append(cell(k, i.name(), c, 1e3)).append(" |");
            }
            md.append(' ').append(fixed(i.floatingPointOps(k) / seconds(k, i.name(), Impl.SPARROW_UNSORTED) / 1e9, 2))
                    .append(" |\n");
        }
        md.append("\nSpeed-ups (peer time / Sparrow time):\n\n");
        md.append(String.format(Locale.ROOT, "| matrix | %1$dT uns. / best EJML | %1$dT sorted / best EJML | %1$dT uns. /"
                + " scipy | %1$dT sorted / scipy | 1T uns. / EJML | 1T sorted / EJML | %1$dT uns. / ojAlgo | %1$dT uns."
                + " / Commons Math | largest rel. diff |%n", t));
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (MatrixInfo i : infos) {
            String n = i.name();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", n,
                    ratioText(overBestEjml(k, n, Impl.SPARROW_UNSORTED), SPGEMM_GOAL),
                    ratioText(overBestEjml(k, n, Impl.SPARROW), SPGEMM_GOAL),
                    ratio(k, n, Impl.SPARROW_UNSORTED, Impl.SCIPY, SPGEMM_GOAL),
                    ratio(k, n, Impl.SPARROW, Impl.SCIPY, SPGEMM_GOAL),
                    ratio(k, n, Impl.SPARROW_1T_UNSORTED, Impl.EJML, 1.0),
                    ratio(k, n, Impl.SPARROW_1T, Impl.EJML, 1.0),
                    ratio(k, n, Impl.SPARROW_UNSORTED, Impl.OJALGO, Double.NaN),
                    ratio(k, n, Impl.SPARROW_UNSORTED, Impl.COMMONS_MATH, Double.NaN), checks(k, n)));
        }
        md.append(String.format(Locale.ROOT, "%nBold: the goal is met (≥ %.1f× for %dT, ≥ 1× for 1T). Chart:"
                + " `spgemm_speedup.png`.%n%n", SPGEMM_GOAL, t));
    }

    private void spmv(StringBuilder md) {
        Kernel k = Kernel.SPMV;
        md.append("## SpMV y = A·x\n\n");
        md.append(String.format(Locale.ROOT, "Median microseconds per product. GB/s = bytes of A's arrays, x and y,"
                + " each read or written once (12·nnz + 4·(rows+1) + 8·cols + 8·rows), per second; %% copy = that over"
                + " the %dT copy bandwidth (%.1f GB/s). A matrix whose arrays fit in the %s cache can exceed 100%%.%n%n",
                t, copyT, machine.lastLevelCache()));
        Table tab = new Table(withPeers("matrix", "rows", "nnz", "MB", "Sparrow " + t + "T µs", "GB/s", "% copy",
                "Sparrow 1T µs", "GB/s", "MTJ µs", "EJML µs", "EJML-MT " + t + "T µs", "scipy µs"));
        for (MatrixInfo i : infos) {
            String n = i.name();
            double s = seconds(k, n, Impl.SPARROW);
            double s1 = seconds(k, n, Impl.SPARROW_1T);
            tab.row(withPeers(k, n, 1e6, Double.NaN, n, String.format(Locale.ROOT, "%,d", i.rows()),
                    String.format(Locale.ROOT, "%,d", i.nnz()), String.format(Locale.ROOT, "%.2f", i.spmvBytes() / 1e6),
                    cell(k, n, Impl.SPARROW, 1e6), fixed(i.spmvBytes() / s / 1e9, 1),
                    percent(i.spmvBytes() / s / 1e9 / copyT, SPMV_GOAL), cell(k, n, Impl.SPARROW_1T, 1e6),
                    fixed(i.spmvBytes() / s1 / 1e9, 1)));
        }
        md.append(tab.markdown(numberColumns(tab.columns())));
        md.append("\nChart: `spmv_speedup.png`.\n\n");
    }

    private void spmm(StringBuilder md) {
        Kernel k = Kernel.SPMM;
        md.append(String.format(Locale.ROOT, "## SpMM Y = A·X (k = %d)%n%n", KernelSuite.K));
        md.append(String.format(Locale.ROOT, "Median milliseconds per product; X is cols × %1$d (row-major for Sparrow,"
                + " EJML and scipy; column-major `DenseMatrix` for MTJ). GFLOP/s = 2·nnz·%1$d / time; GB/s = (12·nnz +"
                + " 4·(rows+1) + 8·%1$d·(cols + rows)) / time; %% copy against %2$.1f GB/s.%n%n", KernelSuite.K,
                copyT));
        Table tab = new Table(withPeers("matrix", "nnz", "Sparrow " + t + "T ms", "GFLOP/s", "GB/s", "% copy",
                "Sparrow 1T ms", "GFLOP/s", "MTJ ms", "EJML ms", "EJML-MT " + t + "T ms", "scipy ms"));
        for (MatrixInfo i : infos) {
            String n = i.name();
            double s = seconds(k, n, Impl.SPARROW);
            double s1 = seconds(k, n, Impl.SPARROW_1T);
            tab.row(withPeers(k, n, 1e3, SPMM_GOAL, n, String.format(Locale.ROOT, "%,d", i.nnz()),
                    cell(k, n, Impl.SPARROW, 1e3), fixed(i.floatingPointOps(k) / s / 1e9, 2),
                    fixed(i.spmmBytes() / s / 1e9, 1), percent(i.spmmBytes() / s / 1e9 / copyT, Double.NaN),
                    cell(k, n, Impl.SPARROW_1T, 1e3), fixed(i.floatingPointOps(k) / s1 / 1e9, 2)));
        }
        md.append(tab.markdown(numberColumns(tab.columns())));
        md.append(String.format(Locale.ROOT, "%nBold: ≥ %.0f× MTJ. Chart: `spmm_speedup.png`.%n%n", SPMM_GOAL));
    }

    /** The SpMV and SpMM tables' peers: their times, then Sparrow's speed-up over each. */
    private static final Impl[] VECTOR_PEERS = {Impl.MTJ, Impl.EJML, Impl.EJML_MT, Impl.SCIPY};

    /** The SpMV/SpMM table's header: {@code first}, then the ratio columns and the check column. */
    private static String[] withPeers(String... first) {
        List<String> c = new ArrayList<>(List.of(first));
        c.addAll(List.of("× MTJ", "× EJML", "× EJML-MT", "× scipy", "largest rel. diff"));
        return c.toArray(String[]::new);
    }

    /**
     * A SpMV/SpMM table row: {@code first}, the peers' times in {@code unit}, Sparrow's speed-up over each (bold
     * at {@code mtjGoal} over MTJ) and the largest relative difference.
     */
    private Object[] withPeers(Kernel k, String n, double unit, double mtjGoal, String... first) {
        List<String> c = new ArrayList<>(List.of(first));
        for (Impl p : VECTOR_PEERS) {
            c.add(cell(k, n, p, unit));
        }
        for (Impl p : VECTOR_PEERS) {
            c.add(ratio(k, n, Impl.SPARROW, p, p == Impl.MTJ ? mtjGoal : Double.NaN));
        }
        c.add(checks(k, n));
        return c.toArray();
    }

    /** Markdown alignment: the first and last columns (names, notes) left, the numbers between right. */
    private static Table.Align[] numberColumns(int columns) {
        Table.Align[] a = Table.leftThenRight(1, columns);
        a[columns - 1] = Table.Align.LEFT;
        return a;
    }

    private void scalingTable(StringBuilder md) {
        if (scaling.isEmpty()) {
            md.append("## Scaling\n\nNot run (--no-scaling).\n\n");
            return;
        }
        md.append("## Scaling on generated matrices\n\n");
        md.append(String.format(Locale.ROOT, "Sparrow only, %dT, seeded generators (`org.sparrow.core.gen.Generators`,"
                + " seed %d): how each kernel's time grows with size. SpGEMM is `A·A` with sorted output, skipped"
                + " above %.0e multiply-adds (R-MAT squares grow much faster than R-MAT itself); SpMV and SpMM"
                + " (k = %d) as above. ns/mult-add = time / multiply-adds; %% copy against %.1f GB/s.%n%n", t,
                ScalingStudy.SEED, (double) ScalingStudy.SPGEMM_FLOP_CAP, KernelSuite.K, copyT));
        md.append("| family | size | rows | nnz | SpGEMM multiply-adds | nnz(C) | SpGEMM ms | GFLOP/s | ns/mult-add |"
                + " SpMV ms | SpMV GFLOP/s | SpMV GB/s | % copy | SpMM ms | SpMM GFLOP/s | SpMM GB/s |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScalingStudy.Row r : scaling) {
            MatrixInfo i = r.info();
            double gemm = r.spgemm() == null ? Double.NaN : r.spgemm().seconds();
            double mv = r.spmv().seconds();
            double mm = r.spmm().seconds();
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s"
                            + " | %s | %s |%n", r.family(), r.size(), r.rows(), r.nnz(), r.flops(),
                    r.nnzC() < 0 ? "—" : String.format(Locale.ROOT, "%,d", r.nnzC()),
                    r.spgemm() == null ? "skipped" : sig(gemm * 1e3) + (r.spgemm().cold() ? " †" : ""),
                    fixed(i.floatingPointOps(Kernel.SPGEMM) / gemm / 1e9, 2), fixed(gemm * 1e9 / r.flops(), 2),
                    sig(mv * 1e3), fixed(i.floatingPointOps(Kernel.SPMV) / mv / 1e9, 2),
                    fixed(i.spmvBytes() / mv / 1e9, 1), percent(i.spmvBytes() / mv / 1e9 / copyT, Double.NaN),
                    sig(mm * 1e3) + (r.spmm().cold() ? " †" : ""), fixed(i.floatingPointOps(Kernel.SPMM) / mm / 1e9, 2),
                    fixed(i.spmmBytes() / mm / 1e9, 1)));
        }
        md.append('\n');
    }

    /** Everything that did not produce a clean, matching result. */
    private void problems(StringBuilder md) {
        List<String> lines = new ArrayList<>();
        for (Measurement m : all) {
            if (!m.status().equals("ok")) {
                lines.add(String.format(Locale.ROOT, "- %s, %s, %s: %s", m.kernel().title(), m.matrix(), label(m.impl()),
                        m.status()));
            } else if (m.mismatch()) {
                lines.add(String.format(Locale.ROOT, "- %s, %s, %s: **MISMATCH**, relative difference %.2e from Sparrow",
                        m.kernel().title(), m.matrix(), label(m.impl()), m.relDiff()));
            }
        }
        md.append("## Not measured, refused, timed out, or mismatched\n\n");
        if (lines.isEmpty()) {
            md.append("Nothing: every implementation produced a result on every matrix, and all agree with Sparrow.\n");
        } else {
            md.append(String.join("\n", lines)).append('\n');
        }
        md.append("\nMTJ has no sparse × sparse product, so it appears for SpMV and SpMM only; ojAlgo and Commons Math"
                + " are measured on SpGEMM only (the SpMV and SpMM peers are MTJ, EJML and scipy).\n");
    }

    // ---- cells ---------------------------------------------------------------------------------

    /** A time cell in the given unit (1e3 for ms, 1e6 for µs), or the reason there is none. */
    private String cell(Kernel kernel, String matrix, Impl impl, double unit) {
        Measurement m = find(kernel, matrix, impl);
        if (m == null) {
            return "—";
        }
        if (!m.timed()) {
            String s = m.status();
            if (s.startsWith("timed out")) {
                return String.format(Locale.ROOT, "> %.0f s", opt.capSeconds());
            }
            return s.startsWith("refused") ? "refused" : s.startsWith("scipy not") ? "n/a" : "failed";
        }
        String v = sig(m.timing().seconds() * unit) + (m.timing().cold() ? " †" : "");
        return m.mismatch() ? v + " **MISMATCH**" : v;
    }

    /** A ratio cell for peer / Sparrow, with the lower bound for a timed-out peer. */
    private String ratio(Kernel kernel, String matrix, Impl sparrow, Impl peer, double goal) {
        double r = speedup(kernel, matrix, sparrow, peer);
        if (Double.isNaN(r)) {
            double lb = lowerBound(kernel, matrix, sparrow, peer);
            return Double.isNaN(lb) ? "—" : String.format(Locale.ROOT, "> %.0f×", lb);
        }
        return ratioText(r, goal);
    }

    /** A ratio as "1.23×" (bold when it meets {@code goal}; NaN goal: never bold), or "—". */
    private static String ratioText(double r, double goal) {
        if (Double.isNaN(r)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, r >= 100 ? "%.0f×" : "%.2f×", r);
        return !Double.isNaN(goal) && r >= goal ? "**" + s + "**" : s;
    }

    /** The largest relative difference among a kernel's results on a matrix, naming any mismatch. */
    private String checks(Kernel kernel, String matrix) {
        double max = Double.NaN;
        StringBuilder bad = new StringBuilder();
        for (Measurement m : all) {
            if (m.kernel() != kernel || !m.matrix().equals(matrix) || Double.isNaN(m.relDiff())) {
                continue;
            }
            max = Double.isNaN(max) ? m.relDiff() : Math.max(max, m.relDiff());
            if (m.mismatch()) {
                bad.append(bad.isEmpty() ? "" : ", ").append(label(m.impl()));
            }
        }
        if (Double.isNaN(max)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.1e", max);
        return bad.isEmpty() ? s : s + " **MISMATCH: " + bad + "**";
    }

    private static String percent(double fraction, double goal) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
        return !Double.isNaN(goal) && fraction >= goal ? "**" + s + "**" : s;
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Three significant digits, no exponent. */
    private static String sig(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : a >= 0.1 ? "%.3f" : "%.4f";
        return String.format(Locale.ROOT, f, v);
    }
}
