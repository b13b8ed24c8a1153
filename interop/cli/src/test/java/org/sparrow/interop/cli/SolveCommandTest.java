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
    void rhsMatrixWithOtherRowsThanAExitsOne() throws IOException {
        Path b = file("b.mtx", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n");
        Cli.Result r = Cli.run("solve", spd3().toString(), "--rhs", b.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("b.mtx is 2x2 but A is 3x3") && r.err().contains("needs 3 rows"), r::toString);
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
            {"--tol", "1.5"}, {"--maxit", "0"}, {"--restart", "0"}, {"--bogus"},
            {"--precond", "ilut", "--drop-tol", "-1"}, {"--precond", "ilut", "--drop-tol", "abc"},
            {"--precond", "ilut", "--fill", "-3"}, {"--precond", "ilut", "--fill", "lots"},
            {"--precond", "iluk", "--levels", "-1"}, {"--precond", "iluk", "--levels", "1.5"},
            {"--precond", "ic0", "--drop-tol", "1e-3"}, {"--fill", "4"}, {"--precond", "ilut", "--levels", "2"},
            {"--atol", "-1"}, {"--atol", "Infinity"}, {"--damp", "-0.5"}, {"--damp", "NaN"},
            {"--method", "cg", "--damp", "0.1"}, {"--x0"}}) {
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

    /** A 40×40 nonsymmetric, diagonally dominant tridiagonal-plus matrix, general storage. */
    private Path nonsym() throws IOException {
        StringBuilder sb = new StringBuilder("%%MatrixMarket matrix coordinate real general\n");
        int n = 40;
        java.util.List<String> e = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            e.add(i + " " + i + " " + (4 + 0.01 * i));
            if (i > 1) {
                e.add(i + " " + (i - 1) + " -1.3");
            }
            if (i < n) {
                e.add(i + " " + (i + 1) + " -0.7");
            }
            if (i + 5 <= n) {
                e.add(i + " " + (i + 5) + " 0.4");
            }
        }
        sb.append(n).append(' ').append(n).append(' ').append(e.size()).append('\n');
        e.forEach(l -> sb.append(l).append('\n'));
        return file("nonsym.mtx", sb.toString());
    }

    @Test
    void ilutAndIlukTakeTheirParametersAndViewReportsFillAndSetup() throws IOException {
        String a = nonsym().toString();
        Cli.Result r = Cli.run("solve", "--json", "--view", a, "--precond", "ilut", "--drop-tol", "1e-3", "--fill", "2");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals("gmres", j.get("method"));
        assertEquals("ilut", j.get("precond"));
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) j.get("view");
        assertEquals("ILUT(τ = 1e-03, p = 2)", v.get("name"));
        assertEquals(number(j.get("nnz")), number(v.get("matrix_nonzeros")));
        assertTrue(number(v.get("stored_nonzeros")) <= 40 * 5, v.toString());
        assertEquals(number(v.get("stored_nonzeros")) / number(v.get("matrix_nonzeros")), number(v.get("fill")), 1e-12);
        assertTrue(number(v.get("setup_seconds")) >= 0);

        r = Cli.run("solve", "--view", a, "--precond", "iluk", "--levels", "3", "--fill", "max", "--precond", "iluk");
        assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), "--fill needs --precond ilut\n" + r);
        r = Cli.run("solve", "--view", a, "--precond", "iluk", "--levels", "3");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("preconditioner:") && r.out().contains("ILU(3): ") && r.out().contains("fill"),
                r::toString);
        r = Cli.run("solve", "--json", a, "--precond", "ilut", "--fill", "max", "--drop-tol", "0");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, number(json(r).get("iterations")), "ILUT(0, ∞) is the exact LU: one GMRES step");
        assertNull(json(r).get("view"), "no view without --view");
    }

    @Test
    void monitorPrintsPetscStyleResidualLinesToStderr() throws IOException {
        Cli.Result r = Cli.run("solve", "--json", "--monitor", nonsym().toString(), "--precond", "ilu0");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        String[] lines = r.errLines();
        assertEquals((int) number(j.get("iterations")) + 1, lines.length, r::toString);
        for (int t = 0; t < lines.length; t++) {
            assertTrue(lines[t].matches(String.format("%3d", t) + " KSP Residual norm \\d\\.\\d{12}e[+-]\\d{2}"), lines[t]);
        }
        double first = Double.parseDouble(lines[0].substring(lines[0].lastIndexOf(' ') + 1));
        double last = Double.parseDouble(lines[lines.length - 1].substring(lines[lines.length - 1].lastIndexOf(' ') + 1));
        assertTrue(last <= 1e-8 * first * 1.01, "the last norm is within the tolerance of ‖b‖: " + last + " vs " + first);
    }

    @Test
    void initialGuessAndAbsoluteToleranceAreUsed() throws IOException {
        Path a = spd3();
        Path x0 = file("x0.mtx", "%%MatrixMarket matrix array real general\n3 1\n1\n1\n1\n");
        Cli.Result r = Cli.run("solve", "--json", a.toString(), "--x0", x0.toString(), "--method", "cg");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(0, number(json(r).get("iterations")), "x0 = 1 solves A·x = A·1 at once");
        Path near = file("near.mtx", "%%MatrixMarket matrix array real general\n3 1\n1.001\n0.999\n1\n");
        r = Cli.run("solve", "--json", a.toString(), "--x0", near.toString(), "--method", "gmres");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(number(json(r).get("error_inf")) < 1e-8, r::toString);
        r = Cli.run("solve", "--json", a.toString(), "--atol", "1e6", "--method", "cg");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(0, number(json(r).get("iterations")), "‖b‖ is below the absolute floor");

        Path shortX0 = file("short.mtx", "%%MatrixMarket matrix array real general\n2 1\n1\n1\n");
        r = Cli.run("solve", a.toString(), "--x0", shortX0.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("short.mtx has 2 entries") && r.err().contains("initial guess needs 3"), r::toString);
        Path nanX0 = file("nan.mtx", "%%MatrixMarket matrix array real general\n3 1\n1\nNaN\n1\n");
        r = Cli.run("solve", a.toString(), "--x0", nanX0.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("nan.mtx") && r.err().contains("x0(2)"), r::toString);
        r = Cli.run("solve", a.toString(), "--x0", tmp.resolve("missing.mtx").toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
    }

    @Test
    void dampedLeastSquaresMatchesTheLibraryAndIsRefusedForSquareAuto() throws IOException {
        String a = shared("small/illc1033.mtx");
        Cli.Result r = Cli.run("solve", "--json", a, "--method", "lsmr", "--damp", "0.05", "--tol", "1e-10");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(0.05, number(j.get("damping")));
        CsrMatrix m = MatrixMarket.readCsr(TestData.shared("small/illc1033.mtx"));
        double[] ones = new double[m.cols()];
        Arrays.fill(ones, 1.0);
        double[] b = m.apply(ones);
        org.sparrow.solvers.SolverResult ref = org.sparrow.solvers.krylov.Lsqr.solve(m, b,
                org.sparrow.solvers.SolverOptions.defaults().withDamping(0.05).withRelativeTolerance(1e-10));
        assertEquals(ref.relativeResidual(), number(j.get("relative_residual")), 1e-6 * ref.relativeResidual(),
                "LSMR and LSQR reach the same damped minimizer");
        assertTrue(number(j.get("relative_residual")) > 1e-6, "damping moves x away from the exact solution");
        r = Cli.run("solve", spd3().toString(), "--damp", "0.1");
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("damping") && r.err().contains("lsqr and lsmr"), r::toString);
    }

    @Test
    void severalRightHandSidesAreSolvedPerColumnWithSummaryAndPerColumnJson() throws IOException {
        Path a = spd3();
        // B = A·[1 2; 1 0; 1 -1] → X known
        Path b = file("B.mtx", "%%MatrixMarket matrix array real general\n3 2\n5\n5\n3\n8\n1\n-2\n");
        Path x = tmp.resolve("X.mtx");
        Cli.Result r = Cli.run("solve", "--json", "--monitor", a.toString(), "--rhs", b.toString(), "-o", x.toString(),
                "--method", "cg", "--tol", "1e-12");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> j = json(r);
        assertEquals(2, number(j.get("columns")));
        assertEquals(true, j.get("converged"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> per = (List<Map<String, Object>>) j.get("per_column");
        assertEquals(2, per.size());
        assertEquals(2, number(per.get(1).get("column")));
        assertTrue(number(per.get(1).get("relative_residual")) <= 1e-12);
        assertTrue(r.err().contains("Residual norms for column 2 solve."), r::toString);
        MatrixMarketData d = MatrixMarket.read(x);
        assertEquals(3, d.header().rows());
        assertEquals(2, d.header().cols());
        double[][] expect = {{1, 2}, {1, 0}, {1, -1}};
        double[] got = new double[6];
        int[] ri = d.matrix().rowIndices();
        int[] ci = d.matrix().columnIndices();
        double[] vals = d.matrix().values();
        for (int t = 0; t < vals.length; t++) {
            assertEquals(expect[ri[t]][ci[t]], vals[t], 1e-10);
        }
        r = Cli.run("solve", a.toString(), "--rhs", b.toString(), "--method", "cg");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("column 2:") && r.out().contains("2 right-hand sides"), r::toString);

        r = Cli.run("solve", a.toString(), "--rhs", b.toString(), "--history", tmp.resolve("h.csv").toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--history draws one solve") && r.err().contains("2 right-hand sides"), r::toString);
        Path x0 = file("x03.mtx", "%%MatrixMarket matrix array real general\n3 3\n1\n1\n1\n1\n1\n1\n1\n1\n1\n");
        r = Cli.run("solve", a.toString(), "--rhs", b.toString(), "--x0", x0.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("x03.mtx has 3 columns but there are 2 right-hand sides"), r::toString);
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
