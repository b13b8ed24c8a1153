package org.sparrow.solvers.bcd.forest;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Checks;

/**
 * Exact solve of A_bb·x_b = r_b for a block b whose induced subgraph of a symmetric positive definite A is
 * a forest, in O(|b|): Gaussian elimination along the trees, leaves first, then back-substitution from the
 * roots — the message-passing block update of Nutini, Laradji and Schmidt, "Let's Make Block Coordinate
 * Descent Converge Faster" (JMLR 2022, arXiv 1712.08859), section "Message-Passing for Huge-Block Updates"
 * (there phrased as Gaussian belief propagation / a non-serial dynamic programme on the tree; on a
 * tree both are this elimination).
 *
 * <p><b>Why there is no fill.</b> Eliminating a leaf p (its only remaining neighbour is its parent q)
 * changes only q's pivot and right-hand side:
 * <pre>
 *   d_q ← d_q − c_p² / d_p,     y_q ← y_q − (c_p / d_p)·y_p       (c_p = a_pq, the edge to the parent)
 * </pre>
 * so an order in which every node comes before its parent (reverse breadth-first order from each tree's
 * root) eliminates the whole forest with one multiply-add per edge, and x is recovered root first:
 * x_root = y_root / d_root, x_p = (y_p − c_p·x_q) / d_p. This is the LDLᵀ factorization of A_bb in that
 * order; the pivots d are the Schur complements, positive exactly when A_bb is positive definite.
 *
 * <p>The constructor reads A once (the rows of the block: O(|b| + their nonzeros), plus one O(n) index
 * map), checks that the block is a forest, that A_bb is symmetric and that every pivot is positive, and
 * keeps the elimination order and the factor. {@link #solve} is then allocation-free;
 * {@link #refactor} reuses the order for new values on the same pattern. The right-hand side and the
 * solution are indexed by position in the block: {@code rhs[k]} belongs to node {@code block[k]}.
 */
public final class TreeSolver {

    private final int n;
    private final int[] block;
    /** Positions in breadth-first order from each tree's root: every parent before its children. */
    private final int[] order;
    /** parent[k]: position of node k's parent, or −1 for a root. */
    private final int[] parent;
    /** Index in A's value array of the diagonal entry of node k (−1 when A stores none). */
    private final int[] diagIndex;
    /** Index in A's value array of the entry coupling node k to its parent (the one above the diagonal). */
    private final int[] edgeIndex;
    /** Pivot d_k after eliminating k's subtree. */
    private final double[] pivot;
    /** c_k / d_k: the multiplier that sends k's message to its parent. */
    private final double[] multiplier;
    /** c_k: the coupling of node k to its parent. */
    private final double[] coupling;
    private final int trees;

