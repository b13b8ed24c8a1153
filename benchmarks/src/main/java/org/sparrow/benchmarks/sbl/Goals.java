package org.sparrow.benchmarks.sbl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sparrow.benchmarks.harness.Table;

/**
 * The goals of issue 12 as measured in one run, each compared on the SAME trials (a peer measured on fewer
 * trials is compared with the Kronecker methods and the oracle on those trials only).
 *
 * <p>"Equal or better NMSE" for a speed-up means SVD-KroSBL's mean NMSE is at most {@value #EQUAL_NMSE}× the
 * peer's on the same trials (10% is well inside the trial-to-trial spread of a mean over ≥ 10 trials).
 */
public final class Goals {

    /** SVD's NMSE may exceed a peer's by this factor and still count as equal. */
    public static final double EQUAL_NMSE = 1.1;

    /**
     * One line of the goals table.
     *
     * @param goal     what the issue asks
     * @param measured the figure, with the trials it rests on
     * @param met      "yes", "no" or "n/a" (not measured)
     */
    public record Line(String goal, String measured, String met) {
    }

    private Goals() {
    }

    /**
     * Evaluates the goals.
     *
     * @param rows     Input: every row of the run
     * @param def      the default point (K = 3, M₁ = 8, 25 dB)
     * @param highSnr  the high-SNR point (30 dB)
     * @param block    the block-sparse point
     * @return the lines, in the order
     */
    public static List<Line> evaluate(List<TrialRow> rows, SblProblem.Setup def, SblProblem.Setup highSnr,
                                      SblProblem.Setup block) {
        List<Line> out = new ArrayList<>();
        PointSummary oracle = PointSummary.of(rows, def, Method.ORACLE, null);
        for (Method m : List.of(Method.AM, Method.SVD)) {
            Set<Integer> t = PointSummary.trialsWithEstimate(rows, def, m);
            PointSummary s = PointSummary.of(rows, def, m, null);
            PointSummary o = PointSummary.of(rows, def, Method.ORACLE, t);
            double r = s.meanNmse() / o.meanNmse();
            out.add(new Line(m.label() + " NMSE within 3× of the oracle LS",
                    s.trials() == 0 ? "not measured" : String.format(Locale.ROOT, "%s× (%s vs %s, %d trials)", f2(r),
                            Table.g(s.meanNmse()), Table.g(o.meanNmse()), s.trials()),
                    s.trials() == 0 || o.trials() == 0 ? "n/a" : yes(r <= 3)));
        }
        for (Method peer : List.of(Method.CLASSIC, Method.ARD)) {
            double goal = peer == Method.CLASSIC ? 50 : 10;
            Set<Integer> t = PointSummary.trialsWithEstimate(rows, def, peer);
            t.retainAll(PointSummary.trialsWithEstimate(rows, def, Method.SVD));
            PointSummary p = PointSummary.of(rows, def, peer, t);
            PointSummary s = PointSummary.of(rows, def, Method.SVD, t);
            if (t.isEmpty()) {
                out.add(new Line(String.format(Locale.ROOT, "SVD-KroSBL ≥ %.0f× faster than %s at equal or better NMSE",
                        goal, peer.label()), "not measured", "n/a"));
                continue;
            }
            double speed = p.meanSeconds() / s.meanSeconds();
            boolean nmseOk = s.meanNmse() <= EQUAL_NMSE * p.meanNmse();
            out.add(new Line(String.format(Locale.ROOT, "SVD-KroSBL ≥ %.0f× faster than %s at equal or better NMSE",
                    goal, peer.label()),
                    String.format(Locale.ROOT, "%s× (%s s vs %s s per solve; NMSE %s vs %s; %d trials)", f1(speed),
                            Table.g(p.meanSeconds()), Table.g(s.meanSeconds()), Table.g(s.meanNmse()), Table.g(p.meanNmse()),
                            t.size()),
                    yes(speed >= goal && nmseOk)));
        }
        PointSummary am = PointSummary.of(rows, def, Method.AM, null);
        PointSummary svd = PointSummary.of(rows, def, Method.SVD, null);
        double amOverSvd = am.meanSeconds() / svd.meanSeconds();
        out.add(new Line("paper: SVD-KroSBL about 2× faster than AM-KroSBL",
                am.trials() == 0 || svd.trials() == 0 ? "not measured"
                        : String.format(Locale.ROOT, "AM time / SVD time = %s (%s s vs %s s; %d trials)", f2(amOverSvd),
                        Table.g(am.meanSeconds()), Table.g(svd.meanSeconds()), Math.min(am.trials(), svd.trials())),
                am.trials() == 0 || svd.trials() == 0 ? "n/a" : yes(amOverSvd >= 1.5)));
        PointSummary amHi = PointSummary.of(rows, highSnr, Method.AM, null);
        PointSummary svdHi = PointSummary.of(rows, highSnr, Method.SVD, null);
        out.add(new Line(String.format(Locale.ROOT, "paper: AM-KroSBL better than SVD-KroSBL at high SNR (%.0f dB)",
                highSnr.snrDb()),
                amHi.trials() == 0 || svdHi.trials() == 0 ? "not measured"
                        : String.format(Locale.ROOT, "NMSE AM %s (%s dB) vs SVD %s (%s dB); %d trials", Table.g(amHi.meanNmse()),
                        f1(amHi.meanNmseDb()), Table.g(svdHi.meanNmse()), f1(svdHi.meanNmseDb()), amHi.trials()),
                amHi.trials() == 0 || svdHi.trials() == 0 ? "n/a" : yes(amHi.meanNmse() < svdHi.meanNmse())));
        PointSummary pc = PointSummary.of(rows, block, Method.PC, null);
        PointSummary amB = PointSummary.of(rows, block, Method.AM, null);
        PointSummary svdB = PointSummary.of(rows, block, Method.SVD, null);
        boolean anyB = pc.trials() > 0 && amB.trials() > 0 && svdB.trials() > 0;
        out.add(new Line("paper: PC-KroSBL best on block-sparse signals (clusters of 3 in x₁ and x₂)",
                !anyB ? "not measured" : String.format(Locale.ROOT, "NMSE PC %s dB, AM %s dB, SVD %s dB; support PC %s, AM %s, "
                                + "SVD %s; %d trials", f1(pc.meanNmseDb()), f1(amB.meanNmseDb()), f1(svdB.meanNmseDb()),
                        f2(pc.meanSupport()), f2(amB.meanSupport()), f2(svdB.meanSupport()), pc.trials()),
                !anyB ? "n/a" : yes(pc.meanNmse() < Math.min(amB.meanNmse(), svdB.meanNmse()))));
        if (oracle.trials() == 0) {
            out.add(new Line("oracle LS measured", "no", "n/a"));
        }
        return out;
    }

    /** The lines as a Markdown table. */
    public static String markdown(List<Line> lines) {
        Table t = new Table("goal", "measured", "met");
        for (Line l : lines) {
            t.row(l.goal(), l.measured(), l.met());
        }
        return t.markdown();
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static String f1(double v) {
        return Table.na(v, "%.1f", "—");
    }

    private static String f2(double v) {
        return Table.na(v, "%.2f", "—");
    }
}
