package org.sparrow.benchmarks.sbl;

import java.util.Arrays;

/**
 * The accuracy measures of the Kronecker SBL benchmark, as He &amp; Joseph (IEEE TSP 2024, Section VI) report
 * them: the normalized mean squared error and the support recovery rate.
 */
public final class SblMetrics {

    /** Ŝ keeps the entries with |x̂ᵢ| above this fraction of max|x̂|. */
    public static final double SUPPORT_FRACTION = 1e-3;

    private SblMetrics() {
    }

    /**
     * NMSE = ‖x̂ − x‖² / ‖x‖².
     *
     * @param estimate Input: x̂
     * @param truth    Input: x, not all zero, same length
     * @return the NMSE (NaN when x̂ is missing or holds a NaN)
     */
    public static double nmse(double[] estimate, double[] truth) {
        if (estimate == null) {
            return Double.NaN;
        }
        if (estimate.length != truth.length) {
            throw new IllegalArgumentException("the estimate has " + estimate.length + " entries, the signal " + truth.length);
        }
        double err = 0;
        double ref = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = estimate[i] - truth[i];
            err += d * d;
            ref += truth[i] * truth[i];
        }
        if (ref == 0) {
            throw new IllegalArgumentException("the true signal is zero, so its NMSE is undefined");
        }
        return err / ref;
    }

    /** 10·log₁₀(v): an NMSE in dB. */
    public static double decibels(double v) {
        return 10 * Math.log10(v);
    }

    /**
     * The estimated support Ŝ = {i : |x̂ᵢ| &gt; {@value #SUPPORT_FRACTION}·max|x̂|} (empty when x̂ = 0).
     *
     * @param estimate Input: x̂
     * @return Ŝ, sorted
     */
    public static int[] estimatedSupport(double[] estimate) {
        double max = 0;
        for (double v : estimate) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0 || !Double.isFinite(max)) {
            return new int[0];
        }
        double cut = SUPPORT_FRACTION * max;
        int[] out = new int[estimate.length];
        int k = 0;
        for (int i = 0; i < estimate.length; i++) {
            if (Math.abs(estimate[i]) > cut) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** The indices where {@code x} is nonzero, sorted. */
    public static int[] supportOf(double[] x) {
        int[] out = new int[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * Support recovery |Ŝ ∩ S| / |Ŝ ∪ S| (Jaccard index) with Ŝ from {@link #estimatedSupport}.
     *
     * @param estimate    Input: x̂
     * @param trueSupport Input: S, sorted, not empty
     * @return a value in [0, 1]; 1 exactly when Ŝ = S (NaN when x̂ is missing)
     */
    public static double supportRecovery(double[] estimate, int[] trueSupport) {
        if (estimate == null) {
            return Double.NaN;
        }
        int[] s = estimatedSupport(estimate);
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < s.length && j < trueSupport.length) {
            if (s[i] == trueSupport[j]) {
                common++;
                i++;
                j++;
            } else if (s[i] < trueSupport[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = s.length + trueSupport.length - common;
        return union == 0 ? 1.0 : (double) common / union;
    }
}