    /**
     * Analyses and factors the block.
     *
     * @param a     Input: a square, symmetric matrix; A_bb must be positive definite
     * @param block Input: distinct nodes of A (0-based); kept by reference, not copied
     * @throws IllegalArgumentException when A is not square, a node is out of range or repeated, the block's
     *                                  subgraph has a cycle, A_bb is not symmetric, or a pivot is not positive —
     *                                  in one sentence naming the nodes (1-based)
     */
    public TreeSolver(CsrMatrix a, int[] block) {
        this.n = ForestBlocks.checkSquare(a);
        this.block = block;
        int[] pos = ForestBlocks.positions(block, n);
        int m = block.length;
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();

        // 1. the forest's edges (read once, above the diagonal) as an adjacency list; a cycle is refused
        int[] uf = new int[m];
        int[] degree = new int[m + 1];
        int[] edgeA = new int[Math.max(1, m - 1)];
        int[] edgeB = new int[Math.max(1, m - 1)];
        int[] edgeAt = new int[Math.max(1, m - 1)];
        int edges = 0;
        diagIndex = new int[m];
        for (int p = 0; p < m; p++) {
            uf[p] = p;
            diagIndex[p] = -1;
        }
        for (int p = 0; p < m; p++) {
            int u = block[p];
            for (int e = rp[u]; e < rp[u + 1]; e++) {
                int w = ci[e];
                if (w == u) {
                    diagIndex[p] = e;
                    continue;
                }
                if (w < u || v[e] == 0.0 || pos[w] < 0) {
                    continue;
                }
                int q = pos[w];
                int r1 = ForestBlocks.find(uf, p);
                int r2 = ForestBlocks.find(uf, q);
                if (r1 == r2) {
                    throw new IllegalArgumentException("the block is not a forest: the edge between nodes "
                            + (u + 1) + " and " + (w + 1) + " closes a cycle in its subgraph of A, so it cannot"
                            + " be solved by elimination along a tree");
                }
                uf[r1] = r2;
                edgeA[edges] = p;
                edgeB[edges] = q;
                edgeAt[edges] = e;
                edges++;
                degree[p]++;
                degree[q]++;
            }
        }
        int[] adjStart = new int[m + 1];
        for (int p = 0; p < m; p++) {
            adjStart[p + 1] = adjStart[p] + degree[p];
        }
        int[] adj = new int[2 * edges];
        int[] adjEdge = new int[2 * edges];
        int[] fill = new int[m];
        for (int t = 0; t < edges; t++) {
            int p = edgeA[t];
            int q = edgeB[t];
            adj[adjStart[p] + fill[p]] = q;
            adjEdge[adjStart[p] + fill[p]++] = edgeAt[t];
            adj[adjStart[q] + fill[q]] = p;
            adjEdge[adjStart[q] + fill[q]++] = edgeAt[t];
        }

        // 2. breadth-first order from each tree's root (its first position in the block)
        order = new int[m];
        parent = new int[m];
        edgeIndex = new int[m];
        boolean[] visited = new boolean[m];
        int tail = 0;
        int roots = 0;
        for (int s = 0; s < m; s++) {
            if (visited[s]) {
                continue;
            }
            roots++;
            visited[s] = true;
            parent[s] = -1;
            edgeIndex[s] = -1;
            int head = tail;
            order[tail++] = s;
            while (head < tail) {
                int p = order[head++];
                for (int t = adjStart[p]; t < adjStart[p + 1]; t++) {
                    int q = adj[t];
                    if (!visited[q]) {
                        visited[q] = true;
                        parent[q] = p;
                        edgeIndex[q] = adjEdge[t];
                        order[tail++] = q;
                    }
                }
            }
        }
        trees = roots;

        // 3. symmetry of A_bb: every entry below the diagonal must mirror a tree edge's entry above it
        int[] mirrored = new int[m];
        for (int p = 0; p < m; p++) {
            int u = block[p];
            for (int e = rp[u]; e < rp[u + 1]; e++) {
                int w = ci[e];
                if (w >= u || v[e] == 0.0 || pos[w] < 0) {
                    continue;
                }
                int q = pos[w];
                int child = parent[p] == q ? p : parent[q] == p ? q : -1;
                if (child < 0 || v[edgeIndex[child]] != v[e]) {
                    throw asymmetric(u, w, v[e], child < 0 ? 0.0 : v[edgeIndex[child]]);
                }
                mirrored[child]++;
            }
        }
        for (int p = 0; p < m; p++) {
            if (parent[p] >= 0 && mirrored[p] != 1) {
                int u = block[p];
                int w = block[parent[p]];
                int hi = Math.max(u, w);
                int lo = Math.min(u, w);
                throw asymmetric(hi, lo, 0.0, v[edgeIndex[p]]);
            }
        }

        pivot = new double[m];
        multiplier = new double[m];
        coupling = new double[m];
        factor(v);
    }

    private static IllegalArgumentException asymmetric(int lower, int upper, double below, double above) {
        return new IllegalArgumentException("A is not symmetric on the block: A(" + (lower + 1) + ", "
                + (upper + 1) + ") = " + below + " but A(" + (upper + 1) + ", " + (lower + 1) + ") = " + above);
    }

