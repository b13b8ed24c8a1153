package org.sparrow.solvers.precond;

/**
 * The level of fill of {@link Iluk}, ILU(k) (Saad, "Iterative Methods for Sparse Linear Systems", 2nd
 * ed., 2003, §10.3.3).
 *
 * @param levels k ≥ 0: entries of fill level at most k are kept; ILU(0) keeps A's pattern
 */
public record IlukOptions(int levels) {

    /**
     * Checks the level.
     *
     * @throws IllegalArgumentException if k is negative
     */
    public IlukOptions {
        if (levels < 0) {
            throw new IllegalArgumentException("ILU(k) level of fill k must be ≥ 0, got " + levels);
        }
    }

    /**
     * k = 1: the first level of fill, the usual step up from ILU(0) (Saad §10.3.3 shows its pattern
     * on a 5-point matrix: one extra diagonal on each side of each band).
     *
     * @return the defaults
     */
    public static IlukOptions defaults() {
        return new IlukOptions(1);
    }

    /**
     * These options with another level.
     *
     * @param k k ≥ 0
     * @return the new options
     */
    public IlukOptions withLevels(int k) {
        return new IlukOptions(k);
    }
}
