/**
 * Fill-reducing orderings of sparse matrices for direct factorizations, and the fill they give.
 *
 * <p>Every ordering is a permutation {@code perm} with {@code perm[new] = old}, the convention of
 * {@link org.sparrow.core.ops.Permute}: {@code Permute.of(a, perm, perm)} is {@code P·A·Pᵀ}, whose
 * row and column {@code k} are row and column {@code perm[k]} of A.
 *
 * <ul>
 *   <li>{@link org.sparrow.core.ordering.ReverseCuthillMcKee}: bandwidth and profile reduction (Cuthill and
 *       McKee 1969; George and Liu 1981, with a pseudo-peripheral starting node).</li>
 *   <li>{@link org.sparrow.core.ordering.ApproximateMinimumDegree}: fill reduction by minimum degree on
 *       the quotient graph with approximate degrees (Amestoy, Davis and Duff 1996).</li>
 *   <li>{@link org.sparrow.core.ordering.SymbolicCholesky}: the number of nonzeros in the Cholesky
 *       factor an ordering gives, from the elimination tree, without computing the factor.</li>
 *   <li>{@link org.sparrow.core.ordering.FillReducingOrdering}: the choice among them, for the graph of
 *       {@code A + Aᵀ} (Cholesky, symmetric pivoting) or of {@code AᵀA} (column orderings for LU with
 *       partial pivoting and for QR).</li>
 * </ul>
 */
package org.sparrow.core.ordering;
