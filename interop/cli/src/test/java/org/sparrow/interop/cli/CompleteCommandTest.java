package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.sketching.completion.CompletionMethod;

class CompleteCommandTest {

    /** The keys of {@code complete --json} that issue 15 fixes, in order, before any others. */
    private static final List<String> KEYS = List.of("rank", "method", "converged", "reason", "iterations",
            "training_rmse", "validation_rmse", "seconds", "rows", "cols", "observed");

    @TempDir
    Path tmp;

    private static Map<String, Object> json(Cli.Result r) {
        return JsonReader.parseObject(r.out().strip());
    }

    private static double number(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    /** A hidden rank-k matrix M = U·Vᵀ, U and V seeded N(0, 1): incoherent with high probability. */
    private static DenseMatrix hidden(int rows, int cols, int k, long seed) {
        Random rnd = new Random(seed);
        double[] u = new double[rows * k];
        double[] v = new double[cols * k];
        for (int t = 0; t < u.length; t++) {
            u[t] = rnd.nextGaussian();
        }
        for (int t = 0; t < v.length; t++) {
            v[t] = rnd.nextGaussian();
        }
        return product(new DenseMatrix(rows, k, u), new DenseMatrix(cols, k, v));
    }

    /** U·Vᵀ by the triple loop: the reference product. */
    private static DenseMatrix product(DenseMatrix u, DenseMatrix v) {
        int k = u.cols();
        double[] m = new double[u.rows() * v.rows()];
        for (int i = 0; i < u.rows(); i++) {
            for (int j = 0; j < v.rows(); j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += u.get(i, c) * v.get(j, c);
                }
                m[i * v.rows() + j] = s;
            }
        }
        return new DenseMatrix(u.rows(), v.rows(), m);
    }

    private static double relativeDistance(DenseMatrix x, DenseMatrix y) {
        double d = 0;
        double n = 0;
        for (int t = 0; t < x.data().length; t++) {
            double e = x.data()[t] - y.data()[t];
            d += e * e;
            n += y.data()[t] * y.data()[t];
        }
        return Math.sqrt(d / n);
    }

    /**
     * Writes each entry of {@code m} with probability {@code fraction} (seeded) as a coordinate file, with at least
     * one entry per row and column guaranteed by the sampling rate used here (checked).
     */
    private Path observe(String name, DenseMatrix m, double fraction, long seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder body = new StringBuilder();
        int count = 0;
        int[] perCol = new int[m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            int perRow = 0;
            for (int j = 0; j < m.cols(); j++) {
                if (rnd.nextDouble() < fraction) {
                    body.append(i + 1).append(' ').append(j + 1).append(' ').append(m.get(i, j)).append('\n');
                    count++;
                    perRow++;
                    perCol[j]++;
                }
            }
            assertTrue(perRow > 0, "row " + (i + 1) + " observed");
        }
        for (int c : perCol) {
            assertTrue(c > 0);
        }
        return file(name, "%%MatrixMarket matrix coordinate real general\n" + m.rows() + " " + m.cols() + " " + count
                + "\n" + body);
    }

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static int count(Path obs) throws IOException {
        return (int) MatrixMarket.readHeader(obs).entries();
    }

    @Test
    void bothMethodsRecoverTheHiddenMatrixAndWriteFactorsThatReproduceIt() throws IOException {
        DenseMatrix m = hidden(80, 60, 3, 1);
        Path obs = observe("obs.mtx", m, 0.4, 2);
        for (CompletionMethod method : CompletionMethod.values()) {
            Path prefix = tmp.resolve("f-" + method.cliName());
            Cli.Result r = Cli.run("complete", obs.toString(), "--rank", "3", "--method", method.cliName(), "--json",
                    "-o", prefix.toString());
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("", r.err(), r::toString);
            Map<String, Object> j = json(r);
            assertEquals(KEYS, new ArrayList<>(j.keySet()).subList(0, KEYS.size()), r::toString);
            assertEquals(3, number(j.get("rank")));
            assertEquals(method.cliName(), j.get("method"));
            assertEquals(Boolean.TRUE, j.get("converged"));
            assertEquals("converged", j.get("reason"));
            assertTrue(number(j.get("iterations")) >= 1);
            assertTrue(number(j.get("training_rmse")) < 1e-8, r::toString);
            assertNull(j.get("validation_rmse"), "no validation asked for");
            assertEquals(80, number(j.get("rows")));
            assertEquals(60, number(j.get("cols")));
            assertEquals(count(obs), number(j.get("observed")));
            MatrixMarketData u = MatrixMarket.read(Path.of(prefix + ".U.mtx"));
            MatrixMarketData v = MatrixMarket.read(Path.of(prefix + ".V.mtx"));
            assertEquals(MatrixMarketHeader.Format.ARRAY, u.header().format());
            assertEquals(MatrixMarketHeader.Format.ARRAY, v.header().format());
            assertEquals(80, u.matrix().rows());
            assertEquals(3, u.matrix().cols());
            assertEquals(60, v.matrix().rows());
            assertEquals(3, v.matrix().cols());
            assertFalse(u.commentText().contains("NOT converged"), u.commentText());
            // U·Vᵀ is the hidden matrix everywhere, not only on the observed entries
            double e = relativeDistance(product(u.matrix().toDense(), v.matrix().toDense()), m);
            assertTrue(e < 1e-8, method.cliName() + ": ‖UVᵀ − M‖_F/‖M‖_F = " + e);
        }
    }

