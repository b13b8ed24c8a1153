package org.sparrow.interop.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.sparrow.solvers.IterationListener;

/**
 * A solver's progress on one line of stderr, redrawn at most ten times a second: a bar for the
 * progress from 1 down to the tolerance on a log scale, the iteration, the residual estimate and the
 * elapsed time. Drawn only when stderr is a terminal ({@link Terminal#stderrIsTerminal}); erased when
 * the solve ends and, through a shutdown hook, when the program is interrupted (Ctrl-C).
 */
final class ProgressBar implements IterationListener, AutoCloseable {

    private static final int WIDTH = 30;
    private static final long INTERVAL_NS = 100_000_000L;

    private final PrintWriter err;
    private final String quantity;
    private final double logTol;
    private final long start = System.nanoTime();
    private final Thread eraser = new Thread(this::clear, "sparrow-progress-eraser");
    private long last = start;
    private boolean drawn;
    private int width;

    /**
     * A bar on {@code err} for a solve to tolerance {@code tol}; registers the Ctrl-C eraser.
     *
     * @param err where the bar is drawn
     * @param tol the solver's relative tolerance, the bar's full mark
     */
    ProgressBar(PrintWriter err, double tol) {
        this(err, tol, "residual");
    }

    /**
     * A bar on {@code err} for an iteration that stops when {@code quantity} falls to {@code tol}
     * (SBL's hyperparameter change ‖Δγ‖/‖γ‖, say); registers the Ctrl-C eraser.
     *
     * @param err      where the bar is drawn
     * @param tol      the stopping threshold, the bar's full mark
     * @param quantity what the listener reports, as the line names it ("residual")
     */
    ProgressBar(PrintWriter err, double tol, String quantity) {
        this.err = err;
        this.quantity = quantity;
        this.logTol = Math.log(tol);
        try {
            Runtime.getRuntime().addShutdownHook(eraser);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    @Override
    public void onIteration(int iteration, double relativeResidual) {
        long now = System.nanoTime();
        if (now - last < INTERVAL_NS) {
            return;
        }
        last = now;
        draw(iteration, relativeResidual, (now - start) * 1e-9);
    }

    /** Draws the bar for {@code iteration} after {@code seconds}. */
    synchronized void draw(int iteration, double relativeResidual, double seconds) {
        double f = relativeResidual > 0 ? Math.log(relativeResidual) / logTol : 1.0;
        int filled = (int) Math.round(WIDTH * Math.clamp(Double.isNaN(f) ? 0.0 : f, 0.0, 1.0));
        String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] iteration " + iteration
                + ", " + quantity + " " + String.format(Locale.ROOT, "%.2g", relativeResidual)
                + ", " + String.format(Locale.ROOT, "%.1f", seconds) + " s";
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = Math.max(width, line.length());
        drawn = true;
    }

    /** Erases the bar, so that what follows starts on a clean line. */
    synchronized void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            drawn = false;
        }
    }

    /** Erases the bar and drops the Ctrl-C eraser. */
    @Override
    public void close() {
        clear();
        try {
            Runtime.getRuntime().removeShutdownHook(eraser);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running or has run
        }
    }
}
