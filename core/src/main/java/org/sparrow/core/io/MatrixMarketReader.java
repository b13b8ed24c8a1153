package org.sparrow.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

/**
 * The Matrix Market parser behind {@link MatrixMarket}.
 *
 * <p>The approach of fast_matrix_market (Adam Lugowski, fast_matrix_market, 2022): the text is read
 * into memory in blocks that end on line boundaries, the blocks are cut into segments, and the
 * segments are scanned in parallel twice — once to count their lines and entries, so that each
 * segment knows its first line number and its first entry's slot, then once to parse straight into
 * the preallocated triplet arrays. Numbers are parsed from the bytes ({@link DecimalParser}).
 * Every error carries the file name and line number; when several segments fail, the error on the
 * earliest line is the one reported, so messages do not depend on thread timing.
 */
final class MatrixMarketReader {

    /** Size of the blocks read from the stream. */
    private static final int BLOCK_BYTES = 4 << 20;
    /** Target size of the parallel parsing segments. */
    private static final int SEGMENT_BYTES = 256 << 10;
    /** Largest array length the JVM allows. */
    private static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;

    private final String source;
    private final boolean patternOnly;

    private MatrixMarketReader(String source, boolean patternOnly) {
        this.source = source;
        this.patternOnly = patternOnly;
    }

    /** A run of complete lines {@code buf[from..to)} of the text. */
    private record Segment(byte[] buf, int from, int to) {
    }

    /** Where the data lines start, and the header before them. */
    private record Prelude(MatrixMarketHeader header, List<String> comments, int segment, int offset, long nextLine) {
    }

    /**
     * @param sizeHint the number of bytes the stream will deliver when known (a plain file), else -1:
     *                 a known size is read in one block, saving the copies at block boundaries
     */
    static MatrixMarketData read(InputStream in, long sizeHint, String source, boolean patternOnly) throws IOException {
        int blockBytes = sizeHint >= 0 && sizeHint < (1L << 30) ? (int) sizeHint + 1 : BLOCK_BYTES;
        return new MatrixMarketReader(source, patternOnly).read(in, Math.max(blockBytes, 1 << 12));
    }

    /** Parses only the banner and size line, reading no further than needed. */
    static MatrixMarketHeader readHeader(InputStream in, String source) throws IOException {
        MatrixMarketReader r = new MatrixMarketReader(source, true);
        List<Segment> blocks = new ArrayList<>();
        // The header is tiny; read blocks until a size line has been seen (or the stream ends).
        byte[] carry = new byte[0];
        while (true) {
            Block b = r.readBlock(in, carry, blocks, 64 << 10);
            try {
                return r.parsePrelude(blocks, b.eof).header;
            } catch (NeedMoreInput e) {
                if (b.eof) {
                    throw new IllegalStateException("unreachable: prelude needs more input at end of stream", e);
                }
                carry = b.carry;
            }
        }
    }

    private MatrixMarketData read(InputStream in, int blockBytes) throws IOException {
        List<Segment> blocks = new ArrayList<>();
        byte[] carry = new byte[0];
        Block b;
        do {
            b = readBlock(in, carry, blocks, blockBytes);
            carry = b.carry;
        } while (!b.eof);
        Prelude prelude;
        try {
            prelude = parsePrelude(blocks, true);
        } catch (NeedMoreInput e) {
            throw new IllegalStateException("unreachable: whole input was read", e);
        }
        MatrixMarketHeader h = prelude.header;
        if (!patternOnly && (h.field() == Field.COMPLEX || h.symmetry() == Symmetry.HERMITIAN)) {
            throw error(1, (h.field() == Field.COMPLEX ? "complex" : "hermitian")
                    + " matrices are not supported (only their structure can be read, with readPattern)");
        }
        List<Segment> segments = cutSegments(blocks, prelude.segment, prelude.offset);
        CooMatrix m = h.format() == Format.COORDINATE ? readCoordinate(h, segments, prelude.nextLine)
                : readArray(h, segments, prelude.nextLine);
        return new MatrixMarketData(source, h, prelude.comments, m);
    }

