package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RowRangesTest {

    @Test
    void byWorkCutsWhereTheWorkBeforeARowFirstReachesEachShare() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = rnd.nextInt(40);
            long[] before = new long[n + 1];
            for (int r = 0; r < n; r++) {
                before[r + 1] = before[r] + 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 50);
            }
            int parts = 1 + rnd.nextInt(9);
            int[] split = RowRanges.byWork(n, r -> before[r], parts);
            assertEquals(parts + 1, split.length);
            assertEquals(0, split[0]);
            assertEquals(n, split[parts]);
            for (int t = 1; t < parts; t++) {
                // Independent oracle: a linear scan for the first row whose work before it reaches the share.
                long target = before[n] * t / parts;
                int first = 0;
                while (first < n && before[first] < target) {
                    first++;
                }
                assertEquals(first, split[t], "boundary " + t + " of " + parts + " over " + n + " rows");
                assertTrue(split[t - 1] <= split[t]);
            }
        }
    }

    @Test
    void evenRangesDifferInSizeByAtMostOneAndOwnerFindsTheRangeOfEveryIndex() {
        for (int n = 0; n < 30; n++) {
            for (int parts = 1; parts < 12; parts++) {
                int[] split = RowRanges.even(n, parts);
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (int p = 0; p < parts; p++) {
                    min = Math.min(min, split[p + 1] - split[p]);
                    max = Math.max(max, split[p + 1] - split[p]);
                }
                assertTrue(max - min <= 1);
                for (int i = 0; i < n; i++) {
                    int p = RowRanges.owner(split, i);
                    assertTrue(split[p] <= i && i < split[p + 1], "index " + i + " in range " + p);
                }
            }
        }
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, RowRanges.even(2, 4));
    }

    @Test
    void negativeSizesAndNoRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RowRanges.byWork(-1, r -> r, 2));
        assertThrows(IllegalArgumentException.class, () -> RowRanges.byWork(3, r -> r, 0));
        assertThrows(IllegalArgumentException.class, () -> RowRanges.even(3, 0));
    }
}