    /** LDLᵀ along the order, leaves first: d_q ← d_q − c_p²/d_p; each pivot checked when it is final. */
    private void factor(double[] v) {
        int m = block.length;
        for (int k = 0; k < m; k++) {
            pivot[k] = diagIndex[k] < 0 ? 0.0 : v[diagIndex[k]];
            coupling[k] = parent[k] < 0 ? 0.0 : v[edgeIndex[k]];
        }
        for (int t = m - 1; t >= 0; t--) {
            int p = order[t];
            double d = pivot[p];
            if (!(d > 0.0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("the block's matrix A_bb is not positive definite: the pivot of"
                        + " node " + (block[p] + 1) + " is " + d + " after eliminating the nodes below it in"
                        + " its tree (A's diagonal there is " + (diagIndex[p] < 0 ? 0.0 : v[diagIndex[p]]) + ")");
            }
            int q = parent[p];
            if (q >= 0) {
                double l = coupling[p] / d;
                multiplier[p] = l;
                pivot[q] -= l * coupling[p];
            } else {
                multiplier[p] = 0.0;
            }
        }
    }

    /**
     * Factors new values of A on the pattern this solver was built for (same block, same stored entries at
     * the same positions, e.g. the same matrix scaled or shifted on its diagonal), reusing the elimination
     * order: O(|b|).
     *
     * @param a Input: a matrix with the same sparsity layout as the one given to the constructor
     * @throws IllegalArgumentException when A's layout differs, or a pivot is not positive (naming the node)
     */
    public void refactor(CsrMatrix a) {
        Checks.checkMatrix(a, "A");
        int[] ci = a.columnIndices();
        int nnz = a.nnz();
        for (int k = 0; k < block.length; k++) {
            boolean ok = a.rows() == n && a.cols() == n
                    && (diagIndex[k] < 0 || (diagIndex[k] < nnz && ci[diagIndex[k]] == block[k]))
                    && (parent[k] < 0 || (edgeIndex[k] < nnz
                            && ci[edgeIndex[k]] == Math.max(block[k], block[parent[k]])));
            if (!ok) {
                throw new IllegalArgumentException("A's sparsity layout differs from the one this tree solver was"
                        + " built for (at node " + (block[k] + 1) + "); build a new solver for it");
            }
        }
        factor(a.values());
    }

    /**
     * Solves A_bb·x = rhs by the elimination along the forest: messages from the leaves to the roots, then
     * back from the roots. O(|b|), allocation-free; {@code rhs} and {@code out} may be the same array.
     *
     * @param rhs Input: the right-hand side, {@code rhs[k]} for node {@code block[k]}; length ≥ |b|
     * @param out Output: the solution in the same positions; length ≥ |b|
     * @throws IllegalArgumentException when an array is shorter than the block
     */
    public void solve(double[] rhs, double[] out) {
        int m = block.length;
        if (rhs.length < m || out.length < m) {
            throw new IllegalArgumentException("the tree solver's block has " + m + " nodes but rhs has length "
                    + rhs.length + " and out has length " + out.length);
        }
        if (rhs != out) {
            System.arraycopy(rhs, 0, out, 0, m);
        }
        int[] ord = order;
        int[] par = parent;
        double[] mul = multiplier;
        // y_q -= (c_p / d_p)·y_p, leaves first
        for (int t = m - 1; t >= 0; t--) {
            int p = ord[t];
            int q = par[p];
            if (q >= 0) {
                out[q] -= mul[p] * out[p];
            }
        }
        // x_p = (y_p − c_p·x_q) / d_p, roots first
        double[] d = pivot;
        double[] c = coupling;
        for (int t = 0; t < m; t++) {
            int p = ord[t];
            int q = par[p];
            out[p] = (q >= 0 ? out[p] - c[p] * out[q] : out[p]) / d[p];
        }
    }

    /** The block's nodes (the array given to the constructor), position k holding node {@code block()[k]}. */
    public int[] block() {
        return block;
    }

    /** The number of nodes in the block. */
    public int size() {
        return block.length;
    }

    /** The number of trees (connected components) of the block's subgraph. */
    public int trees() {
        return trees;
    }
}
