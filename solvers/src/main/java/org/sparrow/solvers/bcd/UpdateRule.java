package org.sparrow.solvers.bcd;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the selected block is moved (Nutini, Laradji and Schmidt, JMLR 2022, block
 * update rules: Lipschitz, line search, matrix (Hessian bound) and Newton updates).
 */
public enum UpdateRule {
    /** A gradient (or proximal-gradient) step of length 1/L_b with the block Lipschitz constant. */
    LIPSCHITZ("lipschitz"),
    /** A gradient step with a Lipschitz constant estimated by backtracking (doubling until sufficient decrease, halving after). */
    LINE_SEARCH("line-search"),
    /** A step with the full block matrix upper bound on the Hessian (exact Newton for quadratic losses). */
    HESSIAN("hessian"),
    /** A Newton step with the block Hessian at the current point and an Armijo backtracking line search. */
    NEWTON("newton");

    private final String cliName;

    UpdateRule(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the name used on the command line and in JSON output} */
    public String cliName() {
        return cliName;
    }

    /**
     * The constant with the given command-line name.
     *
     * @param s a command-line name, e.g. {@code "lipschitz"}
     * @return the constant
     * @throws IllegalArgumentException naming the valid choices when {@code s} is none of them
     */
    public static UpdateRule fromCliName(String s) {
        for (UpdateRule v : values()) {
            if (v.cliName.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown update rule '" + s + "'; valid: "
                + Arrays.stream(values()).map(UpdateRule::cliName).collect(Collectors.joining(", ")));
    }
}
