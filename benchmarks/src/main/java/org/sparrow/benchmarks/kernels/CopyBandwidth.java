package org.sparrow.benchmarks.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A STREAM-style memory bandwidth probe (McCalpin's STREAM "Copy" kernel, {@code c[i] = a[i]}) in
 * Java: two arrays far larger than the last-level cache, the index range split into one contiguous
 * part per thread, best of several runs. Bytes counted per run are {@code 2 × array bytes} (one read
 * stream, one write stream), as STREAM counts them; the write-allocate read that a cache without
 * streaming stores adds is not counted, so this is the bandwidth a read-and-write kernel can expect.
 */
final class CopyBandwidth {

    private CopyBandwidth() {
    }

    /**
     * Best copy bandwidth over {@code runs} runs.
     *
     * @param threads      threads, ≥ 1, each copying one contiguous part
     * @param arrayDoubles length of each array (16M doubles = 128 MiB each is plenty past a 32 MiB L3)
     * @param runs         runs; the best (fastest) one counts, after one untimed warm-up run
     * @return GB/s (10^9 bytes per second)
     */
    static double measure(int threads, int arrayDoubles, int runs) throws Exception {
        double[] a = new double[arrayDoubles];
        double[] c = new double[arrayDoubles];
        for (int i = 0; i < arrayDoubles; i++) {
            a[i] = 1.0 + i % 7;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "copy-bandwidth");
            t.setDaemon(true);
            return t;
        });
        try {
            double best = Double.POSITIVE_INFINITY;
            for (int run = 0; run <= runs; run++) {
                List<Future<?>> parts = new ArrayList<>(threads);
                long t0 = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    int from = (int) ((long) arrayDoubles * t / threads);
                    int to = (int) ((long) arrayDoubles * (t + 1) / threads);
                    parts.add(pool.submit(() -> copy(a, c, from, to)));
                }
                for (Future<?> f : parts) {
                    f.get();
                }
                long dt = System.nanoTime() - t0;
                if (run > 0) {
                    best = Math.min(best, dt);
                }
            }
            if (c[arrayDoubles - 1] != a[arrayDoubles - 1]) {
                throw new IllegalStateException("copy bandwidth probe: the copy is wrong");
            }
            return 2.0 * 8.0 * arrayDoubles / best; // bytes per nanosecond = GB/s
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code c[i] = a[i]} for {@code from ≤ i < to}. */
    private static void copy(double[] a, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = a[i];
        }
    }
}
