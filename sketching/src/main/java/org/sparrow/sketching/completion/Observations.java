package org.sparrow.sketching.completion;

import java.util.SplittableRandom;

/**
 * The observed entries Ω of an m × n matrix, checked and split: the training part held by rows (CSR) and by columns
 * (CSC) with its values, and the held-out validation part as triplets.
 *
 * <p>Checks, each refused with one sentence and 1-based indices: the rank against min(m, n), non-finite values, an
 * entry observed twice, a row or column with no observation. Explicit zeros are observations.
 *
 * <p>Validation split: the entries are visited in a seeded random order and moved to the validation part until it
 * holds round(f·|Ω|) of them, except that an entry stays in training when moving it would leave its row or its
 * column with fewer than max(k, 1) training observations (k observations are the fewest that can determine a row
 * of U or V); so the validation part may come out smaller than asked, and {@link #validationCount()} says how large
 * it is. The same seed gives the same split.
 */
final class Observations {

    private static final long SPLIT_SALT = 0x73706c6974L; // "split"

    final int rows;
    final int cols;
    /** Training entries by rows: columns increase within a row. */
    final int[] rowPtr;
    final int[] rowCol;
    final double[] rowVal;
    /** Training entries by columns: rows increase within a column. */
    final int[] colPtr;
    final int[] colRow;
    final double[] colVal;
    /** Held-out entries, in row-major order. */
    final int[] valRow;
    final int[] valCol;
    final double[] valVal;

    private Observations(int rows, int cols, int[] rowPtr, int[] rowCol, double[] rowVal, int[] colPtr, int[] colRow,
                         double[] colVal, int[] valRow, int[] valCol, double[] valVal) {
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.rowCol = rowCol;
        this.rowVal = rowVal;
        this.colPtr = colPtr;
        this.colRow = colRow;
        this.colVal = colVal;
        this.valRow = valRow;
        this.valCol = valCol;
        this.valVal = valVal;
    }

    /** |Ω_train|. */
    int trainingCount() {
        return rowVal.length;
    }

    /** The held-out entries. */
    int validationCount() {
        return valVal.length;
    }

    /**
     * Checks and splits the triplets (0-based indices, any order; the arrays are read, not kept).
     *
     * @param count    the number of triplets to read from the arrays
     * @param rank     k
     * @param fraction the validation fraction f in [0, 1)
     * @param seed     the seed of the split
     * @throws IllegalArgumentException with one sentence naming the first problem (1-based indices)
     */
    static Observations of(int rows, int cols, int[] ri, int[] ci, double[] v, int count, int rank, double fraction,
                           long seed) {
        if (rank > Math.min(rows, cols)) {
            throw new IllegalArgumentException("rank " + rank + " exceeds min(rows, cols) = " + Math.min(rows, cols)
                    + " of the " + rows + "×" + cols + " matrix of observations");
        }
        for (int p = 0; p < count; p++) {
            if (!Double.isFinite(v[p])) {
                throw new IllegalArgumentException("the observation at (" + (ri[p] + 1) + ", " + (ci[p] + 1) + ") is "
                        + v[p] + " (1-based row, column); every observed value must be finite");
            }
        }
        // Two stable counting sorts (by column, then by row) order the triplets row-major in O(|Ω| + m + n).
        int[] byCol = countingOrder(ci, null, count, cols);
        int[] order = countingOrder(ri, byCol, count, rows);
        int[] rowCount = new int[rows];
        int[] colCount = new int[cols];
        for (int t = 0; t < count; t++) {
            int p = order[t];
            if (t > 0) {
                int q = order[t - 1];
                if (ri[q] == ri[p] && ci[q] == ci[p]) {
                    throw new IllegalArgumentException("the entry (" + (ri[p] + 1) + ", " + (ci[p] + 1)
                            + ") is observed twice (1-based row, column); each entry may be observed once");
                }
            }
            rowCount[ri[p]]++;
            colCount[ci[p]]++;
        }
        checkNonEmpty(rowCount, "row", rows, cols);
        checkNonEmpty(colCount, "column", rows, cols);

        boolean[] held = new boolean[count]; // indexed by position in row-major order
        int target = (int) Math.round(fraction * count);
        int heldCount = 0;
        if (target > 0) {
            int keep = Math.max(rank, 1);
            int[] perm = new int[count];
            for (int t = 0; t < count; t++) {
                perm[t] = t;
            }
            SplittableRandom rng = new SplittableRandom(seed ^ SPLIT_SALT);
            for (int t = 0; t < count && heldCount < target; t++) {
                int pick = t + rng.nextInt(count - t); // Fisher–Yates, drawn lazily
                int s = perm[pick];
                perm[pick] = perm[t];
                perm[t] = s;
                int p = order[s];
                if (rowCount[ri[p]] > keep && colCount[ci[p]] > keep) {
                    held[s] = true;
                    rowCount[ri[p]]--;
                    colCount[ci[p]]--;
                    heldCount++;
                }
            }
        }
        int train = count - heldCount;
        int[] rowPtr = new int[rows + 1];
        int[] rowCol = new int[train];
        double[] rowVal = new double[train];
        int[] valRow = new int[heldCount];
        int[] valCol = new int[heldCount];
        double[] valVal = new double[heldCount];
        int a = 0;
        int b = 0;
        for (int t = 0; t < count; t++) {
            int p = order[t];
            if (held[t]) {
                valRow[b] = ri[p];
                valCol[b] = ci[p];
                valVal[b++] = v[p];
            } else {
                rowPtr[ri[p] + 1]++;
                rowCol[a] = ci[p];
                rowVal[a++] = v[p];
            }
        }
        for (int i = 0; i < rows; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        // CSC by a counting sort of the row-major training entries on their columns: rows stay increasing.
        int[] colPtr = new int[cols + 1];
        for (int p = 0; p < train; p++) {
            colPtr[rowCol[p] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] next = java.util.Arrays.copyOf(colPtr, cols);
        int[] colRow = new int[train];
        double[] colVal = new double[train];
        for (int i = 0; i < rows; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int q = next[rowCol[p]]++;
                colRow[q] = i;
                colVal[q] = rowVal[p];
            }
        }
        return new Observations(rows, cols, rowPtr, rowCol, rowVal, colPtr, colRow, colVal, valRow, valCol, valVal);
    }

    /** The stable order of {@code within} (or 0..count−1) sorted by {@code key}, by counting. */
    private static int[] countingOrder(int[] key, int[] within, int count, int range) {
        int[] start = new int[range + 1];
        for (int p = 0; p < count; p++) {
            start[key[p] + 1]++;
        }
        for (int r = 0; r < range; r++) {
            start[r + 1] += start[r];
        }
        int[] out = new int[count];
        for (int t = 0; t < count; t++) {
            int p = within == null ? t : within[t];
            out[start[key[p]]++] = p;
        }
        return out;
    }

    private static void checkNonEmpty(int[] counts, String what, int rows, int cols) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new IllegalArgumentException(what + " " + (i + 1) + " of the " + rows + "×" + cols
                        + " matrix has no observation, so its factor cannot be determined; every row and column"
                        + " needs at least one observed entry");
            }
        }
    }
}
