package org.sparrow.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.sparrow.core.io.MatrixMarketBlocks.Counts;
import org.sparrow.core.io.MatrixMarketBlocks.Segment;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;

/**
 * The Matrix Market reader's parts for a reader that splits one file among several workers, each
 * parsing a byte range of the entry lines (Sparrow on Spark): the header and where the entry lines
 * start ({@link #start}), the entries of one piece of whole lines ({@link #parse}) and, for a
 * message, the line of a piece's {@code k}-th entry ({@link #lineOfEntry}). The same header, block
 * and entry parsers as {@link MatrixMarket#read(java.nio.file.Path)}, so a piece is parsed and its
 * errors worded exactly as a whole file is; what only the whole file can tell (the count of entries
 * against the size line, symmetric expansion, line numbers counted from the top) is left to the
 * caller, who adds the pieces' counts ({@link Piece#lines()}) in order.
 */
public final class MatrixMarketPieces {

    /** Blocks a piece is read in: the whole-file reader's block size. */
    private static final int BLOCK_BYTES = 8 << 20;
    /** The first block of a piece (doubling up to {@link #BLOCK_BYTES}). */
    private static final int FIRST_BLOCK_BYTES = 64 << 10;

    private MatrixMarketPieces() {
    }

    /**
     * What precedes a file's entry lines.
     *
     * @param header     the banner and size line
     * @param dataOffset the byte offset just past the size line's newline: where the entry lines start
     * @param sizeLine   the 1-based number of the size line (entry lines are numbered from {@code sizeLine + 1})
     */
    public record Start(MatrixMarketHeader header, long dataOffset, long sizeLine) {
    }

    /**
     * The entries of one piece, in file order, with arrays possibly longer than {@link #count()}.
     *
     * @param count           the entry lines parsed
     * @param rows            0-based row indices (coordinate files), or null (array files)
     * @param cols            0-based column indices (coordinate files), or null (array files)
     * @param values          the values; 1.0 for a pattern file
     * @param lines           the newlines in the piece (the next piece's first line is this many after this one's)
     * @param endsWithNewline whether the piece's last byte is a newline (false for an empty piece)
     */
    public record Piece(int count, int[] rows, int[] cols, double[] values, long lines, boolean endsWithNewline) {
    }

    /**
     * Reads the banner, the comment lines and the size line from the start of an uncompressed stream,
     * and says where the entry lines begin. The stream is left somewhere after the size line.
     *
     * @param in     the file's bytes from offset 0, not gzip
     * @param source the file's name, for messages
     * @return the header and the offset of the first entry line
     * @throws MatrixMarketException when the header is malformed or the input ends before the size line
     * @throws IOException           when reading fails
     */
    public static Start start(InputStream in, String source) throws IOException {
        MatrixMarketHeaderParser hp = new MatrixMarketHeaderParser(source, false);
        MatrixMarketBlocks blocks = new MatrixMarketBlocks(in, source, 16 << 10, 1 << 20);
        long offset = 0; // bytes of the file before the current block
        for (Segment b = blocks.next(1); b != null; b = blocks.next(hp.line() + 1)) {
            int end = hp.consume(b.buf(), b.from(), b.to());
            if (end >= 0) {
                return new Start(hp.header(), offset + (end - b.from()), hp.line());
            }
            offset += b.to() - b.from();
        }
        throw hp.endedEarly();
    }

