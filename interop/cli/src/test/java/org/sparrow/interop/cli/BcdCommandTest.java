package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.bcd.Bcd;
import org.sparrow.solvers.bcd.BcdOptions;
import org.sparrow.solvers.bcd.BcdProblem;
import org.sparrow.solvers.bcd.BcdResult;
import org.sparrow.solvers.bcd.PartitionRule;
import org.sparrow.solvers.bcd.SelectionRule;
import org.sparrow.solvers.bcd.UpdateRule;

class BcdCommandTest {

    /** The keys of {@code bcd --json} that issue 14 fixes, in order. */
    private static final List<String> KEYS = List.of("loss", "rule", "partition", "update", "block_size", "converged",
            "reason", "iterations", "objective", "optimality", "nnz_x", "seconds", "rows", "cols");

    @TempDir
    Path tmp;

    private static Map<String, Object> json(Cli.Result r) {
        return JsonReader.parseObject(r.out().strip());
    }

    private static double number(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    /** A seeded m×n sparse matrix with about {@code density}·m·n entries in [−1, 1], every column nonempty. */
    private static CsrMatrix randomSparse(int m, int n, double density, long seed) {
        Random r = new Random(seed);
        CooMatrix.Builder b = CooMatrix.builder(m, n);
        for (int j = 0; j < n; j++) {
            b.add(r.nextInt(m), j, 2 * r.nextDouble() - 1);
            for (int i = 0; i < m; i++) {
                if (r.nextDouble() < density) {
                    b.add(i, j, 2 * r.nextDouble() - 1);
                }
            }
        }
        return b.build().toCsr();
    }

    /** The n×n SPD tridiagonal matrix tridiag(−1, 4, −1). */
    private static CsrMatrix tridiagonal(int n) {
        CooMatrix.Builder b = CooMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            b.add(i, i, 4);
            if (i + 1 < n) {
                b.add(i, i + 1, -1);
                b.add(i + 1, i, -1);
            }
        }
        return b.build().toCsr();
    }

