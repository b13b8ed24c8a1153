package org.sparrow.benchmarks.sbl;

import org.sparrow.solvers.StopReason;
import org.sparrow.solvers.sbl.NoiseVariance;
import org.sparrow.solvers.sbl.Sbl;
import org.sparrow.solvers.sbl.SblOptions;
import org.sparrow.solvers.sbl.SblResult;

/**
 * Sparrow's side of the benchmark: {@link Sbl#solve} (what {@code sparrow sbl} calls) with the method's defaults
 * (150 iterations at most, tolerance 1e-4, the paper's pruning thresholds, β = 0.8 for PC) and the noise
 * variance KNOWN, as the paper's experiments give it to every SBL method. Timed around the call; x̂ is the
 * posterior mean. PC-KroSBL couples factors 1 and 2 ({@link #PC_COUPLED}), the ones the block-sparse case makes
 * block-sparse (the paper couples the block-sparse factors), at every point, so that it is one fixed method.
 */
final class SparrowSolvers {

    /** The 0-based factors PC-KroSBL couples: x₁ and x₂, the block-sparse ones of {@link SblProblem.Setup#block()}. */
    static final int[] PC_COUPLED = {0, 1};

    private SparrowSolvers() {
    }

    /**
     * Runs {@code m} on {@code p}.
     *
     * @param m Input: a Sparrow method ({@link Method#sparrow()} not null)
     * @param p Input: the trial
     * @return the answer; a method that throws becomes a failed solve naming why
     */
    static Solve solve(Method m, SblProblem p) {
        SblOptions o = SblOptions.defaults().withMethod(m.sparrow())
                .withNoise(new NoiseVariance.Known(p.noiseVariance())).withCoupledFactors(PC_COUPLED);
        long t0 = System.nanoTime();
        try {
            SblResult r = Sbl.solve(p.factors(), p.y(), o);
            double s = (System.nanoTime() - t0) * 1e-9;
            return new Solve(r.mean(), s, Double.NaN, r.iterations(), r.reason() == StopReason.CONVERGED, "");
        } catch (RuntimeException e) {
            return Solve.failed(m.label() + " failed: " + e.getMessage());
        }
    }
}
