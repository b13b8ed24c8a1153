package org.sparrow.core.ops;

import org.sparrow.core.Parallelism;

/**
 * Options of the sparse matrix–matrix product {@link Spgemm}.
 *
 * @param threads   worker threads, ≥ 1 (1 runs on the caller's thread with no pool)
 * @param sorted    canonical output, columns increasing within each row (default); {@code false}
 *                  leaves each row in accumulator order, which skips a sort per row
 * @param dropZeros drop entries whose value is exactly zero after accumulation (cancellation,
 *                  or explicit zeros in the inputs); by default they are kept as explicit zeros,
 *                  so the structure of C is the structural product of A and B whatever the values
 */
public record SpgemmOptions(int threads, boolean sorted, boolean dropZeros) {

    /** Checks the thread count. */
    public SpgemmOptions {
        Parallelism.checkThreads(threads);
    }

    /** {@link Parallelism#defaultThreads()} threads, sorted output, explicit zeros kept. */
    public static SpgemmOptions defaults() {
        return new SpgemmOptions(Parallelism.defaultThreads(), true, false);
    }

    /** These options with another thread count. */
    public SpgemmOptions withThreads(int newThreads) {
        return new SpgemmOptions(newThreads, sorted, dropZeros);
    }

    /** These options with sorted (canonical) or unsorted output. */
    public SpgemmOptions withSorted(boolean newSorted) {
        return new SpgemmOptions(threads, newSorted, dropZeros);
    }

    /** These options dropping (or keeping) exact zeros. */
    public SpgemmOptions withDropZeros(boolean newDropZeros) {
        return new SpgemmOptions(threads, sorted, newDropZeros);
    }
}
