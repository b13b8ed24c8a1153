package org.sparrow.benchmarks.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OtInstanceTest {

    @Test
    void sameKindSizeAndSeedGiveTheSameCost() {
        for (OtInstance.Kind k : OtInstance.Kind.values()) {
            OtInstance x = OtInstance.generate(k, 37, 5);
            OtInstance y = OtInstance.generate(k, 37, 5);
            assertArrayEquals(x.cost().data(), y.cost().data(), k.label());
            assertFalse(Arrays.equals(x.cost().data(), OtInstance.generate(k, 37, 6).cost().data()), k.label());
        }
        // different kinds and sizes draw from different streams
        assertFalse(Arrays.equals(OtInstance.generate(OtInstance.Kind.SQEUCLIDEAN, 20, 5).cost().data(),
                squared(OtInstance.generate(OtInstance.Kind.EUCLIDEAN, 20, 5).cost().data())));
    }

    @Test
    void instancesAreSquareWithUniformMarginalsSummingToOne() {
        for (OtInstance.Kind k : OtInstance.Kind.values()) {
            for (int n : new int[] {1, 2, 13, 100}) {
                OtInstance inst = OtInstance.generate(k, n, 42);
                assertEquals(n, inst.cost().rows());
                assertEquals(n, inst.cost().cols());
                assertEquals(n, inst.a().length);
                assertEquals(n, inst.b().length);
                assertEquals(1.0, Arrays.stream(inst.a()).sum(), 1e-12);
                assertEquals(1.0, Arrays.stream(inst.b()).sum(), 1e-12);
                assertTrue(Arrays.stream(inst.a()).allMatch(v -> v == 1.0 / n));
                assertEquals(k.label() + "-" + n, inst.name());
            }
        }
    }

    @Test
    void costsLieInEachKindsRangeAndSpreadOverIt() {
        for (OtInstance.Kind k : OtInstance.Kind.values()) {
            double[] c = OtInstance.generate(k, 300, 7).cost().data();
            double min = Arrays.stream(c).min().orElseThrow();
            double max = Arrays.stream(c).max().orElseThrow();
            assertTrue(min >= 0 && max <= k.maxCost(), k + ": [" + min + ", " + max + "]");
            // 90 000 draws: the extremes come close to the ends of the range
            assertTrue(min < 0.01 * k.maxCost(), k + " min " + min);
            assertTrue(max > 0.75 * k.maxCost(), k + " max " + max);
        }
        // uniform costs: the mean of 90 000 draws is 1/2 to within a few standard errors (0.001)
        double mean = Arrays.stream(OtInstance.generate(OtInstance.Kind.ASSIGNMENT, 300, 7).cost().data()).average()
                .orElseThrow();
        assertEquals(0.5, mean, 0.005);
    }

    @Test
    void pointCloudCostsAreDistancesBetweenTwoClouds() {
        // the Euclidean and squared-Euclidean instances of the same seed and n share no stream, but each is a
        // distance matrix: the triangle inequality for Euclidean costs through a third point
        double[] e = OtInstance.generate(OtInstance.Kind.EUCLIDEAN, 40, 3).cost().data();
        // |x_i − y_j| ≤ |x_i − y_l| + |x_k − y_l| + |x_k − y_j| for all i, j, k, l
        for (int i = 0; i < 40; i += 7) {
            for (int j = 0; j < 40; j += 5) {
                for (int k = 0; k < 40; k += 3) {
                    for (int l = 0; l < 40; l += 11) {
                        assertTrue(e[i * 40 + j] <= e[i * 40 + l] + e[k * 40 + l] + e[k * 40 + j] + 1e-12);
                    }
                }
            }
        }
        // squared-Euclidean costs: the mean of |x − y|² for independent uniform points in the square is 1/3
        double mean = Arrays.stream(OtInstance.generate(OtInstance.Kind.SQEUCLIDEAN, 300, 9).cost().data()).average()
                .orElseThrow();
        assertEquals(1.0 / 3.0, mean, 0.02);
    }

    @Test
    void aSizeBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtInstance.generate(OtInstance.Kind.ASSIGNMENT, 0, 1));
        assertTrue(e.getMessage().contains("n ≥ 1"), e.getMessage());
    }

    private static double[] squared(double[] v) {
        double[] s = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            s[k] = v[k] * v[k];
        }
        return s;
    }
}
