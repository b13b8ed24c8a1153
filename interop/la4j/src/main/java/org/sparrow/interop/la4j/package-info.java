/**
 * Conversions between Sparrow and la4j 0.6 ({@code org.la4j}): see {@link org.sparrow.interop.la4j.La4j}.
 * This module depends on {@code sparrow-core} and la4j alone.
 */
package org.sparrow.interop.la4j;
