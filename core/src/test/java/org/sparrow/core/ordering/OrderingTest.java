package org.sparrow.core.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Permute;

/**
 * The orderings (RCM, AMD, natural) and the symbolic Cholesky count, on seeded random patterns of
 * odd sizes against a dense symbolic elimination, and on graphs whose best order is known (a path,
 * a grid, an arrow).
 */
class OrderingTest {

    static Stream<Integer> sizes() {
        return IntStream.of(0, 1, 2, 13, 57, 207).boxed();
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void everyOrderingIsAPermutationOnRandomAndDisconnectedPatterns(int n) {
        Random rnd = new Random(n);
        boolean[][] sym = randomSymmetricPattern(rnd, n, 3.0 / Math.max(n, 1));
        boolean[][] nonsym = randomPattern(rnd, n, n, 2.0 / Math.max(n, 1)); // structurally nonsymmetric
        boolean[][] rect = randomPattern(rnd, n + 5, n, 3.0 / Math.max(n, 1));
        for (FillReducingOrdering o : FillReducingOrdering.values()) {
            assertPermutation(o.symmetric(csr(sym)), n, o + " symmetric");
            assertPermutation(o.symmetric(csr(nonsym)), n, o + " of A + Aᵀ");
            assertPermutation(o.columns(rect.length == 0 ? CsrMatrix.zeros(5, n) : csr(rect)), n, o + " columns");
        }
        assertEquals(FillReducingOrdering.AMD.label(), "amd");
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void symbolicCountMatchesDenseEliminationForEveryOrdering(int n) {
        Random rnd = new Random(100 + n);
        boolean[][] pattern = randomSymmetricPattern(rnd, n, 4.0 / Math.max(n, 1));
        CsrMatrix a = csr(pattern);
        int[] random = shuffled(rnd, n);
        for (int[] perm : new int[][] {null, random, FillReducingOrdering.RCM.symmetric(a), FillReducingOrdering.AMD.symmetric(a)}) {
            assertEquals(denseFill(pattern, perm), SymbolicCholesky.factorNonzeros(a, perm));
        }
    }

    @Test
    void symbolicCountOfTridiagonalAndDenseMatrices() {
        int n = 31;
        boolean[][] tri = new boolean[n][n];
        boolean[][] dense = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                tri[i][j] = Math.abs(i - j) <= 1;
                dense[i][j] = true;
            }
        }
        assertEquals(2 * n - 1, SymbolicCholesky.factorNonzeros(csr(tri), null));
        assertEquals((long) n * (n + 1) / 2, SymbolicCholesky.factorNonzeros(csr(dense), null));
    }

    @Test
    void rcmGivesBandwidthOneOnAShuffledPath() {
        int n = 101;
        int[] s = shuffled(new Random(3), n);
        boolean[][] path = new boolean[n][n];
        for (int k = 0; k + 1 < n; k++) { // a path visiting the vertices in shuffled order
            path[s[k]][s[k + 1]] = true;
            path[s[k + 1]][s[k]] = true;
        }
        CsrMatrix a = csr(path);
        int[] perm = ReverseCuthillMcKee.order(a);
        assertEquals(1, bandwidth(Permute.of(a, perm, perm)));
        assertEquals(2 * n - 1, SymbolicCholesky.factorNonzeros(a, perm), "no fill on a path");
    }

    @Test
    void rcmStartsFromAPeripheralVertexOfAShuffledGrid() {
        int rows = 10;
        int cols = 23;
        CsrMatrix grid = grid(rows, cols);
        int[] s = shuffled(new Random(4), rows * cols);
        CsrMatrix shuffled = Permute.of(grid, s, s);
        int[] perm = ReverseCuthillMcKee.order(shuffled);
        int band = bandwidth(Permute.of(shuffled, perm, perm));
        assertTrue(band <= rows + 1, "RCM from a corner sweeps the short side: bandwidth " + band);
    }

    @Test
    void amdBeatsTheNaturalOrderOnAGrid() {
        CsrMatrix grid = grid(25, 25);
        long natural = SymbolicCholesky.factorNonzeros(grid, null);
        long amd = SymbolicCholesky.factorNonzeros(grid, ApproximateMinimumDegree.order(grid));
        assertTrue(amd < 0.75 * natural, "AMD " + amd + " vs natural (banded) " + natural);
    }

