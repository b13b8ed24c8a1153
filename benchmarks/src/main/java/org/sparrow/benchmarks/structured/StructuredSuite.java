package org.sparrow.benchmarks.structured;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.Parallelism;

/**
 * The structured-matrix benchmark of issue 15, all in one run on one machine:
 * <ol>
 *   <li><b>Monarch multiply</b> against the dense product of the same matrix: for n = 256, 1024, 4096, 16384
 *       (b = √n blocks), {@code MonarchMatrix.apply}/{@code applyBlock} against Sparrow's
 *       {@code DenseProducts} (all threads) and EJML's {@code CommonOps_DDRM.mult} on a {@code DMatrixRMaj}
 *       wrapping the same array, for a vector (k = 1) and a block (k = 16); medians of warmed repetitions
 *       (the harness {@link Timer}); every product is checked against the Monarch one;</li>
 *   <li><b>Projection</b> ({@code MonarchMatrix.project}) time against n, on a Monarch input (the error must
 *       vanish) and on a Gaussian dense input, each error recomputed here entry by entry;</li>
 *   <li><b>Completion</b> on synthetic incoherent rank-k matrices ({@link CompletionProblem}): a k sweep at
 *       one size with one Ω (|Ω| sized for the largest k, so that only k changes), a size sweep at a small k,
 *       exact and sketched AM, and the {@link HardImpute} baseline at the smaller sizes.</li>
 * </ol>
 * Output in the results folder (default {@code benchmarks/results/structured}): {@code report.md},
 * {@code multiply.csv}, {@code projection.csv}, {@code completion.csv}, {@code multiply.png} and
 * {@code completion_k.png}. See {@link #USAGE}.
 */
public final class StructuredSuite {

    static final String USAGE = """
            usage: StructuredSuite [RESULTS_DIR] [--quick] [--parts multiply,projection,k-sweep,size-sweep] [--sizes n,...]
                                   [--block-width K] [--no-ejml] [--projection-sizes n,...] [--projection-cap S]
                                   [--k-size N] [--ranks k,...] [--k-c C] [--sweep-sizes n,...] [--sweep-rank K]
                                   [--c C] [--iterations N] [--impute-sizes n,...] [--impute-iterations N] [--seed S]
              RESULTS_DIR          default benchmarks/results/structured
              --quick              small sizes and few iterations (a check run of a minute or two)
              --parts              which parts to run (default all four)
              --sizes              Monarch multiply orders, squares (default 256,1024,4096,16384; quick 256,1024,4096)
              --block-width        columns of the block product (default 16)
              --no-ejml            skip EJML in the multiply
              --projection-sizes   projection orders, squares (default 256,1024,4096,16384; quick 256,1024)
              --projection-cap     do not start a projection predicted to take longer (seconds; default 120, quick 20)
              --k-size             m = n of the k sweep (default 1000; quick 400)
              --ranks              the k sweep's ranks (default 5,10,20,40,80,100; quick 5,10,20,40)
              --k-c                the k sweep's c: |Ω| = c·n·k_max·ln n for every k (default 1)
              --sweep-sizes        m = n of the size sweep (default 2000,5000,10000,20000; quick 1000,2000)
              --sweep-rank         k of the size sweep (default 5)
              --c                  the size sweep's c: |Ω| = c·n·k·ln n (default 2)
              --iterations         AM's iteration cap (default 25; quick 15)
              --impute-sizes       sizes also run by hard-impute, with AM (default 1000,2000,5000; quick 1000)
              --impute-iterations  hard-impute's iteration cap (default 200; quick 100)
              --seed               the base seed (default 15)""";

    static final Args.Spec ARGS = Args.spec("StructuredSuite", USAGE).positional("RESULTS_DIR")
            .flags("--quick", "--no-ejml")
            .options("--parts", "--sizes", "--block-width", "--projection-sizes", "--projection-cap", "--k-size",
                    "--ranks", "--k-c", "--sweep-sizes", "--sweep-rank", "--c", "--iterations", "--impute-sizes",
                    "--impute-iterations", "--seed");

    /**
     * The suite's settings (see {@link #USAGE}).
     *
     * @param results          the results folder
     * @param quick            a check run
     * @param parts            the parts to run
     * @param sizes            the multiply orders
     * @param blockWidth       the block's columns
     * @param ejml             whether EJML is timed
     * @param projectionSizes  the projection orders
     * @param projectionCap    the longest predicted projection started, seconds
     * @param kSize            m = n of the k sweep
     * @param ranks            the k sweep's ranks
     * @param kC               the k sweep's c
     * @param sweepSizes       the size sweep's orders
     * @param sweepRank        the size sweep's k
     * @param c                the size sweep's c
     * @param iterations       AM's cap
     * @param imputeSizes      the hard-impute sizes
     * @param imputeIterations hard-impute's cap
     * @param seed             the base seed
     */
    record Settings(Path results, boolean quick, List<String> parts, int[] sizes, int blockWidth, boolean ejml,
                    int[] projectionSizes, double projectionCap, int kSize, int[] ranks, double kC, int[] sweepSizes,
                    int sweepRank, double c, int iterations, int[] imputeSizes, int imputeIterations, long seed) {

        boolean runs(String part) {
            return parts.contains(part);
        }

        /** The multiply's timing: warmed medians (quick: fewer runs, a smaller budget). */
        Timer.Settings multiplyTiming() {
            return quick ? new Timer.Settings(2, 0.2, 5, 0.005, 2, 2) : new Timer.Settings(5, 0.5, 11, 0.02, 8, 4);
        }

        /** The projection's timing: one warm-up, the median of three, a slow cold call alone. */
        Timer.Settings projectionTiming() {
            return Timer.Settings.unbatched(1, 0, quick ? 1 : 3, quick ? 5 : 20, quick ? 1 : 3);
        }
    }

