package org.sparrow.benchmarks.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ojalgo.matrix.store.R064Store;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.core.Parallelism;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.Sketches;
import org.sparrow.sketching.lstsq.LeastSquares;
import org.sparrow.sketching.lstsq.LeastSquaresMethod;
import org.sparrow.sketching.lstsq.LeastSquaresOptions;
import org.sparrow.sketching.lstsq.LeastSquaresResult;

/**
 * Runs every method on one problem and turns each into a {@link ResultRow}: Sparrow's four
 * least-squares methods through {@link LeastSquares#solve} (the call {@code sparrow regress} makes),
 * the dense QR peers ({@link DensePeers}), a uniform row-sampling sketch-and-solve written here as a
 * contrast for coherent problems, and — on request — the time to apply each sketch to A.
 *
 * <p>Accuracy is measured by the suite from the returned x against the known x* (one product with A for
 * A·x − b and one for A·(x − x*)), the same way for every implementation.
 */
final class Methods {

    /** Sketch-and-precondition's and sketch-and-solve's families, in report order. */
    static final List<SketchKind> SKETCHES = List.of(SketchKind.SRHT, SketchKind.GAUSSIAN, SketchKind.COUNTSKETCH);

    /** Families timed by {@code sketch-apply}. */
    static final List<SketchKind> APPLY_SKETCHES = List.of(SketchKind.GAUSSIAN, SketchKind.SRHT, SketchKind.COUNTSKETCH,
            SketchKind.OSNAP);

    /** Seed of every sketch (the options' default). */
    static final long SEED = 42;

    /**
     * What to run.
     *
     * @param timing       timing settings of the solves
     * @param applyTiming  timing settings of {@code sketch-apply}
     * @param lsqrMaxIt    LSQR's iteration limit (plain LSQR cannot converge on cond ≥ 10⁵ in a useful time)
     * @param lsqr         whether to run plain LSQR at all
     * @param gaussianSolve whether to run Gaussian sketch-and-solve (m·n·d multiply-adds: skipped at n = 10⁶)
     * @param peers        whether to run the dense peers
     */
    record Plan(Timer.Settings timing, Timer.Settings applyTiming, int lsqrMaxIt, boolean lsqr, boolean gaussianSolve,
                boolean peers) {
    }

    private Methods() {
    }

    /** Sketch rows of sketch-and-solve: min(10·d, n), at least d. */
    static int sketchSolveRows(int n, int d) {
        return Math.max(d, Math.min(10 * d, n));
    }

    /**
     * One measurement to make.
     *
     * @param method the row's method
     * @param sketch the row's sketch ("" for none)
     * @param run    makes the measurement
     */
    record Job(String method, String sketch, Supplier<ResultRow> run) {

        String key() {
            return method + "|" + sketch;
        }
    }

    /** Every measurement of {@code p}, in report order. */
    static List<Job> jobs(LsProblem p, Plan plan, boolean sketchApply) {
        List<Job> jobs = new ArrayList<>();
        int n = p.n();
        int d = p.d();
        Timer.Settings t = plan.timing();
        if (plan.peers()) {
            jobs.add(new Job("ejml-qr", "", () -> ejml(p, t)));
            jobs.add(new Job("ojalgo-qr", "", () -> ojalgo(p, t)));
        }
        jobs.add(new Job("qr", "", () -> sparrow(p, "qr", LeastSquaresOptions.defaults().withMethod(LeastSquaresMethod.QR),
                t)));
        if (plan.lsqr()) {
            jobs.add(new Job("lsqr", "", () -> sparrow(p, "lsqr", LeastSquaresOptions.defaults()
                    .withMethod(LeastSquaresMethod.LSQR).withMaxIterations(plan.lsqrMaxIt()), t)));
        } else {
            jobs.add(new Job("lsqr", "", () -> skipped(p, "lsqr", "", 0, "skipped at this size: plain LSQR needs far "
                    + "more than " + plan.lsqrMaxIt() + " iterations at cond ≥ 1e5 (see the n = 1e5 rows), each a pass "
                    + "over A")));
        }
        for (SketchKind k : SKETCHES) {
            jobs.add(new Job("sketch-precondition", k.cliName(), () -> sparrow(p, "sketch-precondition",
                    LeastSquaresOptions.defaults().withMethod(LeastSquaresMethod.SKETCH_PRECONDITION).withSketch(k)
                            .withSeed(SEED), t)));
        }
        int ms = sketchSolveRows(n, d);
        for (SketchKind k : SKETCHES) {
            if (k == SketchKind.GAUSSIAN && !plan.gaussianSolve()) {
                jobs.add(new Job("sketch-solve", k.cliName(), () -> skipped(p, "sketch-solve", k.cliName(), ms,
                        "skipped at this size: a Gaussian S·A with m = " + ms + " costs m·n·d = "
                                + String.format(Locale.ROOT, "%.1e", (double) ms * n * d) + " multiply-adds "
                                + "(sketch-precondition's Gaussian row shows the same cost at m = 4d)")));
                continue;
            }
            jobs.add(new Job("sketch-solve", k.cliName(), () -> sparrow(p, "sketch-solve", LeastSquaresOptions.defaults()
                    .withMethod(LeastSquaresMethod.SKETCH_SOLVE).withSketch(k).withSketchRows(ms).withSeed(SEED), t)));
        }
        if (p.kind().equals("synthetic")) {
            jobs.add(new Job("uniform-sample-solve", "uniform", () -> uniformSampling(p, ms, t)));
        }
        if (sketchApply) {
            for (SketchKind k : APPLY_SKETCHES) {
                jobs.add(new Job("sketch-apply", k.cliName(), () -> sketchApply(p, k, plan.applyTiming())));
            }
        }
        return jobs;
    }

