package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader.Format;

class SolveCommandTest {

    /** The keys every {@code solve --json} object carries (ARCHITECTURE §5 and the issue). */
    private static final List<String> KEYS = List.of("method", "precond", "converged", "reason", "iterations",
            "relative_residual", "seconds", "chosen_because", "fallback", "error_inf", "normal_residual",
            "diagonal_shift");

    @TempDir
    Path tmp;

    /** The bundled example, {@code examples/1138_bus.mtx} at the repository root. */
    private static Path example() {
        return TestData.tracked("examples", "1138_bus.mtx");
    }

    private static String shared(String file) {
        return TestData.shared(file).toString();
    }

    private Path file(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static Map<String, Object> json(Cli.Result r) {
        return JsonReader.parseObject(r.out().strip());
    }

    private static double number(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    /** A tiny SPD matrix [[4, 1, 0], [1, 3, 1], [0, 1, 2]], lower triangle stored. */
    private Path spd3() throws IOException {
        return file("spd3.mtx", """
                %%MatrixMarket matrix coordinate real symmetric
                3 3 5
                1 1 4
                2 1 1
                2 2 3
                3 2 1
                3 3 2
                """);
    }

    @Test
    void convergedSolveExitsZeroAndJsonHasEveryKey() {
        Cli.Result r = Cli.run("solve", "--json", example().toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        Map<String, Object> j = json(r);
        assertTrue(j.keySet().containsAll(KEYS), "missing keys in " + j.keySet());
        assertEquals("cg", j.get("method"));
        assertEquals("ic0", j.get("precond"));
        assertEquals(Boolean.TRUE, j.get("converged"));
        assertEquals("converged", j.get("reason"));
        assertTrue(number(j.get("relative_residual")) <= 1e-8, r::toString);
        assertTrue(((BigDecimal) j.get("iterations")).intValue() > 0);
        assertTrue(number(j.get("error_inf")) < 1e-4, r::toString); // b = A·1: x ≈ 1
        assertNull(j.get("fallback"));
        assertNull(j.get("normal_residual"));
        assertTrue(((String) j.get("chosen_because")).contains("symmetric"), r::toString);
    }

    @Test
    void textOutputGivesTheVerdictOnStdoutOnly() {
        Cli.Result r = Cli.run("solve", example().toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString); // stderr is no terminal here: no progress bar
        assertTrue(r.out().contains("verdict:") && r.out().contains("converged: relative residual"), r::toString);
        assertTrue(r.out().contains("error ‖x − 1‖∞:"), r::toString);
    }

    @Test
    void autoPicksByMatrixKindAndSaysWhy() {
        String[][] cases = {
            {"small/1138_bus.mtx", "cg", "ic0", "positive diagonal"},       // SPD
            {"small/sherman1.mtx", "minres", "none", "not positive"},      // symmetric, negative diagonal
            {"small/orsirr_1.mtx", "gmres", "ilu0", "not symmetric"},      // nonsymmetric
            {"small/illc1033.mtx", "lsqr", "none", "rectangular"},         // 1033 × 320
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run("solve", "--json", shared(c[0]));
            assertEquals(0, r.exitCode(), r::toString);
            Map<String, Object> j = json(r);
            assertNull(j.get("fallback"), c[0]); // the first choice converged: method and precond are the choice
            assertEquals(c[1], j.get("method"), c[0]);
            assertEquals(c[2], j.get("precond"), c[0]);
            assertTrue(((String) j.get("chosen_because")).contains(c[3]), c[0] + ": " + j.get("chosen_because"));
        }
    }

    @Test
    void leastSquaresReportsTheNormalResidual() {
        Cli.Result r = Cli.run("solve", "--json", "--method", "lsmr", shared("small/illc1033.mtx"));
        assertTrue(r.exitCode() == 0 || r.exitCode() == 3, r::toString);
        Map<String, Object> j = json(r);
        assertEquals("lsmr", j.get("method"));
        assertNotNull(j.get("normal_residual"), r::toString);
    }

    @Test
    void nonConvergingSolveExitsThreeWithTheReasonOnStderr() {
        Cli.Result r = Cli.run("solve", "--json", "--method", "cg", "--precond", "ic0", "--maxit", "2",
                example().toString()); // an explicit method: auto would fall back to LU on a matrix this small
        assertEquals(SparrowCli.EXIT_NOT_CONVERGED, r.exitCode(), r::toString);
        Map<String, Object> j = json(r); // the figures are still printed
        assertEquals(Boolean.FALSE, j.get("converged"));
        assertEquals("max_iterations", j.get("reason"));
        assertEquals(2, ((BigDecimal) j.get("iterations")).intValue());
        String[] err = r.errLines();
        assertEquals(1, err.length, r::toString);
        assertTrue(err[0].startsWith("sparrow: not converged (max iterations)"), err[0]);
    }

    @Test
    void autoFallsBackToLuWhenIlu0CannotBeBuiltAndSaysWhy() {
        Cli.Result r = Cli.run("solve", "--json", shared("small/west0067.mtx"));
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals("lu", j.get("method"));
        assertEquals("none", j.get("precond"));
        String fallback = (String) j.get("fallback");
        assertTrue(fallback.contains("ILU(0): row 1 stores no diagonal entry A(1, 1)") && fallback.contains("direct sparse LU"),
                fallback);
        assertTrue(((String) j.get("chosen_because")).contains("not symmetric"), r::toString);
    }

    @Test
    void autoHonoursANamedPreconditionerOrFailsSayingWhy() {
        Cli.Result r = Cli.run("solve", "--method", "auto", "--precond", "ilu0", shared("small/west0067.mtx"));
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("ILU(0) preconditioner that was asked for cannot be built")
                && r.err().contains("row 1"), r::toString);
        r = Cli.run("solve", "--json", "--precond", "jacobi", example().toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("jacobi", json(r).get("precond"));
    }

    @Test
    void cgAndMinresRefuseANonsymmetricMatrixUpFront() {
        for (String m : new String[] {"cg", "minres"}) {
            Cli.Result r = Cli.run("solve", "--method", m, shared("small/orsirr_1.mtx"));
            assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
            assertTrue(r.err().contains(m + " needs a symmetric matrix, but A(") && r.err().contains("gmres"), r::toString);
        }
    }

    @Test
    void helpListsEveryMethodAndPreconditionerOfTheRegistries() {
        Cli.Result r = Cli.run("solve", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        String help = r.out().replaceAll("\\s+", " "); // the help wraps lines: compare with blanks collapsed
        for (SolverMethod m : SolverMethod.values()) {
            assertTrue(help.contains(" " + m.cliName() + " " + m.description()), m + ": " + r.out());
        }
        for (PreconditionerKind k : PreconditionerKind.named()) {
            assertTrue(help.contains(" " + k.cliName() + " " + k.description()), k + ": " + r.out());
        }
        assertTrue(!r.out().contains("custom"), r.out());
    }

    @Test
    void rhsFromAnArrayFileIsUsedAndNoErrorIsReported() throws IOException {
        Path b = file("b.mtx", "%%MatrixMarket matrix array real general\n3 1\n5\n5\n3\n"); // = A·1
        Cli.Result r = Cli.run("solve", "--json", "--method", "cg", spd3().toString(), "--rhs", b.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertNull(j.get("error_inf")); // b given: the exact solution is not known
        assertEquals(b.toString(), j.get("rhs"));
    }

    @Test
    void rhsFromACoordinateColumnIsAccepted() throws IOException {
        Path b = file("b.mtx", "%%MatrixMarket matrix coordinate real general\n3 1 2\n1 1 5\n3 1 3\n");
        Path x = tmp.resolve("x.mtx");
        Cli.Result r = Cli.run("solve", "--method", "cholesky", spd3().toString(), "--rhs", b.toString(),
                "-o", x.toString());
        assertEquals(0, r.exitCode(), r::toString);
        double[] v = readVector(x);
        // [[4,1,0],[1,3,1],[0,1,2]]·v = (5, 0, 3)
        assertEquals(5, 4 * v[0] + v[1], 1e-12);
        assertEquals(0, v[0] + 3 * v[1] + v[2], 1e-12);
        assertEquals(3, v[1] + 2 * v[2], 1e-12);
    }

    @Test
    void rhsOfTheWrongLengthExitsOneWithOneLine() throws IOException {
        Path b = file("b.mtx", "%%MatrixMarket matrix array real general\n2 1\n1\n2\n");
        Cli.Result r = Cli.run("solve", spd3().toString(), "--rhs", b.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals("", r.out());
        String[] err = r.errLines();
        assertEquals(1, err.length, r::toString);
        assertTrue(err[0].contains("b.mtx has 2 entries") && err[0].contains("needs 3"), err[0]);
    }

    @Test
    void rhsThatIsNotAVectorExitsOne() throws IOException {
        Path b = file("b.mtx", "%%MatrixMarket matrix array real general\n3 2\n1\n2\n3\n4\n5\n6\n");
        Cli.Result r = Cli.run("solve", spd3().toString(), "--rhs", b.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("not a vector"), r::toString);
    }

    @Test
    void nanInTheMatrixExitsOneNamingTheEntry() throws IOException {
        Path a = file("nan.mtx", "%%MatrixMarket matrix coordinate real general\n3 3 4\n1 1 4\n2 2 3\n3 2 nan\n3 3 2\n");
        Cli.Result r = Cli.run("solve", a.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        String[] err = r.errLines();
        assertEquals(1, err.length, r::toString);
        assertTrue(err[0].contains("nan.mtx") && err[0].contains("A(3, 2) = NaN"), err[0]);
    }

    @Test
    void infinityInTheRhsExitsOneNamingTheEntry() throws IOException {
        Path b = file("inf.mtx", "%%MatrixMarket matrix array real general\n3 1\n1\n-inf\n3\n");
        Cli.Result r = Cli.run("solve", spd3().toString(), "--rhs", b.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        String[] err = r.errLines();
        assertEquals(1, err.length, r::toString);
        assertTrue(err[0].contains("inf.mtx") && err[0].contains("b(2) = -Infinity"), err[0]);
    }

    @Test
    void zeroRhsGivesZeroAtOnce() throws IOException {
        Path b = file("zero.mtx", "%%MatrixMarket matrix array real general\n3 1\n0\n0\n0\n");
        Path x = tmp.resolve("x.mtx");
        Cli.Result r = Cli.run("solve", "--json", spd3().toString(), "--rhs", b.toString(), "-o", x.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(0, ((BigDecimal) j.get("iterations")).intValue());
        assertEquals(Boolean.TRUE, j.get("converged"));
        assertArrayEquals(new double[3], readVector(x));
    }

    @Test
    void historyAndPlotAreWritten() throws IOException {
        Path csv = tmp.resolve("h.csv");
        Path png = tmp.resolve("h.png");
        Cli.Result r = Cli.run("solve", "--json", example().toString(), "--history", csv.toString(),
                "--plot", png.toString());
        assertEquals(0, r.exitCode(), r::toString);
        int iterations = ((BigDecimal) json(r).get("iterations")).intValue();
        List<String> lines = Files.readAllLines(csv);
        assertEquals("iteration,relative_residual", lines.get(0));
        assertEquals(iterations + 2, lines.size(), "header, the start and one row per iteration"); // history[0] = start
        assertEquals("0,1.0", lines.get(1));
        for (int k = 1; k < lines.size(); k++) {
            String[] f = lines.get(k).split(",");
            assertEquals(k - 1, Integer.parseInt(f[0]));
            assertTrue(Double.parseDouble(f[1]) >= 0, lines.get(k));
        }
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "PNG signature");
    }

    @Test
    void outputIsAMatrixMarketArrayReadableBack() throws IOException {
        Path x = tmp.resolve("x.mtx");
        Cli.Result r = Cli.run("solve", example().toString(), "-o", x.toString());
        assertEquals(0, r.exitCode(), r::toString);
        MatrixMarketData d = MatrixMarket.read(x);
        assertEquals(Format.ARRAY, d.header().format());
        CsrMatrix a = MatrixMarket.readCsr(example());
        assertEquals(a.cols(), d.header().rows());
        assertEquals(1, d.header().cols());
        for (double v : readVector(x)) {
            assertEquals(1.0, v, 1e-4); // b = A·1
        }
    }

    @Test
    void directMethodsAndExplicitPreconditionersRun() {
        String spd = example().toString();
        String spd2 = shared("small/bcsstk08.mtx");
        String nonsymmetric = shared("small/orsirr_1.mtx");
        String[][] cases = {
            {spd, "--method", "cholesky"}, {spd, "--method", "cg", "--precond", "jacobi"},
            {spd, "--method", "cg", "--precond", "ssor"}, {spd2, "--method", "minres", "--precond", "jacobi"},
            {nonsymmetric, "--method", "lu"}, {nonsymmetric, "--method", "bicgstab", "--precond", "ilu0"},
            {nonsymmetric, "--method", "gmres", "--precond", "ssor", "--restart", "20"},
        };
        for (String[] c : cases) {
            String[] all = new String[c.length + 2];
            all[0] = "solve";
            all[1] = "--json";
            System.arraycopy(c, 1, all, 2, c.length - 1);
            all[all.length - 1] = c[0];
            Cli.Result r = Cli.run(all);
            assertEquals(0, r.exitCode(), () -> String.join(" ", all) + "\n" + r);
            Map<String, Object> j = json(r);
            assertEquals(c[2], j.get("method"));
            assertEquals(c.length > 3 ? c[4] : "none", j.get("precond"));
            assertTrue(number(j.get("relative_residual")) < 1e-7, r::toString);
            assertTrue(((String) j.get("chosen_because")).contains("--method"), r::toString);
        }
    }

    @Test
    void aMethodThatDoesNotSuitTheMatrixExitsOne() {
        Cli.Result r = Cli.run("solve", "--method", "cg", shared("small/illc1033.mtx"));
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("square") && r.err().contains("1033×320"), r::toString);
        r = Cli.run("solve", "--method", "lsqr", "--precond", "jacobi", example().toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("no preconditioner"), r::toString);
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        String a = spd3().toString();
        for (String[] args : new String[][] {{"--method", "sor"}, {"--precond", "ilutp"}, {"--tol", "0"},
            {"--tol", "1.5"}, {"--maxit", "0"}, {"--restart", "0"}, {"--bogus"}}) {
            String[] all = new String[args.length + 2];
            all[0] = "solve";
            System.arraycopy(args, 0, all, 1, args.length);
            all[all.length - 1] = a;
            Cli.Result r = Cli.run(all);
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), () -> String.join(" ", args) + "\n" + r);
            assertEquals(1, r.errLines().length, r::toString);
        }
        Cli.Result r = Cli.run("solve");
        assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
    }

    @Test
    void missingMatrixFileExitsOne() {
        Cli.Result r = Cli.run("solve", tmp.resolve("nope.mtx").toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertFalse(r.err().isEmpty());
    }

    private static double[] readVector(Path file) throws IOException {
        MatrixMarketData d = MatrixMarket.read(file);
        double[] v = new double[d.header().rows()];
        int[] ri = d.matrix().rowIndices();
        double[] x = d.matrix().values();
        for (int k = 0; k < x.length; k++) {
            v[ri[k]] += x[k];
        }
        return v;
    }
}
