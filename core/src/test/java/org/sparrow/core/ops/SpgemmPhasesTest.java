package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;

/**
 * The published phases of SpGEMM ({@link Spgemm#estimate}, {@link Spgemm#symbolic},
 * {@link Spgemm#numeric}), both output strategies forced, the rule that picks between them, and the
 * workspace. Values are dyadic (see {@link SpgemmTest}), so results compare bit for bit.
 */
class SpgemmPhasesTest {

    private static final int[] THREADS = {1, 2, 3, 7};

    /** Awkward operand pairs: nnz = 0, empty rows, one dense row, rectangular, 1×1. */
    static List<CsrMatrix[]> awkwardPairs() {
        Random rnd = new Random(7);
        List<CsrMatrix[]> pairs = new ArrayList<>();
        pairs.add(new CsrMatrix[] {CsrMatrix.zeros(6, 4), SpgemmTest.random(rnd, 4, 9, 0.5)});
        pairs.add(new CsrMatrix[] {SpgemmTest.random(rnd, 5, 4, 0.5), CsrMatrix.zeros(4, 3)});
        pairs.add(new CsrMatrix[] {CsrMatrix.zeros(0, 3), SpgemmTest.random(rnd, 3, 5, 0.5)});
        pairs.add(new CsrMatrix[] {SpgemmTest.random(rnd, 4, 3, 0.5), CsrMatrix.zeros(3, 0)});
        pairs.add(new CsrMatrix[] {CsrMatrix.identity(1), CsrMatrix.identity(1)});
        pairs.add(new CsrMatrix[] {SpgemmTest.random(rnd, 31, 17, 0.2), SpgemmTest.random(rnd, 17, 45, 0.2)});
        pairs.add(new CsrMatrix[] {SpgemmTest.random(rnd, 90, 13, 0.3), SpgemmTest.random(rnd, 13, 7, 0.4)});
        // One dense row among empty and short ones.
        CooMatrix.Builder d = CooMatrix.builder(40, 60);
        for (int j = 0; j < 60; j++) {
            d.add(11, j, (rnd.nextInt(17) - 8) / 8.0);
        }
        d.add(3, 5, 0.5);
        d.add(39, 59, -1.25);
        CsrMatrix oneDense = d.build().toCsr();
        pairs.add(new CsrMatrix[] {oneDense, SpgemmTest.random(rnd, 60, 33, 0.3)});
        pairs.add(new CsrMatrix[] {SpgemmTest.random(rnd, 25, 40, 0.3), oneDense});
        pairs.add(new CsrMatrix[] {SpgemmTest.powerLaw(rnd, 120, 120), SpgemmTest.powerLaw(rnd, 120, 120)});
        return pairs;
    }

    @Test
    void symbolicThenNumericMatchTheDenseProductAtAwkwardSizes() {
        for (CsrMatrix[] ab : awkwardPairs()) {
            CsrMatrix a = ab[0];
            CsrMatrix b = ab[1];
            for (int threads : THREADS) {
                for (boolean sorted : new boolean[] {true, false}) {
                    SpgemmOptions o = new SpgemmOptions(threads, sorted, false);
                    SpgemmSymbolic sym = Spgemm.symbolic(a, b, o, null);
                    String what = a.rows() + "×" + a.cols() + "·" + b.rows() + "×" + b.cols() + " " + o;
                    assertEquals(a.rows(), sym.rows(), what);
                    assertEquals(b.cols(), sym.cols(), what);
                    assertEquals(SpgemmFlops.count(a, b), sym.flops(), what);
                    // Outputs longer than needed and full of junk: numeric must overwrite every entry it owns.
                    int[] cols = new int[sym.nnz() + 3];
                    double[] vals = new double[sym.nnz() + 3];
                    Arrays.fill(cols, -7);
                    Arrays.fill(vals, Double.NaN);
                    CsrMatrix c = Spgemm.numeric(a, b, sym, o, new SpgemmWorkspace(), cols, vals);
                    assertSame(cols, c.columnIndices(), what);
                    assertSame(sym.rowPointers(), c.rowPointers(), what);
                    SpgemmTest.assertIsProduct(a, b, c, false, what);
                    assertEquals(Spgemm.multiply(a, b, o), c, what);
                }
            }
        }
    }

