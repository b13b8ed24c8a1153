package org.sparrow.interop.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An iterative method's history as the commands write it ({@code solve --history/--plot}, {@code ot
 * --history/--plot}): CSV with one line per iteration, and a PNG line chart on a logarithmic y axis with the
 * tolerance drawn across. Both go through {@link Outputs#write} (whole or not at all; {@code -} is stdout).
 */
final class HistoryFiles {

    private HistoryFiles() {
    }

    /**
     * Writes {@code iteration,COLUMN} and one line per entry of {@code h}.
     *
     * @param spec           the command
     * @param file           Output: the CSV file, or {@code -}
     * @param column         the value column's name, e.g. {@code relative_residual}
     * @param firstIteration the iteration number of {@code h[0]} (0 when it is the starting value)
     * @param h              Input: the history
     * @throws IOException if the file cannot be written
     */
    static void csv(CommandSpec spec, Path file, String column, int firstIteration, double[] h) throws IOException {
        Outputs.write(spec, file, raw -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
            w.write("iteration," + column + "\n");
            for (int k = 0; k < h.length; k++) {
                w.write((k + firstIteration) + "," + h[k] + "\n");
            }
            w.flush();
        });
    }

    /**
     * Draws the history (XChart, headless) with a logarithmic y axis and the tolerance as a line.
     *
     * @param spec           the command
     * @param file           Output: the PNG file, or {@code -}
     * @param history        Input: the history
     * @param firstIteration the iteration number of {@code history[0]}
     * @param tol            the tolerance, drawn across
     * @param title          the chart's title
     * @param yTitle         the y axis title, e.g. "relative residual"
     * @param series         the history's legend label, e.g. "residual estimate"
     * @throws IOException if the file cannot be written
     */
    static void plot(CommandSpec spec, Path file, double[] history, int firstIteration, double tol, String title,
                     String yTitle, String series) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        int n = 0;
        double[] xs = new double[history.length];
        double[] ys = new double[history.length];
        for (int k = 0; k < history.length; k++) {
            if (history[k] > 0 && Double.isFinite(history[k])) { // a log axis shows positive values only
                xs[n] = k + firstIteration;
                ys[n] = history[k];
                n++;
            }
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("iteration")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        long step = labelStep(history.length);
        chart.getStyler().setxAxisTickLabelsFormattingFunction( // a label every `step` iterations only
                v -> v == Math.rint(v) && v.longValue() % step == 0 ? Long.toString(v.longValue()) : " ");
        if (n > 0) {
            chart.addSeries(series, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)).setMarker(SeriesMarkers.NONE);
        }
        double start = firstIteration;
        double end = Math.max(start + 1, history.length - 1 + firstIteration);
        chart.addSeries("tolerance " + String.format(Locale.ROOT, "%.2g", tol), new double[] {start, end},
                new double[] {tol, tol}).setMarker(SeriesMarkers.NONE);
        Outputs.write(spec, file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    }

    /** A round step (1, 2 or 5 × 10^k) giving about ten labels over {@code n} iterations. */
    static long labelStep(int n) {
        double raw = Math.max(1.0, n / 10.0);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (long) ((f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p);
    }

    /**
     * Adds to {@code rep} the lines naming the files a solve command wrote: its result ({@code what}, e.g.
     * "x" or "P"), the history and the plot; a {@code null} path adds nothing.
     */
    static void writtenLines(Report rep, String what, Path output, Path history, Path plot) {
        if (output != null) {
            rep.line(what + " written to", Outputs.name(output));
        }
        if (history != null) {
            rep.line("history written to", Outputs.name(history));
        }
        if (plot != null) {
            rep.line("plot written to", Outputs.name(plot));
        }
    }
}
