package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.testing.SharedData;

/** A file parsed piece by piece at line boundaries gives the whole-file reader's entries and messages. */
class MatrixMarketPiecesTest {

    private static ByteArrayInputStream range(byte[] b, int from, int to) {
        return new ByteArrayInputStream(Arrays.copyOfRange(b, from, to));
    }

    /** The byte offset of the first line start at or after {@code p} (p itself when it follows a newline). */
    private static int lineStartFrom(byte[] b, int p, int dataStart) {
        if (p <= dataStart) {
            return dataStart;
        }
        while (p < b.length && b[p - 1] != '\n') {
            p++;
        }
        return p;
    }

    @Test
    void piecesCutAtLineBoundariesConcatenateToTheWholeFileEntries() throws IOException {
        Path f = SharedData.file("small/2dcyl1.mtx");
        byte[] b = Files.readAllBytes(f);
        MatrixMarketPieces.Start start = MatrixMarketPieces.start(new ByteArrayInputStream(b), f.toString());
        assertEquals(10, start.sizeLine());
        assertEquals(1784, start.header().rows());
        CooMatrix whole = MatrixMarket.read(f).matrix();
        int data = (int) start.dataOffset();
        assertEquals('1', b[data]);
        for (int pieces : new int[] {1, 3, 7}) {
            int[] cut = new int[pieces + 1];
            for (int k = 0; k <= pieces; k++) {
                cut[k] = lineStartFrom(b, data + (int) ((long) (b.length - data) * k / pieces), data);
            }
            int at = 0;
            long line = start.sizeLine() + 1;
            for (int k = 0; k < pieces; k++) {
                MatrixMarketPieces.Piece p = MatrixMarketPieces.parse(range(b, cut[k], cut[k + 1]), f.toString(),
                        start.header(), line);
                assertArrayEquals(Arrays.copyOfRange(whole.rowIndices(), at, at + p.count()),
                        Arrays.copyOf(p.rows(), p.count()));
                assertArrayEquals(Arrays.copyOfRange(whole.columnIndices(), at, at + p.count()),
                        Arrays.copyOf(p.cols(), p.count()));
                assertArrayEquals(Arrays.copyOfRange(whole.values(), at, at + p.count()),
                        Arrays.copyOf(p.values(), p.count()));
                at += p.count();
                line += p.lines();
                assertTrue(p.endsWithNewline());
            }
            assertEquals(whole.nnz(), at);
            assertEquals(countNewlines(b, 0, b.length), line - 1, "the pieces' lines add up to the file's");
        }
    }

    private static int countNewlines(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += b[i] == '\n' ? 1 : 0;
        }
        return n;
    }

    @Test
    void aBadLineInAPieceIsNamedFromThePiecesFirstLine() throws IOException {
        String text = "%%MatrixMarket matrix coordinate pattern general\n% c\n3 3 3\n1 1\n\n2 x\n3 3\n";
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        MatrixMarketPieces.Start start = MatrixMarketPieces.start(new ByteArrayInputStream(b), "p.mtx");
        assertEquals(text.indexOf("1 1"), start.dataOffset());
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarketPieces.parse(
                range(b, (int) start.dataOffset(), b.length), "p.mtx", start.header(), 4));
        assertEquals("p.mtx, line 6: column index 'x' is not a positive integer", e.getMessage());
        MatrixMarketPieces.Piece ok = MatrixMarketPieces.parse(range(b, text.indexOf("3 3\n1"), text.indexOf("\n2 x")),
                "p.mtx", start.header(), 3);
        assertEquals(2, ok.count()); // the size line is just an entry line to a piece: the caller cuts after it
        assertArrayEquals(new double[] {1, 1}, Arrays.copyOf(ok.values(), 2), "pattern entries are 1");
        assertEquals(4, MatrixMarketPieces.lineOfEntry(range(b, (int) start.dataOffset(), b.length), "p.mtx",
                start.header(), 4, 0));
        assertEquals(7, MatrixMarketPieces.lineOfEntry(range(b, text.indexOf("3 3\n", 60), b.length), "p.mtx",
                start.header(), 7, 0));
    }

    @Test
    void aComplexFileIsRefusedAsTheWholeFileReaderRefusesIt() throws IOException {
        Path f = SharedData.file("format-variants/cholmod_cza_complex_skew.mtx");
        byte[] b = Files.readAllBytes(f);
        MatrixMarketPieces.Start start = MatrixMarketPieces.start(new ByteArrayInputStream(b), f.toString());
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarketPieces.parse(
                range(b, (int) start.dataOffset(), b.length), f.toString(), start.header(), start.sizeLine() + 1));
        assertTrue(e.getMessage().contains("complex matrices are not supported"), e.getMessage());
    }
}
