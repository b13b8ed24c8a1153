package org.sparrow.core.backend;

import java.util.Locale;

/** What the caller asked for: let Sparrow decide, or insist on the CPU or the GPU. */
public enum BackendChoice {
    /** The GPU when one is usable and the product is large enough ({@code nnz·k ≥} the threshold), else the CPU. */
    AUTO,
    /** Always the CPU backend. */
    CPU,
    /** Always the GPU backend; an error that says why when none is usable. */
    GPU;

    /** {@return the lower-case name used on command lines and in properties: {@code auto}, {@code cpu}, {@code gpu}} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code auto}, {@code cpu} or {@code gpu} (any case, surrounding blanks ignored).
     *
     * @param text   the text to parse
     * @param source where the text came from, for the message (e.g. {@code "system property sparrow.backend"})
     * @return the choice the text names
     * @throws IllegalArgumentException naming the source and the accepted values
     */
    public static BackendChoice parse(String text, String source) {
        if (text != null) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> {
                    return AUTO;
                }
                case "cpu" -> {
                    return CPU;
                }
                case "gpu" -> {
                    return GPU;
                }
                default -> {
                    // fall through to the message
                }
            }
        }
        throw new IllegalArgumentException(source + " must be auto, cpu or gpu, got '" + text + "'");
    }
}
