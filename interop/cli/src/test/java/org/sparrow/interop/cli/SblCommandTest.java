package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.core.structured.KroneckerOperator;
import org.sparrow.solvers.sbl.NoiseVariance;
import org.sparrow.solvers.sbl.Sbl;
import org.sparrow.solvers.sbl.SblMethod;
import org.sparrow.solvers.sbl.SblOptions;
import org.sparrow.solvers.sbl.SblResult;

/**
 * {@code sparrow sbl}: a small seeded Kronecker problem written to .mtx files, the command's x̂ read back
 * and compared with the library call {@link Sbl#solve} on the same inputs; the JSON keys of the issue;
 * each bad input one sentence with the right exit code.
 */
class SblCommandTest {

    /** The keys issue 12 asks of {@code sbl --json}, in order. */
    private static final List<String> KEYS = List.of("method", "converged", "reason", "iterations", "seconds",
            "support_size", "noise_variance", "relative_residual", "rows", "cols", "factors");

    /** Factor shapes {M_k, N_k} of the generated problem: A is 60×96. */
    private static final int[][] SHAPES = {{4, 6}, {5, 4}, {3, 4}};

    @TempDir
    Path tmp;

    /** The generated problem: its files and the product's size. */
    private record Problem(Path y, List<Path> factors, int rows, int cols) {
        String[] args(String... more) {
            List<String> a = new ArrayList<>();
            a.add("sbl");
            a.add(y.toString());
            for (Path f : factors) {
                a.add("--factor");
                a.add(f.toString());
            }
            a.addAll(List.of(more));
            return a.toArray(new String[0]);
        }
    }

    /**
     * Gaussian factors (the first written as a Matrix Market array, the others as coordinate files), a
     * Kronecker signal x = x₁⊗x₂⊗x₃ with two nonzeros per factor, y = A·x plus noise at about 30 dB.
     */
    private Problem problem(long seed) throws IOException {
        Random rnd = new Random(seed);
        List<Matrix> factors = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        double[] x = {1.0};
        for (int k = 0; k < SHAPES.length; k++) {
            int m = SHAPES[k][0];
            int n = SHAPES[k][1];
            double[] d = new double[m * n];
            for (int i = 0; i < d.length; i++) {
                d[i] = rnd.nextGaussian() / Math.sqrt(m);
            }
            DenseMatrix a = new DenseMatrix(m, n, d);
            factors.add(a);
            Path f = tmp.resolve("A" + (k + 1) + ".mtx");
            MatrixMarket.write(k == 0 ? a : a.toCsr(), f, MatrixMarketWriteOptions.defaults()
                    .withFormat(k == 0 ? Format.ARRAY : Format.COORDINATE));
            files.add(f);
            double[] xk = new double[n];
            int first = rnd.nextInt(n);
            int second = (first + 1 + rnd.nextInt(n - 1)) % n;
            xk[first] = 1 + rnd.nextDouble();
            xk[second] = -(1 + rnd.nextDouble());
            x = kron(x, xk);
        }
        KroneckerOperator a = KroneckerOperator.of(factors);
        double[] y = a.apply(x);
        double power = 0;
        for (double v : y) {
            power += v * v / y.length;
        }
        double sigma = Math.sqrt(power / 1000); // 30 dB
        for (int i = 0; i < y.length; i++) {
            y[i] += sigma * rnd.nextGaussian();
        }
        Path yFile = tmp.resolve("y.mtx");
        writeVector(yFile, y);
        return new Problem(yFile, files, a.rows(), a.cols());
    }

