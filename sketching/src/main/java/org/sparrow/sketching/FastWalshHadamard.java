package org.sparrow.sketching;

/**
 * The fast Walsh–Hadamard transform: {@code x ← H·x} for the unnormalized Sylvester–Hadamard matrix
 * of order {@code N = 2^k}, {@code H₁ = [1]}, {@code H_{2N} = [[H_N, H_N], [H_N, −H_N]]}, so that
 * {@code H[i][j] = (−1)^popcount(i & j)} (natural order, entries ±1, {@code H·H = N·I}).
 *
 * <p>The transform runs in place in {@code N·log₂N} additions and subtractions: the butterfly of
 * stage {@code h} replaces the pair {@code (x_j, x_{j+h})} by {@code (x_j + x_{j+h}, x_j − x_{j+h})}.
 * Two consecutive stages are fused into one radix-4 sweep (half the loads and stores, the same
 * floating-point operations in the same order, so the result is bit-identical to the radix-2
 * transform). The row-block form transforms the columns of an {@code N × w} row-major block at once:
 * a butterfly then combines whole rows (contiguous length-{@code w} vectors), which is what the SRHT
 * applies to a row-major matrix.
 *
 * <p>No normalization is applied; divide by {@code √N} for the orthogonal transform.
 */
public final class FastWalshHadamard {

    private FastWalshHadamard() {
    }

    /**
     * Whether {@code n} is a power of two ({@code n ≥ 1}).
     *
     * @param n any value
     * @return true for 1, 2, 4, …
     */
    public static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /**
     * The smallest power of two {@code ≥ n}: the length the SRHT pads a dimension {@code n} to.
     *
     * @param n a dimension, {@code 1 ≤ n ≤ 2^62}
     * @return {@code 2^⌈log₂ n⌉}
     */
    public static long paddedLength(long n) {
        if (n < 1 || n > (1L << 62)) {
            throw new IllegalArgumentException("length n must be in [1, 2^62], got " + n);
        }
        return n == 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }

    /**
     * {@code x ← H·x} in place.
     *
     * <p>Complexity: {@code N·log₂N} additions, no allocation.
     *
     * @param x Input/Output, length {@code N}, a power of two.
     */
    public static void transform(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        transform(x, 0, x.length);
    }

    /**
     * {@code x[offset, offset+length) ← H·x[offset, offset+length)} in place.
     *
     * <p>Complexity: {@code N·log₂N} additions for {@code N = length}, no allocation.
     *
     * @param x      Input/Output.
     * @param offset first entry of the vector
     * @param length {@code N}, a power of two
     */
    public static void transform(double[] x, int offset, int length) {
        checkRange(x, offset, length, 1);
        vectorKernel(x, offset, length);
    }

    /**
     * {@code B ← H·B} for the row-major {@code rows × width} block {@code B} stored at
     * {@code a[offset, offset + rows·width)}: every column is transformed; each butterfly combines two
     * rows.
     *
     * <p>Complexity: {@code rows·log₂(rows)·width} additions, no allocation.
     *
     * @param a      Input/Output.
     * @param offset first entry of the block
     * @param rows   {@code N}, the transform length, a power of two
     * @param width  columns of the block, {@code ≥ 0}
     */
    public static void transformRows(double[] a, int offset, int rows, int width) {
        checkRange(a, offset, rows, width);
        rowsKernel(a, offset, rows, width);
    }

    /**
     * {@code B ← H·B} for the block whose rows are the separate arrays {@code rows[from, from + count)},
     * on the columns {@code [c0, c1)} of each: every column is transformed; each butterfly combines two
     * rows. The result is bit-identical to {@link #transformRows(double[], int, int, int)} on the same
     * block stored contiguously; with separate rows every array in the inner loop is indexed alike,
     * which lets the JIT vectorize it across the columns.
     *
     * <p>Complexity: {@code count·log₂(count)·(c1 − c0)} additions, no allocation.
     *
     * @param rows  Input/Output: the row arrays, each at least {@code c1} long
     * @param from  first row of the block
     * @param count {@code N}, the transform length, a power of two
     * @param c0    first column, {@code 0 ≤ c0 ≤ c1}
     * @param c1    end of the columns (exclusive)
     */
    public static void transformRows(double[][] rows, int from, int count, int c0, int c1) {
        if (rows == null) {
            throw new IllegalArgumentException("rows is null");
        }
        if (!isPowerOfTwo(count)) {
            throw new IllegalArgumentException("transform length must be a power of two, got " + count);
        }
        if (from < 0 || (long) from + count > rows.length) {
            throw new IllegalArgumentException("rows [" + from + ", " + ((long) from + count) + ") do not fit "
                    + rows.length + " row arrays");
        }
        if (c0 < 0 || c1 < c0) {
            throw new IllegalArgumentException("columns [" + c0 + ", " + c1 + ") are not a valid range");
        }
        for (int i = from; i < from + count; i++) {
            if (rows[i] == null || rows[i].length < c1) {
                throw new IllegalArgumentException("row " + i + " is " + (rows[i] == null ? "null" : "shorter ("
                        + rows[i].length + ")") + " than the column end " + c1);
            }
        }
        jaggedKernel(rows, from, count, c0, c1);
    }