    /** All measurements of {@code p}, with the ratio to EJML filled in. */
    static List<ResultRow> run(LsProblem p, Plan plan, boolean sketchApply) {
        return runOnly(p, plan, sketchApply, null);
    }

    /**
     * The measurements of {@code p} whose "method|sketch" is in {@code keys} (all when null), with the ratio to
     * EJML filled in where this call measured EJML.
     */
    static List<ResultRow> runOnly(LsProblem p, Plan plan, boolean sketchApply, java.util.Set<String> keys) {
        List<ResultRow> rows = new ArrayList<>();
        for (Job j : jobs(p, plan, sketchApply)) {
            if (keys == null || keys.contains(j.key())) {
                rows.add(j.run().get());
            }
        }
        double ejml = rows.stream().filter(r -> r.method().equals("ejml-qr") && r.ok()).mapToDouble(ResultRow::seconds)
                .findFirst().orElse(Double.NaN);
        rows.replaceAll(r -> r.ok() && ejml > 0 && !r.method().equals("sketch-apply") ? r.withSpeedup(ejml / r.seconds())
                : r);
        return rows;
    }

    /** The time to form S·A with m = 4·d (the preconditioner's sketch) for one family. */
    private static ResultRow sketchApply(LsProblem p, SketchKind k, Timer.Settings timing) {
        int m = LeastSquares.defaultPreconditionerRows(p.n(), p.d());
        Matrix a = p.a();
        try {
            Timer.Measured<DenseMatrix> t = Timer.measure(timing, () -> Sketches.create(k, m, p.n(), SEED).sketch(a));
            System.err.printf(Locale.ROOT, "    %-22s %-12s m=%-5d %9.4f s%s, cpu/wall %.2f%n", "sketch-apply",
                    k.cliName(), m, t.median(), t.cold() ? " (cold)" : "", t.cpuPerWall());
            return row(p, "sketch-apply", k.cliName(), m, "ok", true, 0, Accuracy.NONE, t, Double.NaN, Double.NaN,
                    Double.NaN, "S·A only (Sketches.create + sketch(A))");
        } catch (UnsupportedOperationException e) {
            return failed(p, "sketch-apply", k.cliName(), m, "unsupported", e);
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed(p, "sketch-apply", k.cliName(), m, "failed", e);
        }
    }

