package org.sparrow.core.ordering;

import org.sparrow.core.CsrMatrix;

/**
 * The fill of a Cholesky factorization without computing it: {@code nnz(L)} of {@code P·A·Pᵀ = L·Lᵀ}
 * for the pattern of {@code A + Aᵀ}, assuming no numerical cancellation.
 *
 * <p>From the elimination tree (Liu, "The role of elimination trees in sparse factorization", SIAM
 * J. Matrix Anal. Appl. 11(1):134–172, 1990): the tree comes from Liu's algorithm with path
 * compression (parent(i) = min{k > i : L(k, i) ≠ 0}), and the pattern of row k of L is the
 * <em>row subtree</em> — the union of the tree paths from each {@code i < k} with {@code A(k, i) ≠ 0}
 * up to k — so counting the vertices of each row subtree once gives {@code nnz(L)} in O(nnz(L)) time
 * and O(n) space. Fast enough to compare orderings on matrices whose factor one would not want to
 * compute.
 */
public final class SymbolicCholesky {

    private SymbolicCholesky() {
    }

    /**
     * {@code nnz(L)}, diagonal included, of the Cholesky factor of {@code P·A·Pᵀ} (pattern of
     * {@code A + Aᵀ}, so every diagonal entry counts even where A stores none).
     *
     * @param a    Input: square CSR (sorted or not); values ignored
     * @param perm Input: {@code perm[new] = old} (as {@link org.sparrow.core.ops.Permute}), or null for the natural order
     * @return the number of nonzeros in L, lower triangle and diagonal
     * @throws IllegalArgumentException if {@code a} is null or not square, or {@code perm} is not a
     *     permutation of {@code 0 … n-1}
     */
    public static long factorNonzeros(CsrMatrix a, int[] perm) {
        Graph g = Graph.ofSymmetrized(a);
        return factorNonzeros(g, inverse(perm, g.n));
    }

    static long factorNonzeros(Graph g, int[] pinv) {
        int n = g.n;
        int[] parent = eliminationTree(g, pinv);
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        long total = 0;
        int[] perm = new int[n];
        for (int old = 0; old < n; old++) {
            perm[pinv[old]] = old;
        }
        for (int k = 0; k < n; k++) {
            mark[k] = k;
            total++; // L(k, k)
            int v = perm[k];
            for (int p = g.ptr[v]; p < g.ptr[v + 1]; p++) {
                for (int i = pinv[g.adj[p]]; i < k && mark[i] != k; i = parent[i]) {
                    mark[i] = k; // L(k, i) ≠ 0: i lies on the row subtree of k
                    total++;
                }
            }
        }
        return total;
    }

    /** parent[i] of the elimination tree of the permuted pattern, −1 at a root (Liu's algorithm). */
    static int[] eliminationTree(Graph g, int[] pinv) {
        int n = g.n;
        int[] parent = new int[n];
        int[] ancestor = new int[n];
        java.util.Arrays.fill(parent, -1);
        java.util.Arrays.fill(ancestor, -1);
        int[] perm = new int[n];
        for (int old = 0; old < n; old++) {
            perm[pinv[old]] = old;
        }
        for (int k = 0; k < n; k++) {
            int v = perm[k];
            for (int p = g.ptr[v]; p < g.ptr[v + 1]; p++) {
                int i = pinv[g.adj[p]];
                while (i != -1 && i < k) { // climb to the root of i's subtree, compressing the path to k
                    int up = ancestor[i];
                    ancestor[i] = k;
                    if (up == -1) {
                        parent[i] = k;
                    }
                    i = up;
                }
            }
        }
        return parent;
    }

    /** {@code pinv[old] = new} for {@code perm[new] = old}; the identity for a null perm. */
    static int[] inverse(int[] perm, int n) {
        int[] pinv = new int[n];
        if (perm == null) {
            for (int i = 0; i < n; i++) {
                pinv[i] = i;
            }
            return pinv;
        }
        if (perm.length != n) {
            throw new IllegalArgumentException("the permutation has length " + perm.length + " but the matrix has "
                    + n + " rows");
        }
        java.util.Arrays.fill(pinv, -1);
        for (int k = 0; k < n; k++) {
            int v = perm[k];
            if (v < 0 || v >= n) {
                throw new IllegalArgumentException("perm[" + k + "] = " + v + " is out of range [0, " + n + ")");
            }
            if (pinv[v] >= 0) {
                throw new IllegalArgumentException("perm[" + k + "] = " + v + " repeats perm[" + pinv[v]
                        + "]: not a permutation");
            }
            pinv[v] = k;
        }
        return pinv;
    }
}