    /** The unchecked kernel of {@link #transformRows(double[][], int, int, int, int)}. */
    static void jaggedKernel(double[][] rows, int from, int count, int c0, int c1) {
        int h = 1;
        for (; 4 * h <= count; h *= 4) { // radix-4 sweeps, as in rowsKernel
            for (int i = from; i < from + count; i += 4 * h) {
                for (int j = i; j < i + h; j++) {
                    double[] r0 = rows[j];
                    double[] r1 = rows[j + h];
                    double[] r2 = rows[j + 2 * h];
                    double[] r3 = rows[j + 3 * h];
                    for (int c = c0; c < c1; c++) {
                        double x0 = r0[c];
                        double x1 = r1[c];
                        double x2 = r2[c];
                        double x3 = r3[c];
                        double s01 = x0 + x1;
                        double d01 = x0 - x1;
                        double s23 = x2 + x3;
                        double d23 = x2 - x3;
                        r0[c] = s01 + s23;
                        r1[c] = d01 + d23;
                        r2[c] = s01 - s23;
                        r3[c] = d01 - d23;
                    }
                }
            }
        }
        if (h < count) { // one radix-2 stage left
            for (int j = from; j < from + h; j++) {
                double[] r0 = rows[j];
                double[] r1 = rows[j + h];
                for (int c = c0; c < c1; c++) {
                    double x0 = r0[c];
                    double x1 = r1[c];
                    r0[c] = x0 + x1;
                    r1[c] = x0 - x1;
                }
            }
        }
    }

    /**
     * The unchecked row-block kernel (callers have validated the block). Rows {@code j} and
     * {@code j + h} of the block are the flat entries {@code f} and {@code f + h·width}, and the rows
     * of a butterfly group are contiguous, so each sweep's inner loop runs over {@code h·width}
     * consecutive entries (long loops the JIT compiles well); the vector transform is the case
     * {@code width = 1}.
     */
    static void rowsKernel(double[] a, int offset, int rows, int width) {
        int total = rows * width;
        if (total == 0) {
            return;
        }
        int end = offset + total;
        int hw = width; // h·width for the stage h
        // Radix-4 sweeps: stages h and 2h together on rows (j, j+h, j+2h, j+3h).
        for (; 4L * hw <= total; hw *= 4) {
            for (int i = offset; i < end; i += 4 * hw) {
                for (int f = i, fe = i + hw; f < fe; f++) {
                    double x0 = a[f];
                    double x1 = a[f + hw];
                    double x2 = a[f + 2 * hw];
                    double x3 = a[f + 3 * hw];
                    double s01 = x0 + x1;
                    double d01 = x0 - x1;
                    double s23 = x2 + x3;
                    double d23 = x2 - x3;
                    a[f] = s01 + s23;
                    a[f + hw] = d01 + d23;
                    a[f + 2 * hw] = s01 - s23;
                    a[f + 3 * hw] = d01 - d23;
                }
            }
        }
        if (hw < total) { // one radix-2 stage left: h = rows/2
            for (int f = offset, fe = offset + hw; f < fe; f++) {
                double x0 = a[f];
                double x1 = a[f + hw];
                a[f] = x0 + x1;
                a[f + hw] = x0 - x1;
            }
        }
    }

    /** The unchecked vector kernel. */
    private static void vectorKernel(double[] x, int offset, int n) {
        rowsKernel(x, offset, n, 1);
    }

    private static void checkRange(double[] a, int offset, int rows, int width) {
        if (a == null) {
            throw new IllegalArgumentException("the array is null");
        }
        if (!isPowerOfTwo(rows)) {
            throw new IllegalArgumentException("transform length must be a power of two, got " + rows);
        }
        if (width < 0) {
            throw new IllegalArgumentException("block width must be ≥ 0, got " + width);
        }
        long end = (long) offset + (long) rows * width;
        if (offset < 0 || end > a.length) {
            throw new IllegalArgumentException("the block [" + offset + ", " + end
                    + ") does not fit an array of length "
                    + a.length);
        }
    }
}