    private static double[] randomVector(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private Path writeMatrix(String name, CsrMatrix a) throws IOException {
        Path p = tmp.resolve(name);
        MatrixMarket.write(a, p);
        return p;
    }

    /** Writes {@code v} as a Matrix Market array vector (n×1). */
    private Path writeVector(String name, double[] v) throws IOException {
        StringBuilder b = new StringBuilder("%%MatrixMarket matrix array real general\n" + v.length + " 1\n");
        for (double d : v) {
            b.append(d).append('\n');
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, b.toString());
        return p;
    }

    private static void assertOneSentence(Cli.Result r, int code, String... mentions) {
        assertEquals(code, r.exitCode(), r.toString());
        assertEquals(1, r.errLines().length, r.toString());
        for (String m : mentions) {
            assertTrue(r.err().contains(m), "stderr should mention '" + m + "': " + r);
        }
        assertFalse(r.err().contains("Exception"), r.toString());
    }

    @Test
    void leastSquaresWritesTheSameXAsTheLibraryCall() throws IOException {
        CsrMatrix a = randomSparse(30, 8, 0.3, 1);
        double[] b = randomVector(30, 2);
        Path af = writeMatrix("A.mtx", a);
        Path bf = writeVector("b.mtx", b);
        Path xf = tmp.resolve("x.mtx");
        Cli.Result r = Cli.run("bcd", af.toString(), bf.toString(), "--loss", "least-squares", "--rule", "gsl",
                "--partition", "order", "--block-size", "3", "--update", "lipschitz", "--tol", "1e-9",
                "--max-iterations", "100000", "-o", xf.toString());
        assertEquals(0, r.exitCode(), r.toString());
        double[] x = MatrixMarket.readVector(xf);
        BcdResult lib = Bcd.solve(BcdProblem.leastSquares(a.toCsc(), b), null, BcdOptions.defaults()
                .withRule(SelectionRule.GSL).withPartition(PartitionRule.ORDER).withBlockSize(3)
                .withUpdate(UpdateRule.LIPSCHITZ).withTolerance(1e-9).withMaxIterations(100000));
        assertArrayEquals(lib.x(), x, 1e-12);
        // and x is the least-squares solution: the normal equations hold
        double[] res = a.apply(x);
        for (int i = 0; i < res.length; i++) {
            res[i] -= b[i];
        }
        double[] g = new double[a.cols()];
        a.applyTranspose(res, g);
        for (double v : g) {
            assertEquals(0, v, 1e-7);
        }
    }

    @Test
    void jsonHasTheIssueKeysInOrder() throws IOException {
        CsrMatrix a = randomSparse(20, 6, 0.4, 3);
        Path af = writeMatrix("A.mtx", a);
        Path bf = writeVector("b.mtx", randomVector(20, 4));
        Cli.Result r = Cli.run("bcd", af.toString(), bf.toString(), "--loss", "least-squares", "--json",
                "--max-iterations", "100000", "--tol", "1e-8");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Object> j = json(r);
        assertEquals(KEYS, new ArrayList<>(j.keySet()));
        assertEquals("least-squares", j.get("loss"));
        assertEquals(Boolean.TRUE, j.get("converged"));
        assertEquals("converged", j.get("reason"));
        assertEquals(20, number(j.get("rows")));
        assertEquals(6, number(j.get("cols")));
        assertTrue(number(j.get("optimality")) <= 1e-8);
    }

    @Test
    void logisticWithL1MatchesTheLibraryAndReportsTheSparsity() throws IOException {
        CsrMatrix a = randomSparse(40, 10, 0.3, 5);
        Random rnd = new Random(6);
        double[] labels = new double[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rnd.nextBoolean() ? 1 : -1;
        }
        Path af = writeMatrix("A.mtx", a);
        Path bf = writeVector("y.mtx", labels);
        Path xf = tmp.resolve("x.mtx");
        Cli.Result r = Cli.run("bcd", af.toString(), bf.toString(), "--loss", "logistic", "--l1", "0.5", "--json",
                "--tol", "1e-8", "--max-iterations", "100000", "-o", xf.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Object> j = json(r);
        double[] x = MatrixMarket.readVector(xf);
        BcdProblem p = BcdProblem.logistic(a.toCsc(), labels).withL1(0.5);
        BcdResult lib = Bcd.solve(p, null, BcdOptions.defaults().withTolerance(1e-8).withMaxIterations(100000));
        assertArrayEquals(lib.x(), x, 1e-12);
        assertEquals(p.objective(x), number(j.get("objective")), 1e-12 * Math.abs(p.objective(x)));
        int nnz = 0;
        for (double v : x) {
            nnz += v != 0 ? 1 : 0;
        }
        assertEquals(nnz, number(j.get("nnz_x")));
    }

    @Test
    void quadraticSolvesTheLinearSystemAndWritesHistoryAndPlot() throws IOException {
        int n = 25;
        CsrMatrix a = tridiagonal(n);
        double[] b = randomVector(n, 7);
        Path af = writeMatrix("A.mtx", a);
        Path bf = writeVector("b.mtx", b);
        Path xf = tmp.resolve("x.mtx");
        Path hf = tmp.resolve("h.csv");
        Path pf = tmp.resolve("h.png");
        Cli.Result r = Cli.run("bcd", af.toString(), bf.toString(), "--loss", "quadratic", "--rule", "cyclic",
                "--tol", "1e-10", "--max-iterations", "100000", "-o", xf.toString(), "--history", hf.toString(),
                "--plot", pf.toString());
        assertEquals(0, r.exitCode(), r.toString());
        double[] x = MatrixMarket.readVector(xf);
        double[] ax = a.apply(x);
        for (int i = 0; i < n; i++) {
            assertEquals(b[i], ax[i], 1e-9, "A·x = b, row " + (i + 1));
        }
        List<String> lines = Files.readAllLines(hf);
        assertEquals("iteration,objective", lines.get(0));
        assertTrue(lines.size() >= 2);
        byte[] png = Files.readAllBytes(pf);
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    @Test
    void notConvergedExitsThreeAndStillReports() throws IOException {
        CsrMatrix a = randomSparse(30, 10, 0.3, 8);
        Path af = writeMatrix("A.mtx", a);
        Path bf = writeVector("b.mtx", randomVector(30, 9));
        Cli.Result r = Cli.run("bcd", af.toString(), bf.toString(), "--loss", "least-squares", "--json",
                "--max-iterations", "1", "--tol", "1e-14");
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, r.exitCode(), r.toString());
        assertEquals(Boolean.FALSE, json(r).get("converged"));
        assertTrue(r.err().contains("not converged"), r.toString());
    }

    @Test
    void missingFileIsOneSentenceNamingIt() throws IOException {
        Path bf = writeVector("b.mtx", randomVector(3, 1));
        Path missing = tmp.resolve("nothere.mtx");
        assertOneSentence(Cli.run("bcd", missing.toString(), bf.toString(), "--loss", "least-squares"), 1,
                "nothere.mtx");
    }

    @Test
    void rightHandSideOfTheWrongLengthNamesTheFileAndTheSizes() throws IOException {
        Path af = writeMatrix("A.mtx", randomSparse(10, 4, 0.5, 1));
        Path bf = writeVector("short.mtx", randomVector(7, 1));
        assertOneSentence(Cli.run("bcd", af.toString(), bf.toString(), "--loss", "least-squares"), 1,
                "short.mtx", "7", "10x4");
    }

    @Test
    void negativeLambdaIsAUsageError() throws IOException {
        Path af = writeMatrix("A.mtx", randomSparse(10, 4, 0.5, 1));
        Path bf = writeVector("b.mtx", randomVector(10, 1));
        assertOneSentence(Cli.run("bcd", af.toString(), bf.toString(), "--loss", "least-squares", "--l1", "-1"), 2,
                "--l1");
    }

    @Test
    void labelsOtherThanPlusMinusOneNameTheLabelFile() throws IOException {
        Path af = writeMatrix("A.mtx", randomSparse(10, 4, 0.5, 1));
        double[] y = new double[10];
        java.util.Arrays.fill(y, 1);
        y[3] = 0.5;
        Path bf = writeVector("labels.mtx", y);
        assertOneSentence(Cli.run("bcd", af.toString(), bf.toString(), "--loss", "logistic"), 1, "labels.mtx");
    }

    @Test
    void nonSymmetricMatrixForTheQuadraticNamesTheMatrixFile() throws IOException {
        CooMatrix.Builder b = CooMatrix.builder(3, 3);
        b.add(0, 0, 4).add(1, 1, 4).add(2, 2, 4).add(0, 1, 1);
        Path af = writeMatrix("nonsym.mtx", b.build().toCsr());
        Path bf = writeVector("b.mtx", randomVector(3, 1));
        assertOneSentence(Cli.run("bcd", af.toString(), bf.toString(), "--loss", "quadratic"), 1, "nonsym.mtx");
    }

    @Test
    void unknownRuleIsAUsageErrorListingTheNames() throws IOException {
        Path af = writeMatrix("A.mtx", randomSparse(10, 4, 0.5, 1));
        Path bf = writeVector("b.mtx", randomVector(10, 1));
        Cli.Result r = Cli.run("bcd", af.toString(), bf.toString(), "--loss", "least-squares", "--rule", "greedy");
        assertOneSentence(r, 2, "--rule", "greedy");
        for (SelectionRule s : SelectionRule.values()) {
            assertTrue(r.err().contains(s.cliName()), "lists " + s.cliName() + ": " + r);
        }
    }

    @Test
    void unknownLossIsAUsageErrorAndTheLossIsRequired() throws IOException {
        Path af = writeMatrix("A.mtx", randomSparse(10, 4, 0.5, 1));
        Path bf = writeVector("b.mtx", randomVector(10, 1));
        assertOneSentence(Cli.run("bcd", af.toString(), bf.toString(), "--loss", "hinge"), 2, "--loss", "logistic");
        assertOneSentence(Cli.run("bcd", af.toString(), bf.toString()), 2, "--loss");
    }

    @Test
    void anOutputNamingAnInputIsRefusedAndTheInputKept() throws IOException {
        Path af = writeMatrix("A.mtx", randomSparse(10, 4, 0.5, 1));
        Path bf = writeVector("b.mtx", randomVector(10, 1));
        byte[] before = Files.readAllBytes(bf);
        Cli.Result r = Cli.run("bcd", af.toString(), bf.toString(), "--loss", "least-squares", "-o", bf.toString());
        assertOneSentence(r, 2, "b.mtx");
        assertArrayEquals(before, Files.readAllBytes(bf));
    }

    @Test
    void helpListsTheRegistryNames() {
        Cli.Result r = Cli.run("bcd", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        for (String name : List.of("least-squares", "logistic", "quadratic", "variable", "avg", "gsq", "permutation",
                "line-search", "newton")) {
            assertTrue(r.out().contains(name), "help lists " + name + ": " + r.out());
        }
    }
}
