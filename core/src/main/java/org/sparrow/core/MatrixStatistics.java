package org.sparrow.core;

/**
 * Structure and value statistics of a sparse matrix, as {@code sparrow info} prints them.
 *
 * <p>Every figure is about the <em>stored</em> entries of the canonical CSR form (sorted, no
 * duplicates); explicit zeros are stored entries and count in every structural figure (row
 * counts, empty rows and columns, bandwidth, structural symmetry). Compute one with
 * {@link #of(CsrMatrix)} in {@code O(nnz·log(max row) + rows + cols)} time and {@code O(cols)}
 * extra memory (the symmetry checks look each mirror entry up in its row; no transpose is built).
 *
 * @param rows                       number of rows
 * @param cols                       number of columns
 * @param nnz                        stored entries (explicit zeros included)
 * @param explicitZeros              stored entries whose value is 0.0 (or -0.0)
 * @param minRowNnz                  fewest stored entries in a row; 0 when {@code rows == 0}
 * @param meanRowNnz                 {@code nnz / rows}; NaN when {@code rows == 0}
 * @param maxRowNnz                  most stored entries in a row; 0 when {@code rows == 0}
 * @param emptyRows                  rows with no stored entry
 * @param emptyCols                  columns with no stored entry
 * @param lowerBandwidth             {@code max(i − j)} over stored entries {@code (i, j)} with
 *                                   {@code i > j}; 0 when there are none
 * @param upperBandwidth             {@code max(j − i)} over stored entries {@code (i, j)} with
 *                                   {@code j > i}; 0 when there are none
 * @param structurallySymmetric      square, and {@code (i, j)} is stored exactly when {@code (j, i)}
 *                                   is: pattern(A) = pattern(Aᵀ)
 * @param numericallySymmetric       square, and {@code a_ij == a_ji} for every {@code i ≠ j}, where
 *                                   an entry not stored counts as 0 (so an explicit zero matches a
 *                                   missing entry, -0.0 equals 0.0, and a NaN off the diagonal makes
 *                                   the matrix nonsymmetric)
 * @param fullDiagonal               every diagonal entry {@code a_kk}, {@code k < min(rows, cols)},
 *                                   is stored and nonzero (vacuously true when
 *                                   {@code min(rows, cols) == 0}); the matrix need not be square
 * @param diagonallyDominantRows     rows {@code i < min(rows, cols)} with
 *                                   {@code |a_ii| ≥ Σ_{j≠i} |a_ij|} (weak dominance, so an empty row
 *                                   counts; a NaN in the row makes it not dominant)
 * @param diagonallyDominantFraction {@code diagonallyDominantRows / min(rows, cols)}, in [0, 1]; NaN
 *                                   when {@code min(rows, cols) == 0}. Rows past the last column (of
 *                                   a tall matrix) have no diagonal entry and are not counted.
 * @param frobeniusNorm              {@code ‖A‖_F = sqrt(Σ a_ij²)}, as {@link CsrMatrix#frobeniusNorm()}
 * @param nonFiniteEntries           stored entries whose value is NaN or infinite (a file may spell
 *                                   them {@code nan}, {@code inf}); they make every value figure
 *                                   above NaN or false, so a reader should see their count
 */
