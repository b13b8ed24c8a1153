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

    /** An available backend with its description. */
    public static Availability available(String description, List<String> details) {
        return new Availability(true, description, details);
    }

    /** An unavailable backend with the reason. */
    public static Availability unavailable(String reason, List<String> details) {
        return new Availability(false, reason, details);
    }

    /** The reason the backend cannot run, or {@code null} when it can. */
    public String reason() {
        return available ? null : description;
    }
}