    @Test
    void validationHoldsOutAFractionAndReportsItsError() throws IOException {
        DenseMatrix m = hidden(70, 50, 2, 3);
        Path obs = observe("obs.mtx", m, 0.5, 4);
        Cli.Result r = Cli.run("complete", obs.toString(), "--rank", "2", "--validation", "0.1", "--seed", "7", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        double held = number(j.get("validation_count"));
        double observed = number(j.get("observed"));
        assertEquals(count(obs), observed);
        assertTrue(held > 0.05 * observed && held < 0.15 * observed, "held out " + held + " of " + observed);
        assertTrue(number(j.get("validation_rmse")) < 1e-6, r::toString);
        Cli.Result text = Cli.run("complete", obs.toString(), "--rank", "2", "--validation", "0.1", "--seed", "7");
        assertTrue(text.out().contains("validation RMSE:") && text.out().contains("held-out entries"), text::toString);
    }

    @Test
    void bundledExampleIsCompletedAtRankThree() {
        Path example = TestData.tracked("examples", "structured", "observed.mtx");
        Cli.Result r = Cli.run("complete", example.toString(), "--rank", "3", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(200, number(j.get("rows")));
        assertEquals(150, number(j.get("cols")));
        assertEquals(7457, number(j.get("observed")));
        assertTrue(number(j.get("training_rmse")) < 1e-8, r::toString);
    }

    @Test
    void notConvergedExitsThreeSaysSoAndMarksTheFiles() throws IOException {
        DenseMatrix m = hidden(60, 40, 3, 5);
        Path obs = observe("obs.mtx", m, 0.4, 6);
        Path prefix = tmp.resolve("capped");
        Cli.Result r = Cli.run("complete", obs.toString(), "--rank", "3", "--max-iterations", "1", "--tol", "1e-15",
                "--json", "-o", prefix.toString());
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(Boolean.FALSE, j.get("converged"));
        assertEquals("max_iterations", j.get("reason"));
        assertEquals(1, number(j.get("iterations")));
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: ") && r.err().contains("did not converge"), r::toString);
        for (String f : List.of(".U.mtx", ".V.mtx")) {
            MatrixMarketData d = MatrixMarket.read(Path.of(prefix + f));
            assertTrue(d.commentText().startsWith("NOT converged (max iterations)"), d.commentText());
        }
        Cli.Result text = Cli.run("complete", obs.toString(), "--rank", "3", "--max-iterations", "1", "--tol", "1e-15");
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, text.exitCode(), text::toString);
        assertTrue(text.out().contains("converged:") && text.out().contains("no ("), text::toString);
    }

    @Test
    void belowTheInformationLimitItSaysSoInsteadOfClaimingConvergence() throws IOException {
        // about 240 observations of a 40×30 rank-5 matrix, which has 5·(40 + 30 − 5) = 325 degrees of freedom
        Path obs = observe("few.mtx", hidden(40, 30, 5, 11), 0.2, 12);
        Cli.Result r = Cli.run("complete", obs.toString(), "--rank", "5", "--json");
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(Boolean.FALSE, j.get("converged"));
        assertFalse("converged".equals(j.get("reason")), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("did not converge (" + ((String) j.get("reason")).replace('_', ' ') + ")"),
                r::toString);
    }

    @Test
    void badOptionsAreUsageErrorsInOneSentenceNamingTheOption() throws IOException {
        Path obs = observe("obs.mtx", hidden(20, 15, 2, 7), 0.6, 8);
        String[][] cases = {{"--rank", "0"}, {"--rank", "-2"}, {"--rank", "16"}, {"--method", "svd"},
            {"--lambda", "-1"}, {"--max-iterations", "0"}, {"--tol", "-1"}, {"--validation", "1.5"}};
        for (String[] c : cases) {
            Cli.Result r = c[0].equals("--rank") ? Cli.run("complete", obs.toString(), c[0], c[1])
                    : Cli.run("complete", obs.toString(), "--rank", "2", c[0], c[1]);
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), String.join(" ", c) + ": " + r);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains(c[0]), r::toString);
            assertEquals("", r.out(), r::toString);
        }
        Cli.Result tooBig = Cli.run("complete", obs.toString(), "--rank", "16");
        assertTrue(tooBig.err().contains("min(rows, cols) = 15"), tooBig::toString);
        Cli.Result unknown = Cli.run("complete", obs.toString(), "--rank", "2", "--method", "svd");
        for (CompletionMethod method : CompletionMethod.values()) {
            assertTrue(unknown.err().contains(method.cliName()), unknown::toString); // the registry's names
        }
        Cli.Result missing = Cli.run("complete", obs.toString());
        assertEquals(SparrowCli.EXIT_USAGE, missing.exitCode(), missing::toString);
    }

    @Test
    void badFilesAreOneSentenceNamingTheFile() throws IOException {
        Path malformed = file("bad.mtx", "%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1.0\n4 1 2.0\n");
        Cli.Result r = Cli.run("complete", malformed.toString(), "--rank", "1");
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains(malformed.toString()) && r.err().contains("line 4"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);

        Path array = file("full.mtx", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n");
        Cli.Result ra = Cli.run("complete", array.toString(), "--rank", "1");
        assertEquals(SparrowCli.EXIT_FAILURE, ra.exitCode(), ra::toString);
        assertEquals(1, ra.errLines().length, ra::toString);
        assertTrue(ra.err().contains(array.toString()) && ra.err().contains("coordinate"), ra::toString);

        // row 2 has no observation: nothing can be said about it
        Path emptyRow = file("empty.mtx", "%%MatrixMarket matrix coordinate real general\n3 3 4\n1 1 1.0\n1 2 2.0\n"
                + "3 2 1.0\n3 3 2.0\n");
        Cli.Result re = Cli.run("complete", emptyRow.toString(), "--rank", "1");
        assertEquals(SparrowCli.EXIT_FAILURE, re.exitCode(), re::toString);
        assertEquals(1, re.errLines().length, re::toString);
        assertTrue(re.err().contains(emptyRow.toString()) && re.err().toLowerCase(Locale.ROOT).contains("row 2"),
                re::toString);

        Path nan = file("nan.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1.0\n2 1 NaN\n2 2 1.0\n");
        Cli.Result rn = Cli.run("complete", nan.toString(), "--rank", "1");
        assertEquals(SparrowCli.EXIT_FAILURE, rn.exitCode(), rn::toString);
        assertEquals(1, rn.errLines().length, rn::toString);
        assertTrue(rn.err().contains(nan.toString()), rn::toString);
    }

    @Test
    void anOutputNamingTheInputIsRefusedAndTheInputKept() throws IOException {
        Path obs = observe("x.V.mtx", hidden(20, 15, 2, 9), 0.6, 10);
        String before = Files.readString(obs);
        Cli.Result r = Cli.run("complete", obs.toString(), "--rank", "2", "-o", tmp.resolve("x").toString());
        assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("replace the input"), r::toString);
        assertEquals(before, Files.readString(obs));
        assertFalse(Files.exists(tmp.resolve("x.U.mtx")), "nothing written");
    }

    @Test
    void helpListsTheMethodsFromTheRegistry() {
        Cli.Result r = Cli.run("complete", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> names = new ArrayList<>();
        for (CompletionMethod m : CompletionMethod.values()) {
            names.add(m.cliName());
        }
        assertTrue(r.out().contains(String.join(", ", names)), r::toString);
    }

    @Test
    void dashReadsStandardInputAndGivesTheSameFigures() throws IOException {
        Path obs = observe("obs.mtx", hidden(30, 20, 2, 13), 0.6, 14);
        Map<String, Object> fromFile = json(Cli.run("complete", obs.toString(), "--rank", "2", "--json"));
        java.io.InputStream saved = System.in;
        Cli.Result r;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(obs)));
            r = Cli.run("complete", "-", "--rank", "2", "--json");
        } finally {
            System.setIn(saved);
        }
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> fromStdin = json(r);
        for (String key : List.of("rank", "converged", "iterations", "training_rmse", "rows", "cols", "observed")) {
            assertEquals(fromFile.get(key), fromStdin.get(key), key);
        }
    }
}
