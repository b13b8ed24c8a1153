package org.sparrow.solvers.precond;

import java.util.List;
import java.util.Locale;

/**
 * What {@link Amg} built: one entry per level (finest first), the complexities that say what a V-cycle
 * costs relative to a product with A, and the setup time. {@link #summary()} is the readable form a
 * {@code --view} prints.
 *
 * @param levels             the levels, finest (A itself) first, coarsest (factored) last
 * @param operatorComplexity {@code Σ nnz(A_l) / nnz(A_0)}: memory and work of a V-cycle relative to A
 * @param gridComplexity     {@code Σ rows(A_l) / rows(A_0)}
 * @param smoother           the smoother of the V-cycle
 * @param strengthTheta      θ of the strength of connection
 * @param coarseSolver       the direct solver of the coarsest level ("sparse Cholesky" or "sparse LU")
 * @param coarseFactorNonzeros nonzeros of the coarsest level's factor(s)
 * @param setupSeconds       wall-clock seconds of the whole setup
 */
public record AmgHierarchy(List<Level> levels, double operatorComplexity, double gridComplexity, AmgSmoother smoother,
                           double strengthTheta, String coarseSolver, long coarseFactorNonzeros, double setupSeconds) {

    /**
     * One level of the hierarchy.
     *
     * @param rows           unknowns on this level
     * @param nnz            stored entries of this level's operator
     * @param spectralRadius the estimate of ρ(D⁻¹A_l) (NaN on the coarsest level, which is factored)
     * @param seconds        setup seconds spent building the next level from this one (strength,
     *                       aggregation, prolongator, Galerkin product); 0 on the coarsest
     * @param galerkinSeconds of {@code seconds}, those spent in the two SpGEMMs A·P and Pᵀ·(A·P) (and
     *                       the one of A·T of the prolongator smoothing)
     */
    public record Level(int rows, long nnz, double spectralRadius, double seconds, double galerkinSeconds) {
    }

    /**
     * The number of levels, the finest and the coarsest included.
     *
     * @return ≥ 1
     */
    public int depth() {
        return levels.size();
    }

    /**
     * A readable table, one line per level, with the complexities and the setup time, e.g.
     * <pre>
     * AMG (smoothed aggregation, θ = 0, symmetric Gauss–Seidel): 4 levels, operator complexity 1.28, grid complexity 1.13, setup 0.52 s
     *   level        rows         nnz  nnz/row   ρ(D⁻¹A)  setup s
     *   0         1000000     4996000     5.00     1.999    0.310
     *   …
     *   coarsest level: sparse Cholesky, nnz(L) = 10345
     * </pre>
     *
     * @return the summary, lines separated by '\n', no trailing newline
     */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "AMG (smoothed aggregation, θ = %s, %s): %d level%s, operator complexity %.3f, grid complexity %.3f, setup %.3f s%n",
                stripZeros(strengthTheta), smoother.displayName(), depth(), depth() == 1 ? "" : "s", operatorComplexity,
                gridComplexity, setupSeconds));
        s.append(String.format(Locale.ROOT, "  %-5s %12s %12s %8s %9s %8s%n", "level", "rows", "nnz", "nnz/row",
                "ρ(D⁻¹A)", "setup s"));
        for (int l = 0; l < levels.size(); l++) {
            Level v = levels.get(l);
            s.append(String.format(Locale.ROOT, "  %-5d %12d %12d %8.2f %9s %8.3f%n", l, v.rows(), v.nnz(),
                    v.rows() == 0 ? 0.0 : (double) v.nnz() / v.rows(),
                    Double.isNaN(v.spectralRadius()) ? "-" : String.format(Locale.ROOT, "%.4f", v.spectralRadius()),
                    v.seconds()));
        }
        s.append("  coarsest level: ").append(coarseSolver).append(", factor nonzeros ").append(coarseFactorNonzeros);
        return s.toString();
    }

    private static String stripZeros(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