    // ---------------------------------------------------------------- reading blocks

    private record Block(byte[] carry, boolean eof) {
    }

    /**
     * Reads one block ending on a line boundary into {@code blocks}; the tail after the last newline
     * is returned as the carry for the next block (or appended as a last block at end of stream).
     */
    private Block readBlock(InputStream in, byte[] carry, List<Segment> blocks, int blockBytes) throws IOException {
        byte[] buf = new byte[Math.max(blockBytes, carry.length * 2)];
        System.arraycopy(carry, 0, buf, 0, carry.length);
        int n = carry.length;
        boolean eof = false;
        try {
            while (n < buf.length) {
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    eof = true;
                    break;
                }
                n += r;
            }
        } catch (EOFException e) {
            throw error(linesIn(blocks, buf, n) + 1, "the gzip data ends unexpectedly: the .gz file is truncated ("
                    + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw error(linesIn(blocks, buf, n) + 1, "the gzip data is corrupt (" + e.getMessage() + ")", e);
        }
        if (eof) {
            if (n > 0) {
                blocks.add(new Segment(buf, 0, n));
            }
            return new Block(new byte[0], true);
        }
        int lastNewline = n - 1;
        while (lastNewline >= 0 && buf[lastNewline] != '\n') {
            lastNewline--;
        }
        if (lastNewline < 0) { // one line longer than the block: keep growing it
            return new Block(Arrays.copyOf(buf, n), false);
        }
        blocks.add(new Segment(buf, 0, lastNewline + 1));
        return new Block(Arrays.copyOfRange(buf, lastNewline + 1, n), false);
    }

    private static long linesIn(List<Segment> blocks, byte[] pending, int pendingLength) {
        long lines = 0;
        for (Segment s : blocks) {
            lines += countNewlines(s.buf, s.from, s.to);
        }
        return lines + countNewlines(pending, 0, pendingLength);
    }

