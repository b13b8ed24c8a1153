package org.sparrow.benchmarks.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sparrow.benchmarks.harness.Args;

class OtSuiteTest {

    @Test
    void defaultsAreThePapersSizesAndTheGoalCaseGetsTheLongCap() {
        OtSuite.Settings s = OtSuite.settings(OtSuite.ARGS.parse());
        assertArrayEquals(new int[] {500, 1000, 2000}, s.sizes());
        OtInstance asg = OtInstance.generate(OtInstance.Kind.ASSIGNMENT, 500, 1);
        OtInstance pts = OtInstance.generate(OtInstance.Kind.EUCLIDEAN, 500, 1);
        assertEquals(300, s.capFor(asg, "pot"));
        assertEquals(60, s.capFor(asg, "sinkhorn"));
        assertEquals(60, s.capFor(pts, "pot"));
        assertEquals(30, s.capFor(OtInstance.generate(OtInstance.Kind.ASSIGNMENT, 1000, 1), "pot"));
        assertTrue(s.pot());
    }

    @Test
    void quickAndExplicitOptionsAreRead() {
        OtSuite.Settings q = OtSuite.settings(OtSuite.ARGS.parse("/tmp/x", "--quick", "--no-pot", "--cap", "2"));
        assertArrayEquals(new int[] {100, 200}, q.sizes());
        assertEquals(2, q.cap());
        assertEquals("/tmp/x", q.results().toString());
        assertTrue(!q.pot());
        assertArrayEquals(new int[] {64, 32}, OtSuite.settings(OtSuite.ARGS.parse("--sizes", "64,32")).sizes());
        // the smallest size, wherever it stands in the list, is the one with the goal cap
        assertEquals(300, OtSuite.settings(OtSuite.ARGS.parse("--sizes", "64,32")).capFor(
                OtInstance.generate(OtInstance.Kind.ASSIGNMENT, 32, 1), "pot"));
        assertThrows(Args.UsageError.class, () -> OtSuite.settings(OtSuite.ARGS.parse("--cap", "0")));
        assertThrows(Args.UsageError.class, () -> OtSuite.ARGS.parse("--bogus"));
    }
}
