package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.sparrow.core.CsrMatrix;

/** Shared pieces of the backend tests: a dense oracle, seeded blocks and a fake GPU backend. */
final class BackendTestSupport {

    private BackendTestSupport() {
    }

    /** A seeded {@code rows × k} row-major block with entries in [−1, 1). */
    static double[] block(int rows, int k, long seed) {
        Random r = new Random(seed);
        double[] x = new double[rows * k];
        for (int e = 0; e < x.length; e++) {
            x[e] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    /** An array of NaN, so that an entry a product forgets to write shows. */
    static double[] junk(int length) {
        double[] y = new double[length];
        Arrays.fill(y, Double.NaN);
        return y;
    }

    /** {@code A·X} by the definition, entry by entry from the dense form. */
    static double[] denseProduct(CsrMatrix a, double[] x, int k) {
        double[] d = a.toDense().data();
        int m = a.rows();
        int n = a.cols();
        double[] y = new double[m * k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double aij = d[i * n + j];
                for (int c = 0; c < k; c++) {
                    y[i * k + c] += aij * x[j * k + c];
                }
            }
        }
        return y;
    }

    /** ‖expected − actual‖_F ≤ tol·‖expected‖_F, and no NaN. */
    static void assertRelativeError(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double diff = 0;
        double norm = 0;
        for (int e = 0; e < expected.length; e++) {
            if (Double.isNaN(actual[e])) {
                fail(what + ": entry " + e + " is NaN (never written?)");
            }
            double d = expected[e] - actual[e];
            diff += d * d;
            norm += expected[e] * expected[e];
        }
        double rel = norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
        if (!(rel <= tol)) {
            fail(what + ": relative error " + rel + " > " + tol);
        }
    }

    /**
     * A stand-in GPU: available or not as told, computing on the CPU backend, and counting how often
     * the selector asked for it.
     */
    static final class FakeGpu implements Backend {
        final Availability availability;
        final AtomicInteger lookups = new AtomicInteger();

        FakeGpu(boolean available) {
            this.availability = available ? Availability.available("fake GPU", List.of())
                    : Availability.unavailable("fake GPU: no device here", List.of("detail"));
        }

        /** The supplier the selector calls: counts the lookups. */
        Backend lookup() {
            lookups.incrementAndGet();
            return this;
        }

        @Override
        public String name() {
            return "fakegpu";
        }

        @Override
        public boolean isGpu() {
            return true;
        }

        @Override
        public Availability availability() {
            return availability;
        }

        @Override
        public DeviceMatrix upload(CsrMatrix a) {
            if (!availability.available()) {
                throw new BackendUnavailableException(name(), "unavailable: " + availability.reason(), availability.reason());
            }
            return CpuBackend.instance().upload(a);
        }
    }
}
