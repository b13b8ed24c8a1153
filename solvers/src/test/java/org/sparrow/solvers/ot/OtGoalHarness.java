package org.sparrow.solvers.ot;

import java.util.Locale;
import java.util.Random;

import org.sparrow.core.DenseMatrix;

/**
 * Not a test: a main that measures the two goal cases of issue 13 on a warmed JVM (random assignment and
 * squared-Euclidean points in the unit square, n = 500, η = 1200) and prints iterations, CG iterations,
 * time and the final marginal error. Run with the test classpath.
 */
public final class OtGoalHarness {

    private OtGoalHarness() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Random assignment: C uniform in [0, 1), seeded. */
    static DenseMatrix randomAssignment(int n, long seed) {
        Random r = new Random(seed);
        double[] c = new double[n * n];
        for (int k = 0; k < c.length; k++) {
            c[k] = r.nextDouble();
        }
        return new DenseMatrix(n, n, c);
    }

    /** n uniform points in the unit square against n others, squared-Euclidean cost, seeded. */
    static DenseMatrix squaredEuclidean(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            x[k] = r.nextDouble();
        }
        for (int k = 0; k < 2 * n; k++) {
            y[k] = r.nextDouble();
        }
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = x[2 * i] - y[2 * j];
                double dy = x[2 * i + 1] - y[2 * j + 1];
                c[i * n + j] = dx * dx + dy * dy;
            }
        }
        return new DenseMatrix(n, n, c);
    }

    /**
     * Args: [n] [repeats] [density] [sinkhornSteps].
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] densities = args.length > 2 ? args[2].split(",") : new String[] {"NaN"};
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        double[] a = EntropicOt.uniform(n);
        for (String ds : densities) {
        double d = ds.endsWith("/n") ? Double.parseDouble(ds.substring(0, ds.length() - 2)) / n : Double.parseDouble(ds);
        OtOptions o = OtOptions.defaults().withDensity(d).withSinkhornSteps(steps);
        System.out.println("density " + ds + " sinkhorn steps " + steps);
        for (String kase : new String[] {"random-assignment", "sq-euclidean"}) {
            DenseMatrix c = kase.startsWith("random") ? randomAssignment(n, 42) : squaredEuclidean(n, 42);
            for (int rep = 0; rep < repeats; rep++) {
                long cpu0 = cpu();
                OtResult sk = EntropicOt.solve(c, a, a, o.withMethod(OtMethod.SINKHORN).withMaxIterations(steps));
                System.out.printf(Locale.ROOT, "  %d Sinkhorn steps alone: %.4fs wall, %.4fs cpu%n", steps, sk.seconds(), (cpu() - cpu0) * 1e-9);
                cpu0 = cpu();
                OtResult r = EntropicOt.solve(c, a, a, o);
                System.out.printf(Locale.ROOT, "%s n=%d rep=%d conv=%s %s its=%d (sk %d + nt %d) cg=%d shifted=%d err=%.3e cost=%.12f time=%.4fs%n",
                        kase, n, rep, r.converged(), r.reason(), r.iterations(), r.sinkhornIterations(),
                        r.newtonIterations(), r.cgIterations(), r.shiftedNewtonSteps(), r.marginalError(),
                        r.transportCost(), r.seconds());
                System.out.printf(Locale.ROOT, "  cpu %.4fs%n", (cpu() - cpu0) * 1e-9);
                if (rep == repeats - 1) {
                    StringBuilder h = new StringBuilder("  history:");
                    for (double v : r.marginalErrorHistory()) {
                        h.append(String.format(Locale.ROOT, " %.1e", v));
                    }
                    System.out.println(h + (r.detail().isEmpty() ? "" : "  detail: " + r.detail()));
                }
            }
        }
        }
    }
}
