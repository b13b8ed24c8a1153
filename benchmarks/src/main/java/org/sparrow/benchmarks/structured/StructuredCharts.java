package org.sparrow.benchmarks.structured;

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
 * The suite's log–log line charts (XChart, headless): measured series with markers, reference slopes
 * (n^1.5, n², k, k²) as plain lines anchored at a measured point, so that a glance tells which slope a
 * measurement follows.
 */
final class StructuredCharts {

    private StructuredCharts() {
    }

    /**
     * One line of a chart.
     *
     * @param label     legend text
     * @param x         abscissae
     * @param y         ordinates (non-positive or non-finite points are left out: the axes are logarithmic)
     * @param reference whether it is a reference slope (drawn without markers)
     */
    record Series(String label, double[] x, double[] y, boolean reference) {
    }

    /**
     * A reference line y = y0·(x/x0)^slope over {@code xs}.
     *
     * @param label legend text
     * @param xs    Input: the abscissae
     * @param x0    the anchor's abscissa
     * @param y0    the anchor's ordinate
     * @param slope the exponent
     * @return the series
     */
    static Series slope(String label, double[] xs, double x0, double y0, double slope) {
        double[] y = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            y[i] = y0 * Math.pow(xs[i] / x0, slope);
        }
        return new Series(label, xs.clone(), y, true);
    }

    /**
     * Writes a log–log line chart; nothing is written when no series has a drawable point.
     *
     * @param file   Output: the PNG
     * @param title  the chart's title
     * @param xTitle the x axis title
     * @param yTitle the y axis title
     * @param series the lines, in legend order
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, String title, String xTitle, String yTitle, List<Series> series) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = new XYChartBuilder().width(1200).height(700).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        int drawn = 0;
        for (Series s : series) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < s.x().length; k++) {
                if (s.x()[k] > 0 && s.y()[k] > 0 && Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k])) {
                    xs.add(s.x()[k]);
                    ys.add(s.y()[k]);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(s.label(), xs, ys).setMarker(s.reference() ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                drawn++;
            }
        }
        if (drawn == 0) {
            return;
        }
        SafeOutput.write(file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    }
}
