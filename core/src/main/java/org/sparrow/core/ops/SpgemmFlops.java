package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;

/**
 * The arithmetic work of a sparse matrix–matrix product, independent of how {@link Spgemm} computes it:
 * the number of scalar multiply-adds {@code a_ik·b_kj} that the product has to form,
 * <pre>
 *   flops(A·B) = Σ_k nnz(A(:, k)) · nnz(B(k, :)) = Σ_i Σ_{k ∈ A(i, :)} nnz(B(k, :)).
 * </pre>
 * Stored entries count whatever their value (explicit zeros included), as they do in the kernels.
 * This is the figure a GFLOP/s rate is quoted against: {@code 2·flops / seconds / 1e9} (one multiply
 * and one add each). It is also the size of the expanded product before duplicates are merged, so
 * {@code nnz(C) ≤ flops}. Results are {@code long}: they cannot overflow, since each is at most
 * {@code nnz(A)·max_k nnz(B(k, :)) < 2^62}. Inputs may be sorted or unsorted.
 */
public final class SpgemmFlops {

    private SpgemmFlops() {
    }

    /**
     * Multiply-adds of {@code C = A·B}. O(nnz(A)).
     *
     * @param a Input: {@code m × n}
     * @param b Input: {@code n × p}
     * @return {@code Σ_i Σ_{k ∈ A(i, :)} nnz(B(k, :))}
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    public static long count(CsrMatrix a, CsrMatrix b) {
        Checks.checkInner(a.cols(), b.rows(), a, b, "A·B");
        int[] aj = a.columnIndices();
        int[] bp = b.rowPointers();
        long flops = 0;
        for (int p = 0, nnz = a.nnz(); p < nnz; p++) {
            int k = aj[p];
            flops += bp[k + 1] - bp[k]; // a_ik meets every entry of row k of B
        }
        return flops;
    }

    /**
     * Multiply-adds of {@code C = A·Bᵀ}: {@code Σ_k nnz(A(:, k))·nnz(B(:, k))}. O(nnz(A) + nnz(B) + n).
     *
     * @param a Input: {@code m × n}
     * @param b Input: {@code p × n}
     * @return {@code Σ_k nnz(A(:, k))·nnz(B(:, k))}
     * @throws IllegalArgumentException if A and B have different column counts
     */
    public static long countTransposeB(CsrMatrix a, CsrMatrix b) {
        Checks.checkInner(a.cols(), b.cols(), a, b, "A·Bᵀ");
        int n = a.cols();
        int[] countA = columnCounts(a);
        int[] countB = columnCounts(b);
        long flops = 0;
        for (int k = 0; k < n; k++) {
            flops += (long) countA[k] * countB[k];
        }
        return flops;
    }

    /**
     * Multiply-adds of {@code C = Aᵀ·B}: {@code Σ_k nnz(A(k, :))·nnz(B(k, :))}. O(n).
     *
     * @param a Input: {@code n × m}
     * @param b Input: {@code n × p}
     * @return {@code Σ_k nnz(A(k, :))·nnz(B(k, :))}
     * @throws IllegalArgumentException if A and B have different row counts
     */
    public static long countTransposeA(CsrMatrix a, CsrMatrix b) {
        Checks.checkInner(a.rows(), b.rows(), a, b, "Aᵀ·B");
        int[] ap = a.rowPointers();
        int[] bp = b.rowPointers();
        long flops = 0;
        for (int k = 0, n = a.rows(); k < n; k++) {
            flops += (long) (ap[k + 1] - ap[k]) * (bp[k + 1] - bp[k]);
        }
        return flops;
    }

    private static int[] columnCounts(CsrMatrix m) {
        int[] count = new int[m.cols()];
        int[] j = m.columnIndices();
        for (int p = 0, nnz = m.nnz(); p < nnz; p++) {
            count[j[p]]++;
        }
        return count;
    }
}
