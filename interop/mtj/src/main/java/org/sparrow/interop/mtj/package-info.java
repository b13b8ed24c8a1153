/**
 * Conversions between Sparrow and MTJ 1.0.4 (Matrix Toolkits Java, {@code no.uib.cipr.matrix}): see
 * {@link org.sparrow.interop.mtj.Mtj}. This module depends on {@code sparrow-core} and MTJ alone; MTJ's
 * archived native BLAS builds are excluded, so MTJ's dense kernels run on netlib-java's pure-Java F2J BLAS.
 */
package org.sparrow.interop.mtj;
