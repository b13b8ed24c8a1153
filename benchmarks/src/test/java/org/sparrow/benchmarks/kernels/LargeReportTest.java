package org.sparrow.benchmarks.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sparrow.benchmarks.kernels.LargeReport.Goal;
import org.sparrow.benchmarks.kernels.LargeReport.Op;
import org.sparrow.benchmarks.kernels.LargeReport.Row;
import org.sparrow.benchmarks.kernels.LargeReport.Section;

class LargeReportTest {

    /** 1M rows, 5M nonzeros: SpMV moves 12·5M + 4·(1M+1) + 16M bytes = 80,000,004 bytes. */
    private static final MatrixInfo P = new MatrixInfo("p", 1_000_000, 1_000_000, 5_000_000, 25_000_000, 13_000_000, 1);
    private static final MatrixInfo W = new MatrixInfo("w", 262_144, 262_144, 2_000_000, 120_000_000, -1, 1);
    private static final MatrixInfo R = new MatrixInfo("r", 1 << 20, 1 << 20, 16_000_000, 20_000_000_000L, -1, 1);

    private static Row steady(Op op, String m, String impl, double s) {
        return new Row(Section.STEADY, op, m, impl, 2, s, s, 7, Double.NaN, 1e-16, "ok");
    }

    private static Row fresh(Op op, String m, String impl, double inProcess, double wall) {
        return new Row(Section.FRESH, op, m, impl, 1, inProcess, wall, 3, wall, Double.NaN, "ok");
    }

    private static LargeReport report(List<Row> rows) {
        LargeReport.Context ctx = new LargeReport.Context("Run now.", "a machine", 2, false, "median of 7", 10.0, 8.0,
                "scipy 1.17", "hyperfine 1.15.0", List.of("a note"));
        return new LargeReport(ctx, List.of(new LargeReport.Matrix(P, "Poisson", true, 83_000_000, "run"),
                new LargeReport.Matrix(W, "power-law", true, 50_000_000, "run"),
                new LargeReport.Matrix(R, "R-MAT", false, -1, "skipped (2e10 multiply-adds > cap 3e+08)")), rows);
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // p: multiply 0.05 s vs scipy 0.1 s → 2.0× (met); SpMV 10 ms vs 20 ms → 2.0× (met), 8 GB/s = 80% (met)
        rows.add(fresh(Op.MULTIPLY, "p", "Sparrow", 0.05, 2.0));
        rows.add(fresh(Op.FRESH_SPGEMM, "p", "scipy", 0.10, 1.5));
        rows.add(steady(Op.SPMV, "p", "Sparrow", 0.010));
        rows.add(steady(Op.SPMV, "p", "scipy", 0.020));
        // w: multiply 0.2 s vs 0.1 s → 0.5× (not met); SpMV 1 ms vs 1.2 ms → 1.2× (not met); scipy SpMV failed
        rows.add(fresh(Op.MULTIPLY, "w", "Sparrow", 0.2, 2.0));
        rows.add(fresh(Op.FRESH_SPGEMM, "w", "scipy", 0.1, 1.0));
        rows.add(steady(Op.SPMV, "w", "Sparrow", 0.005));
        rows.add(new Row(Section.STEADY, Op.SPMV, "w", "scipy", 1, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN,
                "failed: the scipy script exited with status 1"));
        // start-up 0.25 s (met); info 1.3 s vs mmread 1.0 s on the largest file p → 1.3× (not met)
        rows.add(fresh(Op.VERSION, "", "Sparrow", Double.NaN, 0.25));
        rows.add(fresh(Op.INFO, "p", "Sparrow", Double.NaN, 1.3));
        rows.add(fresh(Op.MMREAD, "p", "scipy", Double.NaN, 1.0));
        rows.add(fresh(Op.INFO, "w", "Sparrow", Double.NaN, 0.2));
        rows.add(fresh(Op.MMREAD, "w", "scipy", Double.NaN, 1.0));
        rows.add(new Row(Section.STEADY, Op.SPGEMM, "r", "Sparrow", 2, Double.NaN, Double.NaN, 0, Double.NaN,
                Double.NaN, "skipped: A·A needs 2e+10 multiply-adds, over the cap of 3e+08"));
        rows.add(steady(Op.SPGEMM, "p", "Sparrow unsorted", 0.04));
        rows.add(steady(Op.SPGEMM, "p", "EJML", 0.2));
        rows.add(steady(Op.SPGEMM, "p", "scipy", 0.08));
        rows.add(new Row(Section.STEADY, Op.SPGEMM, "p", "EJML-MT", 2, 0.1, 0.1, 7, Double.NaN, 1e-3, "ok"));
        return rows;
    }

