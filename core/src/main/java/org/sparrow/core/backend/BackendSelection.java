package org.sparrow.core.backend;

/**
 * The backend chosen for a product, and why.
 *
 * @param backend the backend to run on
 * @param reason  one phrase for people and logs, e.g. {@code "auto: nnz·k = 1200 is below the GPU
 *                threshold 4000000"}
 */
public record BackendSelection(Backend backend, String reason) {
}
