package org.sparrow.core;

import org.sparrow.core.ops.Checks;

/**
 * A linear map {@code A: R^cols -> R^rows} known only through its products — all a Krylov solver,
 * a sketch or a randomized low-rank method needs.
 *
 * <p>Sparse, dense, Kronecker, Monarch, low-rank and sketch operators implement it. The vector forms
 * overwrite their output; the block forms work on dense blocks stored row-major, so the
 * {@code k} entries of one row of a block are contiguous (the layout SpMM kernels want).
 *
 * <p>Implementations must not keep references to the arrays passed in, and must tolerate output
 * arrays filled with junk (they are overwritten, never accumulated into).
 */
public interface LinearOperator {

    /**
     * A product {@code out = M·in} by some map M: the form {@link #of} takes A's two products in.
     */
    @FunctionalInterface
    interface Product {

        /**
         * {@code out = M·in}.
         *
         * @param in  Input; not to be modified.
         * @param out Output; overwritten.
         */
        void apply(double[] in, double[] out);
    }

    /**
     * The operator whose products are the given functions — scipy's
     * {@code LinearOperator(shape, matvec, rmatvec)}: a matrix-free operator, a wrapper that counts or
     * perturbs another's products, a composition such as {@code x ↦ A·(N·x)}.
     *
     * <p>The returned operator checks the lengths of the vectors it is given (O(1), so the functions
     * see only vectors of the right length) and then calls the function; its block forms apply it
     * column by column.
     *
     * @param rows           the row count m of A, ≥ 0
     * @param cols           the column count n of A, ≥ 0
     * @param apply          {@code y = A·x}: x of length n, y of length m, overwritten
     * @param applyTranspose {@code y = Aᵀ·x}: x of length m, y of length n, overwritten
     * @return the operator
     * @throws IllegalArgumentException if a dimension is negative or a function is null
     */
    static LinearOperator of(int rows, int cols, Product apply, Product applyTranspose) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("an operator's dimensions must be ≥ 0, got " + Checks.shape(rows, cols));
        }
        Checks.checkNotNull(apply, "the product A·x (apply)");
        Checks.checkNotNull(applyTranspose, "the product Aᵀ·x (applyTranspose)");
        return new ProductOperator(rows, cols, apply, applyTranspose);
    }

    /** {@return number of rows of A (the length of {@code y} in {@code y = A·x})} */
    int rows();

    /** {@return number of columns of A (the length of {@code x} in {@code y = A·x})} */
    int cols();

    /**
     * {@code y = A·x}.
     *
     * @param x Input, length {@link #cols()}.
     * @param y Output, length {@link #rows()}; overwritten.
     */
    void apply(double[] x, double[] y);

    /**
     * {@code y = Aᵀ·x}.
     *
     * @param x Input, length {@link #rows()}.
     * @param y Output, length {@link #cols()}; overwritten.
     */
    void applyTranspose(double[] x, double[] y);

    /**
     * {@code Y = A·X} for a block of {@code k} vectors.
     *
     * <p>The default applies {@link #apply(double[], double[])} column by column (for {@code k = 1}
     * straight on {@code x} and {@code y}, which are then the vectors); operators with a faster block
     * product (SpMM) override it.
     *
     * @param x Input, {@code cols() × k} row-major.
     * @param y Output, {@code rows() × k} row-major; overwritten.
     * @param k Number of columns of the blocks, {@code k ≥ 0}.
     */
    default void applyBlock(double[] x, double[] y, int k) {
        Checks.checkBlock("x", x, cols(), k);
        Checks.checkBlock("y", y, rows(), k);
        applyColumnByColumn(x, y, k, rows(), cols(), false);
    }

    /**
     * {@code Y = Aᵀ·X} for a block of {@code k} vectors.
     *
     * @param x Input, {@code rows() × k} row-major.
     * @param y Output, {@code cols() × k} row-major; overwritten.
     * @param k Number of columns of the blocks, {@code k ≥ 0}.
     */
    default void applyTransposeBlock(double[] x, double[] y, int k) {
        Checks.checkBlock("x", x, rows(), k);
        Checks.checkBlock("y", y, cols(), k);
        applyColumnByColumn(x, y, k, cols(), rows(), true);
    }

    /**
     * {@code A·x} into a new array: a convenience for one-off products. In a loop use
     * {@link #apply(double[], double[])} with an output allocated once: for a vector far larger than
     * the cache the fresh array costs more than the product (the JVM zeroes it, and the first write
     * to each new heap page faults it in; with a 1M-row 2-D Poisson matrix, 46 ms against 9.2 ms for
     * the product into a reused array, issue 16). The library's own repeated paths (solvers, CLI
     * repeats) never use this form.
     *
     * @param x the vector, length {@link #cols()}
     * @return {@code A·x}, length {@link #rows()}
     */
    default double[] apply(double[] x) {
        Checks.checkLength("x", x, cols(), "the operator's column count");
        double[] y = new double[rows()];
        apply(x, y);
        return y;
    }

    /**
     * {@code Aᵀ·x} into a new array; the same caveat as {@link #apply(double[])} applies.
     *
     * @param x the vector, length {@link #rows()}
     * @return {@code Aᵀ·x}, length {@link #cols()}
     */
    default double[] applyTranspose(double[] x) {
        Checks.checkLength("x", x, rows(), "the operator's row count");
        double[] y = new double[cols()];
        applyTranspose(x, y);
        return y;
    }

    /**
     * {@code A·X} for a dense block, into a new {@link DenseMatrix}.
     *
     * @param x the block, {@code cols() × k}
     * @return {@code A·X}, {@code rows() × k}
     */
    default DenseMatrix apply(DenseMatrix x) {
        if (x.rows() != cols()) {
            throw new IllegalArgumentException("cannot multiply a " + rows() + "×" + cols()
                    + " operator by a " + x.rows() + "×" + x.cols() + " block: inner dimensions differ");
        }
        double[] y = new double[Checks.checkedArrayLength((long) rows() * x.cols(), "the product block")];
        applyBlock(x.data(), y, x.cols());
        return new DenseMatrix(rows(), x.cols(), y);
    }

    private void applyColumnByColumn(double[] x, double[] y, int k, int outRows, int inRows, boolean transpose) {
        if (k == 1) { // a one-column block is laid out as the vector itself: the vector product, no copies
            if (transpose) {
                applyTranspose(x, y);
            } else {
                apply(x, y);
            }
            return;
        }
        double[] xc = new double[inRows];
        double[] yc = new double[outRows];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < inRows; i++) {
                xc[i] = x[i * k + c];
            }
            if (transpose) {
                applyTranspose(xc, yc);
            } else {
                apply(xc, yc);
            }
            for (int i = 0; i < outRows; i++) {
                y[i * k + c] = yc[i];
            }
        }
    }
}
