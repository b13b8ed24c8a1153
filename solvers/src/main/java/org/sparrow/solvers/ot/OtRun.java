package org.sparrow.solvers.ot;

import java.util.Arrays;

import org.sparrow.solvers.IterationListener;
import org.sparrow.solvers.StopReason;

/** The bookkeeping of one solve: iteration counts against the limit, the error history, the listener, the stop. */
final class OtRun {

    final int limit;
    final double tolerance;
    private final IterationListener listener;
    int sinkhornIterations;
    int newtonIterations;
    int cgIterations;
    int shiftedNewtonSteps;
    /** The density λ of the last sparsified Hessian (NaN until a Newton step builds one). */
    double hessianDensity = Double.NaN;
    StopReason reason = StopReason.MAX_ITERATIONS;
    String detail = "";
    private double[] history = new double[64];
    private int recorded;

    OtRun(OtOptions o) {
        this.limit = o.iterationLimit();
        this.tolerance = o.tolerance();
        this.listener = o.listener();
    }

    /** Iterations so far, Sinkhorn and Newton. */
    int iterations() {
        return sinkhornIterations + newtonIterations;
    }

    /** Whether the iteration limit leaves room for another iteration. */
    boolean roomLeft() {
        return iterations() < limit;
    }

    /** Records the marginal error after the latest iteration (amortized growth of the history only). */
    void record(double err) {
        if (recorded == history.length) {
            history = Arrays.copyOf(history, 2 * history.length);
        }
        history[recorded++] = err;
        if (listener != null) {
            listener.onIteration(recorded, err);
        }
    }

    double[] history() {
        return Arrays.copyOf(history, recorded);
    }

    void stop(StopReason r, String d) {
        reason = r;
        detail = d;
    }
}