    private static long countNewlines(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- banner and size line

    private static final class NeedMoreInput extends Exception {
        private static final long serialVersionUID = 1L;

        NeedMoreInput() {
            super(null, null, false, false);
        }
    }

    private Prelude parsePrelude(List<Segment> blocks, boolean complete) throws MatrixMarketException, NeedMoreInput {
        long line = 0;
        MatrixMarketHeader.Format format = null;
        Field field = null;
        Symmetry symmetry = null;
        List<String> comments = new ArrayList<>();
        for (int s = 0; s < blocks.size(); s++) {
            Segment seg = blocks.get(s);
            int p = seg.from;
            while (p < seg.to) {
                int end = p;
                while (end < seg.to && seg.buf[end] != '\n') {
                    end++;
                }
                line++;
                int next = Math.min(end + 1, seg.to);
                String text = new String(seg.buf, p, end - p, StandardCharsets.ISO_8859_1).strip();
                if (line == 1) {
                    Object[] banner = parseBanner(text);
                    format = (Format) banner[0];
                    field = (Field) banner[1];
                    symmetry = (Symmetry) banner[2];
                } else if (!text.isEmpty() && text.charAt(0) != '%') {
                    MatrixMarketHeader h = parseSizeLine(text, line, format, field, symmetry);
                    return new Prelude(h, comments, s, next, line + 1);
                } else if (!text.isEmpty()) {
                    comments.add(text.startsWith("% ") ? text.substring(2) : text.substring(1));
                }
                p = next;
            }
        }
        if (!complete) {
            throw new NeedMoreInput();
        }
        if (line == 0) {
            throw error(1, "the file is empty; expected the banner '%%MatrixMarket matrix <format> <field> <symmetry>'");
        }
        throw error(line + 1, "the file ends before the size line ('rows cols entries' or 'rows cols')");
    }

    private Object[] parseBanner(String text) throws MatrixMarketException {
        String[] w = text.split("\\s+");
        if (w.length == 0 || !w[0].equalsIgnoreCase("%%MatrixMarket")) {
            throw error(1, "missing Matrix Market banner: expected '%%MatrixMarket matrix <format> <field> <symmetry>', found '"
                    + abbreviate(text) + "'");
        }
        if (w.length != 5) {
            throw error(1, "garbled banner: expected '%%MatrixMarket matrix <format> <field> <symmetry>' (5 words), found '"
                    + abbreviate(text) + "'");
        }
        if (!w[1].equalsIgnoreCase("matrix")) {
            throw error(1, "unknown object '" + w[1] + "' in the banner: only 'matrix' is supported");
        }
        Format format = switch (w[2].toLowerCase(Locale.ROOT)) {
            case "coordinate" -> Format.COORDINATE;
            case "array" -> Format.ARRAY;
            default -> throw error(1, "unknown format '" + w[2] + "' in the banner: expected 'coordinate' or 'array'");
        };
        Field field = switch (w[3].toLowerCase(Locale.ROOT)) {
            case "real" -> Field.REAL;
            case "integer" -> Field.INTEGER;
            case "pattern" -> Field.PATTERN;
            case "complex" -> Field.COMPLEX;
            default -> throw error(1, "unknown field '" + w[3]
                    + "' in the banner: expected 'real', 'integer', 'pattern' or 'complex'");
        };
        Symmetry symmetry = switch (w[4].toLowerCase(Locale.ROOT)) {
            case "general" -> Symmetry.GENERAL;
            case "symmetric" -> Symmetry.SYMMETRIC;
            case "skew-symmetric" -> Symmetry.SKEW_SYMMETRIC;
            case "hermitian" -> Symmetry.HERMITIAN;
            default -> throw error(1, "unknown symmetry '" + w[4]
                    + "' in the banner: expected 'general', 'symmetric', 'skew-symmetric' or 'hermitian'");
        };
        if (format == Format.ARRAY && field == Field.PATTERN) {
            throw error(1, "'array pattern' is not a valid combination: array files store values");
        }
        if (symmetry == Symmetry.HERMITIAN && field != Field.COMPLEX) {
            throw error(1, "'hermitian' symmetry needs the 'complex' field, found '" + w[3] + "'");
        }
        return new Object[] {format, field, symmetry};
    }

    private MatrixMarketHeader parseSizeLine(String text, long line, Format format, Field field, Symmetry symmetry)
            throws MatrixMarketException {
        String[] t = text.split("\\s+");
        int expected = format == Format.COORDINATE ? 3 : 2;
        String shape = format == Format.COORDINATE ? "'rows cols entries'" : "'rows cols'";
        if (t.length != expected) {
            throw error(line, "bad size line: expected " + shape + " (" + expected + " integers) for a " + format.word()
                    + " file, found '" + abbreviate(text) + "'");
        }
        long[] v = new long[expected];
        for (int i = 0; i < expected; i++) {
            try {
                v[i] = Long.parseLong(t[i]);
            } catch (NumberFormatException e) {
                if (t[i].matches("[+-]?[0-9]+")) {
                    throw error(line, "size " + abbreviate(t[i]) + " in the size line is too large: sizes must fit in an int");
                }
                throw error(line, "bad size line: '" + abbreviate(t[i]) + "' is not an integer (expected " + shape + ")");
            }
        }
        long rows = v[0];
        long cols = v[1];
        if (rows <= 0 || cols <= 0) {
            throw error(line, "invalid dimensions " + rows + "×" + cols + " in the size line: rows and columns must be ≥ 1");
        }
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw error(line, "dimensions " + rows + "×" + cols + " are too large: Sparrow indexes rows and columns"
                    + " with int (at most " + Integer.MAX_VALUE + ")");
        }
        if (symmetry != Symmetry.GENERAL && rows != cols) {
            throw error(line, "a " + symmetry.word() + " matrix must be square, but the size line says " + rows + "×" + cols);
        }
        long entries;
        if (format == Format.COORDINATE) {
            entries = v[2];
            if (entries < 0) {
                throw error(line, "negative entry count " + entries + " in the size line");
            }
            if (entries > MAX_ENTRIES) {
                throw error(line, entries + " entries exceed what Sparrow holds in one array (" + MAX_ENTRIES + ")");
            }
        } else {
            long n = rows;
            entries = switch (symmetry) {
                case GENERAL -> rows * cols;
                case SYMMETRIC, HERMITIAN -> n * (n + 1) / 2;
                case SKEW_SYMMETRIC -> n * (n - 1) / 2;
            };
            if (rows * cols > MAX_ENTRIES) {
                throw error(line, "a dense " + rows + "×" + cols + " array has " + rows * cols
                        + " entries, more than Sparrow holds in one array (" + MAX_ENTRIES + ")");
            }
        }
        return new MatrixMarketHeader(format, field, symmetry, (int) rows, (int) cols, entries);
    }

