package org.sparrow.spark;

import java.util.function.Supplier;
import org.sparrow.core.io.MatrixMarketException;

/**
 * Runs a Spark action and, when a task failed on bad input, rethrows the task's own exception (its
 * one sentence) instead of Spark's "Job aborted due to stage failure: … failed 4 times …" wrapper,
 * which carries the task's exception as its cause; Spark's wrapper stays attached as the cause.
 */
final class Jobs {

    private Jobs() {
    }

    /** The action's result, or the task's {@link IllegalArgumentException} or {@link MatrixMarketException}. */
    static <T> T run(Supplier<T> action) throws MatrixMarketException {
        try {
            return action.get();
        } catch (Exception e) { // Spark's SparkException is checked in Java's eyes but thrown unchecked
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof MatrixMarketException m) {
                    throw new MatrixMarketException(m.file(), m.line(), m.problem(), e);
                }
                if (c instanceof IllegalArgumentException i && c != e) {
                    throw new IllegalArgumentException(i.getMessage(), e);
                }
                if (c instanceof IllegalArgumentException) {
                    throw (IllegalArgumentException) c;
                }
            }
            throw e; // precise rethrow: only unchecked exceptions reach here
        }
    }
}
