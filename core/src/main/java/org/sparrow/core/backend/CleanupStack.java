package org.sparrow.core.backend;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Native resources to release, last acquired first released — the device-memory counterpart of a
 * confined arena. {@link #close()} runs every cleanup even when some fail, and rethrows the first
 * failure with the others suppressed, so that no device buffer leaks on any path.
 */
final class CleanupStack implements AutoCloseable {

    /** One release action (a {@code cudaFree}, a {@code cusparseDestroy…}). */
    @FunctionalInterface
    interface Cleanup {
        /** Releases the resource; may throw (a failed free is reported, after the others ran). */
        void run();
    }

    private final Deque<Cleanup> stack = new ArrayDeque<>();

    /** Registers a release action; it runs before every action registered earlier. */
    void push(Cleanup cleanup) {
        stack.push(cleanup);
    }

    /** Whether nothing is left to release. */
    boolean isEmpty() {
        return stack.isEmpty();
    }

    /** Runs every action, newest first; rethrows the first failure with the later ones suppressed. */
    @Override
    public void close() {
        Throwable first = null;
        while (!stack.isEmpty()) {
            try {
                stack.pop().run();
            } catch (RuntimeException | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
    }

    /** Releases everything after {@code primary} went wrong; a failure here is added to it as suppressed. */
    void closeAfter(Throwable primary) {
        try {
            close();
        } catch (RuntimeException | Error e) {
            primary.addSuppressed(e);
        }
    }
}
