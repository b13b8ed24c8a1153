package org.sparrow.core.backend;

/**
 * What a one-shot {@link Backends#spmm} did: where it ran, why there, and where the time went.
 *
 * @param selection           the backend and the reason it was chosen
 * @param matrixUploadSeconds seconds spent putting A on the backend (0 for the CPU)
 * @param timing              the product itself: X in, compute, Y out
 */
public record SpmmRun(BackendSelection selection, double matrixUploadSeconds, SpmmTiming timing) {

    /** {@return the backend that ran the product} */
    public Backend backend() {
        return selection.backend();
    }

    /** {@return upload of A plus the whole product} */
    public double totalSeconds() {
        return matrixUploadSeconds + timing.totalSeconds();
    }
}
