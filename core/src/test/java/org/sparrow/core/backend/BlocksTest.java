package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlocksTest {

    @Test
    void theSameSeedGivesTheSameBlockInRange() {
        double[] a = Blocks.random(13, 7, 42L);
        assertArrayEquals(a, Blocks.random(13, 7, 42L));
        assertFalse(Arrays.equals(a, Blocks.random(13, 7, 43L)));
        assertEquals(91, a.length);
        for (double v : a) {
            assertTrue(v >= -1 && v < 1, () -> "out of [-1, 1): " + v);
        }
        assertEquals(0, Blocks.random(0, 5, 1L).length);
    }

    @Test
    void impossibleSizesAreRefused() {
        assertEquals("block sizes must be ≥ 0, got -1×3",
                assertThrows(IllegalArgumentException.class, () -> Blocks.random(-1, 3, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Blocks.random(1 << 20, 1 << 12, 0)).getMessage()
                .contains("more than a Java array holds"));
    }
}
