package org.sparrow.solvers.bcd.forest;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Checks;

/**
 * Exact solve of A_bb·x_b = r_b for a block b whose induced subgraph of a symmetric positive definite A is
 * a forest, in O(|b|): Gaussian elimination along the trees, leaves first, then back-substitution from the
 * roots — the message-passing block update of Nutini, Laradji and Schmidt, "Let's Make Block Coordinate
 * Descent Converge Faster" (JMLR 2022, arXiv 1712.08859), section "Message-Passing for Huge-Block Updates".
 * On a forest, Gaussian belief propagation (the message passing the paper's code checks its exact block
 * solve against) and this elimination compute the same solution; the elimination form needs no iteration.
 *
 * <p><b>Why there is no fill.</b> Eliminating a leaf p (its only remaining neighbour is its parent q)
 * changes only q's pivot and right-hand side:
 * <pre>
 *   d_q ← d_q − c_p² / d_p,     y_q ← y_q − (c_p / d_p)·y_p       (c_p = a_pq, the edge to the parent)
 * </pre>
 * so an order in which every node comes before its parent (reverse breadth-first order from each tree's
 * root) eliminates the whole forest with one multiply-add per edge, and x is recovered root first:
 * x_root = y_root / d_root, x_p = (y_p − c_p·x_q) / d_p. This is the LDLᵀ factorization of A_bb in that
 * order; the pivots d are Schur complements, positive exactly when A_bb is positive definite.
 *
 * <p><b>Phases.</b> {@link #analyze} (also run by the constructor) reads the block's rows of A once —
 * O(|b| + their nonzeros) — checks that the block is a forest, that A_bb is symmetric and that every pivot
 * is positive, and keeps the elimination order and the factor; it allocates nothing, so a greedy rule that
 * picks a new forest at every iteration reuses one solver made by {@link #withCapacity}. {@link #refactor}
 * reuses the order for new values on the same pattern; {@link #solve} is allocation-free. The right-hand
 * side and the solution are indexed by position in the block: {@code rhs[k]} belongs to node
 * {@code block[k]}. One solver serves one thread at a time.
 */
public final class TreeSolver {

    private final int n;
    private final int capacity;
    private int[] block;
    private int m;
    private int trees;
    private boolean ready;

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

    // scratch of the analysis
    /** pos[node] = position in the block, −1 outside (restored to all −1 after each analysis). */
    private final int[] pos;
    private final int[] uf;
    private final int[] adjStart;
    private final int[] adj;
    private final int[] adjEdge;
    private final int[] fill;
    private final int[] edgeA;
    private final int[] edgeB;
    private final int[] edgeAt;

    /**
     * Analyses and factors the block (see {@link #analyze}).
     *
     * @param a     Input: a square, symmetric matrix; A_bb must be positive definite
     * @param block Input: distinct nodes of A (0-based); kept by reference, not copied
     * @throws IllegalArgumentException when A is not square, a node is out of range or repeated, the block's
     *                                  subgraph has a cycle, A_bb is not symmetric, or a pivot is not positive —
     *                                  in one sentence naming the nodes (1-based)
     */
    public TreeSolver(CsrMatrix a, int[] block) {
        this(ForestBlocks.checkSquare(a), Checks.checkNotNull(block, "the block").length);
        analyze(a, block, block.length);
    }

    private TreeSolver(int n, int capacity) {
        this.n = n;
        this.capacity = capacity;
        this.block = new int[0];
        order = new int[capacity];
        parent = new int[capacity];
        diagIndex = new int[capacity];
        edgeIndex = new int[capacity];
        pivot = new double[capacity];
        multiplier = new double[capacity];
        coupling = new double[capacity];
        pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        uf = new int[capacity];
        adjStart = new int[capacity + 1];
        adj = new int[2 * capacity];
        adjEdge = new int[2 * capacity];
        fill = new int[capacity];
        edgeA = new int[capacity];
        edgeB = new int[capacity];
        edgeAt = new int[capacity];
    }

