package org.sparrow.core.ordering;

import org.sparrow.core.CsrMatrix;

/**
 * Which fill-reducing ordering a direct factorization uses, and on which graph.
 *
 * <p>{@link #symmetric} orders the graph of {@code A + Aᵀ}, for a symmetric permutation
 * {@code P·A·Pᵀ} (Cholesky). {@link #columns} orders the column intersection graph, the pattern of
 * {@code AᵀA}, for a column permutation {@code A·Qᵀ}: the R factor of {@code A·Qᵀ = Q₁R} has the
 * pattern of the Cholesky factor of {@code Q·AᵀA·Qᵀ} (George and Heath 1980), and the L and U of
 * Gaussian elimination with partial pivoting lie inside it whatever rows are chosen (George and Ng,
 * SIAM J. Sci. Stat. Comput. 6(2), 1985), so the column order that is good for {@code AᵀA} bounds the
 * fill of both (the idea behind COLAMD, without forming {@code AᵀA} there; here it is formed, rows
 * denser than {@code max(16, 10·√n)} left out).
 *
 * <p>Every method returns {@code perm} with {@code perm[new] = old}, for
 * {@link org.sparrow.core.ops.Permute#of}.
 */
public enum FillReducingOrdering {

    /** The identity: the matrix as given. */
    NATURAL,

    /** {@link ReverseCuthillMcKee}: small bandwidth and profile; good on banded and long thin meshes. */
    RCM,

    /** {@link ApproximateMinimumDegree}: the lowest fill of the three on most matrices. */
    AMD;

    /**
     * The ordering of the graph of {@code A + Aᵀ} (square A), for {@code Permute.of(a, perm, perm)}.
     *
     * @param a Input: square CSR
     * @return the permutation {@code perm}, length n: row and column {@code perm[k]} of A become number {@code k}
     * @throws IllegalArgumentException if {@code a} is null or not square
     */
    public int[] symmetric(CsrMatrix a) {
        Graph.checkSquare(a);
        return switch (this) {
            case NATURAL -> identity(a.rows());
            case RCM -> ReverseCuthillMcKee.order(a);
            case AMD -> ApproximateMinimumDegree.order(a);
        };
    }

    /**
     * The ordering of the columns of an {@code m × n} A through the pattern of {@code AᵀA}, for
     * {@code Permute.of(a, null, perm)}.
     *
     * @param a Input: {@code m × n} CSR
     * @return the column permutation, length n: column {@code perm[k]} of A becomes column {@code k}
     * @throws IllegalArgumentException if {@code a} is null
     */
    public int[] columns(CsrMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("A is null");
        }
        if (this == NATURAL) {
            return identity(a.cols());
        }
        Graph g = Graph.ofColumns(a, Graph.denseRowThreshold(a.cols()));
        return this == RCM ? ReverseCuthillMcKee.orderGraph(g) : ApproximateMinimumDegree.orderGraph(g);
    }

    /** {@return A lower-case name for results and the CLI: "natural", "rcm", "amd"} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }
}
