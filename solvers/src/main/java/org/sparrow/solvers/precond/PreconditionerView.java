package org.sparrow.solvers.precond;

import java.util.List;
import java.util.Locale;

/**
 * What a preconditioner is, once built: the {@code --view} of {@code sparrow solve}, in the spirit of
 * PETSc's {@code PCView}. A plain value; {@link Preconditioner#view()} makes one.
 *
 * @param name           the name in messages ("ILUT(τ = 1e-03, p = 10)", "ILU(2)", "AMG")
 * @param matrixNonzeros stored nonzeros of the matrix it was built from, or −1 when unknown
 * @param storedNonzeros nonzeros the preconditioner stores (the factors L and U together, the diagonal of
 *                       Jacobi, every level's operator for a hierarchy), or −1 when unknown
 * @param setupSeconds   wall-clock seconds the build took, or NaN when not measured
 * @param details        further lines, one fact each (for a hierarchical preconditioner, one line per
 *                       level); never null, maybe empty
 */
public record PreconditionerView(String name, long matrixNonzeros, long storedNonzeros, double setupSeconds,
                                 List<String> details) {

    /**
     * Checks the name and copies the details.
     *
     * @throws IllegalArgumentException if the name is null or empty
     */
    public PreconditionerView {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a preconditioner view needs a name");
        }
        details = details == null ? List.of() : List.copyOf(details);
    }

    /**
     * A view that says only the name (fill and setup time unknown).
     *
     * @param name the preconditioner's name
     * @return the view
     */
    public static PreconditionerView named(String name) {
        return new PreconditionerView(name, -1, -1, Double.NaN, List.of());
    }

    /**
     * The fill: stored nonzeros over the matrix's nonzeros (1 for ILU(0), more for ILUT and ILU(k), the
     * operator complexity for multigrid); NaN when either is unknown or the matrix has none.
     *
     * @return the fill ratio, or NaN
     */
    public double fill() {
        return matrixNonzeros > 0 && storedNonzeros >= 0 ? (double) storedNonzeros / matrixNonzeros : Double.NaN;
    }

    /**
     * This view with the setup time a caller measured around the build.
     *
     * @param seconds wall-clock seconds
     * @return the new view
     */
    public PreconditionerView withSetupSeconds(double seconds) {
        return new PreconditionerView(name, matrixNonzeros, storedNonzeros, seconds, details);
    }

    /**
     * A readable multi-line summary: the name, the fill, the setup time when known, then the details
     * indented. Lines end with {@code '\n'}.
     *
     * @return the summary
     */
    public String summary() {
        StringBuilder s = new StringBuilder(name);
        if (!Double.isNaN(fill())) {
            s.append(String.format(Locale.ROOT, ": %d stored nonzeros, fill %.3g× nnz(A) = %d", storedNonzeros, fill(),
                    matrixNonzeros));
        }
        if (!Double.isNaN(setupSeconds)) {
            s.append(String.format(Locale.ROOT, "; setup %.3g s", setupSeconds));
        }
        s.append('\n');
        for (String d : details) {
            s.append("  ").append(d).append('\n');
        }
        return s.toString();
    }
}
