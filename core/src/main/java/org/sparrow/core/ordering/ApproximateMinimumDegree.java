package org.sparrow.core.ordering;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;

/**
 * Approximate minimum degree ordering (Amestoy, Davis and Duff, "An approximate minimum degree
 * ordering algorithm", SIAM J. Matrix Anal. Appl. 17(4):886–905, 1996), implemented from the paper.
 *
 * <p>Symbolic Gaussian elimination runs on the <em>quotient graph</em>: an eliminated pivot p becomes
 * an <em>element</em> whose variable list {@code L_p} stands for the clique the elimination creates, so
 * the graph never grows. Each step picks a (super)variable of least approximate external degree,
 * forms {@code L_p = (A_p ∪ ⋃_{e ∈ E_p} L_e) \ {p}} and absorbs the elements {@code E_p}; then for
 * every {@code i ∈ L_p} it updates the paper's approximate external degree
 * <pre>
 *   d̄_i = min( n_left − |i|,  d̄_i(old) + |L_p \ i|,  |A_i \ i| + |L_p \ i| + Σ_{e ∈ E_i \ p} |L_e \ L_p| )
 * </pre>
 * where the sizes {@code |L_e \ L_p|} come from one scan of the elements adjacent to {@code L_p}, as
 * the paper computes them. Also from the paper: <em>aggressive element absorption</em> (an element with
 * {@code L_e ⊆ L_p} is absorbed into p), <em>mass elimination</em> (a variable of {@code L_p} left
 * with no other neighbour is eliminated together with p), and <em>supervariables</em> (variables of
 * {@code L_p} with identical adjacency, found by hashing their element and variable lists, are merged
 * and carried with their weight). Vertices of degree above {@code max(16, 10·√n)} are "dense": they
 * are left out of the elimination and ordered last (the treatment and default threshold of the AMD
 * package, Amestoy, Davis and Duff, ACM TOMS 30(3):381–388, 2004).
 *
 * <p>Ties go to the vertex most recently put in its degree bucket. O(nnz) space; time typically
 * O(nnz·small), in any case far below the factorization it prepares.
 */
public final class ApproximateMinimumDegree {

    private static final int VARIABLE = 0;
    private static final int ELEMENT = 1;
    private static final int GONE = 2;   // absorbed element, merged variable or mass-eliminated variable
    private static final int DENSE = 3;

    private ApproximateMinimumDegree() {
    }

    /**
     * The AMD ordering of the graph of {@code A + Aᵀ} (the diagonal and values are ignored).
     *
     * @param a Input: a square CSR matrix (sorted or not)
     * @return {@code perm}, {@code perm[new] = old}: use {@code Permute.of(a, perm, perm)}
     * @throws IllegalArgumentException if {@code a} is null or not square
     */
    public static int[] order(CsrMatrix a) {
        return orderGraph(Graph.ofSymmetrized(a));
    }

    /** The AMD ordering of a graph. */
    static int[] orderGraph(Graph g) {
        return new Elimination(g).run();
    }

    /** The state of one run: quotient graph, degree buckets, supervariables. */
    private static final class Elimination {
        final int n;
        /** For a variable: its elements E_i first ({@code ne[i]} of them), then its variables A_i ({@code nvar[i]}). For an element: L_e ({@code nvar[e]}). */
        final int[][] list;
        final int[] ne;
        final int[] nvar;
        final int[] status;
        final int[] weight;        // supervariable size |i|; 0 once merged or eliminated
        final int[] degree;        // approximate external degree of a variable
        final int[] elementSize;   // |L_e| counted with weights
        final int[] head;          // degree buckets: head[d], next/prev
        final int[] next;
        final int[] prev;
        final int[] memberNext;    // members of a supervariable: a chain from its principal variable
        final int[] memberLast;
        final int[] w;             // |L_e \ L_p| during one step, valid where wStep[e] == step
        final int[] wStep;
        final int[] inLp;          // inLp[i] == step: i ∈ L_p
        final int[] mark;          // list comparison marks
        final int[] lp;            // L_p being built
        final long[] extDegree;    // |A_i \ L_p| + Σ |L_e \ L_p| per variable of L_p
        final int[] hashOf;
        final int[] hashHead;
        final int[] hashNext;
        final int[] scratch;
        final int[] perm;
        int ordered;
        int step;
        int markCounter;
        int minDegree;
        long left;                 // weight of the variables not yet eliminated

