package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.Parallelism;

/** What the kernels in this package share: how work is cut into row ranges (the argument checks are in {@link Checks}). */
final class KernelSupport {

    /** Ranges per thread, so that unequal ranges still balance when handed out dynamically. */
    static final int TASKS_PER_THREAD = 8;

    private KernelSupport() {
    }

    /** How many ranges to cut {@code n} items into for {@code threads} threads: 1, or a few per thread. */
    static int parts(int threads, int n) {
        Parallelism.checkThreads(threads);
        return threads == 1 ? 1 : Math.max(1, (int) Math.min(n, (long) threads * TASKS_PER_THREAD));
    }

    /**
     * Boundaries {@code 0 = r_0 ≤ r_1 ≤ … ≤ r_parts = rows} cutting the rows into {@code parts}
     * contiguous ranges of about equal work, where the work before row {@code r} is
     * {@code ptrA[r] + ptrB[r] + r} (nonzeros, plus one per row so empty rows count). A single row
     * is never cut, so a range holding a very dense row may be larger. O(parts · log rows).
     *
     * @param ptrB a second row pointer whose nonzeros also count (for two-operand kernels), or null
     */
    static int[] splitRows(int rows, int[] ptrA, int[] ptrB, int parts) {
        return RowRanges.byWork(rows, r -> work(r, ptrA, ptrB), parts);
    }

    private static long work(int r, int[] ptrA, int[] ptrB) {
        return (long) ptrA[r] + (ptrB == null ? 0 : ptrB[r]) + r;
    }

    /** Boundaries {@code 0 = r_0 < … < r_k = rows} cutting {@code prefix} into about equal parts. */
    static int[] splitPrefix(long[] prefix, int rows, int parts) {
        long total = prefix[rows];
        int k = (int) Math.max(1, Math.min(parts, rows));
        int[] cuts = new int[k + 1];
        int n = 1;
        for (int t = 1; t < k; t++) {
            long target = total * t / k;
            int lo = cuts[n - 1];
            int hi = rows;
            while (lo < hi) { // first row whose prefix reaches the target
                int mid = (lo + hi) >>> 1;
                if (prefix[mid] < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo > cuts[n - 1] && lo < rows) {
                cuts[n++] = lo;
            }
        }
        cuts[n++] = rows;
        return n == cuts.length ? cuts : Arrays.copyOf(cuts, n);
    }
}
