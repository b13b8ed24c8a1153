/**
 * The EJML adapter: {@link org.sparrow.interop.ejml.Ejml} converts between EJML 0.46's
 * {@code DMatrixSparseCSC}, {@code DMatrixSparseTriplet} and {@code DMatrixRMaj} and Sparrow's
 * {@link org.sparrow.core.CscMatrix}, {@link org.sparrow.core.CsrMatrix}, {@link org.sparrow.core.CooMatrix}
 * and {@link org.sparrow.core.DenseMatrix}, zero-copy where the layouts agree. Depends on
 * {@code sparrow-core} and EJML only.
 */
package org.sparrow.interop.ejml;