    @Test
    void amdEliminatesTheLeavesOfAnArrowFirstAndDenseVerticesLast() {
        for (int n : new int[] {30, 400}) { // n = 400: the hub's degree 399 > max(16, 10·√400) makes it "dense"
            boolean[][] arrow = new boolean[n][n];
            int hub = n / 3;
            for (int i = 0; i < n; i++) {
                arrow[i][i] = true;
                arrow[i][hub] = true;
                arrow[hub][i] = true;
            }
            CsrMatrix a = csr(arrow);
            int[] perm = ApproximateMinimumDegree.order(a);
            assertEquals(2 * n - 1, SymbolicCholesky.factorNonzeros(a, perm), "no fill: hub eliminated after the leaves");
            assertTrue(perm[n - 1] == hub || perm[n - 2] == hub, "the hub is among the last two");
            assertTrue(SymbolicCholesky.factorNonzeros(a, null) > 2L * n, "the natural order does fill");
        }
    }

    @Test
    void inputsAreChecked() {
        CsrMatrix rect = CsrMatrix.zeros(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FillReducingOrdering.AMD.symmetric(rect));
        assertTrue(e.getMessage().contains("square") && e.getMessage().contains("3×2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReverseCuthillMcKee.order(null));
        assertThrows(IllegalArgumentException.class, () -> FillReducingOrdering.RCM.columns(null));
        CsrMatrix a = CsrMatrix.identity(3);
        e = assertThrows(IllegalArgumentException.class, () -> SymbolicCholesky.factorNonzeros(a, new int[] {0, 1, 1}));
        assertTrue(e.getMessage().contains("repeats"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymbolicCholesky.factorNonzeros(a, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("length 2"), e.getMessage());
    }

    // --- helpers

    /** nnz(L) of the permuted pattern by dense symbolic elimination: eliminating k joins its later neighbours. */
    static long denseFill(boolean[][] pattern, int[] perm) {
        int n = pattern.length;
        boolean[][] b = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int pi = perm == null ? i : perm[i];
                int pj = perm == null ? j : perm[j];
                b[i][j] = i == j || pattern[pi][pj] || pattern[pj][pi];
            }
        }
        long count = 0;
        for (int k = 0; k < n; k++) {
            for (int i = k + 1; i < n; i++) {
                if (b[i][k]) {
                    for (int j = k + 1; j < n; j++) {
                        if (b[j][k]) {
                            b[i][j] = true;
                        }
                    }
                }
            }
            for (int i = k; i < n; i++) {
                count += b[i][k] ? 1 : 0;
            }
        }
        return count;
    }

    static boolean[][] randomSymmetricPattern(Random rnd, int n, double density) {
        boolean[][] p = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            p[i][i] = rnd.nextBoolean(); // some diagonals missing: orderings ignore the diagonal
            for (int j = 0; j < i; j++) {
                if (rnd.nextDouble() < density) {
                    p[i][j] = true;
                    p[j][i] = true;
                }
            }
        }
        return p;
    }

    static boolean[][] randomPattern(Random rnd, int m, int n, double density) {
        boolean[][] p = new boolean[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] = rnd.nextDouble() < density;
            }
        }
        return p;
    }

    static CsrMatrix csr(boolean[][] p) {
        int m = p.length;
        int n = m == 0 ? 0 : p[0].length;
        int[] rp = new int[m + 1];
        for (int i = 0; i < m; i++) {
            rp[i + 1] = rp[i];
            for (int j = 0; j < n; j++) {
                rp[i + 1] += p[i][j] ? 1 : 0;
            }
        }
        int[] ci = new int[rp[m]];
        double[] v = new double[rp[m]];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (p[i][j]) {
                    ci[k] = j;
                    v[k++] = 1.0;
                }
            }
        }
        return new CsrMatrix(m, n, rp, ci, v);
    }

    /** The 5-point Laplacian pattern of a rows × cols grid, numbered row by row. */
    static CsrMatrix grid(int rows, int cols) {
        int n = rows * cols;
        boolean[][] p = new boolean[n][n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = r * cols + c;
                p[v][v] = true;
                if (c + 1 < cols) {
                    p[v][v + 1] = true;
                    p[v + 1][v] = true;
                }
                if (r + 1 < rows) {
                    p[v][v + cols] = true;
                    p[v + cols][v] = true;
                }
            }
        }
        return csr(p);
    }

    static int[] shuffled(Random rnd, int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    static int bandwidth(CsrMatrix a) {
        int band = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowPointers()[i]; p < a.rowPointers()[i + 1]; p++) {
                band = Math.max(band, Math.abs(i - a.columnIndices()[p]));
            }
        }
        return band;
    }

    static void assertPermutation(int[] perm, int n, String what) {
        assertEquals(n, perm.length, what);
        boolean[] seen = new boolean[n];
        for (int v : perm) {
            assertTrue(v >= 0 && v < n && !seen[v], what + ": not a permutation");
            seen[v] = true;
        }
    }
}
