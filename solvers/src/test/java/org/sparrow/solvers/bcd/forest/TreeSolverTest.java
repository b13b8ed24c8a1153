package org.sparrow.solvers.bcd.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.bcd.forest.ForestTestSupport.denseBlock;
import static org.sparrow.solvers.bcd.forest.ForestTestSupport.denseCholeskySolve;
import static org.sparrow.solvers.bcd.forest.ForestTestSupport.randomTree;
import static org.sparrow.solvers.bcd.forest.ForestTestSupport.spdWithEdges;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;

class TreeSolverTest {

    /** A random permutation of 0 … n−1, the first m of which form the block. */
    private static int[] randomBlock(int n, int m, Random rnd) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return Arrays.copyOf(perm, m);
    }

    /** Adds random edges touching nodes outside the block (they may close cycles through them). */
    private static void addOutsideEdges(int n, int[] block, List<int[]> edges, Random rnd, int count) {
        boolean[] in = new boolean[n];
        for (int v : block) {
            in[v] = true;
        }
        java.util.Set<Long> have = new java.util.HashSet<>();
        for (int[] e : edges) {
            have.add((long) Math.min(e[0], e[1]) * n + Math.max(e[0], e[1]));
        }
        for (int t = 0; t < count; t++) {
            int u = rnd.nextInt(n);
            int w = rnd.nextInt(n);
            if (u == w || (in[u] && in[w])) {
                continue;
            }
            if (have.add((long) Math.min(u, w) * n + Math.max(u, w))) {
                edges.add(new int[] {u, w});
            }
        }
    }

    private static void assertMatchesDense(CsrMatrix a, int[] block, Random rnd) {
        int m = block.length;
        double[] rhs = new double[m];
        for (int k = 0; k < m; k++) {
            rhs[k] = rnd.nextDouble() * 2 - 1;
        }
        double[] expected = denseCholeskySolve(denseBlock(a, block), m, rhs);
        TreeSolver solver = new TreeSolver(a, block);
        double[] out = new double[m];
        Arrays.fill(out, Double.NaN); // junk: the solve must overwrite it
        solver.solve(rhs, out);
        double num = 0;
        double den = 0;
        for (int k = 0; k < m; k++) {
            num = Math.max(num, Math.abs(out[k] - expected[k]));
            den = Math.max(den, Math.abs(expected[k]));
        }
        assertTrue(num <= 1e-12 * den, "max error " + num + " vs max |x| " + den + " for a block of " + m);
    }

    @Test
    void treeSolveMatchesDenseCholeskyOnChainsStarsRandomTreesForestsAndSingleNodes() {
        Random rnd = new Random(20221);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rnd.nextInt(40);
            int m = 1 + rnd.nextInt(n);
            int[] block = randomBlock(n, m, rnd);
            List<int[]> edges = new ArrayList<>();
            int shape = trial % 5;
            if (shape == 0) { // chain
                for (int k = 1; k < m; k++) {
                    edges.add(new int[] {block[k - 1], block[k]});
                }
            } else if (shape == 1) { // star around the block's middle node
                for (int k = 0; k < m; k++) {
                    if (k != m / 2) {
                        edges.add(new int[] {block[m / 2], block[k]});
                    }
                }
            } else if (shape == 2) { // random tree
                edges.addAll(randomTree(block, rnd));
            } else if (shape == 3) { // several components: random trees over slices
                int start = 0;
                while (start < m) {
                    int len = 1 + rnd.nextInt(m - start);
                    edges.addAll(randomTree(Arrays.copyOfRange(block, start, start + len), rnd));
                    start += len;
                }
            } // shape 4: no edges inside the block (independent set)
            addOutsideEdges(n, block, edges, rnd, 2 * n);
            CsrMatrix a = spdWithEdges(n, edges, rnd);
            assertTrue(ForestBlocks.isForest(a, block));
            assertMatchesDense(a, block, rnd);
        }
    }

    @Test
    void treeSolveOfSingleNodeDividesByItsDiagonal() {
        CsrMatrix a = spdWithEdges(3, List.of(new int[] {0, 1}, new int[] {1, 2}), new Random(1));
        TreeSolver s = new TreeSolver(a, new int[] {1});
        double[] out = new double[1];
        s.solve(new double[] {3.0}, out);
        assertEquals(3.0 / a.get(1, 1), out[0], 1e-15);
        assertEquals(1, s.trees());
    }

    @Test
    void solveInPlaceGivesTheSameAnswer() {
        Random rnd = new Random(5);
        int[] block = {4, 0, 7, 2, 9, 5};
        CsrMatrix a = spdWithEdges(10, randomTree(block, rnd), rnd);
        TreeSolver s = new TreeSolver(a, block);
        double[] rhs = {1, -2, 3, 0.5, 4, -1};
        double[] out = new double[6];
        s.solve(rhs, out);
        double[] inPlace = rhs.clone();
        s.solve(inPlace, inPlace);
        assertTrue(Arrays.equals(out, inPlace));
    }

    @Test
    void refactorReusesTheOrderForNewValuesOnTheSamePattern() {
        Random rnd = new Random(11);
        int n = 30;
        int[] block = randomBlock(n, 20, rnd);
        List<int[]> edges = randomTree(block, rnd);
        addOutsideEdges(n, block, edges, rnd, 40);
        CsrMatrix a = spdWithEdges(n, edges, rnd);
        // same pattern, values scaled by 3 and the diagonal shifted by 2
        double[] v2 = a.values().clone();
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                v2[p] = 3 * v2[p] + (ci[p] == i ? 2 : 0);
            }
        }
        CsrMatrix a2 = new CsrMatrix(n, n, rp, ci, v2);
        TreeSolver s = new TreeSolver(a, block);
        s.refactor(a2);
        double[] rhs = new double[20];
        for (int k = 0; k < 20; k++) {
            rhs[k] = k - 7.5;
        }
        double[] out = new double[20];
        s.solve(rhs, out);
        double[] expected = denseCholeskySolve(denseBlock(a2, block), 20, rhs);
        for (int k = 0; k < 20; k++) {
            assertEquals(expected[k], out[k], 1e-12 * (1 + Math.abs(expected[k])));
        }
        CsrMatrix other = spdWithEdges(n, List.of(new int[] {0, 1}), rnd);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.refactor(other));
        assertTrue(e.getMessage().contains("sparsity layout differs"), e.getMessage());
    }

    @Test
    void oneSolverWithCapacityAnalysesSuccessiveBlocksAndRecoversFromARefusedOne() {
        Random rnd = new Random(17);
        int n = 40;
        // a grid-like graph with cycles; blocks are greedy forests for random priorities
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if ((i + 1) % 8 != 0) {
                edges.add(new int[] {i, i + 1});
            }
            if (i + 8 < n) {
                edges.add(new int[] {i, i + 8});
            }
        }
        CsrMatrix a = spdWithEdges(n, edges, rnd);
        TreeSolver s = TreeSolver.withCapacity(n, n);
        assertThrows(IllegalStateException.class, () -> s.solve(new double[n], new double[n]));
        ForestWorkspace ws = new ForestWorkspace(n);
        int[] block = new int[n];
        double[] pr = new double[n];
        for (int trial = 0; trial < 20; trial++) {
            for (int i = 0; i < n; i++) {
                pr[i] = rnd.nextGaussian();
            }
            int m = ForestBlocks.greedyForest(a, pr, 1 + rnd.nextInt(n), block, ws);
            s.analyze(a, block, m);
            assertEquals(m, s.size());
            double[] rhs = new double[m];
            for (int k = 0; k < m; k++) {
                rhs[k] = rnd.nextDouble() - 0.5;
            }
            double[] out = new double[n];
            s.solve(rhs, out);
            double[] expected = denseCholeskySolve(denseBlock(a, Arrays.copyOf(block, m)), m, rhs);
            for (int k = 0; k < m; k++) {
                assertEquals(expected[k], out[k], 1e-12 * (1 + Math.abs(expected[k])));
            }
            if (trial == 5) {
                // a 4-cycle 0-1-9-8 is refused, then the solver works again on the next block
                assertThrows(IllegalArgumentException.class, () -> s.analyze(a, new int[] {0, 1, 9, 8}, 4));
                assertEquals(0, s.size());
                assertThrows(IllegalStateException.class, () -> s.solve(rhs, out));
                // a repeated node is refused without leaving stale state behind
                assertThrows(IllegalArgumentException.class, () -> s.analyze(a, new int[] {3, 4, 3}, 3));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> TreeSolver.withCapacity(3, 4));
        TreeSolver small = TreeSolver.withCapacity(n, 2);
        assertThrows(IllegalArgumentException.class, () -> small.analyze(a, new int[] {0, 1, 2}, 3));
    }

    @Test
    void blockWithACycleIsRefusedNamingTheClosingEdge() {
        // triangle 1-2-3 (1-based) inside the block
        List<int[]> edges = List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 2}, new int[] {2, 3});
        CsrMatrix a = spdWithEdges(4, edges, new Random(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TreeSolver(a, new int[] {0, 1, 2}));
        assertEquals("the block is not a forest: the edge between nodes 2 and 3 closes a cycle in its subgraph of"
                + " A, so it cannot be solved by elimination along a tree", e.getMessage());
        // without node 3 (index 2) the rest is a tree and is accepted
        new TreeSolver(a, new int[] {0, 1, 3});
    }

    @Test
    void nonPositiveDefiniteBlockIsRefusedNamingTheNode() {
        // [[1, 2], [2, 1]] on nodes 1, 2: eliminating node 2 leaves pivot 1 − 4 = −3 at node 1
        CsrMatrix a = CooMatrix.builder(2, 2).add(0, 0, 1).add(0, 1, 2).add(1, 0, 2).add(1, 1, 1).build().toCsr();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TreeSolver(a, new int[] {0, 1}));
        assertTrue(e.getMessage().startsWith("the block's matrix A_bb is not positive definite: the pivot of node 1"
                + " is -3.0"), e.getMessage());
        // a missing diagonal: node 2 is the root, its pivot is 0 − 0.5²/1
        CsrMatrix b = CooMatrix.builder(2, 2).add(0, 0, 1).add(0, 1, 0.5).add(1, 0, 0.5).build().toCsr();
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> new TreeSolver(b, new int[] {1, 0}));
        assertTrue(e2.getMessage().contains("pivot of node 2 is -0.25 after eliminating the nodes below it in its tree (A's diagonal there is 0.0)"), e2.getMessage());
    }

    @Test
    void asymmetricBlockIsRefused() {
        CsrMatrix a = CooMatrix.builder(3, 3).add(0, 0, 4).add(1, 1, 4).add(2, 2, 4).add(0, 1, 1).add(1, 0, 2)
                .build().toCsr();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TreeSolver(a, new int[] {0, 1, 2}));
        assertEquals("A is not symmetric on the block: A(2, 1) = 2.0 but A(1, 2) = 1.0", e.getMessage());
    }

    @Test
    void badBlocksAndShortArraysGiveOneSentence() {
        CsrMatrix a = CsrMatrix.identity(3);
        assertEquals("the block names node 2 twice (at positions 1 and 3)", assertThrows(
                IllegalArgumentException.class, () -> new TreeSolver(a, new int[] {1, 0, 1})).getMessage());
        assertEquals("the block names node 4, outside 1 … 3", assertThrows(
                IllegalArgumentException.class, () -> new TreeSolver(a, new int[] {3})).getMessage());
        TreeSolver s = new TreeSolver(a, new int[] {0, 2});
        assertThrows(IllegalArgumentException.class, () -> s.solve(new double[1], new double[2]));
        CsrMatrix rect = CooMatrix.builder(2, 3).add(0, 0, 1).build().toCsr();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TreeSolver(rect, new int[] {0}))
                .getMessage().contains("must be square"));
    }
}
