package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.io.MatrixMarket;

/**
 * Every command that reads a matrix takes {@code -} for standard input, plain or gzip, and prints
 * the same figures as for the file itself.
 */
class StandardInputTest {

    @TempDir
    Path tmp;

    private static Cli.Result runWithStdin(byte[] stdin, String... args) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            return Cli.run(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** The JSON of a run, without the keys that name files or measure time. */
    private static Map<String, Object> figures(Cli.Result r) {
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> json = JsonReader.parseObject(r.out());
        json.keySet().removeIf(k -> List.of("file", "matrix", "output", "a", "b", "gflops").contains(k)
                || k.contains("seconds") || k.contains("time"));
        return json;
    }

    @Test
    void everyCommandThatReadsAMatrixAcceptsDashForStandardInput() throws IOException {
        Path a = TestData.example();
        byte[] plain = Files.readAllBytes(a);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(plain);
        }
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"info", "--json", "A"});
        commands.add(new String[] {"solve", "--json", "A", "--tol", "1e-6"});
        commands.add(new String[] {"multiply", "--json", "A", a.toString()});
        commands.add(new String[] {"spmm", "--json", "A", "--k", "2", "--seed", "1", "--backend", "cpu"});
        commands.add(new String[] {"lowrank", "--json", "A", "--rank", "2", "--seed", "1"});
        for (String[] template : commands) {
            for (byte[] stdin : List.of(plain, gz.toByteArray())) {
                String[] fromFile = template.clone();
                String[] fromStdin = template.clone();
                for (int i = 0; i < template.length; i++) {
                    if (template[i].equals("A")) {
                        fromFile[i] = a.toString();
                        fromStdin[i] = "-";
                    }
                }
                Map<String, Object> expected = figures(Cli.run(fromFile));
                assertEquals(expected, figures(runWithStdin(stdin, fromStdin)), String.join(" ", fromStdin));
            }
        }
        Path out = tmp.resolve("copy.mtx");
        Cli.Result convert = runWithStdin(gz.toByteArray(), "convert", "-", out.toString());
        assertEquals(0, convert.exitCode(), convert::toString);
        assertEquals(MatrixMarket.readCsr(a), MatrixMarket.readCsr(out));
    }

    @Test
    void twoInputsFromStandardInputAreAUsageErrorNamingBoth() throws IOException {
        byte[] plain = Files.readAllBytes(TestData.example());
        String[][] cases = {
            {"solve", "-", "--rhs", "-"},
            {"multiply", "-", "-"},
            {"regress", "-", "-"},
        };
        String[][] named = {{"A", "--rhs"}, {"A", "B"}, {"A", "b"}};
        for (int c = 0; c < cases.length; c++) {
            Cli.Result r = runWithStdin(plain, cases[c]);
            assertEquals(2, r.exitCode(), r::toString);
            String err = r.err();
            org.junit.jupiter.api.Assertions.assertTrue(err.contains(named[c][0] + " and " + named[c][1]
                    + " cannot both read standard input"), err);
            org.junit.jupiter.api.Assertions.assertFalse(err.contains("Exception"), err);
        }
    }
}
