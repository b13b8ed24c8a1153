package org.sparrow.core.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Matrix;

/**
 * Reads and writes Matrix Market files (NIST, "The Matrix Market Exchange Formats: Initial Design",
 * Boisvert, Pozo, Remington 1996): coordinate and array; real, integer and pattern; general,
 * symmetric and skew-symmetric. Reading recognizes gzip data by its content; writing compresses
 * when the name ends in {@code .gz}. Wherever a file is read, {@code -} ({@link #STDIN}) is standard
 * input. Complex and Hermitian files are recognized: reading their values fails with a clear
 * "not supported" error, and {@link #readPattern} reads their structure.
 *
 * <p>Every malformed input raises a {@link MatrixMarketException} naming the file, the line and the
 * problem; no partially read matrix is ever returned.
 */
public final class MatrixMarket {

    private MatrixMarket() {
    }

    /**
     * The name that stands for standard input wherever a file is read: {@code -}, as Unix tools
     * spell it (a file really called {@code -} is reached as {@code ./-}). Messages call it
     * {@value #STDIN_NAME}.
     */
    public static final Path STDIN = Path.of("-");

    /** How messages name standard input. */
    public static final String STDIN_NAME = "standard input";

    /**
     * Reads only the banner and size line; {@link #STDIN} reads standard input.
     *
     * @param file the file, plain or gzip, or {@link #STDIN}
     * @return the banner words, the size and the number of entry lines
     * @throws IOException if the file cannot be read ({@link MatrixMarketException} when the header is malformed)
     */
    public static MatrixMarketHeader readHeader(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return MatrixMarketReader.readHeader(in, name(file));
        }
    }

    /**
     * Reads the whole file; symmetric storage is expanded. Complex files are refused. Gzip data is
     * recognized by its content (the magic bytes {@code 1f 8b}), whatever the name; {@link #STDIN}
     * reads standard input.
     *
     * @param file the file, plain or gzip, or {@link #STDIN}
     * @return the matrix as triplets, with the header and the comments
     * @throws IOException if the file cannot be read ({@link MatrixMarketException}, naming the line, when it is malformed or complex)
     */
    public static MatrixMarketData read(Path file) throws IOException {
        return read(file, MatrixMarketReader.Values.REQUIRED);
    }

    /**
     * Reads a Matrix Market stream, plain or gzip (recognized by its content); {@code sourceName} is
     * used in messages. The stream is read to its end but not closed.
     *
     * @param in the stream, plain or gzip
     * @param sourceName the name the messages give the stream
     * @return the matrix as triplets, with the header and the comments
     * @throws IOException if the stream cannot be read ({@link MatrixMarketException}, naming the line, when it is malformed or complex)
     */
    public static MatrixMarketData read(InputStream in, String sourceName) throws IOException {
        return MatrixMarketReader.read(decompressed(in, sourceName, false), -1, sourceName, MatrixMarketReader.Values.REQUIRED);
    }

    /**
     * Reads the whole file into canonical CSR (duplicates summed). A matrix whose CSR form needs more
     * memory than this Java VM may use (a hypersparse one: 2·10⁹ rows and three entries need 8 GB of
     * row pointers) is refused with an error that states the memory needed.
     *
     * @param file the file, plain or gzip, or {@link #STDIN}
     * @return the matrix, canonical
     * @throws IOException if the file cannot be read ({@link MatrixMarketException} when it is malformed, complex or too large for this JVM's memory)
     */
    public static CsrMatrix readCsr(Path file) throws IOException {
        MatrixMarketData data = read(file);
        try {
            return data.toCsr();
        } catch (IllegalStateException | IllegalArgumentException e) { // too large for memory, or for an int array
            throw new MatrixMarketException(data.source(), 0, e.getMessage(), e);
        }
    }

    /**
     * Reads the structure only, for any field including complex: values are parsed for syntax but
     * every stored entry becomes 1.0 (Hermitian storage is expanded like symmetric storage).
     *
     * @param file the file, plain or gzip, or {@link #STDIN}
     * @return the structure as triplets with value 1.0, with the header and the comments
     * @throws IOException if the file cannot be read ({@link MatrixMarketException}, naming the line, when it is malformed)
     */
    public static MatrixMarketData readPattern(Path file) throws IOException {
        return read(file, MatrixMarketReader.Values.PATTERN);
    }

    /**
     * Reads the values when Sparrow supports the field (real, integer, pattern) and only the structure
     * otherwise (complex, Hermitian: every entry 1.0, as {@link #readPattern}), in one pass — for a
     * stream that can be read only once. Which one happened is told by the header's field and symmetry.
     *
     * @param file the file, plain or gzip, or {@link #STDIN}
     * @return the matrix, or its structure when the field is complex, with the header and the comments
     * @throws IOException if the file cannot be read ({@link MatrixMarketException}, naming the line, when it is malformed)
     */
    public static MatrixMarketData readValuesIfSupported(Path file) throws IOException {
        return read(file, MatrixMarketReader.Values.IF_SUPPORTED);
    }

    /**
     * Reads a vector: a Matrix Market file (array or coordinate) with one column or one row; entries
     * not stored are 0 and duplicates are summed. {@link #STDIN} reads standard input.
     *
     * @param file the file, plain or gzip, or {@link #STDIN}
     * @return the vector, of length the file's number of rows (one column) or columns (one row)
     * @throws MatrixMarketException when the file is malformed, or is a matrix with more than one row
     *                               and more than one column
     */
    public static double[] readVector(Path file) throws IOException {
        return vector(read(file));
    }

    /**
     * {@link #readVector(Path)} from a stream (plain or gzip), named {@code sourceName} in messages.
     *
     * @param in the stream, plain or gzip
     * @param sourceName the name the messages give the stream
     * @return the vector, of length the file's number of rows (one column) or columns (one row)
     * @throws IOException if the stream cannot be read ({@link MatrixMarketException} when it is malformed or not a vector)
     */
    public static double[] readVector(InputStream in, String sourceName) throws IOException {
        return vector(read(in, sourceName));
    }

    private static double[] vector(MatrixMarketData data) throws MatrixMarketException {
        org.sparrow.core.CooMatrix v = data.matrix();
        if (v.cols() != 1 && v.rows() != 1) {
            throw new MatrixMarketException(data.source(), 0, "is a " + v.rows() + "x" + v.cols()
                    + " matrix, not a vector (one column or one row)");
        }
        int n = Math.max(v.rows(), v.cols());
        try {
            org.sparrow.core.MemoryNeeds.require(8L * n, "a vector of " + n + " entries");
        } catch (IllegalStateException e) {
            throw new MatrixMarketException(data.source(), 0, e.getMessage(), e);
        }
        double[] b = new double[n];
        int[] ri = v.rowIndices();
        int[] ci = v.columnIndices();
        double[] x = v.values();
        boolean column = v.cols() == 1;
        for (int k = 0; k < v.nnz(); k++) {
            b[column ? ri[k] : ci[k]] += x[k];
        }
        return b;
    }

    private static MatrixMarketData read(Path file, MatrixMarketReader.Values values) throws IOException {
        try (InputStream in = open(file)) {
            return MatrixMarketReader.read(in, plainSize(file), name(file), values);
        }
    }

    /**
     * Writes {@code matrix} with {@link MatrixMarketWriteOptions#defaults()}.
     *
     * @param matrix the matrix to write
     * @param file the file to write; gzip when its name ends in {@code .gz}
     * @return the header as written (banner words, size, entry lines)
     * @throws IOException if the file cannot be written ({@link MatrixMarketException} naming the file; the old file, if any, is left as it was)
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
     * @param matrix the matrix to write
     * @param file the file to write; gzip when its name ends in {@code .gz}
     * @param options the format, field, symmetry and comment
     * @return the header as written (banner words, size, entry lines)
     * @throws IOException if the file cannot be written ({@link MatrixMarketException} naming the file; the old file, if any, is left as it was)
     * @throws IllegalArgumentException if the options do not fit the matrix (the message says why)
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
     * @param matrix the matrix to write
     * @param out the stream
     * @param sourceName the name the messages give the stream
     * @param options the format, field, symmetry and comment
     * @return the header as written (banner words, size, entry lines)
     * @throws IOException if the stream cannot be written ({@link MatrixMarketException} naming {@code sourceName})
     * @throws IllegalArgumentException if the options do not fit the matrix (the message says why)
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

    /** The size of an uncompressed regular file, or -1 when unknown (a stream, a pipe) or compressed. */
    private static long plainSize(Path file) {
        try {
            return isStdin(file) || isGzip(file) || !Files.isRegularFile(file) ? -1 : Files.size(file);
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    private static boolean isStdin(Path file) {
        return STDIN.equals(file);
    }

    /** The file's name in messages: as given, or {@value #STDIN_NAME}. */
    private static String name(Path file) {
        return isStdin(file) ? STDIN_NAME : file.toString();
    }

    /** Whether a file name says gzip ({@code .gz}, any case). */
    static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /**
     * Opens a file (or standard input, for {@link #STDIN}) for reading, decompressed when it holds
     * gzip data; errors name the file.
     */
    private static InputStream open(Path file) throws IOException {
        if (isStdin(file)) {
            return decompressed(new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input stays open for the rest of the program
                }
            }, STDIN_NAME, false);
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new MatrixMarketException(file.toString(), 0, "no such file");
        } catch (AccessDeniedException e) {
            throw new MatrixMarketException(file.toString(), 0, "cannot open: permission denied", e);
        } catch (IOException e) {
            throw new MatrixMarketException(file.toString(), 0, "cannot open: " + describe(e), e);
        }
        if (Files.isDirectory(file)) {
            raw.close();
            throw new MatrixMarketException(file.toString(), 0, "is a folder, not a Matrix Market file");
        }
        try {
            return decompressed(raw, file.toString(), isGzip(file));
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * The stream, through a strict gzip decoder when it starts with the gzip magic bytes.
     *
     * @param gzipName whether the name ends in {@code .gz}: then the content must be gzip
     */
    private static InputStream decompressed(InputStream raw, String name, boolean gzipName) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        byte[] magic = new byte[2];
        int n = in.readNBytes(magic, 0, 2);
        in.reset();
        if (!GzipInput.isGzip(magic, n)) {
            if (gzipName) {
                throw new MatrixMarketException(name, 1, "the name ends in .gz but the file is not gzip data");
            }
            return in;
        }
        try {
            return new GzipInput(in);
        } catch (ZipException | java.io.EOFException e) {
            throw new MatrixMarketException(name, 1, "the gzip data is corrupt or truncated in its header ("
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
