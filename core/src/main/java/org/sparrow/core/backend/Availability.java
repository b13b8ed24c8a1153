package org.sparrow.core.backend;

import java.util.List;

/**
 * Whether a backend can run here, and what it is or why it cannot.
 *
 * @param available   whether the backend can run SpMM here
 * @param description when available, what runs (device, library versions); else the reason it cannot,
 *                    one sentence naming what is missing and where it was looked for
 * @param details     supporting lines for people (libraries found, driver, folders searched), possibly empty
 */
public record Availability(boolean available, String description, List<String> details) {

    /** Checks the fields and copies the details. */
    public Availability {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("an availability needs a description or a reason");
        }
        details = List.copyOf(details);
    }

    /**
     * An available backend with its description.
     *
     * @param description what the backend is, as {@code sparrow backends} prints it
     * @param details further facts about it, one line each (library paths, device names); may be empty
     * @return the availability of a backend that can run
     */
    public static Availability available(String description, List<String> details) {
        return new Availability(true, description, details);
    }

    /**
     * An unavailable backend with the reason.
     *
     * @param reason why the backend cannot run, as one sentence with its remedy
     * @param details further facts found while probing, one line each; may be empty
     * @return the availability of a backend that cannot run
     */
    public static Availability unavailable(String reason, List<String> details) {
        return new Availability(false, reason, details);
    }

    /** {@return the reason the backend cannot run, or {@code null} when it can} */
    public String reason() {
        return available ? null : description;
    }
}
