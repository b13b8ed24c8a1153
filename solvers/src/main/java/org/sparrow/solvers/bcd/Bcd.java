package org.sparrow.solvers.bcd;

/**
 * Block coordinate descent (Nutini, Laradji and Schmidt, JMLR 2022).
 */
public final class Bcd {

    private Bcd() {
    }

    /**
     * Minimizes the problem's objective by block coordinate descent.
     *
     * @param problem  the problem
     * @param x0OrNull Input: the starting point (not modified), or {@code null} for x = 0
     * @param options  partition, selection, update and stopping options
     * @return the result
     */
    public static BcdResult solve(BcdProblem problem, double[] x0OrNull, BcdOptions options) {
        throw new UnsupportedOperationException("block coordinate descent is being implemented");
    }
}
