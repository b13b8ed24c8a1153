package org.sparrow.core.ops;

import java.util.function.IntToLongFunction;

/**
 * How Sparrow cuts rows into contiguous ranges: of about equal work for threads ({@link KernelSupport})
 * and for the partitions of a distributed matrix (the same balance rule, so a Spark partition and a
 * thread's share of a local kernel are sized alike), evenly, and which range owns an index.
 */
public final class RowRanges {

    private RowRanges() {
    }

    /**
     * Boundaries {@code 0 = r_0 ≤ r_1 ≤ … ≤ r_parts = n} cutting {@code n} rows into {@code parts}
     * contiguous ranges of about equal work: boundary {@code t} is the first row whose work before it
     * reaches {@code ⌊total·t/parts⌋}. A single row is never cut, so a range holding a heavy row may be
     * larger; ranges may be empty (more parts than rows). O(parts · log n) calls of {@code workBefore}.
     *
     * @param n          Input: the number of rows, ≥ 0
     * @param workBefore Input: the work before row {@code r} for {@code r = 0 … n}, non-decreasing, from 0
     *                   (for a CSR matrix {@code rowPtr[r] + r}: its entries, plus one per row so that a run
     *                   of empty rows still counts)
     * @param parts      Input: the number of ranges, ≥ 1
     * @return {@code parts + 1} non-decreasing boundaries from 0 to {@code n}
     * @throws IllegalArgumentException if {@code n < 0} or {@code parts < 1}
     */
    public static int[] byWork(int n, IntToLongFunction workBefore, int parts) {
        if (n < 0 || parts < 1) {
            throw new IllegalArgumentException("cannot cut " + n + " rows into " + parts + " ranges");
        }
        int[] split = new int[parts + 1];
        long total = workBefore.applyAsLong(n);
        for (int t = 1; t < parts; t++) {
            long target = total * t / parts;
            int lo = split[t - 1];
            int hi = n;
            while (lo < hi) { // the first row r whose work before it reaches the target
                int mid = (lo + hi) >>> 1;
                if (workBefore.applyAsLong(mid) < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            split[t] = lo;
        }
        split[parts] = n;
        return split;
    }

    /**
     * {@code n} items cut into {@code parts} ranges whose sizes differ by at most one.
     *
     * @param n     Input: the number of items, ≥ 0
     * @param parts Input: the number of ranges, ≥ 1
     * @return {@code parts + 1} non-decreasing boundaries from 0 to {@code n}
     * @throws IllegalArgumentException if {@code n < 0} or {@code parts < 1}
     */
    public static int[] even(int n, int parts) {
        if (n < 0 || parts < 1) {
            throw new IllegalArgumentException("cannot cut " + n + " items into " + parts + " ranges");
        }
        int[] split = new int[parts + 1];
        for (int t = 0; t <= parts; t++) {
            split[t] = (int) ((long) n * t / parts);
        }
        return split;
    }

    /**
     * The range that holds index {@code i}: the last {@code p} with {@code split[p] ≤ i < split[p+1]}
     * (an empty range never owns an index).
     *
     * @param split Input: boundaries as {@link #byWork} or {@link #even} return them
     * @param i     Input: an index in {@code [split[0], split[split.length − 1])}
     * @return the 0-based range
     */
    public static int owner(int[] split, int i) {
        int lo = 0;
        int hi = split.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (split[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
