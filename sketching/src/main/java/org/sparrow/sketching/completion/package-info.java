/**
 * Low-rank matrix completion: from the observed entries of an m × n matrix, factors U (m × k) and V (n × k) with
 * M ≈ U·Vᵀ, by alternating minimization initialized as in Jain–Netrapalli–Sanghavi (STOC 2013), with exact row
 * solves or the sketch-preconditioned ones of Gu–Song–Yin–Zhang (ICLR 2024).
 *
 * <p>Entry point: {@link org.sparrow.sketching.completion.MatrixCompletion#complete}; settings in
 * {@link org.sparrow.sketching.completion.CompletionOptions}, the answer in
 * {@link org.sparrow.sketching.completion.CompletionResult} (U and V as a
 * {@link org.sparrow.core.structured.LowRankMatrix}, the RMSEs, the stop reason and a one-sentence detail).
 */
package org.sparrow.sketching.completion;
