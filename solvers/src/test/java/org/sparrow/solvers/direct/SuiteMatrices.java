package org.sparrow.solvers.direct;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.testing.SharedData;

/**
 * The shared test matrices ({@code sparrow.data.dir}, set by Surefire), read once per run; a test
 * that needs them is skipped with a message when they are absent.
 */
final class SuiteMatrices {

    /** SPD in MANIFEST.tsv ("yes (checked)"). */
    static final String[] SPD = {"small/bcsstk01.mtx", "small/bcsstk02.mtx", "small/bcsstk03.mtx", "small/bcsstk04.mtx",
        "small/bcsstk05.mtx", "small/bcsstk06.mtx", "small/bcsstk07.mtx", "small/bcsstk08.mtx", "small/bcsstk09.mtx",
        "small/bcsstk10.mtx", "small/494_bus.mtx", "small/1138_bus.mtx", "small/nos4.mtx", "small/gr_30_30.mtx",
        "small/LF10.mtx"};

    /** Nonsymmetric square ("no (nonsymmetric storage)"). */
    static final String[] NONSYMMETRIC = {"small/west0067.mtx", "small/orsirr_1.mtx", "small/sherman5.mtx",
        "small/pores_1.mtx"};

    /** Rectangular with full column rank (least squares). */
    static final String[] RECTANGULAR = {"small/ash219.mtx", "small/illc1033.mtx", "small/well1033.mtx"};

    private static final Map<String, CsrMatrix> CACHE = new ConcurrentHashMap<>();

    private SuiteMatrices() {
    }

    /** A matrix of the collection by its MANIFEST name ("small/nos4.mtx"); skips (CI: fails) when absent. */
    static CsrMatrix read(String name) {
        Path file = SharedData.file(name);
        return CACHE.computeIfAbsent(name, k -> {
            try {
                return MatrixMarket.readCsr(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The short name: "small/nos4.mtx" → "nos4". */
    static String shortName(String name) {
        String s = name.substring(name.lastIndexOf('/') + 1);
        return s.substring(0, s.indexOf('.'));
    }

    static double[] randomVector(long seed, int n) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** ‖a − b‖/‖b‖. */
    static double relativeDifference(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(d) / norm(b);
    }
}
