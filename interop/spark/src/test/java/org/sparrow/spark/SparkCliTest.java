package org.sparrow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparrow.interop.cli.SparrowCli;
import org.sparrow.testing.SharedData;

/**
 * {@code sparrow spark info|solve|regress} against the local commands on the same files: the same JSON keys in
 * the same order plus {@code partitions} and {@code master}, the same figures, and bad input as one sentence
 * with exit code 1. The commands join the test JVM's shared context (one per JVM), as an embedding application's.
 */
class SparkCliTest {

    @BeforeAll
    static void start() {
        SharedSpark.context();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparrowCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    private static List<String> keys(String json) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("[{,]\"([a-z_0-9]+)\":").matcher(json);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String value(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\"[^\"]*\"|[^,}]*)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1);
    }

    private static void assertSameKeysPlusSpark(String local, String spark) {
        List<String> expected = new ArrayList<>(keys(local));
        expected.add("partitions");
        expected.add("master");
        assertEquals(expected, keys(spark));
    }

    @Test
    void sparkSolveReportsWhatSolveReportsPlusPartitionsAndMaster() {
        String a = SharedData.file("small/gr_30_30.mtx").toString();
        Run local = run("solve", a, "--method", "cg", "--precond", "jacobi", "--json");
        Run spark = run("spark", "solve", a, "--method", "cg", "--precond", "jacobi", "--partitions", "3", "--json");
        assertEquals(0, spark.code(), spark.err());
        assertSameKeysPlusSpark(local.out(), spark.out());
        assertEquals(value(local.out(), "iterations"), value(spark.out(), "iterations"));
        assertEquals("3", value(spark.out(), "partitions"));
        assertTrue(value(spark.out(), "master").startsWith("\"local"), spark.out());
    }

    @Test
    void sparkRegressReportsWhatRegressReportsPlusPartitionsAndMaster() throws Exception {
        String a = SharedData.file("small/illc1033.mtx").toString();
        java.nio.file.Path b = java.nio.file.Files.createTempFile("sparrow-b", ".mtx");
        try {
            double[] rhs = DistributedCsrMatrixTest.randomVector(1033, 9);
            StringBuilder text = new StringBuilder("%%MatrixMarket matrix array real general\n1033 1\n");
            for (double v : rhs) {
                text.append(v).append('\n');
            }
            java.nio.file.Files.writeString(b, text);
            Run local = run("regress", a, b.toString(), "--sketch", "gaussian", "--json");
            Run spark = run("spark", "regress", a, b.toString(), "--sketch", "gaussian", "--partitions", "2", "--json");
            assertEquals(0, spark.code(), spark.err());
            assertSameKeysPlusSpark(local.out(), spark.out());
            double rl = Double.parseDouble(value(local.out(), "residual_norm"));
            double rs = Double.parseDouble(value(spark.out(), "residual_norm"));
            assertEquals(rl, rs, 1e-12 * rl);
        } finally {
            java.nio.file.Files.deleteIfExists(b);
        }
    }

    @Test
    void sparkInfoHasTheKeysOfInfoWithTheSymmetryFiguresLeftOpen() {
        String a = SharedData.file("small/bcsstk01.mtx").toString();
        Run local = run("info", a, "--json");
        Run spark = run("spark", "info", a, "--partitions", "4", "--json");
        assertEquals(0, spark.code(), spark.err());
        assertSameKeysPlusSpark(local.out(), spark.out());
        for (String key : new String[] {"rows", "cols", "nnz", "entries", "symmetry", "explicit_zeros", "nnz_per_row_min",
            "nnz_per_row_max", "empty_rows", "empty_cols", "lower_bandwidth", "upper_bandwidth", "full_diagonal",
            "diagonally_dominant_rows", "non_finite_entries"}) {
            assertEquals(value(local.out(), key), value(spark.out(), key), key);
        }
        double fl = Double.parseDouble(value(local.out(), "frobenius_norm"));
        assertEquals(fl, Double.parseDouble(value(spark.out(), "frobenius_norm")), 1e-12 * fl);
        assertEquals("null", value(spark.out(), "numerically_symmetric"));
    }

    @Test
    void sparkMultiplyReportsWhatMultiplyReportsPlusPartitionsAndMaster() {
        String a = SharedData.file("small/bcsstk05.mtx").toString();
        Run local = run("multiply", a, a, "--repeat", "1", "--json");
        Run spark = run("spark", "multiply", a, a, "--repeat", "1", "--partitions", "3", "--json");
        assertEquals(0, spark.code(), spark.err());
        assertSameKeysPlusSpark(local.out(), spark.out());
        for (String key : new String[] {"rows", "cols", "nnz", "flops", "sorted"}) {
            assertEquals(value(local.out(), key), value(spark.out(), key), key);
        }
        assertEquals("\"broadcast\"", value(spark.out(), "strategy"));
    }

    @Test
    void badInputIsOneSentenceWithExitCodeOne() {
        Run missing = run("spark", "solve", "no-such-file.mtx");
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("sparrow: no-such-file.mtx"), missing.err());
        Run direct = run("spark", "solve", SharedData.file("small/nos4.mtx").toString(), "--method", "lu");
        assertEquals(1, direct.code());
        assertTrue(direct.err().startsWith("sparrow: LU is a direct factorization"), direct.err());
        Run partitions = run("spark", "info", "x.mtx", "--partitions", "0");
        assertEquals(2, partitions.code());
        assertTrue(partitions.err().contains("--partitions must be ≥ 1, got 0"), partitions.err());
    }
}
