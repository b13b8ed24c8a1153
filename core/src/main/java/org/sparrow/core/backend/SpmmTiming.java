package org.sparrow.core.backend;

/**
 * Where the time of one product {@code Y = A·X} went, in seconds: copying X to the backend,
 * computing, and copying Y back. The CPU backend computes in place, so its copies take 0 s.
 *
 * @param uploadSeconds   X to the device (0 on the CPU)
 * @param computeSeconds  the SpMM kernel, from launch until the device has finished
 * @param downloadSeconds Y back to the Java array (0 on the CPU)
 */
public record SpmmTiming(double uploadSeconds, double computeSeconds, double downloadSeconds) {

    /** A product that did no work (k = 0, or an empty matrix). */
    public static final SpmmTiming NONE = new SpmmTiming(0, 0, 0);

    /** {@return upload, compute and download together} */
    public double totalSeconds() {
        return uploadSeconds + computeSeconds + downloadSeconds;
    }

    /** {@return upload and download together (what the product spent outside the kernel)} */
    public double transferSeconds() {
        return uploadSeconds + downloadSeconds;
    }
}
