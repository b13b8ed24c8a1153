package org.sparrow.benchmarks.sbl;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparrow.core.io.SafeOutput;

/**
 * Line charts of the SBL benchmark as the paper draws them (He &amp; Joseph 2024, Figs. 1–3): NMSE in dB and
 * support recovery against SNR, M₁ and K, one line per method; time per solve against N on a log axis. Drawn
 * with XChart, saved as PNG; a point where a method has no estimate is left out of its line.
 */
final class SblCharts {

    private static final Map<Method, Color> COLORS = Map.of(Method.CLASSIC, new Color(0x7f, 0x7f, 0x7f),
            Method.AM, new Color(0x1f, 0x77, 0xb4), Method.SVD, new Color(0xd6, 0x27, 0x28), Method.PC,
            new Color(0x2c, 0xa0, 0x2c), Method.ORACLE, Color.BLACK, Method.ARD, new Color(0xff, 0x7f, 0x0e));

    private SblCharts() {
    }

    /**
     * Writes one chart.
     *
     * @param file   Output: the PNG file
     * @param title  chart title
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param xs     the x values
     * @param series y values per method, aligned with {@code xs}, NaN where missing
     * @param logY   whether the y axis is logarithmic (then values ≤ 0 are left out too)
     * @return whether a chart was written (false when no series has a point)
     */
    static boolean write(Path file, String title, String xLabel, String yLabel, double[] xs, Map<Method, double[]> series,
                         boolean logY) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(650).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(7);
        boolean any = false;
        for (Method m : Method.values()) {
            double[] y = series.get(m);
            if (y == null) {
                continue;
            }
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(y[i]) && (!logY || y[i] > 0)) {
                    px.add(xs[i]);
                    py.add(y[i]);
                }
            }
            if (px.isEmpty()) {
                continue;
            }
            any = true;
            XYSeries s = chart.addSeries(m.label(), px, py);
            s.setMarker(m == Method.ORACLE ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            s.setLineColor(COLORS.get(m));
            s.setMarkerColor(COLORS.get(m));
        }
        if (any) {
            SafeOutput.write(file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
        }
        return any;
    }
}
