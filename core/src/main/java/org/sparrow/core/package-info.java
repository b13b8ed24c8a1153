/**
 * Sparrow's shared matrix formats and the {@link org.sparrow.core.LinearOperator} abstraction.
 *
 * <p>{@link org.sparrow.core.CooMatrix}, {@link org.sparrow.core.CsrMatrix},
 * {@link org.sparrow.core.CscMatrix} and {@link org.sparrow.core.DenseMatrix} are immutable value
 * classes with checked invariants; all four are {@link org.sparrow.core.Matrix} and convert to one
 * another. Kernels live in {@code org.sparrow.core.ops}, Matrix Market I/O in
 * {@code org.sparrow.core.io}.
 */
package org.sparrow.core;
