/**
 * Sparse Bayesian learning (SBL) for y = A·x + n, n ~ N(0, σ²I): classic, and Kronecker-structured
 * for A = A₁⊗…⊗A_d.
 *
 * <p><b>Real-valued.</b> Sparrow has no complex type. He &amp; Joseph's IRS-MIMO channel estimation
 * setting (complex dictionaries, circular complex Gaussian noise) is treated in its real form: every
 * update below is the real counterpart of the paper's (transposes for conjugate transposes, μ² for
 * |μ|²). A complex problem can be solved through its real embedding where its structure allows.
 *
 * <h2>Methods ({@link org.sparrow.solvers.sbl.SblMethod})</h2>
 * <ul>
 *   <li>{@code CLASSIC}: Tipping, "Sparse Bayesian learning and the relevance vector machine" (JMLR 1,
 *       2001) with the EM hyperparameter update of Wipf &amp; Rao, "Sparse Bayesian learning for basis
 *       selection" (IEEE TSP 52(8), 2004): one hyperparameter per coefficient; the E-step factors the
 *       M × M matrix σ²I + AΓAᵀ. Baseline; through {@link org.sparrow.solvers.sbl.Sbl#solve} it forms the
 *       dense A = ⊗Aᵢ (refused past {@link org.sparrow.core.structured.KroneckerOperator#TO_DENSE_MAX_ENTRIES}
 *       entries).</li>
 *   <li>{@code AM}, {@code SVD}, {@code PC}: He &amp; Joseph, "Bayesian Algorithms for Kronecker-structured
 *       Sparse Vector Recovery With Application to IRS-MIMO Channel Estimation" (IEEE TSP 2024, arXiv
 *       2307.14719), the AM-KroSBL and SVD-KroSBL algorithms and the pattern-coupled PC-KroSBL extension
 *       for block sparsity, with the prior x ~ N(0, diag(γ₁⊗…⊗γ_d)). The E-step never forms anything of
 *       Kronecker size: σ²I + AΓAᵀ is diagonal in the Kronecker eigenbasis of the factors
 *       ({@link org.sparrow.core.structured.KroneckerEigen}), and μ and diag Σ are Kronecker products with
 *       small factor matrices ({@link org.sparrow.core.structured.KroneckerOperator}). The updates,
 *       thresholds and the unknown-noise variant follow the paper's algorithms as implemented in the
 *       authors' MATLAB code (repository YanbinHe/JournalKroSBL), which was read to fix the details;
 *       the equations are written out in the class comments, cited by algorithm name.</li>
 * </ul>
 *
 * <h2>Defaults ({@link org.sparrow.solvers.sbl.SblOptions#defaults()})</h2>
 * SVD-KroSBL, estimated noise, β = 0.8 (PC only), at most 150 EM iterations, tolerance 1e-4 on
 * ‖γ⁽ᵗ⁾ − γ⁽ᵗ⁻¹⁾‖/‖γ⁽ᵗ⁻¹⁾‖ over the full grid (pruned entries count as 0). Pruning, at the start of
 * every iteration and once before the final estimate, removes a hyperparameter below r times the
 * largest of its factor (classic: of all): r = 1e-2 for AM and PC, 1e-3 for SVD and classic, as in the
 * authors' code. Start: every γ equal to the largest single-atom least-squares coefficient squared,
 * maxᵢ (aᵢᵀy)²/‖aᵢ‖⁴ (scale-invariant; the authors start at 1 on data of unit scale). An estimated σ²
 * starts at 0.1·‖y‖²/M, as the authors' unknown-noise code.
 *
 * <h2>Result ({@link org.sparrow.solvers.sbl.SblResult})</h2>
 * x̂ is the posterior mean with the final hyperparameters. The support is where a hyperparameter
 * survived pruning; for PC-KroSBL it includes the grid neighbours of each nonzero block that the
 * coupling keeps alive (their x̂ is near zero). {@code converged} is true only when the tolerance was
 * met; otherwise the reason is {@code MAX_ITERATIONS}, {@code NOT_FINITE} (a NaN or infinity appeared)
 * or, for classic SBL, {@code BREAKDOWN} (σ²I + AΓAᵀ not numerically positive definite: σ² too small
 * for A). The relative residual ‖y − A·x̂‖/‖y‖ is recomputed at the end through the factors. A known σ²
 * of 0 is raised to the floor 1e-12·‖y‖²/M so that the E-step stays defined.
 */
package org.sparrow.solvers.sbl;
