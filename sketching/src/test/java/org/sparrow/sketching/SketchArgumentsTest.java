package org.sparrow.sketching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/** Bad arguments give one clear sentence naming the argument. */
class SketchArgumentsTest {

    private static void assertMessage(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should mention '" + f + "'");
        }
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void shapeMustBePositive(SketchKind kind) {
        assertMessage(() -> Sketches.create(kind, 0, 10, 1), "sketch rows m", "≥ 1", "0");
        assertMessage(() -> Sketches.create(kind, -3, 10, 1), "sketch rows m", "-3");
        assertMessage(() -> Sketches.create(kind, 1, 0, 1), "sketch columns n", "0");
    }

    @Test
    void srhtRowsMayNotExceedThePaddedLength() {
        assertMessage(() -> Sketches.srht(17, 13, 1), "SRHT sketch rows m", "padded length N = 16", "17");
        assertEquals(16, Sketches.srht(16, 13, 1).rows());
        assertEquals(1, Sketches.srht(1, 1, 1).rows());
        assertMessage(() -> Sketches.srht(3, 1, 1), "N = 1");
        assertEquals(1L << 20, Sketches.srhtPaddedLength(1_000_000));
    }

    @Test
    void osnapNonzerosMustBeBetweenOneAndM() {
        assertMessage(() -> Sketches.osnap(5, 10, 0, 1), "OSNAP nonzeros per column s", "0");
        assertMessage(() -> Sketches.osnap(5, 10, 6, 1), "OSNAP nonzeros per column s", "m = 5", "6");
        assertEquals(5, ((HashingSketch) Sketches.osnap(5, 10, 5, 1)).nonzerosPerColumn());
    }

    @Test
    void kindMustBeGivenAndNamesParse() {
        assertMessage(() -> Sketches.create(null, 2, 3, 1), "kind");
        for (SketchKind k : SketchKind.values()) {
            assertEquals(k, SketchKind.parse(" " + k.cliName().toUpperCase() + " "));
        }
        assertMessage(() -> SketchKind.parse("fourier"), "fourier", "gaussian, rademacher, srht, countsketch, osnap");
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void wrongLengthsAndShapesAreRejected(SketchKind kind) {
        Sketch s = Sketches.create(kind, 4, 10, 1);
        assertMessage(() -> s.apply(new double[11], new double[4]), "x has length 11", "10");
        assertMessage(() -> s.apply(new double[10], new double[5]), "y has length 5", "4");
        assertMessage(() -> s.apply(null, new double[4]), "x is null");
        assertMessage(() -> s.applyTranspose(new double[3], new double[10]), "x has length 3", "4");
        assertMessage(() -> s.applyTranspose(new double[4], new double[9]), "y has length 9", "10");
        assertMessage(() -> s.applyBlock(new double[20], new double[8], 3), "x has length 20", "10×3");
        assertMessage(() -> s.applyBlock(new double[10], new double[4], -1), "block width k", "-1");
        assertMessage(() -> s.applyTransposeBlock(new double[8], new double[19], 2), "y has length 19", "10×2");
        assertMessage(() -> s.sketch(DenseMatrix.zeros(9, 2)), "9×2", "needs 10 rows");
        assertMessage(() -> s.sketch(CsrMatrix.zeros(11, 2)), "11×2", "needs 10 rows");
        assertMessage(() -> s.sketch(DenseMatrix.zeros(10, 2), 0), "thread count", "0");
        assertMessage(() -> s.sketch((DenseMatrix) null), "null");
        assertEquals(0, s.sketch(DenseMatrix.zeros(10, 0)).cols(), "a matrix without columns sketches to m × 0");
    }
}
