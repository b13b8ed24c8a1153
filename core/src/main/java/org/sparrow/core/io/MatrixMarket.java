package org.sparrow.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Matrix;

/**
 * Reads and writes Matrix Market files (NIST, "The Matrix Market Exchange Formats: Initial Design",
 * Boisvert, Pozo, Remington 1996): coordinate and array; real, integer and pattern; general,
 * symmetric and skew-symmetric. A name ending in {@code .gz} is gzip-compressed, on reading and on
 * writing. Complex and Hermitian files are recognized: reading their values fails with a clear
 * "not supported" error, and {@link #readPattern} reads their structure.
 *
 * <p>Every malformed input raises a {@link MatrixMarketException} naming the file, the line and the
 * problem; no partially read matrix is ever returned.
 */
public final class MatrixMarket {

    private MatrixMarket() {
    }

    /** Reads only the banner and size line. */
    public static MatrixMarketHeader readHeader(Path file) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Reads the whole file; symmetric storage is expanded. Complex files are refused. */
    public static MatrixMarketData read(Path file) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Reads a Matrix Market stream (already decompressed); {@code sourceName} is used in messages.
     */
    public static MatrixMarketData read(InputStream in, String sourceName) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Reads the whole file into canonical CSR (duplicates summed). */
    public static CsrMatrix readCsr(Path file) throws IOException {
        return read(file).toCsr();
    }

    /**
     * Reads the structure only, for any field including complex: values are parsed for syntax but
     * every stored entry becomes 1.0 (Hermitian storage is expanded like symmetric storage).
     */
    public static MatrixMarketData readPattern(Path file) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes {@code matrix} with {@link MatrixMarketWriteOptions#defaults()}. */
    public static void write(Matrix matrix, Path file) throws IOException {
        write(matrix, file, MatrixMarketWriteOptions.defaults());
    }

    /**
     * Writes {@code matrix}: entries sorted by column, then row (the order Matrix Market readers
     * in Fortran and SuiteSparse expect), values in the shortest form that reads back to the same
     * double. Written to a temporary file first and moved into place, so a failed write leaves no
     * half-written file behind.
     */
    public static void write(Matrix matrix, Path file, MatrixMarketWriteOptions options) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes to a stream (not closed; not compressed); {@code sourceName} is used in messages. */
    public static void write(Matrix matrix, OutputStream out, String sourceName, MatrixMarketWriteOptions options)
            throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
