package org.sparrow.solvers.bcd.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.bcd.forest.ForestBlocksTest.assertForests;
import static org.sparrow.solvers.bcd.forest.ForestBlocksTest.assertPartition;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Submatrix;
import org.sparrow.solvers.direct.SparseCholesky;

/** The paper's dataset D (50 × 50 lattice label propagation, 2,400 unlabelled nodes), read in place. */
class DatasetDForestTest {

    private static CsrMatrix a;
    private static int[] labelled;

    @BeforeAll
    static void read() {
        a = ForestTestSupport.latticeA();
        labelled = ForestTestSupport.latticeLabelled();
    }

    /** TreeSolver on each block equals a sparse Cholesky solve of A_bb. */
    private static void assertSolvesMatchCholesky(int[][] blocks) {
        for (int[] b : blocks) {
            int m = b.length;
            double[] rhs = new double[m];
            for (int k = 0; k < m; k++) {
                rhs[k] = Math.sin(0.37 * k + b[k]) * 1e5;
            }
            double[] tree = new double[m];
            new TreeSolver(a, b).solve(rhs, tree);
            double[] direct = SparseCholesky.factor(Submatrix.of(a, b, b)).solve(rhs);
            double err = 0;
            double max = 0;
            for (int k = 0; k < m; k++) {
                err = Math.max(err, Math.abs(tree[k] - direct[k]));
                max = Math.max(max, Math.abs(direct[k]));
            }
            assertTrue(err <= 1e-12 * max, "error " + err + " vs " + max + " on a block of " + m);
        }
    }

    @Test
    void latticeRedBlackBlocksOfDatasetDAreForestsPartitioningTheUnlabelledNodes() {
        assertEquals(2400, a.rows());
        assertEquals(100, labelled.length);
        int[][] rb = ForestBlocks.removeNodes(ForestBlocks.redBlack(50, 50), 2500, labelled);
        assertEquals(2, rb.length);
        assertPartition(rb, 2400);
        assertForests(a, rb);
        for (int[] b : rb) {
            assertEquals(b.length, Submatrix.of(a, b, b).nnz(), "a red-black block's matrix is diagonal");
        }
        assertSolvesMatchCholesky(rb);
    }

    @Test
    void latticeTreePartitionOfDatasetDGivesTwoForestsSolvedExactly() {
        int[][] tp = ForestBlocks.removeNodes(ForestBlocks.treePartition(50, 50), 2500, labelled);
        assertEquals(2, tp.length);
        assertPartition(tp, 2400);
        assertForests(a, tp);
        assertSolvesMatchCholesky(tp);
    }

    @Test
    void graphBlocksOfDatasetDAreForestsPartitioningAllNodes() {
        int[][] rb = ForestBlocks.redBlack(a);
        assertEquals(2, rb.length, "the lattice with nodes removed is bipartite");
        assertPartition(rb, 2400);
        assertForests(a, rb);
        int[][] tp = ForestBlocks.treePartition(a);
        assertPartition(tp, 2400);
        assertForests(a, tp);
        assertSolvesMatchCholesky(tp);
        double[] diag = new double[2400];
        for (int i = 0; i < 2400; i++) {
            diag[i] = a.get(i, i);
        }
        int[][] g = ForestBlocks.greedyForest(a, diag, 2400);
        assertPartition(g, 2400);
        assertForests(a, g);
    }
}
