package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.MatrixStatistics;

/**
 * Files made to hurt the reader: huge declared sizes with few entries, streams far longer than they
 * declare, gzip with junk appended, headers of millions of comment lines, control bytes; and the
 * stream conveniences (standard input, gzip recognized by content, the vector reader).
 */
class MatrixMarketHostileInputTest {

    private static final String GEN = "%%MatrixMarket matrix coordinate real general\n";

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** An endless stream: {@code prefix}, then {@code line} forever; counts the bytes it has given. */
    private static final class Endless extends InputStream {
        private final byte[] prefix;
        private final byte[] line;
        long delivered;

        Endless(String prefix, String line) {
            this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
            this.line = line.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            long k = delivered++;
            return k < prefix.length ? prefix[(int) k] : line[(int) ((k - prefix.length) % line.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }

    // ---------------------------------------------------------------- huge dimensions

    @Test
    void hypersparseFileIsReadAndDescribedButItsCsrIsRefusedWithTheMemoryNeeded() throws IOException {
        Path f = write("hyper.mtx", GEN + "2000000000 2000000000 3\n1 1 1\n2000000000 2000000000 2\n1 2000000000 3\n");
        assertTrue(Files.size(f) < 120);
        MatrixMarketData d = MatrixMarket.read(f);
        assertEquals(3, d.matrix().nnz());
        MatrixStatistics s = MatrixStatistics.of(d.matrix());
        assertEquals(1_999_999_998, s.emptyRows());
        assertEquals(1_999_999_999, s.upperBandwidth());
        assertEquals(Math.sqrt(14.0), s.frobeniusNorm(), 1e-15);
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.readCsr(f));
        assertEquals(f.toString(), e.file());
        assertTrue(e.getMessage().matches(".*needs [0-9.]+ GB of memory, more than the .* this Java VM may use.*"),
                e::getMessage);
        assertTrue(e.getMessage().lines().count() == 1, e::getMessage);
    }

    @Test
    void matrixAtTheSizeLimitConvertsToCsr() throws IOException {
        Path f = write("limit.mtx", "%%MatrixMarket matrix coordinate pattern general\n1 2147483647 3\n1 2147483647\n1 1\n1 5\n");
        CsrMatrix a = MatrixMarket.readCsr(f);
        assertEquals(Integer.MAX_VALUE, a.cols());
        assertArrayEquals(new int[] {0, 3}, a.rowPointers());
        assertArrayEquals(new int[] {0, 4, Integer.MAX_VALUE - 1}, a.columnIndices());
        assertArrayEquals(new double[] {1, 1, 1}, a.values());
        assertEquals(Integer.MAX_VALUE - 3L, MatrixStatistics.of(MatrixMarket.read(f).matrix()).emptyCols());
    }

    @Test
    void int64ExtremesAreValidIntegerValuesAndOneMoreIsNot() throws IOException {
        String banner = "%%MatrixMarket matrix coordinate integer general\n2 2 2\n";
        Path ok = write("extremes.mtx", banner + "1 1 -9223372036854775808\n2 2 9223372036854775807\n");
        double[] v = MatrixMarket.read(ok).matrix().values();
        assertEquals(-0x1p63, v[0]);
        assertEquals(0x1p63, v[1]);
        Path low = write("low.mtx", banner + "1 1 -9223372036854775809\n2 2 1\n");
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(low));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("64 bits"), e::getMessage);
        Path high = write("high.mtx", banner + "1 1 1\n2 2 9223372036854775808\n");
        assertEquals(4, assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(high)).line());
    }

    // ---------------------------------------------------------------- bounded memory

    @Test
    void endlessStreamIsRefusedAtTheFirstLinePastTheDeclaredCountWithoutReadingOn() {
        Endless in = new Endless(GEN + "3 3 3\n", "1 1 1.5\n");
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(in, "endless.mtx"));
        assertEquals(6, e.line(), e::getMessage);
        assertTrue(e.getMessage().contains("more entries than the 3 declared"), e::getMessage);
        assertTrue(in.delivered < (1 << 20), () -> "read " + in.delivered + " bytes of a stream that was done after 80");
    }

    @Test
    void gzipBombIsRefusedAfterTheDeclaredCountWithoutInflatingTheRest() {
        // A gzip member header, then deflate data compressed on the fly from an endless text: as much
        // data as the reader would ever ask for, from a few kilobytes of compressed input.
        Endless text = new Endless(GEN + "% a bomb\n3 3 3\n", "3 3 2.5\n");
        byte[] header = {(byte) 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        long[] compressed = {0};
        InputStream gz = new FilterInputStream(new SequenceInputStream(new ByteArrayInputStream(header),
                new DeflaterInputStream(text, new Deflater(Deflater.BEST_COMPRESSION, true)))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                compressed[0] += Math.max(n, 0);
                return n;
            }
        };
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(gz, "bomb.mtx.gz"));
        assertEquals(7, e.line(), e::getMessage);
        assertTrue(e.getMessage().contains("more entries"), e::getMessage);
        // Endless compressed input; the reader takes one buffer of it (about 1000:1, so tens of MB of text).
        assertTrue(compressed[0] <= (256 << 10), () -> "read " + compressed[0] + " compressed bytes before refusing");
    }

    @Test
    void trailingGarbageAfterAGzipMemberIsAnError() throws IOException {
        byte[] gz = gzip(GEN + "2 2 1\n1 1 1\n");
        byte[] junk = "junk\n".getBytes(StandardCharsets.US_ASCII);
        byte[] both = new byte[gz.length + junk.length];
        System.arraycopy(gz, 0, both, 0, gz.length);
        System.arraycopy(junk, 0, both, gz.length, junk.length);
        Path f = write("junk.mtx.gz", both);
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(f));
        assertTrue(e.getMessage().contains("trailing data after the end of the gzip data (at byte " + gz.length + ")"),
                e::getMessage);
    }

    @Test
    void concatenatedGzipMembersReadAsOneText() throws IOException {
        byte[] a = gzip(GEN + "2 2 2\n1 1 1\n");
        byte[] b = gzip("2 2 4\n");
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        CsrMatrix m = MatrixMarket.readCsr(write("two.mtx.gz", both));
        assertArrayEquals(new double[] {1, 4}, m.values());
    }

    @Test
    void corruptGzipChecksumIsAnError() throws IOException {
        byte[] gz = gzip(GEN + "2 2 1\n1 1 1\n");
        gz[gz.length - 8] ^= 1; // the CRC-32 in the trailer
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(write("crc.mtx.gz", gz)));
        assertTrue(e.getMessage().contains("CRC"), e::getMessage);
    }

    @Test
    void headerOfTwoMillionCommentLinesParsesInLinearTime() throws IOException {
        StringBuilder sb = new StringBuilder(GEN);
        sb.append("% c\n".repeat(2_000_000));
        sb.append("4 4 1\n4 4 1\n");
        Path f = write("comments.mtx", sb.toString());
        // Quadratic parsing took 26–96 s on this 8 MB file; linear takes well under a second.
        MatrixMarketHeader h = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> MatrixMarket.readHeader(f));
        assertEquals(4, h.rows());
        assertEquals(2_000_000, assertTimeoutPreemptively(Duration.ofSeconds(30), () -> MatrixMarket.read(f)).comments().size());
    }

    @Test
    void headerReadStopsSoonAfterTheSizeLine() throws IOException {
        Endless in = new Endless(GEN + "5 5 1000000000\n", "1 1 1\n");
        MatrixMarketHeader h = MatrixMarketReader.readHeader(in, "endless.mtx");
        assertEquals(1_000_000_000L, h.entries());
        assertTrue(in.delivered <= (1 << 20), () -> "read " + in.delivered + " bytes for a 64-byte header");
    }

    @Test
    void declaredCountFarBeyondTheEntriesAllocatesOnlyWhatIsRead() throws IOException {
        // 2·10⁹ declared entries would be 32 GB of triplets; the reader must fail on the missing ones, not allocate.
        Path f = write("liar.mtx", GEN + "5 5 2000000000\n1 1 1\n2 2 2\n");
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(f));
        assertTrue(e.getMessage().contains("ends after 2 of 2000000000"), e::getMessage);
        MatrixMarketException s = assertThrows(MatrixMarketException.class,
                () -> MatrixMarket.read(new ByteArrayInputStream(Files.readAllBytes(f)), "liar.mtx"));
        assertEquals(e.problem(), s.problem());
        assertEquals(e.line(), s.line());
    }

    @Test
    void overlongLineIsRefusedWithoutBufferingItAll() {
        Endless in = new Endless(GEN + "2 2 1\n1 1 ", "1");
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(in, "long.mtx"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("longer than 64 MiB"), e::getMessage);
        assertTrue(in.delivered < (80 << 20), () -> "read " + in.delivered);
    }

    // ---------------------------------------------------------------- streams

    @Test
    void gzipIsRecognizedByContentWhateverTheName() throws IOException {
        String text = GEN + "3 3 2\n1 1 1\n3 2 -4\n";
        CsrMatrix plain = MatrixMarket.readCsr(write("a.mtx", text));
        assertEquals(plain, MatrixMarket.readCsr(write("a-compressed.mtx", gzip(text))));
        assertEquals(plain, MatrixMarket.read(new ByteArrayInputStream(gzip(text)), "stream").toCsr());
        assertEquals(3, MatrixMarket.readHeader(write("b.data", gzip(text))).rows());
    }

    @Test
    void dashReadsStandardInput() throws IOException {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(gzip(GEN + "2 1 1\n2 1 7\n")));
            assertArrayEquals(new double[] {0, 7}, MatrixMarket.readVector(MatrixMarket.STDIN));
            System.setIn(new ByteArrayInputStream((GEN + "2 2 1\n3 1 7\n").getBytes(StandardCharsets.US_ASCII)));
            MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(Path.of("-")));
            assertEquals("standard input, line 3: row index 3 is out of range 1..2", e.getMessage());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void readVectorSumsDuplicatesAndAcceptsARowOrAColumn() throws IOException {
        assertArrayEquals(new double[] {1.5, 0, -2},
                MatrixMarket.readVector(write("col.mtx", "%%MatrixMarket matrix array real general\n3 1\n1.5\n0\n-2\n")));
        assertArrayEquals(new double[] {0, 3, 0, -1},
                MatrixMarket.readVector(write("row.mtx", GEN + "1 4 3\n1 2 1\n1 4 -1\n1 2 2\n")));
        Path m = write("matrix.mtx", GEN + "2 2 1\n1 1 1\n");
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.readVector(m));
        assertEquals(m + ": is a 2x2 matrix, not a vector (one column or one row)", e.getMessage());
    }

    @Test
    void vectorTooLongForMemoryIsRefusedWithTheMemoryNeeded() throws IOException {
        Path f = write("longvec.mtx", GEN + "2147483647 1 1\n5 1 1\n");
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.readVector(f));
        assertTrue(e.getMessage().contains("a vector of 2147483647 entries needs 17.2 GB of memory"), e::getMessage);
    }

    // ---------------------------------------------------------------- messages

    @Test
    void controlBytesAndInvalidUtf8AreShownEscaped() throws IOException {
        byte[] bad = (GEN + "2 2 1\n1 1 \u001b[31mred").getBytes(StandardCharsets.UTF_8);
        byte[] withInvalid = new byte[bad.length + 2];
        System.arraycopy(bad, 0, withInvalid, 0, bad.length);
        withInvalid[bad.length] = (byte) 0xff;
        withInvalid[bad.length + 1] = '\n';
        Path f = write("ctl.mtx", withInvalid);
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(f));
        assertEquals(f + ", line 3: '\\x1b[31mred\\xff' is not a number", e.getMessage());

        Path banner = write("banner.mtx", "%%MatrixMarket matrix coördinate\u0007 real general\n");
        MatrixMarketException b = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(banner));
        assertTrue(b.getMessage().contains("'coördinate\\x07'"), b::getMessage);
    }

    @Test
    void nonFiniteValuesAreReadAndCounted() throws IOException {
        Path f = write("nan.mtx", GEN + "2 2 3\n1 1 nan\n2 2 -inf\n1 2 4\n");
        CooMatrix m = MatrixMarket.read(f).matrix();
        assertEquals(2, MatrixStatistics.of(m).nonFiniteEntries());
    }
}
