package org.sparrow.benchmarks.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * scipy.sparse as a peer: runs {@code kernels_scipy.py} with {@code python3} on one matrix (its
 * {@code A @ A}, {@code A @ x} and {@code A @ X}, timed after loading), reads the timings it prints
 * and the results it writes, so that the suite can cross-check them against Sparrow's.
 * A missing python3 or scipy is reported as such, never as a failure of the run.
 */
final class ScipyPeer {

    /**
     * What scipy did on one matrix.
     *
     * @param timings the kernels scipy timed
     * @param product scipy's {@code A @ A}, or {@code null}
     * @param spmv    scipy's {@code A @ x}, or {@code null}
     * @param spmm    scipy's {@code A @ X} (row-major), or {@code null}
     * @param problem why something is missing, or {@code null}
     */
    record Outcome(Map<Kernel, KernelTimer.Timing> timings, ResultCheck.Triplets product, double[] spmv,
                   double[] spmm, String problem) {
    }

    private final Path script;
    private final Path outDir;
    private final KernelTimer.Settings settings;
    private final int k;
    private String version;
    private String unavailable;

    /**
     * Prepares the script in a temporary folder.
     *
     * @param settings the suite's timing settings (mirrored by the script)
     * @param k        block width of the SpMM
     */
    ScipyPeer(KernelTimer.Settings settings, int k) throws IOException {
        this.settings = settings;
        this.k = k;
        this.outDir = Files.createTempDirectory("sparrow-kernels-scipy");
        this.script = outDir.resolve("kernels_scipy.py");
        try (InputStream in = ScipyPeer.class.getResourceAsStream("kernels_scipy.py")) {
            if (in == null) {
                throw new IOException("kernels_scipy.py is missing from the benchmarks jar");
            }
            Files.write(script, in.readAllBytes());
        }
    }

    /** "scipy X numpy Y" once a run has printed it, else why scipy was not measured, else "scipy". */
    String describe() {
        if (version != null) {
            return version;
        }
        return unavailable != null ? unavailable : "scipy";
    }

    /** Whether an earlier call found python3 or scipy missing (then later calls are skipped). */
    boolean unavailable() {
        return unavailable != null;
    }

    /**
     * Times scipy on one matrix file.
     *
     * @param name    short name, used for the result files
     * @param file    Input: the Matrix Market file
     * @param rows    rows of the matrix (to check the returned arrays)
     * @param cols    columns of the matrix
     * @param timeoutSeconds the longest the whole call may take before python is stopped
     * @return the timings and results, or a problem statement
     */
    Outcome run(String name, Path file, int rows, int cols, long timeoutSeconds) throws InterruptedException {
        if (unavailable != null) {
            return new Outcome(Map.of(), null, null, null, unavailable);
        }
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), outDir.toString(),
                String.valueOf(settings.warmups()), String.valueOf(settings.minWarmupNanos() * 1e-9),
                String.valueOf(settings.runs()),
                String.valueOf(settings.minRunNanos() * 1e-9), String.valueOf(settings.budgetNanos() * 1e-9),
                String.valueOf(k), name, file.toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            unavailable = "scipy not measured: python3 could not be started (" + e.getMessage() + ")";
            return new Outcome(Map.of(), null, null, null, unavailable);
        }
        Map<Kernel, KernelTimer.Timing> timings = new EnumMap<>(Kernel.class);
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("# ")) {
                        version = line.substring(2);
                        continue;
                    }
                    String[] f = line.split(",");
                    if (f.length < 7) {
                        continue;
                    }
                    Kernel kernel = Kernel.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
                    double median = Double.parseDouble(f[2]) * 1e9;
                    double min = Double.parseDouble(f[3]) * 1e9;
                    synchronized (timings) {
                        timings.put(kernel, new KernelTimer.Timing(median, min, Integer.parseInt(f[4]),
                                Integer.parseInt(f[5]), Boolean.parseBoolean(f[6])));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The exit code below says what went wrong.
            }
        });
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
            p.waitFor();
        }
        reader.join(5_000);
        int rc = p.exitValue();
        Map<Kernel, KernelTimer.Timing> done;
        synchronized (timings) {
            done = new EnumMap<>(timings);
        }
        if (rc == 3) {
            unavailable = "scipy not measured: python3 has no scipy";
            return new Outcome(Map.of(), null, null, null, unavailable);
        }
        if (!finished) {
            return new Outcome(done, null, null, null, "stopped after " + timeoutSeconds + " s");
        }
        if (rc != 0) {
            return new Outcome(done, null, null, null, "the scipy script failed with exit code " + rc);
        }
        try {
            Path base = outDir.resolve(name);
            long[] indptr = readLongs(Path.of(base + ".spgemm.indptr"));
            long[] indices = readLongs(Path.of(base + ".spgemm.indices"));
            double[] data = readDoubles(Path.of(base + ".spgemm.data"));
            ResultCheck.TripletBuilder c = new ResultCheck.TripletBuilder(rows, cols);
            if (indptr.length != rows + 1) {
                return new Outcome(done, null, null, null, "scipy's product has " + (indptr.length - 1) + " rows");
            }
            for (int i = 0; i < rows; i++) {
                for (long q = indptr[i]; q < indptr[i + 1]; q++) {
                    c.add(i, (int) indices[(int) q], data[(int) q]);
                }
            }
            double[] y = readDoubles(Path.of(base + ".spmv"));
            double[] yy = readDoubles(Path.of(base + ".spmm"));
            for (String ext : new String[] {".spgemm.indptr", ".spgemm.indices", ".spgemm.data", ".spmv", ".spmm"}) {
                Files.deleteIfExists(Path.of(base + ext));
            }
            return new Outcome(done, c.build(), y, yy, null);
        } catch (IOException e) {
            return new Outcome(done, null, null, null, "scipy's results could not be read: " + e.getMessage());
        }
    }

    /** Removes the temporary folder. */
    void close() {
        try (var files = Files.list(outDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(outDir);
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }

    private static long[] readLongs(Path f) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[b.remaining() / 8];
        b.asLongBuffer().get(out);
        return out;
    }

    private static double[] readDoubles(Path f) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }
}
