package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.io.MatrixMarketTestSupport.assertDenseEquals;
import static org.sparrow.core.io.MatrixMarketTestSupport.assertMalformed;
import static org.sparrow.core.io.MatrixMarketTestSupport.lineCount;
import static org.sparrow.core.io.MatrixMarketTestSupport.writeFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

/**
 * Every malformed input the reader must refuse: each case is a small file written into a temporary
 * directory, and the test checks the exception's file, line number and problem. The well-formed
 * neighbours of these files (comments and blank lines anywhere, CRLF, tabs, case) must parse.
 */
class MatrixMarketMalformedTest {

    private static final String GEN = "%%MatrixMarket matrix coordinate real general\n";
    private static final String SYM = "%%MatrixMarket matrix coordinate real symmetric\n";
    private static final String SKEW = "%%MatrixMarket matrix coordinate real skew-symmetric\n";
    private static final String INT = "%%MatrixMarket matrix coordinate integer general\n";
    private static final String PAT = "%%MatrixMarket matrix coordinate pattern general\n";
    private static final String CPLX = "%%MatrixMarket matrix coordinate complex general\n";
    private static final String ARR = "%%MatrixMarket matrix array real general\n";
    private static final String ARR_SYM = "%%MatrixMarket matrix array real symmetric\n";

    @TempDir
    Path dir;

    /** Which reader a case goes through. */
    enum Reader {
        READ, READ_PATTERN, READ_HEADER
    }

