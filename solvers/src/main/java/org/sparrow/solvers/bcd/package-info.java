/**
 * Greedy block coordinate descent after Nutini, Laradji and Schmidt, "Let's Make Block Coordinate Descent
 * Converge Faster: Faster Greedy Rules, Message-Passing, Active-Set Complexity, and Superlinear Convergence",
 * JMLR 23 (2022), arXiv 1712.08859: problems ({@link org.sparrow.solvers.bcd.BcdProblem}), partition, selection
 * and update rules (enums), message-passing forest blocks ({@code forest} subpackage), proximal BCD with
 * active-set identification, and one entry point {@link org.sparrow.solvers.bcd.Bcd#solve}.
 */
package org.sparrow.solvers.bcd;
