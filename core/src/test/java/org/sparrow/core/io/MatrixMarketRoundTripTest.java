package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sparrow.core.io.MatrixMarketTestSupport.assertCsrEquals;
import static org.sparrow.core.io.MatrixMarketTestSupport.kindOf;
import static org.sparrow.core.io.MatrixMarketTestSupport.readText;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;
import org.sparrow.core.io.MatrixMarketTestSupport.Kind;
import org.sparrow.core.io.MatrixMarketTestSupport.ManifestRow;
import org.sparrow.testing.SharedData;

/**
 * Write→read round trips of every non-complex matrix in the shared test data, compared bitwise
 * ({@link CsrMatrix#equals} compares doubles as {@link Double#equals}), in coordinate and array form,
 * general and symmetric, real, integer and pattern, plain and gzipped; and the writer's own
 * contract on small matrices: sorted output, symmetric and integer refusals, no file left behind
 * by a failed write.
 */
class MatrixMarketRoundTripTest {

    /**
     * Array (dense) round trips only for rows·cols ≤ 4 000 000: a larger dense file of a sparse
     * matrix is impractical (tens of MB of mostly zeros per matrix, and seconds each), and the code
     * path is the same.
     */
    private static final long MAX_ARRAY_CELLS = 4_000_000L;

    /** Each file read once for this class. */
    private static final Map<String, CsrMatrix> CACHE = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    static Stream<Named<ManifestRow>> realRows() {
        return MatrixMarketTestSupport.manifest().stream().filter(r -> !r.isComplex()).map(r -> Named.of(r.file(), r));
    }

    static Stream<Named<ManifestRow>> arrayRows() {
        return realRows().filter(n -> (long) n.getPayload().rows() * n.getPayload().cols() <= MAX_ARRAY_CELLS);
    }

    static Stream<Named<ManifestRow>> patternRows() {
        return realRows().filter(n -> n.getPayload().field().equalsIgnoreCase("pattern"));
    }

    static Stream<Named<ManifestRow>> integerRows() {
        return realRows().filter(n -> n.getPayload().field().equalsIgnoreCase("integer"));
    }

    static Stream<Named<ManifestRow>> gzipRows() {
        return realRows().filter(n -> n.getPayload().isGzipped());
    }

