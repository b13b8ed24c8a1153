package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparrow.benchmarks.harness.PythonPeer;
import org.sparrow.benchmarks.harness.Timer;

/**
 * scipy.sparse as a peer: runs {@code kernels_scipy.py} ({@link PythonPeer}) on one matrix (its
 * {@code A @ A}, {@code A @ x} and {@code A @ X}, timed after loading with the suite's {@link Timer}
 * scheme), reads the timings it prints and the results it writes, so that the suite can cross-check
 * them against Sparrow's. A missing python3 or scipy is reported as such, never as a failure of the run.
 */
final class ScipyPeer implements AutoCloseable {

    /**
     * What scipy did on one matrix.
     *
     * @param timings the kernels scipy timed
     * @param product scipy's {@code A @ A}, or {@code null}
     * @param spmv    scipy's {@code A @ x}, or {@code null}
     * @param spmm    scipy's {@code A @ X} (row-major), or {@code null}
     * @param problem why something is missing, or {@code null}
     */
    record Outcome(Map<Kernel, Timer.Measured<?>> timings, ResultCheck.Triplets product, double[] spmv,
                   double[] spmm, String problem) {
    }

    private final PythonPeer python;
    private final Timer.Settings settings;
    private final int k;
    private String version;
    private String unavailable;

    /**
     * Prepares the script in a temporary folder.
     *
     * @param settings the suite's timing settings (mirrored by the script)
     * @param k        block width of the SpMM
     */
    ScipyPeer(Timer.Settings settings, int k) throws IOException {
        this.settings = settings;
        this.k = k;
        this.python = new PythonPeer(ScipyPeer.class, "kernels_scipy.py");
    }

    /** "scipy X numpy Y" once a run has printed it, else why scipy was not measured, else "scipy". */
    String describe() {
        if (version != null) {
            return version;
        }
        return unavailable != null ? unavailable : "scipy";
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
        Path outDir = python.folder();
        List<String> args = List.of(outDir.toString(), String.valueOf(settings.warmupCalls()),
                String.valueOf(settings.warmupSeconds()), String.valueOf(settings.runs()),
                String.valueOf(settings.minRunSeconds()), String.valueOf(settings.budgetSeconds()),
                String.valueOf(settings.coldCapSeconds()), String.valueOf(k), name, file.toString());
        Map<Kernel, Timer.Measured<?>> timings = new EnumMap<>(Kernel.class);
        PythonPeer.Outcome o = python.run(args, timeoutSeconds, line -> {
            String[] f = line.split(",");
            if (f.length >= 7) {
                Kernel kernel = Kernel.valueOf(f[1].toUpperCase(Locale.ROOT));
                synchronized (timings) {
                    timings.put(kernel, new Timer.Measured<>(null, Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                            Integer.parseInt(f[4]), Integer.parseInt(f[5]), Boolean.parseBoolean(f[6]), Double.NaN));
                }
            }
        });
        if (o.version() != null) {
            version = o.version();
        }
        Map<Kernel, Timer.Measured<?>> done;
        synchronized (timings) {
            done = new EnumMap<>(timings);
        }
        if (o.unavailable() != null) {
            unavailable = o.unavailable();
            return new Outcome(Map.of(), null, null, null, unavailable);
        }
        if (o.timedOut()) {
            return new Outcome(done, null, null, null, "stopped after " + timeoutSeconds + " s");
        }
        if (o.exitCode() != 0) {
            return new Outcome(done, null, null, null, "the scipy script failed with exit code " + o.exitCode());
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
    @Override
    public void close() {
        python.close();
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
