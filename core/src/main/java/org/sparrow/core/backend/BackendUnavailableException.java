package org.sparrow.core.backend;

/**
 * A backend was asked to run but cannot run here: the message says which backend and why (no
 * library, no device, driver too old, …). An {@link IllegalStateException}, so that the CLI reports
 * it as a failure (exit 1) in one sentence.
 */
public final class BackendUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The name of the backend that cannot run. */
    private final String backend;
    /** Why it cannot run. */
    private final String reason;

    /**
     * An exception for a backend that cannot run.
     *
     * @param backend the backend's name
     * @param message the whole message
     * @param reason  why the backend is unavailable ({@link Availability#reason()})
     */
    public BackendUnavailableException(String backend, String message, String reason) {
        super(message);
        this.backend = backend;
        this.reason = reason;
    }

    /** {@return the name of the backend that cannot run} */
    public String backend() {
        return backend;
    }

    /** {@return why it cannot run} */
    public String reason() {
        return reason;
    }
}
