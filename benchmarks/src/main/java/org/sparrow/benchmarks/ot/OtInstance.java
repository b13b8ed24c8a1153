package org.sparrow.benchmarks.ot;

import java.util.Locale;
import java.util.SplittableRandom;
import org.sparrow.core.DenseMatrix;
import org.sparrow.solvers.ot.EntropicOt;

/**
 * One seeded optimal transport problem of the benchmark: an n×n dense cost and uniform marginals.
 * The cases follow Tang et al., "Accelerating Sinkhorn Algorithm with Sparse Newton Iterations"
 * (ICLR 2024, arXiv 2401.12253), §5: the random assignment problem (costs independent and uniform in
 * [0, 1)) and transport between two point clouds, with squared-Euclidean and Euclidean costs. The paper's
 * point clouds are MNIST images; MNIST is not available here, so the clouds are n and n points drawn
 * uniformly in the unit square (as in RegOT's published example).
 *
 * @param kind the case
 * @param n    the number of points on each side
 * @param seed the seed the cost was drawn with
 * @param cost the n×n cost, row-major
 * @param a    the source marginal, 1/n each
 * @param b    the target marginal, 1/n each
 */
record OtInstance(Kind kind, int n, long seed, DenseMatrix cost, double[] a, double[] b) {

    /** The benchmark's cases. */
    enum Kind {
        /** Costs independent and uniform in [0, 1): the random assignment problem. */
        ASSIGNMENT("assignment", "random assignment, costs uniform in [0, 1)"),
        /** |x − y|² between two uniform clouds in the unit square (costs in [0, 2]). */
        SQEUCLIDEAN("sqeuclidean", "uniform points in the unit square, squared-Euclidean cost"),
        /** |x − y| between two uniform clouds in the unit square (costs in [0, √2]). */
        EUCLIDEAN("euclidean", "uniform points in the unit square, Euclidean cost");

        private final String label;
        private final String description;

        Kind(String label, String description) {
            this.label = label;
            this.description = description;
        }

        /** The short name used in tables and file names. */
        String label() {
            return label;
        }

        /** One line for the report. */
        String description() {
            return description;
        }

        /** The largest cost this case can have (1, 2 or √2). */
        double maxCost() {
            return switch (this) {
                case ASSIGNMENT -> 1.0;
                case SQEUCLIDEAN -> 2.0;
                case EUCLIDEAN -> Math.sqrt(2.0);
            };
        }
    }

    /** "assignment-500". */
    String name() {
        return kind.label() + "-" + n;
    }

    /**
     * Draws an instance. The same (kind, n, seed) always gives the same cost; different n or kinds
     * draw from different streams.
     *
     * @param kind the case
     * @param n    points on each side, ≥ 1
     * @param seed the base seed
     * @return the instance, with a = b = 1/n
     */
    static OtInstance generate(Kind kind, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("an instance needs n ≥ 1, got " + n);
        }
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + 31L * n + kind.ordinal());
        double[] c = new double[n * n];
        if (kind == Kind.ASSIGNMENT) {
            for (int k = 0; k < c.length; k++) {
                c[k] = rnd.nextDouble();
            }
        } else {
            double[] x = new double[2 * n];
            double[] y = new double[2 * n];
            for (int k = 0; k < x.length; k++) {
                x[k] = rnd.nextDouble();
            }
            for (int k = 0; k < y.length; k++) {
                y[k] = rnd.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double dx = x[2 * i] - y[2 * j];
                    double dy = x[2 * i + 1] - y[2 * j + 1];
                    double d2 = dx * dx + dy * dy; // |x_i − y_j|²
                    c[i * n + j] = kind == Kind.SQEUCLIDEAN ? d2 : Math.sqrt(d2);
                }
            }
        }
        return new OtInstance(kind, n, seed, new DenseMatrix(n, n, c), EntropicOt.uniform(n), EntropicOt.uniform(n));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (n = %d, seed %d)", name(), n, seed);
    }
}
