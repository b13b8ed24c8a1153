package org.sparrow.benchmarks.harness;

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
 * The suites' log–log line charts (XChart, headless, PNG): measured series and reference slopes
 * ({@link #slope}) on logarithmic axes, the legend outside on the right. One place for the chart style, so
 * that every suite's time-vs-size and error-vs-iteration charts read alike.
 */
public final class LogLogChart {

    private LogLogChart() {
    }

    /**
     * One line of a chart.
     *
     * @param label   legend text
     * @param x       abscissae
     * @param y       ordinates (non-positive or non-finite points are left out: the axes are logarithmic)
     * @param markers whether the points are drawn as markers (measured points) or not (a reference line, or a
     *                history too dense for markers)
     */
    public record Series(String label, double[] x, double[] y, boolean markers) {

        /**
         * A series with markers when it has at most 12 points.
         *
         * @param label legend text
         * @param x     abscissae
         * @param y     ordinates
         */
        public Series(String label, double[] x, double[] y) {
            this(label, x, y, x.length <= 12);
        }
    }

    /**
     * A reference line y = y0·(x/x0)^slope over {@code xs}, drawn without markers.
     *
     * @param label legend text
     * @param xs    Input: the abscissae
     * @param x0    the anchor's abscissa
     * @param y0    the anchor's ordinate
     * @param slope the exponent
     * @return the series
     */
    public static Series slope(String label, double[] xs, double x0, double y0, double slope) {
        double[] y = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            y[i] = y0 * Math.pow(xs[i] / x0, slope);
        }
        return new Series(label, xs.clone(), y, false);
    }

    /**
     * Writes a log–log line chart; nothing is written when no series has a drawable point.
     *
     * @param file   Output: the PNG
     * @param width  the width in pixels (the height is 700)
     * @param title  the chart's title
     * @param xTitle the x axis title
     * @param yTitle the y axis title
     * @param series the lines, in legend order
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, int width, String title, String xTitle, String yTitle, List<Series> series)
            throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = new XYChartBuilder().width(width).height(700).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
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
                chart.addSeries(s.label(), xs, ys).setMarker(s.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                drawn++;
            }
        }
        if (drawn == 0) {
            return;
        }
        SafeOutput.write(file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    }
}
