package org.sparrow.core.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparrow.core.CsrMatrix;

/**
 * {@link Generators}: the Poisson matrices against a dense matrix built from their definition; the
 * random generators for reproducibility (across seeds and thread counts), their documented sizes
 * and value ranges, and the statistics their definitions imply (within several standard deviations,
 * with fixed seeds, so the tests are deterministic).
 */
class GeneratorsTest {

    // ---------------------------------------------------------------- Poisson

    /** The 5-point Laplacian written out from its definition, independently of the generator. */
    private static double[] denseLaplacian2d(int n) {
        int size = n * n;
        double[] d = new double[size * size];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int k = r * n + c;
                d[k * size + k] = 4;
                int[][] nb = {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}};
                for (int[] q : nb) {
                    if (q[0] >= 0 && q[0] < n && q[1] >= 0 && q[1] < n) {
                        d[k * size + q[0] * n + q[1]] = -1;
                    }
                }
            }
        }
        return d;
    }

    /** The 7-point Laplacian written out from its definition. */
    private static double[] denseLaplacian3d(int n) {
        int size = n * n * n;
        double[] d = new double[size * size];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int k = (z * n + y) * n + x;
                    d[k * size + k] = 6;
                    int[][] nb = {{z - 1, y, x}, {z + 1, y, x}, {z, y - 1, x}, {z, y + 1, x}, {z, y, x - 1}, {z, y, x + 1}};
                    for (int[] q : nb) {
                        if (q[0] >= 0 && q[0] < n && q[1] >= 0 && q[1] < n && q[2] >= 0 && q[2] < n) {
                            d[k * size + (q[0] * n + q[1]) * n + q[2]] = -1;
                        }
                    }
                }
            }
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void poisson2dIsTheFivePointLaplacianEntryForEntry(int n) {
        CsrMatrix a = Generators.poisson2d(n);
        assertEquals(n * n, a.rows());
        assertEquals(n * n, a.cols());
        assertEquals(5 * n * n - 4 * n, a.nnz(), "5n² − 4n stored entries");
        assertTrue(a.isSorted());
        assertArrayEquals(denseLaplacian2d(n), a.toDense().data());
        // No stored zeros: every stored entry is 4 or −1.
        for (int p = 0; p < a.nnz(); p++) {
            assertTrue(a.values()[p] == 4.0 || a.values()[p] == -1.0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void poisson3dIsTheSevenPointLaplacianEntryForEntry(int n) {
        CsrMatrix a = Generators.poisson3d(n);
        assertEquals(n * n * n, a.rows());
        assertEquals(n * n * n, a.cols());
        assertEquals(7 * n * n * n - 6 * n * n, a.nnz(), "7n³ − 6n² stored entries");
        assertTrue(a.isSorted());
        assertArrayEquals(denseLaplacian3d(n), a.toDense().data());
    }

    @Test
    void poissonMatricesAreSymmetricWithZeroInteriorRowSums() {
        int n = 6;
        CsrMatrix a2 = Generators.poisson2d(n);
        CsrMatrix a3 = Generators.poisson3d(n);
        assertEquals(a2, a2.transpose());
        assertEquals(a3, a3.transpose());
        double[] ones2 = new double[n * n];
        java.util.Arrays.fill(ones2, 1.0);
        double[] sums2 = new double[n * n];
        a2.apply(ones2, sums2);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int boundarySides = (r == 0 ? 1 : 0) + (r == n - 1 ? 1 : 0) + (c == 0 ? 1 : 0) + (c == n - 1 ? 1 : 0);
                assertEquals(boundarySides, sums2[r * n + c], "row sum = number of missing neighbours at (" + r + ", " + c + ")");
            }
        }
        double[] ones3 = new double[n * n * n];
        java.util.Arrays.fill(ones3, 1.0);
        double[] sums3 = new double[n * n * n];
        a3.apply(ones3, sums3);
        int interior = 0;
        for (int z = 1; z < n - 1; z++) {
            for (int y = 1; y < n - 1; y++) {
                for (int x = 1; x < n - 1; x++) {
                    assertEquals(0.0, sums3[(z * n + y) * n + x]);
                    interior++;
                }
            }
        }
        assertEquals((n - 2) * (n - 2) * (n - 2), interior);
        for (double s : sums3) {
            assertTrue(s >= 0.0);
        }
    }

    @Test
    void poissonMatricesArePositiveDefiniteOnRandomVectors() {
        Random rnd = new Random(7);
        for (CsrMatrix a : new CsrMatrix[] {Generators.poisson2d(9), Generators.poisson3d(5)}) {
            double[] x = new double[a.rows()];
            double[] y = new double[a.rows()];
            for (int t = 0; t < 20; t++) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextGaussian();
                }
                a.apply(x, y);
                double xAx = 0;
                for (int i = 0; i < x.length; i++) {
                    xAx += x[i] * y[i];
                }
                assertTrue(xAx > 0, "xᵀAx > 0");
            }
        }
    }

    @Test
    void poissonArgumentsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generators.poisson2d(0));
        assertTrue(e.getMessage().contains("poisson2d") && e.getMessage().contains("n ≥ 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Generators.poisson3d(-3));
        e = assertThrows(IllegalArgumentException.class, () -> Generators.poisson2d(20725));
        assertTrue(e.getMessage().contains("2147545225") && e.getMessage().contains("more than a CsrMatrix holds"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.poisson3d(675));
        assertTrue(e.getMessage().contains("poisson3d(675)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.poisson2d(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("more than a CsrMatrix holds"), "no overflow: " + e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.poisson3d(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("more than a CsrMatrix holds"), "no overflow: " + e.getMessage());
    }

    // ---------------------------------------------------------------- random

    @Test
    void randomIsReproducibleForASeedAndAcrossThreadCounts() {
        CsrMatrix one = Generators.random(3001, 700, 0.01, 123L, 1);
        assertEquals(one, Generators.random(3001, 700, 0.01, 123L, 1));
        assertEquals(one, Generators.random(3001, 700, 0.01, 123L, 2));
        assertEquals(one, Generators.random(3001, 700, 0.01, 123L, 7));
        assertEquals(one, Generators.random(3001, 700, 0.01, 123L));
        assertNotEquals(one, Generators.random(3001, 700, 0.01, 124L, 1));
        // Dense rows (one row per block) too.
        CsrMatrix dense = Generators.random(5, 200_000, 0.5, 9L, 1);
        assertEquals(dense, Generators.random(5, 200_000, 0.5, 9L, 3));
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1, 0.5",
        "300, 500, 0.01",
        "1000, 1000, 0.003",
        "50, 20000, 0.2",
        "20000, 3, 0.9",
        "2, 1000000, 0.00001",
        "1, 300000, 0.999",
        "4097, 4099, 0.0007",
    })
    void randomHasAboutDensityTimesSizeEntriesAtDistinctColumnsWithValuesInRange(int rows, int cols, double density) {
        for (long seed = 0; seed < 3; seed++) {
            CsrMatrix a = Generators.random(rows, cols, density, seed, 2);
            assertEquals(rows, a.rows());
            assertEquals(cols, a.cols());
            assertTrue(a.isSorted(), "canonical: columns strictly increase, so they are distinct");
            double mean = density * rows * cols;
            double sd = Math.sqrt(mean * (1 - density));
            assertTrue(Math.abs(a.nnz() - mean) <= 5 * sd + 1e-9,
                    "nnz " + a.nnz() + " vs expected " + mean + " ± " + sd);
            int[] rp = a.rowPointers();
            int[] ci = a.columnIndices();
            for (int i = 0; i < rows; i++) {
                for (int p = rp[i]; p < rp[i + 1]; p++) {
                    assertTrue(ci[p] >= 0 && ci[p] < cols);
                    if (p > rp[i]) {
                        assertTrue(ci[p] > ci[p - 1]);
                    }
                }
            }
            for (int p = 0; p < a.nnz(); p++) {
                double v = a.values()[p];
                assertTrue(v >= -1.0 && v < 1.0, "value " + v + " in [−1, 1)");
            }
        }
    }

    @Test
    void randomWithDensityOneIsFull() {
        CsrMatrix a = Generators.random(7, 13, 1.0, 5L);
        assertEquals(91, a.nnz());
        for (int i = 0; i < 7; i++) {
            assertEquals(13, a.rowNnz(i));
        }
    }

    @Test
    void randomColumnsAndValuesAreUniform() {
        int rows = 40_000;
        int cols = 10;
        double density = 0.3;
        CsrMatrix a = Generators.random(rows, cols, density, 2024L);
        long[] perColumn = new long[cols];
        double sum = 0;
        int negative = 0;
        for (int p = 0; p < a.nnz(); p++) {
            perColumn[a.columnIndices()[p]]++;
            sum += a.values()[p];
            negative += a.values()[p] < 0 ? 1 : 0;
        }
        double mean = rows * density;
        double sd = Math.sqrt(rows * density * (1 - density));
        for (int j = 0; j < cols; j++) {
            assertTrue(Math.abs(perColumn[j] - mean) < 5 * sd, "column " + j + " has " + perColumn[j] + " entries, expected "
                    + mean + " ± " + sd + " (first and last columns included)");
        }
        // Values uniform on [−1, 1): mean 0 (sd 1/√(3·nnz)), half negative.
        assertTrue(Math.abs(sum / a.nnz()) < 5 / Math.sqrt(3.0 * a.nnz()), "mean value " + sum / a.nnz());
        assertTrue(Math.abs(negative - a.nnz() / 2.0) < 5 * Math.sqrt(a.nnz() / 4.0), negative + " negative of " + a.nnz());
        // Row counts: Binomial(cols, density), so some rows are empty and some full.
        int empty = 0;
        for (int i = 0; i < rows; i++) {
            empty += a.rowNnz(i) == 0 ? 1 : 0;
        }
        double pEmpty = Math.pow(1 - density, cols);
        assertTrue(Math.abs(empty - rows * pEmpty) < 5 * Math.sqrt(rows * pEmpty), empty + " empty rows");
    }

    @Test
    void randomArgumentsAreChecked() {
        for (double d : new double[] {0.0, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generators.random(5, 5, d, 1L));
            assertTrue(e.getMessage().contains("density in (0, 1]"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Generators.random(0, 5, 0.5, 1L));
        assertThrows(IllegalArgumentException.class, () -> Generators.random(5, 0, 0.5, 1L));
        assertThrows(IllegalArgumentException.class, () -> Generators.random(5, 5, 0.5, 1L, 0));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> Generators.random(100_000, 100_000, 0.5, 1L));
        assertTrue(big.getMessage().contains("5000000000") && big.getMessage().contains("more than a CsrMatrix holds"),
                big.getMessage());
    }

    // ---------------------------------------------------------------- R-MAT

    @Test
    void rmatIsReproducibleForASeedAndAcrossThreadCounts() {
        CsrMatrix one = Generators.rmat(12, 8, Generators.RMAT_A, Generators.RMAT_B, Generators.RMAT_C, 77L, 1);
        assertEquals(one, Generators.rmat(12, 8, 77L));
        assertEquals(one, Generators.rmat(12, 8, Generators.RMAT_A, Generators.RMAT_B, Generators.RMAT_C, 77L, 2));
        assertEquals(one, Generators.rmat(12, 8, Generators.RMAT_A, Generators.RMAT_B, Generators.RMAT_C, 77L, 7));
        assertNotEquals(one, Generators.rmat(12, 8, 78L));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1, 16", "3, 5", "10, 16", "14, 4"})
    void rmatValuesCountTheGeneratedEdges(int scale, int edgeFactor) {
        CsrMatrix a = Generators.rmat(scale, edgeFactor, 3L);
        int n = 1 << scale;
        long edges = (long) edgeFactor * n;
        assertEquals(n, a.rows());
        assertEquals(n, a.cols());
        assertTrue(a.isSorted());
        assertTrue(a.nnz() <= edges, "duplicates merged: nnz ≤ edges");
        double sum = 0;
        for (int p = 0; p < a.nnz(); p++) {
            double v = a.values()[p];
            assertTrue(v >= 1 && v == Math.rint(v), "a multiplicity: " + v);
            sum += v;
        }
        assertEquals(edges, sum, "values sum to edgeFactor·2^scale");
    }

    @Test
    void rmatDegreesArePowerLawSkewed() {
        int scale = 14;
        CsrMatrix a = Generators.rmat(scale, 16, 11L);
        double mean = (double) a.nnz() / a.rows();
        int max = 0;
        int empty = 0;
        for (int i = 0; i < a.rows(); i++) {
            max = Math.max(max, a.rowNnz(i));
            empty += a.rowNnz(i) == 0 ? 1 : 0;
        }
        assertTrue(max > 50 * mean, "max row nnz " + max + " vs mean " + mean);
        assertTrue(empty > a.rows() / 10, empty + " empty rows: most mass sits in few rows");
        assertTrue(a.nnz() < 16L << scale, "power-law graphs repeat edges");
        // Without permutation the heaviest row is row 0 (a + b > c + d).
        assertEquals(max, a.rowNnz(0));
    }

    @Test
    void rmatQuadrantProbabilitiesPlaceTheEdges() {
        int scale = 6;
        int n = 1 << scale;
        // a = 1: every edge at (0, 0); d = 1: every edge at (n−1, n−1); b = 1: row 0, last column; c = 1: the reverse.
        CsrMatrix a = Generators.rmat(scale, 3, 1, 0, 0, 5L);
        assertEquals(1, a.nnz());
        assertEquals(3.0 * n, a.get(0, 0));
        CsrMatrix d = Generators.rmat(scale, 3, 0, 0, 0, 5L);
        assertEquals(1, d.nnz());
        assertEquals(3.0 * n, d.get(n - 1, n - 1));
        assertEquals(3.0 * n, Generators.rmat(scale, 3, 0, 1, 0, 5L).get(0, n - 1));
        assertEquals(3.0 * n, Generators.rmat(scale, 3, 0, 0, 1, 5L).get(n - 1, 0));
        // Otherwise, at the top level a fraction a + b of the edges go to the top half of the rows
        // and a + c to the left half of the columns.
        double pa = 0.6;
        double pb = 0.3;
        double pc = 0.05;
        int big = 12;
        int half = 1 << (big - 1);
        CsrMatrix m = Generators.rmat(big, 16, pa, pb, pc, 8L);
        double edges = 16.0 * (1 << big);
        double top = 0;
        double left = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int p = m.rowPointers()[i]; p < m.rowPointers()[i + 1]; p++) {
                top += i < half ? m.values()[p] : 0;
                left += m.columnIndices()[p] < half ? m.values()[p] : 0;
            }
        }
        double sdTop = Math.sqrt(edges * (pa + pb) * (1 - pa - pb));
        double sdLeft = Math.sqrt(edges * (pa + pc) * (1 - pa - pc));
        assertTrue(Math.abs(top - edges * (pa + pb)) < 5 * sdTop, "top half rows: " + top / edges);
        assertTrue(Math.abs(left - edges * (pa + pc)) < 5 * sdLeft, "left half columns: " + left / edges);
    }

    @Test
    void rmatWithEqualProbabilitiesIsNotSkewed() {
        CsrMatrix a = Generators.rmat(12, 16, 0.25, 0.25, 0.25, 4L);
        int max = 0;
        for (int i = 0; i < a.rows(); i++) {
            max = Math.max(max, a.rowNnz(i));
        }
        assertTrue(max < 45, "uniform edges: row counts about Poisson(16), max " + max);
    }

    @Test
    void rmatArgumentsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generators.rmat(0, 16, 1L));
        assertTrue(e.getMessage().contains("scale in [1, 30]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Generators.rmat(31, 1, 1L));
        e = assertThrows(IllegalArgumentException.class, () -> Generators.rmat(4, 0, 1L));
        assertTrue(e.getMessage().contains("edge factor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.rmat(4, 2, -0.1, 0.5, 0.5, 1L));
        assertTrue(e.getMessage().contains("probability a"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.rmat(4, 2, 0.5, 0.4, 0.3, 1L));
        assertTrue(e.getMessage().contains("a + b + c ≤ 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Generators.rmat(4, 2, 0.5, Double.NaN, 0.3, 1L));
        assertThrows(IllegalArgumentException.class, () -> Generators.rmat(4, 2, 0.5, 0.2, 0.2, 1L, 0));
        e = assertThrows(IllegalArgumentException.class, () -> Generators.rmat(30, 2, 1L));
        assertTrue(e.getMessage().contains("2147483648 edges") && e.getMessage().contains("more than a CsrMatrix holds"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.rmat(20, Integer.MAX_VALUE, 1L));
        assertTrue(e.getMessage().contains("more than a CsrMatrix holds"), "no overflow: " + e.getMessage());
    }
}
