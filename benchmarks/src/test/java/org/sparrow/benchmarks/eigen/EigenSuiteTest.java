package org.sparrow.benchmarks.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sparrow.benchmarks.harness.Args;

/** The eigen suite's comparison figure and command line (the measurement itself is run, not tested). */
class EigenSuiteTest {

    @Test
    void relativeDifferenceIsTheLargestOverThePairsAndNanWithoutScipy() {
        EigenSuite.Case c = new EigenSuite.Case("small/nos4.mtx", "eigsh");
        EigenSuite.Row r = new EigenSuite.Row(c, 3, 3, 9, new double[] {4.0, 2.0 + 2e-10, -1.0}, 3, 1, 10, 1.0,
                new double[] {4.0, 2.0, -1.0 - 1e-12}, 2.0);
        assertEquals(1e-10, r.relativeDifference(), 1e-15);
        EigenSuite.Row none = new EigenSuite.Row(c, 3, 3, 9, new double[] {1.0}, 1, 1, 1, 1.0, null, Double.NaN);
        assertTrue(Double.isNaN(none.relativeDifference()));
        assertEquals("nos4", c.name());
        assertEquals("bcsstk15", new EigenSuite.Case("medium/bcsstk15.mtx.gz", "eigsh").name());
    }

    @Test
    void theCommandLineTakesAFolderQuickAndNoScipyOnly() {
        Args a = EigenSuite.ARGS.parse("out", "--quick", "--no-scipy");
        assertTrue(a.has("--quick") && a.has("--no-scipy"));
        assertThrows(Args.UsageError.class, () -> EigenSuite.ARGS.parse("--fast"));
    }
}
