package org.sparrow.sketching.lstsq;

/**
 * The least-squares methods of {@link LeastSquares}, with the names the CLI and the reports use.
 */
public enum LeastSquaresMethod {
    /**
     * Dense Householder QR of A through EJML ({@code LinearSolverQrHouseCol_DDRM}): the reference,
     * O(n·d²) flops and a dense n×d copy (refused when that copy does not fit); refuses a numerically
     * rank-deficient A.
     */
    QR("qr"),
    /** Plain {@link org.sparrow.solvers.krylov.Lsqr} on A, without preconditioning. */
    LSQR("lsqr"),
    /**
     * Sketch-and-solve: x′ = argmin ‖S·A·x − S·b‖ for an m×n sketch S, solved by dense QR of S·A;
     * accurate to a factor (1 + ε) in the residual, not to full precision.
     */
    SKETCH_SOLVE("sketch-solve"),
    /**
     * Sketch-and-precondition (Blendenpik / LSRN): R from a QR of S·A is a right preconditioner for
     * LSQR on A·R⁻¹, which converges to full precision in a number of iterations independent of cond(A).
     */
    SKETCH_PRECONDITION("sketch-precondition");

    private final String cliName;

    LeastSquaresMethod(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the lower-case name used by the CLI and in reports ("qr", "lsqr", "sketch-solve", "sketch-precondition")} */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a CLI name, case-insensitively (an underscore is read as a hyphen); the error lists the
     * valid names.
     *
     * @param name the name, e.g. {@code "sketch-solve"}
     * @return the method it names
     * @throws IllegalArgumentException for an unknown name
     */
    public static LeastSquaresMethod parse(String name) {
        if (name != null) {
            String n = name.trim().replace('_', '-');
            for (LeastSquaresMethod m : values()) {
                if (m.cliName.equalsIgnoreCase(n)) {
                    return m;
                }
            }
        }
        StringBuilder valid = new StringBuilder();
        for (LeastSquaresMethod m : values()) {
            valid.append(valid.isEmpty() ? "" : ", ").append(m.cliName);
        }
        throw new IllegalArgumentException("unknown least-squares method '" + name + "': expected one of " + valid);
    }
}
