package org.sparrow.solvers.bcd;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.sparrow.core.CscMatrix;

/**
 * A quick measurement (not a test, not the committed benchmark — that is benchmarks/'s): a seeded sparse Lasso
 * design solved by greedy BCD with the active-set Newton phase; writes the design to a folder so that
 * scikit-learn's Lasso can be timed on the same data. Arguments: rows cols density lambdaFraction folder.
 */
public final class LassoVersusSklearnMain {

    private LassoVersusSklearnMain() {
    }

    /**
     * Runs the measurement.
     *
     * @param args rows cols density lambdaFraction folder [rule] [repeats]
     * @throws IOException when the folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        int m = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        double density = Double.parseDouble(args[2]);
        double frac = Double.parseDouble(args[3]);
        Path dir = Path.of(args[4]);
        SelectionRule rule = args.length > 5 ? SelectionRule.fromCliName(args[5]) : SelectionRule.GSL;
        int repeats = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        int tau = args.length > 7 ? Integer.parseInt(args[7]) : 1;
        UpdateRule update = tau == 1 ? UpdateRule.LIPSCHITZ : UpdateRule.HESSIAN;
        SplittableRandom rnd = new SplittableRandom(42);
        int perCol = Math.max(1, (int) Math.round(density * m));
        int[] cp = new int[n + 1];
        int[] ri = new int[n * perCol];
        double[] v = new double[n * perCol];
        boolean[] used = new boolean[m];
        for (int j = 0; j < n; j++) {
            int start = j * perCol;
            for (int t = 0; t < perCol; t++) {
                int i;
                do {
                    i = rnd.nextInt(m);
                } while (used[i]);
                used[i] = true;
                ri[start + t] = i;
            }
            java.util.Arrays.sort(ri, start, start + perCol);
            for (int t = 0; t < perCol; t++) {
                used[ri[start + t]] = false;
                v[start + t] = rnd.nextDouble() * 2 - 1;
            }
            cp[j + 1] = start + perCol;
        }
        CscMatrix a = new CscMatrix(m, n, cp, ri, v);
        double[] xt = new double[n];
        for (int k = 0; k < Math.max(1, n / 100); k++) {
            xt[rnd.nextInt(n)] = rnd.nextDouble() * 4 - 2;
        }
        double[] b = new double[m];
        a.apply(xt, b);
        for (int i = 0; i < m; i++) {
            b[i] += 0.1 * (rnd.nextDouble() - 0.5);
        }
        double[] atb = new double[n];
        a.applyTranspose(b, atb);
        double lmax = 0;
        for (double t : atb) {
            lmax = Math.max(lmax, Math.abs(t));
        }
        double lambda = frac * lmax;
        Files.createDirectories(dir);
        writeInts(dir.resolve("colptr.bin"), cp);
        writeInts(dir.resolve("rowidx.bin"), ri);
        writeDoubles(dir.resolve("values.bin"), v);
        writeDoubles(dir.resolve("b.bin"), b);
        BcdProblem p = BcdProblem.leastSquares(a, b).withL1(lambda);
        BcdOptions o = BcdOptions.defaults().withBlockSize(tau).withRule(rule).withActiveSet(true)
                .withPartition(tau == 1 ? PartitionRule.SORT : PartitionRule.VARIABLE).withUpdate(update)
                .withTolerance(1e-9).withMaxIterations(50_000_000);
        BcdResult r = null;
        for (int rep = 0; rep < repeats; rep++) {
            long t0 = System.nanoTime();
            r = Bcd.solve(p, null, o);
            double s = (System.nanoTime() - t0) * 1e-9;
            int nnz = 0;
            for (double x : r.x()) {
                nnz += x != 0 ? 1 : 0;
            }
            System.out.printf("java rep %d: %.4f s, iterations %d, coordinates %d, objective %.17g, optimality %.3g,"
                    + " nnz %d, converged %s, stable since %d%n", rep, s, r.iterations(), r.coordinatesUpdated(),
                    r.objective(), r.optimality(), nnz, r.converged(), r.activeSetStableSince());
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("meta.txt")))) {
            out.writeBytes(m + " " + n + " " + lambda + " " + String.format("%.17g", r.objective()) + "\n");
        }
    }

    private static void writeInts(Path f, int[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * a.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(a);
        Files.write(f, buf.array());
    }

    private static void writeDoubles(Path f, double[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8 * a.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(a);
        Files.write(f, buf.array());
    }
}
