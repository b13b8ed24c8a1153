package org.sparrow.core.backend;

import java.util.SplittableRandom;

/** Dense right-hand blocks for SpMM checks and timings: seeded, so that every backend sees the same X. */
public final class Blocks {

    private Blocks() {
    }

    /**
     * A {@code rows × k} row-major block with entries uniform in [−1, 1), from
     * {@link SplittableRandom}{@code (seed)} in storage order: the same seed gives the same block on
     * every machine and JVM.
     *
     * @param rows rows of the block (the columns of A), ≥ 0
     * @param k    block width, ≥ 0
     * @param seed the seed
     * @return the block, {@code rows·k} values in row-major order
     * @throws IllegalArgumentException if a size is negative or {@code rows·k} exceeds a Java array
     */
    public static double[] random(int rows, int k, long seed) {
        if (rows < 0 || k < 0) {
            throw new IllegalArgumentException("block sizes must be ≥ 0, got " + rows + "×" + k);
        }
        long n = (long) rows * k;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + rows + "×" + k + " block needs " + n
                    + " entries, more than a Java array holds");
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[(int) n];
        for (int e = 0; e < x.length; e++) {
            x[e] = 2 * r.nextDouble() - 1;
        }
        return x;
    }
}
