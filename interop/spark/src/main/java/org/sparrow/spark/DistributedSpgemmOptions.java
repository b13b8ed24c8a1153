package org.sparrow.spark;

/**
 * Options of the distributed sparse product {@link DistributedCsrMatrix#multiply(DistributedCsrMatrix,
 * DistributedSpgemmOptions)}.
 *
 * @param plan                how B reaches A's row blocks
 * @param broadcastLimitBytes the most bytes of B's CSR arrays ({@code 12·nnz + 4·(rows + 1)}) that
 *                            {@link SpgemmPlan#AUTO} broadcasts, and the most a column block of B
 *                            holds under {@link SpgemmPlan#SHUFFLE}; ≥ 1
 * @param columnBlocks        the number of column blocks of B under {@link SpgemmPlan#SHUFFLE}, or 0
 *                            to take the fewest that keep each within {@code broadcastLimitBytes}
 * @param sorted              whether the rows of C list their columns in increasing order (the
 *                            canonical form; unsorted rows skip a sort in each partition)
 */
public record DistributedSpgemmOptions(SpgemmPlan plan, long broadcastLimitBytes, int columnBlocks, boolean sorted) {

    /** The default broadcast limit: 256 MiB of CSR arrays (about 22 million entries). */
    public static final long DEFAULT_BROADCAST_LIMIT_BYTES = 256L << 20;

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException if {@code plan} is null, {@code broadcastLimitBytes < 1} or
     *                                  {@code columnBlocks < 0}
     */
    public DistributedSpgemmOptions {
        if (plan == null) {
            throw new IllegalArgumentException("the SpGEMM plan must be given (AUTO, BROADCAST or SHUFFLE)");
        }
        if (broadcastLimitBytes < 1) {
            throw new IllegalArgumentException("the broadcast limit must be ≥ 1 byte, got " + broadcastLimitBytes);
        }
        if (columnBlocks < 0) {
            throw new IllegalArgumentException("the number of column blocks must be ≥ 0 (0: chosen from the limit), got "
                    + columnBlocks);
        }
    }

    /**
     * {@link SpgemmPlan#AUTO}, {@link #DEFAULT_BROADCAST_LIMIT_BYTES}, column blocks chosen from the
     * limit, sorted rows.
     *
     * @return the defaults
     */
    public static DistributedSpgemmOptions defaults() {
        return new DistributedSpgemmOptions(SpgemmPlan.AUTO, DEFAULT_BROADCAST_LIMIT_BYTES, 0, true);
    }

    /**
     * These options with another plan.
     *
     * @param newPlan the plan
     * @return the new options
     */
    public DistributedSpgemmOptions withPlan(SpgemmPlan newPlan) {
        return new DistributedSpgemmOptions(newPlan, broadcastLimitBytes, columnBlocks, sorted);
    }

    /**
     * These options with another broadcast limit.
     *
     * @param newLimit bytes, ≥ 1
     * @return the new options
     */
    public DistributedSpgemmOptions withBroadcastLimitBytes(long newLimit) {
        return new DistributedSpgemmOptions(plan, newLimit, columnBlocks, sorted);
    }

    /**
     * These options with a fixed number of column blocks for {@link SpgemmPlan#SHUFFLE}.
     *
     * @param newColumnBlocks ≥ 1, or 0 to choose from the limit
     * @return the new options
     */
    public DistributedSpgemmOptions withColumnBlocks(int newColumnBlocks) {
        return new DistributedSpgemmOptions(plan, broadcastLimitBytes, newColumnBlocks, sorted);
    }

    /**
     * These options with or without sorted rows in C.
     *
     * @param newSorted whether C's rows are sorted
     * @return the new options
     */
    public DistributedSpgemmOptions withSorted(boolean newSorted) {
        return new DistributedSpgemmOptions(plan, broadcastLimitBytes, columnBlocks, newSorted);
    }

    /**
     * The bytes of a CSR matrix's arrays: 8 per value, 4 per column index, 4 per row pointer.
     *
     * @param rows the row count
     * @param nnz  the stored entries
     * @return {@code 12·nnz + 4·(rows + 1)}
     */
    public static long csrBytes(long rows, long nnz) {
        return 12 * nnz + 4 * (rows + 1);
    }
}
