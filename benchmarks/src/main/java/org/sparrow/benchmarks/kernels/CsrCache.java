package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.sparrow.core.CsrMatrix;

/**
 * The large family's matrices cached as raw CSR arrays, so that a run generates each one once and
 * both the JVM and the scipy script load it in a second instead of parsing a Matrix Market file of
 * hundreds of MB. Layout, little-endian: the 8 bytes {@value #MAGIC}, then rows, cols and nnz as int64,
 * then the row pointers (int32 × (rows + 1)), the column indices (int32 × nnz) and the values
 * (float64 × nnz). The scipy script ({@code kernels_scipy.py}, mode {@code large}) reads the same layout.
 * A file is written to a temporary name and moved into place, so a killed run leaves no half file.
 */
final class CsrCache {

    /** The file's first bytes. */
    static final String MAGIC = "SPRWCSR1";

    /** Bytes of the header: magic and three int64. */
    static final int HEADER_BYTES = 32;

    private static final int CHUNK = 1 << 20;

    private CsrCache() {
    }

    /**
     * Writes {@code m} to {@code file}.
     *
     * @param m    Input: the matrix
     * @param file the cache file (its folder must exist)
     * @throws IOException if it cannot be written
     */
    static void write(CsrMatrix m, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            b.put(MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            b.putLong(m.rows()).putLong(m.cols()).putLong(m.nnz());
            int[] p = m.rowPointers();
            for (int i = 0; i <= m.rows(); i++) {
                b = room(ch, b, 4).putInt(p[i]);
            }
            int[] j = m.columnIndices();
            for (int q = 0; q < m.nnz(); q++) {
                b = room(ch, b, 4).putInt(j[q]);
            }
            double[] v = m.values();
            for (int q = 0; q < m.nnz(); q++) {
                b = room(ch, b, 8).putDouble(v[q]);
            }
            drain(ch, b);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a matrix written by {@link #write}.
     *
     * @param file the cache file
     * @return the matrix
     * @throws IOException if it cannot be read or is not such a file (the message names it and what was wrong)
     */
    static CsrMatrix read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            b.limit(0);
            b = fill(ch, b, HEADER_BYTES, file);
            byte[] magic = new byte[8];
            b.get(magic);
            if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new IOException(file + ": not a cached CSR matrix (the first 8 bytes are not " + MAGIC + ")");
            }
            long rows = b.getLong();
            long cols = b.getLong();
            long nnz = b.getLong();
            long expect = HEADER_BYTES + 4 * (rows + 1) + 12 * nnz;
            if (rows < 0 || cols < 0 || nnz < 0 || rows >= Integer.MAX_VALUE || cols > Integer.MAX_VALUE
                    || nnz > Integer.MAX_VALUE || ch.size() != expect) {
                throw new IOException(file + ": header says " + rows + " × " + cols + " with " + nnz
                        + " entries, which needs " + expect + " bytes, but the file has " + ch.size());
            }
            int[] p = new int[(int) rows + 1];
            for (int i = 0; i < p.length; i++) {
                p[i] = fill(ch, b, 4, file).getInt();
            }
            int[] j = new int[(int) nnz];
            for (int q = 0; q < j.length; q++) {
                j[q] = fill(ch, b, 4, file).getInt();
            }
            double[] v = new double[(int) nnz];
            for (int q = 0; q < v.length; q++) {
                v[q] = fill(ch, b, 8, file).getDouble();
            }
            return new CsrMatrix((int) rows, (int) cols, p, j, v);
        }
    }

    /** {@code b} with room for {@code bytes} more, written out first if full. */
    private static ByteBuffer room(FileChannel ch, ByteBuffer b, int bytes) throws IOException {
        if (b.remaining() < bytes) {
            drain(ch, b);
            b.clear();
        }
        return b;
    }

    private static void drain(FileChannel ch, ByteBuffer b) throws IOException {
        b.flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** {@code b} holding at least {@code bytes} unread bytes, refilled from the channel if needed. */
    private static ByteBuffer fill(FileChannel ch, ByteBuffer b, int bytes, Path file) throws IOException {
        if (b.remaining() >= bytes) {
            return b;
        }
        b.compact();
        while (b.position() < bytes) {
            if (ch.read(b) < 0) {
                throw new IOException(file + ": ends early (truncated cache file)");
            }
        }
        b.flip();
        return b;
    }
}