        Elimination(Graph g) {
            n = g.n;
            list = new int[n][];
            ne = new int[n];
            nvar = new int[n];
            status = new int[n];
            weight = new int[n];
            degree = new int[n];
            elementSize = new int[n];
            head = new int[n + 1];
            next = new int[n];
            prev = new int[n];
            memberNext = new int[n];
            memberLast = new int[n];
            w = new int[n];
            wStep = new int[n];
            inLp = new int[n];
            mark = new int[n];
            lp = new int[n];
            extDegree = new long[n];
            hashOf = new int[n];
            hashHead = new int[n];
            hashNext = new int[n];
            scratch = new int[n];
            perm = new int[n];
            Arrays.fill(head, -1);
            Arrays.fill(prev, -1);
            Arrays.fill(next, -1);
            Arrays.fill(hashHead, -1);
            Arrays.fill(memberNext, -1);
            int dense = Graph.denseRowThreshold(n);
            for (int i = 0; i < n; i++) {
                status[i] = g.degree(i) > dense && g.degree(i) > 0 ? DENSE : VARIABLE;
                memberLast[i] = i;
            }
            for (int i = 0; i < n; i++) {
                if (status[i] == DENSE) {
                    continue;
                }
                int[] l = new int[g.degree(i) + 1];
                int c = 0;
                for (int p = g.ptr[i]; p < g.ptr[i + 1]; p++) {
                    int j = g.adj[p];
                    if (status[j] != DENSE) { // A_i: the neighbours that take part
                        l[c++] = j;
                    }
                }
                list[i] = l;
                nvar[i] = c;
                weight[i] = 1;
                degree[i] = c;
                left++;
                insert(i, c);
            }
            minDegree = 0;
        }

        int[] run() {
            while (left > 0) {
                while (head[minDegree] < 0) {
                    minDegree++;
                }
                int p = head[minDegree];
                remove(p);
                eliminate(p);
            }
            for (int i = 0; i < n; i++) { // dense vertices last
                if (status[i] == DENSE) {
                    perm[ordered++] = i;
                }
            }
            return perm;
        }

