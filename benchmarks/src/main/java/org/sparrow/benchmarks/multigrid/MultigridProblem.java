package org.sparrow.benchmarks.multigrid;

import java.io.IOException;
import java.nio.file.Path;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;

/**
 * A problem of the multigrid suite: a generated Poisson operator or an SPD matrix of the shared collection.
 *
 * @param kind  "poisson2d" (5-point), "poisson3d" (7-point), "q1-2d" (the 9-point Q1 stencil of pyamg's
 *              tutorial) or "spd" (a file)
 * @param grid  the grid side for the generated kinds, 0 for a file
 * @param file  the collection path ("small/nos3.mtx") for "spd", else null
 */
record MultigridProblem(String kind, int grid, String file) {

    static MultigridProblem poisson2d(int g) {
        return new MultigridProblem("poisson2d", g, null);
    }

    static MultigridProblem poisson3d(int g) {
        return new MultigridProblem("poisson3d", g, null);
    }

    static MultigridProblem q1(int g) {
        return new MultigridProblem("q1-2d", g, null);
    }

    static MultigridProblem spd(String file) {
        return new MultigridProblem("spd", 0, file);
    }

    /** "poisson2d-1000", "q1-2d-1000", "nos3". */
    String name() {
        if (file == null) {
            return kind + "-" + grid;
        }
        String n = Path.of(file).getFileName().toString();
        return n.replace(".mtx.gz", "").replace(".mtx", "");
    }

    /** What the scipy script builds or reads: "poisson2d:1000" or the file's path; null where scipy has no generator. */
    String scipyJob() {
        return switch (kind) {
            case "poisson2d", "poisson3d" -> kind + ":" + grid;
            case "spd" -> BenchmarkData.matrix(file).toString();
            default -> null;
        };
    }

    /** The matrix. */
    CsrMatrix matrix() throws IOException {
        return switch (kind) {
            case "poisson2d" -> Generators.poisson2d(grid);
            case "poisson3d" -> Generators.poisson3d(grid);
            case "q1-2d" -> q1Stencil(grid);
            default -> MatrixMarket.readCsr(BenchmarkData.matrix(file));
        };
    }

    /**
     * The 9-point stencil {@code [[−1, −1, −1], [−1, 8, −1], [−1, −1, −1]]} on a g × g grid with Dirichlet
     * boundaries, natural order: the matrix of pyamg's tutorial ({@code pyamg.gallery.stencil_grid}),
     * {@code 9g² − 12g + 4} entries.
     */
    static CsrMatrix q1Stencil(int g) {
        CooMatrix.Builder c = CooMatrix.builder(g * g, g * g, 9 * g * g);
        for (int r = 0; r < g; r++) {
            for (int q = 0; q < g; q++) {
                int k = r * g + q;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dq = -1; dq <= 1; dq++) {
                        int rr = r + dr;
                        int qq = q + dq;
                        if (rr >= 0 && rr < g && qq >= 0 && qq < g) {
                            c.add(k, rr * g + qq, dr == 0 && dq == 0 ? 8.0 : -1.0);
                        }
                    }
                }
            }
        }
        return c.build().toCsr();
    }
}
