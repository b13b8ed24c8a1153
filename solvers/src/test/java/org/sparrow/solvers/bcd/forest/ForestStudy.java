package org.sparrow.solvers.bcd.forest;

import java.util.Arrays;
import java.util.Locale;
import org.sparrow.core.CsrMatrix;

/**
 * A study, not a test (run by hand; prints iteration counts, which are not committed as results): on the
 * paper's dataset D, how many block updates reach f − f* ≤ 1e-9·|f*| with message-passing tree blocks
 * (greedy forest by |∇_i f|, red–black, the lattice's comb trees, the greedy graph partition) against fixed
 * blocks of 5 (order / sort / average partitions; cyclic and Gauss–Southwell selection; exact block
 * updates, the strongest a fixed block allows).
 *
 * <p>Run: {@code java -cp <test classpath> -Dsparrow.data.dir=../shared/data/matrices
 * org.sparrow.solvers.bcd.forest.ForestStudy [maxIterations]}.
 */
public final class ForestStudy {

    private static final double F_STAR = -1045999575.2270696;

    private ForestStudy() {
    }

    /** Dataset D's problem state: x, the gradient g = Ax − b, kept up to date incrementally. */
    private static final class State {
        final CsrMatrix a;
        final double[] b;
        final double[] x;
        final double[] g;

        State(CsrMatrix a, double[] b) {
            this.a = a;
            this.b = b;
            this.x = new double[a.rows()];
            this.g = new double[a.rows()];
            for (int i = 0; i < g.length; i++) {
                g[i] = -b[i];
            }
        }

        /** f = ½xᵀAx − bᵀx = ½xᵀ(g + b) − bᵀx. */
        double f() {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += 0.5 * x[i] * (g[i] + b[i]) - b[i] * x[i];
            }
            return s;
        }