    private static double[] kron(double[] a, double[] b) {
        double[] k = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                k[i * b.length + j] = a[i] * b[j];
            }
        }
        return k;
    }

    private static void writeVector(Path file, double[] v) throws IOException {
        MatrixMarket.write(new DenseMatrix(v.length, 1, v), file, MatrixMarketWriteOptions.defaults().withFormat(Format.ARRAY));
    }

    /** The library call on the same files the command read. */
    private static SblResult library(Problem p, SblOptions options) throws IOException {
        List<CsrMatrix> factors = new ArrayList<>();
        for (Path f : p.factors()) {
            factors.add(MatrixMarket.readCsr(f));
        }
        return Sbl.solve(factors, MatrixMarket.readVector(p.y()), options);
    }

    private static Map<String, Object> json(Cli.Result r) {
        return JsonReader.parseObject(r.out().strip());
    }

    private static double number(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    // ---- results -------------------------------------------------------------------------------

    @Test
    void everyMethodWritesTheLibrarysEstimateAndReportsTheIssuesJsonKeys() throws IOException {
        Problem p = problem(1);
        for (SblMethod method : SblMethod.values()) {
            Path x = tmp.resolve("x-" + method.cliName() + ".mtx");
            Cli.Result r = Cli.run(p.args("--json", "--method", method.cliName(), "--snr", "30", "-o", x.toString()));
            assertTrue(r.exitCode() == 0 || r.exitCode() == SparrowCli.EXIT_NOT_CONVERGED, r::toString);
            Map<String, Object> j = json(r);
            assertEquals(KEYS, new ArrayList<>(j.keySet()), "the keys of the issue, in order");

            SblResult expected = library(p, SblOptions.defaults().withMethod(method)
                    .withNoise(new NoiseVariance.FromSnr(30)));
            double[] actual = MatrixMarket.readVector(x);
            assertEquals(p.cols(), actual.length, "x̂ has length ∏N_k");
            double[] mean = expected.mean();
            for (int i = 0; i < mean.length; i++) {
                assertEquals(mean[i], actual[i], 1e-12 * (1 + Math.abs(mean[i])), method + ": x̂(" + (i + 1) + ")");
            }
            assertEquals(method.cliName(), j.get("method"));
            assertEquals(expected.converged(), j.get("converged"));
            assertEquals(r.exitCode() == 0, expected.converged(), "exit 3 exactly when not converged");
            assertEquals(expected.reason().name().toLowerCase(Locale.ROOT), j.get("reason"));
            assertEquals(expected.iterations(), ((BigDecimal) j.get("iterations")).intValue());
            assertEquals(expected.support().length, ((BigDecimal) j.get("support_size")).intValue());
            assertEquals(expected.noiseVariance(), number(j.get("noise_variance")), 1e-12 * expected.noiseVariance());
            assertEquals(expected.relativeResidual(), number(j.get("relative_residual")), 1e-9);
            double rel = number(j.get("relative_residual"));
            assertTrue(rel >= 0 && rel < 0.5, method + ": relative residual " + rel);
            assertTrue(number(j.get("seconds")) >= 0);
            assertEquals(p.rows(), ((BigDecimal) j.get("rows")).intValue());
            assertEquals(p.cols(), ((BigDecimal) j.get("cols")).intValue());
            assertEquals(SHAPES.length, ((BigDecimal) j.get("factors")).intValue());
            int support = ((BigDecimal) j.get("support_size")).intValue();
            assertTrue(support >= 1 && support <= p.cols(), "support size " + support);
        }
    }

    @Test
    void textReportNamesTheFilesTheMethodAndTheFigures() throws IOException {
        Problem p = problem(2);
        Cli.Result r = Cli.run(p.args("--method", "am", "--noise-variance", "1e-3"));
        assertTrue(r.exitCode() == 0 || r.exitCode() == SparrowCli.EXIT_NOT_CONVERGED, r::toString);
        String out = r.out();
        assertTrue(out.contains("A1.mtx (4x6) ⊗ ") && out.contains("A is 60x96, never formed"), out);
        assertTrue(out.contains("AM-KroSBL (am)"), out);
        assertTrue(out.contains("noise variance:") && out.contains("known, --noise-variance"), out);
        assertTrue(out.contains("support size:") && out.contains(" of 96 coefficients"), out);
        assertTrue(out.contains("relative residual:"), out);
    }

    @Test
    void bundledExampleFindsTheFourNonzerosWithAm() throws IOException {
        Path x = tmp.resolve("x.mtx");
        Cli.Result r = Cli.run("sbl", TestData.tracked("examples", "sbl", "y.mtx").toString(),
                "--factor", TestData.tracked("examples", "sbl", "A1.mtx").toString(),
                "--factor", TestData.tracked("examples", "sbl", "A2.mtx").toString(),
                "--method", "am", "--snr", "25", "-o", x.toString());
        assertEquals(0, r.exitCode(), r::toString);
        double[] truth = MatrixMarket.readVector(TestData.tracked("examples", "sbl", "x.mtx"));
        double[] est = MatrixMarket.readVector(x);
        double max = 0;
        double err = 0;
        double norm = 0;
        for (int i = 0; i < est.length; i++) {
            max = Math.max(max, Math.abs(est[i]));
            err += (est[i] - truth[i]) * (est[i] - truth[i]);
            norm += truth[i] * truth[i];
        }
        List<Integer> support = new ArrayList<>();
        for (int i = 0; i < est.length; i++) {
            if (Math.abs(est[i]) > 1e-3 * max) {
                support.add(i + 1);
            }
        }
        assertEquals(List.of(21, 25, 71, 75), support, "the 1-based support examples/README.md states");
        assertTrue(err / norm < 1e-2, "NMSE " + err / norm);
    }

    @Test
    void iterationLimitReachedExitsThreeAndStillWritesX() throws IOException {
        Problem p = problem(3);
        Path x = tmp.resolve("x.mtx");
        Cli.Result r = Cli.run(p.args("--json", "--max-iterations", "1", "--tol", "1e-12", "-o", x.toString()));
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(Boolean.FALSE, j.get("converged"));
        assertEquals("max_iterations", j.get("reason"));
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: ") && r.err().contains("did not converge"), r::toString);
        assertEquals(p.cols(), MatrixMarket.readVector(x).length);
    }

    @Test
    void outputDashWritesXToStdoutAndTheReportToStderr() throws IOException {
        Problem p = problem(15);
        Path x = tmp.resolve("x.mtx");
        Cli.Result file = Cli.run(p.args("--method", "svd", "--snr", "30", "-o", x.toString()));
        Cli.Result r = Cli.run(p.args("--method", "svd", "--snr", "30", "-o", "-"));
        assertEquals(file.exitCode(), r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("%%MatrixMarket matrix array real general"), r::toString);
        assertTrue(r.err().contains("support size:") && r.err().matches("(?s).*x written to: +stdout.*"), r::toString);
        Path piped = tmp.resolve("piped.mtx");
        Files.writeString(piped, r.out());
        assertArrayEquals(MatrixMarket.readVector(x), MatrixMarket.readVector(piped));
    }

    @Test
    void measurementFromStandardInputGivesTheSameEstimate() throws IOException {
        Problem p = problem(4);
        Path fromFile = tmp.resolve("file.mtx");
        Path fromStdin = tmp.resolve("stdin.mtx");
        Cli.Result a = Cli.run(p.args("--snr", "30", "-o", fromFile.toString()));
        String[] args = p.args("--snr", "30", "-o", fromStdin.toString());
        args[1] = "-";
        InputStream saved = System.in;
        Cli.Result b;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(p.y())));
            b = Cli.run(args);
        } finally {
            System.setIn(saved);
        }
        assertEquals(a.exitCode(), b.exitCode(), b::toString);
        assertArrayEquals(MatrixMarket.readVector(fromFile), MatrixMarket.readVector(fromStdin));
        assertTrue(b.out().contains("standard input"), b::toString);
    }

    @Test
    void helpListsEveryMethodOfTheRegistryAndTheCommonOptions() {
        Cli.Result r = Cli.run("sbl", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        String help = r.out().replaceAll("\\s+", " ");
        for (SblMethod m : SblMethod.values()) {
            assertTrue(help.contains(" " + m.cliName() + " " + m.description()), m + ": " + r.out());
        }
        for (String option : new String[] {"--factor", "--noise-variance", "--snr", "--estimate-noise", "--beta",
            "--max-iterations", "--tol", "--output", "--json", "--threads", "--verbose"}) {
            assertTrue(help.contains(option), option + ": " + r.out());
        }
        assertTrue(Cli.run("--help").out().contains("sbl"), "sparrow --help lists sbl");
    }

    @Test
    void progressBarNamesTheQuantityItFollows() {
        java.io.StringWriter text = new java.io.StringWriter();
        try (ProgressBar bar = new ProgressBar(new java.io.PrintWriter(text), 1e-4, "‖Δγ‖/‖γ‖")) {
            bar.draw(3, 1e-2, 0.5);
            assertTrue(text.toString().contains("iteration 3, ‖Δγ‖/‖γ‖ 0.010, 0.5 s"), text.toString());
            assertTrue(text.toString().contains("[" + "#".repeat(15) + " ".repeat(15) + "]"), "half way on a log scale");
        }
    }

    // ---- bad input -----------------------------------------------------------------------------

    @Test
    void measurementOfTheWrongLengthExitsOneWithTheSizes() throws IOException {
        Problem p = problem(5);
        writeVector(p.y(), new double[59]);
        Cli.Result r = Cli.run(p.args());
        assertOneLineFailure(r, "y.mtx has 59 entries", "4x6 ⊗ 5x4 ⊗ 3x4 = 60x96", "y needs 60");
    }

    @Test
    void nanInTheMeasurementOrAFactorExitsOneNamingTheEntry() throws IOException {
        Problem p = problem(6);
        Files.writeString(p.y(), "%%MatrixMarket matrix array real general\n60 1\n0.5\nnan\n" + "1\n".repeat(58));
        Cli.Result r = Cli.run(p.args());
        assertOneLineFailure(r, "y.mtx: y(2) = NaN is not finite");

        Problem q = problem(7);
        Path bad = q.factors().get(1);
        Files.writeString(bad, "%%MatrixMarket matrix coordinate real general\n5 4 2\n1 1 1.5\n3 2 inf\n");
        r = Cli.run(q.args());
        assertOneLineFailure(r, "A2.mtx: A(3, 2) = Infinity");
    }

    @Test
    void factorWithNoNonzeroExitsOneNamingIt() throws IOException {
        Problem p = problem(8);
        Files.writeString(p.factors().get(2), "%%MatrixMarket matrix coordinate real general\n3 4 1\n2 2 0\n");
        Cli.Result r = Cli.run(p.args());
        assertOneLineFailure(r, "A3.mtx: the factor (3x4) has no nonzero entry");
    }

    @Test
    void missingFilesExitOneNamingThem() throws IOException {
        Problem p = problem(9);
        Files.delete(p.factors().get(0));
        assertOneLineFailure(Cli.run(p.args()), "A1.mtx", "no such file");
        Problem q = problem(10);
        Files.delete(q.y());
        assertOneLineFailure(Cli.run(q.args()), "y.mtx", "no such file");
    }

    @Test
    void classicOnAProductTooLargeToFormIsRefusedWithTheSize() throws IOException {
        // 3 identity-like factors 70×70: A would be 343000×343000, never formed by the Kronecker methods.
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            StringBuilder s = new StringBuilder("%%MatrixMarket matrix coordinate real general\n70 70 70\n");
            for (int i = 1; i <= 70; i++) {
                s.append(i).append(' ').append(i).append(" 1\n");
            }
            Path f = tmp.resolve("I" + k + ".mtx");
            Files.writeString(f, s.toString());
            files.add(f);
        }
        Path y = tmp.resolve("big-y.mtx");
        double[] v = new double[343_000];
        v[7] = 1;
        writeVector(y, v);
        Cli.Result r = Cli.run(new Problem(y, files, 343_000, 343_000).args("--method", "classic"));
        assertOneLineFailure(r, "343000");
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheOption() throws IOException {
        Problem p = problem(11);
        String[][] cases = {
            {"--noise-variance", "-1", "--noise-variance", "≥ 0"},
            {"--snr", "NaN", "--snr", "finite"},
            {"--beta", "1.5", "--beta", "[0, 1]"},
            {"--max-iterations", "0", "--max-iterations", "≥ 1"},
            {"--tol", "0", "--tol", "> 0"},
            {"--method", "lasso", "--method", "classic, am, svd, pc"},
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run(p.args(c[0], c[1]));
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), () -> c[0] + " " + c[1] + "\n" + r);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains(c[2]) && r.err().contains(c[3]), c[0] + ": " + r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void twoNoiseOptionsAreAUsageErrorNamingBoth() throws IOException {
        Problem p = problem(12);
        String[][] pairs = {{"--noise-variance", "0.1", "--snr", "20"}, {"--snr", "20", "--estimate-noise"},
            {"--estimate-noise", "--noise-variance", "0.1"}};
        for (String[] pair : pairs) {
            Cli.Result r = Cli.run(p.args(pair));
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            String first = pair[0];
            String second = pair[0].equals("--estimate-noise") ? pair[1] : pair[2];
            assertTrue(r.err().contains(first + " and " + second + " cannot be used together"), r::toString);
        }
    }

    @Test
    void usageErrorsForMissingFactorsTwoStdinsAndABadOutputName() throws IOException {
        Problem p = problem(13);
        Cli.Result noFactor = Cli.run("sbl", p.y().toString());
        assertEquals(SparrowCli.EXIT_USAGE, noFactor.exitCode(), noFactor::toString);
        assertTrue(noFactor.err().contains("--factor"), noFactor::toString);

        Cli.Result twoStdins = Cli.run("sbl", "-", "--factor", "-");
        assertEquals(SparrowCli.EXIT_USAGE, twoStdins.exitCode(), twoStdins::toString);
        assertTrue(twoStdins.err().contains("y and --factor 1 cannot both read standard input"), twoStdins::toString);

        Path csv = tmp.resolve("x.csv");
        Cli.Result badName = Cli.run(p.args("-o", csv.toString()));
        assertEquals(SparrowCli.EXIT_USAGE, badName.exitCode(), badName::toString);
        assertFalse(Files.exists(csv), "nothing written");

        Cli.Result jsonAndStdout = Cli.run(p.args("--json", "-o", "-"));
        assertEquals(SparrowCli.EXIT_USAGE, jsonAndStdout.exitCode(), jsonAndStdout::toString);
    }

    @Test
    void failedRunLeavesAnExistingOutputUntouched() throws IOException {
        Problem p = problem(14);
        Path x = tmp.resolve("x.mtx");
        Files.writeString(x, "keep me", StandardCharsets.UTF_8);
        writeVector(p.y(), new double[7]);
        Cli.Result r = Cli.run(p.args("-o", x.toString()));
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals("keep me", Files.readString(x));
    }

    private static void assertOneLineFailure(Cli.Result r, String... parts) {
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: "), r::toString);
        for (String part : parts) {
            assertTrue(r.err().contains(part), () -> "'" + part + "' missing from: " + r.err());
        }
        assertFalse(r.err().contains("Exception"), r::toString);
        assertEquals("", r.out());
    }
}
