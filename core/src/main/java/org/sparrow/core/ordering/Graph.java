package org.sparrow.core.ordering;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Checks;

/**
 * An undirected graph on {@code n} vertices in adjacency (CSR) form: the neighbours of {@code v} are
 * {@code adj[ptr[v] .. ptr[v+1])}, each once, never {@code v} itself. The orderings work on it.
 */
final class Graph {

    final int n;
    final int[] ptr;
    final int[] adj;

    private Graph(int n, int[] ptr, int[] adj) {
        this.n = n;
        this.ptr = ptr;
        this.adj = adj;
    }

    int degree(int v) {
        return ptr[v + 1] - ptr[v];
    }

    /** The graph of a square A's symmetrized pattern {@code A + Aᵀ} (diagonal dropped). O(nnz). */
    static Graph ofSymmetrized(CsrMatrix a) {
        checkSquare(a);
        CsrMatrix s = a.sorted();
        CsrMatrix t = s.transpose();
        int n = s.rows();
        int[] ptr = new int[n + 1];
        for (int v = 0; v < n; v++) {
            ptr[v + 1] = ptr[v] + mergeRows(s, t, v, null, 0);
        }
        int[] adj = new int[ptr[n]];
        for (int v = 0; v < n; v++) {
            mergeRows(s, t, v, adj, ptr[v]);
        }
        return new Graph(n, ptr, adj);
    }

    /**
     * The column intersection graph of an {@code m × n} A: the pattern of {@code AᵀA} (diagonal
     * dropped), columns j and k adjacent when some row holds both. Rows with more than
     * {@code denseRow} entries are left out (they would make the graph nearly complete and tell an
     * ordering nothing; COLAMD does the same). O(Σ row length²) over the rows kept.
     */
    static Graph ofColumns(CsrMatrix a, int denseRow) {
        if (a == null) {
            throw new IllegalArgumentException("A is null");
        }
        CsrMatrix s = a.sorted();
        CsrMatrix t = s.transpose(); // row j of Aᵀ: the rows of A that hold column j
        int n = s.cols();
        int[] ap = s.rowPointers();
        int[] aj = s.columnIndices();
        int[] tp = t.rowPointers();
        int[] ti = t.columnIndices();
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        int[] ptr = new int[n + 1];
        int[] adj = null;
        for (int pass = 0; pass < 2; pass++) {
            java.util.Arrays.fill(mark, -1);
            for (int j = 0; j < n; j++) {
                mark[j] = j;
                int q = pass == 0 ? 0 : ptr[j];
                for (int p = tp[j]; p < tp[j + 1]; p++) {
                    int i = ti[p];
                    if (ap[i + 1] - ap[i] > denseRow) {
                        continue;
                    }
                    for (int r = ap[i]; r < ap[i + 1]; r++) {
                        int k = aj[r];
                        if (mark[k] != j) { // k ∈ adj(j): A(i, j) ≠ 0 and A(i, k) ≠ 0
                            mark[k] = j;
                            if (pass == 1) {
                                adj[q] = k;
                            }
                            q++;
                        }
                    }
                }
                if (pass == 0) {
                    ptr[j + 1] = ptr[j] + q;
                }
            }
            if (pass == 0) {
                adj = new int[ptr[n]];
            }
        }
        return new Graph(n, ptr, adj);
    }

    /** Writes (or, with {@code out == null}, counts) the union of row v of s and of t, v dropped. */
    private static int mergeRows(CsrMatrix s, CsrMatrix t, int v, int[] out, int at) {
        int[] sp = s.rowPointers();
        int[] sj = s.columnIndices();
        int[] tp = t.rowPointers();
        int[] tj = t.columnIndices();
        int p = sp[v];
        int pe = sp[v + 1];
        int q = tp[v];
        int qe = tp[v + 1];
        int count = 0;
        while (p < pe || q < qe) {
            int js = p < pe ? sj[p] : Integer.MAX_VALUE;
            int jt = q < qe ? tj[q] : Integer.MAX_VALUE;
            int j = Math.min(js, jt);
            if (js == j) {
                p++;
            }
            if (jt == j) {
                q++;
            }
            if (j != v) { // adj(v) = pattern of row v of A + Aᵀ, no self loop
                if (out != null) {
                    out[at + count] = j;
                }
                count++;
            }
        }
        return count;
    }

    static void checkSquare(CsrMatrix a) {
        Checks.checkNotNull(a, "A");
        Checks.checkSquare(a.rows(), a.cols(), "a symmetric ordering", "order the columns through the graph of AᵀA instead");
    }

    /** The dense-row threshold used for {@link #ofColumns}: {@code max(16, 10·√n)}, as COLAMD's default. */
    static int denseRowThreshold(int n) {
        return Math.max(16, (int) (10 * Math.sqrt(n)));
    }
}
