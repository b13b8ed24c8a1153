package org.sparrow.solvers.eigen;

/**
 * Which eigenvalues to compute: ARPACK's {@code which} ({@code LA}, {@code SA}, {@code LM}, and
 * shift-invert about σ), as scipy's {@code eigsh}/{@code eigs} take it.
 */
public enum Which {
    /** The algebraically largest (symmetric); the largest real part (nonsymmetric). */
    LARGEST("largest"),
    /** The algebraically smallest (symmetric); the smallest real part (nonsymmetric). */
    SMALLEST("smallest"),
    /** The largest in magnitude |λ|. */
    LARGEST_MAGNITUDE("magnitude"),
    /** The nearest to the shift σ, by shift-invert: the largest |1/(λ − σ)|. */
    NEAREST("nearest");

    private final String cliName;

    Which(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The name the CLI's {@code --which} takes and prints.
     *
     * @return the lower-case name
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The value whose {@link #cliName()} is {@code name}.
     *
     * @param name a CLI name, case-insensitive
     * @return the value
     * @throws IllegalArgumentException if no value has that name (the message lists the names)
     */
    public static Which parse(String name) {
        for (Which w : values()) {
            if (w.cliName.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown --which '" + name + "': expected largest, smallest, magnitude or nearest");
    }
}
