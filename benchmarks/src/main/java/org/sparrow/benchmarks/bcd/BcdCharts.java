package org.sparrow.benchmarks.bcd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparrow.core.io.SafeOutput;

/**
 * The suite's charts as the paper draws them: f(x_k) − f* against the iteration k, the gap on a logarithmic axis,
 * one line per configuration (XChart, headless PNG).
 */
final class BcdCharts {

    private BcdCharts() {
    }

    /**
     * Writes one chart.
     *
     * @param file   Output: the PNG
     * @param title  the chart's title
     * @param series the runs (gaps ≤ 0 — below f* by rounding — are left out: the axis is logarithmic)
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, String title, List<Orderings.Outcome> series) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = new XYChartBuilder().width(1200).height(700).title(title).xAxisTitle("iteration")
                .yAxisTitle("f(x) − f*").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        for (Orderings.Outcome s : series) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] g = s.gap();
            for (int k = 0; k < g.length; k++) {
                if (g[k] > 0 && Double.isFinite(g[k])) {
                    xs.add((double) k);
                    ys.add(g[k]);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(s.label(), xs, ys).setMarker(SeriesMarkers.NONE);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return;
        }
        SafeOutput.write(file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    }
}