    private static ResultRow sparrow(LsProblem p, String method, LeastSquaresOptions o, Timer.Settings timing) {
        String sketch = method.startsWith("sketch") ? o.sketch().cliName() : "";
        int m = o.sketchRows();
        try {
            LeastSquaresResult[] last = new LeastSquaresResult[1];
            Timer.Measured<LeastSquaresResult> t = Timer.measure(timing,
                    () -> last[0] = LeastSquares.solve(p.a(), p.b(), o));
            LeastSquaresResult f = t.first();
            LeastSquaresResult l = last[0];
            Accuracy acc = Accuracy.of(p, f.solution());
            int rows = f.sketch() == null ? 0 : f.sketch().rows();
            log(p, method, sketch, rows, acc, t, f.iterations());
            return row(p, method, sketch, rows, "ok", f.converged(), f.iterations(), acc, t, l.timings().sketch(),
                    l.timings().factor(), l.timings().solve(), f.detail());
        } catch (UnsupportedOperationException e) {
            return failed(p, method, sketch, m, "unsupported", e);
        } catch (IllegalArgumentException e) {
            return failed(p, method, sketch, m, "refused", e);
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed(p, method, sketch, m, "failed", e);
        }
    }

    private static ResultRow ejml(LsProblem p, Timer.Settings timing) {
        long need = 8L * p.n() * p.d() * (p.a() instanceof DenseMatrix ? 1 : 2);
        if (!fits(need)) {
            return skipped(p, "ejml-qr", "", 0, noRoom(need));
        }
        String modifies = DensePeers.ejmlModifies(p.n(), p.d());
        double[] a = Problems.denseData(p);
        return peer(p, "ejml-qr", timing, modifies.isEmpty() ? "" : "EJML modifies " + modifies,
                () -> DensePeers.ejml(modifies.contains("A") ? a.clone() : a, p.n(), p.d(),
                        modifies.contains("b") ? p.b().clone() : p.b()));
    }

    private static ResultRow ojalgo(LsProblem p, Timer.Settings timing) {
        long need = 8L * p.n() * p.d() * (p.a() instanceof DenseMatrix ? 2 : 3);
        if (!fits(need)) {
            return skipped(p, "ojalgo-qr", "", 0, noRoom(need));
        }
        R064Store a = DensePeers.ojalgoMatrix(Problems.denseData(p), p.n(), p.d());
        return peer(p, "ojalgo-qr", timing, "", () -> DensePeers.ojalgo(a, p.b()));
    }

    private static ResultRow peer(LsProblem p, String method, Timer.Settings timing, String note, Supplier<double[]> solve) {
        try {
            Timer.Measured<double[]> t = Timer.measure(timing, solve);
            Accuracy acc = Accuracy.of(p, t.first());
            log(p, method, "", 0, acc, t, 0);
            return row(p, method, "", 0, "ok", true, 0, acc, t, Double.NaN, Double.NaN, Double.NaN, note);
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed(p, method, "", 0, "failed", e);
        }
    }

    /**
     * Uniform row sampling, solved by EJML's pivoted-QR least squares (minimum norm when the sample loses
     * rank): not a Sparrow method, the contrast that shows why coherent problems need a mixing sketch.
     */
    private static ResultRow uniformSampling(LsProblem p, int m, Timer.Settings timing) {
        if (!(p.a() instanceof DenseMatrix a)) {
            return skipped(p, "uniform-sample-solve", "uniform", m, "dense problems only");
        }
        int n = p.n();
        int d = p.d();
        int[] rowsPicked = sample(n, m, SEED);
        try {
            Timer.Measured<double[]> t = Timer.measure(timing, () -> {
                double[] sa = new double[m * d];
                double[] sb = new double[m];
                double[] ad = a.data();
                for (int i = 0; i < m; i++) {
                    System.arraycopy(ad, rowsPicked[i] * d, sa, i * d, d);
                    sb[i] = p.b()[rowsPicked[i]];
                }
                LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
                if (!s.setA(DMatrixRMaj.wrap(m, d, sa))) {
                    throw new IllegalStateException("EJML's pivoted QR refused the sample");
                }
                DMatrixRMaj x = new DMatrixRMaj(d, 1);
                s.solve(DMatrixRMaj.wrap(m, 1, sb), x);
                return x.data;
            });
            Accuracy acc = Accuracy.of(p, t.first());
            log(p, "uniform-sample-solve", "uniform", m, acc, t, 0);
            return row(p, "uniform-sample-solve", "uniform", m, "ok", true, 0, acc, t, Double.NaN, Double.NaN, Double.NaN,
                    "suite-only contrast: m rows sampled uniformly; EJML pivoted-QR least squares");
        } catch (RuntimeException e) {
            return failed(p, "uniform-sample-solve", "uniform", m, "failed", e);
        }
    }

