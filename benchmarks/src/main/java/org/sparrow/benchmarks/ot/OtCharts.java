package org.sparrow.benchmarks.ot;

import java.util.ArrayList;
import java.util.List;
import org.sparrow.benchmarks.harness.LogLogChart;

/**
 * What the suite's two PNG charts ({@link LogLogChart}) draw: the marginal error against the iteration for SNS and
 * Sinkhorn (both axes logarithmic, so that SNS's Newton phase and Sinkhorn's tens of thousands of steps
 * fit on one chart), and SNS's time per iteration against n with an O(n²) reference line.
 */
final class OtCharts {

    private OtCharts() {
    }

    /**
     * The points of a marginal-error history to draw: every iteration up to 200, then about 200 per decade
     * (a Sinkhorn history holds up to 10⁵ points, which a log axis squeezes into the last few pixels).
     *
     * @param label   legend text
     * @param history Input: history[k] is the error after iteration k + 1
     * @return the series
     */
    static LogLogChart.Series history(String label, double[] history) {
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
        return new LogLogChart.Series(label, x, y);
    }
}
