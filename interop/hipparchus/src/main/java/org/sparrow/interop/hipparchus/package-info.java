/**
 * Conversions between Sparrow and Hipparchus 4 ({@code org.hipparchus.linear}): see
 * {@link org.sparrow.interop.hipparchus.Hipparchus}. This module depends on {@code sparrow-core} and
 * Hipparchus alone.
 */
package org.sparrow.interop.hipparchus;