    // ---------------------------------------------------------------- segments and counting

    private static List<Segment> cutSegments(List<Segment> blocks, int firstBlock, int firstOffset) {
        List<Segment> out = new ArrayList<>();
        for (int b = firstBlock; b < blocks.size(); b++) {
            Segment blk = blocks.get(b);
            int p = b == firstBlock ? firstOffset : blk.from;
            while (p < blk.to) {
                int end = Math.min(blk.to, p + SEGMENT_BYTES);
                while (end < blk.to && blk.buf[end - 1] != '\n') {
                    end++;
                }
                out.add(new Segment(blk.buf, p, end));
                p = end;
            }
        }
        return out;
    }

    /** Per segment: newlines, entry lines (neither blank nor comment), and the first line / entry slot. */
    private static final class Counts {
        final long[] newlines;
        final long[] entries;
        final long[] firstLine;
        final long[] firstEntry;
        final long totalEntries;
        final long totalLines;

        Counts(List<Segment> segs, long startLine, int threads) {
            int n = segs.size();
            newlines = new long[n];
            entries = new long[n];
            boolean[] endsWithNewline = new boolean[1];
            Parallelism.forEachTask(threads, n, s -> {
                Segment g = segs.get(s);
                byte[] b = g.buf;
                long nl = 0;
                long en = 0;
                int p = g.from;
                while (p < g.to) {
                    byte c = b[p];
                    while ((c == ' ' || c == '\t' || c == '\r') && ++p < g.to) {
                        c = b[p];
                    }
                    if (p < g.to && c != '\n' && c != '%') {
                        en++;
                    }
                    while (p < g.to && b[p] != '\n') {
                        p++;
                    }
                    if (p < g.to) {
                        nl++;
                        p++;
                    }
                }
                newlines[s] = nl;
                entries[s] = en;
            });
            firstLine = new long[n];
            firstEntry = new long[n];
            long line = startLine;
            long entry = 0;
            for (int s = 0; s < n; s++) {
                firstLine[s] = line;
                firstEntry[s] = entry;
                line += newlines[s];
                entry += entries[s];
            }
            Segment last = n == 0 ? null : segs.get(n - 1);
            endsWithNewline[0] = last == null || last.buf[last.to - 1] == '\n';
            totalEntries = entry;
            // Lines in the whole file: a last line without a newline still counts.
            totalLines = line - 1 + (endsWithNewline[0] ? 0 : 1);
        }
    }

    // ---------------------------------------------------------------- coordinate files

