package org.sparrow.solvers.bcd.forest;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Checks;

/**
 * Blocks whose induced subgraph of a sparse symmetric matrix is a forest, so that
 * {@link TreeSolver} updates them exactly in O(|b|): Nutini, Laradji and Schmidt, "Let's Make Block
 * Coordinate Descent Converge Faster" (JMLR 2022, arXiv 1712.08859), section "Message-Passing for
 * Huge-Block Updates" — its partitions of the variables into forest-structured blocks (red–black colour
 * classes; two spanning comb trees of a lattice; a greedy cover of a general graph by forests) and its
 * approximate greedy rule that grows one forest in the order of the Gauss–Southwell scores |∇_i f|.
 *
 * <p><b>Graph.</b> Node i's neighbours are the columns j ≠ i of the nonzero entries in row i of A, which
 * must be structurally symmetric (the matrix of a quadratic is); stored zeros are not edges.
 * {@link #isForest} reads each edge once, from the entry above the diagonal.
 *
 * <p><b>Lattices.</b> On an r × c lattice node i sits at row i mod r and column ⌊i / r⌋ (column-major, as in
 * the paper's dataset D and its code). A lattice block restricted to the unlabelled nodes of a label
 * propagation problem (the labelled ones removed, the rest renumbered in order) is given by
 * {@link #removeNodes}; a subgraph of a forest is a forest, so the restricted blocks stay forests.
 *
 * <p>Every method returns the blocks' nodes in increasing order, except the workspace form of
 * {@link #greedyForest(CsrMatrix, double[], int, int[], ForestWorkspace)}, which returns them in the order
 * they were added (highest priority first). Messages count nodes from 1.
 */
public final class ForestBlocks {

    private ForestBlocks() {
    }

    // ------------------------------------------------------------------ lattices

    /**
     * The red–black (checkerboard) colouring of an r × c lattice: red = nodes with row + column even, black =
     * the others. Each colour class is an independent set of the lattice graph (a forest of isolated nodes),
     * so its block matrix is diagonal; this is the paper's red–black block choice for lattice-structured
     * problems.
     *
     * @param rows the lattice's rows r ≥ 1
     * @param cols the lattice's columns c ≥ 1
     * @return {red, black}, each in increasing node order (black is empty for a 1 × 1 lattice)
     * @throws IllegalArgumentException when a dimension is below 1 or r·c overflows an array
     */
    public static int[][] redBlack(int rows, int cols) {
        int n = latticeSize(rows, cols);
        int[] red = new int[(n + 1) / 2 + 1];
        int[] black = new int[n / 2 + 1];
        int nr = 0;
        int nb = 0;
        for (int i = 0; i < n; i++) {
            int r = i % rows;
            int c = i / rows;
            if (((r + c) & 1) == 0) {
                red[nr++] = i;
            } else {
                black[nb++] = i;
            }
        }
        return new int[][] {Arrays.copyOf(red, nr), Arrays.copyOf(black, nb)};
    }

