package org.sparrow.core.ops;

/**
 * How {@link Spgemm} sizes its output; the product picks one from its inputs (the rule is in the
 * {@link Spgemm} class comment), and {@link Spgemm#estimate} reports which.
 */
public enum SpgemmStrategy {
    /**
     * Compute every row once into per-worker chunk buffers that grow with what the rows hold (never
     * with the flop bound) and are kept in the {@link SpgemmWorkspace}, then copy them into exactly
     * sized output. Extra memory: the buffers, about nnz(C) entries.
     */
    ONE_PHASE,
    /**
     * {@link Spgemm#symbolic} counts every row of C, then {@link Spgemm#numeric} writes each row in
     * place. Touches every partial product twice but needs no buffer for C: extra memory is the
     * accumulators alone.
     */
    TWO_PHASE
}
