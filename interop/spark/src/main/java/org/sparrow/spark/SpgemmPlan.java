package org.sparrow.spark;

/**
 * How a distributed sparse product {@code C = A·B} moves B to A's row blocks
 * ({@link DistributedSpgemmOptions}).
 */
public enum SpgemmPlan {
    /**
     * {@link #BROADCAST} when B's CSR arrays fit {@link DistributedSpgemmOptions#broadcastLimitBytes()},
     * else {@link #SHUFFLE}.
     */
    AUTO,
    /**
     * B whole on every executor (one broadcast); each partition multiplies its rows of A by B. No
     * shuffle of A or C: the common case, when B fits an executor's memory.
     */
    BROADCAST,
    /**
     * B cut into column blocks that each fit the limit (a shuffle of B); every pair of a row block of
     * A and a column block of B is one task, and the pieces of each row block of C are joined side by
     * side (a shuffle of C). For a B too large to broadcast.
     */
    SHUFFLE
}
