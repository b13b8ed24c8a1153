package org.sparrow.solvers.bcd.forest;

/**
 * Scratch arrays for growing forest blocks on a graph of {@code n} nodes
 * ({@link ForestBlocks#greedyForest(org.sparrow.core.CsrMatrix, double[], int, int[], ForestWorkspace)}), so
 * that a block chosen afresh at every iteration of a greedy method allocates nothing. One workspace serves
 * one thread at a time; it holds no results between calls.
 */
public final class ForestWorkspace {

    final int n;
    /** Nodes in decreasing |priority|. */
    final int[] order;
    /** Union-find parent of each node (valid for nodes whose {@link #member} stamp is current). */
    final int[] uf;
    /** {@code member[v] == stamp} when v is in the block being grown. */
    final int[] member;
    /** {@code seen[root] == mark} while the neighbours of one candidate are examined. */
    final int[] seen;
    /** The roots met while examining one candidate. */
    final int[] roots;
    int stamp;
    int mark;

    /**
     * A workspace for graphs of {@code n} nodes.
     *
     * @param n the number of nodes (rows of A), at least 0
     * @throws IllegalArgumentException when n is negative
     */
    public ForestWorkspace(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of nodes must be at least 0, got " + n);
        }
        this.n = n;
        this.order = new int[n];
        this.uf = new int[n];
        this.member = new int[n];
        this.seen = new int[n];
        this.roots = new int[n];
    }

    /** {@return the number of nodes this workspace was sized for} */
    public int nodes() {
        return n;
    }

    /** A fresh membership stamp (clears the arrays on the rare wrap-around). */
    int nextStamp() {
        if (++stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(member, 0);
            stamp = 1;
        }
        return stamp;
    }

    /** A fresh neighbour-root mark. */
    int nextMark() {
        if (++mark == Integer.MAX_VALUE) {
            java.util.Arrays.fill(seen, 0);
            mark = 1;
        }
        return mark;
    }
}