        /** x_b += d, g += A[:, b]·d (A symmetric: row j of A is column j). */
        void apply(int[] block, int m, double[] d) {
            int[] rp = a.rowPointers();
            int[] ci = a.columnIndices();
            double[] v = a.values();
            for (int k = 0; k < m; k++) {
                int j = block[k];
                double dj = d[k];
                x[j] += dj;
                for (int p = rp[j]; p < rp[j + 1]; p++) {
                    g[ci[p]] += v[p] * dj;
                }
            }
        }
    }

    interface Rule {
        /** One iteration: choose a block and update it exactly. */
        void step(State s, int iteration);
    }

    /** Cycles through, or greedily (largest ‖∇_b f‖₂) picks among, fixed blocks; exact update by TreeSolver
     *  when the block is a forest, else by a dense Cholesky of the small block. */
    static Rule fixed(CsrMatrix a, int[][] blocks, boolean greedy) {
        boolean[] forest = new boolean[blocks.length];
        TreeSolver[] tree = new TreeSolver[blocks.length];
        double[][] dense = new double[blocks.length][];
        for (int k = 0; k < blocks.length; k++) {
            forest[k] = ForestBlocks.isForest(a, blocks[k]);
            if (forest[k]) {
                tree[k] = new TreeSolver(a, blocks[k]);
            } else {
                dense[k] = ForestTestSupport.denseBlock(a, blocks[k]);
            }
        }
        int maxLen = Arrays.stream(blocks).mapToInt(b -> b.length).max().orElse(0);
        double[] r = new double[maxLen];
        double[] d = new double[maxLen];
        return (s, it) -> {
            int k;
            if (greedy) {
                k = 0;
                double best = -1;
                for (int t = 0; t < blocks.length; t++) {
                    double sum = 0;
                    for (int v : blocks[t]) {
                        sum += s.g[v] * s.g[v];
                    }
                    if (sum > best) {
                        best = sum;
                        k = t;
                    }
                }
            } else {
                k = it % blocks.length;
            }
            int[] blk = blocks[k];
            int m = blk.length;
            for (int t = 0; t < m; t++) {
                r[t] = -s.g[blk[t]];
            }
            if (forest[k]) {
                tree[k].solve(r, d);
            } else {
                double[] sol = ForestTestSupport.denseCholeskySolve(dense[k], m, Arrays.copyOf(r, m));
                System.arraycopy(sol, 0, d, 0, m);
            }
            s.apply(blk, m, d);
        };
    }

    /** The paper's greedy forest rule: grow a forest by |∇_i f| (no size limit), solve it exactly. */
    static Rule greedyTree(CsrMatrix a, int maxBlockSize) {
        return greedyTree(a, maxBlockSize, false);
    }

    /**
     * The greedy forest rule by |∇_i f| or, with {@code scaled}, by |∇_i f| / √a_ii (the paper's GSL-style
     * score, a_ii being the coordinate Lipschitz constant of a quadratic).
     */
    static Rule greedyTree(CsrMatrix a, int maxBlockSize, boolean scaled) {
        int n = a.rows();
        double[] score = new double[n];
        double[] invSqrtL = new double[n];
        for (int i = 0; i < n; i++) {
            invSqrtL[i] = 1 / Math.sqrt(a.get(i, i));
        }
        ForestWorkspace ws = new ForestWorkspace(n);
        int[] block = new int[n];
        TreeSolver solver = TreeSolver.withCapacity(n, n);
        double[] r = new double[n];
        double[] d = new double[n];
        return (s, it) -> {
            for (int i = 0; i < n; i++) {
                score[i] = scaled ? s.g[i] * invSqrtL[i] : s.g[i];
            }
            int m = ForestBlocks.greedyForest(a, score, maxBlockSize, block, ws);
            for (int t = 0; t < m; t++) {
                r[t] = -s.g[block[t]];
            }
            solver.analyze(a, block, m);
            solver.solve(r, d);
            s.apply(block, m, d);
        };
    }

    static int[][] fixedPartition(CsrMatrix a, String kind, int size) {
        int n = a.rows();
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[] lip = new double[n];
        for (int i = 0; i < n; i++) {
            lip[i] = a.get(i, i); // coordinate Lipschitz constants of a quadratic
        }
        int[] order = new int[n];
        if (kind.equals("order")) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        } else {
            Arrays.sort(idx, (p, q) -> Double.compare(lip[p], lip[q]));
            if (kind.equals("sort")) {
                for (int i = 0; i < n; i++) {
                    order[i] = idx[i];
                }
            } else { // avg: alternate smallest and largest
                int lo = 0;
                int hi = n - 1;
                for (int i = 0; i < n; i++) {
                    order[i] = (i % 2 == 0) ? idx[lo++] : idx[hi--];
                }
            }
        }
        int[][] blocks = new int[(n + size - 1) / size][];
        for (int k = 0; k < blocks.length; k++) {
            blocks[k] = Arrays.copyOfRange(order, k * size, Math.min(n, (k + 1) * size));
        }
        return blocks;
    }

    static int run(String name, CsrMatrix a, double[] b, Rule rule, int maxIterations) {
        State s = new State(a, b);
        double target = 1e-9 * Math.abs(F_STAR);
        int it = 0;
        double gap = s.f() - F_STAR;
        while (gap > target && it < maxIterations) {
            rule.step(s, it);
            it++;
            gap = s.f() - F_STAR;
        }
        System.out.printf(Locale.ROOT, "%-34s %8s iterations   f - f* = %.3e%n", name,
                gap <= target ? Integer.toString(it) : ">" + maxIterations, gap);
        return it;
    }

    /**
     * Prints the iteration counts.
     *
     * @param args optional: the iteration cap (default 200000)
     */
    public static void main(String[] args) {
        int cap = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        CsrMatrix a = ForestTestSupport.latticeA();
        double[] b = ForestTestSupport.latticeB();
        int[] labelled = ForestTestSupport.latticeLabelled();
        int n = a.rows();
        System.out.println("dataset D: n = " + n + ", target f - f* <= 1e-9 |f*| = " + 1e-9 * Math.abs(F_STAR));
        run("GS greedy forest (no size limit)", a, b, greedyTree(a, n), cap);
        run("GSL greedy forest (no size limit)", a, b, greedyTree(a, n, true), cap);
        for (int size : new int[] {5, 50, 500}) {
            run("GS greedy forest, at most " + size, a, b, greedyTree(a, size), cap);
        }
        run("lattice red-black, cyclic", a, b,
                fixed(a, ForestBlocks.removeNodes(ForestBlocks.redBlack(50, 50), 2500, labelled), false), cap);
        run("lattice comb trees, cyclic", a, b,
                fixed(a, ForestBlocks.removeNodes(ForestBlocks.treePartition(50, 50), 2500, labelled), false), cap);
        run("lattice comb trees, GS", a, b,
                fixed(a, ForestBlocks.removeNodes(ForestBlocks.treePartition(50, 50), 2500, labelled), true), cap);
        run("graph tree partition, cyclic", a, b, fixed(a, ForestBlocks.treePartition(a), false), cap);
        for (String kind : new String[] {"order", "sort", "avg"}) {
            int[][] blocks = fixedPartition(a, kind, 5);
            run("fixed 5, " + kind + ", cyclic (exact)", a, b, fixed(a, blocks, false), cap);
            run("fixed 5, " + kind + ", GS (exact)", a, b, fixed(a, blocks, true), cap);
        }
    }
}
