package org.sparrow.solvers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * The measurement behind {@code auto}'s AMG rule ({@link AutoSolver#looksLikePdeOperator}): CG + IC(0)
 * against CG + AMG, setup and solve to 1e-8 with b = A·1, median of three runs, on the suite's SPD
 * matrices and on 2-D/3-D Poisson, with the structural features the rule reads. Not a test: run
 * {@code java -cp … org.sparrow.solvers.AutoAmgStudy DATA_DIR [--quick]}; figures go to
 * benchmarks/results/solvers/auto-amg.md.
 */
public final class AutoAmgStudy {

    private AutoAmgStudy() {
    }

    /**
     * Runs the study.
     *
     * @param args the data directory ({@code shared/data/matrices}), then {@code --quick} for one run each
     * @throws Exception when a file cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean quick = args.length > 1 && args[1].equals("--quick");
        int runs = quick ? 1 : 3;
        List<String[]> cases = new ArrayList<>();
        for (String f : new String[] {"small/1138_bus.mtx", "small/494_bus.mtx", "small/662_bus.mtx", "small/685_bus.mtx",
            "small/bcsstk08.mtx", "small/bcsstk09.mtx", "small/bcsstk10.mtx", "small/bcsstk21.mtx", "small/bcsstm12.mtx",
            "small/gr_30_30.mtx", "small/nos3.mtx", "small/plat362.mtx", "medium/bcsstk13.mtx.gz",
            "medium/bcsstk15.mtx.gz", "medium/Dubcova1.mtx.gz"}) {
            cases.add(new String[] {f});
        }
        int[] p2 = quick ? new int[] {100, 300} : new int[] {50, 100, 200, 300, 500};
        int[] p3 = quick ? new int[] {20} : new int[] {15, 20, 30, 40};
        CsrMatrix warm = Generators.poisson2d(150); // JIT warm-up of both paths, not reported
        double[] wb = new double[warm.cols()];
        Arrays.fill(wb, 1.0);
        wb = warm.apply(wb);
        measure(warm, wb, PreconditionerKind.IC0, SolverOptions.defaults(), 3);
        measure(warm, wb, PreconditionerKind.AMG, SolverOptions.defaults(), 3);
        System.out.println("| matrix | n | nnz | M-like | IC(0) its | IC(0) setup+solve s | AMG its | AMG setup+solve s | AMG/IC(0) time | pick |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|---|");
        for (String[] c : cases) {
            run(c[0], MatrixMarket.readCsr(dir.resolve(c[0])), runs);
        }
        for (int n : p2) {
            run("Poisson 2-D " + n + "²", Generators.poisson2d(n), runs);
        }
        for (int n : p3) {
            run("Poisson 3-D " + n + "³", Generators.poisson3d(n), runs);
        }
    }

    private static void run(String name, CsrMatrix a, int runs) {
        double[] ones = new double[a.cols()];
        Arrays.fill(ones, 1.0);
        double[] b = a.apply(ones);
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-8).withMaxIterations(20_000);
        double[] ic = measure(a, b, PreconditionerKind.IC0, o, runs);
        double[] amg = measure(a, b, PreconditionerKind.AMG, o, runs);
        boolean like = AutoSolver.looksLikePdeOperator(a);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %s | %.3g | %s | %.3g | %.2f | %s |%n", name, a.rows(), a.nnz(),
                like ? "yes" : "no", its(ic), ic[1], its(amg), amg[1], amg[1] / ic[1],
                AutoSolver.choose(a).preconditioner().cliName());
    }

    private static String its(double[] r) {
        return r[2] > 0 ? Integer.toString((int) r[0]) : (int) r[0] + " (not conv.)";
    }

    /** {iterations, median setup + solve seconds, converged (1/0)}; NaN seconds when the build fails. */
    private static double[] measure(CsrMatrix a, double[] b, PreconditionerKind k, SolverOptions o, int runs) {
        double[] t = new double[runs];
        int its = 0;
        boolean conv = false;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Preconditioner p;
            try {
                p = k.build(a);
            } catch (IllegalArgumentException e) {
                return new double[] {0, Double.NaN, 0};
            }
            SolverResult s = Cg.solve(a, b, p, o);
            t[r] = (System.nanoTime() - t0) * 1e-9;
            its = s.iterations();
            conv = s.converged();
        }
        Arrays.sort(t);
        return new double[] {its, t[runs / 2], conv ? 1 : 0};
    }
}
