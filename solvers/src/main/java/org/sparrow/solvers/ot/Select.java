package org.sparrow.solvers.ot;

/**
 * The k-th largest of an array by selection, not sorting: Hoare's FIND (Comm. ACM 4(7), 1961) with a
 * median-of-three pivot, reordering the array in place; O(len) expected. After a bounded number of
 * unbalanced partitions it sorts the remaining range instead (the introselect safeguard of Musser,
 * Softw. Pract. Exper. 27(8), 1997), so the worst case stays O(len·log len).
 */
final class Select {

    private Select() {
    }

    /**
     * The k-th largest value of v[0, len), 1 ≤ k ≤ len; v is reordered. NaN must not occur.
     */
    static double kthLargest(double[] v, int len, int k) {
        int target = len - k; // the (len − k)-th smallest, 0-based
        int lo = 0;
        int hi = len - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(len)) + 4;
        while (lo < hi) {
            if (budget-- == 0) {
                java.util.Arrays.sort(v, lo, hi + 1);
                return v[target];
            }
            int mid = (lo + hi) >>> 1;
            double pivot = median(v[lo], v[mid], v[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) { // Hoare partition: [lo, j] ≤ pivot ≤ [i, hi]
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return v[target]; // between j and i: equal to the pivot
            }
        }
        return v[target];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
