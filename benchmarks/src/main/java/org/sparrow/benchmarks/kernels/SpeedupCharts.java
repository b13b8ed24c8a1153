package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.sparrow.core.io.SafeOutput;

/**
 * Bar charts of Sparrow's speed-up over each peer, one group of bars per matrix, drawn with XChart
 * and saved as PNG ({@link BitmapEncoder}). The y axis is logarithmic (the ratios run from about 1
 * to the thousands); a missing bar means the peer has no time on that matrix (timed out, refused,
 * or not available). Needs {@code java.awt.headless=true}, which {@link KernelSuite#main} sets.
 */
final class SpeedupCharts {

    private SpeedupCharts() {
    }

    /**
     * One peer's bars.
     *
     * @param peer     legend label
     * @param speedups speed-up per matrix, {@code null} where there is none
     */
    record Series(String peer, List<Double> speedups) {
    }

    /**
     * Writes one chart.
     *
     * @param file     Output: the PNG file
     * @param title    chart title
     * @param matrices category labels
     * @param series   one per peer
     */
    static void write(Path file, String title, List<String> matrices, List<Series> series) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(700).title(title)
                .xAxisTitle("matrix").yAxisTitle("speed-up (peer time / Sparrow time), log scale").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Series s : series) {
            if (s.speedups().stream().anyMatch(v -> v != null && v > 0)) {
                List<Double> y = new ArrayList<>();
                for (Double v : s.speedups()) {
                    boolean ok = v != null && v > 0 && !v.isInfinite();
                    y.add(ok ? v : Double.NaN);
                    if (ok) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                chart.addSeries(s.peer(), matrices, y);
            }
        }
        if (max == 0) {
            return;
        }
        // Bars are anchored at zero unless the axis range is set, and zero has no logarithm.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.min(min, 1.0)))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(Math.max(max, 2.0)))));
        SafeOutput.write(file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    }
}
