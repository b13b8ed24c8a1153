package org.sparrow.benchmarks.regression;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparrow.benchmarks.harness.Stats;
import org.sparrow.benchmarks.harness.Table;
import org.sparrow.core.io.SafeOutput;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.lstsq.LeastSquares;
import org.sparrow.sketching.lstsq.LeastSquaresMethod;
import org.sparrow.sketching.lstsq.LeastSquaresOptions;
import org.sparrow.sketching.lstsq.LeastSquaresResult;

/**
 * The ℓ∞ experiment: on one fixed synthetic problem with ‖A·x* − b‖ &gt; 0, sketch-and-solve x′ for a range
 * of sketch sizes m, several seeds and the Gaussian, SRHT and CountSketch families, and the measured ratio
 * <pre>
 *   ρ∞ = ‖x′ − x*‖∞·√d / (‖A·x* − b‖·‖A†‖)
 * </pre>
 * — the ε that Song, Ye, Yin and Zhang's bound ‖x′ − x*‖∞ ≤ (ε/√d)·‖A·x′ − b‖·‖A†‖ would need (with the optimal
 * residual in place of ‖A·x′ − b‖, which it exceeds by a factor 1 + O(ε)). Also ρ₂ = ‖x′ − x*‖₂/(‖A·x* − b‖·‖A†‖),
 * the ℓ₂ counterpart. The paper predicts ρ∞ ~ 1/√m for dense sketches (m = Θ(ε⁻²·d·polylog)) and argues
 * CountSketch is worse in ℓ∞; the proof is disputed, so this only reports what is measured: per family and m
 * the median and range over seeds, and the least-squares slope of log(median ρ∞) against log m
 * (−0.5 means ~ 1/√m).
 *
 * <p>Output: {@code linf.csv} (one row per family × m × seed), {@code linf.png} (log–log: every seed as a
 * dot, the median as a line, and a c/√m reference through the Gaussian median at the smallest m) and
 * {@code linf.md}.
 */
final class LinfExperiment {

    static final List<SketchKind> KINDS = List.of(SketchKind.GAUSSIAN, SketchKind.SRHT, SketchKind.COUNTSKETCH);

    /**
     * The experiment's size.
     *
     * @param spec   the problem
     * @param mCount how many sketch sizes, log-spaced from 2d to n/4
     * @param seeds  seeds per family and m
     */
    record Setup(Problems.Spec spec, int mCount, int seeds) {

        static Setup full() {
            return new Setup(new Problems.Spec(1 << 14, 20, 1e3, 1e-2, false, 7), 8, 10);
        }

        static Setup quick() {
            return new Setup(new Problems.Spec(1 << 12, 10, 1e3, 1e-2, false, 7), 5, 4);
        }

        int[] ms() {
            int lo = 2 * spec.d();
            int hi = spec.n() / 4;
            int[] m = new int[mCount];
            for (int k = 0; k < mCount; k++) {
                m[k] = (int) Math.round(lo * Math.pow((double) hi / lo, (double) k / (mCount - 1)));
            }
            return m;
        }
    }

    /** One sketch-and-solve. */
    record Point(SketchKind kind, int m, long seed, double ratioInf, double ratio2, double errInf, double err2,
                 double residualRatio, double linfBound, double seconds, String status) {
    }

    private LinfExperiment() {
    }

