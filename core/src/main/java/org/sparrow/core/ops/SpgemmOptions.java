package org.sparrow.core.ops;

import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;

/**
 * Options of the sparse matrix–matrix product {@link Spgemm}.
 *
 * @param parallelism how parallel the product is ({@link Par#SEQ} runs on the caller's thread with no
 *                    pool; {@link Par#AUTO} runs one thread when nnz(A) + nnz(B) is below
 *                    {@link Parallelism#PARALLEL_MIN_WORK}, else {@link Parallelism#defaultThreads()})
 * @param sorted      canonical output, columns increasing within each row (default); {@code false}
 *                    leaves each row in accumulator order, which skips a sort per row
 * @param dropZeros   drop entries whose value is exactly zero after accumulation (cancellation,
 *                    or explicit zeros in the inputs); by default they are kept as explicit zeros,
 *                    so the structure of C is the structural product of A and B whatever the values
 */
public record SpgemmOptions(Par parallelism, boolean sorted, boolean dropZeros) {

    /** Checks that a parallelism is given. */
    public SpgemmOptions {
        Checks.checkNotNull(parallelism, "parallelism");
    }

    /**
     * Options with exactly {@code threads} threads ({@link Par#threads(int)}).
     *
     * @param threads   worker threads, ≥ 1 (1 runs on the caller's thread with no pool)
     * @param sorted    canonical output
     * @param dropZeros drop exact zeros
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public SpgemmOptions(int threads, boolean sorted, boolean dropZeros) {
        this(Par.threads(threads), sorted, dropZeros);
    }

    /**
     * {@link Parallelism#defaultThreads()} threads, sorted output, explicit zeros kept.
     *
     * @return the defaults
     */
    public static SpgemmOptions defaults() {
        return new SpgemmOptions(Parallelism.defaultThreads(), true, false);
    }

    /**
     * The thread count a product with these options runs on when it is large (for {@link Par#AUTO},
     * {@link Parallelism#defaultThreads()}); what a report should print as "threads".
     *
     * @return ≥ 1
     */
    public int threads() {
        return parallelism.threadsFor(Long.MAX_VALUE);
    }

    /**
     * These options with exactly {@code newThreads} threads.
     *
     * @param newThreads the thread count, ≥ 1
     * @return a copy with that parallelism, the other fields unchanged
     */
    public SpgemmOptions withThreads(int newThreads) {
        return new SpgemmOptions(Par.threads(newThreads), sorted, dropZeros);
    }

    /**
     * These options with another parallelism.
     *
     * @param newParallelism how parallel the product may be
     * @return a copy with that parallelism, the other fields unchanged
     */
    public SpgemmOptions withParallelism(Par newParallelism) {
        return new SpgemmOptions(newParallelism, sorted, dropZeros);
    }

    /**
     * These options with sorted (canonical) or unsorted output.
     *
     * @param newSorted whether C is canonical (sorted columns in every row)
     * @return a copy with that setting, the other fields unchanged
     */
    public SpgemmOptions withSorted(boolean newSorted) {
        return new SpgemmOptions(parallelism, newSorted, dropZeros);
    }

    /**
     * These options dropping (or keeping) exact zeros.
     *
     * @param newDropZeros whether entries of C that are exactly zero are left out
     * @return a copy with that setting, the other fields unchanged
     */
    public SpgemmOptions withDropZeros(boolean newDropZeros) {
        return new SpgemmOptions(parallelism, sorted, newDropZeros);
    }
}
