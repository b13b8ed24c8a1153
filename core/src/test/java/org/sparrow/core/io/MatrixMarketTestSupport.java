package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.testing.SharedData;

/**
 * Helpers shared by the Matrix Market tests: writing small files byte for byte, checking that a read
 * fails with the expected file, line and problem, dense comparisons, and the test-data manifest.
 * Not a test class itself (it has no tests).
 */
final class MatrixMarketTestSupport {

    private MatrixMarketTestSupport() {
    }

    // ---------------------------------------------------------------- files

    /** Writes {@code content} (UTF-8, exactly as given: no newline is added) to {@code dir/name}. */
    static Path writeFile(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, content.getBytes(StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines in {@code content} as a text editor counts them (a final line without newline counts). */
    static long lineCount(String content) {
        long n = content.chars().filter(c -> c == '\n').count();
        return content.isEmpty() || content.endsWith("\n") ? n : n + 1;
    }

    /** The file's text (gzip not handled). */
    static String readText(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- errors

    /**
     * Asserts that {@code read} throws a {@link MatrixMarketException} for {@code file} at
     * {@code expectedLine} whose problem contains one of {@code keywords} (case-insensitive; none
     * given: any problem).
     */
    static MatrixMarketException assertMalformed(Executable read, Path file, long expectedLine, String... keywords) {
        return assertMalformed(read, file.toString(), expectedLine, keywords);
    }

    /** As {@link #assertMalformed(Executable, Path, long, String...)} for a source name. */
    static MatrixMarketException assertMalformed(Executable read, String source, long expectedLine,
                                                 String... keywords) {
        MatrixMarketException e = assertThrows(MatrixMarketException.class, read,
                () -> "expected a MatrixMarketException for " + source);
        String msg = e.getMessage();
        assertEquals(source, e.file(), () -> "file() of: " + msg);
        assertEquals(expectedLine, e.line(), () -> "line() of: " + msg);
        assertTrue(msg.contains(source), () -> "message does not name the file: " + msg);
        assertTrue(msg.contains("line " + expectedLine), () -> "message does not name line " + expectedLine + ": " + msg);
        assertTrue(e.problem() != null && !e.problem().isBlank(), () -> "empty problem: " + msg);
        assertEquals(source + ", line " + expectedLine + ": " + e.problem(), msg, "message format");
        assertHasKeyword(e, keywords);
        return e;
    }

    /** Asserts that the problem (case-insensitive) contains one of {@code keywords}; none: no check. */
    static void assertHasKeyword(MatrixMarketException e, String... keywords) {
        if (keywords.length == 0) {
            return;
        }
        String problem = e.problem().toLowerCase(Locale.ROOT);
        for (String k : keywords) {
            if (problem.contains(k.toLowerCase(Locale.ROOT))) {
                return;
            }
        }
        fail("problem should mention " + String.join(" or ", keywords) + ": " + e.getMessage());
    }

    // ---------------------------------------------------------------- comparisons

    /** Asserts that {@code actual} has the shape of {@code expected} and bitwise equal entries. */
    static void assertDenseEquals(double[][] expected, Matrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what + ": rows");
        assertEquals(expected[0].length, actual.cols(), what + ": cols");
        double[] d = actual.toCsr().toDense().data();
        int c = actual.cols();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < c; j++) {
                double e = expected[i][j];
                double a = d[i * c + j];
                if (Double.doubleToLongBits(e) != Double.doubleToLongBits(a)) {
                    fail(what + ": entry (" + (i + 1) + ", " + (j + 1) + ") (1-based) expected " + e + " but was " + a);
                }
            }
        }
    }

    /** Position of the first difference between two CSR matrices, for messages. */
    static String firstDifference(CsrMatrix expected, CsrMatrix actual) {
        if (expected.rows() != actual.rows() || expected.cols() != actual.cols()) {
            return "shape " + expected.rows() + "×" + expected.cols() + " vs " + actual.rows() + "×" + actual.cols();
        }
        if (expected.nnz() != actual.nnz()) {
            return "nnz " + expected.nnz() + " vs " + actual.nnz();
        }
        int[] rpE = expected.rowPointers();
        int[] rpA = actual.rowPointers();
        for (int i = 0; i < expected.rows(); i++) {
            if (rpE[i + 1] != rpA[i + 1]) {
                return "row " + (i + 1) + " has " + (rpE[i + 1] - rpE[i]) + " vs " + (rpA[i + 1] - rpA[i]) + " entries";
            }
            for (int p = rpE[i]; p < rpE[i + 1]; p++) {
                int jE = expected.columnIndices()[p];
                int jA = actual.columnIndices()[p];
                double vE = expected.values()[p];
                double vA = actual.values()[p];
                if (jE != jA || Double.doubleToLongBits(vE) != Double.doubleToLongBits(vA)) {
                    return "row " + (i + 1) + ": expected (" + (i + 1) + ", " + (jE + 1) + ") = " + vE
                            + " but found (" + (i + 1) + ", " + (jA + 1) + ") = " + vA + " (1-based)";
                }
            }
        }
        return "no difference";
    }