    /** Runs the experiment and writes its three files into {@code dir}. */
    static void run(Path dir, Setup setup, int threads) throws IOException {
        long t0 = System.nanoTime();
        LsProblem p = Problems.synthetic(setup.spec(), threads);
        System.err.printf(Locale.ROOT, "ℓ∞ experiment on %s (built in %.1f s)%n", p.name(), p.setupSeconds());
        double scale = p.optResidual() * p.pinvNorm();
        double sqrtD = Math.sqrt(p.d());
        List<Point> points = new ArrayList<>();
        for (SketchKind k : KINDS) {
            for (int m : setup.ms()) {
                for (int s = 1; s <= setup.seeds(); s++) {
                    LeastSquaresOptions o = LeastSquaresOptions.defaults().withMethod(LeastSquaresMethod.SKETCH_SOLVE)
                            .withSketch(k).withSketchRows(m).withSeed(s);
                    try {
                        long a = System.nanoTime();
                        LeastSquaresResult r = LeastSquares.solve(p.a(), p.b(), o);
                        double sec = (System.nanoTime() - a) * 1e-9;
                        double[] x = r.solution();
                        double eInf = 0;
                        double e2 = 0;
                        for (int i = 0; i < x.length; i++) {
                            double e = x[i] - p.xStar()[i];
                            eInf = Math.max(eInf, Math.abs(e));
                            e2 += e * e;
                        }
                        e2 = Math.sqrt(e2);
                        points.add(new Point(k, m, s, eInf * sqrtD / scale, e2 / scale, eInf, e2,
                                r.residuals().norm() / p.optResidual(), r.linf().bound(), sec, "ok"));
                    } catch (RuntimeException e) {
                        points.add(new Point(k, m, s, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                                Double.NaN, Double.NaN, e.getClass().getSimpleName() + ": " + e.getMessage()));
                    }
                }
                Summary sm = summary(points, k, m);
                System.err.printf(Locale.ROOT, "  %-12s m=%-6d median ρ∞ %.3g (%.3g–%.3g), median ρ₂ %.3g%n", k.cliName(),
                        m, sm.median(), sm.min(), sm.max(), sm.median2());
            }
        }
        writeCsv(dir.resolve("linf.csv"), points);
        chart(dir.resolve("linf.png"), p, setup, points);
        SafeOutput.writeString(dir.resolve("linf.md"), markdown(p, setup, points, (System.nanoTime() - t0) * 1e-9));
    }

    /** Median, min and max of ρ∞ (and the median of ρ₂) over the seeds of one family and m. */
    record Summary(double median, double min, double max, double median2, int count) {
    }