    /** m distinct indices of [0, n), sorted. */
    static int[] sample(int n, int m, long seed) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + r.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, m);
        Arrays.sort(out);
        return out;
    }

    /**
     * The suite's accuracy figures for one x.
     *
     * @param errInf   ‖x − x*‖∞/‖x*‖∞
     * @param err2     ‖x − x*‖₂/‖x*‖₂
     * @param residual ‖A·x − b‖
     * @param excess   ‖A(x − x*)‖²/(‖A·x − b‖ + ‖A·x* − b‖)/‖b‖
     */
    record Accuracy(double errInf, double err2, double residual, double excess) {

        static final Accuracy NONE = new Accuracy(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        static Accuracy of(LsProblem p, double[] x) {
            double[] xs = p.xStar();
            if (x == null || x.length != xs.length) {
                throw new IllegalStateException("solution has length " + (x == null ? "null" : x.length) + ", expected "
                        + xs.length);
            }
            double[] e = new double[x.length];
            double eInf = 0;
            double xInf = 0;
            for (int i = 0; i < x.length; i++) {
                e[i] = x[i] - xs[i];
                eInf = Math.max(eInf, Math.abs(e[i]));
                xInf = Math.max(xInf, Math.abs(xs[i]));
                if (Double.isNaN(e[i])) {
                    eInf = Double.NaN;
                }
            }
            double[] ax = new double[p.n()];
            p.a().apply(x, ax);
            for (int i = 0; i < ax.length; i++) {
                ax[i] -= p.b()[i];
            }
            double res = Problems.norm(ax);
            double[] ae = new double[p.n()];
            p.a().apply(e, ae);
            double aen = Problems.norm(ae);
            double denom = res + p.optResidual();
            double excess = denom == 0 ? 0 : aen * aen / denom / p.bNorm();
            return new Accuracy(eInf / xInf, Problems.norm(e) / Problems.norm(xs), res, excess);
        }
    }

    private static ResultRow row(LsProblem p, String method, String sketch, int m, String status, boolean converged,
                                 int iterations, Accuracy acc, Timer.Measured<?> t, double sketchS, double factorS,
                                 double solveS, String note) {
        return new ResultRow(p.name(), p.kind(), p.n(), p.d(), p.cond(), p.noise(), p.coherent(), method, sketch, m,
                Parallelism.defaultThreads(), status, converged, iterations, acc.errInf(), acc.err2(), acc.residual(),
                acc.excess(), t.median(), t.min(), t.runs(), t.cold(), sketchS, factorS, solveS, t.cpuPerWall(), Double.NaN,
                note);
    }

    private static ResultRow skipped(LsProblem p, String method, String sketch, int m, String why) {
        System.err.printf(Locale.ROOT, "    %-22s %-12s skipped: %s%n", method, sketch, why);
        return new ResultRow(p.name(), p.kind(), p.n(), p.d(), p.cond(), p.noise(), p.coherent(), method, sketch, m,
                Parallelism.defaultThreads(), "skipped", false, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
    }

    private static ResultRow failed(LsProblem p, String method, String sketch, int m, String status, Throwable e) {
        String why = e.getClass().getSimpleName() + ": " + e.getMessage();
        System.err.printf(Locale.ROOT, "    %-22s %-12s %s: %s%n", method, sketch, status, why);
        return new ResultRow(p.name(), p.kind(), p.n(), p.d(), p.cond(), p.noise(), p.coherent(), method, sketch, m,
                Parallelism.defaultThreads(), status, false, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
    }

    private static void log(LsProblem p, String method, String sketch, int m, Accuracy acc, Timer.Measured<?> t, int its) {
        System.err.printf(Locale.ROOT, "    %-22s %-12s m=%-5d its=%-4d err_inf %.2e err_2 %.2e excess %.2e  %9.4f s%s%n",
                method, sketch, m, its, acc.errInf(), acc.err2(), acc.excess(), t.median(), t.cold() ? " (cold)" : "");
    }

    /** Whether {@code bytes} more fit in the heap, with a margin (after a GC). */
    static boolean fits(long bytes) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return bytes < 0.85 * free;
    }

    private static String noRoom(long need) {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "its dense copies need %.1f GB and the heap (max %.1f GB) has "
                + "%.1f GB free; run with a larger -Xmx (SPARROW_JAVA_OPTS)", need / 1e9, rt.maxMemory() / 1e9,
                (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 1e9);
    }
}
