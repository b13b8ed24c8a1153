package org.sparrow.benchmarks.bcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingsTest {

    /** gap_k = g0·rate^k for k = 0 … n. */
    private static double[] linear(double g0, double rate, int n) {
        double[] g = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            g[k] = g0 * Math.pow(rate, k);
        }
        return g;
    }

    @Test
    void iterationsToTargetIsTheFirstIterationAtOrBelowIt() {
        Orderings.Outcome o = new Orderings.Outcome("x", new double[] {8, 4, 2, 1, 0.5}, 2);
        assertEquals(2, o.iterationsToTarget());
        assertTrue(o.reached());
        assertEquals(0.5, o.finalGap());
        assertEquals(-1, new Orderings.Outcome("y", new double[] {8, 4}, 1).iterationsToTarget());
    }

    @Test
    void reachingTheTargetSoonerBeats() {
        Orderings.Outcome fast = new Orderings.Outcome("fast", linear(1, 0.1, 20), 1e-9);
        Orderings.Outcome slow = new Orderings.Outcome("slow", linear(1, 0.5, 100), 1e-9);
        assertTrue(Orderings.beats(fast, slow));
        assertFalse(Orderings.beats(slow, fast));
        assertFalse(Orderings.beats(fast, fast), "a run does not beat itself");
    }

    @Test
    void whenNeitherReachesTheTargetTheSmallerGapAtTheCommonLengthBeats() {
        Orderings.Outcome a = new Orderings.Outcome("a", linear(1, 0.9, 50), 1e-12);
        Orderings.Outcome b = new Orderings.Outcome("b", linear(1, 0.95, 50), 1e-12);
        assertTrue(Orderings.beats(a, b));
        assertFalse(Orderings.beats(b, a));
        // a run that reached the target always beats one that did not
        Orderings.Outcome c = new Orderings.Outcome("c", new double[] {1, 1e-13}, 1e-12);
        assertTrue(Orderings.beats(c, a));
        assertFalse(Orderings.beats(a, c));
    }

    @Test
    void bestBeatsAllComparesTheBestWinnerWithEveryLoser() {
        Orderings.Outcome g1 = new Orderings.Outcome("gs", linear(1, 0.5, 60), 1e-9);
        Orderings.Outcome g2 = new Orderings.Outcome("gsl", linear(1, 0.3, 60), 1e-9);
        Orderings.Outcome cyc = new Orderings.Outcome("cyclic", linear(1, 0.7, 60), 1e-9);
        Orderings.Outcome rnd = new Orderings.Outcome("random", linear(1, 0.8, 60), 1e-9);
        assertSame(g2, Orderings.best(List.of(g1, g2)));
        Orderings.Check pass = Orderings.bestBeatsAll("greedy", "A", List.of(g1, g2), List.of(cyc, rnd));
        assertTrue(pass.pass());
        assertEquals("PASS", pass.verdict());
        assertTrue(pass.evidence().contains("gsl: 18 its"), pass.evidence());
        Orderings.Outcome better = new Orderings.Outcome("lucky", linear(1, 0.2, 60), 1e-9);
        Orderings.Check fail = Orderings.bestBeatsAll("greedy", "A", List.of(g1, g2), List.of(cyc, better));
        assertFalse(fail.pass());
        assertEquals("FAIL", fail.verdict());
    }

    @Test
    void superlinearAcceptsQuadraticConvergenceAndRejectsLinear() {
        double[] quad = new double[12];
        quad[0] = 1;
        for (int k = 0; k < 4; k++) {
            quad[k + 1] = quad[k] * 0.5; // linear phase before the active set settles at k = 4
        }
        for (int k = 4; k < 11; k++) {
            quad[k + 1] = Math.max(1e-16, quad[k] * quad[k] * 4); // quadratic: ratio ∝ gap
        }
        assertTrue(Orderings.superlinearAfter(quad, 4, 1e-14, 0));
        assertFalse(Orderings.superlinearAfter(linear(1, 0.5, 60), 4, 1e-14, 5), "a constant ratio is linear");
        assertFalse(Orderings.superlinearAfter(quad, -1, 1e-14, 5), "the active set was never identified");
    }

    @Test
    void droppingToTheFloorWithinAFewIterationsCountsAsFiniteTermination() {
        double[] g = {1, 0.5, 0.25, 0.2, 1e-15, 1e-16};
        assertTrue(Orderings.superlinearAfter(g, 3, 1e-12, 2));
        assertFalse(Orderings.superlinearAfter(g, 0, 1e-12, 2), "four iterations from k0 is not quick");
    }

    @Test
    void ratiosListTheSuccessiveGapRatiosAboveTheFloor() {
        assertEquals("0.50, 0.50", Orderings.ratios(new double[] {4, 2, 1, 1e-20}, 0, 1e-10, 8));
        assertEquals("none above the floor", Orderings.ratios(new double[] {1e-20, 1e-21}, 0, 1e-10, 8));
    }
}
