package org.sparrow.benchmarks.kernels;

import java.util.List;
import java.util.function.Supplier;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;

/**
 * One matrix of the kernel suite's "large" family ({@link LargeSuite}): made by {@link Generators}
 * (seeded, so the same on every run), with its role in the issue-16 goals.
 *
 * <p>The family, full size (quick size for check runs in brackets):
 * <ul>
 *   <li>{@code poisson2d-1000} (300): 5-point Laplacian, 1M rows, 5M nonzeros — a goal matrix;</li>
 *   <li>{@code poisson2d-2000} (400): 4M rows, 20M nonzeros;</li>
 *   <li>{@code poisson3d-100} (30): 7-point Laplacian, 1M rows, 6.9M nonzeros;</li>
 *   <li>{@code rmat-20}, {@code rmat-21}, {@code rmat-22} (11, 12, 13): R-MAT with Graph500's
 *       probabilities and edge factor 16 (16M, 33M, 65M nonzeros);</li>
 *   <li>{@code powerlaw-2M} ({@code powerlaw-small}, scale 14): the "random power-law matrix with 2M nonzeros" — R-MAT scale 18,
 *       edge factor 8 with the milder skew {@code a = 0.45, b = c = 0.22}: 2.10M nonzeros, 1.2·10^8
 *       multiply-adds and 1.15·10^8 entries in {@code A·A}. Graph500's skew at 2M nonzeros (scale 17,
 *       edge factor 16) has a square of 4.6·10^8 entries (5.5 GB in CSR, 7 GB in scipy), beyond what the
 *       24 GiB machine holds for Sparrow, EJML and scipy in one run — a goal matrix.</li>
 * </ul>
 *
 * @param name   short name, used in the tables and for the cached files
 * @param family what it is, in words, for the report
 * @param goal   whether the issue-16 goals are judged on it (the 1000² Poisson and the power-law matrix)
 * @param make   generates it (seeded)
 */
record LargeMatrix(String name, String family, boolean goal, Supplier<CsrMatrix> make) {

    /** Seed of the R-MAT matrices. */
    static final long SEED = 42;

    /** R-MAT edge factor of the {@code rmat-*} matrices (Graph500's). */
    static final int RMAT_EDGE_FACTOR = 16;

    /** Power-law matrix: R-MAT top-left probability (Graph500 uses 0.57). */
    static final double POWERLAW_A = 0.45;
    /** Power-law matrix: R-MAT top-right and bottom-left probability (Graph500 uses 0.19). */
    static final double POWERLAW_BC = 0.22;
    /** Power-law matrix: R-MAT edge factor. */
    static final int POWERLAW_EDGE_FACTOR = 8;

    /**
     * The family at full size, or at the quick sizes (same kinds, 10–100× smaller) for check runs.
     *
     * @param quick whether to return the quick sizes
     * @return the matrices in the order they are run
     */
    static List<LargeMatrix> family(boolean quick) {
        int p2a = quick ? 300 : 1000;
        int p2b = quick ? 400 : 2000;
        int p3 = quick ? 30 : 100;
        int r0 = quick ? 11 : 20;
        int pl = quick ? 14 : 18;
        return List.of(
                poisson2d(p2a, true),
                poisson2d(p2b, false),
                new LargeMatrix("poisson3d-" + p3, "Poisson 3-D, " + p3 + "³ grid", false,
                        () -> Generators.poisson3d(p3)),
                rmat(r0), rmat(r0 + 1), rmat(r0 + 2),
                new LargeMatrix(quick ? "powerlaw-small" : "powerlaw-2M", String.format(java.util.Locale.ROOT,
                        "power-law: R-MAT scale %d, edge factor %d, a = %.2f, b = c = %.2f, seed %d", pl,
                        POWERLAW_EDGE_FACTOR, POWERLAW_A, POWERLAW_BC, SEED), true,
                        () -> Generators.rmat(pl, POWERLAW_EDGE_FACTOR, POWERLAW_A, POWERLAW_BC, POWERLAW_BC, SEED)));
    }

    private static LargeMatrix poisson2d(int n, boolean goal) {
        return new LargeMatrix("poisson2d-" + n, "Poisson 2-D, " + n + "² grid", goal, () -> Generators.poisson2d(n));
    }

    private static LargeMatrix rmat(int scale) {
        return new LargeMatrix("rmat-" + scale, "R-MAT scale " + scale + ", edge factor " + RMAT_EDGE_FACTOR
                + " (Graph500), seed " + SEED, false,
                () -> Generators.rmat(scale, RMAT_EDGE_FACTOR, Generators.RMAT_A, Generators.RMAT_B, Generators.RMAT_C,
                        SEED));
    }
}
