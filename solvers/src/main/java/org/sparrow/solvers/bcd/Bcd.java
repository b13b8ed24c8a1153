package org.sparrow.solvers.bcd;

import org.sparrow.core.ops.Checks;

/**
 * Block coordinate descent after Nutini, Laradji and Schmidt, "Let's Make Block Coordinate Descent Converge
 * Faster: Faster Greedy Rules, Message-Passing, Active-Set Complexity, and Superlinear Convergence" (JMLR 23,
 * 2022, arXiv 1712.08859). Each iteration x⁺_b = x_b + δ_b for one block b:
 * <ul>
 *   <li><b>partition</b> ({@link PartitionRule}): fixed blocks (order, sort, average) or variable blocks;</li>
 *   <li><b>selection</b> ({@link SelectionRule}): cyclic, random permutation, uniform, Lipschitz sampling, or
 *       greedy. The greedy scores (smooth problems) are GS ‖∇_b f‖², GSL ‖∇_b f‖²/L_b, GSD Σ_{j∈b}(∇ⱼf)²/Lⱼ
 *       (the diagonal bound D_b = diag(Lⱼ); the authors' code uses the same diagonal) and GSQ ∇_b fᵀH_b⁻¹∇_b f
 *       with H_b the block Hessian bound. With λ‖x‖₁ or x ≥ 0 they become proximal (the GS-r and GS-q
 *       rules of Nutini, Schmidt, Laradji, Friedlander and Koepke, ICML 2015): GS scores the unit
 *       proximal-gradient step Σ(xⱼ − prox(xⱼ − ∇ⱼf))² (GS-r), GSL/GSD twice the decrease of the separable
 *       model with curvature L_b/Lⱼ (GS-q, which equals the smooth score when λ = 0), GSQ twice the decrease
 *       of the block model with H_b. The paper's code scores blocks with 1-norms
 *       (Σ|∇ⱼf|/√Lⱼ); the squared 2-norms here are the progress bounds the paper's rules maximize.
 *       Scores live in an {@link IndexedMaxHeap} over blocks (variable blocks: over coordinates) re-keyed only
 *       for the units whose gradient changed in the last update (see {@link SmoothState} for how that set is
 *       found without rescanning: A's rows for least squares and logistic, A's own rows for the quadratic),
 *       so a greedy iteration costs O(touched·log units), not O(n). The documented fallback: greedy
 *       variable blocks whose columns reach at least 1/16 of A's nonzeros through their rows (τ·(nnz/n)·(nnz/m)
 *       ≥ nnz/16) build no rows; one sequential pass over the columns then recomputes every gradient and
 *       key after each update (and gives the optimality measure for free);</li>
 *   <li><b>update</b> ({@link UpdateRule}): the proximal step with L_b = λ_max of the block Hessian bound
 *       (A_bᵀA_b, ¼A_bᵀA_b, A_bb), a backtracking estimate of L_b, the step with the full block bound matrix, or
 *       Newton with an Armijo line search (Tseng and Yun, Math. Programming 2009, for the ℓ₁ case); with
 *       ℓ₁/bounds the matrix steps solve the small block QP by coordinate descent on the dense block matrix.
 *       Variable blocks with the Lipschitz update compute λ_max of their block each iteration (EJML, allocates).</li>
 * </ul>
 * <b>Message passing</b> (the paper's message passing for huge-block updates): for the quadratic loss
 * without ℓ₁ or bounds, blocks are forests of A's graph solved exactly (A_bb·δ = −∇_b f, the matrix update) in
 * O(|b|) by {@code forest.TreeSolver}: with a greedy rule a forest of at most {@code blockSize} nodes is grown
 * each iteration in decreasing |∇ᵢf| (GS) or |∇ᵢf|/√Aᵢᵢ (the others); with the other rules the blocks are
 * {@code forest.ForestBlocks.treePartition(A)} (Lipschitz sampling weights a forest by trace(A_bb)). The
 * partition and update options are not used then. <b>Active set</b>: the iteration since which the set of zero (bound)
 * coordinates has not changed is reported; with {@link BcdOptions#activeSet()} a Newton step on the free
 * coordinates follows once it has been stable (the superlinear phase).
 *
 * <p><b>Working set</b> ({@link SelectionRule#WORKING_SET}, least squares, block size 1): the strategy of glmnet
 * (Friedman, Hastie and Tibshirani, "Regularization Paths for Generalized Linear Models via Coordinate Descent",
 * J. Stat. Softw. 33(1), 2010, on active-set convergence): cycle over the working set (the active set) until it has converged, then one
 * pass over all the other coordinates adds those that violate the optimality conditions (|aⱼᵀr| &gt; λ at
 * xⱼ = 0), and repeat until a pass adds none. The working set starts as the support of x₀ and the violators at
 * x₀ (their gradients come with the setup pass), and never shrinks. Each step is the exact coordinate minimizer
 * xⱼ ← prox(xⱼ − aⱼᵀr/Lⱼ) with Lⱼ = ‖aⱼ‖² computed once, r = Ax − b updated over the column's nonzeros only: a
 * flat loop over the CSC arrays that allocates nothing. The working set is converged when one pass over it
 * changes no coordinate by a unit proximal-gradient step larger than half the target (the same measure as the
 * stop, taken before each step); the stop is decided by the measure recomputed from scratch, and when that
 * fails the residual is rebuilt from x and the inner threshold halved. Every coordinate visited is an
 * iteration, including the checks of the full passes; the partition, update and active-set options are not
 * used.
 *
 * <p><b>Stopping.</b> The optimality measure is ‖∇f(x)‖∞ for a smooth problem and ‖x − prox(x − ∇f(x))‖∞
 * otherwise (zero exactly at a minimizer); it is checked on the incremental state, then confirmed from
 * scratch. {@code tolerance} is relative: converged means measure(x) ≤ tolerance·max(measure(0),
 * measure(x₀)). The objective history is kept incrementally and its last entry recomputed from scratch.
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
     * @return the result; a solve that does not converge says why in {@link BcdResult#reason()}
     * @throws IllegalArgumentException with one sentence for an inconsistent input: x₀ of the wrong length or
     *                                  infeasible, a block size above n, message passing without a smooth
     *                                  quadratic loss, or a quadratic matrix found not positive definite
     */
    public static BcdResult solve(BcdProblem problem, double[] x0OrNull, BcdOptions options) {
        long t0 = System.nanoTime();
        Checks.checkNotNull(problem, "problem");
        Checks.checkNotNull(options, "options");
        int n = problem.cols();
        if (options.blockSize() > n) {
            throw new IllegalArgumentException("the block size " + options.blockSize()
                    + " is larger than the number of coordinates " + n);
        }
        double[] x0 = x0OrNull == null ? new double[n] : x0OrNull;
        Checks.checkLength("x0", x0, n, "the problem's number of coordinates");
        Checks.checkFinite(x0, "", "x0");
        if (problem.nonnegative()) {
            for (int j = 0; j < n; j++) {
                if (x0[j] < 0) {
                    throw new IllegalArgumentException("x0(" + (j + 1) + ") = " + x0[j] + " violates x ≥ 0");
                }
            }
        }
        if (options.rule() == SelectionRule.WORKING_SET && problem.loss() != Loss.LEAST_SQUARES) {
            throw new IllegalArgumentException("the working-set rule needs the least-squares loss");
        }
        if (options.rule() == SelectionRule.WORKING_SET && options.blockSize() != 1) {
            throw new IllegalArgumentException("the working-set rule updates one coordinate at a time: the block size "
                    + "must be 1, got " + options.blockSize());
        }
        if (options.messagePassing() && (problem.loss() != Loss.QUADRATIC || problem.l1() > 0
                || problem.nonnegative())) {
            throw new IllegalArgumentException("message passing needs the quadratic loss without ℓ₁ or bounds");
        }
        return new BcdRun(problem, x0, options).run(t0);
    }
}
