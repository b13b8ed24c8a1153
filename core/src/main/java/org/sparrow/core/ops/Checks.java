package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/**
 * The argument checks of the whole library, in one place so that every message reads the same way:
 * it names the argument, prints what it got and the shape it was checked against, and says what was
 * expected.
 *
 * <p><b>Index convention.</b> A message that points at an entry of a matrix or vector counts from 1,
 * as Matrix Market files and the command line do: {@code A(2, 5) = NaN}, {@code b(7) = Infinity},
 * {@code row 3}. A message that repeats a Java argument (an index passed to {@code get(i, j)}, a value
 * stored in a permutation array) repeats it as given, 0-based, with the 0-based range it must lie in.
 *
 * <p>Every check is O(1) on success and allocates nothing, except the finite checks, which read the
 * data once; the messages are built only when a check fails.
 */
public final class Checks {

    /** The largest array length every JVM accepts (a few header words below {@code Integer.MAX_VALUE}). */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Checks() {
    }

    /**
     * "m×n", for messages.
     *
     * @param rows row count
     * @param cols column count
     * @return the shape as text
     */
    public static String shape(int rows, int cols) {
        return rows + "×" + cols;
    }

    /**
     * Checks that an argument is present.
     *
     * @param value Input: the argument
     * @param name  how the message calls it ("x", "the operator A")
     * @param <T>   its type
     * @return {@code value}
     * @throws IllegalArgumentException "name is null"
     */
    public static <T> T checkNotNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        return value;
    }

    /**
     * Checks that a sparse matrix argument is present (the kernels' first check).
     *
     * @param a    Input: the matrix
     * @param name how the message calls it ("A")
     * @return {@code a}
     */
    public static CsrMatrix checkMatrix(CsrMatrix a, String name) {
        return checkNotNull(a, name);
    }

    /**
     * Checks matrix dimensions: both ≥ 0.
     *
     * @param rows row count
     * @param cols column count
     */
    public static void checkDimensions(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("dimensions must be ≥ 0, got " + shape(rows, cols));
        }
    }

    /**
     * {@code length} as an int array length, or a clear error when no Java array can be that long.
     *
     * @param length the entries needed
     * @param what   what needs them, for the message ("the product block")
     * @return {@code length} as an int
     */
    public static int checkedArrayLength(long length, String what) {
        if (length < 0 || length > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(what + " needs " + length + " entries, more than a Java array holds ("
                    + MAX_ARRAY_LENGTH + ")");
        }
        return (int) length;
    }

    /**
     * Checks a 0-based index argument of a Java method ({@code get(i, j)}, {@code rowNnz(i)}).
     *
     * @param index the index as passed, 0-based
     * @param size  the number of valid indices
     * @param what  "row" or "column"
     * @throws IndexOutOfBoundsException naming the index and the 0-based range
     */
    public static void checkIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(what + " index " + index + " is out of range [0, " + size + ")");
        }
    }

    /**
     * Checks {@code v.length == expected}: "x has length 3 but the operator's column count is 4".
     *
     * @param name     the vector, for the message
     * @param v        Input: the vector
     * @param expected the length it needs
     * @param what     what fixes that length ("the operator's column count")
     */
    public static void checkLength(String name, double[] v, long expected, String what) {
        checkNotNull(v, name);
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has length " + v.length + " but " + what + " is " + expected);
        }
    }

    /**
     * Checks {@code v.length == expected} against an operand's shape: "x has length 4 but A is 4×3,
     * so it needs length 3 (its column count, for A·x)".
     *
     * @param name     the vector, for the message
     * @param v        Input: the vector
     * @param expected the length it needs
     * @param owner    the operand that fixes the length ("A", "the preconditioner")
     * @param rows     the operand's row count
     * @param cols     the operand's column count
     * @param why      which dimension and for what ("its column count, for A·x")
     */
    public static void checkLength(String name, double[] v, long expected, String owner, int rows, int cols,
                                   String why) {
        checkNotNull(v, name);
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has length " + v.length + " but " + owner + " is "
                    + shape(rows, cols) + ", so it needs length " + expected + " (" + why + ")");
        }
    }

    /**
     * {@link #checkLength(String, double[], long, String, int, int, String)} with A a sparse matrix
     * (after checking A is present).
     *
     * @param name     the vector, for the message
     * @param v        Input: the vector
     * @param expected the length it needs
     * @param a        Input: the matrix
     * @param why      which dimension and for what ("its row count, for diag(d)·A")
     */
    public static void checkVector(String name, double[] v, long expected, CsrMatrix a, String why) {
        checkMatrix(a, "A");
        checkLength(name, v, expected, "A", a.rows(), a.cols(), why);
    }

    /**
     * Checks that two vectors are present and of equal length (the level-1 BLAS check).
     *
     * @param xName the first vector's name
     * @param x     Input: the first vector
     * @param yName the second vector's name
     * @param y     Input: the second vector
     */
    public static void checkSameLength(String xName, double[] x, String yName, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException((x == null ? xName : yName) + " is null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(xName + " has length " + x.length + " but " + yName + " has length "
                    + y.length + ": they must be equal");
        }
    }

    /**
     * Checks a dense row-major block of {@code k} vectors: "X has length 3 but a 4×1 row-major block
     * needs 4".
     *
     * @param name      the block, for the message
     * @param v         Input: the block's array
     * @param blockRows the rows the block needs
     * @param k         the block width, ≥ 0
     */
    public static void checkBlock(String name, double[] v, int blockRows, int k) {
        checkWidth(k);
        checkNotNull(v, name);
        long expected = (long) blockRows * k;
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has length " + v.length + " but a " + shape(blockRows, k)
                    + " row-major block needs " + expected);
        }
    }

    /**
     * Checks a dense row-major block against an operand's shape: "X has length 7 but A is 4×3 and
     * k = 2, so A·X needs X as a 3×2 row-major block of length 6".
     *
     * @param name      the block, for the message
     * @param v         Input: the block's array
     * @param blockRows the rows the block needs
     * @param k         the block width, ≥ 0
     * @param owner     the operand ("A")
     * @param rows      the operand's row count
     * @param cols      the operand's column count
     * @param op        the product ("A·X", "Aᵀ·X")
     */
    public static void checkBlock(String name, double[] v, int blockRows, int k, String owner, int rows, int cols,
                                  String op) {
        checkWidth(k);
        checkNotNull(v, name);
        long expected = (long) blockRows * k;
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has length " + v.length + " but " + owner + " is "
                    + shape(rows, cols) + " and k = " + k + ", so " + op + " needs " + name + " as a "
                    + shape(blockRows, k) + " row-major block of length " + expected);
        }
    }

    private static void checkWidth(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("block width k must be ≥ 0, got " + k);
        }
    }

    /**
     * Checks the inner dimensions of a product of two matrices: "cannot form A·B with A 3×4 and B 5×2:
     * inner dimensions 4 and 5 differ".
     *
     * @param left  the inner dimension on A's side (its column count, or its row count for Aᵀ)
     * @param right the inner dimension on B's side
     * @param a     Input: A
     * @param b     Input: B
     * @param what  the product ("A·B", "A·Bᵀ", "Aᵀ·B")
     */
    public static void checkInner(int left, int right, CsrMatrix a, CsrMatrix b, String what) {
        if (left != right) {
            throw new IllegalArgumentException("cannot form " + what + " with A " + shape(a.rows(), a.cols()) + " and B "
                    + shape(b.rows(), b.cols()) + ": inner dimensions " + left + " and " + right + " differ");
        }
    }

    /**
     * Checks that a shape is square: "ILU(0) needs a square matrix, got 3×4".
     *
     * @param rows row count
     * @param cols column count
     * @param who  who needs it, starting the message ("ILU(0)", "SparseCholesky")
     * @param hint appended in parentheses when not empty ("use SparseQr for least squares")
     */
    public static void checkSquare(int rows, int cols, String who, String hint) {
        if (rows != cols) {
            throw new IllegalArgumentException(who + " needs a square matrix, got " + shape(rows, cols)
                    + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")"));
        }
    }

    /**
     * Checks that every entry of a vector is finite: "b(7) = NaN is not finite" (1-based).
     *
     * @param v      Input: the vector
     * @param prefix what the message starts with ("SparseLu: "; may be empty)
     * @param name   the vector ("b")
     * @throws IllegalArgumentException naming the first NaN or ±∞, counting from 1
     */
    public static void checkFinite(double[] v, String prefix, String name) {
        checkNotNull(v, prefix + name);
        int bad = Blas.firstNonFinite(v);
        if (bad >= 0) {
            throw new IllegalArgumentException(prefix + name + "(" + (bad + 1) + ") = " + v[bad] + " is not finite");
        }
    }

    /**
     * Checks that every stored value of a sparse matrix is finite: "A(2, 5) = NaN in row 2 is not
     * finite" (1-based, the first in row order).
     *
     * @param a      Input: the matrix
     * @param prefix what the message starts with ("ILU(0): "; may be empty)
     * @param name   the matrix ("A")
     */
    public static void checkFinite(CsrMatrix a, String prefix, String name) {
        checkNotNull(a, prefix + name);
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        for (int i = 0; i < a.rows(); i++) {
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                if (!Double.isFinite(ax[p])) {
                    throw new IllegalArgumentException(prefix + entry(name, i, aj[p]) + " = " + ax[p] + " in row "
                            + (i + 1) + " is not finite");
                }
            }
        }
    }

    /**
     * Checks that every entry of a dense matrix is finite, as {@link #checkFinite(CsrMatrix, String, String)}.
     *
     * @param a      Input: the matrix
     * @param prefix what the message starts with (may be empty)
     * @param name   the matrix ("A")
     */
    public static void checkFinite(DenseMatrix a, String prefix, String name) {
        checkNotNull(a, prefix + name);
        double[] v = a.data();
        int bad = Blas.firstNonFinite(v);
        if (bad >= 0) {
            int c = a.cols();
            throw new IllegalArgumentException(prefix + entry(name, bad / c, bad % c) + " = " + v[bad] + " in row "
                    + (bad / c + 1) + " is not finite");
        }
    }

    /**
     * "A(i+1, j+1)": a matrix entry for a message, from 0-based array indices, printed 1-based.
     *
     * @param name the matrix
     * @param i    0-based row
     * @param j    0-based column
     * @return the entry's name, counting from 1
     */
    public static String entry(String name, int i, int j) {
        return name + "(" + (i + 1) + ", " + (j + 1) + ")";
    }
}
