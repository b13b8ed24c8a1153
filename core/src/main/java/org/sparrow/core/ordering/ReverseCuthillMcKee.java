package org.sparrow.core.ordering;

import org.sparrow.core.CsrMatrix;

/**
 * Reverse Cuthill–McKee ordering: a breadth-first numbering that visits each vertex's unnumbered
 * neighbours in increasing degree (Cuthill and McKee, "Reducing the bandwidth of sparse symmetric
 * matrices", ACM '69, 1969), reversed, which keeps the bandwidth and never increases the profile
 * (envelope) of the Cuthill–McKee ordering (Liu and Sherman, SIAM J. Numer. Anal. 13(2), 1976).
 * Each connected component starts at a pseudo-peripheral vertex found by the rooted-level-structure
 * iteration of George and Liu (ACM TOMS 5(3), 1979; "Computer Solution of Large Sparse Positive
 * Definite Systems", 1981, §4.3.2 FNROOT): from a root, take a vertex of minimum degree in the last
 * level; if its level structure is deeper, it becomes the root; repeat until the depth stops growing.
 *
 * <p>The Cholesky factor of an RCM-ordered matrix fits in its envelope, so the fill is bounded by
 * the profile: a good order for banded and mesh-like problems, weaker than minimum degree on
 * large 2-D/3-D meshes ({@link ApproximateMinimumDegree}). O(nnz·(levels tried)) time, O(n) space.
 */
public final class ReverseCuthillMcKee {

    private ReverseCuthillMcKee() {
    }

    /**
     * The RCM ordering of the graph of {@code A + Aᵀ} (the diagonal and values are ignored).
     *
     * @param a Input: a square CSR matrix (sorted or not)
     * @return {@code perm}, {@code perm[new] = old}: use {@code Permute.of(a, perm, perm)}
     * @throws IllegalArgumentException if {@code a} is null or not square
     */
    public static int[] order(CsrMatrix a) {
        return orderGraph(Graph.ofSymmetrized(a));
    }

    /** The RCM ordering of a graph. */
    static int[] orderGraph(Graph g) {
        int n = g.n;
        int[] perm = new int[n];
        boolean[] numbered = new boolean[n];
        int[] stamp = new int[n];          // level-structure marks for the root search
        int[] queue = new int[n];          // breadth-first queue of the root search
        int[] stampCounter = {0};
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (numbered[s]) {
                continue;
            }
            int root = pseudoPeripheral(g, s, stamp, queue, stampCounter);
            // Cuthill–McKee: breadth-first from root, neighbours by increasing degree
            int head = count;
            perm[count++] = root;
            numbered[root] = true;
            while (head < count) {
                int v = perm[head++];
                int first = count;
                for (int p = g.ptr[v]; p < g.ptr[v + 1]; p++) {
                    int u = g.adj[p];
                    if (!numbered[u]) {
                        numbered[u] = true;
                        perm[count++] = u;
                    }
                }
                sortByDegree(g, perm, first, count);
            }
        }
        for (int i = 0, j = n - 1; i < j; i++, j--) { // reverse
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /**
     * A pseudo-peripheral vertex of the component of {@code start} (George–Liu FNROOT): the root of a
     * rooted level structure of (locally) maximal depth.
     */
    private static int pseudoPeripheral(Graph g, int start, int[] stamp, int[] queue, int[] stampCounter) {
        int root = start;
        int[] last = new int[2]; // [first, end) of the last level in queue
        int depth = levels(g, root, stamp, queue, stampCounter, last);
        while (true) {
            int best = -1; // a vertex of minimum degree in the last level
            for (int k = last[0]; k < last[1]; k++) {
                int v = queue[k];
                if (best < 0 || g.degree(v) < g.degree(best)) {
                    best = v;
                }
            }
            if (best == root) { // a single vertex: nothing deeper to find
                return root;
            }
            int bestDepth = levels(g, best, stamp, queue, stampCounter, last);
            if (bestDepth <= depth) {
                return root;
            }
            root = best;
            depth = bestDepth;
        }
    }

    /**
     * The rooted level structure of {@code root}: breadth-first into {@code queue}; returns the number
     * of levels and sets {@code last} to the queue range of the deepest level.
     */
    private static int levels(Graph g, int root, int[] stamp, int[] queue, int[] stampCounter, int[] last) {
        int mark = ++stampCounter[0];
        queue[0] = root;
        stamp[root] = mark;
        int levelStart = 0;
        int end = 1;
        int depth = 0;
        while (true) {
            depth++;
            int levelEnd = end;
            for (int k = levelStart; k < levelEnd; k++) {
                int v = queue[k];
                for (int p = g.ptr[v]; p < g.ptr[v + 1]; p++) {
                    int u = g.adj[p];
                    if (stamp[u] != mark) {
                        stamp[u] = mark;
                        queue[end++] = u;
                    }
                }
            }
            if (end == levelEnd) {
                last[0] = levelStart;
                last[1] = levelEnd;
                return depth;
            }
            levelStart = levelEnd;
        }
    }

    private static void sortByDegree(Graph g, int[] a, int from, int to) {
        if (to - from > 32) { // long lists: sort (degree, index) keys
            long[] keys = new long[to - from];
            for (int i = from; i < to; i++) {
                keys[i - from] = ((long) g.degree(a[i]) << 32) | a[i];
            }
            java.util.Arrays.sort(keys);
            for (int i = from; i < to; i++) {
                a[i] = (int) keys[i - from];
            }
            return;
        }
        for (int i = from + 1; i < to; i++) { // insertion sort by (degree, index): neighbour lists are short
            int v = a[i];
            int dv = g.degree(v);
            int j = i - 1;
            while (j >= from && (g.degree(a[j]) > dv || (g.degree(a[j]) == dv && a[j] > v))) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
