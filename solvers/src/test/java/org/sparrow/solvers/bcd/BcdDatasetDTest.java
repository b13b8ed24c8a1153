package org.sparrow.solvers.bcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.testing.SharedData;

/**
 * Dataset D of Nutini, Laradji and Schmidt (50×50 lattice label propagation, ../shared/data/bcd, read in
 * place): greedy BCD reaches the paper code's optimal value to 1e-9 relative.
 */
class BcdDatasetDTest {

    private static final double F_STAR = -1045999575.2270696;
    private static BcdProblem problem;

    @BeforeAll
    static void load() throws IOException {
        Path dir = SharedData.dir().resolveSibling("bcd");
        SharedData.require(dir.resolve("lattice50_A.mtx").toFile().isFile(), dir.resolve("lattice50_A.mtx").toString());
        CsrMatrix a = MatrixMarket.readCsr(dir.resolve("lattice50_A.mtx"));
        double[] b = MatrixMarket.readVector(dir.resolve("lattice50_b.mtx"));
        problem = BcdProblem.quadratic(a, b);
    }

    private static void assertReachesOptimum(BcdResult r, String what) {
        double gap = (r.objective() - F_STAR) / Math.abs(F_STAR);
        assertTrue(gap <= 1e-9 && gap >= -1e-12, what + ": relative gap " + gap + " after " + r.iterations()
                + " iterations (" + r.detail() + ")");
        assertEquals(problem.objective(r.x()), r.objective(), 1e-9 * Math.abs(F_STAR));
    }

    @Test
    void greedyForestBlocksWithMessagePassingReachTheOptimalValue() {
        BcdResult r = Bcd.solve(problem, null, BcdOptions.defaults().withRule(SelectionRule.GS)
                .withMessagePassing(true).withBlockSize(2400).withTolerance(1e-9).withMaxIterations(2000));
        assertTrue(r.converged(), r.detail());
        assertReachesOptimum(r, "GS with greedy forest blocks");
    }

    @Test
    void treePartitionBlocksWithMessagePassingReachTheOptimalValue() {
        BcdResult r = Bcd.solve(problem, null, BcdOptions.defaults().withRule(SelectionRule.CYCLIC)
                .withMessagePassing(true).withTolerance(1e-9).withMaxIterations(20_000));
        assertTrue(r.converged(), r.detail());
        assertReachesOptimum(r, "cyclic tree partition");
    }

    @Test
    void greedyGsqWithHessianUpdatesReachesTheOptimalValue() {
        BcdResult r = Bcd.solve(problem, null, BcdOptions.defaults().withRule(SelectionRule.GSQ)
                .withPartition(PartitionRule.SORT).withBlockSize(5).withUpdate(UpdateRule.HESSIAN)
                .withTolerance(1e-9).withMaxIterations(2_000_000));
        assertReachesOptimum(r, "GSQ, sorted blocks of 5, Hessian updates");
    }
}
