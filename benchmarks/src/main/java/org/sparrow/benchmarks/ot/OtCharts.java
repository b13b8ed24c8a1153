package org.sparrow.benchmarks.ot;

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
 * The suite's two PNG charts (XChart, headless): the marginal error against the iteration for SNS and
 * Sinkhorn (both axes logarithmic, so that SNS's Newton phase and Sinkhorn's tens of thousands of steps
 * fit on one chart), and SNS's time per iteration against n with an O(n²) reference line.
 */
final class OtCharts {

    private OtCharts() {
    }

    /**
     * One line of a chart.
     *
     * @param label legend text
     * @param x     abscissae
     * @param y     ordinates (non-positive or non-finite points are left out: the axes are logarithmic)
     */
    record Series(String label, double[] x, double[] y) {
    }

    /**
     * The points of a marginal-error history to draw: every iteration up to 200, then about 200 per decade
     * (a Sinkhorn history holds up to 10⁵ points, which a log axis squeezes into the last few pixels).
     *
     * @param label   legend text
     * @param history Input: history[k] is the error after iteration k + 1
     * @return the series
     */
    static Series history(String label, double[] history) {
        List<double[]> pts = new ArrayList<>();
        double next = 0;
        for (int k = 0; k < history.length; k++) {
            int it = k + 1;
            if (it <= 200 || it >= next || k == history.length - 1) {
                pts.add(new double[] {it, history[k]});
                next = it * Math.pow(10, 1.0 / 200);
            }
        }
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = pts.get(k)[0];
            y[k] = pts.get(k)[1];
        }
        return new Series(label, x, y);
    }

    /**
     * Writes a log–log line chart.
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
        XYChart chart = new XYChartBuilder().width(1400).height(700).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
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
                chart.addSeries(s.label(), xs, ys).setMarker(xs.size() <= 12 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                drawn++;
            }
        }
        if (drawn == 0) {
            return;
        }
        SafeOutput.write(file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    }
}
