package org.sparrow.spark;

import java.util.function.IntToLongFunction;

/**
 * Where a matrix's rows are cut into partitions: contiguous ranges of about equal work, the work
 * before row {@code r} being the entries stored before it plus {@code r} (so that a run of empty rows
 * still counts for something), the balance rule of Sparrow's threaded kernels applied to Spark
 * partitions.
 */
final class RowSplits {

    private RowSplits() {
    }

    /**
     * Cuts {@code rows} items into {@code parts} ranges of about equal work; range {@code p} is items
     * {@code [split[p], split[p+1])}, possibly empty (more partitions than rows).
     *
     * @param rows the item count, ≥ 0
     * @param work the work before item {@code r}, for {@code r = 0 .. rows}, non-decreasing
     * @param parts the number of ranges, ≥ 1
     * @return {@code parts + 1} non-decreasing boundaries from 0 to {@code rows}
     */
    static int[] byWork(int rows, IntToLongFunction work, int parts) {
        int[] split = new int[parts + 1];
        long total = work.applyAsLong(rows);
        for (int t = 1; t < parts; t++) {
            long target = (long) Math.ceil((double) total * t / parts);
            int lo = split[t - 1];
            int hi = rows;
            while (lo < hi) { // the first row r whose work before it reaches the target
                int mid = (lo + hi) >>> 1;
                if (work.applyAsLong(mid) < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            split[t] = lo;
        }
        split[parts] = rows;
        return split;
    }

    /** {@code n} items cut into {@code parts} ranges of sizes differing by at most one. */
    static int[] even(int n, int parts) {
        int[] split = new int[parts + 1];
        for (int t = 0; t <= parts; t++) {
            split[t] = (int) ((long) n * t / parts);
        }
        return split;
    }

    /** The range (0-based) that holds index {@code i}: the last {@code p} with {@code split[p] ≤ i < split[p+1]}. */
    static int owner(int[] split, int i) {
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
