package org.sparrow.benchmarks.multigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparrow.benchmarks.multigrid.MultigridSuite.Row;
import org.sparrow.core.CsrMatrix;

class MultigridSuiteTest {

    @Test
    void q1StencilHasPyamgsNonzeroCountAndRowSums() {
        CsrMatrix a = MultigridProblem.q1Stencil(7);
        assertEquals(49, a.rows());
        assertEquals(9 * 49 - 12 * 7 + 4, a.nnz()); // 8,988,004 at 1000², as pyamg's tutorial prints
        double[] ones = new double[49];
        java.util.Arrays.fill(ones, 1.0);
        double[] s = new double[49];
        a.apply(ones, s);
        assertEquals(0.0, s[3 * 7 + 3], 0.0); // interior: 8 − 8 neighbours
        assertEquals(5.0, s[0], 0.0); // corner: 8 − 3 neighbours
        assertEquals(3.0, s[3], 0.0); // edge: 8 − 5 neighbours
        assertEquals(8.0, a.get(10, 10), 0.0);
        assertEquals(-1.0, a.get(10, 18), 0.0); // diagonal neighbour (row + 1, column + 1)
    }

    @Test
    void problemNamesAndScipyJobsFollowTheKind() {
        assertEquals("poisson2d-300", MultigridProblem.poisson2d(300).name());
        assertEquals("poisson3d:20", MultigridProblem.poisson3d(20).scipyJob());
        assertEquals(null, MultigridProblem.q1(10).scipyJob());
        assertEquals("Dubcova1", MultigridProblem.spd("medium/Dubcova1.mtx.gz").name());
    }

    @Test
    void reportStatesTheGoalAsMeasuredAndEverySolve() {
        List<Row> rows = List.of(
                new Row("poisson2d-1000", "poisson2d", 1_000_000, 4_996_000, "amg-cg", 9, true, 1e-9, 1.0, 1.0, 1, "5 levels"),
                new Row("poisson2d-1000", "poisson2d", 1_000_000, 4_996_000, "ic0-cg", 869, true, 1e-9, 0.5, 29.5, 1, ""),
                new Row("poisson2d-1000", "poisson2d", 1_000_000, 4_996_000, "scipy-cg", 2900, false, 1e-3, 0.0, 60.0, 1, ""));
        String md = MultigridReport.markdown(rows, Map.of("poisson2d-1000", "AMG (…)"), "AMG (q1)", "scipy 1.17", 2, false,
                Duration.ofSeconds(5));
        assertTrue(md.contains("- AMG-CG: 9 iterations (goal met), setup 1.000 s + solve 1.000 s = 2.000 s"), md);
        assertTrue(md.contains("- speed-up, setup included: 15.0× (goal met); solve alone: 29.5×"), md);
        assertTrue(md.contains("| poisson2d-1000 | 1000000 | 9 | – | – | 869 |"), md);
        assertTrue(md.contains("2900 (not conv.)"), md);
        assertTrue(md.contains(MultigridReport.PYAMG_SOURCE) && md.contains("111556"), md);
        String csv = MultigridReport.csv(rows).csv();
        assertEquals(4, csv.split("\n").length, csv);
        assertTrue(csv.contains("poisson2d-1000,poisson2d,1000000,4996000,ic0-cg,869,true,1.000e-09,0.5000,29.5000,30.0000,1,"),
                csv);
    }
}
