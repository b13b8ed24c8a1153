package org.sparrow.core.structured;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.ops.Checks;

/**
 * The eigendecomposition of a Kronecker product of symmetric matrices, computed through its factors:
 * with Sᵢ = UᵢDᵢUᵢᵀ, the product S = S₁⊗…⊗S_d = (U₁⊗…⊗U_d)(D₁⊗…⊗D_d)(U₁⊗…⊗U_d)ᵀ, because
 * (A⊗B)(C⊗D) = AC⊗BD and a Kronecker product of orthogonal matrices is orthogonal (Van Loan,
 * "The ubiquitous Kronecker product", J. Comput. Appl. Math. 123, 2000). Only the factors are
 * decomposed (EJML's symmetric QR algorithm), at O(Σ nᵢ³) instead of O((∏ nᵢ)³); the eigenvectors
 * of S stay implicit as the factor matrices Uᵢ.
 *
 * <p>Index convention as {@link KroneckerOperator}: an index of the product is
 * ((i₁·n₂)+i₂)·n₃+i₃ (the first factor varies slowest, {@code kron(S1, kron(S2, S3))}), so
 * {@link #values()}[((i₁·n₂)+i₂)·n₃+i₃] = d₁[i₁]·d₂[i₂]·d₃[i₃] belongs to the eigenvector
 * u₁[:, i₁]⊗u₂[:, i₂]⊗u₃[:, i₃]. Eigenvalues of each factor are in the order EJML returns them
 * (not sorted).
 */
public final class KroneckerEigen {

    private final DenseMatrix[] vectors;
    private final double[][] values;

    private KroneckerEigen(DenseMatrix[] vectors, double[][] values) {
        this.vectors = vectors;
        this.values = values;
    }

    /**
     * Decomposes each factor.
     *
     * @param symmetricFactors Input: S₁, …, S_d (d ≥ 1), each square, finite and symmetric (to
     *                         1e-10 relative to its largest entry; the symmetric part is decomposed)
     * @return the factors' eigenvectors and eigenvalues
     * @throws IllegalArgumentException naming the factor (1-based) that is not square, finite or symmetric
     */
    public static KroneckerEigen of(List<DenseMatrix> symmetricFactors) {
        Checks.checkNotNull(symmetricFactors, "factors");
        if (symmetricFactors.isEmpty()) {
            throw new IllegalArgumentException("a Kronecker eigendecomposition needs at least one factor");
        }
        int d = symmetricFactors.size();
        DenseMatrix[] u = new DenseMatrix[d];
        double[][] w = new double[d][];
        for (int k = 0; k < d; k++) {
            DenseMatrix s = Checks.checkNotNull(symmetricFactors.get(k), "factor " + (k + 1));
            String name = "factor " + (k + 1);
            Checks.checkSquare(s.rows(), s.cols(), name, "an eigendecomposition needs square factors");
            Checks.checkFinite(s, "", name);
            int n = s.rows();
            double[] a = s.data();
            double[] sym = symmetricPart(a, n, name);
            double[] vec = new double[n * n];
            double[] val = new double[n];
            if (n > 0) {
                decompose(sym, n, vec, val);
            }
            u[k] = new DenseMatrix(n, n, vec);
            w[k] = val;
        }
        return new KroneckerEigen(u, w);
    }

    /**
     * Decomposes each factor, as {@link #of(List)}.
     *
     * @param symmetricFactors Input: S₁, …, S_d
     * @return the factors' eigenvectors and eigenvalues
     */
    public static KroneckerEigen of(DenseMatrix... symmetricFactors) {
        Checks.checkNotNull(symmetricFactors, "factors");
        return of(List.of(symmetricFactors));
    }