    /**
     * A solver with room for blocks of up to {@code capacity} nodes of an n × n matrix, to be given its
     * blocks by {@link #analyze}: the allocation-free form for a block chosen afresh at every iteration.
     *
     * @param n        the matrix's size, at least 0
     * @param capacity the most nodes in one block, in 0 … n
     * @return a solver with no block yet
     * @throws IllegalArgumentException when a size is out of range
     */
    public static TreeSolver withCapacity(int n, int capacity) {
        if (n < 0 || capacity < 0 || capacity > n) {
            throw new IllegalArgumentException("a tree solver needs 0 ≤ capacity ≤ n, got capacity " + capacity
                    + " for n = " + n);
        }
        return new TreeSolver(n, capacity);
    }

    /**
     * Analyses and factors a new block, in place and without allocating: builds the block's forest from the
     * entries of its rows above the diagonal (refusing a cycle), orders each tree breadth-first from its first
     * node, checks that each entry below the diagonal mirrors its partner, and eliminates leaves first,
     * checking that every pivot is positive. After a failure the solver holds no block until the next
     * successful analysis.
     *
     * @param a     Input: the n × n symmetric matrix this solver was made for; A_bb must be positive definite
     * @param block Input: distinct nodes of A in {@code block[0 .. size)}; kept by reference, not copied
     * @param size  the number of nodes, at most the capacity
     * @throws IllegalArgumentException when A's size or the block's size is wrong, a node is out of range or
     *                                  repeated, the subgraph has a cycle, A_bb is not symmetric, or a pivot is
     *                                  not positive — in one sentence naming the nodes (1-based)
     */
    public void analyze(CsrMatrix a, int[] block, int size) {
        int rows = ForestBlocks.checkSquare(a);
        Checks.checkNotNull(block, "the block");
        if (rows != n) {
            throw new IllegalArgumentException("this tree solver was made for a " + Checks.shape(n, n)
                    + " matrix but A is " + Checks.shape(rows, rows));
        }
        if (size < 0 || size > capacity || size > block.length) {
            throw new IllegalArgumentException("the block size " + size + " must lie in 0 … " + Math.min(capacity,
                    block.length) + " (the solver's capacity and the block array's length)");
        }
        ready = false;
        this.block = block;
        this.m = size;
        int placed = 0;
        try {
            for (; placed < size; placed++) {
                int v = block[placed];
                if (v < 0 || v >= n) {
                    throw new IllegalArgumentException("the block names node " + (v + 1) + ", outside 1 … " + n);
                }
                if (pos[v] >= 0) {
                    throw new IllegalArgumentException("the block names node " + (v + 1) + " twice (at positions "
                            + (pos[v] + 1) + " and " + (placed + 1) + ")");
                }
                pos[v] = placed;
            }
            buildForest(a);
            checkSymmetric(a);
            factor(a.values());
            ready = true;
        } finally {
            for (int p = 0; p < placed; p++) {
                pos[block[p]] = -1;
            }
            if (!ready) {
                m = 0;
            }
        }
    }

