/**
 * Random sketches: {@code m × n} linear maps with {@code m ≪ n} that keep the geometry of a
 * low-dimensional subspace, so that a tall problem can be shrunk before it is solved (ARCHITECTURE §4).
 *
 * <p>{@link org.sparrow.sketching.Sketches} builds the five families of {@link org.sparrow.sketching.SketchKind}
 * — Gaussian, Rademacher, the subsampled randomized Hadamard transform (through
 * {@link org.sparrow.sketching.FastWalshHadamard}), CountSketch and OSNAP — each a seeded, reproducible
 * {@link org.sparrow.sketching.Sketch} (a {@code LinearOperator}) that forms S·A from a dense or CSR A
 * without storing S. What is built on them:
 * <ul>
 *   <li>{@code org.sparrow.sketching.lstsq}: least squares by dense QR, LSQR, sketch-and-solve (with the
 *       ingredients of the ℓ∞ bound of Song–Ye–Yin–Zhang, ICML 2023, measured rather than asserted) and
 *       sketch-and-precondition (Blendenpik/LSRN);</li>
 *   <li>{@code org.sparrow.sketching.lowrank}: the randomized range finder and SVD of Halko–Martinsson–Tropp.</li>
 * </ul>
 * Matrix completion (ARCHITECTURE §4) is not built yet.
 */
package org.sparrow.sketching;
