package org.sparrow.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;
import org.sparrow.core.Parallelism;

/**
 * Part 2 of the reader: the text in blocks that end on line boundaries, each block cut into
 * segments for the parallel parse, and the per-segment count of lines and entry lines that tells
 * every segment its first line number and its first entry's slot (the two-pass scheme of
 * fast_matrix_market: Adam Lugowski, fast_matrix_market, 2022). Only one block is held at a time, so
 * memory does not grow with the length of the input, only with what is kept from it.
 */
final class MatrixMarketBlocks {

    /** Longest line accepted; a longer one is refused rather than buffered without bound. */
    static final int MAX_LINE_BYTES = 64 << 20;
    /** Target size of the parallel parsing segments. */
    static final int SEGMENT_BYTES = 256 << 10;

    /** A run of complete lines {@code buf[from..to)} (the last one may lack its newline at the end of input). */
    record Segment(byte[] buf, int from, int to) {
    }

    private final InputStream in;
    private final String source;
    private final int maxBlockBytes;
    private int blockBytes;
    private byte[] carry = new byte[0];
    private byte[] spare;
    private boolean eof;

    /**
     * @param firstBlockBytes how much to read first; each later block doubles it, up to
     *                        {@code maxBlockBytes} (so a small stream costs a small buffer)
     * @param maxBlockBytes   the most to read at a time (a block grows past it only to finish a long line)
     */
    MatrixMarketBlocks(InputStream in, String source, int firstBlockBytes, int maxBlockBytes) {
        this.in = in;
        this.source = source;
        this.blockBytes = Math.min(firstBlockBytes, maxBlockBytes);
        this.maxBlockBytes = maxBlockBytes;
    }

    /**
     * The next block of whole lines, or null at the end of input. A block is valid until the next
     * call, which may reuse its buffer.
     *
     * @param line the 1-based number of the first line of the block (for messages)
     */
    Segment next(long line) throws IOException {
        while (!eof) {
            int cap = (int) Math.min((long) MAX_LINE_BYTES + 1, Math.max(blockBytes, 2L * carry.length));
            int length = Math.max(cap, carry.length + 1);
            // The previous block is dead once the next is asked for: reuse its buffer when the size matches.
            byte[] buf = spare != null && spare.length == length ? spare : new byte[length];
            System.arraycopy(carry, 0, buf, 0, carry.length);
            spare = buf;
            blockBytes = (int) Math.min(maxBlockBytes, 2L * blockBytes);
            int n = carry.length;
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
                throw new MatrixMarketException(source, line + countNewlines(buf, 0, n),
                        "the gzip data ends unexpectedly: the file is truncated (" + e.getMessage() + ")", e);
            } catch (ZipException e) {
                String m = String.valueOf(e.getMessage());
                throw new MatrixMarketException(source, line + countNewlines(buf, 0, n),
                        m.startsWith(GzipInput.TRAILING) ? m : "the gzip data is corrupt (" + m + ")", e);
            }
            if (eof) {
                carry = new byte[0];
                return n > 0 ? new Segment(buf, 0, n) : null;
            }
            int lastNewline = n - 1;
            while (lastNewline >= 0 && buf[lastNewline] != '\n') {
                lastNewline--;
            }
            if (lastNewline >= 0) {
                carry = Arrays.copyOfRange(buf, lastNewline + 1, n);
                return new Segment(buf, 0, lastNewline + 1);
            }
            if (n > MAX_LINE_BYTES) {
                throw new MatrixMarketException(source, line, "the line is longer than " + (MAX_LINE_BYTES >> 20)
                        + " MiB; a Matrix Market line holds one entry");
            }
            carry = Arrays.copyOf(buf, n); // one line longer than the block: keep reading it
        }
        return null;
    }

    static long countNewlines(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Cuts {@code block[from..)} into segments of about {@link #SEGMENT_BYTES}, each ending on a line boundary. */
    static List<Segment> cut(Segment block, int from) {
        List<Segment> out = new ArrayList<>();
        int p = from;
        while (p < block.to) {
            int end = Math.min(block.to, p + SEGMENT_BYTES);
            while (end < block.to && block.buf[end - 1] != '\n') {
                end++;
            }
            out.add(new Segment(block.buf, p, end));
            p = end;
        }
        return out;
    }

    /** Per segment: newlines and entry lines (neither blank nor comment); then each one's first line and entry slot. */
    static final class Counts {
        final long[] newlines;
        final long[] entries;
        final long[] firstLine;
        final long[] firstEntry;
        final long totalEntries;
        final long totalNewlines;

        Counts(List<Segment> segs, long startLine, int threads) {
            int n = segs.size();
            newlines = new long[n];
            entries = new long[n];
            Parallelism.forEachTask(threads, n, s -> count(segs.get(s), s));
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
            totalEntries = entry;
            totalNewlines = line - startLine;
        }

        private void count(Segment g, int s) {
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
        }
    }
}
