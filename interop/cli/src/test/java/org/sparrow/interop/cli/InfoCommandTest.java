package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfoCommandTest {

    /** Every key of {@code info --json}, in order. */
    static final List<String> KEYS = List.of("file", "rows", "cols", "nnz", "entries", "format", "field", "symmetry",
            "values_supported", "explicit_zeros", "nnz_per_row_min", "nnz_per_row_mean", "nnz_per_row_max",
            "empty_rows", "empty_cols", "lower_bandwidth", "upper_bandwidth", "structurally_symmetric",
            "numerically_symmetric", "full_diagonal", "diagonally_dominant_rows", "diagonally_dominant_fraction",
            "frobenius_norm", "non_finite_entries");

    @TempDir
    Path tmp;

    private static Map<String, Object> infoJson(Path file) {
        Cli.Result r = Cli.run("info", "--json", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertEquals(1, r.out().lines().count(), "one JSON object on one line: " + r.out());
        return JsonReader.parseObject(r.out());
    }

    private static long number(Map<String, Object> json, String key) {
        return ((BigDecimal) json.get(key)).longValueExact();
    }

    @Test
    void infoPrintsAlignedFiguresForTheBundledExample() {
        Path ex = TestData.example();
        Cli.Result r = Cli.run("info", ex.toString());
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        int column = -1;
        for (String line : lines) {
            assertTrue(line.matches("[A-Za-z ]+: +\\S.*"), "not 'key: value': " + line);
            int value = line.indexOf(':') + 1;
            while (line.charAt(value) == ' ') {
                value++;
            }
            column = column < 0 ? value : column;
            assertEquals(column, value, "values start in one column: " + line);
        }
        assertTrue(lines.get(0).endsWith(ex.toString()), r::toString);
        assertTrue(r.out().matches("(?s).*\\nnnz: +400\\n.*"), r::toString);
        assertTrue(r.out().matches("(?s).*\\nentries: +224\\n.*"), r::toString);
        assertTrue(r.out().matches("(?s).*\\nnumerically symmetric: +yes\\n.*"), r::toString);
    }

    @Test
    void infoJsonHasEveryKeyInOrderWithTheExampleFigures() {
        Map<String, Object> j = infoJson(TestData.example());
        assertEquals(KEYS, List.copyOf(j.keySet()));
        assertEquals(48, number(j, "rows"));
        assertEquals(48, number(j, "cols"));
        assertEquals(400, number(j, "nnz"));
        assertEquals(224, number(j, "entries"));
        assertEquals("coordinate", j.get("format"));
        assertEquals("real", j.get("field"));
        assertEquals("symmetric", j.get("symmetry"));
        assertEquals(Boolean.TRUE, j.get("values_supported"));
        assertEquals(Boolean.TRUE, j.get("structurally_symmetric"));
        assertEquals(Boolean.TRUE, j.get("numerically_symmetric"));
        assertEquals(Boolean.TRUE, j.get("full_diagonal"));
        assertEquals(35, number(j, "lower_bandwidth"));
        assertEquals(0, number(j, "empty_rows"));
        // Checked against scipy: sqrt(sum(A.data**2)) of the expanded matrix.
        assertEquals(7521821564.357719, ((BigDecimal) j.get("frobenius_norm")).doubleValue(), 1e-14 * 7.52e9);
    }

    /** rows, cols, nnz (after expansion), entries and explicit zeros agree with MANIFEST.tsv for every matrix. */
    @TestFactory
    List<DynamicTest> infoMatchesManifestForEveryMatrix() throws IOException {
        Path dir = TestData.dataDir();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, String> row : TestData.manifest().values()) {
            String name = row.get("file");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Map<String, Object> j = infoJson(dir.resolve(name));
                assertEquals(KEYS, List.copyOf(j.keySet()), name);
                assertEquals(Long.parseLong(row.get("rows")), number(j, "rows"), name + " rows");
                assertEquals(Long.parseLong(row.get("cols")), number(j, "cols"), name + " cols");
                assertEquals(Long.parseLong(row.get("nnz_stored")), number(j, "entries"), name + " entries");
                if (!row.get("nnz_full").isEmpty()) {
                    assertEquals(Long.parseLong(row.get("nnz_full")), number(j, "nnz"), name + " nnz");
                }
                assertEquals(row.get("format"), j.get("format"), name);
                assertEquals(row.get("field"), j.get("field"), name);
                assertEquals(row.get("symmetry").toLowerCase(java.util.Locale.ROOT), j.get("symmetry"), name);
                boolean complex = "complex".equals(row.get("field"));
                assertEquals(!complex, j.get("values_supported"), name);
                if (complex) {
                    assertNull(j.get("explicit_zeros"), name);
                    assertNull(j.get("frobenius_norm"), name);
                } else if ("coordinate".equals(row.get("format"))) {
                    assertEquals(Long.parseLong(row.get("explicit_zeros")), number(j, "explicit_zeros"),
                            name + " explicit zeros");
                } else {
                    // Array files store every value: "explicit zeros" has no meaning there.
                    assertNull(j.get("explicit_zeros"), name + " explicit zeros of an array file");
                }
            }));
        }
        return tests;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "small/bcsstk01.mtx,     48,    48,    400,    224, real,    symmetric",
        "small/3elt.mtx,         4720,  4720,  27444,  13722, pattern, symmetric",
        "medium/bcsstk13.mtx.gz, 2003,  2003,  83883,  42943, real,    symmetric",
        "small/young1c.mtx,      841,   841,   4089,   4089, complex, general",
        "small/mhd1280b.mtx,     1280,  1280,  22778,  12029, complex, hermitian",
        "small/2dcyl1.mtx,       1784,  1784,  34656,  34656, real,    general",
    })
    void infoTextShowsManifestFigures(String file, int rows, int cols, int nnz, int entries, String field,
                                      String symmetry) {
        Cli.Result r = Cli.run("info", TestData.dataDir().resolve(file).toString());
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.out();
        assertTrue(out.matches("(?s).*\\nrows: +" + rows + "\\n.*"), out);
        assertTrue(out.matches("(?s).*\\ncols: +" + cols + "\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nnnz: +" + nnz + "\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nentries: +" + entries + "\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nfield: +" + field + "\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nsymmetry: +" + symmetry + "\\n.*"), out);
        if ("complex".equals(field)) {
            assertTrue(out.contains("Frobenius norm:") && out.matches(
                    "(?s).*Frobenius norm: +n/a \\(complex values are not supported\\)\\n.*"), out);
            assertTrue(out.matches("(?s).*\\nstructurally symmetric: +yes\\n.*"), out);
        }
    }

    @Test
    void hermitianInfoJsonGivesStructureAndNullValueFigures() {
        Map<String, Object> j = infoJson(TestData.dataDir().resolve("small/mhd1280b.mtx"));
        assertEquals(Boolean.FALSE, j.get("values_supported"));
        assertEquals(Boolean.TRUE, j.get("structurally_symmetric"));
        for (String key : List.of("explicit_zeros", "numerically_symmetric", "full_diagonal",
                "diagonally_dominant_rows", "diagonally_dominant_fraction", "frobenius_norm")) {
            assertTrue(j.containsKey(key), key);
            assertNull(j.get(key), key);
        }
    }

    @Test
    void gzippedFileIsReadLikeThePlainOne() throws IOException {
        Path ex = TestData.example();
        Path gz = tmp.resolve("copy.mtx.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(ex, o);
        }
        Map<String, Object> plain = infoJson(ex);
        Map<String, Object> zipped = infoJson(gz);
        plain.remove("file");
        zipped.remove("file");
        assertEquals(plain, zipped);
    }

    @Test
    void fileNameWithQuotesAndBackslashesIsValidJson() throws IOException {
        Path f = tmp.resolve("we\"ird\\name.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n2 3 1\n2 3 -1.5\n");
        Map<String, Object> j = infoJson(f);
        assertEquals(f.toString(), j.get("file"));
        assertEquals(2, number(j, "empty_cols"), "two of three columns are empty");
        assertEquals(Boolean.FALSE, j.get("full_diagonal"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "row index 0            | 4 | %%MatrixMarket matrix coordinate real general\\n3 3 2\\n1 1 1.0\\n0 2 5.0\\n",
        "non-numeric value      | 3 | %%MatrixMarket matrix coordinate real general\\n3 3 2\\n1 1 abc\\n2 2 5.0\\n",
        "garbled banner         | 1 | %%MatrixMarkt matrix coordinate real general\\n3 3 1\\n1 1 1.0\\n",
        "fewer entries          | 5 | %%MatrixMarket matrix coordinate real general\\n3 3 3\\n1 1 1.0\\n2 2 2.0\\n",
        "column out of range    | 3 | %%MatrixMarket matrix coordinate real general\\n3 3 1\\n1 9 1.0\\n",
    })
    void malformedFileFailsWithOneLineNamingFileAndLine(String problem, int line, String content) throws IOException {
        Path bad = tmp.resolve("bad.mtx");
        Files.writeString(bad, content.replace("\\n", "\n"), StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("info", bad.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().length, () -> problem + ": " + r);
        String err = r.errLines()[0];
        assertTrue(err.startsWith("sparrow: "), err);
        assertTrue(err.contains("bad.mtx"), err);
        assertTrue(err.contains("line " + line), () -> problem + ": expected line " + line + " in " + err);
        assertFalse(err.contains("Exception") || err.contains("at org."), err);
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path bad = tmp.resolve("bad.mtx");
        Files.writeString(bad, "%%MatrixMarket matrix coordinate real general\n3 3 1\n0 1 1.0\n");
        Cli.Result quiet = Cli.run("info", bad.toString());
        Cli.Result loud = Cli.run("info", "--verbose", bad.toString());
        assertEquals(1, quiet.exitCode());
        assertEquals(1, loud.exitCode());
        assertEquals(quiet.errLines()[0], loud.errLines()[0], "same first line");
        assertTrue(loud.errLines().length > 3, loud::toString);
        assertTrue(loud.err().contains("MatrixMarketException") && loud.err().contains("\tat org.sparrow."),
                loud::toString);
    }

    @Test
    void truncatedGzipFailsWithOneLine() throws IOException {
        byte[] full;
        Path gz = tmp.resolve("whole.mtx.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(TestData.example(), o);
        }
        full = Files.readAllBytes(gz);
        Path cut = tmp.resolve("cut.mtx.gz");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));
        Cli.Result r = Cli.run("info", cut.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("cut.mtx.gz"), r::toString);
    }

    @Test
    void infoReadsAFifoOnceAndFinishes() throws Exception {
        Path fifo = tmp.resolve("pipe.mtx");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor(), "mkfifo");
        byte[] text = Files.readAllBytes(TestData.example());
        Thread writer = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) { // blocks until info opens the FIFO
                o.write(text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        // A second open of the FIFO would wait for a writer that never comes: the test would hang.
        Cli.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> Cli.run("info", "--json", fifo.toString()));
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, Object> direct = infoJson(TestData.example());
        Map<String, Object> piped = JsonReader.parseObject(r.out());
        piped.put("file", direct.get("file"));
        assertEquals(direct, piped);
    }

    @Test
    void dashReadsStandardInputPlainOrGzip() throws IOException {
        byte[] text = Files.readAllBytes(TestData.example());
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(text);
        }
        Map<String, Object> direct = infoJson(TestData.example());
        for (byte[] input : List.of(text, gz.toByteArray())) {
            java.io.InputStream saved = System.in;
            Cli.Result r;
            try {
                System.setIn(new java.io.ByteArrayInputStream(input));
                r = Cli.run("info", "--json", "-");
            } finally {
                System.setIn(saved);
            }
            assertEquals(0, r.exitCode(), r::toString);
            Map<String, Object> json = JsonReader.parseObject(r.out());
            assertEquals("-", json.get("file"));
            json.put("file", direct.get("file"));
            assertEquals(direct, json);
        }
    }

    @Test
    void infoDescribesAHypersparseMatrixWhoseCsrWouldNotFit() throws IOException {
        Path f = tmp.resolve("hyper.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n2000000000 2000000000 3\n"
                + "1 1 1\n2000000000 2000000000 2\n1 2000000000 3\n");
        Map<String, Object> json = infoJson(f);
        assertEquals(2_000_000_000L, number(json, "rows"));
        assertEquals(3, number(json, "nnz"));
        assertEquals(1_999_999_998L, number(json, "empty_rows"));
        assertEquals(1_999_999_999L, number(json, "upper_bandwidth"));
        assertEquals(0, number(json, "non_finite_entries"));
        Cli.Result solve = Cli.run("solve", f.toString());
        assertEquals(1, solve.exitCode(), solve::toString);
        assertEquals(1, solve.errLines().length, solve::toString);
        assertTrue(solve.err().matches("(?s)sparrow: .*hyper.mtx: the CSR form of this 2000000000×2000000000 matrix"
                + " with 3 entries needs [0-9.]+ GB of memory, more than .*\\R?"), solve::toString);
    }

    @Test
    void infoDescribesAMatrixAtTheSizeLimit() throws IOException {
        Path f = tmp.resolve("limit.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate pattern general\n1 2147483647 2\n1 1\n1 2147483647\n");
        Map<String, Object> json = infoJson(f);
        assertEquals(2147483647L, number(json, "cols"));
        assertEquals(2147483645L, number(json, "empty_cols"));
        assertEquals(2147483646L, number(json, "upper_bandwidth"));
    }

    @Test
    void infoCountsNonFiniteEntries() throws IOException {
        Path f = tmp.resolve("nan.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n3 3 4\n1 1 nan\n2 2 inf\n3 3 -Infinity\n1 2 1\n");
        assertEquals(3, number(infoJson(f), "non_finite_entries"));
        Cli.Result r = Cli.run("info", f.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("NaN or infinite entries: +3")), r::toString);
    }

    @Test
    void rhsFromStandardInputAndAWrongLengthNamesIt() throws IOException {
        Path a = tmp.resolve("a.mtx");
        Files.writeString(a, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 2\n2 2 4\n");
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "%%MatrixMarket matrix array real general\n2 1\n2\n8\n".getBytes(StandardCharsets.US_ASCII)));
            Cli.Result r = Cli.run("solve", "--json", a.toString(), "--rhs", "-");
            assertEquals(0, r.exitCode(), r::toString);
            System.setIn(new java.io.ByteArrayInputStream(
                    "%%MatrixMarket matrix array real general\n3 1\n2\n8\n1\n".getBytes(StandardCharsets.US_ASCII)));
            Cli.Result bad = Cli.run("solve", a.toString(), "--rhs", "-");
            assertEquals(1, bad.exitCode(), bad::toString);
            assertEquals("sparrow: standard input has 3 entries but A is 2x2: the right-hand side needs 2",
                    bad.err().strip());
        } finally {
            System.setIn(saved);
        }
    }
}