    private CooMatrix readCoordinate(MatrixMarketHeader h, List<Segment> segs, long startLine)
            throws MatrixMarketException {
        int threads = Parallelism.defaultThreads();
        Counts counts = new Counts(segs, startLine, threads);
        long declared = h.entries();
        int n = (int) Math.min(declared, counts.totalEntries);
        int[] ri = new int[n];
        int[] ci = new int[n];
        double[] vx = new double[n];
        boolean withValues = !patternOnly && h.field() != Field.PATTERN;
        MatrixMarketException[] failures = new MatrixMarketException[segs.size()];
        Parallelism.forEachTask(threads, segs.size(), s -> {
            if (counts.firstEntry[s] >= n) {
                return;
            }
            try {
                new EntryParser(segs.get(s), counts.firstLine[s], h).parseCoordinate(
                        (int) counts.firstEntry[s], n, ri, ci, vx, withValues);
            } catch (MatrixMarketException e) {
                failures[s] = e;
            }
        });
        throwFirst(failures);
        checkCount(declared, counts, segs, "entries");
        if (!withValues) {
            Arrays.fill(vx, 1.0);
        }
        return expand(h, ri, ci, vx, startLine - 1);
    }

    /** Mirrors the stored triangle of a symmetric, skew-symmetric or Hermitian file. */
    private CooMatrix expand(MatrixMarketHeader h, int[] ri, int[] ci, double[] vx, long sizeLine)
            throws MatrixMarketException {
        if (h.symmetry() == Symmetry.GENERAL) {
            return new CooMatrix(h.rows(), h.cols(), ri, ci, vx);
        }
        int n = ri.length;
        int offDiagonal = 0;
        for (int k = 0; k < n; k++) {
            if (ri[k] != ci[k]) {
                offDiagonal++;
            }
        }
        long total = (long) n + offDiagonal;
        if (total > MAX_ENTRIES) {
            throw error(sizeLine, "expanding the " + n + " stored entries of this " + h.symmetry().word() + " matrix gives "
                    + total + " entries, more than Sparrow holds in one array (" + MAX_ENTRIES + ")");
        }
        int[] r2 = Arrays.copyOf(ri, (int) total);
        int[] c2 = Arrays.copyOf(ci, (int) total);
        double[] v2 = Arrays.copyOf(vx, (int) total);
        double sign = h.symmetry() == Symmetry.SKEW_SYMMETRIC && !patternOnly ? -1.0 : 1.0; // structure stays +1
        int q = n;
        for (int k = 0; k < n; k++) {
            if (ri[k] != ci[k]) {
                r2[q] = ci[k];
                c2[q] = ri[k];
                v2[q] = sign * vx[k];
                q++;
            }
        }
        return new CooMatrix(h.rows(), h.cols(), r2, c2, v2);
    }

    // ---------------------------------------------------------------- array files

    private CooMatrix readArray(MatrixMarketHeader h, List<Segment> segs, long startLine) throws MatrixMarketException {
        int threads = Parallelism.defaultThreads();
        Counts counts = new Counts(segs, startLine, threads);
        long declared = h.entries();
        int n = (int) Math.min(declared, counts.totalEntries);
        double[] vals = new double[n];
        MatrixMarketException[] failures = new MatrixMarketException[segs.size()];
        Parallelism.forEachTask(threads, segs.size(), s -> {
            if (counts.firstEntry[s] >= n) {
                return;
            }
            try {
                new EntryParser(segs.get(s), counts.firstLine[s], h).parseArray((int) counts.firstEntry[s], n, vals);
            } catch (MatrixMarketException e) {
                failures[s] = e;
            }
        });
        throwFirst(failures);
        checkCount(declared, counts, segs, "values");
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
        int[] ri = new int[n];
        int[] ci = new int[n];
        int k = 0;
        for (int j = 0; j < cols && k < n; j++) {
            for (int i = skip < 0 ? 0 : j + skip; i < rows && k < n; i++) {
                ri[k] = i;
                ci[k] = j;
                k++;
            }
        }
        return expand(h, ri, ci, vals, startLine - 1);
    }

    // ---------------------------------------------------------------- errors