public record MatrixStatistics(
        int rows,
        int cols,
        int nnz,
        int explicitZeros,
        int minRowNnz,
        double meanRowNnz,
        int maxRowNnz,
        int emptyRows,
        int emptyCols,
        int lowerBandwidth,
        int upperBandwidth,
        boolean structurallySymmetric,
        boolean numericallySymmetric,
        boolean fullDiagonal,
        int diagonallyDominantRows,
        double diagonallyDominantFraction,
        double frobeniusNorm,
        int nonFiniteEntries) {

    /**
     * The statistics of {@code a}.
     *
     * @param a Input: the matrix; meant to be canonical (sorted rows, as every Sparrow conversion and
     *          the Matrix Market reader produce). An unsorted one is sorted first
     *          ({@link CsrMatrix#sorted()}), which costs a copy.
     * @return its statistics
     * @throws IllegalArgumentException when {@code a} is null
     */
    public static MatrixStatistics of(CsrMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("matrix is null");
        }
        a = a.sorted();
        int rows = a.rows();
        int cols = a.cols();
        int nnz = a.nnz();
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] x = a.values();
        Scan scan = Scan.of(rows, rp, ci, x, null, cols, Math.min(rows, cols));

        boolean structSym = false;
        boolean numSym = false;
        if (rows == cols) {
            int symmetry = symmetry(rows, rp, ci, x);
            structSym = (symmetry & STRUCTURALLY_SYMMETRIC) != 0;
            numSym = (symmetry & NUMERICALLY_SYMMETRIC) != 0;
        }
        return scan.statistics(rows, cols, nnz, structSym, numSym, a.frobeniusNorm());
    }

    /**
     * The statistics of {@code a}, computed without its CSR form when that form would be mostly
     * empty row pointers (a hypersparse matrix: 2·10⁹ rows and three entries). Then the rows and
     * columns that hold entries are relabelled {@code 0..m-1} in increasing order (one map for both,
     * so the pattern's symmetry is kept), the figures are computed on that small {@code m × m}
     * matrix, and the empty rows and columns are added back. Same figures as
     * {@code of(a.toCsr())}, in {@code O(nnz log nnz)} time and {@code O(nnz)} memory.
     *
     * @param a Input: the matrix (duplicates are summed, as in its CSR form)
     * @return its statistics
     * @throws IllegalArgumentException when {@code a} is null
     */
    public static MatrixStatistics of(CooMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("matrix is null");
        }
        long dims = (long) a.rows() + a.cols();
        if (dims <= 8L * a.nnz() + (1 << 20)) {
            return of(a.toCsr());
        }
        return ofRelabelled(a);
    }

    /** {@link #of(CooMatrix)} through the relabelled matrix, whatever the size (visible for tests). */
    static MatrixStatistics ofRelabelled(CooMatrix a) {
        int rows = a.rows();
        int cols = a.cols();
        int n = a.nnz();
        int[] ri = a.rowIndices();
        int[] ci = a.columnIndices();
        // The labels: the distinct indices that occur as a row or a column, in increasing order.
        int[] labels = new int[2 * n];
        System.arraycopy(ri, 0, labels, 0, n);
        System.arraycopy(ci, 0, labels, n, n);
        java.util.Arrays.sort(labels);
        int m = 0;
        for (int k = 0; k < labels.length; k++) {
            if (m == 0 || labels[k] != labels[m - 1]) {
                labels[m++] = labels[k];
            }
        }
        int[] r2 = new int[n];
        int[] c2 = new int[n];
        for (int k = 0; k < n; k++) {
            r2[k] = java.util.Arrays.binarySearch(labels, 0, m, ri[k]);
            c2[k] = java.util.Arrays.binarySearch(labels, 0, m, ci[k]);
        }
        CsrMatrix c = new CooMatrix(Math.max(m, 1), Math.max(m, 1), r2, c2, a.values()).toCsr();
        int[] rp = c.rowPointers();
        int[] cj = c.columnIndices();
        double[] x = c.values();
        Scan scan = Scan.of(m, rp, cj, x, labels, Math.max(m, 1), Math.min(rows, cols));
        boolean structSym = false;
        boolean numSym = false;
        if (rows == cols) {
            MatrixStatistics small = of(c); // the relabelling keeps (i, j) ↔ (j, i)
            structSym = small.structurallySymmetric();
            numSym = small.numericallySymmetric();
        }
        return scan.statistics(rows, cols, c.nnz(), structSym, numSym, c.frobeniusNorm());
    }

    /**
     * The figures of one pass over a canonical CSR pattern whose rows and columns are labels of the
     * matrix's own rows and columns: the identity for {@link #of(CsrMatrix)}, the sorted distinct
     * indices for the hypersparse {@link #ofRelabelled(CooMatrix)} (one map for rows and columns, so a
     * label is on the diagonal exactly when its row is). Rows and columns that no label names hold no
     * entry; {@link #statistics} adds them back.
     */
    private record Scan(int explicitZeros, int nonFinite, int filledRows, int minFilledRow, int maxRow,
                        int filledCols, int lower, int upper, int diagonalRows, int fullDiagonalRows,
                        int dominant, int diag) {

        /**
         * @param n        rows of the pattern
         * @param rp       Input: its row pointers
         * @param cj       Input: its column indices (sorted within rows)
         * @param x        Input: its values
         * @param labels   Input: the matrix index of each pattern row/column, or {@code null} for the identity
         * @param colCount columns of the pattern
         * @param diag     min(rows, cols) of the matrix
         */
        static Scan of(int n, int[] rp, int[] cj, double[] x, int[] labels, int colCount, int diag) {
            int explicitZeros = 0;
            int nonFinite = 0;
            int filledRows = 0;
            int minFilledRow = Integer.MAX_VALUE;
            int maxRow = 0;
            int filledCols = 0;
            int lower = 0;
            int upper = 0;
            int diagonalRows = 0; // rows below min(rows, cols) that the pattern has
            int fullDiagonalRows = 0;
            int dominant = 0;
            boolean[] colSeen = new boolean[colCount];
            for (int l = 0; l < n; l++) {
                int i = labels == null ? l : labels[l];
                int count = rp[l + 1] - rp[l];
                if (count > 0) {
                    filledRows++;
                    minFilledRow = Math.min(minFilledRow, count);
                    maxRow = Math.max(maxRow, count);
                }
                double aii = 0.0;
                boolean hasDiagonal = false;
                double offDiagonal = 0.0; // Σ_{j≠i} |a_ij|
                for (int p = rp[l]; p < rp[l + 1]; p++) {
                    int j = labels == null ? cj[p] : labels[cj[p]];
                    double v = x[p];
                    if (!colSeen[cj[p]]) {
                        colSeen[cj[p]] = true;
                        filledCols++;
                    }
                    if (v == 0.0) {
                        explicitZeros++;
                    } else if (!Double.isFinite(v)) {
                        nonFinite++;
                    }
                    lower = Math.max(lower, i - j);
                    upper = Math.max(upper, j - i);
                    if (j == i) {
                        aii = v;
                        hasDiagonal = true;
                    } else {
                        offDiagonal += Math.abs(v);
                    }
                }
                if (i < diag) {
                    diagonalRows++;
                    if (hasDiagonal && aii != 0.0) {
                        fullDiagonalRows++;
                    }
                    if (Math.abs(aii) >= offDiagonal) {
                        dominant++;
                    }
                }
            }
            return new Scan(explicitZeros, nonFinite, filledRows, minFilledRow, maxRow, filledCols, lower, upper,
                    diagonalRows, fullDiagonalRows, dominant, diag);
        }

        /** The statistics of a {@code rows × cols} matrix with these figures; rows the pattern lacks are empty. */
        MatrixStatistics statistics(int rows, int cols, int nnz, boolean structSym, boolean numSym, double frobenius) {
            int emptyRows = rows - filledRows;
            int minRow = filledRows == 0 || emptyRows > 0 ? 0 : minFilledRow;
            int allDominant = dominant + diag - diagonalRows; // a row with no entries is (weakly) dominant
            return new MatrixStatistics(rows, cols, nnz, explicitZeros, minRow,
                    rows == 0 ? Double.NaN : (double) nnz / rows, maxRow, emptyRows, cols - filledCols, lower, upper,
                    structSym, numSym, fullDiagonalRows == diag, allDominant,
                    diag == 0 ? Double.NaN : (double) allDominant / diag, frobenius, nonFinite);
        }
    }

    /** Bit of {@link #symmetry}: every stored a_ij has a stored a_ji. */
    private static final int STRUCTURALLY_SYMMETRIC = 1;
    /** Bit of {@link #symmetry}: a_ij == a_ji off the diagonal, a missing entry being 0. */
    private static final int NUMERICALLY_SYMMETRIC = 2;

    /**
     * The symmetry of a canonical square CSR matrix: each off-diagonal a_ij's mirror a_ji is looked
     * up by binary search in row j, so no transpose is built (for {@code sparrow info} on a
     * million-row file that transpose was the largest allocation after the matrix itself, all of it
     * fresh memory). An a_ij whose mirror is missing breaks structural symmetry, and numerical
     * symmetry unless a_ij is 0; visiting every stored entry covers both directions. NaN equals nothing.
     *
     * @return {@link #STRUCTURALLY_SYMMETRIC} and {@link #NUMERICALLY_SYMMETRIC} bits
     */
    private static int symmetry(int n, int[] rp, int[] ci, double[] x) {
        boolean structural = true;
        boolean numerical = true;
        for (int i = 0; i < n && (structural || numerical); i++) {
            for (int p = rp[i], end = rp[i + 1]; p < end; p++) {
                int j = ci[p];
                if (j == i) {
                    continue;
                }
                int q = java.util.Arrays.binarySearch(ci, rp[j], rp[j + 1], i);
                if (q < 0) {
                    structural = false;
                    numerical &= x[p] == 0.0;
                } else {
                    numerical &= x[p] == x[q];
                }
            }
        }
        return (structural ? STRUCTURALLY_SYMMETRIC : 0) | (numerical ? NUMERICALLY_SYMMETRIC : 0);
    }

    /** Stored entries as a percentage of rows·cols, for the formats' summaries ("0.31%"). */
    static String density(long nnz, int rows, int cols) {
        double cells = (double) rows * cols;
        double pct = cells == 0 ? 0.0 : 100.0 * nnz / cells;
        return (pct >= 1 ? String.format(java.util.Locale.ROOT, "%.1f", pct)
                : String.format(java.util.Locale.ROOT, "%.2g", pct)) + "%";
    }
}
