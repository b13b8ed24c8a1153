package org.sparrow.solvers.sbl;

/**
 * y = (F₁⊗…⊗F_d)·x (or with every Fₖ transposed) for small dense row-major factors, by the vec trick:
 * one mode product per factor on the tensor view of x (index ((i₁·n₂)+i₂)·n₃+i₃, the first factor
 * slowest), never forming the product. Caller-supplied workspace; allocation-free.
 */
final class KroneckerMatVec {

    private KroneckerMatVec() {
    }

    /** The workspace length {@link #apply} needs for factors of rows × cols (either orientation). */
    static long workLength(int[] rows, int[] cols) {
        // every intermediate tensor has, per mode, either its rows or its columns
        long size = 1;
        for (int l = 0; l < rows.length; l++) {
            size *= Math.max(rows[l], cols[l]);
        }
        return size;
    }

    /**
     * @param f         Input: factors, f[k] row-major rows[k] × cols[k]
     * @param rows      factor row counts
     * @param cols      factor column counts
     * @param transpose apply ⊗Fₖᵀ instead (x of length ∏rows, y of length ∏cols)
     * @param x         Input
     * @param y         Output
     * @param work1     workspace of {@link #workLength} entries
     * @param work2     workspace of {@link #workLength} entries
     */
    static void apply(double[][] f, int[] rows, int[] cols, boolean transpose, double[] x, double[] y,
                      double[] work1, double[] work2) {
        int d = f.length;
        int[] dims = new int[d];
        for (int k = 0; k < d; k++) {
            dims[k] = transpose ? rows[k] : cols[k];
        }
        long len = 1;
        for (int k = 0; k < d; k++) {
            len *= dims[k];
        }
        double[] in = x;
        for (int k = 0; k < d; k++) {
            int inDim = transpose ? rows[k] : cols[k];
            int outDim = transpose ? cols[k] : rows[k];
            int pre = 1;
            for (int l = 0; l < k; l++) {
                pre *= dims[l];
            }
            int post = 1;
            for (int l = k + 1; l < d; l++) {
                post *= dims[l];
            }
            double[] out = k == d - 1 ? y : (in == work1 ? work2 : work1);
            modeProduct(f[k], cols[k], transpose, in, out, pre, inDim, outDim, post);
            dims[k] = outDim;
            in = out;
        }
        if (d == 0) {
            System.arraycopy(x, 0, y, 0, (int) len);
        }
    }

    // out[p, a, q] = Σ_b F(a, b)·in[p, b, q]  (F(a, b) = f[a·ld + b], or f[b·ld + a] transposed)
    private static void modeProduct(double[] f, int ld, boolean transpose, double[] in, double[] out,
                                    int pre, int inDim, int outDim, int post) {
        int outLen = pre * outDim * post;
        java.util.Arrays.fill(out, 0, outLen, 0.0);
        for (int p = 0; p < pre; p++) {
            int inBase = p * inDim * post;
            int outBase = p * outDim * post;
            for (int a = 0; a < outDim; a++) {
                int o = outBase + a * post;
                for (int bb = 0; bb < inDim; bb++) {
                    double fab = transpose ? f[bb * ld + a] : f[a * ld + bb];
                    if (fab == 0) {
                        continue;
                    }
                    int i = inBase + bb * post;
                    for (int q = 0; q < post; q++) {
                        out[o + q] += fab * in[i + q];
                    }
                }
            }
        }
    }
}