    private StructuredSuite() {
    }

    /**
     * Runs the suite.
     *
     * @param args see {@link #USAGE}
     * @throws Exception on an I/O failure writing the results
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings s = ARGS.parseOrExit(args, StructuredSuite::settings);
        Files.createDirectories(s.results());
        Instant start = Instant.now();
        MachineInfo machine = MachineInfo.probe();
        int threads = Parallelism.defaultThreads();

        List<MonarchStudy.MultiplyRow> multiply = List.of();
        List<MonarchStudy.ProjectionRow> projection = List.of();
        List<CompletionStudy.Row> completion = new ArrayList<>();
        if (s.runs("multiply")) {
            System.err.println("Monarch multiply:");
            MonarchStudy.multiply(new int[] {64, 256}, s.blockWidth(), s.ejml(), s.multiplyTiming(), s.seed() + 1);
            multiply = MonarchStudy.multiply(s.sizes(), s.blockWidth(), s.ejml(), s.multiplyTiming(), s.seed());
        }
        if (s.runs("projection")) {
            System.err.println("Monarch projection:");
            MonarchStudy.projection(new int[] {64, 256}, Double.POSITIVE_INFINITY, s.projectionTiming(), s.seed() + 1);
            projection = MonarchStudy.projection(s.projectionSizes(), s.projectionCap(), s.projectionTiming(), s.seed());
        }
        if (s.runs("k-sweep") || s.runs("size-sweep")) {
            System.err.println("Completion:");
            CompletionStudy.warmUp(s.seed() + 1);
        }
        if (s.runs("k-sweep")) {
            int kMax = Arrays.stream(s.ranks()).max().orElseThrow();
            for (int k : s.ranks()) {
                CompletionProblem p = CompletionProblem.generate(s.kSize(), s.kSize(), k, kMax, s.kC(), s.seed() + k);
                completion.addAll(CompletionStudy.am("k-sweep", p, kMax, s.iterations(), s.seed()));
            }
        }
        if (s.runs("size-sweep")) {
            for (int n : s.sweepSizes()) {
                CompletionProblem p = CompletionProblem.generate(n, n, s.sweepRank(), s.sweepRank(), s.c(),
                        s.seed() + 1000L + n);
                completion.addAll(CompletionStudy.am("size-sweep", p, s.sweepRank(), s.iterations(), s.seed()));
                if (Arrays.stream(s.imputeSizes()).anyMatch(x -> x == n)) {
                    completion.add(CompletionStudy.hardImpute("size-sweep", p, s.imputeIterations(), s.seed()));
                }
            }
            for (int n : s.imputeSizes()) {
                if (Arrays.stream(s.sweepSizes()).noneMatch(x -> x == n)) {
                    CompletionProblem p = CompletionProblem.generate(n, n, s.sweepRank(), s.sweepRank(), s.c(),
                            s.seed() + 1000L + n);
                    completion.addAll(CompletionStudy.am("size-sweep", p, s.sweepRank(), s.iterations(), s.seed()));
                    completion.add(CompletionStudy.hardImpute("size-sweep", p, s.imputeIterations(), s.seed()));
                }
            }
        }
        Duration wall = Duration.between(start, Instant.now());
        StructuredReport.write(s, multiply, projection, completion, machine, threads, wall, String.join(" ", args));
        System.err.printf(Locale.ROOT, "wrote %s and its csv and png files (%d min %d s)%n",
                s.results().resolve("report.md"), wall.toMinutes(), wall.toSecondsPart());
    }

    static Settings settings(Args a) {
        boolean quick = a.has("--quick");
        List<String> all = List.of("multiply", "projection", "k-sweep", "size-sweep");
        List<String> parts = a.has("--parts") ? a.list("--parts") : all;
        for (String p : parts) {
            if (!all.contains(p)) {
                throw new IllegalArgumentException("--parts takes multiply, projection, k-sweep and size-sweep, not '"
                        + p + "'");
            }
        }
        int[] sizes = a.integers("--sizes", quick ? new int[] {256, 1024, 4096} : new int[] {256, 1024, 4096, 16384});
        int[] proj = a.integers("--projection-sizes", quick ? new int[] {256, 1024} : new int[] {256, 1024, 4096, 16384});
        for (int[] list : new int[][] {sizes, proj}) {
            for (int n : list) {
                MonarchStudy.blocksFor(n);
            }
        }
        Arrays.sort(proj);
        int kSize = a.integer("--k-size", quick ? 400 : 1000, 2);
        int[] ranks = a.integers("--ranks", quick ? new int[] {5, 10, 20, 40} : new int[] {5, 10, 20, 40, 80, 100});
        for (int k : ranks) {
            if (k > kSize) {
                throw new IllegalArgumentException("--ranks: rank " + k + " exceeds --k-size " + kSize);
            }
        }
        return new Settings(a.positional(Path.of("benchmarks/results/structured")), quick, parts, sizes,
                a.integer("--block-width", 16, 2), !a.has("--no-ejml"), proj,
                a.number("--projection-cap", quick ? 20 : 120, 0), kSize, ranks, a.number("--k-c", 1, 0),
                a.integers("--sweep-sizes", quick ? new int[] {1000, 2000} : new int[] {2000, 5000, 10000, 20000}),
                a.integer("--sweep-rank", 5, 1), a.number("--c", 2, 0), a.integer("--iterations", quick ? 15 : 25, 1),
                a.integers("--impute-sizes", quick ? new int[] {1000} : new int[] {1000, 2000, 5000}),
                a.integer("--impute-iterations", quick ? 100 : 200, 1), a.integer("--seed", 15, 0));
    }
}
