package org.sparrow.solvers.precond;

/**
 * The two thresholds of {@link Ilut}, ILUT(τ, p) (Saad 1994, §2).
 *
 * @param dropTolerance τ ≥ 0: in row i, an entry is dropped when its magnitude is below τ·‖aᵢ‖₂, the
 *                      2-norm of row i of A (0: nothing is dropped by size)
 * @param fill          p ≥ 0: at most p entries are kept in row i of L and at most p in row i of U, the
 *                      largest in magnitude, besides the diagonal ({@link #UNLIMITED}: no limit)
 */
public record IlutOptions(double dropTolerance, int fill) {

    /** A fill limit that keeps every entry that survives the drop tolerance. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /**
     * Checks both thresholds, naming the one that is wrong.
     *
     * @throws IllegalArgumentException if τ is negative or not finite, or p is negative
     */
    public IlutOptions {
        if (!(dropTolerance >= 0) || Double.isInfinite(dropTolerance)) {
            throw new IllegalArgumentException("ILUT drop tolerance τ must be finite and ≥ 0, got " + dropTolerance);
        }
        if (fill < 0) {
            throw new IllegalArgumentException("ILUT fill p (entries kept per row of L and of U) must be ≥ 0, got " + fill);
        }
    }

    /**
     * τ = 1e-4 (scipy's {@code spilu} default drop tolerance) and p = 20: on sherman5 a factor of about
     * twice nnz(A) that halves GMRES's iterations against ILU(0). A matrix whose rows hold entries many
     * orders below their largest (orsirr_1) needs a smaller τ, or scaled rows.
     *
     * @return the defaults
     */
    public static IlutOptions defaults() {
        return new IlutOptions(1e-4, 20);
    }

    /**
     * These options with another drop tolerance.
     *
     * @param tau τ ≥ 0
     * @return the new options
     */
    public IlutOptions withDropTolerance(double tau) {
        return new IlutOptions(tau, fill);
    }

    /**
     * These options with another fill limit.
     *
     * @param p p ≥ 0, or {@link #UNLIMITED}
     * @return the new options
     */
    public IlutOptions withFill(int p) {
        return new IlutOptions(dropTolerance, p);
    }
}
