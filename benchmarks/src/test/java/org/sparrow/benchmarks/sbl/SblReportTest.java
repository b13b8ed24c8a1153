package org.sparrow.benchmarks.sbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SblReportTest {

    private static final SblProblem.Setup DEF = SblProblem.Setup.paperDefault();

    private static TrialRow row(SblProblem.Setup s, int t, Method m, double nmse, double seconds) {
        Solve v = new Solve(new double[1], seconds, Double.NaN, 10, true, "");
        return new TrialRow(s, t, t, m, v, nmse, 1.0);
    }

    private static List<TrialRow> rows() {
        List<TrialRow> r = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            r.add(row(DEF, t, Method.ORACLE, 1e-4 * (t + 1), 1e-4));
            r.add(row(DEF, t, Method.AM, 2e-4 * (t + 1), 0.02));
            r.add(row(DEF, t, Method.SVD, 4e-4 * (t + 1), 0.01));
            r.add(row(DEF.withSnrDb(30), t, Method.AM, 1e-5, 0.02));
            r.add(row(DEF.withSnrDb(30), t, Method.SVD, 2e-5, 0.01));
            r.add(row(DEF.withBlock(true), t, Method.PC, 1e-4, 0.02));
            r.add(row(DEF.withBlock(true), t, Method.AM, 3e-4, 0.02));
            r.add(row(DEF.withBlock(true), t, Method.SVD, 3e-4, 0.01));
        }
        // classic on trials 0 and 1 only: NMSE equal to SVD's there, 100× slower
        r.add(row(DEF, 0, Method.CLASSIC, 4e-4, 1.0));
        r.add(row(DEF, 1, Method.CLASSIC, 8e-4, 1.0));
        r.add(new TrialRow(DEF, 2, 2, Method.CLASSIC, Solve.failed("boom"), Double.NaN, Double.NaN));
        return r;
    }

    @Test
    void pointSummaryAveragesTheTrialsWithAnEstimateAndCountsFailures() {
        PointSummary am = PointSummary.of(rows(), DEF, Method.AM, null);
        assertEquals(4, am.trials());
        assertEquals(5e-4, am.meanNmse(), 1e-18);
        assertEquals(5e-4, am.medianNmse(), 1e-18);
        assertEquals(10 * Math.log10(5e-4), am.meanNmseDb(), 1e-12);
        PointSummary classic = PointSummary.of(rows(), DEF, Method.CLASSIC, null);
        assertEquals(2, classic.trials());
        assertEquals(1, classic.failed());
        PointSummary oracleOnClassic = PointSummary.of(rows(), DEF, Method.ORACLE,
                PointSummary.trialsWithEstimate(rows(), DEF, Method.CLASSIC));
        assertEquals(1.5e-4, oracleOnClassic.meanNmse(), 1e-18);
        assertEquals(Set.of(0, 1), PointSummary.trialsWithEstimate(rows(), DEF, Method.CLASSIC));
    }

    @Test
    void goalsCompareOnTheSameTrials() {
        List<Goals.Line> g = Goals.evaluate(rows(), DEF, DEF.withSnrDb(30), DEF.withBlock(true));
        assertTrue(g.get(0).measured().startsWith("2.00×"), g.get(0).measured());
        assertEquals("yes", g.get(0).met());
        assertTrue(g.get(1).measured().startsWith("4.00×"), g.get(1).measured());
        assertEquals("no", g.get(1).met());
        // classic: 1 s vs SVD 0.01 s on trials 0 and 1, NMSE equal → 100×, met
        assertTrue(g.get(2).measured().startsWith("100.0×"), g.get(2).measured());
        assertTrue(g.get(2).measured().contains("2 trials"), g.get(2).measured());
        assertEquals("yes", g.get(2).met());
        assertEquals("n/a", g.get(3).met());
        assertTrue(g.get(4).measured().contains("= 2.00"), g.get(4).measured());
        assertEquals("yes", g.get(5).met());
        assertEquals("yes", g.get(6).met());
    }

    @Test
    void peerTrialsAreCutToTheBudgetButNotBelowTheFloor() {
        assertEquals(10, SblSuite.peerCount(10, 10, 900, 60));
        assertEquals(20, SblSuite.peerCount(50, 10, 900, 45));
        assertEquals(10, SblSuite.peerCount(50, 10, 900, 300));
        assertEquals(50, SblSuite.peerCount(50, 10, 900, 1));
    }

    @Test
    void reportWritesTheCsvFilesAndASummaryWithTheGoals(@TempDir Path dir) throws Exception {
        SblSuite.Config c = new SblSuite.Config(dir, true, 4, 2, 1, 900, 1, true, true, Double.POSITIVE_INFINITY);
        SblReport r = new SblReport(c, rows(), SblSuite.sweeps(true), List.of("a note"),
                org.sparrow.benchmarks.harness.MachineInfo.probe(), null, null, java.time.Duration.ofSeconds(61));
        String goals = r.write(dir);
        assertTrue(goals.contains("| goal | measured | met |"), goals);
        List<String> trials = Files.readAllLines(dir.resolve("trials.csv"));
        assertEquals(rows().size() + 1, trials.size());
        assertTrue(trials.get(0).startsWith("n,m1,m2,m3,k,snr_db,block,trial"), trials.get(0));
        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains("a note"), md);
        assertTrue(md.contains("classic SBL (Sparrow) at N=15 M=8·12·15 K=3 25 dB: 1 trials failed (boom)"), md);
        assertTrue(Files.readAllLines(dir.resolve("points.csv")).size() > 5);
    }
}
