/**
 * Entropic optimal transport: log-domain Sinkhorn and Sinkhorn-Newton-Sparse (Tang et al., ICLR 2024)
 * for dense and sparse costs, through {@link org.sparrow.solvers.ot.EntropicOt}.
 */
package org.sparrow.solvers.ot;
