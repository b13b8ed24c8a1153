/**
 * Seeded, reproducible test and benchmark matrices ({@link org.sparrow.core.gen.Generators}): finite
 * difference Laplacians, uniformly random sparse matrices and R-MAT power-law graphs, each returned as
 * a canonical {@link org.sparrow.core.CsrMatrix} and defined exactly in its Javadoc, so that a
 * matrix can be named by its generator call instead of being stored.
 */
package org.sparrow.core.gen;