        /** One elimination step: eliminate supervariable p and update its neighbourhood. */
        void eliminate(int p) {
            step++;
            // --- L_p = (A_p ∪ ⋃ L_e over e ∈ E_p) \ p; absorb E_p
            int lpLen = 0;
            long lpWeight = 0;
            inLp[p] = step;
            int[] lpList = list[p];
            for (int q = 0; q < ne[p] + nvar[p]; q++) {
                int x = lpList[q];
                if (q < ne[p]) {
                    if (status[x] != ELEMENT) {
                        continue;
                    }
                    int[] le = list[x];
                    for (int r = 0; r < nvar[x]; r++) {
                        int v = le[r];
                        if (status[v] == VARIABLE && weight[v] > 0 && inLp[v] != step) {
                            inLp[v] = step;
                            lp[lpLen++] = v;
                            lpWeight += weight[v];
                        }
                    }
                    absorb(x);
                } else if (status[x] == VARIABLE && weight[x] > 0 && inLp[x] != step) {
                    inLp[x] = step;
                    lp[lpLen++] = x;
                    lpWeight += weight[x];
                }
            }
            status[p] = ELEMENT;
            left -= weight[p];
            emit(p);
            for (int k = 0; k < lpLen; k++) {
                remove(lp[k]);
            }
            // --- w(e) = |L_e \ L_p| for every element adjacent to L_p (the first scan)
            for (int k = 0; k < lpLen; k++) {
                int i = lp[k];
                int[] li = list[i];
                for (int q = 0; q < ne[i]; q++) {
                    int e = li[q];
                    if (status[e] != ELEMENT) {
                        continue;
                    }
                    if (wStep[e] != step) {
                        wStep[e] = step;
                        w[e] = elementSize[e];
                    }
                    w[e] -= weight[i];
                }
            }
            // --- prune E_i and A_i, add p to E_i, bound the external degree; mass elimination
            for (int k = 0; k < lpLen; k++) {
                int i = lp[k];
                int[] li = list[i];
                long ext = 0;
                long hash = 0;
                int ce = 0;
                for (int q = 0; q < ne[i]; q++) {
                    int e = li[q];
                    if (status[e] != ELEMENT) {
                        continue;
                    }
                    if (w[e] == 0) { // aggressive absorption: L_e ⊆ L_p
                        absorb(e);
                        continue;
                    }
                    ext += w[e];
                    hash += e;
                    li[ce++] = e;
                }
                int cv = 0;
                for (int q = ne[i]; q < ne[i] + nvar[i]; q++) {
                    int u = li[q];
                    if (status[u] != VARIABLE || weight[u] == 0 || inLp[u] == step) {
                        continue; // eliminated, merged, or now reached through element p
                    }
                    ext += weight[u];
                    hash += u;
                    scratch[cv++] = u;
                }
                if (ce + 1 + cv > li.length) {
                    li = Arrays.copyOf(li, Math.max(ce + 1 + cv, 2 * li.length));
                    list[i] = li;
                }
                li[ce] = p;
                System.arraycopy(scratch, 0, li, ce + 1, cv);
                ne[i] = ce + 1;
                nvar[i] = cv;
                if (ext == 0) { // mass elimination: i has no neighbour outside L_p
                    status[i] = GONE;
                    left -= weight[i];
                    lpWeight -= weight[i];
                    weight[p] += weight[i];
                    weight[i] = 0;
                    emit(i);
                    list[i] = null;
                    continue;
                }
                extDegree[i] = ext;
                hashOf[i] = (int) Math.floorMod(hash + p, (long) n);
            }
            // --- supervariables: merge variables of L_p with identical element and variable lists
            for (int k = 0; k < lpLen; k++) {
                int i = lp[k];
                if (weight[i] > 0) {
                    hashNext[i] = hashHead[hashOf[i]];
                    hashHead[hashOf[i]] = i;
                }
            }
            for (int k = 0; k < lpLen; k++) {
                int i = lp[k];
                if (weight[i] == 0 || hashHead[hashOf[i]] < 0) {
                    continue;
                }
                int bucket = hashOf[i];
                for (int a = hashHead[bucket]; a >= 0; a = hashNext[a]) {
                    if (weight[a] == 0) {
                        continue;
                    }
                    int m = ++markCounter;
                    int[] la = list[a];
                    int lenA = ne[a] + nvar[a];
                    for (int q = 0; q < lenA; q++) {
                        mark[la[q]] = m;
                    }
                    for (int b = hashNext[a]; b >= 0; b = hashNext[b]) {
                        if (weight[b] == 0 || ne[b] != ne[a] || nvar[b] != nvar[a]) {
                            continue;
                        }
                        int[] lb = list[b];
                        boolean same = true;
                        for (int q = 0; q < lenA && same; q++) {
                            same = mark[lb[q]] == m;
                        }
                        if (same) { // b is indistinguishable from a: merge b into a
                            weight[a] += weight[b];
                            weight[b] = 0;
                            status[b] = GONE;
                            list[b] = null;
                            memberNext[memberLast[a]] = b;
                            memberLast[a] = memberLast[b];
                        }
                    }
                }
                hashHead[bucket] = -1; // this bucket is done
            }
            // --- final degrees (the three-way minimum), back into the buckets; the rest of L_p becomes L_p's list
            int kept = 0;
            for (int k = 0; k < lpLen; k++) {
                int i = lp[k];
                hashHead[hashOf[i]] = -1;
                if (weight[i] == 0) {
                    continue;
                }
                long others = lpWeight - weight[i]; // |L_p \ i|
                long d = Math.min((long) degree[i] + others, extDegree[i] + others);
                d = Math.min(d, left - weight[i]);
                int di = (int) Math.max(d, 0);
                degree[i] = di;
                insert(i, di);
                if (di < minDegree) {
                    minDegree = di;
                }
                lp[kept++] = i;
            }
            list[p] = Arrays.copyOf(lp, kept);
            ne[p] = 0;
            nvar[p] = kept;
            elementSize[p] = (int) lpWeight;
        }

        void absorb(int e) {
            status[e] = GONE;
            list[e] = null;
        }

        /** Appends the members of supervariable v to the ordering. */
        void emit(int v) {
            for (int u = v; u >= 0; u = memberNext[u]) {
                perm[ordered++] = u;
            }
        }

        void insert(int i, int d) {
            prev[i] = -1;
            next[i] = head[d];
            if (head[d] >= 0) {
                prev[head[d]] = i;
            }
            head[d] = i;
            degree[i] = d;
        }

        void remove(int i) {
            int d = degree[i];
            if (prev[i] >= 0) {
                next[prev[i]] = next[i];
            } else if (head[d] == i) {
                head[d] = next[i];
            } else {
                return; // not in a bucket
            }
            if (next[i] >= 0) {
                prev[next[i]] = prev[i];
            }
            prev[i] = -1;
            next[i] = -1;
        }
    }
}
