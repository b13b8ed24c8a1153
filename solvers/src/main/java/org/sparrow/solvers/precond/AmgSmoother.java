package org.sparrow.solvers.precond;

/**
 * The relaxation an {@link Amg} V-cycle runs before and after each coarse-grid correction. Both keep
 * the V-cycle a symmetric operator for a symmetric A (the post-smoother is the adjoint of the
 * pre-smoother), so the V-cycle is a valid preconditioner for CG.
 */
public enum AmgSmoother {
    /**
     * Symmetric Gauss–Seidel: one forward sweep then one backward sweep per smoothing step (pyamg's
     * default, {@code ('block_gauss_seidel', {'sweep': 'symmetric'})} with 1×1 blocks). Sequential by
     * nature.
     */
    GAUSS_SEIDEL("gauss-seidel", "symmetric Gauss–Seidel"),
    /**
     * Chebyshev polynomial of D⁻¹A on the interval [ρ/30, 1.1·ρ], ρ ≈ ρ(D⁻¹A) (Adams, Brezina, Hu and
     * Tuminaro, "Parallel multigrid smoothing: polynomial versus Gauss–Seidel", J. Comput. Phys. 188
     * (2003) 593–610); its degree is {@link AmgOptions#chebyshevDegree()}. Only products with A, so it
     * runs on every thread.
     */
    CHEBYSHEV("chebyshev", "Chebyshev");

    private final String cliName;
    private final String displayName;

    AmgSmoother(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    /**
     * The lower-case name of options and JSON output.
     *
     * @return "gauss-seidel" or "chebyshev"
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The name in messages and the hierarchy summary.
     *
     * @return "symmetric Gauss–Seidel" or "Chebyshev"
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Parses a name, case-insensitively; the error lists the valid names.
     *
     * @param name "gauss-seidel" or "chebyshev"
     * @return the smoother
     * @throws IllegalArgumentException for an unknown name
     */
    public static AmgSmoother parse(String name) {
        if (name != null) {
            for (AmgSmoother s : values()) {
                if (s.cliName.equalsIgnoreCase(name.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown AMG smoother '" + name + "': expected one of gauss-seidel, chebyshev");
    }
}
