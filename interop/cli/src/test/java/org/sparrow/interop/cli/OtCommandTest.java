package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.solvers.ot.EntropicOt;
import org.sparrow.solvers.ot.OtMethod;
import org.sparrow.solvers.ot.OtOptions;
import org.sparrow.solvers.ot.OtResult;

class OtCommandTest {

    /** The keys of {@code ot --json} that issue 13 fixes, in order, before any others. */
    private static final List<String> KEYS = List.of("method", "converged", "reason", "iterations",
            "sinkhorn_iterations", "newton_iterations", "cg_iterations", "marginal_error", "transport_cost",
            "objective", "plan_nnz", "dropped_mass", "seconds", "rows", "cols");

    /** A moderate η: the tiny test problems converge in a few dozen iterations. */
    private static final String ETA = "40";

    @TempDir
    Path tmp;

    private static Map<String, Object> json(Cli.Result r) {
        return JsonReader.parseObject(r.out().strip());
    }

    private static double number(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    /** A seeded n×m cost with entries in [0, 1). */
    private static DenseMatrix randomCost(int n, int m, long seed) {
        Random r = new Random(seed);
        double[] c = new double[n * m];
        for (int k = 0; k < c.length; k++) {
            c[k] = r.nextDouble();
        }
        return new DenseMatrix(n, m, c);
    }

    /** Writes {@code c} as a Matrix Market array (dense) file. */
    private Path writeArray(String name, DenseMatrix c) throws IOException {
        StringBuilder b = new StringBuilder("%%MatrixMarket matrix array real general\n" + c.rows() + " " + c.cols() + "\n");
        for (int j = 0; j < c.cols(); j++) {
            for (int i = 0; i < c.rows(); i++) {
                b.append(c.get(i, j)).append('\n');
            }
        }
        return file(name, b.toString());
    }

    /** Writes the entries of {@code c} where {@code allowed} as a coordinate (sparse) file. */
    private Path writeCoordinate(String name, DenseMatrix c, boolean[][] allowed) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                if (allowed[i][j]) {
                    lines.add((i + 1) + " " + (j + 1) + " " + c.get(i, j));
                }
            }
        }
        return file(name, "%%MatrixMarket matrix coordinate real general\n" + c.rows() + " " + c.cols() + " "
                + lines.size() + "\n" + String.join("\n", lines) + "\n");
    }

    private Path vector(String name, double... v) throws IOException {
        StringBuilder b = new StringBuilder("%%MatrixMarket matrix array real general\n" + v.length + " 1\n");
        for (double x : v) {
            b.append(x).append('\n');
        }
        return file(name, b.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static OtOptions options() {
        return OtOptions.defaults().withEta(Double.parseDouble(ETA));
    }

    /** Asserts that the plan read back from {@code file} is {@code expected}, entry by entry. */
    private static void assertPlan(CsrMatrix expected, Path file) throws IOException {
        assertEquals(MatrixMarketHeader.Format.COORDINATE, MatrixMarket.readHeader(file).format());
        CsrMatrix p = MatrixMarket.readCsr(file);
        assertEquals(expected.rows(), p.rows());
        assertEquals(expected.cols(), p.cols());
        double[] e = expected.toDense().data();
        double[] g = p.toDense().data();
        for (int k = 0; k < e.length; k++) {
            assertEquals(e[k], g[k], 1e-12 * Math.max(1e-300, Math.abs(e[k])) + 1e-300, "entry " + k);
        }
    }

    @Test
    void denseCostPlanReadsBackEqualToTheLibraryCall() throws IOException {
        DenseMatrix c = randomCost(9, 6, 1);
        Path cf = writeArray("C.mtx", c);
        Path pf = tmp.resolve("P.mtx");
        Cli.Result r = Cli.run("ot", cf.toString(), "--eta", ETA, "-o", pf.toString(), "--json");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        OtResult lib = EntropicOt.solve(c, EntropicOt.uniform(9), EntropicOt.uniform(6), options());
        assertTrue(lib.converged());
        assertPlan(lib.plan(), pf);
        Map<String, Object> j = json(r);
        assertEquals("sns", j.get("method"));
        assertEquals(Boolean.TRUE, j.get("converged"));
        assertEquals("converged", j.get("reason"));
        assertEquals(lib.iterations(), ((BigDecimal) j.get("iterations")).intValue());
        assertEquals(lib.sinkhornIterations(), ((BigDecimal) j.get("sinkhorn_iterations")).intValue());
        assertEquals(lib.newtonIterations(), ((BigDecimal) j.get("newton_iterations")).intValue());
        assertEquals(lib.transportCost(), number(j.get("transport_cost")), 1e-14);
        assertEquals(lib.objective(), number(j.get("objective")), 1e-14);
        assertTrue(number(j.get("marginal_error")) <= 1e-9, r::toString);
        assertEquals(9, ((BigDecimal) j.get("rows")).intValue());
        assertEquals(6, ((BigDecimal) j.get("cols")).intValue());
        assertEquals(lib.plan().nnz(), ((BigDecimal) j.get("plan_nnz")).intValue());
        // the plan read back satisfies the uniform marginals (an independent check of what was written)
        double[] rows = new double[9];
        double[] cols = new double[6];
        CsrMatrix p = MatrixMarket.readCsr(pf);
        for (int i = 0; i < 9; i++) {
            for (int k = p.rowPointers()[i]; k < p.rowPointers()[i + 1]; k++) {
                rows[i] += p.values()[k];
                cols[p.columnIndices()[k]] += p.values()[k];
            }
        }
        double err = 0;
        for (double v : rows) {
            err += Math.abs(v - 1.0 / 9);
        }
        for (double v : cols) {
            err += Math.abs(v - 1.0 / 6);
        }
        assertTrue(err <= 1e-9, "marginal error of the plan read back: " + err);
    }

    @Test
    void sparseCostKeepsForbiddenEntriesOutOfThePlan() throws IOException {
        DenseMatrix c = randomCost(7, 7, 2);
        boolean[][] allowed = new boolean[7][7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                allowed[i][j] = (i + 2 * j) % 3 != 0 || i == j; // the diagonal keeps the support feasible
            }
        }
        Path cf = writeCoordinate("Cs.mtx", c, allowed);
        Path pf = tmp.resolve("Ps.mtx");
        Cli.Result r = Cli.run("ot", cf.toString(), "--eta", ETA, "-o", pf.toString(), "--json");
        assertEquals(0, r.exitCode(), r::toString);
        CsrMatrix sparse = MatrixMarket.readCsr(cf);
        OtResult lib = EntropicOt.solve(sparse, EntropicOt.uniform(7), EntropicOt.uniform(7), options());
        assertPlan(lib.plan(), pf);
        CsrMatrix p = MatrixMarket.readCsr(pf);
        for (int i = 0; i < 7; i++) {
            for (int k = p.rowPointers()[i]; k < p.rowPointers()[i + 1]; k++) {
                assertTrue(allowed[i][p.columnIndices()[k]], "P has an entry at the forbidden (" + (i + 1) + ", "
                        + (p.columnIndices()[k] + 1) + ")");
            }
        }
        assertTrue(number(json(r).get("marginal_error")) <= 1e-9, r::toString);
    }

    @Test
    void jsonStartsWithTheIssuesKeysInOrder() throws IOException {
        Path cf = writeArray("C.mtx", randomCost(4, 5, 3));
        Cli.Result r = Cli.run("ot", "--json", "--eta", ETA, cf.toString());
        assertEquals(0, r.exitCode(), r::toString);
        List<String> keys = new ArrayList<>(json(r).keySet());
        assertEquals(KEYS, keys.subList(0, KEYS.size()), "keys: " + keys);
        assertNull(json(r).get("output"));
    }

    @Test
    void marginalsFromFilesAreTheRowAndColumnSumsOfThePlan() throws IOException {
        DenseMatrix c = randomCost(4, 3, 4);
        Path cf = writeArray("C.mtx", c);
        double[] a = {0.1, 0.2, 0.3, 0.4};
        double[] b = {0.5, 0.25, 0.25};
        Path af = vector("a.mtx", a);
        Path bf = vector("b.mtx", b);
        Path pf = tmp.resolve("P.mtx");
        Cli.Result r = Cli.run("ot", cf.toString(), "--a", af.toString(), "--b", bf.toString(), "--eta", ETA,
                "-o", pf.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("a: " + af) && r.out().contains("b: " + bf), r::toString);
        assertPlan(EntropicOt.solve(c, a, b, options()).plan(), pf);
        DenseMatrix p = MatrixMarket.readCsr(pf).toDense();
        for (int i = 0; i < 4; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += p.get(i, j);
            }
            assertEquals(a[i], s, 1e-9);
        }
        for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                s += p.get(i, j);
            }
            assertEquals(b[j], s, 1e-9);
        }
    }

    @Test
    void sinkhornMethodRunsSinkhornOnlyAndAgreesWithSns() throws IOException {
        DenseMatrix c = randomCost(5, 5, 5);
        Path cf = writeArray("C.mtx", c);
        Cli.Result sink = Cli.run("ot", cf.toString(), "--eta", "20", "--method", "sinkhorn", "--json");
        Cli.Result sns = Cli.run("ot", cf.toString(), "--eta", "20", "--json");
        assertEquals(0, sink.exitCode(), sink::toString);
        assertEquals(0, sns.exitCode(), sns::toString);
        assertEquals("sinkhorn", json(sink).get("method"));
        assertEquals(0, ((BigDecimal) json(sink).get("newton_iterations")).intValue());
        assertEquals(0, ((BigDecimal) json(sink).get("cg_iterations")).intValue());
        assertEquals(number(json(sns).get("transport_cost")), number(json(sink).get("transport_cost")), 1e-8);
    }

    @Test
    void fixedDensityKeepsLambdaAndTheJsonReportsTheLastHessianDensity() throws IOException {
        DenseMatrix c = randomCost(40, 40, 7);
        Path cf = writeArray("C.mtx", c);
        Cli.Result fixed = Cli.run("ot", cf.toString(), "--eta", ETA, "--density", "0.05", "--fixed-density", "--json");
        assertEquals(0, fixed.exitCode(), fixed::toString);
        OtResult lib = EntropicOt.solve(c, EntropicOt.uniform(40), EntropicOt.uniform(40),
                options().withDensity(0.05).withDensityGrowth(false));
        assertEquals(lib.iterations(), ((BigDecimal) json(fixed).get("iterations")).intValue());
        assertEquals(Math.ceil(0.05 * 40 * 40) / (40.0 * 40), number(json(fixed).get("hessian_density")), 1e-15);
        Cli.Result sink = Cli.run("ot", cf.toString(), "--eta", "20", "--method", "sinkhorn", "--json");
        assertEquals(null, json(sink).get("hessian_density"));
    }

    @Test
    void historyAndPlotFilesAreWritten() throws IOException {
        Path cf = writeArray("C.mtx", randomCost(6, 6, 6));
        Path h = tmp.resolve("h.csv");
        Path png = tmp.resolve("h.png");
        Cli.Result r = Cli.run("ot", cf.toString(), "--eta", ETA, "--history", h.toString(), "--plot", png.toString(),
                "--json");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = Files.readAllLines(h);
        assertEquals("iteration,marginal_error", lines.get(0));
        int iterations = ((BigDecimal) json(r).get("iterations")).intValue();
        assertEquals(iterations + 1, lines.size());
        assertTrue(lines.get(1).startsWith("1,"), lines.get(1));
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals(Integer.toString(iterations), last[0]);
        assertTrue(Double.parseDouble(last[1]) <= 1e-9, lines.get(lines.size() - 1));
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G');
        assertEquals(h.toString(), json(r).get("history"));
        assertEquals(png.toString(), json(r).get("plot"));
    }

    @Test
    void notConvergedExitsThreeAndStillWritesThePlan() throws IOException {
        Path cf = writeArray("C.mtx", randomCost(6, 5, 7));
        Path pf = tmp.resolve("P.mtx");
        Cli.Result r = Cli.run("ot", cf.toString(), "--max-iterations", "1", "-o", pf.toString(), "--json");
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, r.exitCode(), r::toString);
        assertEquals(Boolean.FALSE, json(r).get("converged"));
        assertEquals("max_iterations", json(r).get("reason"));
        assertEquals(1, ((BigDecimal) json(r).get("iterations")).intValue());
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: not converged"), r::toString);
        assertTrue(Files.isRegularFile(pf), "the plan is written even when not converged");
    }

    @Test
    void missingCostFileIsOneSentenceNamingIt() {
        Path missing = tmp.resolve("nope.mtx");
        Cli.Result r = Cli.run("ot", missing.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains(missing.toString()), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void marginalLengthsNotMatchingTheCostNameTheFileAndBothSizes() throws IOException {
        Path cf = writeArray("C.mtx", randomCost(4, 3, 8));
        Path a3 = vector("a3.mtx", 1.0 / 3, 1.0 / 3, 1.0 / 3);
        Cli.Result ra = Cli.run("ot", cf.toString(), "--a", a3.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, ra.exitCode(), ra::toString);
        assertEquals(1, ra.errLines().length, ra::toString);
        assertTrue(ra.err().contains(a3.toString()) && ra.err().contains("has 3 entries") && ra.err().contains("4 rows"),
                ra::toString);
        Path b4 = vector("b4.mtx", 0.25, 0.25, 0.25, 0.25);
        Cli.Result rb = Cli.run("ot", cf.toString(), "--b", b4.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, rb.exitCode(), rb::toString);
        assertTrue(rb.err().contains(b4.toString()) && rb.err().contains("has 4 entries") && rb.err().contains("3 columns"),
                rb::toString);
    }

    @Test
    void negativeCostIsOneSentenceNamingTheFileAndEntry() throws IOException {
        Path cf = file("neg.mtx", "%%MatrixMarket matrix array real general\n2 2\n0.5\n-0.25\n0.1\n0.2\n");
        Cli.Result r = Cli.run("ot", cf.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains(cf.toString()) && r.err().contains("C(2, 1)") && r.err().contains("-0.25"),
                r::toString);
    }

    @Test
    void marginalsWithDifferentTotalsNameBothFiles() throws IOException {
        Path cf = writeArray("C.mtx", randomCost(2, 2, 9));
        Path a = vector("a.mtx", 0.5, 0.5);
        Path b = vector("b.mtx", 0.5, 0.75);
        Cli.Result r = Cli.run("ot", cf.toString(), "--a", a.toString(), "--b", b.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains(a.toString()) && r.err().contains(b.toString()) && r.err().contains("totals"),
                r::toString);
    }

    @Test
    void optionsOutOfRangeAreUsageErrorsNamingTheOption() throws IOException {
        Path cf = writeArray("C.mtx", randomCost(2, 2, 10));
        String[][] cases = {{"--eta", "0"}, {"--eta", "-3"}, {"--tol", "0"}, {"--density", "1.5"},
            {"--sinkhorn-steps", "-1"}, {"--max-iterations", "0"}, {"--method", "newton"}};
        for (String[] c : cases) {
            Cli.Result r = Cli.run("ot", cf.toString(), c[0], c[1]);
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), String.join(" ", c) + ": " + r);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains(c[0]), r::toString);
        }
        Cli.Result m = Cli.run("ot", cf.toString(), "--method", "newton");
        for (OtMethod method : OtMethod.values()) {
            assertTrue(m.err().contains(method.cliName()), m::toString); // the registry's names are listed
        }
    }

    @Test
    void anOutputNamingAnInputIsRefusedAndTheInputKept() throws IOException {
        Path cf = writeArray("C.mtx", randomCost(3, 3, 11));
        String before = Files.readString(cf);
        Cli.Result r = Cli.run("ot", cf.toString(), "-o", cf.toString());
        assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("replace the input"), r::toString);
        assertEquals(before, Files.readString(cf));
    }

    @Test
    void helpListsTheMethodsFromTheRegistry() {
        Cli.Result r = Cli.run("ot", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        String names = String.join(", ", java.util.Arrays.stream(OtMethod.values()).map(OtMethod::cliName).toList());
        assertTrue(r.out().contains(names), r::toString);
        assertTrue(r.out().toLowerCase(Locale.ROOT).contains("sinkhorn-newton-sparse"), r::toString);
    }

    @Test
    void progressBarNamesTheMarginalError() {
        java.io.StringWriter text = new java.io.StringWriter();
        try (ProgressBar bar = new ProgressBar(new java.io.PrintWriter(text), 1e-9, "marginal error")) {
            bar.draw(3, 1e-3, 0.5);
            // 1e-3 is a third of the way from 1 to 1e-9 on the log scale: 10 of 30 marks
            assertEquals("\r[##########                    ] iteration 3, marginal error 0.0010, 0.5 s",
                    text.toString());
        }
    }
}
