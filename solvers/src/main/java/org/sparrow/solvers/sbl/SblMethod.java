package org.sparrow.solvers.sbl;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The sparse Bayesian learning methods by name: the one registry that the CLI's {@code --method},
 * its help and {@link Sbl#solve}'s dispatch read.
 */
public enum SblMethod {
    /**
     * Classic SBL (Tipping 2001; Wipf &amp; Rao 2004, EM form) on the dense dictionary A = ⊗Aᵢ, one
     * hyperparameter per coefficient: the baseline.
     */
    CLASSIC("classic", "classic SBL", "classic SBL (Tipping 2001, Wipf-Rao EM) on the dense product of the factors"),
    /** AM-KroSBL (He &amp; Joseph 2024): alternating closed-form M-step over the factors. */
    AM("am", "AM-KroSBL", "Kronecker SBL, alternating-minimization M-step (He-Joseph 2024)"),
    /** SVD-KroSBL (He &amp; Joseph 2024): one pass of rank-1 SVDs of the reshaped second moments. */
    SVD("svd", "SVD-KroSBL", "Kronecker SBL, rank-1 SVD M-step (He-Joseph 2024)"),
    /** PC-KroSBL (He &amp; Joseph 2024, block-sparse extension): pattern-coupled hyperparameters γ̃ = Cγ. */
    PC("pc", "PC-KroSBL", "Kronecker SBL for block-sparse factors, pattern-coupled hyperparameters (He-Joseph 2024)");

    private final String cliName;
    private final String displayName;
    private final String description;

    SblMethod(String cliName, String displayName, String description) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.description = description;
    }

    /** {@return the name on the command line and in JSON: "classic", "am", "svd", "pc"} */
    public String cliName() {
        return cliName;
    }

    /** {@return the name messages use ("SVD-KroSBL")} */
    public String displayName() {
        return displayName;
    }

    /**
     * One line for the CLI's help.
     *
     * @return a one-line description for the CLI help
     */
    public String description() {
        return description;
    }

    /**
     * The method with this CLI name (case-insensitive).
     *
     * @param s the name, e.g. "svd"
     * @return the method
     * @throws IllegalArgumentException naming the accepted names when {@code s} is none of them
     */
    public static SblMethod fromCliName(String s) {
        for (SblMethod m : values()) {
            if (m.cliName.equalsIgnoreCase(s == null ? "" : s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown SBL method '" + s + "'; expected one of "
                + Arrays.stream(values()).map(SblMethod::cliName).collect(Collectors.joining(", ")));
    }
}
