package org.sparrow.core;

/** Argument checks shared by the formats and operators; each message names what was wrong. */
final class Checks {

    /** The largest array length every JVM accepts (a few header words below {@code Integer.MAX_VALUE}). */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Checks() {
    }

    static void checkLength(String name, double[] array, int expected, String what) {
        if (array == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " has length " + array.length + " but " + what
                    + " is " + expected);
        }
    }

    static void checkBlock(String name, double[] array, int blockRows, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("block width k must be ≥ 0, got " + k);
        }
        if (array == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        long expected = (long) blockRows * k;
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " has length " + array.length + " but a " + blockRows
                    + "×" + k + " row-major block needs " + expected);
        }
    }

    static void checkDimensions(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("dimensions must be ≥ 0, got " + rows + "×" + cols);
        }
    }

    /** {@code length} as an int array length, or a clear error when no Java array can be that long. */
    static int checkedArrayLength(long length, String what) {
        if (length < 0 || length > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(what + " needs " + length + " entries, more than a Java array holds ("
                    + MAX_ARRAY_LENGTH + ")");
        }
        return (int) length;
    }

    static void checkIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(what + " index " + index + " is out of range [0, " + size + ")");
        }
    }

    /** Stored entries as a percentage of rows·cols, for summaries ("0.31%"). */
    static String density(long nnz, int rows, int cols) {
        double cells = (double) rows * cols;
        double pct = cells == 0 ? 0.0 : 100.0 * nnz / cells;
        return (pct >= 1 ? String.format(java.util.Locale.ROOT, "%.1f", pct)
                : String.format(java.util.Locale.ROOT, "%.2g", pct)) + "%";
    }
}