    private void checkCount(long declared, Counts counts, List<Segment> segs, String what) throws MatrixMarketException {
        if (counts.totalEntries < declared) {
            throw error(counts.totalLines + 1, "the file ends after " + counts.totalEntries + " of " + declared
                    + " declared " + what);
        }
        if (counts.totalEntries > declared) {
            // Find the line of entry number `declared` (0-based): the first one too many.
            for (int s = 0; s < segs.size(); s++) {
                if (counts.firstEntry[s] + counts.entries[s] > declared) {
                    long line = new EntryParser(segs.get(s), counts.firstLine[s], null)
                            .lineOfEntry(declared - counts.firstEntry[s]);
                    throw error(line, "more " + what + " than the " + declared + " declared in the size line");
                }
            }
        }
    }

    private static void throwFirst(MatrixMarketException[] failures) throws MatrixMarketException {
        for (MatrixMarketException f : failures) {
            if (f != null) {
                throw f;
            }
        }
    }

    private MatrixMarketException error(long line, String problem) {
        return new MatrixMarketException(source, line, problem);
    }

    private MatrixMarketException error(long line, String problem, Throwable cause) {
        return new MatrixMarketException(source, line, problem, cause);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    // ---------------------------------------------------------------- the per-segment entry parser

    /** Parses the entry lines of one segment; not thread-safe, one per segment. */
    private final class EntryParser {
        private final byte[] b;
        private final int end;
        private final MatrixMarketHeader h;
        private int p;
        private long line;

        EntryParser(Segment seg, long firstLine, MatrixMarketHeader h) {
            this.b = seg.buf;
            this.p = seg.from;
            this.end = seg.to;
            this.line = firstLine;
            this.h = h;
        }

        /** Skips blank and comment lines; false at the end of the segment. */
        private boolean nextEntryLine() {
            while (p < end) {
                byte c = b[p];
                while ((c == ' ' || c == '\t' || c == '\r') && ++p < end) {
                    c = b[p];
                }
                if (p >= end) {
                    return false;
                }
                if (c == '\n') {
                    p++;
                    line++;
                } else if (c == '%') {
                    while (p < end && b[p] != '\n') {
                        p++;
                    }
                } else {
                    return true;
                }
            }
            return false;
        }

        /** The line number of the {@code k}-th (0-based) entry line of this segment. */
        long lineOfEntry(long k) {
            for (long seen = 0; nextEntryLine(); seen++) {
                if (seen == k) {
                    return line;
                }
                endOfLine();
            }
            throw new IllegalStateException("entry " + k + " not in segment");
        }

        private void endOfLine() {
            while (p < end && b[p] != '\n') {
                p++;
            }
            if (p < end) {
                p++;
                line++;
            }
        }

        /** Start of the token a message quotes (it ends at the current position). */
        private int tokenStart;
        /** Where the last number parsed ended. */
        private final int[] numberEnd = new int[1];

        private String token() {
            return abbreviate(new String(b, tokenStart, p - tokenStart, StandardCharsets.ISO_8859_1));
        }

        private int expectedTokens() {
            if (h.format() == Format.ARRAY) {
                return h.field() == Field.COMPLEX ? 2 : 1;
            }
            return switch (h.field()) {
                case PATTERN -> 2;
                case COMPLEX -> 4;
                default -> 3;
            };
        }

        private String lineShape() {
            if (h.format() == Format.ARRAY) {
                return h.field() == Field.COMPLEX ? "'real imaginary'" : "one value";
            }
            return switch (h.field()) {
                case PATTERN -> "'row col'";
                case COMPLEX -> "'row col real imaginary'";
                default -> "'row col value'";
            };
        }

        private MatrixMarketException tokenCount(int found) {
            return error(line, "expected " + expectedTokens() + " tokens (" + lineShape() + ") for a " + h.format().word()
                    + " " + h.field().word() + " entry, found " + (found < expectedTokens() ? String.valueOf(found)
                    : "more"));
        }

        private boolean separatorAt(int q) {
            if (q >= end) {
                return true;
            }
            byte c = b[q];
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        /** Skips spaces and tabs; false if the line (or segment) ends first. */
        private boolean skipBlanks() {
            while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
                p++;
            }
            return p < end && b[p] != '\n';
        }

        /** Marks the token that starts at the current position, for a message. */
        private void markToken() {
            tokenStart = p;
            while (!separatorAt(p)) {
                p++;
            }
        }

        private int index(int size, String what, int found) throws MatrixMarketException {
            if (!skipBlanks()) {
                throw tokenCount(found);
            }
            int start = p;
            if (b[p] == '+') {
                p++;
            }
            int digits = p;
            long v = 0;
            while (p < end) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                v = Math.min(v * 10 + d, 1L << 40); // saturate far above any int
                p++;
            }
            if (p == digits || !separatorAt(p)) {
                p = start;
                markToken();
                throw error(line, what + " index '" + token() + "' is not a positive integer");
            }
            if (v < 1 || v > size) {
                tokenStart = start;
                throw error(line, what + " index " + token() + " is out of range 1.." + size);
            }
            return (int) (v - 1);
        }

        private double value(int found) throws MatrixMarketException {
            if (!skipBlanks()) {
                throw tokenCount(found);
            }
            if (h.field() == Field.INTEGER) {
                markToken();
                return integerValue();
            }
            int start = p;
            try {
                double v = DecimalParser.parse(b, p, end, numberEnd);
                if (separatorAt(numberEnd[0])) {
                    p = numberEnd[0];
                    return v;
                }
            } catch (DecimalParser.BadNumber e) {
                // reported below, with the whole token
            }
            p = start;
            markToken();
            throw error(line, "'" + token() + "' is not a number");
        }

        private double integerValue() throws MatrixMarketException {
            int q = tokenStart;
            boolean negative = false;
            if (b[q] == '-' || b[q] == '+') {
                negative = b[q] == '-';
                q++;
            }
            if (q == p) {
                throw error(line, "expected an integer value (the field is 'integer'), found '" + token() + "'");
            }
            long v = 0;
            for (; q < p; q++) {
                int d = b[q] - '0';
                if (d < 0 || d > 9) {
                    throw error(line, "expected an integer value (the field is 'integer'), found '" + token() + "'");
                }
                if (v > (Long.MAX_VALUE - d) / 10) {
                    throw error(line, "integer value " + token() + " does not fit in 64 bits");
                }
                v = v * 10 + d;
            }
            return negative ? -v : v;
        }

        private void endOfEntry(int found) throws MatrixMarketException {
            if (skipBlanks()) {
                throw tokenCount(found + 1);
            }
            endOfLine();
        }

        void parseCoordinate(int k, int limit, int[] ri, int[] ci, double[] vx, boolean withValues)
                throws MatrixMarketException {
            boolean skew = h.symmetry() == Symmetry.SKEW_SYMMETRIC;
            boolean complex = h.field() == Field.COMPLEX;
            boolean pattern = h.field() == Field.PATTERN;
            while (k < limit && nextEntryLine()) {
                int i = index(h.rows(), "row", 0);
                int j = index(h.cols(), "column", 1);
                if (skew && i == j) {
                    throw error(line, "diagonal entry (" + (i + 1) + ", " + (j + 1)
                            + ") in a skew-symmetric file, whose diagonal is zero by definition and not stored");
                }
                ri[k] = i;
                ci[k] = j;
                if (!pattern) {
                    double v = value(2);
                    if (complex) {
                        value(3);
                    }
                    if (withValues) {
                        vx[k] = v;
                    }
                }
                endOfEntry(expectedTokens());
                k++;
            }
        }

        void parseArray(int k, int limit, double[] vals) throws MatrixMarketException {
            boolean complex = h.field() == Field.COMPLEX;
            while (k < limit && nextEntryLine()) {
                vals[k] = value(0);
                if (complex) {
                    value(1);
                }
                endOfEntry(expectedTokens());
                k++;
            }
        }
    }
}
