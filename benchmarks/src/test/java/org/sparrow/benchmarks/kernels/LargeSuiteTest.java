package org.sparrow.benchmarks.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;

class LargeSuiteTest {

    private static LargeSuite.Options parse(String... args) {
        return LargeSuite.Options.of(LargeSuite.Options.SPEC.parse(args));
    }

    @Test
    void defaultsRunTheFullFamilyWithTheLauncherIntoTheKernelsResults() {
        LargeSuite.Options o = parse();
        assertEquals(Path.of("benchmarks/results/kernels"), o.results());
        assertFalse(o.quick());
        assertEquals(2, o.threads());
        assertEquals(List.of("./sparrow"), o.sparrow());
        assertTrue(o.scipy() && o.fresh() && o.steady());
        assertEquals(List.of("poisson2d-1000", "poisson2d-2000", "poisson3d-100", "rmat-20", "rmat-21", "rmat-22",
                "powerlaw-2M"), o.chosen().stream().map(LargeMatrix::name).toList());
    }

    @Test
    void quickSelectsTheSmallSizesAndOptionsAreRead() {
        LargeSuite.Options o = parse("out", "--quick", "--matrices", "poisson2d-300,powerlaw-small", "--threads", "4",
                "--cache", "/tmp/c", "--sparrow", "java -jar sparrow.jar", "--no-scipy", "--no-steady");
        assertEquals(Path.of("out"), o.results());
        assertTrue(o.quick());
        assertEquals(4, o.threads());
        assertEquals(Path.of("/tmp/c"), o.cache());
        assertEquals(List.of("java", "-jar", "sparrow.jar"), o.sparrow());
        assertFalse(o.scipy());
        assertTrue(o.fresh());
        assertFalse(o.steady());
        assertEquals(List.of("poisson2d-300", "powerlaw-small"), o.chosen().stream().map(LargeMatrix::name).toList());
    }

    @Test
    void anUnknownMatrixIsAUsageErrorListingTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--matrices", "poisson2d-300"));
        assertTrue(e.getMessage().contains("no large matrix 'poisson2d-300'"), e.getMessage());
        assertTrue(e.getMessage().contains("poisson2d-1000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("--threads", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--bogus"));
    }

    @Test
    void kernelSuiteHandsLargeToTheLargeFamilyWithoutTheFlag() {
        // --large is accepted anywhere by the large family's own parser too
        LargeSuite.Options o = parse("out", "--large", "--quick");
        assertTrue(o.quick());
        assertEquals(Path.of("out"), o.results());
    }

    @Test
    void theFamilyHasTwoGoalMatricesAndTheQuickOneIsSmall() {
        assertEquals(List.of("poisson2d-1000", "powerlaw-2M"),
                LargeMatrix.family(false).stream().filter(LargeMatrix::goal).map(LargeMatrix::name).toList());
        for (LargeMatrix m : LargeMatrix.family(true)) {
            CsrMatrix a = m.make().get();
            assertTrue(a.nnz() > 10_000 && a.nnz() < 1_000_000, m.name() + " has " + a.nnz());
        }
    }

    @Test
    void aLoadAboveTheCoreCountMarksTheRunBusy() {
        assertTrue(LargeSuite.busy("24.96", 2));
        assertFalse(LargeSuite.busy("1.50", 2));
        assertFalse(LargeSuite.busy("unknown", 2));
    }

    @Test
    void theReferenceProductsMatchADenseProduct() {
        // 3 × 3 CSR [[1, 0, 2], [0, 3, 0], [4, 0, 5]]
        int[] p = {0, 2, 3, 5};
        int[] j = {0, 2, 1, 0, 2};
        double[] v = {1, 2, 3, 4, 5};
        double[] x = {1, 10, 100};
        assertArrayEquals(new double[] {201, 30, 504}, LargeSuite.referenceProduct(p, j, v, 3, x));
        org.ejml.data.DMatrixSparseCSC c = new org.ejml.data.DMatrixSparseCSC(3, 3, 5);
        c.set(0, 0, 1);
        c.set(0, 2, 2);
        c.set(1, 1, 3);
        c.set(2, 0, 4);
        c.set(2, 2, 5);
        assertArrayEquals(new double[] {201, 30, 504}, LargeSuite.cscTimes(c, x));
    }
}
