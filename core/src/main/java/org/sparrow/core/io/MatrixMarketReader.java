package org.sparrow.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.io.MatrixMarketBlocks.Counts;
import org.sparrow.core.io.MatrixMarketBlocks.Segment;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

/**
 * The Matrix Market parser behind {@link MatrixMarket}, in three parts: the header
 * ({@link MatrixMarketHeaderParser}), blocks and segments ({@link MatrixMarketBlocks}) and entry
 * parsing ({@link MatrixMarketEntryParser}); this class streams the blocks through them.
 *
 * <p>The approach of fast_matrix_market (Adam Lugowski, fast_matrix_market, 2022): each block of
 * text is cut into segments that are scanned in parallel twice — once to count their lines and
 * entries, so that each segment knows its first line number and its first entry's slot, then once
 * to parse straight into the triplet arrays. Entries are counted as each block arrives, so input
 * past the declared count is refused at its first extra line without reading further, and the
 * arrays grow only as far as the entries actually read (never past the declared count): memory is
 * bounded by one block plus what the file's declared sizes allow. When several segments fail, the
 * error on the earliest line is the one reported, so messages do not depend on thread timing.
 */
final class MatrixMarketReader {

    /** How the values are read. */
    enum Values {
        /** Read the values; complex and Hermitian files are refused. */
        REQUIRED,
        /** Parse the values for syntax only; every entry becomes 1.0. */
        PATTERN,
        /** Values when the field allows (real, integer, pattern), the structure otherwise (complex, Hermitian). */
        IF_SUPPORTED
    }

    /** Size of the blocks read from the stream. */
    private static final int BLOCK_BYTES = 8 << 20;
    /** The first block of a stream of unknown size. */
    private static final int FIRST_STREAM_BLOCK_BYTES = 64 << 10;

    private final String source;
    private final long sizeHint;
    private boolean patternOnly;
    private MatrixMarketHeader h;
    private long sizeLine;
    private int[] ri = new int[0];
    private int[] ci = new int[0];
    private double[] vx = new double[0];
    private int count;

    private MatrixMarketReader(String source, long sizeHint) {
        this.source = source;
        this.sizeHint = sizeHint;
    }

    /**
     * @param sizeHint the number of bytes the stream will deliver when known (a plain file), else -1:
     *                 it sizes the first block and the arrays
     */
    static MatrixMarketData read(InputStream in, long sizeHint, String source, Values values) throws IOException {
        return new MatrixMarketReader(source, sizeHint).read(in, values);
    }

    /** Parses only the banner and size line, reading no further than the block that holds them. */
    static MatrixMarketHeader readHeader(InputStream in, String source) throws IOException {
        MatrixMarketHeaderParser hp = new MatrixMarketHeaderParser(source, false);
        MatrixMarketBlocks blocks = new MatrixMarketBlocks(in, source, 16 << 10, 1 << 20);
        for (Segment b = blocks.next(1); b != null; b = blocks.next(hp.line() + 1)) {
            if (hp.consume(b.buf(), b.from(), b.to()) >= 0) {
                return hp.header();
            }
        }
        throw hp.endedEarly();
    }

