package org.sparrow.solvers.bcd.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.bcd.forest.ForestTestSupport.forestByCounting;
import static org.sparrow.solvers.bcd.forest.ForestTestSupport.spdWithEdges;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;

class ForestBlocksTest {

    /** The r×c lattice graph (node r + rows·c) as an SPD matrix. */
    static CsrMatrix lattice(int rows, int cols, Random rnd) {
        List<int[]> edges = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                int i = r + rows * c;
                if (r + 1 < rows) {
                    edges.add(new int[] {i, i + 1});
                }
                if (c + 1 < cols) {
                    edges.add(new int[] {i, i + rows});
                }
            }
        }
        return spdWithEdges(rows * cols, edges, rnd);
    }

    /** A random graph with about {@code degree·n/2} edges. */
    static CsrMatrix randomGraph(int n, int degree, Random rnd) {
        java.util.Set<Long> have = new java.util.HashSet<>();
        List<int[]> edges = new ArrayList<>();
        for (int t = 0; t < degree * n / 2; t++) {
            int u = rnd.nextInt(n);
            int w = rnd.nextInt(n);
            if (u != w && have.add((long) Math.min(u, w) * n + Math.max(u, w))) {
                edges.add(new int[] {u, w});
            }
        }
        return spdWithEdges(n, edges, rnd);
    }

    static void assertPartition(int[][] blocks, int n) {
        int[] count = new int[n];
        for (int[] b : blocks) {
            for (int v : b) {
                count[v]++;
            }
        }
        for (int v = 0; v < n; v++) {
            assertEquals(1, count[v], "node " + v + " is in " + count[v] + " blocks");
        }
    }

    static void assertForests(CsrMatrix a, int[][] blocks) {
        for (int[] b : blocks) {
            assertTrue(ForestBlocks.isForest(a, b), "isForest");
            assertTrue(forestByCounting(a, b), "edges = nodes − components");
        }
    }

    static boolean independent(CsrMatrix a, int[] block) {
        for (int u : block) {
            for (int w : block) {
                if (u != w && a.get(u, w) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void latticeRedBlackClassesAreIndependentSetsPartitioningTheLattice() {
        Random rnd = new Random(7);
        for (int[] shape : new int[][] {{1, 1}, {1, 5}, {4, 1}, {3, 4}, {5, 5}, {6, 7}}) {
            CsrMatrix a = lattice(shape[0], shape[1], rnd);
            int[][] rb = ForestBlocks.redBlack(shape[0], shape[1]);
            assertEquals(2, rb.length);
            assertPartition(rb, shape[0] * shape[1]);
            for (int[] b : rb) {
                assertTrue(independent(a, b));
            }
            assertForests(a, rb);
            // node (r, c) = r + rows·c is red iff r + c is even: node 0 red, node 1 black
            assertEquals(0, rb[0][0]);
        }
    }

    @Test
    void latticeTreePartitionIsTwoSpanningTrees() {
        Random rnd = new Random(8);
        for (int[] shape : new int[][] {{1, 6}, {2, 2}, {3, 1}, {5, 4}, {7, 6}, {50, 50}}) {
            int n = shape[0] * shape[1];
            CsrMatrix a = lattice(shape[0], shape[1], rnd);
            int[][] tp = ForestBlocks.treePartition(shape[0], shape[1]);
            assertPartition(tp, n);
            assertForests(a, tp);
            for (int[] b : tp) {
                // a spanning tree of its nodes: connected, so exactly |b| − 1 edges
                TreeSolver s = new TreeSolver(a, b);
                assertEquals(1, s.trees(), "a comb is one tree");
            }
        }
        // 3 × 3: first comb = row 0 of every column + rows 0..1 of even columns
        assertArrayEquals(new int[] {0, 1, 3, 6, 7}, ForestBlocks.treePartition(3, 3)[0]);
        assertArrayEquals(new int[] {2, 4, 5, 8}, ForestBlocks.treePartition(3, 3)[1]);
    }

    @Test
    void removingNodesRenumbersBlocksInOrderAndDropsEmptyOnes() {
        int[][] blocks = {{0, 2, 4}, {1, 3}, {5}};
        int[][] out = ForestBlocks.removeNodes(blocks, 6, new int[] {2, 5});
        // remaining nodes 0,1,3,4 become 0,1,2,3
        assertEquals(2, out.length);
        assertArrayEquals(new int[] {0, 3}, out[0]);
        assertArrayEquals(new int[] {1, 2}, out[1]);
        assertEquals("the removed nodes names node 7, outside 1 … 6", assertThrows(IllegalArgumentException.class,
                () -> ForestBlocks.removeNodes(blocks, 6, new int[] {6})).getMessage());
    }

    @Test
    void graphRedBlackGivesTwoIndependentClassesOnBipartiteGraphsAndAColouringOtherwise() {
        Random rnd = new Random(9);
        CsrMatrix lat = lattice(6, 5, rnd);
        int[][] two = ForestBlocks.redBlack(lat);
        assertEquals(2, two.length);
        assertPartition(two, 30);
        for (int[] b : two) {
            assertTrue(independent(lat, b));
        }
        CsrMatrix g = randomGraph(60, 6, rnd);
        int[][] colours = ForestBlocks.redBlack(g);
        assertTrue(colours.length > 2, "a dense random graph is not bipartite");
        assertPartition(colours, 60);
        for (int[] b : colours) {
            assertTrue(independent(g, b));
        }
    }

    @Test
    void graphTreePartitionCoversAllNodesWithForests() {
        Random rnd = new Random(10);
        for (int trial = 0; trial < 10; trial++) {
            int n = 1 + rnd.nextInt(80);
            CsrMatrix g = randomGraph(n, 1 + rnd.nextInt(8), rnd);
            int[][] tp = ForestBlocks.treePartition(g);
            assertPartition(tp, n);
            assertForests(g, tp);
            double[] pr = new double[n];
            for (int i = 0; i < n; i++) {
                pr[i] = rnd.nextGaussian();
            }
            int[][] tpp = ForestBlocks.treePartition(g, pr);
            assertPartition(tpp, n);
            assertForests(g, tpp);
        }
    }

    /** Brute force: the greedy block adds each node, by decreasing |priority|, iff it keeps a forest. */
    @Test
    void greedyForestTakesNodesByPriorityWhileAcyclicAndWithinTheSizeLimit() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 25; trial++) {
            int n = 2 + rnd.nextInt(50);
            CsrMatrix g = randomGraph(n, 2 + rnd.nextInt(6), rnd);
            double[] pr = new double[n];
            for (int i = 0; i < n; i++) {
                pr[i] = rnd.nextInt(4) == 0 ? 1.0 : rnd.nextGaussian(); // ties too
            }
            int cap = 1 + rnd.nextInt(n + 2);
            // reference: sorted by |pr| desc then index, add if isForest(block + node)
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (x, y) -> Math.abs(pr[x]) != Math.abs(pr[y])
                    ? Double.compare(Math.abs(pr[y]), Math.abs(pr[x])) : Integer.compare(x, y));
            int[] ref = new int[0];
            for (int u : idx) {
                if (ref.length == cap) {
                    break;
                }
                int[] trialBlock = Arrays.copyOf(ref, ref.length + 1);
                trialBlock[ref.length] = u;
                if (forestByCounting(g, trialBlock)) {
                    ref = trialBlock;
                }
            }
            int[] block = new int[n];
            Arrays.fill(block, -7);
            ForestWorkspace ws = new ForestWorkspace(n);
            int size = ForestBlocks.greedyForest(g, pr, cap, block, ws);
            assertArrayEquals(ref, Arrays.copyOf(block, size), "trial " + trial);
            // the workspace is reusable: a second call gives the same block
            assertEquals(size, ForestBlocks.greedyForest(g, pr, cap, block, ws));
            // the partition form: first forest = the greedy block; all forests within the cap
            int[][] forests = ForestBlocks.greedyForest(g, pr, cap);
            int[] sortedRef = ref.clone();
            Arrays.sort(sortedRef);
            assertArrayEquals(sortedRef, forests[0]);
            assertPartition(forests, n);
            assertForests(g, forests);
            for (int[] f : forests) {
                assertTrue(f.length <= cap);
            }
        }
    }

    @Test
    void greedyForestPrefersTheHighestPriorityNodesOfACycle() {
        // a 4-cycle 0-1-2-3-0: the three highest |priority| nodes form a path; the fourth would close the cycle
        List<int[]> edges = List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 0});
        CsrMatrix a = spdWithEdges(4, edges, new Random(2));
        int[] block = new int[4];
        int size = ForestBlocks.greedyForest(a, new double[] {0.5, -4, 3, 0.1}, 10, block, new ForestWorkspace(4));
        assertArrayEquals(new int[] {1, 2, 0}, Arrays.copyOf(block, size));
        assertFalse(ForestBlocks.isForest(a, new int[] {0, 1, 2, 3}));
    }

    @Test
    void badArgumentsGiveOneSentence() {
        CsrMatrix a = CsrMatrix.identity(3);
        assertEquals("priority(2) = NaN; every priority must be finite", assertThrows(IllegalArgumentException.class,
                () -> ForestBlocks.greedyForest(a, new double[] {1, Double.NaN, 0}, 2)).getMessage());
        assertEquals("the priority vector has length 2 but A has 3 rows", assertThrows(
                IllegalArgumentException.class, () -> ForestBlocks.greedyForest(a, new double[2], 2)).getMessage());
        assertEquals("the largest block size must be at least 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> ForestBlocks.greedyForest(a, new double[3], 0)).getMessage());
        assertEquals("a lattice needs at least 1 row and 1 column, got 0×3", assertThrows(
                IllegalArgumentException.class, () -> ForestBlocks.redBlack(0, 3)).getMessage());
        assertEquals("the workspace is for 2 nodes but A has 3", assertThrows(IllegalArgumentException.class,
                () -> ForestBlocks.greedyForest(a, new double[3], 2, new int[3], new ForestWorkspace(2)))
                .getMessage());
        assertEquals("node 2 has the negative label -1; labels must be 0 or more", assertThrows(
                IllegalArgumentException.class, () -> ForestBlocks.blocksOf(new int[] {0, -1})).getMessage());
    }
}
