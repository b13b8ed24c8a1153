package org.sparrow.solvers.bcd;

import org.sparrow.solvers.IterationListener;

/**
 * Options of {@link Bcd#solve}. The solve stops when the optimality measure (see {@link BcdResult}) is at most
 * {@code tolerance} times the same measure at x = 0 — a <em>relative</em> tolerance, so that it means the same
 * for data of any scale (dataset D's gradients are of order 10⁷) — or after {@code maxIterations} iterations.
 *
 * @param partition      how coordinates are grouped into blocks
 * @param blockSize      coordinates per block (fixed blocks: the size of every block but possibly the last;
 *                       variable blocks: the number chosen per iteration; with message passing: the largest
 *                       forest block grown greedily), in [1, n] (checked against n by the solve)
 * @param rule           which block each iteration updates
 * @param update         how the selected block moves
 * @param messagePassing quadratic loss only: blocks are forests of A's graph solved exactly by message passing
 * @param activeSet      with ℓ₁ or x ≥ 0: once the active set is stable, Newton steps on the free coordinates
 * @param tolerance      relative tolerance on the optimality measure, in (0, 1)
 * @param maxIterations  iteration limit, ≥ 1 (one iteration updates one block)
 * @param seed           seed of the random rules (permutation, random, Lipschitz sampling)
 * @param listener       called after each iteration with the objective, or {@code null}
 */
public record BcdOptions(PartitionRule partition, int blockSize, SelectionRule rule, UpdateRule update,
                         boolean messagePassing, boolean activeSet, double tolerance, int maxIterations,
                         long seed, IterationListener listener) {

    /** Checks every field, naming the one that is wrong. */
    public BcdOptions {
        if (partition == null) {
            throw new IllegalArgumentException("the partition rule must be given");
        }
        if (rule == null) {
            throw new IllegalArgumentException("the selection rule must be given");
        }
        if (update == null) {
            throw new IllegalArgumentException("the update rule must be given");
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("the block size must be ≥ 1, got " + blockSize);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("the tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the maximum number of iterations must be ≥ 1, got " + maxIterations);
        }
    }

    /**
     * Sorted fixed blocks of 5, greedy GS selection, Lipschitz updates, no message passing, no active-set
     * phase, relative tolerance 1e-10, 10 000 iterations, seed 0, no listener.
     *
     * @return the defaults
     */
    public static BcdOptions defaults() {
        return new BcdOptions(PartitionRule.SORT, 5, SelectionRule.GS, UpdateRule.LIPSCHITZ, false, false, 1e-10,
                10_000, 0L, null);
    }

    /**
     * These options with another partition rule.
     *
     * @param p how coordinates are grouped into blocks
     * @return a copy with that rule, the other fields unchanged
     */
    public BcdOptions withPartition(PartitionRule p) {
        return new BcdOptions(p, blockSize, rule, update, messagePassing, activeSet, tolerance, maxIterations, seed,
                listener);
    }

    /**
     * These options with another block size.
     *
     * @param k coordinates per block, ≥ 1
     * @return a copy with that block size, the other fields unchanged
     */
    public BcdOptions withBlockSize(int k) {
        return new BcdOptions(partition, k, rule, update, messagePassing, activeSet, tolerance, maxIterations, seed,
                listener);
    }

    /**
     * These options with another selection rule.
     *
     * @param r which block each iteration updates
     * @return a copy with that rule, the other fields unchanged
     */
    public BcdOptions withRule(SelectionRule r) {
        return new BcdOptions(partition, blockSize, r, update, messagePassing, activeSet, tolerance, maxIterations,
                seed, listener);
    }

    /**
     * These options with another update rule.
     *
     * @param u how the selected block moves
     * @return a copy with that rule, the other fields unchanged
     */
    public BcdOptions withUpdate(UpdateRule u) {
        return new BcdOptions(partition, blockSize, rule, u, messagePassing, activeSet, tolerance, maxIterations,
                seed, listener);
    }

    /**
     * These options with (or without) message-passing forest blocks.
     *
     * @param on whether blocks are forests of A's graph solved by message passing (quadratic loss only)
     * @return a copy with that setting, the other fields unchanged
     */
    public BcdOptions withMessagePassing(boolean on) {
        return new BcdOptions(partition, blockSize, rule, update, on, activeSet, tolerance, maxIterations, seed,
                listener);
    }

    /**
     * These options with (or without) the active-set Newton phase.
     *
     * @param on whether Newton steps on the free coordinates follow once the active set is stable
     * @return a copy with that setting, the other fields unchanged
     */
    public BcdOptions withActiveSet(boolean on) {
        return new BcdOptions(partition, blockSize, rule, update, messagePassing, on, tolerance, maxIterations, seed,
                listener);
    }

    /**
     * These options with another relative tolerance.
     *
     * @param t relative tolerance on the optimality measure, in (0, 1)
     * @return a copy with that tolerance, the other fields unchanged
     */
    public BcdOptions withTolerance(double t) {
        return new BcdOptions(partition, blockSize, rule, update, messagePassing, activeSet, t, maxIterations, seed,
                listener);
    }

    /**
     * These options with another iteration limit.
     *
     * @param n iteration limit, ≥ 1
     * @return a copy with that limit, the other fields unchanged
     */
    public BcdOptions withMaxIterations(int n) {
        return new BcdOptions(partition, blockSize, rule, update, messagePassing, activeSet, tolerance, n, seed,
                listener);
    }

    /**
     * These options with another seed.
     *
     * @param s seed of the random rules
     * @return a copy with that seed, the other fields unchanged
     */
    public BcdOptions withSeed(long s) {
        return new BcdOptions(partition, blockSize, rule, update, messagePassing, activeSet, tolerance, maxIterations,
                s, listener);
    }

    /**
     * These options with a listener; it receives the iteration and the objective F(x) (not a residual).
     *
     * @param l the listener, or {@code null}
     * @return new options
     */
    public BcdOptions withListener(IterationListener l) {
        return new BcdOptions(partition, blockSize, rule, update, messagePassing, activeSet, tolerance, maxIterations,
                seed, l);
    }
}
