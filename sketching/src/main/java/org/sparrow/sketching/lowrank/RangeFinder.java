package org.sparrow.sketching.lowrank;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.sketching.Sketch;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.Sketches;

/**
 * The randomized range finder with power (subspace) iterations: Halko, Martinsson and Tropp, "Finding
 * structure with randomness: probabilistic algorithms for constructing approximate matrix decompositions",
 * SIAM Review 53(2), 2011, Algorithm 4.4 (randomized subspace iteration; Algorithm 4.1 when q = 0):
 * <pre>
 *   Ω = Sᵀ (cols × ℓ, S an ℓ × cols sketch),  Q = orth(A·Ω)
 *   repeat q times:  W = orth(Aᵀ·Q),  Q = orth(A·W)
 * </pre>
 * Every orth is a Householder QR (EJML), so Q is orthonormal to working precision even when A·Ω is
 * numerically rank-deficient, and the re-orthonormalization between the products keeps the small singular
 * directions from being lost to rounding (HMT §4.5, the remark after Alg. 4.3).
 *
 * <p>Cost: (q + 1) block products with A and q with Aᵀ on ℓ columns, plus (2q + 1) QRs of rows×ℓ or cols×ℓ
 * blocks, O((rows + cols)·ℓ²) each. Memory: a few rows×ℓ and cols×ℓ blocks.
 */
public final class RangeFinder {

    private RangeFinder() {
    }

    /**
     * An orthonormal basis Q of an approximate range of A from a Gaussian test matrix.
     *
     * @param a               Input: the operator, rows × cols.
     * @param columns         ℓ, the basis size, 1 ≤ ℓ ≤ min(rows, cols).
     * @param powerIterations q ≥ 0.
     * @param seed            the seed of Ω.
     * @return Q, rows × ℓ with orthonormal columns
     */
    public static DenseMatrix find(LinearOperator a, int columns, int powerIterations, long seed) {
        return find(a, columns, powerIterations, SketchKind.GAUSSIAN, seed);
    }

    /**
     * As {@link #find(LinearOperator, int, int, long)} with Ω = Sᵀ for a sketch S of the given family.
     *
     * @param a Input: the operator, rows × cols.
     * @param columns ℓ, the basis size, 1 ≤ ℓ ≤ min(rows, cols).
     * @param powerIterations q ≥ 0.
     * @param kind the sketch family of S
     * @param seed the seed of S.
     * @return Q, rows × ℓ with orthonormal columns
     * @throws IllegalArgumentException on ℓ outside [1, min(rows, cols)] or q &lt; 0
     * @throws UnsupportedOperationException if the sketch family is not available
     */
    public static DenseMatrix find(LinearOperator a, int columns, int powerIterations, SketchKind kind, long seed) {
        if (a == null) {
            throw new IllegalArgumentException("the operator A is null");
        }
        if (kind == null) {
            throw new IllegalArgumentException("the sketch kind is null");
        }
        int rows = a.rows();
        int cols = a.cols();
        if (columns < 1 || columns > Math.min(rows, cols)) {
            throw new IllegalArgumentException("the range finder needs 1 ≤ columns ≤ min(rows, cols) = "
                    + Math.min(rows, cols) + " for the " + rows + "×" + cols + " operator, got " + columns);
        }
        if (powerIterations < 0) {
            throw new IllegalArgumentException("power iterations must be ≥ 0, got " + powerIterations);
        }
        int l = columns;
        double[] omega = testMatrix(kind, l, cols, seed);
        double[] y = new double[Math.multiplyExact(rows, l)];
        a.applyBlock(omega, y, l);
        double[] q = orth(y, rows, l);
        double[] w = new double[Math.multiplyExact(cols, l)];
        for (int j = 0; j < powerIterations; j++) {
            a.applyTransposeBlock(q, w, l);
            double[] wq = orth(w, cols, l);
            a.applyBlock(wq, y, l);
            q = orth(y, rows, l);
        }
        return new DenseMatrix(rows, l, q);
    }

    /** Ω = Sᵀ, cols × ℓ row-major, for an ℓ × cols sketch S of the given family. */
    static double[] testMatrix(SketchKind kind, int l, int cols, long seed) {
        Sketch s = Sketches.create(kind, l, cols, seed);
        double[] omega = new double[Math.multiplyExact(cols, l)];
        if (kind == SketchKind.SRHT) {
            // a transform applied per column: ℓ products Sᵀ·e_i, O(ℓ·cols·log cols)
            double[] e = new double[l];
            double[] col = new double[cols]; // reused: the library's repeated products write into an array allocated once
            for (int i = 0; i < l; i++) {
                e[i] = 1.0;
                s.applyTranspose(e, col);
                e[i] = 0.0;
                for (int j = 0; j < cols; j++) {
                    omega[j * l + i] = col[j];
                }
            }
            return omega;
        }
        // S·I from the nonzeros of the identity: O(ℓ·cols) for the dense kinds, O(cols) for the sparse ones
        return s.toDense().transpose().data();
    }

    /** The compact Q (p × k, row-major) of a Householder QR of the p × k block y (p ≥ k), through EJML. */
    static double[] orth(double[] y, int p, int k) {
        return qr(y, p, k, false)[0];
    }

    /**
     * A Householder QR y = Q·R of the p × k block y (p ≥ k), through EJML: {Q (p × k), R (k × k) or null}, both
     * row-major. R is formed only when asked for.
     */
    static double[][] qr(double[] y, int p, int k, boolean withR) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(p, k);
        // the column-oriented Householder QR copies its input; a zero column leaves a unit column in Q
        qr.decompose(DMatrixRMaj.wrap(p, k, y));
        return new double[][] {qr.getQ(null, true).data, withR ? qr.getR(null, true).data : null};
    }
}
