package org.sparrow.solvers.eigen;

import org.sparrow.core.DenseMatrix;
import org.sparrow.solvers.StopReason;

/**
 * What an eigenvalue solve found: k eigenpairs in the order asked for (largest first for
 * {@link Which#LARGEST}, nearest σ first for {@link Which#NEAREST}, …), each with its residual
 * ‖A·v − λ·v‖ recomputed from A and v at the end, and converged only where that residual meets the
 * tolerance.
 *
 * <p>A complex eigenvalue λ = a + ib of a real nonsymmetric matrix has the eigenvector
 * {@code x + iy} with x in {@link #vectors()} and y in {@link #imaginaryVectors()}, scaled so that
 * ‖x + iy‖ = 1; its conjugate, when also among the k, comes with the conjugate vector.
 *
 * @param method           the algorithm
 * @param which            which eigenvalues were asked for
 * @param sigma            the shift σ of shift-invert, NaN when none was used
 * @param values           the real parts of the eigenvalues, length k
 * @param imaginary        their imaginary parts, length k (all 0 for a symmetric solve)
 * @param vectors          n × k, column j the (real part of the) unit eigenvector of pair j
 * @param imaginaryVectors n × k, the imaginary parts (all 0 for a symmetric solve)
 * @param residuals        ‖A·v − λ·v‖ of each pair, recomputed
 * @param converged        whether each residual is ≤ tolerance·{@link #normEstimate()}
 * @param normEstimate     the estimate of ‖A‖ the tolerance was scaled by
 * @param iterations       restarts (Krylov–Schur) or iterations (LOBPCG)
 * @param products         operator applications (A·x, or shift-invert solves)
 * @param seconds          wall time of the solve, factorization included
 * @param stopReason       why it stopped
 * @param detail           a sentence about the stop, or "" when it converged
 */
public record EigenResult(EigenMethod method, Which which, double sigma, double[] values, double[] imaginary,
                          DenseMatrix vectors, DenseMatrix imaginaryVectors, double[] residuals, boolean[] converged,
                          double normEstimate, int iterations, long products, double seconds, StopReason stopReason,
                          String detail) {

    /**
     * How many pairs converged.
     *
     * @return the count of true entries of {@link #converged()}
     */
    public int convergedCount() {
        int c = 0;
        for (boolean b : converged) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /**
     * Whether every pair converged.
     *
     * @return {@code convergedCount() == k}
     */
    public boolean allConverged() {
        return convergedCount() == converged.length;
    }
}
