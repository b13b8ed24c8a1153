/**
 * Forest-structured blocks for block coordinate descent on a sparse quadratic ½xᵀAx − bᵀx, and their
 * exact solve by message passing, after Nutini, Laradji and Schmidt, "Let's Make Block Coordinate
 * Descent Converge Faster" (JMLR 23(131), 2022; arXiv 1712.08859), section "Message-Passing for
 * Huge-Block Updates".
 *
 * <p>When the subgraph of A induced by a block b (nodes b, edges the nonzero off-diagonal entries a_ij
 * with i, j ∈ b) is a forest, the block update x_b ← A_bb⁻¹(b_b − A_{b,¬b}x_¬b) is a linear system whose
 * Gaussian elimination, leaves first, creates no fill: it costs O(|b|) however large the block. The paper
 * uses this to update huge blocks exactly: the two colour classes of a red–black (two-colour) ordering of
 * a lattice (each an independent set, so A_bb is diagonal), the paper's partition of a lattice into two
 * comb-shaped trees, a greedy partition of a general graph into forests, and a block grown greedily in
 * the order of the Gauss–Southwell scores |∇_i f| while it stays a forest.
 *
 * <ul>
 *   <li>{@link org.sparrow.solvers.bcd.forest.ForestBlocks} builds those blocks and checks that a block is
 *       a forest;</li>
 *   <li>{@link org.sparrow.solvers.bcd.forest.TreeSolver} solves A_bb·x_b = r_b for a forest block in
 *       O(|b|), allocation-free after construction;</li>
 *   <li>{@link org.sparrow.solvers.bcd.forest.ForestWorkspace} holds the scratch arrays of the greedy
 *       block growth so that a per-iteration call allocates nothing but its result.</li>
 * </ul>
 *
 * <p><b>The graph of A.</b> A is taken as structurally symmetric (as the matrix of a quadratic is): node i's
 * neighbours are the columns j ≠ i of the nonzero entries of row i. Stored zeros are not edges.
 */
package org.sparrow.solvers.bcd.forest;
