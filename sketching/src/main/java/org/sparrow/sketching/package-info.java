/**
 * Sparrow's sketching (not built yet; it arrives with the sketching issue).
 *
 * <p>What will live here (ARCHITECTURE §4): sketch operators (Gaussian, Rademacher, SRHT through a
 * fast Walsh–Hadamard transform, CountSketch, OSNAP) as {@code LinearOperator}s; sketch-and-solve
 * least squares with an ℓ∞ error estimate; sketch-preconditioned LSQR (Blendenpik/LSRN style);
 * randomized range finder and SVD; matrix completion by alternating minimization.
 */
package org.sparrow.sketching;
