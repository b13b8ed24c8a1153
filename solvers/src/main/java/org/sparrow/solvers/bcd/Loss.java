package org.sparrow.solvers.bcd;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The smooth part f of a block coordinate descent problem (see {@link BcdProblem}).
 */
public enum Loss {
    /** ½‖Ax − b‖². */
    LEAST_SQUARES("least-squares"),
    /** Σᵢ log(1 + exp(−bᵢ aᵢᵀx)), labels bᵢ = ±1. */
    LOGISTIC("logistic"),
    /** ½xᵀAx − bᵀx with A sparse symmetric positive definite. */
    QUADRATIC("quadratic");

    private final String cliName;

    Loss(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the name used on the command line and in JSON output} */
    public String cliName() {
        return cliName;
    }

    /**
     * The constant with the given command-line name.
     *
     * @param s a command-line name, e.g. {@code "least-squares"}
     * @return the constant
     * @throws IllegalArgumentException naming the valid choices when {@code s} is none of them
     */
    public static Loss fromCliName(String s) {
        for (Loss v : values()) {
            if (v.cliName.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + s + "'; valid: "
                + Arrays.stream(values()).map(Loss::cliName).collect(Collectors.joining(", ")));
    }
}
