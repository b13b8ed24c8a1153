package org.sparrow.solvers.ot;

import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.StopReason;

/**
 * What an entropic optimal transport solve produced, and what a user needs to trust it.
 *
 * @param method               the method that ran
 * @param plan                 the transport plan P, n×m, P_ij = exp(η(xᵢ + yⱼ − Cᵢⱼ) − 1) on the allowed
 *                             entries; entries that underflow to 0 are not stored
 * @param droppedMass          the total of the entries not stored (their exact sum, each below the smallest
 *                             double; almost always 0)
 * @param rowPotential         the dual potentials x (length n)
 * @param colPotential         the dual potentials y (length m)
 * @param transportCost        ⟨C,P⟩ of the returned plan
 * @param objective            the entropic objective ⟨C,P⟩ + η⁻¹·Σ pᵢⱼ log pᵢⱼ of the returned plan
 * @param marginalError        ‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁ recomputed from the returned plan
 * @param sinkhornIterations   Sinkhorn steps performed (each a row and a column update)
 * @param newtonIterations     Newton steps performed (SNS)
 * @param cgIterations         conjugate gradient iterations over all Newton steps
 * @param converged            whether the recomputed marginal error meets the tolerance
 * @param reason               why the solve stopped
 * @param detail               one sentence on the reason, empty when converged
 * @param marginalErrorHistory entry k: the marginal error after iteration k + 1 (Sinkhorn and Newton alike)
 * @param shiftedNewtonSteps   Newton steps whose sparsified system needed the diagonal shift
 * @param seconds              wall-clock time of the solve
 * @param hessianDensity       SNS: the fraction of the n·m entries kept in the last sparsified Hessian (the
 *                             starting λ, or more after {@linkplain OtOptions#densityGrowth() density growth});
 *                             NaN when no Newton step was taken
 */
public record OtResult(OtMethod method, CsrMatrix plan, double droppedMass, double[] rowPotential,
                       double[] colPotential, double transportCost, double objective, double marginalError,
                       int sinkhornIterations, int newtonIterations, int cgIterations, boolean converged,
                       StopReason reason, String detail, double[] marginalErrorHistory, int shiftedNewtonSteps,
                       double seconds, double hessianDensity) {

    /** {@return total iterations: Sinkhorn plus Newton steps} */
    public int iterations() {
        return sinkhornIterations + newtonIterations;
    }
}