    private MatrixMarketData read(InputStream in, Values values) throws IOException {
        // A known size is read in one block when it fits one; a stream starts small and doubles.
        int first = sizeHint >= 0 ? (int) Math.min(sizeHint + 1, BLOCK_BYTES) : FIRST_STREAM_BLOCK_BYTES;
        MatrixMarketBlocks blocks = new MatrixMarketBlocks(in, source, Math.max(first, 1 << 10), BLOCK_BYTES);
        MatrixMarketHeaderParser hp = new MatrixMarketHeaderParser(source, true);
        Segment b = blocks.next(1);
        int start = -1;
        while (b != null && (start = hp.consume(b.buf(), b.from(), b.to())) < 0) {
            b = blocks.next(hp.line() + 1);
        }
        if (b == null) {
            throw hp.endedEarly();
        }
        h = hp.header();
        sizeLine = hp.line();
        boolean complex = h.field() == Field.COMPLEX || h.symmetry() == Symmetry.HERMITIAN;
        if (complex && values == Values.REQUIRED) {
            throw error(1, (h.field() == Field.COMPLEX ? "complex" : "hermitian")
                    + " matrices are not supported (only their structure can be read, with readPattern)");
        }
        patternOnly = values == Values.PATTERN || complex;
        long line = hp.line() + 1; // the number of the first line of the current block
        long[] lastNewline = {1};
        while (b != null) {
            line = readBlock(b, start, line, lastNewline);
            b = blocks.next(line);
            start = b == null ? 0 : b.from();
        }
        if (count < h.entries()) {
            // A last line without a newline is a line too: the next one would come after it.
            throw error(lastNewline[0] == 1 ? line : line + 1, "the file ends after " + count + " of " + h.entries()
                    + " declared " + what());
        }
        CooMatrix m = h.format() == Format.COORDINATE ? coordinateMatrix() : arrayMatrix();
        return new MatrixMarketData(source, h, hp.comments(), m);
    }

    private String what() {
        return h.format() == Format.COORDINATE ? "entries" : "values";
    }

    /**
     * Counts, checks and parses one block from {@code start}; returns the number of the line after it.
     * {@code endsWithNewline[0]} is set to 1 when the block ends with a newline.
     */
    private long readBlock(Segment block, int start, long line, long[] endsWithNewline) throws MatrixMarketException {
        List<Segment> segs = MatrixMarketBlocks.cut(block, start);
        if (segs.isEmpty()) {
            return line;
        }
        int threads = Parallelism.defaultThreads();
        Counts counts = new Counts(segs, line, threads);
        long room = h.entries() - count;
        int take = (int) Math.min(room, counts.totalEntries);
        reserve(count + take);
        boolean coordinate = h.format() == Format.COORDINATE;
        boolean withValues = !patternOnly && h.field() != Field.PATTERN;
        int base = count;
        MatrixMarketException[] failures = new MatrixMarketException[segs.size()];
        Parallelism.forEachTask(threads, segs.size(), s -> {
            if (counts.firstEntry[s] >= take) {
                return;
            }
            MatrixMarketEntryParser p = new MatrixMarketEntryParser(source, h, segs.get(s), counts.firstLine[s]);
            try {
                int k = base + (int) counts.firstEntry[s];
                if (coordinate) {
                    p.parseCoordinate(k, base + take, ri, ci, vx, withValues);
                } else {
                    p.parseArray(k, base + take, vx);
                }
            } catch (MatrixMarketException e) {
                failures[s] = e;
            }
        });
        for (MatrixMarketException f : failures) {
            if (f != null) {
                throw f;
            }
        }
        if (counts.totalEntries > room) {
            // The line of entry number `room` (0-based) in this block: the first one too many.
            for (int s = 0; s < segs.size(); s++) {
                if (counts.firstEntry[s] + counts.entries[s] > room) {
                    long at = new MatrixMarketEntryParser(source, h, segs.get(s), counts.firstLine[s])
                            .lineOfEntry(room - counts.firstEntry[s]);
                    throw error(at, "more " + what() + " than the " + h.entries() + " declared in the size line");
                }
            }
        }
        count += take;
        Segment last = segs.get(segs.size() - 1);
        endsWithNewline[0] = last.buf()[last.to() - 1] == '\n' ? 1 : 0;
        return line + counts.totalNewlines;
    }

    /**
     * Makes room for {@code needed} entries: the declared count at once when the input is known to be
     * large enough to hold it (no copies), else geometric growth up to the declared count.
     */
    private void reserve(int needed) {
        if (needed <= vx.length) {
            return;
        }
        long declared = h.entries();
        long cap;
        if (vx.length == 0) {
            int minLine = h.format() == Format.ARRAY ? 2 : h.field() == Field.PATTERN ? 4 : 6;
            long plausible = sizeHint >= 0 ? sizeHint / minLine + 1 : needed;
            cap = Math.min(declared, Math.max(needed, plausible));
        } else {
            cap = Math.min(declared, Math.max(needed, 2L * vx.length));
        }
        if (h.format() == Format.COORDINATE) {
            ri = Arrays.copyOf(ri, (int) cap);
            ci = Arrays.copyOf(ci, (int) cap);
        }
        vx = Arrays.copyOf(vx, (int) cap);
    }