    static Summary summary(List<Point> points, SketchKind k, int m) {
        double[] v = points.stream().filter(p -> p.kind() == k && p.m() == m && p.status().equals("ok"))
                .mapToDouble(Point::ratioInf).sorted().toArray();
        double[] v2 = points.stream().filter(p -> p.kind() == k && p.m() == m && p.status().equals("ok"))
                .mapToDouble(Point::ratio2).sorted().toArray();
        if (v.length == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Summary(Stats.median(v), v[0], v[v.length - 1], Stats.median(v2), v.length);
    }

    /** The least-squares slope of log y against log x over the finite positive pairs (NaN if fewer than 2). */
    static double logSlope(double[] x, double[] y) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(y[i])) {
                pts.add(new double[] {Math.log(x[i]), Math.log(y[i])});
            }
        }
        if (pts.size() < 2) {
            return Double.NaN;
        }
        double mx = pts.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pts.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : pts) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxy / sxx;
    }

    private static void writeCsv(Path file, List<Point> points) throws IOException {
        Table t = new Table("kind", "m", "seed", "ratio_inf", "ratio_2", "err_inf", "err_2", "residual_over_optimal",
                "library_linf_bound", "seconds", "status");
        for (Point p : points) {
            t.row(p.kind().cliName(), p.m(), p.seed(), ResultRow.num(p.ratioInf()), ResultRow.num(p.ratio2()),
                    ResultRow.num(p.errInf()), ResultRow.num(p.err2()), ResultRow.num(p.residualRatio()),
                    ResultRow.num(p.linfBound()), ResultRow.num(p.seconds()), p.status().replace(',', ';'));
        }
        t.writeCsv(file);
    }

    private static final Map<SketchKind, Color> COLORS = Map.of(SketchKind.GAUSSIAN, new Color(0x1f77b4),
            SketchKind.SRHT, new Color(0xd62728), SketchKind.COUNTSKETCH, new Color(0x2ca02c));

    private static void chart(Path file, LsProblem p, Setup setup, List<Point> points) throws IOException {
        XYChart chart = new XYChartBuilder().width(1100).height(700)
                .title(String.format(Locale.ROOT, "Sketch-and-solve ℓ∞ error ratio vs m (n = %d, d = %d, cond = %s, "
                        + "‖Ax*−b‖/‖Ax*‖ = %s, %d seeds)", p.n(), p.d(), Problems.compact(p.cond()),
                        Problems.compact(p.noise()), setup.seeds()))
                .xAxisTitle("sketch rows m (log)").yAxisTitle("‖x′−x*‖∞·√d / (‖Ax*−b‖·‖A†‖)  (log)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        int[] ms = setup.ms();
        double[] mx = Arrays.stream(ms).asDoubleStream().toArray();
        boolean any = false;
        for (SketchKind k : KINDS) {
            Color c = COLORS.get(k);
            List<Point> ok = points.stream().filter(q -> q.kind() == k && q.status().equals("ok")
                    && q.ratioInf() > 0).toList();
            if (ok.isEmpty()) {
                continue;
            }
            any = true;
            XYSeries dots = chart.addSeries(k.cliName() + " (each seed)", ok.stream().mapToDouble(Point::m).toArray(),
                    ok.stream().mapToDouble(Point::ratioInf).toArray());
            dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
            dots.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int m : ms) {
                double med = summary(points, k, m).median();
                if (med > 0) {
                    xs.add((double) m);
                    ys.add(med);
                }
            }
            XYSeries line = chart.addSeries(k.cliName() + " (median)", xs, ys);
            line.setMarker(SeriesMarkers.DIAMOND);
            line.setLineColor(c);
            line.setMarkerColor(c);
        }
        double g0 = summary(points, SketchKind.GAUSSIAN, ms[0]).median();
        if (g0 > 0) {
            double[] ref = Arrays.stream(mx).map(m -> g0 * Math.sqrt(ms[0] / m)).toArray();
            XYSeries r = chart.addSeries("c/√m (through the Gaussian median at the smallest m)", mx, ref);
            r.setMarker(SeriesMarkers.NONE);
            r.setLineStyle(SeriesLines.DASH_DASH);
            r.setLineColor(Color.GRAY);
        }
        if (any) {
            SafeOutput.write(file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
        }
    }

    private static String markdown(LsProblem p, Setup setup, List<Point> points, double seconds) {
        int[] ms = setup.ms();
        StringBuilder md = new StringBuilder();
        md.append("# Sketch-and-solve: the ℓ∞ error ratio against the sketch size\n\n")
                .append("Run ").append(Instant.now()).append(String.format(Locale.ROOT, "; %.0f s.%n%n", seconds))
                .append(String.format(Locale.ROOT, "Problem `%s`: A = U·diag(σ)·Vᵀ, n = %d, d = %d, cond(A) = ‖A†‖ = %s "
                        + "(σ from 1 to 1/cond), b = A·x* + r with r ⟂ range(A) and ‖r‖ = %s·‖A·x*‖, so x* is the exact "
                        + "minimizer and ‖A·x* − b‖ = %.4g. For each family, m (log-spaced from 2d to n/4) and seed "
                        + "1…%d: x′ from `LeastSquares.solve` with sketch-solve, and%n%n", p.name(), p.n(), p.d(),
                        Problems.compact(p.cond()), Problems.compact(p.noise()), p.optResidual(), setup.seeds()))
                .append("- ρ∞ = ‖x′ − x*‖∞·√d / (‖A·x* − b‖·‖A†‖) — the ε the Song–Ye–Yin–Zhang ℓ∞ bound would need;\n")
                .append("- ρ₂ = ‖x′ − x*‖₂ / (‖A·x* − b‖·‖A†‖) — the ℓ₂ counterpart (the classical sketch-and-solve bound "
                        + "is ‖x′ − x*‖₂ ≲ ε·‖A·x* − b‖·‖A†‖).\n\n")
                .append("Files: `linf.csv` (every run), `linf.png` (each seed as a dot, medians as lines, a c/√m "
                        + "reference).\n\n");
        md.append("## Median ρ∞ (min–max over seeds)\n\n| m |");
        for (SketchKind k : KINDS) {
            md.append(' ').append(k.cliName()).append(" |");
        }
        md.append(" ρ∞·√m: gaussian | srht | countsketch |\n|---:|");
        md.append("---:|".repeat(KINDS.size() * 2)).append('\n');
        for (int m : ms) {
            md.append("| ").append(m).append(" |");
            for (SketchKind k : KINDS) {
                Summary s = summary(points, k, m);
                md.append(s.count() == 0 ? " — |" : String.format(Locale.ROOT, " %.3g (%.3g–%.3g) |", s.median(), s.min(),
                        s.max()));
            }
            for (SketchKind k : KINDS) {
                Summary s = summary(points, k, m);
                md.append(s.count() == 0 ? " — |" : String.format(Locale.ROOT, " %.3g |", s.median() * Math.sqrt(m)));
            }
            md.append('\n');
        }
        md.append("\n## How the ratio scales with m\n\n")
                .append("Least-squares slope of log(median) against log m over all m (−0.5 ⇔ ~1/√m), and over the "
                        + "upper half of the m range (where m ≫ d):\n\n")
                .append("| family | slope ρ∞ (all m) | slope ρ∞ (upper half) | slope ρ₂ (all m) | median ρ∞/ρ₂ "
                        + "(ℓ∞ vs ℓ₂ spread) |\n|---|---:|---:|---:|---:|\n");
        Map<SketchKind, Double> slopes = new LinkedHashMap<>();
        for (SketchKind k : KINDS) {
            double[] x = Arrays.stream(ms).asDoubleStream().toArray();
            double[] y = Arrays.stream(ms).mapToDouble(m -> summary(points, k, m).median()).toArray();
            double[] y2 = Arrays.stream(ms).mapToDouble(m -> summary(points, k, m).median2()).toArray();
            int h = ms.length / 2;
            double all = logSlope(x, y);
            slopes.put(k, all);
            double upper = logSlope(Arrays.copyOfRange(x, h, x.length), Arrays.copyOfRange(y, h, y.length));
            double[] spread = points.stream().filter(q -> q.kind() == k && q.status().equals("ok") && q.ratio2() > 0)
                    .mapToDouble(q -> q.ratioInf() / q.ratio2()).sorted().toArray();
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |%n", k.cliName(), all, upper,
                    logSlope(x, y2), spread.length == 0 ? "—" : String.format(Locale.ROOT, "%.2f", Stats.median(spread))));
        }
        md.append("\n").append(verdict(points, ms, slopes)).append('\n');
        List<Point> bad = points.stream().filter(q -> !q.status().equals("ok")).toList();
        if (!bad.isEmpty()) {
            md.append("\n## Runs that failed\n\n");
            bad.stream().map(q -> q.kind().cliName() + " m=" + q.m() + " seed " + q.seed() + ": " + q.status())
                    .distinct().limit(20).forEach(s -> md.append("- ").append(s).append('\n'));
        }
        md.append("\nFor a random error direction ‖e‖∞ ≈ ‖e‖₂·√(2·ln d / d), so ρ∞ ≈ ρ₂·√(2·ln d) ≈ ")
                .append(String.format(Locale.ROOT, "%.2f", Math.sqrt(2 * Math.log(p.d()))))
                .append("·ρ₂ when the error has no preferred coordinates; a larger ρ∞/ρ₂ means the error concentrates "
                        + "on a few coordinates.\n");
        return md.toString();
    }

    /** One paragraph comparing the families at the largest m and their slopes. */
    private static String verdict(List<Point> points, int[] ms, Map<SketchKind, Double> slopes) {
        int top = ms[ms.length - 1];
        Summary g = summary(points, SketchKind.GAUSSIAN, top);
        Summary s = summary(points, SketchKind.SRHT, top);
        Summary c = summary(points, SketchKind.COUNTSKETCH, top);
        return String.format(Locale.ROOT, "**Measured:** at the largest m = %d the median ρ∞ is %.3g (Gaussian), %.3g "
                        + "(SRHT), %.3g (CountSketch) — CountSketch/Gaussian = %.2f, SRHT/Gaussian = %.2f; slopes %.2f, "
                        + "%.2f, %.2f (−0.5 would be 1/√m).", top, g.median(), s.median(), c.median(),
                c.median() / g.median(), s.median() / g.median(), slopes.getOrDefault(SketchKind.GAUSSIAN, Double.NaN),
                slopes.getOrDefault(SketchKind.SRHT, Double.NaN), slopes.getOrDefault(SketchKind.COUNTSKETCH, Double.NaN));
    }
}