    @Test
    void goalVerdictsFollowTheRatiosAndDirections() {
        Map<String, String> v = report(rows()).goals().stream().collect(Collectors.toMap(
                g -> g.goal().replaceAll(" .*", "") + "|" + g.goal().contains("copy") + "|" + g.matrix(), Goal::verdict));
        assertEquals("met", v.get("`sparrow|false|p"));
        assertEquals("met", v.get("SpMV|false|p"));
        assertEquals("met", v.get("SpMV|true|p"));
        assertEquals("not met", v.get("`sparrow|false|w"));
        assertEquals("not measured", v.get("SpMV|false|w"));
        // w moves 12·2M + 4·262,145 + 16·262,144 = 29.24 MB in 5 ms: 5.85 GB/s, 58% of 10 GB/s
        assertEquals("not met", v.get("SpMV|true|w"));
        assertEquals("met", v.get("`sparrow|false|"));
        assertEquals("not met", v.get("Matrix|false|p"));
        assertEquals(8, v.size());
    }

    @Test
    void aGoalAtTheTargetIsMetAndMissingFiguresAreNotMeasured() {
        assertEquals("met", new Goal("g", "m", "", 1.6, 1.6, true).verdict());
        assertEquals("not met", new Goal("g", "m", "", 1.59, 1.6, true).verdict());
        assertEquals("met", new Goal("g", "m", "", 0.3, 0.3, false).verdict());
        assertEquals("not met", new Goal("g", "m", "", 0.31, 0.3, false).verdict());
        assertEquals("not measured", new Goal("g", "m", "", Double.NaN, 0.3, false).verdict());
        assertEquals("not measured", report(List.of()).goals().getFirst().verdict());
    }

    @Test
    void theMarkdownShowsGoalsTablesAndWhatWasNotMeasured() {
        String md = report(rows()).markdown();
        assertTrue(md.contains("| `sparrow multiply --repeat 5` median ≥ 1.6× scipy `A @ A` | p | 0.050 s vs scipy"
                + " 0.100 s | 2.00× | ≥ 1.6× | **met** |"), md);
        assertTrue(md.contains("| SpMV ≥ 60% of the copy bandwidth | p | 8.00 GB/s of 10.00 GB/s | 80% | ≥ 60% |"
                + " **met** |"), md);
        assertTrue(md.contains("| `sparrow --version` ≤ 0.3 s |  | 0.250 s whole process | 0.250 s | ≤ 0.3 s |"
                + " **met** |"), md);
        // the SpGEMM table: best peer (scipy 80 ms) over Sparrow unsorted (40 ms)
        assertTrue(md.contains("| p | – | 40.0 | 200.0 | 100.0 | 80.0 | 2.00× |"), md);
        // the fresh table: multiply 0.05 vs scipy 0.10 in process; info 1.3 vs mmread 1.0 whole
        assertTrue(md.contains("| p | 0.050 | 2.000 | 0.100 | 1.500 | 2.00× | 1.300 | 1.000 | 1.30× |"), md);
        assertTrue(md.contains("- a note"), md);
        assertTrue(md.contains("- SpMV y = A·x, w, scipy: failed: the scipy script exited with status 1"), md);
        assertTrue(md.contains("- SpGEMM A·A, r, Sparrow: skipped: A·A needs 2e+10"), md);
        assertTrue(md.contains("- SpGEMM A·A, p, EJML-MT: MISMATCH, relative difference 1.00e-03"), md);
        assertTrue(md.contains("| r | R-MAT | 1,048,576 | 16,000,000 | 2.00e+10 | – | – | skipped"), md);
    }

    @Test
    void theCsvHasOneRowPerMeasurementWithBandwidthForSpmv() {
        String[] lines = report(rows()).csv().split("\n");
        assertEquals(rows().size() + 1, lines.length);
        assertEquals("section,op,matrix,impl,threads,status,median_s,min_s,runs,wall_s,gb_s,fraction_of_copy,rel_diff",
                lines[0]);
        assertTrue(lines[3].startsWith("steady,spmv,p,Sparrow,2,ok,0.0100000,0.0100000,7,,8.000,0.8000,1.000e-16"), lines[3]);
    }
}
