package org.sparrow.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
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
        try (InputStream in = open(file)) {
            return MatrixMarketReader.readHeader(in, file.toString());
        }
    }

    /** Reads the whole file; symmetric storage is expanded. Complex files are refused. */
    public static MatrixMarketData read(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return MatrixMarketReader.read(in, plainSize(file), file.toString(), false);
        }
    }

    /**
     * Reads a Matrix Market stream (already decompressed); {@code sourceName} is used in messages.
     */
    public static MatrixMarketData read(InputStream in, String sourceName) throws IOException {
        return MatrixMarketReader.read(in, -1, sourceName, false);
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
        try (InputStream in = open(file)) {
            return MatrixMarketReader.read(in, plainSize(file), file.toString(), true);
        }
    }

    /**
     * Writes {@code matrix} with {@link MatrixMarketWriteOptions#defaults()}.
     *
     * @return the header as written (banner words, size, entry lines)
     */
    public static MatrixMarketHeader write(Matrix matrix, Path file) throws IOException {
        return write(matrix, file, MatrixMarketWriteOptions.defaults());
    }

    /**
     * Writes {@code matrix}: entries sorted by column, then row (the order Matrix Market readers
     * in Fortran and SuiteSparse expect), values in the shortest form that reads back to the same
     * double. The file is written by {@link SafeOutput}: a regular file through a temporary file
     * moved into place (a failed write leaves no half-written file behind, and the old file as it
     * was), a device or FIFO directly, a symbolic link's target through the link.
     *
     * @return the header as written (banner words, size, entry lines)
     */
    public static MatrixMarketHeader write(Matrix matrix, Path file, MatrixMarketWriteOptions options)
            throws IOException {
        MatrixMarketHeader[] written = new MatrixMarketHeader[1];
        try {
            SafeOutput.write(file, raw -> {
                try (OutputStream out = isGzip(file) ? new GZIPOutputStream(raw, 1 << 16)
                        : new BufferedOutputStream(raw, 1 << 16)) {
                    written[0] = MatrixMarketWriter.write(matrix, out, options);
                }
            });
        } catch (MatrixMarketException e) {
            throw e;
        } catch (FileSystemException e) {
            throw new MatrixMarketException(file.toString(), 0, "cannot write: " + describe(e), e);
        } catch (IOException e) {
            throw new MatrixMarketException(file.toString(), 0, "cannot write: " + describe(e), e);
        }
        return written[0];
    }

    /**
     * Writes to a stream (not closed; not compressed); {@code sourceName} is used in messages.
     *
     * @return the header as written (banner words, size, entry lines)
     */
    public static MatrixMarketHeader write(Matrix matrix, OutputStream out, String sourceName,
            MatrixMarketWriteOptions options) throws IOException {
        try {
            return MatrixMarketWriter.write(matrix, out, options);
        } catch (MatrixMarketException e) {
            throw e;
        } catch (IOException e) {
            throw new MatrixMarketException(sourceName, 0, "cannot write: " + describe(e), e);
        }
    }

    /** The size of an uncompressed file, or -1 when unknown or compressed. */
    private static long plainSize(Path file) {
        try {
            return isGzip(file) ? -1 : Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether a file name says gzip ({@code .gz}, any case). */
    static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** Opens a file for reading, through gzip when its name ends in {@code .gz}; errors name the file. */
    private static InputStream open(Path file) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new MatrixMarketException(file.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new MatrixMarketException(file.toString(), 0, "cannot open: " + describe(e), e);
        }
        if (Files.isDirectory(file)) {
            raw.close();
            throw new MatrixMarketException(file.toString(), 0, "is a folder, not a Matrix Market file");
        }
        if (!isGzip(file)) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (ZipException | java.io.EOFException e) {
            raw.close();
            throw new MatrixMarketException(file.toString(), 1, "the name ends in .gz but the file is not gzip data ("
                    + e.getMessage() + ")", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
