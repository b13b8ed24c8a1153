package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.Parallelism;

/**
 * A file large enough to be cut into many segments and blocks reads the same on 1 thread as on
 * several, and an error deep inside it names the same line whatever the thread count.
 */
class ParallelReadTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreThreads() {
        System.clearProperty(Parallelism.THREADS_PROPERTY);
    }

    /** About 6 MB of entries with comments, blank lines and CRLF sprinkled in; returns the lines written. */
    private static String bigFile(int entries, int rows, long seed, int badEntry) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(entries * 40);
        sb.append("%%MatrixMarket matrix coordinate real general\n% a comment\n\n");
        sb.append(rows).append(' ').append(rows).append(' ').append(entries).append('\n');
        for (int k = 0; k < entries; k++) {
            if (k % 10_007 == 0) {
                sb.append("% comment among entries\n\n");
            }
            if (k == badEntry) {
                sb.append("1 2 x\n");
                continue;
            }
            sb.append(1 + r.nextInt(rows)).append(r.nextBoolean() ? " " : "\t ").append(1 + r.nextInt(rows)).append(' ')
                    .append(String.format(Locale.ROOT, r.nextBoolean() ? "%.17g" : "%.5e", r.nextGaussian()))
                    .append(k % 3 == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    private MatrixMarketData readWith(int threads, Path file) throws IOException {
        System.setProperty(Parallelism.THREADS_PROPERTY, String.valueOf(threads));
        return MatrixMarket.read(file);
    }

    @Test
    void largeFileReadsIdenticallyOnOneAndManyThreadsPlainAndGzipped() throws IOException {
        String text = bigFile(180_000, 50_000, 1, -1);
        Path plain = dir.resolve("big.mtx");
        Files.writeString(plain, text, StandardCharsets.US_ASCII);
        Path gz = dir.resolve("big.mtx.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        CooMatrix one = readWith(1, plain).matrix();
        assertEquals(180_000, one.nnz());
        for (int threads : new int[] {2, 3, 8}) {
            for (Path f : new Path[] {plain, gz}) {
                CooMatrix many = readWith(threads, f).matrix();
                // Same triplets in the same (file) order, not merely the same matrix.
                assertArrayEquals(one.rowIndices(), many.rowIndices(), f + " on " + threads + " threads");
                assertArrayEquals(one.columnIndices(), many.columnIndices());
                assertArrayEquals(one.values(), many.values());
            }
        }
        // Independent reference for the values: the JDK's parser on the same text, line by line.
        String[] lines = text.split("\r?\n");
        int k = 0;
        for (int i = 4; i < lines.length && k < 1000; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("%")) {
                continue;
            }
            String[] t = lines[i].trim().split("\\s+");
            assertEquals(Integer.parseInt(t[0]) - 1, one.rowIndices()[k]);
            assertEquals(Integer.parseInt(t[1]) - 1, one.columnIndices()[k]);
            assertEquals(Double.parseDouble(t[2]), one.values()[k]);
            k++;
        }
    }

    @Test
    void errorDeepInALargeFileNamesTheSameLineOnAnyThreadCount() throws IOException {
        int bad = 123_456;
        String text = bigFile(150_000, 1000, 2, bad);
        Path f = dir.resolve("bad.mtx");
        Files.writeString(f, text, StandardCharsets.US_ASCII);
        long expectedLine = 1 + text.substring(0, text.indexOf("1 2 x\n")).chars().filter(c -> c == '\n').count();
        for (int threads : new int[] {1, 2, 5}) {
            MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> readWith(threads, f));
            assertEquals(expectedLine, e.line(), e.getMessage());
            assertEquals("'x' is not a number", e.problem());
        }
    }
}