    /**
     * Parses the entry lines of one piece: a run of whole lines of the file's entry section (blank
     * and {@code %} lines allowed), read to the end of {@code in}, on the caller's thread. Indices
     * are checked against the header's size and messages name the line counted from
     * {@code firstLine}; the count of entries is not checked against the size line (only the whole
     * file can tell).
     *
     * @param in        the piece's bytes, starting at the start of a line
     * @param source    the file's name, for messages
     * @param header    the file's header (from {@link #start}); complex and Hermitian files are refused
     * @param firstLine the 1-based number of the piece's first line
     * @return the entries of the piece
     * @throws MatrixMarketException on the first malformed line, naming it; when the field is complex
     * @throws IOException           when reading fails
     */
    public static Piece parse(InputStream in, String source, MatrixMarketHeader header, long firstLine)
            throws IOException {
        if (header.field() == Field.COMPLEX) {
            throw new MatrixMarketException(source, 1, "complex matrices are not supported (only their structure can"
                    + " be read, with readPattern)");
        }
        boolean coordinate = header.format() == Format.COORDINATE;
        boolean withValues = header.field() != Field.PATTERN;
        MatrixMarketBlocks blocks = new MatrixMarketBlocks(in, source, FIRST_BLOCK_BYTES, BLOCK_BYTES);
        int[] ri = new int[0];
        int[] ci = new int[0];
        double[] vx = new double[0];
        int count = 0;
        long line = firstLine;
        boolean endsWithNewline = false;
        for (Segment b = blocks.next(line); b != null; b = blocks.next(line)) {
            List<Segment> segs = MatrixMarketBlocks.cut(b, b.from());
            if (segs.isEmpty()) {
                continue;
            }
            Counts counts = new Counts(segs, line, 1);
            long needed = count + counts.totalEntries;
            if (needed > MatrixMarketHeaderParser.MAX_ENTRIES) {
                throw new MatrixMarketException(source, line, "this piece of the file holds more than "
                        + MatrixMarketHeaderParser.MAX_ENTRIES + " entries, more than one array holds; use more pieces");
            }
            if (needed > vx.length) {
                int cap = (int) Math.min(MatrixMarketHeaderParser.MAX_ENTRIES, Math.max(needed, 2L * vx.length));
                if (coordinate) {
                    ri = Arrays.copyOf(ri, cap);
                    ci = Arrays.copyOf(ci, cap);
                }
                vx = Arrays.copyOf(vx, cap);
            }
            for (int s = 0; s < segs.size(); s++) {
                MatrixMarketEntryParser p = new MatrixMarketEntryParser(source, header, segs.get(s), counts.firstLine[s]);
                int k = count + (int) counts.firstEntry[s];
                int limit = k + (int) counts.entries[s];
                if (coordinate) {
                    p.parseCoordinate(k, limit, ri, ci, vx, withValues);
                } else {
                    p.parseArray(k, limit, vx);
                }
            }
            if (!withValues) {
                Arrays.fill(vx, count, (int) needed, 1.0);
            }
            count = (int) needed;
            line += counts.totalNewlines;
            endsWithNewline = b.buf()[b.to() - 1] == '\n';
        }
        return new Piece(count, coordinate ? ri : null, coordinate ? ci : null, vx, line - firstLine, endsWithNewline);
    }

    /**
     * The line of a piece's {@code k}-th entry line (0-based), for a message about it (the first
     * entry past the size line's count).
     *
     * @param in        the piece's bytes, starting at the start of a line
     * @param source    the file's name
     * @param header    the file's header
     * @param firstLine the 1-based number of the piece's first line
     * @param k         which entry line, 0-based
     * @return its 1-based line number, or -1 when the piece has no {@code k}-th entry line
     * @throws IOException when reading fails
     */
    public static long lineOfEntry(InputStream in, String source, MatrixMarketHeader header, long firstLine, long k)
            throws IOException {
        MatrixMarketBlocks blocks = new MatrixMarketBlocks(in, source, FIRST_BLOCK_BYTES, BLOCK_BYTES);
        long line = firstLine;
        long seen = 0;
        for (Segment b = blocks.next(line); b != null; b = blocks.next(line)) {
            List<Segment> segs = MatrixMarketBlocks.cut(b, b.from());
            if (segs.isEmpty()) {
                continue;
            }
            Counts counts = new Counts(segs, line, 1);
            for (int s = 0; s < segs.size(); s++) {
                long first = seen + counts.firstEntry[s];
                if (k < first + counts.entries[s]) {
                    return new MatrixMarketEntryParser(source, header, segs.get(s), counts.firstLine[s])
                            .lineOfEntry(k - first);
                }
            }
            seen += counts.totalEntries;
            line += counts.totalNewlines;
        }
        return -1;
    }
}
