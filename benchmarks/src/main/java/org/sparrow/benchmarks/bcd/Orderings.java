package org.sparrow.benchmarks.bcd;

import java.util.List;
import java.util.Locale;

/**
 * The comparisons behind the paper's claims, as pure functions of objective-gap histories, so that the suite's
 * PASS/FAIL table is computed, not written, and the logic is unit-tested on made-up histories.
 *
 * <p>A run <em>beats</em> another when it reaches the target gap in fewer iterations, or, when neither reaches it,
 * ends with the smaller gap (compared at the shorter of the two histories, so a run stopped early by convergence is
 * not penalized).
 */
public final class Orderings {

    private Orderings() {
    }

    /**
     * One run's gaps f(x_k) − f* (k = 0 … iterations) against a target.
     *
     * @param label  the run's name in the table
     * @param gap    Input: gap[k] after iteration k (gap[0] at the start)
     * @param target the gap that counts as solved
     */
    public record Outcome(String label, double[] gap, double target) {

        /** The first iteration whose gap is ≤ the target, or −1. */
        public int iterationsToTarget() {
            for (int k = 0; k < gap.length; k++) {
                if (gap[k] <= target) {
                    return k;
                }
            }
            return -1;
        }

        /** Whether the target was reached. */
        public boolean reached() {
            return iterationsToTarget() >= 0;
        }

        /** The gap after the last iteration. */
        public double finalGap() {
            return gap[gap.length - 1];
        }

        /** The gap after iteration k, or after the last one if the run stopped earlier. */
        public double gapAt(int k) {
            return gap[Math.min(k, gap.length - 1)];
        }

        /** "12 its" when the target was reached, else "gap 3.1e-05 after 500". */
        public String summary() {
            int k = iterationsToTarget();
            return k >= 0 ? label + ": " + k + " its" : label + ": gap " + sci(finalGap()) + " after " + (gap.length - 1);
        }
    }

    /**
     * Whether {@code a} beats {@code b} (see the class comment).
     *
     * @param a the challenger
     * @param b the other run
     * @return true if a reached the target in fewer iterations, or neither did and a's gap is smaller
     */
    public static boolean beats(Outcome a, Outcome b) {
        int ka = a.iterationsToTarget();
        int kb = b.iterationsToTarget();
        if (ka >= 0) {
            return kb < 0 || ka < kb;
        }
        if (kb >= 0) {
            return false;
        }
        int k = Math.min(a.gap().length, b.gap().length) - 1;
        return a.gapAt(k) < b.gapAt(k);
    }

    /** The best of the runs (the one no other beats; the first on ties). */
    public static Outcome best(List<Outcome> runs) {
        Outcome best = runs.getFirst();
        for (Outcome o : runs) {
            if (beats(o, best)) {
                best = o;
            }
        }
        return best;
    }

    /**
     * One line of the orderings table.
     *
     * @param claim    the paper's claim
     * @param where    dataset and setting
     * @param pass     whether it held
     * @param evidence the numbers
     */
    public record Check(String claim, String where, boolean pass, String evidence) {

        /** "PASS" or "FAIL". */
        public String verdict() {
            return pass ? "PASS" : "FAIL";
        }
    }

    /**
     * The claim "the best of {@code winners} beats every one of {@code losers}".
     *
     * @param claim   the claim
     * @param where   dataset and setting
     * @param winners the runs that should win (the best of them is compared)
     * @param losers  the runs that should lose
     * @return the check with the numbers
     */
    public static Check bestBeatsAll(String claim, String where, List<Outcome> winners, List<Outcome> losers) {
        Outcome w = best(winners);
        boolean pass = true;
        StringBuilder ev = new StringBuilder(w.summary()).append(" vs ");
        for (int i = 0; i < losers.size(); i++) {
            Outcome l = losers.get(i);
            pass &= beats(w, l);
            ev.append(i == 0 ? "" : "; ").append(l.summary());
        }
        return new Check(claim, where, pass, ev.toString());
    }

    /**
     * Superlinear convergence after the active set settles: from iteration {@code k0} on, the ratios
     * q_k = gap_{k+1}/gap_k of the gaps above the noise floor fall — the last is below 0.1 and below a tenth of the
     * first — or the gap drops from above the floor to it within {@code quick} iterations (a finite termination,
     * as a Newton step on the right active set gives on a quadratic).
     *
     * @param gap   Input: gaps per iteration
     * @param k0    the iteration from which the active set stayed the same (−1: never, which fails)
     * @param floor gaps at or below it are rounding noise
     * @param quick the most iterations from k0 to the floor that count as a finite termination
     * @return whether the tail is superlinear
     */
    public static boolean superlinearAfter(double[] gap, int k0, double floor, int quick) {
        if (k0 < 0 || k0 >= gap.length) {
            return false;
        }
        int end = k0;
        while (end < gap.length && gap[end] > floor) {
            end++;
        }
        // gaps k0 … end−1 are above the floor; end is the first at or below it (or gap.length)
        if (end < gap.length && end - k0 <= quick) {
            return true;
        }
        if (end - k0 < 3) {
            return false;
        }
        double first = gap[k0 + 1] / gap[k0];
        double last = gap[end - 1] / gap[end - 2];
        return last < 0.1 && last < first / 10;
    }

    /**
     * The ratios gap_{k+1}/gap_k from {@code k0} while the gap stays above {@code floor}, for the report.
     *
     * @param gap   Input: gaps
     * @param k0    first iteration
     * @param floor noise floor
     * @param max   at most this many ratios
     * @return "0.5, 0.1, 1e-3" style text
     */
    public static String ratios(double[] gap, int k0, double floor, int max) {
        StringBuilder b = new StringBuilder();
        for (int k = Math.max(0, k0); k + 1 < gap.length && gap[k] > floor && gap[k + 1] > floor && max > 0; k++, max--) {
            b.append(b.isEmpty() ? "" : ", ").append(sci(gap[k + 1] / gap[k]));
        }
        return b.isEmpty() ? "none above the floor" : b.toString();
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.2g", v);
    }
}
