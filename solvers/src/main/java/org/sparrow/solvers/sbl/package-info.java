/**
 * Sparse Bayesian learning (SBL) for y = A·x + n, classic and Kronecker-structured.
 *
 * <p>Real-valued throughout: Sparrow has no complex type, so the IRS-MIMO channel estimation setting
 * of He &amp; Joseph (complex Gaussian dictionaries and noise) is treated in its real form; every
 * update below is the real-valued counterpart of the paper's.
 *
 * <p>Entry point: {@link org.sparrow.solvers.sbl.Sbl}; options {@link org.sparrow.solvers.sbl.SblOptions}
 * (method {@link org.sparrow.solvers.sbl.SblMethod}, noise {@link org.sparrow.solvers.sbl.NoiseVariance});
 * one result {@link org.sparrow.solvers.sbl.SblResult}.
 */
package org.sparrow.solvers.sbl;
