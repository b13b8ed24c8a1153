package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixStatisticsTest {

    /** A matrix as a dense oracle sees it: values plus which positions are stored. */
    private record Dense(double[][] a, boolean[][] stored) {

        int rows() {
            return a.length;
        }

        CsrMatrix toCsr(int cols) {
            CooMatrix.Builder b = CooMatrix.builder(rows(), cols);
            for (int i = 0; i < rows(); i++) {
                for (int j = 0; j < cols; j++) {
                    if (stored[i][j]) {
                        b.add(i, j, a[i][j]);
                    }
                }
            }
            return b.build().toCsr();
        }
    }

    /** The statistics computed the slow, obvious way from the dense oracle. */
    private static MatrixStatistics bruteForce(Dense d, int cols) {
        int rows = d.rows();
        double[][] a = d.a();
        boolean[][] s = d.stored();
        int nnz = 0;
        int zeros = 0;
        int minRow = rows == 0 ? 0 : Integer.MAX_VALUE;
        int maxRow = 0;
        int emptyRows = 0;
        int lower = 0;
        int upper = 0;
        double sumSquares = 0.0;
        for (int i = 0; i < rows; i++) {
            int count = 0;
            for (int j = 0; j < cols; j++) {
                if (s[i][j]) {
                    count++;
                    nnz++;
                    zeros += a[i][j] == 0.0 ? 1 : 0;
                    lower = Math.max(lower, i - j);
                    upper = Math.max(upper, j - i);
                    sumSquares += a[i][j] * a[i][j];
                }
            }
            minRow = Math.min(minRow, count);
            maxRow = Math.max(maxRow, count);
            emptyRows += count == 0 ? 1 : 0;
        }
        int emptyCols = 0;
        for (int j = 0; j < cols; j++) {
            boolean any = false;
            for (int i = 0; i < rows; i++) {
                any |= s[i][j];
            }
            emptyCols += any ? 0 : 1;
        }
        boolean structSym = rows == cols;
        boolean numSym = rows == cols;
        for (int i = 0; structSym && i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                structSym &= s[i][j] == s[j][i];
            }
        }
        for (int i = 0; numSym && i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                numSym &= i == j || a[i][j] == a[j][i];
            }
        }
        int diag = Math.min(rows, cols);
        boolean full = true;
        int dominant = 0;
        for (int i = 0; i < diag; i++) {
            full &= s[i][i] && a[i][i] != 0.0;
            double off = 0.0;
            for (int j = 0; j < cols; j++) {
                off += j == i ? 0.0 : Math.abs(a[i][j]);
            }
            dominant += Math.abs(a[i][i]) >= off ? 1 : 0;
        }
        return new MatrixStatistics(rows, cols, nnz, zeros, minRow, rows == 0 ? Double.NaN : (double) nnz / rows,
                maxRow, emptyRows, emptyCols, lower, upper, structSym, numSym, full, dominant,
                diag == 0 ? Double.NaN : (double) dominant / diag, Math.sqrt(sumSquares), 0);
    }

    /**
     * A seeded random matrix with explicit zeros, integer-valued entries (so sums are exact) and,
     * depending on {@code kind}: 0 general, 1 symmetric pattern with nonsymmetric values, 2
     * symmetric, 3 symmetric with a full diagonal and dominant rows.
     */
    private static Dense random(Random rnd, int rows, int cols, double density, int kind) {
        double[][] a = new double[rows][cols];
        boolean[][] s = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (kind > 0 && j > i && i < cols && j < rows) {
                    continue; // mirrored below
                }
                if (rnd.nextDouble() < density) {
                    s[i][j] = true;
                    a[i][j] = rnd.nextInt(5) == 0 ? 0.0 : rnd.nextInt(19) - 9;
                }
            }
        }
        if (kind > 0 && rows == cols) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < i; j++) {
                    s[j][i] = s[i][j];
                    a[j][i] = kind == 1 && s[i][j] ? a[i][j] + 1 : a[i][j];
                }
                if (kind == 3) {
                    s[i][i] = true;
                    a[i][i] = 10.0 * cols;
                }
            }
        }
        return new Dense(a, s);
    }

    private static void assertSameStatistics(MatrixStatistics expected, MatrixStatistics actual, String what) {
        // Records compare doubles with Double.compare semantics, so NaN == NaN here.
        assertEquals(withoutNorm(expected), withoutNorm(actual), what);
        assertEquals(expected.frobeniusNorm(), actual.frobeniusNorm(), 1e-12 * expected.frobeniusNorm(), what);
    }

    private static MatrixStatistics withoutNorm(MatrixStatistics s) {
        return new MatrixStatistics(s.rows(), s.cols(), s.nnz(), s.explicitZeros(), s.minRowNnz(), s.meanRowNnz(),
                s.maxRowNnz(), s.emptyRows(), s.emptyCols(), s.lowerBandwidth(), s.upperBandwidth(),
                s.structurallySymmetric(), s.numericallySymmetric(), s.fullDiagonal(), s.diagonallyDominantRows(),
                s.diagonallyDominantFraction(), 0.0, s.nonFiniteEntries());
    }

    @Test
    void statisticsMatchDenseOracleOnSeededRandomMatrices() {
        Random rnd = new Random(20240521L);
        int[] sizes = {0, 1, 2, 3, 7, 13, 20};
        double[] densities = {0.0, 0.1, 0.35, 1.0};
        int cases = 0;
        for (int rows : sizes) {
            for (int cols : sizes) {
                for (double density : densities) {
                    for (int kind = 0; kind < 4; kind++) {
                        if (kind > 0 && rows != cols) {
                            continue;
                        }
                        Dense d = random(rnd, rows, cols, density, kind);
                        String what = rows + "×" + cols + " density " + density + " kind " + kind;
                        assertSameStatistics(bruteForce(d, cols), MatrixStatistics.of(d.toCsr(cols)), what);
                        cases++;
                    }
                }
            }
        }
        assertTrue(cases > 200, "ran " + cases + " cases");
    }

    @Test
    void relabelledStatisticsMatchTheCsrOnesOnSeededRandomMatrices() {
        Random rnd = new Random(77L);
        int[] sizes = {1, 2, 3, 7, 13, 20};
        int cases = 0;
        for (int rows : sizes) {
            for (int cols : sizes) {
                for (double density : new double[] {0.0, 0.1, 0.35, 1.0}) {
                    for (int kind = 0; kind < 4; kind++) {
                        if (kind > 0 && rows != cols) {
                            continue;
                        }
                        CsrMatrix a = random(rnd, rows, cols, density, kind).toCsr(cols);
                        String what = rows + "×" + cols + " density " + density + " kind " + kind;
                        assertSameStatistics(MatrixStatistics.of(a), MatrixStatistics.ofRelabelled(a.toCoo()), what);
                        cases++;
                    }
                }
            }
        }
        assertTrue(cases > 150, "ran " + cases + " cases");
    }

    @Test
    void hypersparseMatrixStatisticsNeedNoRowPointers() {
        int n = 2_000_000_000;
        // a(1,1) = 4, a(2e9, 1) = -1 twice (summed to -2), a(1, 2e9) = -2: symmetric, row 1 dominant.
        CooMatrix a = new CooMatrix(n, n, new int[] {0, n - 1, n - 1, 0}, new int[] {0, 0, 0, n - 1},
                new double[] {4.0, -1.0, -1.0, -2.0});
        MatrixStatistics s = MatrixStatistics.of(a);
        assertEquals(new MatrixStatistics(n, n, 3, 0, 0, 3.0 / n, 2, n - 2, n - 2, n - 1, n - 1, true, true, false,
                n - 1, (n - 1.0) / n, Math.sqrt(24.0), 0), s);
    }

    @Test
    void nonFiniteEntriesAreCounted() {
        CooMatrix a = new CooMatrix(2, 3, new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 2},
                new double[] {Double.NaN, 1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        assertEquals(3, MatrixStatistics.of(a).nonFiniteEntries());
        assertEquals(3, MatrixStatistics.ofRelabelled(a).nonFiniteEntries());
    }

    @Test
    void emptyMatrixWithNoRowsHasUndefinedMeansAndAllColumnsEmpty() {
        MatrixStatistics s = MatrixStatistics.of(CsrMatrix.zeros(0, 5));
        assertEquals(0, s.rows());
        assertEquals(5, s.cols());
        assertEquals(0, s.nnz());
        assertEquals(0, s.minRowNnz());
        assertEquals(0, s.maxRowNnz());
        assertTrue(Double.isNaN(s.meanRowNnz()));
        assertEquals(0, s.emptyRows());
        assertEquals(5, s.emptyCols());
        assertEquals(0, s.lowerBandwidth());
        assertEquals(0, s.upperBandwidth());
        assertFalse(s.structurallySymmetric());
        assertFalse(s.numericallySymmetric());
        assertTrue(s.fullDiagonal(), "vacuously full");
        assertTrue(Double.isNaN(s.diagonallyDominantFraction()));
        assertEquals(0.0, s.frobeniusNorm());
    }

    @Test
    void oneByOneMatrixIsSymmetricDominantAndHasFullDiagonal() {
        MatrixStatistics s = MatrixStatistics.of(new CsrMatrix(1, 1, new int[] {0, 1}, new int[] {0},
                new double[] {-3.0}));
        assertEquals(new MatrixStatistics(1, 1, 1, 0, 1, 1.0, 1, 0, 0, 0, 0, true, true, true, 1, 1.0, 3.0, 0), s);

        MatrixStatistics zero = MatrixStatistics.of(new CsrMatrix(1, 1, new int[] {0, 1}, new int[] {0},
                new double[] {0.0}));
        assertEquals(1, zero.explicitZeros());
        assertFalse(zero.fullDiagonal(), "an explicit zero on the diagonal does not make it full");
        assertEquals(1.0, zero.diagonallyDominantFraction(), "0 ≥ 0: weakly dominant");
    }

    @Test
    void nonsymmetricPatternIsNeitherStructurallyNorNumericallySymmetric() {
        // [1 2 0]
        // [0 3 0]
        // [4 0 5]
        CsrMatrix a = new CsrMatrix(3, 3, new int[] {0, 2, 3, 5}, new int[] {0, 1, 1, 0, 2},
                new double[] {1, 2, 3, 4, 5});
        MatrixStatistics s = MatrixStatistics.of(a);
        assertFalse(s.structurallySymmetric());
        assertFalse(s.numericallySymmetric());
        assertEquals(2, s.lowerBandwidth());
        assertEquals(1, s.upperBandwidth());
        assertTrue(s.fullDiagonal());
        assertEquals(2, s.diagonallyDominantRows(), "rows 1 and 2; row 0 has |1| < |2|");
        assertEquals(2.0 / 3.0, s.diagonallyDominantFraction());
        assertEquals(Math.sqrt(55.0), s.frobeniusNorm(), 1e-15);
    }

    @Test
    void symmetricPatternWithNonsymmetricValuesIsOnlyStructurallySymmetric() {
        // [2 1]
        // [7 0]   (0 stored explicitly)
        CsrMatrix a = new CsrMatrix(2, 2, new int[] {0, 2, 4}, new int[] {0, 1, 0, 1}, new double[] {2, 1, 7, 0});
        MatrixStatistics s = MatrixStatistics.of(a);
        assertTrue(s.structurallySymmetric());
        assertFalse(s.numericallySymmetric());
        assertEquals(1, s.explicitZeros());
        assertFalse(s.fullDiagonal());
        assertEquals(1, s.diagonallyDominantRows());
    }

    @Test
    void explicitZeroMirroringMissingEntryIsNumericallyButNotStructurallySymmetric() {
        // [1 0]   (0 stored explicitly at (0,1); (1,0) not stored)
        // [. 1]
        CsrMatrix a = new CsrMatrix(2, 2, new int[] {0, 2, 3}, new int[] {0, 1, 1}, new double[] {1, 0, 1});
        MatrixStatistics s = MatrixStatistics.of(a);
        assertFalse(s.structurallySymmetric());
        assertTrue(s.numericallySymmetric());
        assertEquals(1, s.upperBandwidth(), "explicit zeros count in the bandwidth");
    }

    @Test
    void nanOffTheDiagonalBreaksNumericalSymmetryButNanOnTheDiagonalDoesNot() {
        CsrMatrix offDiagonal = new CsrMatrix(2, 2, new int[] {0, 1, 2}, new int[] {1, 0},
                new double[] {Double.NaN, Double.NaN});
        assertFalse(MatrixStatistics.of(offDiagonal).numericallySymmetric());
        CsrMatrix onDiagonal = new CsrMatrix(2, 2, new int[] {0, 1, 2}, new int[] {0, 1},
                new double[] {Double.NaN, 1.0});
        MatrixStatistics s = MatrixStatistics.of(onDiagonal);
        assertTrue(s.numericallySymmetric());
        assertEquals(1, s.diagonallyDominantRows(), "a NaN row is not dominant");
    }

    @Test
    void rectangularMatricesCountDiagonalOverTheShorterSide() {
        // 3×2: [1 0; 0 1; 5 5] — rows past the last column have no diagonal and are not counted.
        CsrMatrix tall = new CsrMatrix(3, 2, new int[] {0, 1, 2, 4}, new int[] {0, 1, 0, 1},
                new double[] {1, 1, 5, 5});
        MatrixStatistics s = MatrixStatistics.of(tall);
        assertTrue(s.fullDiagonal());
        assertEquals(2, s.diagonallyDominantRows());
        assertEquals(1.0, s.diagonallyDominantFraction());
        assertFalse(s.structurallySymmetric());
        assertFalse(s.numericallySymmetric());
        assertEquals(2, s.lowerBandwidth());
    }

    @Test
    void unsortedInputGivesTheSameStatisticsAsItsCanonicalForm() {
        CsrMatrix unsorted = CsrMatrix.unsorted(2, 3, new int[] {0, 3, 4}, new int[] {2, 0, 1, 0},
                new double[] {3, 1, 2, 4});
        assertEquals(MatrixStatistics.of(unsorted.sorted()), MatrixStatistics.of(unsorted));
    }

    @Test
    void nullMatrixIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MatrixStatistics.of((CsrMatrix) null));
    }
}
