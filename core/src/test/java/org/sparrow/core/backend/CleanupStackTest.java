package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupStackTest {

    @Test
    void releasesNewestFirstAndOnlyOnce() {
        List<String> order = new ArrayList<>();
        CleanupStack s = new CleanupStack();
        s.push(() -> order.add("handle"));
        s.push(() -> order.add("values"));
        s.push(() -> order.add("descriptor"));
        s.close();
        s.close();
        assertEquals(List.of("descriptor", "values", "handle"), order);
        assertTrue(s.isEmpty());
    }

    @Test
    void everyCleanupRunsWhenSomeFailAndTheFirstFailureIsThrown() {
        List<String> order = new ArrayList<>();
        CleanupStack s = new CleanupStack();
        s.push(() -> order.add("a"));
        s.push(() -> {
            order.add("b");
            throw new IllegalStateException("free b failed");
        });
        s.push(() -> order.add("c"));
        s.push(() -> {
            order.add("d");
            throw new CudaException("cudaFree", 700, "cudaFree failed (d)");
        });
        CudaException e = assertThrows(CudaException.class, s::close);
        assertEquals(List.of("d", "c", "b", "a"), order);
        assertEquals("cudaFree failed (d)", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("free b failed", e.getSuppressed()[0].getMessage());
    }

    @Test
    void closeAfterAFailureKeepsThePrimaryAndSuppressesCleanupErrors() {
        CleanupStack s = new CleanupStack();
        s.push(() -> {
            throw new IllegalStateException("free failed");
        });
        RuntimeException primary = new IllegalArgumentException("copy failed");
        s.closeAfter(primary);
        assertEquals(1, primary.getSuppressed().length);
        assertSame(IllegalStateException.class, primary.getSuppressed()[0].getClass());
        assertTrue(s.isEmpty());
    }
}