    private static CsrMatrix original(ManifestRow r) {
        SharedData.dir();
        return CACHE.computeIfAbsent(r.file(), f -> {
            try {
                return MatrixMarket.read(MatrixMarketTestSupport.dataDir().resolve(f)).toCsr();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static MatrixMarketWriteOptions opts(Format format, Field field, boolean symmetric) {
        return new MatrixMarketWriteOptions(format, field, symmetric, null);
    }

    /** Writes, reads back, checks the header, and returns what was read. */
    private MatrixMarketData roundTrip(CsrMatrix a, String name, MatrixMarketWriteOptions o, Symmetry expectedSymmetry)
            throws IOException {
        Path file = dir.resolve(name);
        MatrixMarket.write(a, file, o);
        MatrixMarketData back = MatrixMarket.read(file);
        MatrixMarketHeader h = back.header();
        assertEquals(o.format(), h.format(), "format written");
        assertEquals(o.field(), h.field(), "field written");
        assertEquals(expectedSymmetry, h.symmetry(), "symmetry written");
        assertEquals(a.rows(), h.rows());
        assertEquals(a.cols(), h.cols());
        Files.delete(file);
        return back;
    }

    private static long lowerTriangleCount(CsrMatrix a, boolean strict) {
        long n = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowPointers()[i]; p < a.rowPointers()[i + 1]; p++) {
                int j = a.columnIndices()[p];
                if (strict ? j < i : j <= i) {
                    n++;
                }
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- real data

    @Test
    void realDataIsPresent() {
        SharedData.dir();
        assertTrue(realRows().count() >= 150, "non-complex files in the manifest");
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("realRows")
    void coordinateGeneralRoundTripIsExact(ManifestRow r) throws IOException {
        CsrMatrix a = original(r);
        MatrixMarketData back = roundTrip(a, "g.mtx", MatrixMarketWriteOptions.defaults(), Symmetry.GENERAL);
        assertEquals(a.nnz(), back.header().entries(), "one entry line per stored entry");
        assertCsrEquals(a, back.toCsr(), r.file() + " coordinate general");
    }

    /**
     * symmetric=true: a matrix equal to its transpose is written as {@code symmetric}, one equal to
     * minus its transpose as {@code skew-symmetric}, and both read back exactly; any other matrix is
     * refused, leaving no file.
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("realRows")
    void coordinateSymmetricRoundTripIsExactOrRefused(ManifestRow r) throws IOException {
        CsrMatrix a = original(r);
        Kind kind = kindOf(a);
        if (!r.symmetry().equalsIgnoreCase("general")) {
            assertEquals(r.symmetry().equalsIgnoreCase("symmetric") ? Kind.SYMMETRIC : Kind.SKEW_SYMMETRIC, kind,
                    "a file stored as " + r.symmetry() + " reads to a matrix of that kind");
        }
        MatrixMarketWriteOptions o = MatrixMarketWriteOptions.defaults().withSymmetric(true);
        switch (kind) {
            case SYMMETRIC -> {
                MatrixMarketData back = roundTrip(a, "s.mtx", o, Symmetry.SYMMETRIC);
                assertEquals(lowerTriangleCount(a, false), back.header().entries(), "lower triangle written");
                assertCsrEquals(a, back.toCsr(), r.file() + " coordinate symmetric");
            }
            case SKEW_SYMMETRIC -> {
                MatrixMarketData back = roundTrip(a, "k.mtx", o, Symmetry.SKEW_SYMMETRIC);
                assertEquals(lowerTriangleCount(a, true), back.header().entries(), "strict lower triangle written");
                assertCsrEquals(a, back.toCsr(), r.file() + " coordinate skew-symmetric");
            }
            case NEITHER -> {
                if (MatrixMarketTestSupport.numericallySymmetricOrSkew(a)) {
                    return; // equal up to the sign of zeros: either answer is defensible
                }
                Path file = dir.resolve("refused.mtx");
                assertWriteRefused(() -> MatrixMarket.write(a, file, o), file);
            }
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("arrayRows")
    void arrayGeneralRoundTripIsExact(ManifestRow r) throws IOException {
        CsrMatrix a = original(r);
        MatrixMarketData back = arrayRoundTrip(a, r.file(), false, Symmetry.GENERAL);
        assertEquals((long) a.rows() * a.cols(), back.header().entries(), "every value stored");
        assertEquals((long) a.rows() * a.cols(), back.matrix().nnz(), "every value read as an entry");
        // array files store zeros, so compare dense forms (CSR→dense keeps −0.0)
        assertDenseBitwise(a.toDense(), denseOf(back.matrix()), r.file() + " array general", false);
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("arrayRows")
    void arraySymmetricRoundTripIsExactOrRefused(ManifestRow r) throws IOException {
        CsrMatrix a = original(r);
        Kind kind = kindOf(a);
        if (kind == Kind.NEITHER) {
            if (!MatrixMarketTestSupport.numericallySymmetricOrSkew(a)) {
                Path file = dir.resolve("refused.mtx");
                assertWriteRefused(() -> MatrixMarket.write(a, file,
                        opts(Format.ARRAY, Field.REAL, true)), file);
            }
            return;
        }
        long n = a.rows();
        boolean skew = kind == Kind.SKEW_SYMMETRIC;
        MatrixMarketData back = arrayRoundTrip(a, r.file(), true, skew ? Symmetry.SKEW_SYMMETRIC : Symmetry.SYMMETRIC);
        assertEquals(skew ? n * (n - 1) / 2 : n * (n + 1) / 2, back.header().entries(), "triangle stored");
        // A skew array file stores zeros of the strict lower triangle; their mirrors are −0.0 or 0.0,
        // both right, so zeros compare by value there.
        assertDenseBitwise(a.toDense(), denseOf(back.matrix()), r.file() + " array " + kind, skew);
    }

    /** Array round trip through a byte stream (no temporary file: these are up to 4M values). */
    private static MatrixMarketData arrayRoundTrip(CsrMatrix a, String name, boolean symmetric, Symmetry expected)
            throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        MatrixMarket.write(a, bos, name, opts(Format.ARRAY, Field.REAL, symmetric));
        MatrixMarketData back = MatrixMarket.read(new ByteArrayInputStream(bos.toByteArray()), name);
        assertEquals(Format.ARRAY, back.header().format());
        assertEquals(Field.REAL, back.header().field());
        assertEquals(expected, back.header().symmetry());
        assertEquals(a.rows(), back.header().rows());
        assertEquals(a.cols(), back.header().cols());
        return back;
    }

    /**
     * The dense form of triplets read from an array file, each assigned (not added, which would turn
     * −0.0 into 0.0); a position given twice is an error, as an array file holds each once.
     */
    private static DenseMatrix denseOf(CooMatrix m) {
        int cols = m.cols();
        double[] d = new double[Math.multiplyExact(m.rows(), cols)];
        boolean[] seen = new boolean[d.length];
        int[] ri = m.rowIndices();
        int[] ci = m.columnIndices();
        double[] v = m.values();
        for (int k = 0; k < m.nnz(); k++) {
            int at = ri[k] * cols + ci[k];
            if (seen[at]) {
                fail("array read gives (" + (ri[k] + 1) + ", " + (ci[k] + 1) + ") twice");
            }
            seen[at] = true;
            d[at] = v[k];
        }
        return new DenseMatrix(m.rows(), cols, d);
    }

    private static void assertDenseBitwise(DenseMatrix expected, DenseMatrix actual, String what, boolean zeroSignFree) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        double[] e = expected.data();
        double[] g = actual.data();
        for (int k = 0; k < e.length; k++) {
            boolean same = Double.doubleToLongBits(e[k]) == Double.doubleToLongBits(g[k])
                    || (zeroSignFree && e[k] == 0.0 && g[k] == 0.0);
            if (!same) {
                fail(what + ": entry (" + (k / expected.cols() + 1) + ", " + (k % expected.cols() + 1) + ") expected "
                        + e[k] + " but was " + g[k]);
            }
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("patternRows")
    void patternRoundTripIsExact(ManifestRow r) throws IOException {
        CsrMatrix a = original(r);
        MatrixMarketData back = roundTrip(a, "p.mtx", opts(Format.COORDINATE, Field.PATTERN, false), Symmetry.GENERAL);
        assertCsrEquals(a, back.toCsr(), r.file() + " pattern general");
        if (kindOf(a) == Kind.SYMMETRIC) {
            MatrixMarketData s = roundTrip(a, "ps.mtx", opts(Format.COORDINATE, Field.PATTERN, true), Symmetry.SYMMETRIC);
            assertCsrEquals(a, s.toCsr(), r.file() + " pattern symmetric");
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("integerRows")
    void integerRoundTripIsExact(ManifestRow r) throws IOException {
        CsrMatrix a = original(r);
        MatrixMarketData back = roundTrip(a, "i.mtx", opts(Format.COORDINATE, Field.INTEGER, false), Symmetry.GENERAL);
        assertCsrEquals(a, back.toCsr(), r.file() + " integer general");
        Kind kind = kindOf(a);
        if (kind != Kind.NEITHER) {
            MatrixMarketData s = roundTrip(a, "is.mtx", opts(Format.COORDINATE, Field.INTEGER, true),
                    kind == Kind.SYMMETRIC ? Symmetry.SYMMETRIC : Symmetry.SKEW_SYMMETRIC);
            assertCsrEquals(a, s.toCsr(), r.file() + " integer " + kind);
        }
    }

    /** .mtx.gz by name: the medium files, in general and (where they are) symmetric form. */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("gzipRows")
    void gzipRoundTripIsExact(ManifestRow r) throws IOException {
        CsrMatrix a = original(r);
        Path file = dir.resolve("m.mtx.gz");
        MatrixMarket.write(a, file);
        assertGzip(file);
        assertCsrEquals(a, MatrixMarket.read(file).toCsr(), r.file() + " gzip general");
        Kind kind = kindOf(a);
        if (kind != Kind.NEITHER) {
            Path sym = dir.resolve("ms.mtx.gz");
            MatrixMarket.write(a, sym, MatrixMarketWriteOptions.defaults().withSymmetric(true));
            assertGzip(sym);
            MatrixMarketData back = MatrixMarket.read(sym);
            assertEquals(kind == Kind.SYMMETRIC ? Symmetry.SYMMETRIC : Symmetry.SKEW_SYMMETRIC, back.header().symmetry());
            assertCsrEquals(a, back.toCsr(), r.file() + " gzip " + kind);
        }
    }

    private static void assertGzip(Path file) throws IOException {
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(2, in.readNBytes(head, 0, 2));
        }
        assertArrayEquals(new byte[] {(byte) 0x1f, (byte) 0x8b}, head, "a .gz file is gzip-compressed");
    }

    private static String gunzipText(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- the writer on small matrices

    /** The refused write throws IllegalArgumentException or an IOException, and leaves no file. */
    private Throwable assertWriteRefused(Executable write, Path file) throws IOException {
        Throwable t = assertThrows(Exception.class, write, "the write should be refused");
        assertTrue(t instanceof IllegalArgumentException || t instanceof IOException,
                () -> "refusal should be an IllegalArgumentException or a MatrixMarketException, got " + t);
        assertFalse(Files.exists(file), "a refused write leaves no file");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.toList();
            assertTrue(left.isEmpty(), () -> "a refused write leaves nothing in the directory: " + left);
        }
        return t;
    }

    private static CsrMatrix csr(int rows, int cols, double[][] triplets) {
        CooMatrix.Builder b = CooMatrix.builder(rows, cols);
        for (double[] t : triplets) {
            b.add((int) t[0], (int) t[1], t[2]);
        }
        return b.build().toCsr();
    }

    /** The entry lines of a written coordinate file (after banner, comments and size line). */
    private static List<String[]> entryLines(String text) {
        List<String[]> out = new ArrayList<>();
        boolean size = false;
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("%")) {
                continue;
            }
            if (!size) {
                size = true;
                continue;
            }
            out.add(s.split("\\s+"));
        }
        return out;
    }

    @Test
    void coordinateOutputIsSortedByColumnThenRow() throws IOException {
        // entries given in scrambled order, into COO
        int[] ri = {2, 0, 3, 1, 0, 3, 2};
        int[] ci = {1, 2, 0, 1, 0, 2, 0};
        double[] v = {5, 6, 7, 8, 9, 10, 11};
        CooMatrix a = new CooMatrix(4, 3, ri, ci, v);
        Path file = dir.resolve("sorted.mtx");
        MatrixMarket.write(a, file);
        String text = readText(file);
        String[] lines = text.split("\n");
        assertEquals("%%MatrixMarket matrix coordinate real general", lines[0].strip());
        List<String[]> e = entryLines(text);
        assertEquals(7, e.size());
        String[] expected = {"1 1 9", "3 1 11", "4 1 7", "2 2 8", "3 2 5", "1 3 6", "4 3 10"};
        for (int k = 0; k < expected.length; k++) {
            String[] want = expected[k].split(" ");
            assertEquals(want[0], e.get(k)[0], "row of entry line " + (k + 1) + " in " + text);
            assertEquals(want[1], e.get(k)[1], "column of entry line " + (k + 1) + " in " + text);
            assertEquals(Double.parseDouble(want[2]), Double.parseDouble(e.get(k)[2]), "value of entry line " + (k + 1));
        }
        // the size line
        List<String> nonComment = Arrays.stream(lines).map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("%"))
                .toList();
        assertEquals(List.of("4", "3", "7"), Arrays.asList(nonComment.get(0).split("\\s+")));
    }

    @Test
    void randomMatrixOutputIsSortedAndComplete() throws IOException {
        Random rnd = new Random(3);
        int rows = 37;
        int cols = 23;
        CooMatrix.Builder b = CooMatrix.builder(rows, cols);
        for (int k = 0; k < 300; k++) {
            b.add(rnd.nextInt(rows), rnd.nextInt(cols), rnd.nextGaussian());
        }
        CsrMatrix a = b.build().toCsr();
        Path file = dir.resolve("rand.mtx");
        MatrixMarket.write(a, file);
        List<String[]> e = entryLines(readText(file));
        assertEquals(a.nnz(), e.size());
        long prev = -1;
        for (String[] t : e) {
            assertEquals(3, t.length);
            long key = (Long.parseLong(t[1]) - 1) * rows + (Long.parseLong(t[0]) - 1);
            assertTrue(key > prev, "entries sorted by column, then row, without repeats");
            prev = key;
        }
        assertCsrEquals(a, MatrixMarket.read(file).toCsr(), "random round trip");
    }

    @Test
    void valuesAreWrittenInShortestRoundTripForm() throws IOException {
        double[] vals = {0.1, 1.0, -2.5, 1e-300, 123456789.0, 1.0 / 3, Math.PI, 1e22, 5e-324, Double.MAX_VALUE, 100.0,
                0.30000000000000004, -1234.5678e-9, 2.0 / 3e10};
        CooMatrix.Builder b = CooMatrix.builder(vals.length, 1);
        for (int k = 0; k < vals.length; k++) {
            b.add(k, 0, vals[k]);
        }
        Path file = dir.resolve("short.mtx");
        MatrixMarket.write(b.build(), file);
        List<String[]> e = entryLines(readText(file));
        assertEquals(vals.length, e.size());
        for (int k = 0; k < vals.length; k++) {
            String tok = e.get(k)[2];
            double back = Double.parseDouble(tok);
            assertEquals(Double.doubleToLongBits(vals[k]), Double.doubleToLongBits(back),
                    "token " + tok + " reads back to " + vals[k]);
            int digits = significantDigits(tok);
            int shortest = significantDigits(Double.toString(vals[k]));
            assertTrue(digits <= shortest, "token " + tok + " has " + digits + " significant digits, "
                    + Double.toString(vals[k]) + " only " + shortest);
        }
    }

    /** Significant digits of a decimal token (leading and trailing zeros not counted). */
    private static int significantDigits(String tok) {
        String m = tok.toLowerCase(java.util.Locale.ROOT).split("e")[0].replace("-", "").replace("+", "");
        String digits = m.replace(".", "").replaceFirst("^0+", "");
        digits = digits.replaceFirst("0+$", "");
        return Math.max(1, digits.length());
    }

    @Test
    void specialValuesRoundTrip() throws IOException {
        double[] vals = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
                -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL)};
        CooMatrix.Builder b = CooMatrix.builder(4, 3);
        for (int k = 0; k < vals.length; k++) {
            b.add(k % 4, k / 4, vals[k]);
        }
        CsrMatrix a = b.build().toCsr();
        for (String name : new String[] {"special.mtx", "special.mtx.gz"}) {
            Path file = dir.resolve(name);
            MatrixMarket.write(a, file);
            assertCsrEquals(a, MatrixMarket.read(file).toCsr(), name);
            Files.delete(file);
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        MatrixMarket.write(a, bos, "special", opts(Format.ARRAY, Field.REAL, false));
        DenseMatrix back = MatrixMarket.read(new ByteArrayInputStream(bos.toByteArray()), "special").toCsr().toDense();
        assertDenseBitwise(a.toDense(), back, "special array", false);
    }

    @Test
    void randomDoublesRoundTripBitwise() throws IOException {
        Random rnd = new Random(17);
        int n = 20_000;
        CooMatrix.Builder b = CooMatrix.builder(n, 1);
        for (int k = 0; k < n; k++) {
            double v = switch (k % 3) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong());
                case 1 -> Double.longBitsToDouble(rnd.nextLong() & 0x800f_ffff_ffff_ffffL); // subnormal
                default -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
            };
            b.add(k, 0, v);
        }
        CsrMatrix a = b.build().toCsr();
        Path file = dir.resolve("rnd.mtx");
        MatrixMarket.write(a, file);
        assertCsrEquals(a, MatrixMarket.read(file).toCsr(), "random doubles");
    }

    @Test
    void symmetricWriteStoresTheLowerTriangle() throws IOException {
        CsrMatrix a = csr(3, 3, new double[][] {{0, 0, 4}, {0, 2, -1.5}, {2, 0, -1.5}, {1, 1, 3}, {2, 1, 0.5},
                {1, 2, 0.5}});
        Path file = dir.resolve("sym.mtx");
        MatrixMarket.write(a, file, MatrixMarketWriteOptions.defaults().withSymmetric(true));
        String text = readText(file);
        assertEquals("%%MatrixMarket matrix coordinate real symmetric", text.split("\n")[0].strip());
        List<String[]> e = entryLines(text);
        assertEquals(4, e.size(), text);
        String[] expected = {"1 1", "3 1", "2 2", "3 2"};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], e.get(k)[0] + " " + e.get(k)[1], "entry " + (k + 1) + " of " + text);
        }
        assertCsrEquals(a, MatrixMarket.read(file).toCsr(), "symmetric");
    }

    @Test
    void skewSymmetricWriteStoresTheStrictLowerTriangle() throws IOException {
        CsrMatrix a = csr(3, 3, new double[][] {{1, 0, 2}, {0, 1, -2}, {2, 1, -0.25}, {1, 2, 0.25}});
        Path file = dir.resolve("skew.mtx");
        MatrixMarket.write(a, file, MatrixMarketWriteOptions.defaults().withSymmetric(true));
        String text = readText(file);
        assertEquals("%%MatrixMarket matrix coordinate real skew-symmetric", text.split("\n")[0].strip());
        List<String[]> e = entryLines(text);
        assertEquals(2, e.size(), text);
        assertEquals("2 1", e.get(0)[0] + " " + e.get(0)[1]);
        assertEquals(2.0, Double.parseDouble(e.get(0)[2]));
        assertEquals("3 2", e.get(1)[0] + " " + e.get(1)[1]);
        assertEquals(-0.25, Double.parseDouble(e.get(1)[2]));
        assertCsrEquals(a, MatrixMarket.read(file).toCsr(), "skew");
    }

    @Test
    void arrayOutputIsColumnMajor() throws IOException {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Path file = dir.resolve("arr.mtx");
        MatrixMarket.write(a, file, opts(Format.ARRAY, Field.REAL, false));
        String text = readText(file);
        assertEquals("%%MatrixMarket matrix array real general", text.split("\n")[0].strip());
        List<String> vals = Arrays.stream(text.split("\n")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("%")).toList();
        assertEquals(List.of("2", "3"), Arrays.asList(vals.get(0).split("\\s+")), "size line");
        double[] got = vals.subList(1, vals.size()).stream().mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, got);

        // symmetric array: lower triangle column by column; skew: strict lower triangle
        DenseMatrix s = DenseMatrix.of(new double[][] {{1, 2, 3}, {2, 4, 5}, {3, 5, 6}});
        Path sf = dir.resolve("arrs.mtx");
        MatrixMarket.write(s, sf, opts(Format.ARRAY, Field.REAL, true));
        List<String> sv = Arrays.stream(readText(sf).split("\n")).map(String::strip)
                .filter(x -> !x.isEmpty() && !x.startsWith("%")).toList();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6},
                sv.subList(1, sv.size()).stream().mapToDouble(Double::parseDouble).toArray());
        assertEquals(s, MatrixMarket.read(sf).toCsr().toDense());

        DenseMatrix k = DenseMatrix.of(new double[][] {{0, -1, -2}, {1, 0, -3}, {2, 3, 0}});
        Path kf = dir.resolve("arrk.mtx");
        MatrixMarket.write(k, kf, opts(Format.ARRAY, Field.REAL, true));
        String kt = readText(kf);
        assertEquals("%%MatrixMarket matrix array real skew-symmetric", kt.split("\n")[0].strip());
        List<String> kv = Arrays.stream(kt.split("\n")).map(String::strip)
                .filter(x -> !x.isEmpty() && !x.startsWith("%")).toList();
        assertArrayEquals(new double[] {1, 2, 3}, kv.subList(1, kv.size()).stream().mapToDouble(Double::parseDouble).toArray());
    }

    @Test
    void integerFieldWritesIntegers() throws IOException {
        CsrMatrix a = csr(2, 2, new double[][] {{0, 0, 3}, {1, 0, -12}, {1, 1, 1e15}, {0, 1, -0.0}});
        Path file = dir.resolve("int.mtx");
        MatrixMarket.write(a, file, opts(Format.COORDINATE, Field.INTEGER, false));
        String text = readText(file);
        assertEquals("%%MatrixMarket matrix coordinate integer general", text.split("\n")[0].strip());
        for (String[] t : entryLines(text)) {
            assertTrue(t[2].matches("[-+]?[0-9]+"), () -> "integer token expected, got " + t[2] + " in " + text);
        }
        CsrMatrix back = MatrixMarket.read(file).toCsr();
        assertEquals(4, back.nnz());
        assertEquals(a.toDense().data()[0], back.get(0, 0));
        assertEquals(-12.0, back.get(1, 0));
        assertEquals(1e15, back.get(1, 1));
        assertTrue(back.get(0, 1) == 0.0, "an explicit zero stays an entry (either sign)");
    }

    /** Integers at and past 2^53 are still integers: written as digits, so the file reads back. */
    @Test
    void integerFieldWritesLargeIntegersAsDigits() throws IOException {
        double[] vals = {0x1p53, 0x1p53 + 2, 1e18, -0x1p62, 123456789012345678.0, 9.2e18};
        CooMatrix.Builder b = CooMatrix.builder(vals.length, 1);
        for (int k = 0; k < vals.length; k++) {
            b.add(k, 0, vals[k]);
        }
        CsrMatrix a = b.build().toCsr();
        Path file = dir.resolve("bigint.mtx");
        MatrixMarket.write(a, file, opts(Format.COORDINATE, Field.INTEGER, false));
        String text = readText(file);
        for (String[] t : entryLines(text)) {
            assertTrue(t[2].matches("[-+]?[0-9]+"), () -> "integer token expected, got " + t[2] + " in:\n" + text);
        }
        assertCsrEquals(a, MatrixMarket.read(file).toCsr(), "large integers");
    }

    @Test
    void patternFieldDropsValues() throws IOException {
        CsrMatrix a = csr(3, 2, new double[][] {{0, 0, 3.5}, {2, 1, -1e-7}, {1, 0, 42}});
        Path file = dir.resolve("pat.mtx");
        MatrixMarket.write(a, file, opts(Format.COORDINATE, Field.PATTERN, false));
        String text = readText(file);
        assertEquals("%%MatrixMarket matrix coordinate pattern general", text.split("\n")[0].strip());
        for (String[] t : entryLines(text)) {
            assertEquals(2, t.length, () -> "pattern entries have no value: " + text);
        }
        CsrMatrix back = MatrixMarket.read(file).toCsr();
        assertCsrEquals(csr(3, 2, new double[][] {{0, 0, 1}, {2, 1, 1}, {1, 0, 1}}), back, "pattern");
    }

    @Test
    void commentLinesAreWrittenAfterTheBanner() throws IOException {
        CsrMatrix a = CsrMatrix.identity(2);
        Path file = dir.resolve("comment.mtx");
        MatrixMarket.write(a, file, MatrixMarketWriteOptions.defaults().withComment("made by a test\nsecond line"));
        String[] lines = readText(file).split("\n");
        assertTrue(lines[0].startsWith("%%MatrixMarket"), lines[0]);
        assertTrue(lines[1].startsWith("%") && lines[1].contains("made by a test"), lines[1]);
        assertTrue(lines[2].startsWith("%") && lines[2].contains("second line"), lines[2]);
        assertCsrEquals(a, MatrixMarket.read(file).toCsr(), "with comment");
    }

    @Test
    void nonsymmetricMatrixIsRefusedNamingAnOffendingPair() throws IOException {
        // 20×20: symmetric except for a(13, 6) (0-based) whose mirror a(6, 13) is absent
        CooMatrix.Builder b = CooMatrix.builder(20, 20);
        for (int i = 0; i < 20; i++) {
            b.add(i, i, i + 1);
        }
        b.add(17, 11, 2.5).add(11, 17, 2.5).add(13, 6, 1.25);
        CsrMatrix a = b.build().toCsr();
        Path file = dir.resolve("nonsym.mtx");
        Throwable t = assertWriteRefused(() -> MatrixMarket.write(a, file,
                MatrixMarketWriteOptions.defaults().withSymmetric(true)), file);
        String m = String.valueOf(t.getMessage());
        assertTrue((m.contains("14") && m.contains("7")) || (m.contains("13") && m.contains("6")),
                () -> "the message should name the entry (14, 7) (1-based) or (13, 6) (0-based): " + m);
    }

    @Test
    void nonsymmetricValuesAreRefusedToo() throws IOException {
        // same structure both sides, different values
        CsrMatrix a = csr(3, 3, new double[][] {{0, 1, 2}, {1, 0, 2.5}, {2, 2, 1}});
        Path file = dir.resolve("nonsym2.mtx");
        assertWriteRefused(() -> MatrixMarket.write(a, file, MatrixMarketWriteOptions.defaults().withSymmetric(true)), file);
        CsrMatrix r = csr(2, 3, new double[][] {{0, 0, 1}});
        assertWriteRefused(() -> MatrixMarket.write(r, file, MatrixMarketWriteOptions.defaults().withSymmetric(true)), file);
    }

    @Test
    void integerFieldRefusesFractionalValues() throws IOException {
        // many integers first, the offending value last: a streaming writer must still leave no file
        CooMatrix.Builder b = CooMatrix.builder(5000, 1);
        for (int i = 0; i < 4999; i++) {
            b.add(i, 0, i - 2000);
        }
        b.add(4999, 0, 1.5);
        CsrMatrix a = b.build().toCsr();
        Path file = dir.resolve("int-bad.mtx");
        Throwable t = assertWriteRefused(() -> MatrixMarket.write(a, file, opts(Format.COORDINATE, Field.INTEGER, false)),
                file);
        assertTrue(String.valueOf(t.getMessage()).contains("1.5"), () -> "the message should give the value: " + t);
        Path gz = dir.resolve("int-bad.mtx.gz");
        assertWriteRefused(() -> MatrixMarket.write(a, gz, opts(Format.COORDINATE, Field.INTEGER, false)), gz);
        Path arr = dir.resolve("int-bad-array.mtx");
        assertWriteRefused(() -> MatrixMarket.write(a, arr, opts(Format.ARRAY, Field.INTEGER, false)), arr);
        CsrMatrix nan = csr(1, 1, new double[][] {{0, 0, Double.NaN}});
        assertWriteRefused(() -> MatrixMarket.write(nan, file, opts(Format.COORDINATE, Field.INTEGER, false)), file);
    }

    @Test
    void failedWriteLeavesAnExistingFileUntouched() throws IOException {
        Path file = dir.resolve("keep.mtx");
        Files.writeString(file, "previous content\n");
        CsrMatrix bad = csr(2, 2, new double[][] {{0, 0, 1}, {1, 1, 0.5}});
        assertThrows(Exception.class, () -> MatrixMarket.write(bad, file, opts(Format.COORDINATE, Field.INTEGER, false)));
        assertEquals("previous content\n", readText(file), "the old file survives a failed write");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary file left behind");
        }
        // and a successful write replaces it
        MatrixMarket.write(CsrMatrix.identity(2), file);
        assertEquals(CsrMatrix.identity(2), MatrixMarket.read(file).toCsr());
    }

    @Test
    void zeroDimensionMatricesAreRefused() throws IOException {
        for (int[] shape : new int[][] {{0, 3}, {3, 0}, {0, 0}}) {
            Path file = dir.resolve("empty-" + shape[0] + "x" + shape[1] + ".mtx");
            CsrMatrix z = CsrMatrix.zeros(shape[0], shape[1]);
            assertWriteRefused(() -> MatrixMarket.write(z, file), file);
            assertWriteRefused(() -> MatrixMarket.write(z, file, opts(Format.ARRAY, Field.REAL, false)), file);
        }
    }

    @Test
    void gzipByNameOnWriting() throws IOException {
        CsrMatrix a = csr(3, 3, new double[][] {{0, 0, 1.5}, {2, 1, -2}});
        Path gz = dir.resolve("a.mtx.gz");
        MatrixMarket.write(a, gz);
        assertGzip(gz);
        assertTrue(gunzipText(gz).startsWith("%%MatrixMarket matrix coordinate real general"));
        assertCsrEquals(a, MatrixMarket.read(gz).toCsr(), "gz");
        Path plain = dir.resolve("a.mtx");
        MatrixMarket.write(a, plain);
        assertTrue(readText(plain).startsWith("%%MatrixMarket matrix coordinate real general"), "plain is not compressed");
    }

    @Test
    void everyFormatCanBeWritten() throws IOException {
        CsrMatrix a = csr(3, 4, new double[][] {{0, 0, 1}, {2, 3, -2}, {1, 2, 0.5}, {0, 3, -0.0}});
        List<Matrix> forms = List.of(a, a.toCoo(), a.toCsc(), a.toDense());
        for (Matrix m : forms) {
            Path file = dir.resolve("form.mtx");
            MatrixMarket.write(m, file);
            CsrMatrix back = MatrixMarket.read(file).toCsr();
            // a dense matrix stores only its nonzeros in sparse form (the −0.0 is no entry there)
            assertCsrEquals(m.toCsr(), back, m.getClass().getSimpleName());
            Files.delete(file);
        }
    }
}
