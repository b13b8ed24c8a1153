package org.sparrow.solvers;

/** Called once per iteration with the method's own residual estimate (a progress bar, a history). */
@FunctionalInterface
public interface IterationListener {

    /**
     * Receives the state after one iteration.
     *
     * @param iteration         1-based iteration number
     * @param relativeResidual  the method's current estimate of ‖b − A·x‖/‖b‖ (for the least-squares
     *                          methods, of ‖Aᵀ(b − A·x)‖/(‖A‖·‖b − A·x‖) or ‖b − A·x‖/‖b‖ as each documents)
     */
    void onIteration(int iteration, double relativeResidual);
}