    /**
     * The paper's partition of an r × c lattice into two spanning comb-shaped trees: the first holds row 0 of
     * every column and rows 0 … r − 2 of the even columns; the second holds row r − 1 of every column and
     * rows 1 … r − 1 of the odd columns. Each is a tree (a path along one boundary row with paths hanging
     * from it), and together they cover every node once. A single-row lattice is one path, so it is
     * returned as a single block.
     *
     * @param rows the lattice's rows r ≥ 1
     * @param cols the lattice's columns c ≥ 1
     * @return the two trees (one when r = 1), each in increasing node order
     * @throws IllegalArgumentException when a dimension is below 1 or r·c overflows an array
     */
    public static int[][] treePartition(int rows, int cols) {
        int n = latticeSize(rows, cols);
        if (rows == 1) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return new int[][] {all};
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            int r = i % rows;
            int c = i / rows;
            boolean first = r == 0 || (r < rows - 1 && (c & 1) == 0);
            label[i] = first ? 0 : 1;
        }
        return blocksOf(label);
    }

    /**
     * Blocks on the graph left after removing some nodes, renumbered in order (node k of the result is the
     * k-th remaining node): how a lattice block becomes a block of a label-propagation problem whose labelled
     * nodes were removed (dataset D). Blocks left empty are dropped.
     *
     * @param blocks  Input: blocks over nodes 0 … n − 1
     * @param n       the number of nodes before removal
     * @param removed Input: the removed nodes (any order, no duplicates needed)
     * @return the blocks over the remaining n − |removed| nodes
     * @throws IllegalArgumentException naming a node outside 0 … n − 1 (1-based)
     */
    public static int[][] removeNodes(int[][] blocks, int n, int[] removed) {
        Checks.checkNotNull(blocks, "the blocks");
        Checks.checkNotNull(removed, "the removed nodes");
        if (n < 0) {
            throw new IllegalArgumentException("the number of nodes must be at least 0, got " + n);
        }
        int[] newIndex = new int[n];
        for (int v : removed) {
            checkNode(v, n, "the removed nodes");
            newIndex[v] = -1;
        }
        int next = 0;
        for (int v = 0; v < n; v++) {
            newIndex[v] = newIndex[v] < 0 ? -1 : next++;
        }
        int[][] out = new int[blocks.length][];
        int kept = 0;
        for (int[] block : blocks) {
            Checks.checkNotNull(block, "a block");
            int[] nb = new int[block.length];
            int m = 0;
            for (int v : block) {
                checkNode(v, n, "a block");
                if (newIndex[v] >= 0) {
                    nb[m++] = newIndex[v];
                }
            }
            if (m > 0) {
                nb = Arrays.copyOf(nb, m);
                Arrays.sort(nb);
                out[kept++] = nb;
            }
        }
        return Arrays.copyOf(out, kept);
    }

    /**
     * Groups nodes by a label (e.g. a colouring): block k holds the nodes whose label is k, in increasing
     * order. Labels must lie in 0 … L − 1; labels that no node carries give no (empty) block.
     *
     * @param label Input: label[i] ≥ 0 for each node i
     * @return the non-empty blocks in increasing label order
     * @throws IllegalArgumentException naming the first node with a negative label (1-based)
     */
    public static int[][] blocksOf(int[] label) {
        Checks.checkNotNull(label, "the labels");
        int max = -1;
        for (int i = 0; i < label.length; i++) {
            if (label[i] < 0) {
                throw new IllegalArgumentException("node " + (i + 1) + " has the negative label " + label[i]
                        + "; labels must be 0 or more");
            }
            max = Math.max(max, label[i]);
        }
        int[] count = new int[max + 1];
        for (int l : label) {
            count[l]++;
        }
        int blocks = 0;
        for (int c : count) {
            blocks += c > 0 ? 1 : 0;
        }
        int[][] out = new int[blocks][];
        int[] slot = new int[max + 1];
        int k = 0;
        for (int l = 0; l <= max; l++) {
            if (count[l] > 0) {
                slot[l] = k;
                out[k++] = new int[count[l]];
            }
        }
        int[] fill = new int[blocks];
        for (int i = 0; i < label.length; i++) {
            int s = slot[label[i]];
            out[s][fill[s]++] = i;
        }
        return out;
    }

    // ------------------------------------------------------------------ general graphs

    /**
     * Red–black blocks of a general graph: its colour classes, each an independent set (A_bb diagonal). When
     * the graph is bipartite (a lattice, also with nodes removed) a breadth-first two-colouring of each
     * connected component gives exactly two classes; otherwise a first-fit greedy colouring in node order
     * gives as many as it needs.
     *
     * @param a Input: a square, structurally symmetric matrix
     * @return the colour classes, each in increasing node order
     * @throws IllegalArgumentException when A is not square
     */
    public static int[][] redBlack(CsrMatrix a) {
        int n = checkSquare(a);
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        int[] colour = new int[n];
        Arrays.fill(colour, -1);
        int[] queue = new int[n];
        boolean bipartite = true;
        for (int s = 0; s < n && bipartite; s++) {
            if (colour[s] >= 0) {
                continue;
            }
            colour[s] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            while (head < tail && bipartite) {
                int u = queue[head++];
                for (int p = rp[u]; p < rp[u + 1]; p++) {
                    int w = ci[p];
                    if (w == u || v[p] == 0.0) {
                        continue;
                    }
                    if (colour[w] < 0) {
                        colour[w] = 1 - colour[u];
                        queue[tail++] = w;
                    } else if (colour[w] == colour[u]) {
                        bipartite = false;
                        break;
                    }
                }
            }
        }
        if (!bipartite) {
            // first fit: the smallest colour no earlier neighbour has; seen[c] == u marks colours taken
            Arrays.fill(colour, -1);
            int[] seen = new int[n + 1];
            Arrays.fill(seen, -1);
            for (int u = 0; u < n; u++) {
                for (int p = rp[u]; p < rp[u + 1]; p++) {
                    int w = ci[p];
                    if (w != u && v[p] != 0.0 && colour[w] >= 0) {
                        seen[colour[w]] = u;
                    }
                }
                int c = 0;
                while (seen[c] == u) {
                    c++;
                }
                colour[u] = c;
            }
        }
        return blocksOf(colour);
    }

    /**
     * A partition of all nodes into forests by first fit in node order: each node joins the first forest it
     * keeps acyclic, or opens a new one — the paper's tree partition of a general graph (for a lattice
     * {@link #treePartition(int, int)} gives its two comb trees instead).
     *
     * @param a Input: a square, structurally symmetric matrix
     * @return the forests, each in increasing node order; together they hold every node once
     * @throws IllegalArgumentException when A is not square
     */
    public static int[][] treePartition(CsrMatrix a) {
        int n = checkSquare(a);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return firstFitForests(a, order, n);
    }

    /**
     * A partition of all nodes into forests by first fit in decreasing |priority| (ties by node index): the
     * paper's code orders the nodes by their Lipschitz constants this way. Same as
     * {@link #greedyForest(CsrMatrix, double[], int)} with no size limit.
     *
     * @param a        Input: a square, structurally symmetric matrix
     * @param priority Input: one finite score per node
     * @return the forests, each in increasing node order
     * @throws IllegalArgumentException when A is not square or a score is missing or not finite
     */
    public static int[][] treePartition(CsrMatrix a, double[] priority) {
        return greedyForest(a, priority, Math.max(1, checkSquare(a)));
    }

    /**
     * Forests grown greedily in decreasing |priority| (e.g. |∇_i f|, the Gauss–Southwell score; ties by node
     * index), at most {@code maxBlockSize} nodes each: the first forest takes every node, highest score
     * first, that keeps it acyclic while it has room — the paper's greedy forest-structured block; each later
     * forest does the same on the nodes left. The forests partition all nodes.
     *
     * <p>Cost O(nnz · F) in the worst case for F forests, usually near O(nnz + n log n).
     *
     * @param a            Input: a square, structurally symmetric matrix
     * @param priority     Input: one finite score per node
     * @param maxBlockSize the most nodes in one forest, at least 1
     * @return the forests in the order they were opened (the first is the greedy block), each in increasing
     *         node order
     * @throws IllegalArgumentException when A is not square, a score is missing or not finite, or
     *                                  maxBlockSize &lt; 1
     */
    public static int[][] greedyForest(CsrMatrix a, double[] priority, int maxBlockSize) {
        int n = checkSquare(a);
        checkPriority(priority, n);
        checkMaxBlockSize(maxBlockSize);
        int[] order = new int[n];
        sortByPriority(priority, order);
        return firstFitForests(a, order, maxBlockSize);
    }

    /**
     * The first forest of {@link #greedyForest(CsrMatrix, double[], int)} alone, into the caller's array
     * and with the caller's workspace, for a greedy rule that picks a new block at every iteration: nodes in
     * decreasing |priority| (ties by node index) join the block when they keep it acyclic, until it holds
     * {@code maxBlockSize} nodes or every node was considered. Acyclicity is kept with a union-find over the
     * block's nodes: a node may join when its neighbours already in the block lie in distinct trees.
     * Allocation-free; O(n log n + nnz of the rows considered).
     *
     * @param a            Input: a square, structurally symmetric matrix
     * @param priority     Input: one finite score per node
     * @param maxBlockSize the most nodes in the block, at least 1
     * @param block        Output: the block's nodes in the order they were added, in
     *                     {@code block[0 .. returned)}; length at least min(n, maxBlockSize)
     * @param ws           workspace for A's size
     * @return the number of nodes in the block
     * @throws IllegalArgumentException on a wrong size, a score that is not finite or maxBlockSize &lt; 1
     */
    public static int greedyForest(CsrMatrix a, double[] priority, int maxBlockSize, int[] block,
            ForestWorkspace ws) {
        int n = checkSquare(a);
        checkPriority(priority, n);
        checkMaxBlockSize(maxBlockSize);
        Checks.checkNotNull(ws, "the workspace");
        Checks.checkNotNull(block, "the block array");
        if (ws.n != n) {
            throw new IllegalArgumentException("the workspace is for " + ws.n + " nodes but A has " + n);
        }
        int cap = Math.min(n, maxBlockSize);
        if (block.length < cap) {
            throw new IllegalArgumentException("the block array has length " + block.length
                    + " but the block may hold " + cap + " nodes");
        }
        int[] order = ws.order;
        sortByPriority(priority, order);
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        int[] uf = ws.uf;
        int[] member = ws.member;
        int[] seen = ws.seen;
        int[] roots = ws.roots;
        int stamp = ws.nextStamp();
        int size = 0;
        for (int k = 0; k < n && size < cap; k++) {
            int u = order[k];
            int mark = ws.nextMark();
            int nr = 0;
            boolean ok = true;
            for (int p = rp[u]; p < rp[u + 1]; p++) {
                int w = ci[p];
                if (w == u || v[p] == 0.0 || member[w] != stamp) {
                    continue;
                }
                int r = find(uf, w);
                if (seen[r] == mark) {
                    ok = false; // two neighbours in one tree: u would close a cycle
                    break;
                }
                seen[r] = mark;
                roots[nr++] = r;
            }
            if (!ok) {
                continue;
            }
            member[u] = stamp;
            uf[u] = u;
            for (int t = 0; t < nr; t++) {
                uf[roots[t]] = u;
            }
            block[size++] = u;
        }
        return size;
    }

    /**
     * Whether the subgraph of A induced by a block is a forest (has no cycle), by a union-find over the
     * block's edges, each read once from the entry above the diagonal.
     *
     * @param a     Input: a square, structurally symmetric matrix
     * @param block Input: distinct nodes of A
     * @return true when the induced subgraph is acyclic
     * @throws IllegalArgumentException when A is not square, or a node is out of range or repeated (1-based)
     */
    public static boolean isForest(CsrMatrix a, int[] block) {
        int n = checkSquare(a);
        int[] pos = positions(block, n);
        int m = block.length;
        int[] uf = new int[m];
        for (int p = 0; p < m; p++) {
            uf[p] = p;
        }
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        for (int p = 0; p < m; p++) {
            int u = block[p];
            for (int e = rp[u]; e < rp[u + 1]; e++) {
                int w = ci[e];
                if (w <= u || v[e] == 0.0 || pos[w] < 0) {
                    continue;
                }
                int r1 = find(uf, p);
                int r2 = find(uf, pos[w]);
                if (r1 == r2) {
                    return false;
                }
                uf[r1] = r2;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ internals

    /** First-fit cover by forests of at most {@code cap} nodes, nodes taken in {@code order}. */
    private static int[][] firstFitForests(CsrMatrix a, int[] order, int cap) {
        int n = a.rows();
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        int[] forestOf = new int[n];
        Arrays.fill(forestOf, -1);
        int[] uf = new int[n];
        int[] seen = new int[n];
        Arrays.fill(seen, -1);
        int[] rootMark = new int[n];
        int[] size = new int[Math.max(1, n)];
        // open forests (room left) in increasing index, as a doubly linked list; head = first open
        int[] next = new int[n + 1];
        int[] prev = new int[n + 1];
        int sentinel = n; // list node n is the sentinel
        next[sentinel] = sentinel;
        prev[sentinel] = sentinel;
        int forests = 0;
        int visit = 0;
        for (int k = 0; k < n; k++) {
            int u = order[k];
            int chosen = -1;
            for (int f = next[sentinel]; f != sentinel; f = next[f]) {
                visit++;
                boolean ok = true;
                for (int p = rp[u]; p < rp[u + 1]; p++) {
                    int w = ci[p];
                    if (w == u || v[p] == 0.0 || forestOf[w] != f) {
                        continue;
                    }
                    int r = find(uf, w);
                    if (seen[r] == visit) {
                        ok = false;
                        break;
                    }
                    seen[r] = visit;
                }
                if (ok) {
                    chosen = f;
                    break;
                }
            }
            if (chosen < 0) {
                chosen = forests++;
                // append at the end of the open list (largest index so far)
                int last = prev[sentinel];
                next[last] = chosen;
                prev[chosen] = last;
                next[chosen] = sentinel;
                prev[sentinel] = chosen;
            }
            // join: link the roots of u's neighbours in the chosen forest under u
            uf[u] = u;
            forestOf[u] = chosen;
            visit++;
            for (int p = rp[u]; p < rp[u + 1]; p++) {
                int w = ci[p];
                if (w == u || v[p] == 0.0 || forestOf[w] != chosen) {
                    continue;
                }
                int r = find(uf, w);
                if (r != u && rootMark[r] != visit) {
                    rootMark[r] = visit;
                    uf[r] = u;
                }
            }
            if (++size[chosen] >= cap) {
                next[prev[chosen]] = next[chosen];
                prev[next[chosen]] = prev[chosen];
            }
        }
        return blocksOf(forestOf);
    }

    /** Root of x with path halving. */
    static int find(int[] uf, int x) {
        while (uf[x] != x) {
            uf[x] = uf[uf[x]];
            x = uf[x];
        }
        return x;
    }

    /**
     * Fills {@code order} with 0 … n − 1 sorted by decreasing |priority|, ties by increasing index: an
     * in-place heap sort, so that nothing is allocated.
     */
    static void sortByPriority(double[] priority, int[] order) {
        int n = priority.length;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(priority, order, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            int t = order[0];
            order[0] = order[end];
            order[end] = t;
            siftDown(priority, order, 0, end);
        }
    }

    /** Max-heap on "comes later": the root is the node that sorts last. */
    private static void siftDown(double[] priority, int[] order, int i, int n) {
        int x = order[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= n) {
                break;
            }
            if (c + 1 < n && later(priority, order[c + 1], order[c])) {
                c++;
            }
            if (!later(priority, order[c], x)) {
                break;
            }
            order[i] = order[c];
            i = c;
        }
        order[i] = x;
    }

    /** Whether node a sorts after node b (smaller |priority|, or equal and larger index). */
    private static boolean later(double[] priority, int a, int b) {
        double pa = Math.abs(priority[a]);
        double pb = Math.abs(priority[b]);
        return pa < pb || (pa == pb && a > b);
    }

    static int checkSquare(CsrMatrix a) {
        Checks.checkMatrix(a, "A");
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("A must be square to define a graph on its rows, but it is "
                    + Checks.shape(a.rows(), a.cols()));
        }
        return a.rows();
    }

    private static void checkPriority(double[] priority, int n) {
        Checks.checkNotNull(priority, "the priority vector");
        if (priority.length != n) {
            throw new IllegalArgumentException("the priority vector has length " + priority.length
                    + " but A has " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(priority[i])) {
                throw new IllegalArgumentException("priority(" + (i + 1) + ") = " + priority[i]
                        + "; every priority must be finite");
            }
        }
    }

    private static void checkMaxBlockSize(int maxBlockSize) {
        if (maxBlockSize < 1) {
            throw new IllegalArgumentException("the largest block size must be at least 1, got " + maxBlockSize);
        }
    }

    private static void checkNode(int v, int n, String where) {
        if (v < 0 || v >= n) {
            throw new IllegalArgumentException(where + " names node " + (v + 1) + ", outside 1 … " + n);
        }
    }

    /** pos[node] = its position in the block, −1 for nodes outside; checks range and repeats. */
    static int[] positions(int[] block, int n) {
        Checks.checkNotNull(block, "the block");
        int[] pos = new int[n];
        Arrays.fill(pos, -1);
        for (int p = 0; p < block.length; p++) {
            int v = block[p];
            checkNode(v, n, "the block");
            if (pos[v] >= 0) {
                throw new IllegalArgumentException("the block names node " + (v + 1) + " twice (at positions "
                        + (pos[v] + 1) + " and " + (p + 1) + ")");
            }
            pos[v] = p;
        }
        return pos;
    }

    private static int latticeSize(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a lattice needs at least 1 row and 1 column, got "
                    + Checks.shape(rows, cols));
        }
        long n = (long) rows * cols;
        if (n > Checks.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("a " + Checks.shape(rows, cols) + " lattice has " + n
                    + " nodes, more than an array holds");
        }
        return (int) n;
    }
}
