package org.sparrow.solvers.bcd;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which block an iteration updates (Nutini, Laradji and Schmidt, JMLR 2022, block selection rules and
 * their greedy improvements GSL, GSD and GSQ).
 */
public enum SelectionRule {
    /** Blocks in turn. */
    CYCLIC("cyclic"),
    /** Blocks in a new random order every pass. */
    PERMUTATION("permutation"),
    /** A uniformly random block. */
    RANDOM("random"),
    /** A random block with probability proportional to its Lipschitz constant L_b. */
    LIPSCHITZ("lipschitz"),
    /** Greedy Gauss–Southwell: the block with the largest ‖∇_b f‖. */
    GS("gs"),
    /** Greedy Gauss–Southwell–Lipschitz: the block with the largest ‖∇_b f‖²/L_b. */
    GSL("gsl"),
    /** Greedy with a diagonal block bound D_b: the block with the largest Σ_{j∈b} (∇ⱼf)²/dⱼ. */
    GSD("gsd"),
    /**
     * Greedy Gauss–Southwell quadratic: the block whose quadratic model with the block Hessian bound promises
     * the largest decrease, ∇_b fᵀ H_b⁻¹ ∇_b f (for variable blocks, approximated by iterative hard thresholding).
     */
    GSQ("gsq"),
    /**
     * Least squares only, one coordinate at a time: cyclic coordinate descent over a working set (the coordinates
     * that are nonzero or violate the optimality conditions), with full passes over all coordinates to add
     * violators — the active-set strategy of glmnet (Friedman, Hastie and Tibshirani, J. Stat. Softw. 33(1),
     * 2010). See {@link Bcd}.
     */
    WORKING_SET("working-set");

    private final String cliName;

    SelectionRule(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the name used on the command line and in JSON output} */
    public String cliName() {
        return cliName;
    }

    /**
     * The constant with the given command-line name.
     *
     * @param s a command-line name, e.g. {@code "gs"}
     * @return the constant
     * @throws IllegalArgumentException naming the valid choices when {@code s} is none of them
     */
    public static SelectionRule fromCliName(String s) {
        for (SelectionRule v : values()) {
            if (v.cliName.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown selection rule '" + s + "'; valid: "
                + Arrays.stream(values()).map(SelectionRule::cliName).collect(Collectors.joining(", ")));
    }
}
