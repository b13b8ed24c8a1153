package org.sparrow.benchmarks.sbl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SblMetricsTest {

    @Test
    void nmseIsTheSquaredErrorOverTheSquaredNormOfTheTruth() {
        // ‖(0, −1, 1)‖² = 2, ‖(1, 2, 0)‖² = 5.
        assertEquals(0.4, SblMetrics.nmse(new double[] {1, 1, 1}, new double[] {1, 2, 0}), 1e-15);
        assertEquals(0.0, SblMetrics.nmse(new double[] {1, 2, 0}, new double[] {1, 2, 0}));
        assertEquals(1.0, SblMetrics.nmse(new double[3], new double[] {1, 2, 0}));
        assertEquals(-4.0, SblMetrics.decibels(0.4) , 0.03);
        assertEquals(-20.0, SblMetrics.decibels(0.01), 1e-12);
        assertTrue(Double.isNaN(SblMetrics.nmse(null, new double[] {1})));
        assertThrows(IllegalArgumentException.class, () -> SblMetrics.nmse(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> SblMetrics.nmse(new double[2], new double[2]));
    }

    @Test
    void estimatedSupportKeepsEntriesAboveOneThousandthOfTheLargest() {
        double[] x = {1, -0.5, 1e-4, 0, 2e-3, -1e-3};
        assertArrayEquals(new int[] {0, 1, 4}, SblMetrics.estimatedSupport(x));
        assertArrayEquals(new int[0], SblMetrics.estimatedSupport(new double[4]));
        assertArrayEquals(new int[] {1, 3}, SblMetrics.supportOf(new double[] {0, 2, 0, -1}));
    }

    @Test
    void supportRecoveryIsIntersectionOverUnion() {
        // Ŝ = {0, 1, 4}, S = {0, 2, 4}: |∩| = 2, |∪| = 4.
        assertEquals(0.5, SblMetrics.supportRecovery(new double[] {1, -0.5, 1e-4, 0, 2e-3}, new int[] {0, 2, 4}));
        assertEquals(1.0, SblMetrics.supportRecovery(new double[] {0, 3, 0, -1e-2}, new int[] {1, 3}));
        assertEquals(0.0, SblMetrics.supportRecovery(new double[4], new int[] {1, 3}));
        assertEquals(1.0 / 3, SblMetrics.supportRecovery(new double[] {1, 1, 1}, new int[] {2}), 1e-15);
        assertTrue(Double.isNaN(SblMetrics.supportRecovery(null, new int[] {1})));
    }
}