    /** The forest's edges (read once, above the diagonal), its adjacency, and a breadth-first order. */
    private void buildForest(CsrMatrix a) {
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        int edges = 0;
        for (int p = 0; p < m; p++) {
            uf[p] = p;
            diagIndex[p] = -1;
            fill[p] = 0;
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
                fill[p]++;
                fill[q]++;
            }
        }
        adjStart[0] = 0;
        for (int p = 0; p < m; p++) {
            adjStart[p + 1] = adjStart[p] + fill[p];
            fill[p] = adjStart[p];
        }
        for (int t = 0; t < edges; t++) {
            int p = edgeA[t];
            int q = edgeB[t];
            adj[fill[p]] = q;
            adjEdge[fill[p]++] = edgeAt[t];
            adj[fill[q]] = p;
            adjEdge[fill[q]++] = edgeAt[t];
        }
        // breadth-first from each tree's first position; parent[p] = −2 marks "not reached yet"
        for (int p = 0; p < m; p++) {
            parent[p] = -2;
        }
        int tail = 0;
        int roots = 0;
        for (int s = 0; s < m; s++) {
            if (parent[s] != -2) {
                continue;
            }
            roots++;
            parent[s] = -1;
            edgeIndex[s] = -1;
            int head = tail;
            order[tail++] = s;
            while (head < tail) {
                int p = order[head++];
                for (int t = adjStart[p]; t < adjStart[p + 1]; t++) {
                    int q = adj[t];
                    if (parent[q] == -2) {
                        parent[q] = p;
                        edgeIndex[q] = adjEdge[t];
                        order[tail++] = q;
                    }
                }
            }
        }
        trees = roots;
    }

    /** Every nonzero entry below the diagonal must mirror a tree edge's entry above it, exactly once. */
    private void checkSymmetric(CsrMatrix a) {
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        int[] mirrored = fill; // reuse: counts per child
        for (int p = 0; p < m; p++) {
            mirrored[p] = 0;
        }
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
                throw asymmetric(Math.max(u, w), Math.min(u, w), 0.0, v[edgeIndex[p]]);
            }
        }
    }

    private static IllegalArgumentException asymmetric(int lower, int upper, double below, double above) {
        return new IllegalArgumentException("A is not symmetric on the block: A(" + (lower + 1) + ", "
                + (upper + 1) + ") = " + below + " but A(" + (upper + 1) + ", " + (lower + 1) + ") = " + above);
    }

    /** LDLᵀ along the order, leaves first: d_q ← d_q − c_p²/d_p; each pivot checked when it is final. */
    private void factor(double[] v) {
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
     * Factors new values of A on the pattern the current block was analysed with (same stored entries at the
     * same positions, e.g. the same matrix scaled or shifted on its diagonal), reusing the elimination order:
     * O(|b|). A symmetric A stays symmetric under such changes only if the caller keeps it so; this is not
     * re-checked.
     *
     * @param a Input: a matrix with the same sparsity layout as the one last analysed
     * @throws IllegalArgumentException when A's layout differs, or a pivot is not positive (naming the node)
     * @throws IllegalStateException    when the solver holds no block
     */
    public void refactor(CsrMatrix a) {
        Checks.checkMatrix(a, "A");
        requireReady();
        int[] ci = a.columnIndices();
        int nnz = a.nnz();
        for (int k = 0; k < m; k++) {
            boolean ok = a.rows() == n && a.cols() == n
                    && (diagIndex[k] < 0 || (diagIndex[k] < nnz && ci[diagIndex[k]] == block[k]))
                    && (parent[k] < 0 || (edgeIndex[k] < nnz
                            && ci[edgeIndex[k]] == Math.max(block[k], block[parent[k]])));
            if (!ok) {
                throw new IllegalArgumentException("A's sparsity layout differs from the one this tree solver was"
                        + " built for (at node " + (block[k] + 1) + "); analyse the block again");
            }
        }
        ready = false;
        try {
            factor(a.values());
            ready = true;
        } finally {
            if (!ready) {
                m = 0;
            }
        }
    }

    /**
     * Solves A_bb·x = rhs by the elimination along the forest: messages from the leaves to the roots, then
     * back from the roots. O(|b|), allocation-free; {@code rhs} and {@code out} may be the same array.
     *
     * @param rhs Input: the right-hand side, {@code rhs[k]} for node {@code block[k]}; length ≥ |b|
     * @param out Output: the solution in the same positions; length ≥ |b|
     * @throws IllegalArgumentException when an array is shorter than the block
     * @throws IllegalStateException    when the solver holds no block
     */
    public void solve(double[] rhs, double[] out) {
        requireReady();
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

    private void requireReady() {
        if (!ready) {
            throw new IllegalStateException("this tree solver holds no block: analyse one first");
        }
    }

    /** {@return the array of the block's nodes last analysed; positions 0 … {@link #size()} − 1 are the block} */
    public int[] block() {
        return block;
    }

    /** {@return the number of nodes in the block (0 when the solver holds none)} */
    public int size() {
        return m;
    }

    /** {@return the number of trees (connected components) of the block's subgraph} */
    public int trees() {
        return trees;
    }

    /** {@return the most nodes a block may have} */
    public int capacity() {
        return capacity;
    }
}
