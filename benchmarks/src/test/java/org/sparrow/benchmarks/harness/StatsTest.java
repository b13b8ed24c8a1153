package org.sparrow.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueInAnyOrder() {
        assertEquals(3.0, Stats.median(5, 1, 3));
        assertEquals(-2.0, Stats.median(-2));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, Stats.median(4, 1, 3, 2));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void medianOfNothingIsNaN() {
        assertTrue(Double.isNaN(Stats.median()));
        assertTrue(Double.isNaN(Stats.median(List.of())));
    }

    @Test
    void medianLeavesItsInputUnchanged() {
        double[] v = {3, 1, 2};
        Stats.median(v);
        assertArrayEquals(new double[] {3, 1, 2}, v);
    }

    @Test
    void medianSplitsRandomValuesIntoEqualHalves() {
        Random r = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            double[] v = r.doubles(1 + r.nextInt(40)).toArray();
            double m = Stats.median(v);
            long below = java.util.Arrays.stream(v).filter(x -> x < m).count();
            long above = java.util.Arrays.stream(v).filter(x -> x > m).count();
            assertEquals(below, above, "as many values below the median as above");
        }
    }
}
