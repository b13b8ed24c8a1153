package org.sparrow.sketching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The ziggurat's draws against the standard normal law, and the stability of the stream. */
class ZigguratTest {

    private static final int DRAWS = 1 << 20;

    private static double[] draws(long state) {
        double[] x = new double[DRAWS];
        // Tiles of 1024, as the Gaussian sketch fills them.
        for (int t = 0; t < DRAWS / 1024; t++) {
            Ziggurat.fill(AbstractSketch.counterHash(state, t), x, t * 1024, 1024);
        }
        return x;
    }

    /** Φ(x) through the erfc approximation of Numerical Recipes' erfcc (|error| &lt; 1.2e-7). */
    private static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    @Test
    void drawsPassTheKolmogorovSmirnovTestAgainstTheStandardNormal() {
        double[] x = draws(123);
        Arrays.sort(x);
        double dMax = 0;
        for (int i = 0; i < DRAWS; i++) {
            double f = phi(x[i]);
            dMax = Math.max(dMax, Math.max(f - (double) i / DRAWS, (double) (i + 1) / DRAWS - f));
        }
        // 1.95/√N is the 0.1% critical value; the approximation error of Φ is far below it.
        assertTrue(dMax < 1.95 / Math.sqrt(DRAWS), "Kolmogorov–Smirnov distance " + dMax);
    }

    @Test
    void momentsAndTailFrequenciesAreThoseOfTheStandardNormal() {
        double[] x = draws(456);
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        int beyondR = 0; // |x| > 3.4426: only the tail algorithm produces these
        int beyond2 = 0;
        for (double v : x) {
            s1 += v;
            s2 += v * v;
            s3 += v * v * v;
            s4 += v * v * v * v;
            beyondR += Math.abs(v) > 3.442619855899 ? 1 : 0;
            beyond2 += Math.abs(v) > 2 ? 1 : 0;
        }
        double n = DRAWS;
        assertEquals(0, s1 / n, 5 / Math.sqrt(n), "mean");
        assertEquals(1, s2 / n, 5 * Math.sqrt(2 / n), "variance");
        assertEquals(0, s3 / n, 5 * Math.sqrt(15 / n), "third moment");
        assertEquals(3, s4 / n, 5 * Math.sqrt(96 / n), "fourth moment");
        double pR = 2 * (1 - phi(3.442619855899));
        double p2 = 2 * (1 - phi(2));
        assertEquals(pR * n, beyondR, 5 * Math.sqrt(pR * n), "draws beyond the base layer's edge");
        assertEquals(p2 * n, beyond2, 5 * Math.sqrt(p2 * n), "draws beyond ±2");
    }

    @Test
    void theStreamIsAFixedFunctionOfTheState() {
        // Golden values: a change here changes every Gaussian sketch, which users may rely on to
        // reproduce results; change them only on purpose (and say so in the release notes).
        double[] x = new double[4];
        Ziggurat.fill(42, x, 0, 4);
        assertArrayEquals(GOLDEN_42, x, 0.0, Arrays.toString(x));
        double[] y = new double[6];
        Ziggurat.fill(42, y, 2, 4);
        assertArrayEquals(x, Arrays.copyOfRange(y, 2, 6), 0.0, "offset does not change the draws");
    }

    private static final double[] GOLDEN_42 =
            {-0.47240144089295644, 0.13641891215790966, 0.9974182251242422, 0.6167314942987204};
}
