package org.sparrow.benchmarks.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path results = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "benchmarks/results");
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
        Path script = Files.createTempFile("mmread_scipy", ".py");
        try (InputStream in = MatrixMarketReadComparison.class.getResourceAsStream("mmread_scipy.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), String.valueOf(repeats)));
        for (String m : matrices) {
            cmd.add(plainDir.resolve(Path.of(m).getFileName().toString().replace(".gz", "")).toString());
            cmd.add(BenchmarkData.matrix(m).toString());
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return "scipy not measured: python3 could not be started (" + e.getMessage() + ")";
        }
        String version = "scipy";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("# ")) {
                    version = line.substring(2);
                    continue;
                }
                String[] f = line.split(",");
                out.put(f[0], Double.parseDouble(f[1]) * 1e3);
            }
        }
        int rc = p.waitFor();
        Files.deleteIfExists(script);
        if (rc == 3) {
            return "scipy not measured: python3 has no scipy";
        }
        if (rc != 0) {
            return "scipy not measured: the timing script failed with exit code " + rc;
        }
        return version + ": median of " + repeats + " reads after 2 warm-up reads";
    }

    private static void write(Path dir, List<Row> rows, String scipyNote) throws IOException {
        StringBuilder csv = new StringBuilder("matrix,compression,uncompressed_bytes,sparrow_ms,sparrow_ms_error,"
                + "sparrow_mb_s,scipy_ms,scipy_mb_s,ratio_sparrow_over_scipy\n");
        StringBuilder md = new StringBuilder();
        md.append("# Matrix Market read throughput: Sparrow vs scipy.io.mmread\n\n")
                .append("Run ").append(Instant.now()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ")
                .append(System.getProperty("java.version")).append(". Sparrow: JMH mean ± 99.9% error; ")
                .append(scipyNote).append(". MB/s = uncompressed MB (10^6 bytes) per second.\n\n")
                .append("| matrix | file | MB | Sparrow ms | Sparrow MB/s | scipy ms | scipy MB/s | Sparrow / scipy |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            double ratio = r.sparrowMBs() / r.scipyMBs();
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.3f,%.3f,%.1f,%s,%s,%s%n", r.matrix(), r.compression(),
                    r.uncompressedBytes(), r.sparrowMs(), r.sparrowErrorMs(), r.sparrowMBs(), num(r.scipyMs(), "%.3f"),
                    num(r.scipyMBs(), "%.1f"), num(ratio, "%.2f")));
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f ± %.2f | %.0f | %s | %s | %s |%n",
                    Path.of(r.matrix()).getFileName().toString().replace(".mtx.gz", ""), r.compression(),
                    r.uncompressedBytes() / 1e6, r.sparrowMs(), r.sparrowErrorMs(), r.sparrowMBs(),
                    num(r.scipyMs(), "%.2f"), num(r.scipyMBs(), "%.0f"), num(ratio, "%.2f×")));
        }
        SafeOutput.writeString(dir.resolve("mmread.csv"), csv);
        SafeOutput.writeString(dir.resolve("mmread.md"), md);
        System.out.println();
        System.out.println(md);
        System.out.println("Wrote " + dir.resolve("mmread.csv") + " and " + dir.resolve("mmread.md"));
    }

    private static String num(double v, String fmt) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, fmt, v);
    }
}