    /**
     * One malformed file.
     *
     * @param name     case name, also the file's name stem
     * @param content  the file's text, exactly
     * @param line     the line the error must name
     * @param reader   the reading method
     * @param keywords one of these must appear in the problem (none: not checked)
     */
    record Case(String name, String content, long line, Reader reader, String... keywords) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, String content, long line, String... keywords) {
        return new Case(name, content, line, Reader.READ, keywords);
    }

    private static Case pattern(String name, String content, long line, String... keywords) {
        return new Case(name, content, line, Reader.READ_PATTERN, keywords);
    }

    private static Case header(String name, String content, long line, String... keywords) {
        return new Case(name, content, line, Reader.READ_HEADER, keywords);
    }

    static Stream<Case> bannerCases() {
        return Stream.of(
                c("empty file", "", 1, "empty"),
                c("first line is an entry", "3 3 1\n1 1 1.0\n", 1, "banner"),
                c("first line is a comment", "% generated\n" + GEN + "1 1 1\n1 1 1\n", 1, "banner"),
                c("single percent banner", "%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 1\n", 1, "banner"),
                c("misspelled banner", "%%MatrixMarkt matrix coordinate real general\n1 1 1\n1 1 1\n", 1, "banner"),
                c("banner missing symmetry", "%%MatrixMarket matrix coordinate real\n1 1 1\n1 1 1\n", 1, "banner"),
                c("banner missing everything", "%%MatrixMarket\n1 1 1\n1 1 1\n", 1, "banner"),
                c("banner only two words", "%%MatrixMarket matrix coordinate\n1 1 1\n1 1 1\n", 1, "banner"),
                c("object vector", "%%MatrixMarket vector coordinate real general\n1 1 1\n1 1 1\n", 1, "object"),
                c("format sparse", "%%MatrixMarket matrix sparse real general\n1 1 1\n1 1 1\n", 1, "format"),
                c("field float", "%%MatrixMarket matrix coordinate float general\n1 1 1\n1 1 1\n", 1, "field"),
                c("symmetry upper", "%%MatrixMarket matrix coordinate real upper\n1 1 1\n1 1 1\n", 1, "symmetry"),
                c("complex on read", CPLX + "2 2 1\n1 1 1.0 2.0\n", 1, "not supported"),
                c("complex hermitian on read", "%%MatrixMarket matrix coordinate complex hermitian\n2 2 1\n1 1 1.0 0\n",
                        1, "not supported"),
                c("complex array on read", "%%MatrixMarket matrix array complex general\n1 1\n1.0 2.0\n", 1,
                        "not supported"),
                // Hermitian needs the complex field: "not supported" or a message saying it needs complex
                c("real hermitian on read", "%%MatrixMarket matrix coordinate real hermitian\n2 2 1\n1 1 1.0\n", 1,
                        "not supported", "complex"),
                c("pattern hermitian on read", "%%MatrixMarket matrix coordinate pattern hermitian\n2 2 1\n1 1\n", 1,
                        "not supported", "complex"),
                c("array pattern", "%%MatrixMarket matrix array pattern general\n2 2\n", 1),
                header("header: banner missing word", "%%MatrixMarket matrix coordinate real\n1 1 1\n", 1, "banner"),
                header("header: empty file", "", 1, "empty"));
    }

    static Stream<Case> sizeLineCases() {
        return Stream.of(
                c("size non-numeric", GEN + "3 x 2\n", 2, "size"),
                c("size non-numeric after comments", GEN + "% a comment\n\n%another\n3 3 abc\n1 1 1\n", 5, "size"),
                c("size all words", GEN + "rows cols nnz\n", 2, "size"),
                c("size fractional entries", GEN + "3 3 1.5\n1 1 1\n", 2, "size"),
                c("size fractional rows", GEN + "3.0 3 1\n1 1 1\n", 2, "size"),
                c("size too few tokens", GEN + "3 3\n1 1 1\n", 2, "size"),
                c("size one token", GEN + "3\n", 2, "size"),
                c("size too many tokens", GEN + "3 3 1 4\n1 1 1\n", 2, "size"),
                c("array size too few tokens", ARR + "3\n1\n2\n3\n", 2, "size"),
                c("array size too many tokens", ARR + "3 1 3\n1\n2\n3\n", 2, "size"),
                c("zero rows", GEN + "0 3 0\n", 2, "dimension"),
                c("zero cols", GEN + "3 0 0\n", 2, "dimension"),
                c("negative rows", GEN + "-2 3 1\n1 1 1\n", 2, "dimension"),
                c("array zero cols", ARR + "2 0\n", 2, "dimension"),
                c("array negative cols", ARR + "2 -1\n", 2, "dimension"),
                c("negative entry count", GEN + "3 3 -1\n", 2),
                c("rows over int", GEN + "3000000000 3 1\n1 1 1\n", 2, "too large", "exceeds"),
                c("rows just over int", GEN + "2147483648 3 1\n1 1 1\n", 2, "too large", "exceeds"),
                c("cols over int", GEN + "3 99999999999 1\n1 1 1\n", 2, "too large", "exceeds"),
                c("rows beyond 64 bits", GEN + "100000000000000000000 3 1\n1 1 1\n", 2, "too large", "exceeds"),
                c("entries beyond 64 bits", GEN + "3 3 100000000000000000000\n1 1 1\n", 2),
                c("array rows over int", ARR + "2147483648 1\n", 2, "too large", "exceeds"),
                c("entries 3e9", GEN + "100000 100000 3000000000\n1 1 1\n", 2),
                c("entries just past array limit", GEN + "100000 100000 2147483640\n1 1 1\n", 2),
                c("array 1e10 values", ARR + "100000 100000\n1\n", 2),
                c("array just past array limit", ARR + "46341 46341\n1\n", 2),
                c("array symmetric past array limit", ARR_SYM + "65536 65536\n1\n", 2),
                c("symmetric not square", SYM + "3 4 1\n1 1 1\n", 2, "square"),
                c("skew not square", SKEW + "4 3 1\n2 1 1\n", 2, "square"),
                c("array symmetric not square", ARR_SYM + "3 2\n1\n2\n3\n4\n5\n", 2, "square"),
                pattern("hermitian not square", "%%MatrixMarket matrix coordinate complex hermitian\n2 3 1\n1 1 1 0\n", 2,
                        "square"),
                c("no size line after comments", GEN + "% one\n% two\n", 4, "size"),
                c("no size line, no final newline", GEN + "% one\n% two", 4, "size"),
                c("no size line, blank lines", GEN + "% one\n\n   \n", 5, "size"),
                c("banner only", GEN, 2, "size"),
                c("banner only, no newline", GEN.strip(), 2, "size"),
                header("header: size non-numeric", GEN + "3 3 x\n", 2, "size"),
                header("header: no size line", GEN + "% c\n", 3, "size"));
    }

    static Stream<Case> entryCases() {
        return Stream.of(
                c("entry too few tokens", GEN + "3 3 2\n1 1 1.0\n2 2\n", 4, "expected"),
                c("entry one token", GEN + "3 3 2\n1 1 1.0\n2\n", 4, "expected"),
                c("entry too many tokens", GEN + "3 3 2\n1 1 1.0\n2 2 1.0 3.0\n", 4, "expected"),
                c("pattern entry with value", PAT + "3 3 2\n1 1\n2 2 1.0\n", 4, "expected"),
                c("integer entry without value", INT + "3 3 1\n1 1\n", 3, "expected"),
                pattern("complex entry missing imaginary part", CPLX + "3 3 2\n1 1 1.0 0\n2 2 1.0\n", 4, "expected"),
                pattern("complex entry extra token", CPLX + "3 3 1\n1 1 1.0 0 7\n", 3, "expected"),
                c("array two values on a line", ARR + "2 1\n1.0 2.0\n", 3, "expected"),
                c("row index 0", GEN + "3 3 2\n1 1 1.0\n0 1 1.0\n", 4, "out of range"),
                c("col index 0", GEN + "3 3 2\n1 1 1.0\n1 0 1.0\n", 4, "out of range"),
                c("row index past rows", GEN + "3 4 2\n1 1 1.0\n4 1 1.0\n", 4, "out of range"),
                c("col index past cols", GEN + "4 3 2\n1 1 1.0\n1 4 1.0\n", 4, "out of range"),
                c("pattern index past rows", PAT + "3 3 1\n9 1\n", 3, "out of range"),
                c("negative row index", GEN + "3 3 1\n-1 1 1.0\n", 3),
                c("huge row index", GEN + "3 3 1\n99999999999 1 1.0\n", 3),
                c("value not a number", GEN + "3 3 2\n1 1 1.0\n1 2 abc\n", 4),
                c("index not a number", GEN + "3 3 2\n1 1 1.0\n1 x 3.0\n", 4),
                c("fractional index", GEN + "3 3 2\n1 1 1.0\n1.5 2 3.0\n", 4),
                c("value trailing garbage", GEN + "3 3 1\n1 2 3.0abc\n", 3),
                c("value bare exponent", GEN + "3 3 1\n1 2 1e\n", 3),
                c("value double sign", GEN + "3 3 1\n1 2 --1\n", 3),
                c("value two points", GEN + "3 3 1\n1 2 1.2.3\n", 3),
                c("value lone point", GEN + "3 3 1\n1 2 .\n", 3),
                c("value lone sign", GEN + "3 3 1\n1 2 -\n", 3),
                c("value Java float suffix", GEN + "3 3 1\n1 2 1.5f\n", 3),
                c("value Java double suffix", GEN + "3 3 1\n1 2 1.5d\n", 3),
                c("value hexadecimal float", GEN + "3 3 1\n1 2 0x1p3\n", 3),
                c("array value not a number", ARR + "3 1\n1\nfoo\n3\n", 4),
                pattern("complex imaginary not a number", CPLX + "3 3 1\n1 1 1.0 i\n", 3),
                c("integer field fractional value", INT + "3 3 2\n1 1 1\n2 2 1.5\n", 4, "integer"),
                c("integer array fractional value", "%%MatrixMarket matrix array integer general\n2 1\n1\n2.5\n", 4,
                        "integer"),
                c("skew diagonal entry", SKEW + "3 3 2\n2 1 1.0\n2 2 1.0\n", 4, "diagonal"),
                c("integer skew diagonal entry", "%%MatrixMarket matrix coordinate integer skew-symmetric\n3 3 1\n3 3 4\n",
                        3, "diagonal"),
                c("more entries than declared", GEN + "3 3 2\n1 1 1\n2 2 1\n3 3 1\n", 5, "more"),
                c("more entries after comments", GEN + "3 3 2\n1 1 1\n2 2 1\n% tail\n\n3 3 1\n", 7, "more"),
                c("more array values than declared", ARR + "2 1\n1\n2\n3\n", 5, "more"),
                c("more array symmetric values", ARR_SYM + "2 2\n1\n2\n3\n4\n", 6, "more"),
                c("fewer entries than declared", GEN + "3 3 5\n1 1 1\n2 2 1\n3 3 1\n", 6, "declared"),
                c("fewer entries, no final newline", GEN + "3 3 5\n1 1 1\n2 2 1\n3 3 1", 6, "declared"),
                c("fewer entries, trailing comment and blank", GEN + "3 3 5\n1 1 1\n2 2 1\n3 3 1\n% end\n\n", 8, "declared"),
                c("no entries at all", GEN + "3 3 2\n", 3, "declared"),
                c("fewer array values", ARR + "3 1\n1\n2\n", 5, "declared"),
                c("fewer array skew values", "%%MatrixMarket matrix array real skew-symmetric\n3 3\n1\n2\n", 5, "declared"),
                c("fewer entries with CRLF", GEN.replace("\n", "\r\n") + "3 3 5\r\n1 1 1\r\n2 2 1\r\n", 5, "declared"),
                c("error line with CRLF", (GEN + "% c\n3 3 2\n1 1 1\n1 9 1\n").replace("\n", "\r\n"), 5, "out of range"));
    }

    static Stream<Case> allCases() {
        return Stream.of(bannerCases(), sizeLineCases(), entryCases()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void malformedFileNamesFileLineAndProblem(Case k) {
        Path file = writeFile(dir, k.name().replaceAll("[^A-Za-z0-9]+", "_") + ".mtx", k.content());
        assertMalformed(() -> readWith(k.reader(), file), file, k.line(), k.keywords());
    }

    private static Object readWith(Reader reader, Path file) throws IOException {
        return switch (reader) {
            case READ -> MatrixMarket.read(file);
            case READ_PATTERN -> MatrixMarket.readPattern(file);
            case READ_HEADER -> MatrixMarket.readHeader(file);
        };
    }

    @Test
    void fewerEntriesMessageSaysHowManyWereRead() throws IOException {
        Path file = writeFile(dir, "short.mtx", GEN + "3 3 5\n1 1 1\n2 2 1\n3 3 1\n");
        MatrixMarketException e = assertMalformed(() -> MatrixMarket.read(file), file, 6, "declared");
        assertTrue(e.problem().contains("3") && e.problem().contains("5"),
                () -> "the problem should give both counts (3 of 5): " + e.getMessage());
    }

    @Test
    void malformedFileErrorAlsoFromReadCsr() {
        Path file = writeFile(dir, "bad.mtx", GEN + "3 3 1\n1 4 1.0\n");
        assertMalformed(() -> MatrixMarket.readCsr(file), file, 3, "out of range");
    }

    @Test
    void streamReaderNamesTheSourceItWasGiven() {
        byte[] bytes = (GEN + "3 3 2\n1 1 1\n2 2 zz\n").getBytes(StandardCharsets.UTF_8);
        assertMalformed(() -> MatrixMarket.read(new ByteArrayInputStream(bytes), "stdin-ish"), "stdin-ish", 4);
    }

    @Test
    void pathIsReportedAsGivenEvenWhenRelative() throws IOException {
        Path file = writeFile(dir, "rel.mtx", GEN + "2 2 1\n3 1 1\n");
        Path cwd = Path.of("").toAbsolutePath();
        Path relative;
        try {
            relative = cwd.relativize(file);
        } catch (IllegalArgumentException e) {
            return; // different roots: nothing to check
        }
        assertMalformed(() -> MatrixMarket.read(relative), relative, 3, "out of range");
    }

    @Test
    void readHeaderDoesNotReadTheEntries() throws IOException {
        Path file = writeFile(dir, "badentries.mtx", "%%MatrixMarket matrix coordinate integer symmetric\n% c\n5 5 7\n"
                + "1 1 garbage\n");
        MatrixMarketHeader h = MatrixMarket.readHeader(file);
        assertEquals(new MatrixMarketHeader(Format.COORDINATE, Field.INTEGER, Symmetry.SYMMETRIC, 5, 5, 7), h);
        // ...but read() finds the bad entry.
        assertMalformed(() -> MatrixMarket.read(file), file, 4);
    }

    @Test
    void readHeaderOfArrayFileComputesStoredValues() throws IOException {
        Path g = writeFile(dir, "g.mtx", ARR + "4 3\n");
        Path s = writeFile(dir, "s.mtx", ARR_SYM + "4 4\n");
        Path k = writeFile(dir, "k.mtx", "%%MatrixMarket matrix array real skew-symmetric\n4 4\n");
        assertEquals(12, MatrixMarket.readHeader(g).entries());
        assertEquals(10, MatrixMarket.readHeader(s).entries());
        assertEquals(6, MatrixMarket.readHeader(k).entries());
    }

    // ---------------------------------------------------------------- gzip

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(plain);
        }
        return bos.toByteArray();
    }

    /** A valid general file of {@code n} random entries (random values make it compress poorly). */
    private static String bigCoordinate(int n, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder(GEN).append("1000 1000 ").append(n).append('\n');
        for (int k = 0; k < n; k++) {
            sb.append(1 + rnd.nextInt(1000)).append(' ').append(1 + rnd.nextInt(1000)).append(' ')
                    .append(rnd.nextGaussian()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void validGzipFileReads() throws IOException {
        String text = bigCoordinate(5000, 7);
        Path file = dir.resolve("ok.mtx.gz");
        Files.write(file, gzip(text.getBytes(StandardCharsets.UTF_8)));
        Path plain = writeFile(dir, "ok.mtx", text);
        assertEquals(MatrixMarket.read(plain).toCsr(), MatrixMarket.read(file).toCsr());
        assertEquals(5000, MatrixMarket.read(file).header().entries());
    }

    @Test
    void truncatedGzipNamesALineAndTheTruncation() throws IOException {
        byte[] gz = gzip(bigCoordinate(20000, 11).getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("cut.mtx.gz");
        Files.write(file, Arrays.copyOf(gz, (int) (gz.length * 0.6)));
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(file));
        assertEquals(file.toString(), e.file(), e.getMessage());
        assertTrue(e.line() > 0, () -> "a truncated gzip should name the line where the data ends: " + e.getMessage());
        assertTrue(e.line() <= 20002, () -> "line past the end of the data: " + e.getMessage());
        assertTrue(e.getMessage().contains("line " + e.line()), e.getMessage());
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        assertTrue(m.contains("truncated") || m.contains("gzip"), () -> "should say truncated/gzip: " + e.getMessage());
    }

    @Test
    void gzipCutInsideTheHeaderIsAnError() throws IOException {
        byte[] gz = gzip(bigCoordinate(20000, 12).getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("cut10.mtx.gz");
        Files.write(file, Arrays.copyOf(gz, 10)); // just the gzip member header
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(file));
        assertEquals(file.toString(), e.file(), e.getMessage());
    }

    @Test
    void gzNameOnPlainTextIsAnError() {
        Path file = writeFile(dir, "plain.mtx.gz", GEN + "2 2 1\n1 1 1\n");
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(file));
        assertEquals(file.toString(), e.file(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void missingFileIsAnIOExceptionNamingIt() {
        Path file = dir.resolve("does-not-exist.mtx");
        IOException e = assertThrows(IOException.class, () -> MatrixMarket.read(file));
        assertTrue(e.getMessage() != null && e.getMessage().contains("does-not-exist.mtx"), () -> "" + e.getMessage());
    }

    // ---------------------------------------------------------------- large files: exact line numbers

    /**
     * A large general file (enough for a parallel parser to split it into many chunks) with comments,
     * blank lines and optionally CRLF; the entry {@code badEntry} (0-based, or −1 for none) is replaced
     * by {@code badLine}. Returns the text and, in {@code lineOut[0]}, the line of the bad entry.
     */
    private static String largeFile(int n, int declared, int badEntry, String badLine, boolean crlf, long[] lineOut) {
        Random rnd = new Random(99 + n + badEntry);
        String nl = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder(GEN.strip()).append(nl).append("% a large file").append(nl)
                .append("5000 4000 ").append(declared).append(nl);
        long line = 3;
        for (int k = 0; k < n; k++) {
            if (rnd.nextInt(50) == 0) {
                sb.append(rnd.nextBoolean() ? "% comment " + k : "").append(nl);
                line++;
            }
            line++;
            if (k == badEntry) {
                sb.append(badLine).append(nl);
                lineOut[0] = line;
            } else {
                sb.append(1 + rnd.nextInt(5000)).append(rnd.nextBoolean() ? " " : "\t").append(1 + rnd.nextInt(4000))
                        .append(' ').append(rnd.nextDouble() * 1e3).append(nl);
            }
        }
        return sb.toString();
    }

    /** How a large file reaches the reader: a plain file, a .gz file, or a stream (the latter two in blocks). */
    enum Via {
        FILE, GZIP, STREAM
    }

    static Stream<Arguments> largeFileCases() {
        return Stream.of(
                Arguments.of("bad token near the start", Via.FILE, 400_000, 3, "7 8 x9", false, "", null),
                Arguments.of("bad token in the middle", Via.FILE, 400_000, 211_111, "7 8 9 10", true, "expected", null),
                Arguments.of("index out of range in the middle", Via.FILE, 400_000, 277_777, "5001 1 1.0", false,
                        "out of range", null),
                Arguments.of("bad token on the last entry", Via.FILE, 400_000, 399_999, "1 2 3.0.0", true, "", null),
                Arguments.of("more entries than declared", Via.FILE, 400_000, -1, "", false, "more", 399_999),
                Arguments.of("fewer entries than declared", Via.FILE, 400_000, -1, "", true, "declared", 400_001),
                Arguments.of("gzip: bad token late", Via.GZIP, 400_000, 377_777, "1 2 3 4", true, "expected", null),
                Arguments.of("gzip: more entries than declared", Via.GZIP, 400_000, -1, "", false, "more", 300_000),
                Arguments.of("gzip: fewer entries than declared", Via.GZIP, 400_000, -1, "", true, "declared", 400_007),
                Arguments.of("stream: index out of range late", Via.STREAM, 400_000, 333_333, "1 4001 1", false,
                        "out of range", null),
                Arguments.of("stream: more entries than declared", Via.STREAM, 400_000, -1, "", true, "more", 399_000),
                Arguments.of("stream: fewer entries than declared", Via.STREAM, 400_000, -1, "", false, "declared",
                        500_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largeFileCases")
    void lineNumbersAreExactInLargeFiles(String name, Via via, int n, int badEntry, String badLine, boolean crlf,
                                         String keyword, Integer declaredOverride) throws IOException {
        long[] line = new long[1];
        int declared = declaredOverride == null ? n : declaredOverride;
        String text = largeFile(n, declared, badEntry, badLine, crlf, line);
        long expectedLine;
        if (declared < n) {
            // the first extra entry: find the line of entry number `declared` (0-based) by counting
            expectedLine = lineOfEntry(text, declared);
        } else if (declared > n) {
            expectedLine = lineCount(text) + 1;
        } else {
            expectedLine = line[0];
        }
        String[] keywords = keyword.isEmpty() ? new String[0] : new String[] {keyword};
        switch (via) {
            case FILE -> {
                Path file = writeFile(dir, "large.mtx", text);
                assertMalformed(() -> MatrixMarket.read(file), file, expectedLine, keywords);
            }
            case GZIP -> {
                Path file = dir.resolve("large.mtx.gz");
                Files.write(file, gzip(text.getBytes(StandardCharsets.UTF_8)));
                assertMalformed(() -> MatrixMarket.read(file), file, expectedLine, keywords);
            }
            case STREAM -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                assertMalformed(() -> MatrixMarket.read(new ByteArrayInputStream(bytes), "large-stream"), "large-stream",
                        expectedLine, keywords);
            }
        }
    }

    /** The 1-based line of the {@code k}-th (0-based) entry line of a coordinate file's text. */
    private static long lineOfEntry(String text, int k) {
        String[] lines = text.split("\n", -1);
        boolean seenSize = false;
        int entry = -1;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("%")) {
                continue;
            }
            if (!seenSize) {
                seenSize = true;
                continue;
            }
            if (++entry == k) {
                return i + 1;
            }
        }
        throw new AssertionError("no entry " + k);
    }

    // ---------------------------------------------------------------- well-formed neighbours

    private static final double[][] NEIGHBOUR = {
            {1.5, 0, 0, 4},
            {0, -2, 0, 0},
            {7, 0, 0.25, 0}};

    static Stream<Arguments> wellFormedNeighbours() {
        String entries = "1 1 1.5\n2 2 -2\n3 1 7\n3 3 0.25\n1 4 4\n";
        return Stream.of(
                Arguments.of("plain", GEN + "3 4 5\n" + entries),
                Arguments.of("comments before the size line", GEN + "%c1\n%\n% c3\n3 4 5\n" + entries),
                Arguments.of("comments between entries",
                        GEN + "3 4 5\n1 1 1.5\n% between\n2 2 -2\n%\n3 1 7\n3 3 0.25\n% x\n1 4 4\n% trailing\n"),
                Arguments.of("blank lines everywhere", GEN + "\n\n3 4 5\n\n1 1 1.5\n2 2 -2\n   \n3 1 7\n\t\n3 3 0.25\n1 4 4\n\n\n"),
                Arguments.of("CRLF", (GEN + "% crlf\n3 4 5\n" + entries).replace("\n", "\r\n")),
                Arguments.of("CRLF with blank lines", (GEN + "\n3 4 5\n\n" + entries + "\n").replace("\n", "\r\n")),
                Arguments.of("tabs", GEN + "3\t4\t5\n1\t1\t1.5\n2\t\t2\t-2\n3 \t1\t 7\n3\t3 0.25\n1\t4\t4\n"),
                Arguments.of("leading and trailing blanks", GEN + "  3 4 5  \n 1 1 1.5\n2 2 -2 \n\t3 1 7\t\n  3   3   0.25\n1 4 4 \n"),
                Arguments.of("no final newline", GEN + "3 4 5\n" + entries.strip()),
                Arguments.of("banner in mixed case", "%%matrixmarket MATRIX Coordinate REAL General\n3 4 5\n" + entries),
                Arguments.of("banner with extra blanks", "%%MatrixMarket  matrix\tcoordinate   real general  \n3 4 5\n"
                        + entries),
                Arguments.of("other number forms", GEN + "3 4 5\n1 1 15e-1\n2 2 -2.\n3 1 7.000\n3 3 .25\n1 4 0.4E1\n"),
                Arguments.of("leading plus sign on a value", GEN + "3 4 5\n1 1 +1.5\n2 2 -2\n3 1 +7\n3 3 +.25\n1 4 4e+0\n"),
                Arguments.of("Fortran exponents", GEN + "3 4 5\n1 1 0.15D+01\n2 2 -2d0\n3 1 7.0D0\n3 3 2.5d-1\n1 4 4D0\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedNeighbours")
    void wellFormedNeighboursParse(String name, String content) throws IOException {
        Path file = writeFile(dir, "ok.mtx", content);
        MatrixMarketData d = MatrixMarket.read(file);
        assertEquals(new MatrixMarketHeader(Format.COORDINATE, Field.REAL, Symmetry.GENERAL, 3, 4, 5), d.header());
        assertEquals(file.toString(), d.source());
        assertEquals(5, d.matrix().nnz());
        assertDenseEquals(NEIGHBOUR, d.matrix(), name);
    }

    @Test
    void arrayWithCommentsAndBlankLinesAmongValues() throws IOException {
        Path file = writeFile(dir, "arr.mtx", (ARR + "% c\n2 2\n1\n% between\n\n2\n  3  \n%\n4\n\n").replace("\n", "\r\n"));
        MatrixMarketData d = MatrixMarket.read(file);
        assertEquals(4, d.header().entries());
        assertDenseEquals(new double[][] {{1, 3}, {2, 4}}, d.matrix(), "array");
    }
}