    private CooMatrix coordinateMatrix() throws MatrixMarketException {
        int n = count;
        int[] r = ri.length == n ? ri : Arrays.copyOf(ri, n);
        int[] c = ci.length == n ? ci : Arrays.copyOf(ci, n);
        double[] v = vx.length == n ? vx : Arrays.copyOf(vx, n);
        if (patternOnly || h.field() == Field.PATTERN) {
            Arrays.fill(v, 1.0);
        }
        return expand(r, c, v);
    }

    private CooMatrix arrayMatrix() throws MatrixMarketException {
        int n = count;
        double[] vals = vx.length == n ? vx : Arrays.copyOf(vx, n);
        if (patternOnly) {
            Arrays.fill(vals, 1.0);
        }
        // Column-major order over the stored part: all rows (general), i ≥ j (symmetric), i > j (skew).
        int rows = h.rows();
        int cols = h.cols();
        int skip = switch (h.symmetry()) {
            case GENERAL -> -1;
            case SYMMETRIC, HERMITIAN -> 0;
            case SKEW_SYMMETRIC -> 1;
        };
        int[] r = new int[n];
        int[] c = new int[n];
        int k = 0;
        for (int j = 0; j < cols && k < n; j++) {
            for (int i = skip < 0 ? 0 : j + skip; i < rows && k < n; i++) {
                r[k] = i;
                c[k] = j;
                k++;
            }
        }
        return expand(r, c, vals);
    }

    /**
     * Mirrors the stored triangle of a symmetric, skew-symmetric or Hermitian file. The result is in
     * column order: the stored entries and then their mirrors, bucketed by column stably (one
     * counting pass), which is the order the CSR conversion would sort them into first, so that
     * conversion skips its column pass and the copy it allocates for it (see
     * {@code SparseConversions.compress}); within a column, stored entries come before mirrored ones,
     * each in file order, so duplicates are summed exactly as from file order.
     */
    private CooMatrix expand(int[] r, int[] c, double[] v) throws MatrixMarketException {
        if (h.symmetry() == Symmetry.GENERAL) {
            return new CooMatrix(h.rows(), h.cols(), r, c, v);
        }
        int n = r.length;
        int cols = h.cols();
        int[] next = new int[cols + 1];
        int offDiagonal = 0;
        for (int k = 0; k < n; k++) {
            next[c[k] + 1]++;
            if (r[k] != c[k]) {
                next[r[k] + 1]++; // the mirror (c, r) lies in column r
                offDiagonal++;
            }
        }
        long total = (long) n + offDiagonal;
        if (total > MatrixMarketHeaderParser.MAX_ENTRIES) {
            throw error(sizeLine, "expanding the " + n + " stored entries of this " + h.symmetry().word() + " matrix gives "
                    + total + " entries, more than Sparrow holds in one array (" + MatrixMarketHeaderParser.MAX_ENTRIES + ")");
        }
        for (int j = 0; j < cols; j++) {
            next[j + 1] += next[j];
        }
        int[] r2 = new int[(int) total];
        int[] c2 = new int[(int) total];
        double[] v2 = new double[(int) total];
        for (int k = 0; k < n; k++) {
            int q = next[c[k]]++;
            r2[q] = r[k];
            c2[q] = c[k];
            v2[q] = v[k];
        }
        double sign = h.symmetry() == Symmetry.SKEW_SYMMETRIC && !patternOnly ? -1.0 : 1.0; // structure stays +1
        for (int k = 0; k < n; k++) {
            if (r[k] != c[k]) {
                int q = next[r[k]]++;
                r2[q] = c[k];
                c2[q] = r[k];
                v2[q] = sign * v[k];
            }
        }
        return new CooMatrix(h.rows(), h.cols(), r2, c2, v2);
    }

    private MatrixMarketException error(long line, String problem) {
        return new MatrixMarketException(source, line, problem);
    }
}
