package org.sparrow.benchmarks.kernels;

import org.sparrow.benchmarks.harness.Timer;

/**
 * One implementation on one kernel and one matrix.
 *
 * @param kernel  the kernel
 * @param matrix  the matrix's short name
 * @param impl    who computed it
 * @param threads threads it ran on
 * @param timing  the timing, or {@code null} when nothing was timed (see {@code status})
 * @param status  "ok", or why there is no timing ("timed out (> 10 s)", "refused: …", "failed: …",
 *                "not measured: …")
 * @param relDiff relative Frobenius (2-norm for vectors) difference from Sparrow's result, NaN if
 *                not checked
 */
record Measurement(Kernel kernel, String matrix, Impl impl, int threads, Timer.Measured<?> timing, String status,
                   double relDiff) {

    /** Whether a time was measured. */
    boolean timed() {
        return timing != null;
    }

    /** Whether the cross-check found a difference above {@link ResultCheck#TOLERANCE}. */
    boolean mismatch() {
        return !Double.isNaN(relDiff) && !(relDiff <= ResultCheck.TOLERANCE);
    }
}
