package org.sparrow.sketching.completion;

/**
 * How {@link MatrixCompletion} solves the small least-squares problem of each row (and column) in an
 * alternating-minimization step, with the names the CLI uses.
 */
public enum CompletionMethod {
    /**
     * Exact alternating minimization (Jain, Netrapalli, Sanghavi, STOC 2013): per row, the k × k normal
     * equations by Cholesky, O(|Ω_i|·k² + k³).
     */
    ALTERNATING_MINIMIZATION("am"),
    /**
     * Sketched alternating minimization (Gu, Song, Yin, Zhang, ICLR 2024): per row with enough observations, a
     * CountSketch of the |Ω_i| × k design gives a preconditioner R, then a few preconditioned conjugate-gradient
     * steps warm-started from the current row, O(|Ω_i|·k·t + s·k²) with s = {@value MatrixCompletion#SKETCH_FACTOR}·k.
     */
    SKETCHED_ALTERNATING_MINIMIZATION("sketched-am");

    private final String cliName;

    CompletionMethod(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the lower-case name used by the CLI and in reports ("am", "sketched-am")} */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a CLI name, case-insensitively (an underscore is read as a hyphen); the error lists the valid names.
     *
     * @param name the name, e.g. {@code "sketched-am"}
     * @return the method it names
     * @throws IllegalArgumentException for an unknown name
     */
    public static CompletionMethod fromCliName(String name) {
        if (name != null) {
            String n = name.trim().replace('_', '-');
            for (CompletionMethod m : values()) {
                if (m.cliName.equalsIgnoreCase(n)) {
                    return m;
                }
            }
        }
        StringBuilder valid = new StringBuilder();
        for (CompletionMethod m : values()) {
            valid.append(valid.isEmpty() ? "" : ", ").append(m.cliName);
        }
        throw new IllegalArgumentException("unknown completion method '" + name + "': expected one of " + valid);
    }
}