    /**
     * Symmetric eigendecomposition of one n × n row-major symmetric matrix, written into the
     * caller's arrays: column j of {@code vectors} (row-major n × n) is the unit eigenvector of
     * {@code values[j]}. The input is not modified.
     *
     * @param symmetric Input: row-major n × n, symmetric
     * @param n         the order
     * @param vectors   Output: row-major n × n eigenvectors, by columns
     * @param values    Output: the n eigenvalues
     */
    public static void decompose(double[] symmetric, int n, double[] vectors, double[] values) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(n, n, true, symmetric))) {
            throw new IllegalStateException("the symmetric eigendecomposition of a " + n + " × " + n
                    + " matrix did not converge");
        }
        for (int j = 0; j < n; j++) {
            values[j] = eig.getEigenvalue(j).getReal();
            DMatrixRMaj v = eig.getEigenVector(j);
            for (int i = 0; i < n; i++) {
                vectors[i * n + j] = v.data[i];
            }
        }
    }

    /** {@return number of factors d} */
    public int factorCount() {
        return vectors.length;
    }

    /**
     * Uₖ: the orthonormal eigenvectors of factor k, by columns.
     *
     * @param k 0-based factor
     * @return the nₖ × nₖ eigenvector matrix (shared, do not modify)
     */
    public DenseMatrix vectors(int k) {
        Checks.checkIndex(k, vectors.length, "factor");
        return vectors[k];
    }

    /**
     * dₖ: the eigenvalues of factor k, in the order of {@link #vectors(int)}'s columns.
     *
     * @param k 0-based factor
     * @return a copy of the nₖ eigenvalues
     */
    public double[] values(int k) {
        Checks.checkIndex(k, values.length, "factor");
        return values[k].clone();
    }

    /**
     * The eigenvalues of the whole product, d₁⊗…⊗d_d, in the index convention above.
     *
     * @return a new array of length ∏nᵢ
     */
    public double[] values() {
        return kron(List.of(values));
    }

    /**
     * The Kronecker product v₁⊗…⊗v_d of vectors: entry ((i₁·n₂)+i₂)·n₃+i₃ is v₁[i₁]·v₂[i₂]·v₃[i₃].
     *
     * @param factors Input: v₁, …, v_d (d ≥ 1)
     * @return a new array of length ∏nᵢ
     * @throws IllegalArgumentException when the length does not fit an array
     */
    public static double[] kron(List<double[]> factors) {
        Checks.checkNotNull(factors, "vectors");
        long n = 1;
        for (double[] v : factors) {
            n *= Checks.checkNotNull(v, "vector").length;
            Checks.checkedArrayLength(n, "the Kronecker product of the vectors");
        }
        double[] out = new double[(int) n];
        kron(factors, out);
        return out;
    }

    /**
     * The Kronecker product of vectors written into {@code out}, without allocating.
     *
     * @param factors Input: v₁, …, v_d (d ≥ 1)
     * @param out     Output: length exactly ∏nᵢ
     */
    public static void kron(List<double[]> factors, double[] out) {
        int d = factors.size();
        if (d == 0) {
            throw new IllegalArgumentException("a Kronecker product needs at least one vector");
        }
        // Build from the last factor outwards in place: after step k, out[0 .. len) holds v_k⊗…⊗v_d.
        double[] last = factors.get(d - 1);
        int len = last.length;
        long total = len;
        for (int k = d - 2; k >= 0; k--) {
            total *= factors.get(k).length;
        }
        if (out.length != total) {
            throw new IllegalArgumentException("the Kronecker product has length " + total + " but the output has "
                    + out.length);
        }
        System.arraycopy(last, 0, out, 0, len);
        for (int k = d - 2; k >= 0; k--) {
            double[] v = factors.get(k);
            // out[i·len + j] = v[i]·out[j], written from the top block down so nothing is overwritten early
            for (int i = v.length - 1; i >= 0; i--) {
                double vi = v[i];
                int base = i * len;
                for (int j = len - 1; j >= 0; j--) {
                    out[base + j] = vi * out[j];
                }
            }
            len *= v.length;
        }
    }

    private static double[] symmetricPart(double[] a, int n, String name) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double aij = a[i * n + j];
                double aji = a[j * n + i];
                if (Math.abs(aij - aji) > 1e-10 * max) {
                    throw new IllegalArgumentException(name + " is not symmetric: " + Checks.entry(name, i, j) + " = "
                            + aij + " but " + Checks.entry(name, j, i) + " = " + aji);
                }
                s[i * n + j] = 0.5 * (aij + aji);
            }
        }
        return s;
    }
}
