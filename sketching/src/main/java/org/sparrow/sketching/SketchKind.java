package org.sparrow.sketching;

/** The sketch families Sparrow offers, with the names the CLI and the reports use. */
public enum SketchKind {
    /** i.i.d. N(0, 1/m) entries; dense. */
    GAUSSIAN("gaussian", true),
    /** i.i.d. ±1/√m entries; dense. */
    RADEMACHER("rademacher", true),
    /**
     * Subsampled randomized Hadamard transform √(N/m)·P·(H/√N)·D, n zero-padded to N = 2^⌈log₂ n⌉,
     * entries ±1/√m; applied in O(n log m) per column through the fast Walsh–Hadamard transform.
     */
    SRHT("srht", true),
    /** One ±1 per column in a random row (Clarkson–Woodruff); applied in O(nnz(A)). */
    COUNTSKETCH("countsketch", false),
    /** s entries ±1/√s per column in distinct random rows (Nelson–Nguyen); applied in O(s·nnz(A)). */
    OSNAP("osnap", false);

    private final String cliName;
    private final boolean dense;

    SketchKind(String cliName, boolean dense) {
        this.cliName = cliName;
        this.dense = dense;
    }

    /** {@return the lower-case name used by the CLI and in reports} */
    public String cliName() {
        return cliName;
    }

    /**
     * Whether the sketch is dense in the sense of Song–Ye–Yin–Zhang (ICML 2023): only dense sketches
     * are claimed to give the ℓ∞ guarantee of sketch-and-solve.
     *
     * @return whether the sketch is dense (Gaussian, Rademacher)
     */
    public boolean dense() {
        return dense;
    }

    /**
     * Parses a CLI name ("gaussian", "srht", …), case-insensitively; the error lists the valid names.
     *
     * @param name the name, e.g. {@code "srht"}
     * @return the family it names
     * @throws IllegalArgumentException for an unknown name
     */
    public static SketchKind parse(String name) {
        for (SketchKind k : values()) {
            if (k.cliName.equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (SketchKind k : values()) {
            valid.append(valid.isEmpty() ? "" : ", ").append(k.cliName);
        }
        throw new IllegalArgumentException("unknown sketch '" + name + "': expected one of " + valid);
    }
}