    /** Asserts bitwise equality of two CSR matrices, naming the first difference. */
    static void assertCsrEquals(CsrMatrix expected, CsrMatrix actual, String what) {
        if (!expected.equals(actual)) {
            fail(what + ": " + firstDifference(expected, actual));
        }
    }

    /** The matrix with every value negated (same structure). */
    static CsrMatrix negate(CsrMatrix a) {
        double[] v = Arrays.copyOf(a.values(), a.nnz());
        for (int p = 0; p < v.length; p++) {
            v[p] = -v[p];
        }
        return new CsrMatrix(a.rows(), a.cols(), a.rowPointers().clone(), Arrays.copyOf(a.columnIndices(), a.nnz()), v);
    }

    /** How a matrix relates to its transpose, entries compared bitwise. */
    enum Kind {
        SYMMETRIC, SKEW_SYMMETRIC, NEITHER
    }

    /**
     * {@code SYMMETRIC} when A equals Aᵀ bitwise (explicit zeros and all), else {@code SKEW_SYMMETRIC}
     * when A equals −Aᵀ bitwise, else {@code NEITHER}.
     */
    static Kind kindOf(CsrMatrix a) {
        if (a.rows() != a.cols()) {
            return Kind.NEITHER;
        }
        CsrMatrix t = a.transpose();
        if (a.equals(t)) {
            return Kind.SYMMETRIC;
        }
        if (a.equals(negate(t))) {
            return Kind.SKEW_SYMMETRIC;
        }
        return Kind.NEITHER;
    }

    /** Whether A = Aᵀ or A = −Aᵀ with values compared by {@code ==} (so 0.0 equals −0.0). */
    static boolean numericallySymmetricOrSkew(CsrMatrix a) {
        if (a.rows() != a.cols()) {
            return false;
        }
        return sameNumerically(a, a.transpose(), false) || sameNumerically(a, a.transpose(), true);
    }

    private static boolean sameNumerically(CsrMatrix a, CsrMatrix t, boolean negate) {
        if (a.nnz() != t.nnz() || !Arrays.equals(a.rowPointers(), 0, a.rows() + 1, t.rowPointers(), 0, a.rows() + 1)
                || !Arrays.equals(a.columnIndices(), 0, a.nnz(), t.columnIndices(), 0, a.nnz())) {
            return false;
        }
        for (int p = 0; p < a.nnz(); p++) {
            double x = a.values()[p];
            double y = negate ? -t.values()[p] : t.values()[p];
            if (!(x == y)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- test data

    /** One row of {@code MANIFEST.tsv}: only the columns the tests use. */
    record ManifestRow(String file, int rows, int cols, long nnzStored, long nnzFull, long explicitZeros,
                       String format, String field, String symmetry) {

        /** {@code nnz_full}, or −1 where the manifest leaves it empty (array files). */
        boolean hasNnzFull() {
            return nnzFull >= 0;
        }

        boolean isComplex() {
            return field.equalsIgnoreCase("complex");
        }

        boolean isArray() {
            return format.equalsIgnoreCase("array");
        }

        boolean isGzipped() {
            return file.endsWith(".gz");
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /**
     * The data directory ({@link SharedData#dirOrNull()}), or {@code null} when unset or absent; tests that
     * need it call {@link SharedData#dir()}, which skips or (in CI) fails.
     */
    static Path dataDir() {
        return SharedData.dirOrNull();
    }

    private static List<ManifestRow> manifest;

    /** Every row of {@code MANIFEST.tsv}, or an empty list when the data directory is absent. */
    static synchronized List<ManifestRow> manifest() {
        if (manifest == null) {
            Path dir = dataDir();
            if (dir == null) {
                return List.of();
            }
            try {
                List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
                String[] head = lines.get(0).split("\t", -1);
                Map<String, Integer> col = new HashMap<>();
                for (int k = 0; k < head.length; k++) {
                    col.put(head[k].trim(), k);
                }
                for (String c : List.of("file", "rows", "cols", "nnz_stored", "nnz_full", "explicit_zeros", "format",
                        "field", "symmetry")) {
                    if (!col.containsKey(c)) {
                        throw new IllegalStateException("MANIFEST.tsv has no column " + c);
                    }
                }
                List<ManifestRow> rows = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] t = line.split("\t", -1);
                    rows.add(new ManifestRow(t[col.get("file")], Integer.parseInt(t[col.get("rows")].trim()),
                            Integer.parseInt(t[col.get("cols")].trim()), Long.parseLong(t[col.get("nnz_stored")].trim()),
                            optionalLong(t[col.get("nnz_full")]), optionalLong(t[col.get("explicit_zeros")]),
                            t[col.get("format")].trim(), t[col.get("field")].trim(), t[col.get("symmetry")].trim()));
                }
                if (rows.isEmpty()) {
                    throw new IllegalStateException("MANIFEST.tsv lists no files");
                }
                manifest = List.copyOf(rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return manifest;
    }

    private static long optionalLong(String s) {
        return s.isBlank() ? -1 : Long.parseLong(s.trim());
    }
}
