package org.sparrow.benchmarks.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.PythonPeer;
import org.sparrow.benchmarks.harness.Table;
import org.sparrow.core.io.SafeOutput;

/**
 * Matrix Market read throughput, Sparrow against {@code scipy.io.mmread}, in one run on one machine.
 *
 * <p>Runs {@link MatrixMarketReadBenchmark} under JMH, then times scipy on the same files (plain and
 * gzipped) with {@code python3}, and writes {@code mmread.csv} and {@code mmread.md} into the
 * results folder (first argument, default {@code benchmarks/results}). Throughput is the
 * uncompressed size in MB (10^6 bytes) over the median (scipy) or mean (JMH) time per read.
 * If python3 or scipy is missing, the peer's columns say so instead of failing the run.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.sparrow.benchmarks.io.MatrixMarketReadComparison [RESULTS_DIR] [--quick]}
 */
public final class MatrixMarketReadComparison {

    /** The scipy script's time limit (it reads six files a few dozen times). */
    private static final long SCIPY_TIMEOUT_SECONDS = 3600;

    private MatrixMarketReadComparison() {
    }

    /** One measured row. */
    record Row(String matrix, String compression, long uncompressedBytes, double sparrowMs, double sparrowErrorMs,
               double scipyMs) {
        double sparrowMBs() {
            return uncompressedBytes / 1e3 / sparrowMs;
        }

        double scipyMBs() {
            return Double.isNaN(scipyMs) ? Double.NaN : uncompressedBytes / 1e3 / scipyMs;
        }
    }

    /** What the comparison accepts. */
    static final Args.Spec ARGS = Args.spec("MatrixMarketReadComparison",
            "usage: MatrixMarketReadComparison [RESULTS_DIR] [--quick]").positional("RESULTS_DIR").flags("--quick");

    /**
     * Runs the comparison.
     *
     * @param args {@code [RESULTS_DIR] [--quick]}
     * @throws Exception if a matrix cannot be read, JMH fails or the results cannot be written
     */
    public static void main(String[] args) throws Exception {
        Args a = ARGS.parseOrExit(args);
        boolean quick = a.has("--quick");
        Path results = a.positional(Path.of("benchmarks/results"));
        Files.createDirectories(results);
        Path plainDir = Path.of(System.getProperty("java.io.tmpdir"), "sparrow-bench-mtx");

        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String m : MatrixMarketReadBenchmark.LARGEST) {
            Path gz = BenchmarkData.matrix(m);
            sizes.put(m, Files.size(BenchmarkData.gunzipInto(gz, plainDir)));
        }

        Options opts = new OptionsBuilder()
                .include(MatrixMarketReadBenchmark.class.getName())
                .jvmArgsAppend("-Dsparrow.data.dir=" + BenchmarkData.dataDir())
                .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 10).measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(1)
                .build();
        List<RunResult> jmh = new ArrayList<>(new Runner(opts).run());

        Map<String, Double> scipy = new LinkedHashMap<>();
        String scipyNote = runScipy(sizes.keySet(), plainDir, quick ? 5 : 15, scipy);

        List<Row> rows = new ArrayList<>();
        for (RunResult r : jmh) {
            String m = r.getParams().getParam("matrix");
            String c = r.getParams().getParam("compression");
            Path f = "gz".equals(c) ? BenchmarkData.matrix(m) : plainDir.resolve(Path.of(m).getFileName().toString()
                    .replace(".gz", ""));
            rows.add(new Row(m, c, sizes.get(m), r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                    scipy.getOrDefault(f.toString(), Double.NaN)));
        }
        write(results, rows, scipyNote);
    }

    /** Times scipy.io.mmread on each file, plain and gz; returns a note on what was (not) measured. */
    private static String runScipy(Iterable<String> matrices, Path plainDir, int repeats, Map<String, Double> out)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(String.valueOf(repeats)));
        for (String m : matrices) {
            args.add(plainDir.resolve(Path.of(m).getFileName().toString().replace(".gz", "")).toString());
            args.add(BenchmarkData.matrix(m).toString());
        }
        PythonPeer.Outcome o;
        try (PythonPeer python = new PythonPeer(MatrixMarketReadComparison.class, "mmread_scipy.py")) {
            o = python.run(args, SCIPY_TIMEOUT_SECONDS, line -> {
                String[] f = line.split(",");
                synchronized (out) {
                    out.put(f[0], Double.parseDouble(f[1]) * 1e3);
                }
            });
        }
        if (o.unavailable() != null) {
            return o.unavailable();
        }
        if (!o.ok()) {
            return "scipy not measured: the timing script failed with exit code " + o.exitCode();
        }
        return o.versionOr("scipy") + ": median of " + repeats + " reads after 2 warm-up reads";
    }

    private static void write(Path dir, List<Row> rows, String scipyNote) throws IOException {
        Table csv = new Table("matrix", "compression", "uncompressed_bytes", "sparrow_ms", "sparrow_ms_error",
                "sparrow_mb_s", "scipy_ms", "scipy_mb_s", "ratio_sparrow_over_scipy");
        Table md = new Table("matrix", "file", "MB", "Sparrow ms", "Sparrow MB/s", "scipy ms", "scipy MB/s",
                "Sparrow / scipy");
        for (Row r : rows) {
            double ratio = r.sparrowMBs() / r.scipyMBs();
            csv.row(r.matrix(), r.compression(), r.uncompressedBytes(), f("%.3f", r.sparrowMs()),
                    f("%.3f", r.sparrowErrorMs()), f("%.1f", r.sparrowMBs()), Table.na(r.scipyMs(), "%.3f", "n/a"),
                    Table.na(r.scipyMBs(), "%.1f", "n/a"), Table.na(ratio, "%.2f", "n/a"));
            md.row(Path.of(r.matrix()).getFileName().toString().replace(".mtx.gz", ""), r.compression(),
                    f("%.2f", r.uncompressedBytes() / 1e6), f("%.2f", r.sparrowMs()) + " ± " + f("%.2f", r.sparrowErrorMs()),
                    f("%.0f", r.sparrowMBs()), Table.na(r.scipyMs(), "%.2f", "n/a"), Table.na(r.scipyMBs(), "%.0f", "n/a"),
                    Table.na(ratio, "%.2f×", "n/a"));
        }
        String text = "# Matrix Market read throughput: Sparrow vs scipy.io.mmread\n\n"
                + "Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + System.getProperty("java.version") + ". Sparrow: JMH mean ± 99.9% error; " + scipyNote
                + ". MB/s = uncompressed MB (10^6 bytes) per second.\n\n" + md.markdown(Table.leftThenRight(2, 8));
        csv.writeCsv(dir.resolve("mmread.csv"));
        SafeOutput.writeString(dir.resolve("mmread.md"), text);
        System.out.println();
        System.out.println(text);
        System.out.println("Wrote " + dir.resolve("mmread.csv") + " and " + dir.resolve("mmread.md"));
    }

    private static String f(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }
}
