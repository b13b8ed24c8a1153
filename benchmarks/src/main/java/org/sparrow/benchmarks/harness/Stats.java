package org.sparrow.benchmarks.harness;

import java.util.Arrays;
import java.util.Collection;

/** The one median of the benchmarks (timings, ratios, seeds): every suite and report uses it. */
public final class Stats {

    private Stats() {
    }

    /**
     * The median of {@code values} (in any order; the array is not changed): the middle value, or the
     * mean of the two middle values for an even count.
     *
     * @param values Input: the values; NaN values sort last, as {@link Arrays#sort(double[])} puts them
     * @return the median, or NaN for no values
     */
    public static double median(double... values) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /**
     * The median of boxed values, as {@link #median(double...)}.
     *
     * @param values Input: the values, none {@code null}
     * @return the median, or NaN for none
     */
    public static double median(Collection<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
