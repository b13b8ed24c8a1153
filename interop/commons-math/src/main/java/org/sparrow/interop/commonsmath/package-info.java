/**
 * Conversions between Sparrow and Apache Commons Math 3.6.1 ({@code org.apache.commons.math3.linear}): see
 * {@link org.sparrow.interop.commonsmath.CommonsMath}. This module depends on {@code sparrow-core} and
 * Commons Math alone.
 */
package org.sparrow.interop.commonsmath;
