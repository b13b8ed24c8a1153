package org.sparrow.solvers.bcd;

import java.util.Arrays;

/**
 * Fixed block partitions (Nutini, Laradji and Schmidt, JMLR 2022, the discussion of partitioning with fixed
 * blocks): consecutive coordinates (order), coordinates sorted by their Lipschitz constants so that a block
 * holds similar constants (sort), or alternately the smallest and the largest remaining constants so that
 * blocks have similar averages (average, as the authors' code interleaves the sorted order from both ends).
 * Blocks have {@code k} coordinates except possibly the last.
 */
final class Partitions {

    private Partitions() {
    }

    /**
     * @param rule ORDER, SORT or AVERAGE
     * @param lip  coordinate Lipschitz constants
     * @param k    block size in [1, n]
     * @return the blocks, each a list of 0-based coordinates
     */
    static int[][] fixed(PartitionRule rule, double[] lip, int k) {
        int n = lip.length;
        int[] order = switch (rule) {
            case ORDER -> identity(n);
            case SORT -> sortedByLipschitz(lip);
            case AVERAGE -> {
                int[] s = sortedByLipschitz(lip);
                int[] o = new int[n];
                int lo = 0;
                int hi = n - 1;
                for (int t = 0; t < n; t++) {
                    o[t] = (t % 2 == 0) ? s[hi--] : s[lo++];
                }
                yield o;
            }
            case VARIABLE -> throw new IllegalArgumentException("variable blocks have no fixed partition");
        };
        int nb = (n + k - 1) / k;
        int[][] blocks = new int[nb][];
        for (int b = 0; b < nb; b++) {
            blocks[b] = Arrays.copyOfRange(order, b * k, Math.min(n, (b + 1) * k));
        }
        return blocks;
    }

    static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    /** Coordinates by decreasing Lipschitz constant (ties by index). */
    static int[] sortedByLipschitz(double[] lip) {
        Integer[] boxed = new Integer[lip.length];
        for (int i = 0; i < lip.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> lip[a] != lip[b] ? Double.compare(lip[b], lip[a]) : Integer.compare(a, b));
        int[] o = new int[lip.length];
        for (int i = 0; i < lip.length; i++) {
            o[i] = boxed[i];
        }
        return o;
    }
}