    @Test
    void bothStrategiesMatchTheDenseProductForEveryThreadCount() {
        for (CsrMatrix[] ab : awkwardPairs()) {
            for (SpgemmStrategy s : SpgemmStrategy.values()) {
                for (boolean sorted : new boolean[] {true, false}) {
                    for (boolean drop : new boolean[] {false, true}) {
                        CsrMatrix one = Spgemm.multiply(ab[0], ab[1], new SpgemmOptions(1, sorted, drop), null,
                                Spgemm.HEAVY_MIN_FLOPS, s);
                        SpgemmTest.assertIsProduct(ab[0], ab[1], one, drop, s + " 1 thread");
                        for (int threads : THREADS) {
                            // A threshold of 64 flops sends the power-law rows through the shared table.
                            CsrMatrix c = Spgemm.multiply(ab[0], ab[1], new SpgemmOptions(threads, sorted, drop), null,
                                    64, s);
                            assertEquals(one, c, s + " " + threads + " threads, sorted " + sorted + ", drop " + drop);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aBandedProductWiderThanTheDenseLimitUsesTheLocalWindowAndMatchesTheTripletProduct() {
        // 300 000 columns (> 2^18) but every row's products fall in a narrow band: the local dense window.
        int n = 300_000;
        CooMatrix.Builder t = CooMatrix.builder(n, n);
        Random rnd = new Random(3);
        for (int i = 0; i < n; i += 97) {
            for (int d = -3; d <= 3; d++) {
                int j = i + d * 500;
                if (j >= 0 && j < n) {
                    t.add(i, j, (rnd.nextInt(9) - 4) / 4.0);
                }
            }
        }
        CsrMatrix a = t.build().toCsr();
        CsrMatrix expected = SpgemmTest.productByTriplets(a, a);
        for (SpgemmStrategy s : SpgemmStrategy.values()) {
            for (int threads : new int[] {1, 2}) {
                assertEquals(expected, Spgemm.multiply(a, a, new SpgemmOptions(threads, true, false), null,
                        Spgemm.HEAVY_MIN_FLOPS, s), s + " " + threads);
            }
        }
    }

    @Test
    void theRuleDropsZerosInOnePhase() {
        SpgemmOptions drop = SpgemmOptions.defaults().withDropZeros(true);
        assertEquals(SpgemmStrategy.ONE_PHASE, Spgemm.choose(100, 100, drop, false));
    }

    @Test
    void theRuleUsesOnePhaseWhenTheWorkspaceIsReused() {
        assertEquals(SpgemmStrategy.ONE_PHASE, Spgemm.choose(100, 100, SpgemmOptions.defaults(), true));
    }

    @Test
    void theRuleUsesOnePhaseWhenFlopsFarExceedTheOutput() {
        SpgemmOptions o = SpgemmOptions.defaults();
        long big = Spgemm.TWO_PHASE_MIN_NNZ;
        assertEquals(SpgemmStrategy.ONE_PHASE, Spgemm.choose(8 * big, big, o, false));
        assertEquals(SpgemmStrategy.TWO_PHASE, Spgemm.choose(8 * big - 1, big, o, false));
    }

    @Test
    void theRuleUsesOnePhaseForASmallOneOffProduct() {
        long small = Spgemm.TWO_PHASE_MIN_NNZ - 1;
        assertEquals(SpgemmStrategy.ONE_PHASE, Spgemm.choose(small + 1, small, SpgemmOptions.defaults(), false));
        assertEquals(SpgemmStrategy.ONE_PHASE, Spgemm.choose(0, 0, SpgemmOptions.defaults(), false));
    }

    @Test
    void theRuleUsesTwoPhasesForALargeOneOffProductThatMergesLittle() {
        long big = Spgemm.TWO_PHASE_MIN_NNZ;
        assertEquals(SpgemmStrategy.TWO_PHASE, Spgemm.choose(3 * big / 2, big, SpgemmOptions.defaults(), false));
    }

    /** A·1: every row of A (n entries) collapses onto one column: flops = n per row, nnz(C) = 1 per row. */
    static CsrMatrix[] collapsing(int m, int n) {
        Random rnd = new Random(9);
        CooMatrix.Builder a = CooMatrix.builder(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a.add(i, j, (rnd.nextInt(9) - 4) / 4.0);
            }
        }
        CooMatrix.Builder ones = CooMatrix.builder(n, 1);
        for (int k = 0; k < n; k++) {
            ones.add(k, 0, 1.0);
        }
        return new CsrMatrix[] {a.build().toCsr(), ones.build().toCsr()};
    }

    @Test
    void estimateIsExactWhenEveryRowIsSampledAndPicksTheStrategyTheProductUses() {
        CsrMatrix[] ab = collapsing(50, 40);
        SpgemmOptions o = new SpgemmOptions(1, true, false);
        SpgemmEstimate e = Spgemm.estimate(ab[0], ab[1], o);
        assertEquals(50L * 40, e.flops());
        assertEquals(50, e.estimatedNnz());
        assertEquals(SpgemmStrategy.ONE_PHASE, e.strategy()); // 40 flops per entry of C
        Random rnd = new Random(4);
        CsrMatrix a = SpgemmTest.random(rnd, 200, 200, 0.01);
        SpgemmEstimate sparse = Spgemm.estimate(a, a, o);
        assertEquals(Spgemm.multiply(a, a, o).nnz(), sparse.estimatedNnz());
        assertEquals(SpgemmStrategy.ONE_PHASE, sparse.strategy()); // a small output: below TWO_PHASE_MIN_NNZ
        assertTrue(sparse.scratchBytes() > 0);
        SpgemmWorkspace ws = new SpgemmWorkspace();
        Spgemm.multiply(a, a, o, ws);
        assertEquals(1, ws.products());
        assertEquals(SpgemmStrategy.ONE_PHASE, Spgemm.estimate(a, a, o, ws).strategy());
    }

    @Test
    void onePhaseBuffersGrowWithTheOutputNotWithTheFlopBound() {
        // 2000 rows × 600 flops each = 1.2M flops, but C has 2000 entries.
        CsrMatrix[] ab = collapsing(2000, 600);
        SpgemmWorkspace ws = new SpgemmWorkspace();
        CsrMatrix c = Spgemm.multiply(ab[0], ab[1], new SpgemmOptions(2, true, false), ws, Spgemm.HEAVY_MIN_FLOPS,
                SpgemmStrategy.ONE_PHASE);
        assertEquals(2000, c.nnz());
        // Prefix (8 B/row) + chunk buffers (≈ nnz(C), 12 B each, at least 1024 per worker) + small accumulators.
        assertTrue(ws.bytes() < 100_000, ws.bytes() + " bytes held");
        assertTrue(ws.bytes() < 12L * 1_200_000 / 50);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aRecycledProductIsOverwrittenInPlaceAndTheRepeatAllocatesNothingBig() {
        Random rnd = new Random(12);
        CsrMatrix a = SpgemmTest.random(rnd, 400, 400, 0.05);
        SpgemmOptions o = new SpgemmOptions(Par.SEQ, true, false); // one thread: this thread's allocations are all
        SpgemmWorkspace ws = new SpgemmWorkspace();
        // The first product (two phases, fresh workspace) allocates C; the second (one phase: the
        // workspace is reused) grows the chunk buffers once; from then on nothing big is allocated.
        CsrMatrix first = Spgemm.multiply(a, a, o, ws);
        ws.recycle(first);
        first = Spgemm.multiply(a, a, o, ws);
        CsrMatrix copy = new CsrMatrix(first.rows(), first.cols(), first.rowPointers().clone(),
                first.columnIndices().clone(), first.values().clone());
        int[] cols = first.columnIndices();
        double[] vals = first.values();
        int[] ptr = first.rowPointers();
        for (int r = 0; r < 3; r++) {
            CsrMatrix prev = r == 0 ? first : Spgemm.multiply(a, a, o, ws);
            ws.recycle(prev);
            long before = allocatedByThisThread();
            CsrMatrix again = Spgemm.multiply(a, a, o, ws);
            long allocated = allocatedByThisThread() - before;
            assertSame(cols, again.columnIndices(), "column indices reused");
            assertSame(vals, again.values(), "values reused");
            assertSame(ptr, again.rowPointers(), "row pointer reused");
            assertEquals(copy, again, "identical results");
            long outputBytes = 4L * (a.rows() + 1) + 12L * again.nnz();
            assertTrue(allocated < outputBytes / 10, allocated + " bytes allocated for a " + outputBytes + "-byte product");
            ws.recycle(again);
            cols = again.columnIndices();
        }
    }

    @Test
    void aRecycledInputIsNeverOverwritten() {
        Random rnd = new Random(13);
        CsrMatrix a = SpgemmTest.random(rnd, 60, 60, 0.1);
        CsrMatrix keep = new CsrMatrix(60, 60, a.rowPointers().clone(), a.columnIndices().clone(), a.values().clone());
        SpgemmWorkspace ws = new SpgemmWorkspace();
        ws.recycle(a); // a mistake, but A is an input of the next product: its arrays must not be the output
        CsrMatrix c = Spgemm.multiply(a, a, SpgemmOptions.defaults(), ws);
        assertEquals(keep, a);
        SpgemmTest.assertIsProduct(a, a, c, false, "A·A");
    }

    @Test
    void recyclingANumericResultNeverOverwritesTheSymbolicRowPointer() {
        Random rnd = new Random(15);
        CsrMatrix a = SpgemmTest.random(rnd, 50, 50, 0.1);
        CsrMatrix b = SpgemmTest.random(rnd, 50, 50, 0.1);
        SpgemmOptions o = SpgemmOptions.defaults();
        SpgemmSymbolic sym = Spgemm.symbolic(a, a, o, null);
        int[] ptr = sym.rowPointers().clone();
        CsrMatrix c = Spgemm.numeric(a, a, sym, o, null, new int[sym.nnz()], new double[sym.nnz()]);
        SpgemmWorkspace ws = new SpgemmWorkspace();
        ws.recycle(c);
        CsrMatrix other = Spgemm.multiply(b, b, o, ws); // another structure, same shape
        assertArrayEquals(ptr, sym.rowPointers());
        SpgemmTest.assertIsProduct(b, b, other, false, "B·B");
    }

    @Test
    void numericRejectsOtherStructuresShortOutputsAndDroppingZeros() {
        Random rnd = new Random(14);
        CsrMatrix a = SpgemmTest.random(rnd, 20, 20, 0.2);
        CsrMatrix other = SpgemmTest.random(rnd, 20, 20, 0.2);
        SpgemmOptions o = SpgemmOptions.defaults();
        SpgemmSymbolic sym = Spgemm.symbolic(a, a, o, null);
        int n = sym.nnz();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spgemm.numeric(other, a, sym, o, null, new int[n], new double[n]));
        assertTrue(e.getMessage().startsWith("A stores entries at other positions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Spgemm.numeric(a, a, sym, o, null, new int[n - 1], new double[n]));
        assertTrue(e.getMessage().contains(n + " entries"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Spgemm.numeric(a, a, sym, o.withDropZeros(true), null, new int[n], new double[n]));
        assertTrue(e.getMessage().contains("drop zeros"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Spgemm.numeric(CsrMatrix.zeros(3, 20), a, sym, o, null, new int[n], new double[n]));
        assertTrue(e.getMessage().contains("20×20"), e.getMessage());
        // Same structure, new values (a copy of the arrays): accepted, and the values follow.
        double[] twice = a.values().clone();
        for (int q = 0; q < twice.length; q++) {
            twice[q] *= 2;
        }
        CsrMatrix a2 = new CsrMatrix(20, 20, a.rowPointers().clone(), a.columnIndices().clone(), twice);
        CsrMatrix c2 = Spgemm.numeric(a2, a, sym, o, null, new int[n], new double[n]);
        SpgemmTest.assertIsProduct(a2, a, c2, false, "2A·A");
        assertArrayEquals(sym.rowPointers(), Spgemm.multiply(a2, a, o).rowPointers());
    }
}
