package org.sparrow.benchmarks.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCheckTest {

    /** A Sparrow or peer row with the figures the check reads; everything else fixed. */
    private static ResultRow row(String problem, String method, String sketch, String status, boolean converged,
                                 double errInf, double err2, double excess, double seconds) {
        return new ResultRow(problem, "synthetic", 1000, 10, 1e5, 1e-3, false, method, sketch, 40, 2, status, converged,
                12, errInf, err2, 1.0, excess, seconds, seconds, 5, false, 0.01, 0.001, seconds / 2, 1.0, Double.NaN,
                "a note, with a comma");
    }

    private static ResultRow sp(double seconds) {
        return row("p", "sketch-precondition", "srht", "ok", true, 1e-11, 2e-11, 1e-27, seconds);
    }

    private static ResultRow ejml(double seconds) {
        return row("p", "ejml-qr", "", "ok", true, 1e-11, 2e-11, 1e-27, seconds);
    }

    private static List<ResultRow> table(ResultRow... rows) {
        return new ArrayList<>(List.of(rows));
    }

    @Test
    void identicalRunPasses() {
        List<ResultRow> base = table(ejml(1.0), sp(0.5));
        BaselineCheck.Outcome o = BaselineCheck.compare(base, base);
        assertFalse(o.failed());
        assertEquals(1, o.compared());
        assertTrue(o.findings().isEmpty());
    }

    @Test
    void slowerRowFails() {
        BaselineCheck.Outcome o = BaselineCheck.compare(table(ejml(1.0), sp(0.5)), table(ejml(1.0), sp(0.6)));
        assertTrue(o.failed());
        assertEquals(BaselineCheck.Kind.TIME, o.regressions().get(0).kind());
        assertTrue(o.regressions().get(0).message().contains("p sketch-precondition (srht)"), o.lines().toString());
    }

    @Test
    void fasterRowPasses() {
        assertFalse(BaselineCheck.compare(table(ejml(1.0), sp(0.5)), table(ejml(1.0), sp(0.3))).failed());
    }

    @Test
    void slowdownWithinFifteenPercentPasses() {
        assertFalse(BaselineCheck.compare(table(ejml(1.0), sp(0.5)), table(ejml(1.0), sp(0.57))).failed());
    }

    @Test
    void slowdownBelowTheAbsoluteFloorPasses() {
        // +100% but only 2 ms: timer noise on a tiny case
        assertFalse(BaselineCheck.compare(table(ejml(0.01), sp(0.002)), table(ejml(0.01), sp(0.004))).failed());
    }

    @Test
    void uniformlySlowerMachinePasses() {
        // Sparrow and EJML both 40% slower: the EJML-normalised time is unchanged
        assertFalse(BaselineCheck.compare(table(ejml(1.0), sp(0.5)), table(ejml(1.4), sp(0.7))).failed());
    }

    @Test
    void slowerRelativeToEjmlAsWellFails() {
        assertTrue(BaselineCheck.compare(table(ejml(1.0), sp(0.5)), table(ejml(1.0), sp(0.9))).failed());
    }

    @Test
    void timeIsJudgedOnTheFastestCall() {
        // the median doubled (another process was busy), the fastest call did not move
        ResultRow disturbed = new ResultRow("p", "synthetic", 1000, 10, 1e5, 1e-3, false, "sketch-precondition", "srht",
                40, 2, "ok", true, 12, 1e-11, 2e-11, 1.0, 1e-27, 1.0, 0.5, 5, false, 0.01, 0.001, 0.5, 1.0, Double.NaN, "");
        assertFalse(BaselineCheck.compare(table(ejml(1.0), sp(0.5)), table(ejml(1.0), disturbed)).failed());
    }

    @Test
    void onlyRowsSlowOnTimeAloneAreOfferedForRetiming() {
        ResultRow slow = row("p", "qr", "", "ok", true, 1e-15, 1e-15, 1e-30, 0.9);
        ResultRow slowAndWrong = row("p", "sketch-precondition", "srht", "ok", true, 1e-3, 2e-11, 1e-27, 0.9);
        BaselineCheck.Outcome o = BaselineCheck.compare(
                table(ejml(1.0), row("p", "qr", "", "ok", true, 1e-15, 1e-15, 1e-30, 0.5), sp(0.5)),
                table(ejml(1.0), slow, slowAndWrong));
        assertEquals(3, o.regressions().size());
        assertEquals(java.util.Set.of("p|qr|"), o.slowKeys());
    }

    @Test
    void withoutEjmlTimeTheRawRuleDecides() {
        assertTrue(BaselineCheck.compare(table(sp(0.5)), table(sp(0.6))).failed());
        assertFalse(BaselineCheck.compare(table(sp(0.5)), table(sp(0.55))).failed());
    }

    @Test
    void accuracyLossFails() {
        ResultRow worse = row("p", "sketch-precondition", "srht", "ok", true, 1e-11, 5e-9, 1e-27, 0.5);
        BaselineCheck.Outcome o = BaselineCheck.compare(table(ejml(1.0), sp(0.5)), table(ejml(1.0), worse));
        assertTrue(o.failed());
        assertEquals(BaselineCheck.Kind.ACCURACY, o.regressions().get(0).kind());
        assertTrue(o.regressions().get(0).message().contains("err_2"));
    }

    @Test
    void accuracyChangeAtRoundingLevelPasses() {
        // 100× worse, but both far below the 1e-12 floor
        ResultRow base = row("p", "qr", "", "ok", true, 1e-16, 1e-16, 1e-30, 0.5);
        ResultRow now = row("p", "qr", "", "ok", true, 1e-14, 1e-14, 1e-28, 0.5);
        assertFalse(BaselineCheck.compare(table(base), table(now)).failed());
    }

    @Test
    void residualExcessLossFails() {
        ResultRow worse = row("p", "sketch-precondition", "srht", "ok", true, 1e-11, 2e-11, 1e-8, 0.5);
        assertTrue(BaselineCheck.compare(table(sp(0.5)), table(worse)).failed());
    }

    @Test
    void lostConvergenceFails() {
        ResultRow notConverged = row("p", "sketch-precondition", "srht", "ok", false, 1e-11, 2e-11, 1e-27, 0.5);
        BaselineCheck.Outcome o = BaselineCheck.compare(table(sp(0.5)), table(notConverged));
        assertTrue(o.failed());
        assertEquals(BaselineCheck.Kind.CONVERGENCE, o.regressions().get(0).kind());
    }

    @Test
    void rowThatNowFailsIsARegression() {
        ResultRow failed = row("p", "sketch-precondition", "srht", "failed", false, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
        BaselineCheck.Outcome o = BaselineCheck.compare(table(sp(0.5)), table(failed));
        assertTrue(o.failed());
        assertEquals(BaselineCheck.Kind.STATUS, o.regressions().get(0).kind());
    }

    @Test
    void missingRowIsReportedButDoesNotFail() {
        ResultRow other = row("p", "sketch-solve", "srht", "ok", true, 0.5, 0.5, 1e-5, 0.1);
        BaselineCheck.Outcome o = BaselineCheck.compare(table(sp(0.5), other), table(sp(0.5)));
        assertFalse(o.failed());
        assertEquals(1, o.findings().size());
        assertEquals(BaselineCheck.Kind.MISSING, o.findings().get(0).kind());
        assertTrue(o.lines().get(0).contains("p sketch-solve (srht)"), o.lines().toString());
    }

    @Test
    void problemNotRunAtAllIsSummarisedInOneLine() {
        ResultRow q1 = row("q", "qr", "", "ok", true, 1e-15, 1e-15, 1e-30, 0.1);
        ResultRow q2 = row("q", "lsqr", "", "ok", true, 1e-15, 1e-15, 1e-30, 0.1);
        BaselineCheck.Outcome o = BaselineCheck.compare(table(sp(0.5), q1, q2), table(sp(0.5)));
        assertFalse(o.failed());
        assertEquals(1, o.findings().size());
        assertEquals(BaselineCheck.Kind.MISSING, o.findings().get(0).kind());
        assertTrue(o.findings().get(0).message().contains("1 baseline problem(s)"), o.lines().toString());
        assertTrue(o.findings().get(0).message().contains("(2 Sparrow rows"), o.lines().toString());
    }

    @Test
    void newRowIsReported() {
        ResultRow other = row("p", "sketch-solve", "srht", "ok", true, 0.5, 0.5, 1e-5, 0.1);
        BaselineCheck.Outcome o = BaselineCheck.compare(table(sp(0.5)), table(sp(0.5), other));
        assertFalse(o.failed());
        assertEquals(BaselineCheck.Kind.NEW, o.findings().get(0).kind());
    }

    @Test
    void peerRowsAreContextOnly() {
        BaselineCheck.Outcome o = BaselineCheck.compare(table(ejml(1.0), row("p", "ojalgo-qr", "", "ok", true, 1e-11,
                2e-11, 1e-27, 0.2)), table(ejml(5.0), row("p", "ojalgo-qr", "", "ok", true, 1e-3, 1e-3, 1e-3, 9.0)));
        assertFalse(o.failed());
        assertEquals(0, o.compared());
    }

    @Test
    void baselineRowThatWasNotOkIsNotJudged() {
        ResultRow unsupported = row("p", "sketch-precondition", "srht", "unsupported", false, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
        assertFalse(BaselineCheck.compare(table(unsupported), table(sp(0.5))).failed());
    }

    @Test
    void tableSurvivesCsvRoundTrip(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = table(ejml(1.0), sp(0.5), row("p", "lsqr", "", "skipped", false, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN));
        Path f = dir.resolve("t.csv");
        ResultRow.write(f, rows);
        List<ResultRow> back = ResultRow.read(f);
        assertEquals(rows.size(), back.size());
        assertEquals(rows.get(1).key(), back.get(1).key());
        assertEquals(rows.get(1).seconds(), back.get(1).seconds(), 1e-12);
        assertTrue(Double.isNaN(back.get(2).errInf()));
        assertEquals("a note; with a comma", back.get(0).note());
        assertFalse(BaselineCheck.compare(rows, back).failed());
    }

    @Test
    void malformedTableIsRejectedWithItsName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "problem,method\np,qr\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResultRow.read(f));
        assertTrue(e.getMessage().contains("bad.csv"));
    }
}
