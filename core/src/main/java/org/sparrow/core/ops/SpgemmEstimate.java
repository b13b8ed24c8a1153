package org.sparrow.core.ops;

/**
 * What {@link Spgemm#estimate} learns about a product before computing it: its cost, the size of C
 * from a sample of rows, the strategy the product will use, and the scratch memory that strategy
 * needs (faer's scratch-size query).
 *
 * @param flops         multiply-adds of the product ({@link SpgemmFlops#count}); also an upper bound on nnz(C)
 * @param estimatedNnz  nnz(C) estimated from exact counts on a sample of rows (exact when every row is sampled)
 * @param strategy      the strategy {@link Spgemm#multiply(org.sparrow.core.CsrMatrix, org.sparrow.core.CsrMatrix,
 *                      SpgemmOptions, SpgemmWorkspace)} picks for these inputs
 * @param scratchBytes  bytes of temporary memory that strategy needs besides C itself (accumulators,
 *                      chunk buffers, per-row arrays): what a fresh {@link SpgemmWorkspace} grows to
 */
public record SpgemmEstimate(long flops, long estimatedNnz, SpgemmStrategy strategy, long scratchBytes) {
}
