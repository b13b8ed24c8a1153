package org.sparrow.core.io;

import org.sparrow.core.io.MatrixMarketBlocks.Segment;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

/**
 * Part 3 of the reader: the entry lines of one segment, parsed straight from the bytes into the
 * caller's arrays (numbers by {@link DecimalParser}). Blank and {@code %} lines are skipped; every
 * error names the file and the 1-based line. Not thread-safe: one parser per segment.
 */
final class MatrixMarketEntryParser {

    private final String source;
    private final MatrixMarketHeader h;
    private final byte[] b;
    private final int end;
    private int p;
    private long line;
    /** Start of the token a message quotes (it ends at the current position). */
    private int tokenStart;
    /** Where the last number parsed ended. */
    private final int[] numberEnd = new int[1];

    /** @param firstLine the 1-based number of the segment's first line */
    MatrixMarketEntryParser(String source, MatrixMarketHeader h, Segment seg, long firstLine) {
        this.source = source;
        this.h = h;
        this.b = seg.buf();
        this.p = seg.from();
        this.end = seg.to();
        this.line = firstLine;
    }

    /** Parses coordinate entries into slots {@code k, k+1, …} until {@code limit} or the segment's end. */
    void parseCoordinate(int k, int limit, int[] ri, int[] ci, double[] vx, boolean withValues)
            throws MatrixMarketException {
        boolean skew = h.symmetry() == Symmetry.SKEW_SYMMETRIC;
        boolean complex = h.field() == Field.COMPLEX;
        boolean pattern = h.field() == Field.PATTERN;
        while (k < limit && nextEntryLine()) {
            int i = index(h.rows(), "row", 0);
            int j = index(h.cols(), "column", 1);
            if (skew && i == j) {
                throw error("diagonal entry (" + (i + 1) + ", " + (j + 1)
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

    /** Parses array values into slots {@code k, k+1, …} until {@code limit} or the segment's end. */
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

    private void endOfLine() {
        while (p < end && b[p] != '\n') {
            p++;
        }
        if (p < end) {
            p++;
            line++;
        }
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

    private String token() {
        return FileText.show(b, tokenStart, p);
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
            throw error(what + " index '" + token() + "' is not a positive integer");
        }
        if (v < 1 || v > size) {
            tokenStart = start;
            throw error(what + " index " + token() + " is out of range 1.." + size);
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
        throw error("'" + token() + "' is not a number");
    }

    /** A 64-bit integer, accumulated negatively (as {@link Long#parseLong}) so that −2⁶³ is accepted. */
    private double integerValue() throws MatrixMarketException {
        int q = tokenStart;
        boolean negative = false;
        if (b[q] == '-' || b[q] == '+') {
            negative = b[q] == '-';
            q++;
        }
        if (q == p) {
            throw error("expected an integer value (the field is 'integer'), found '" + token() + "'");
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long v = 0;
        for (; q < p; q++) {
            int d = b[q] - '0';
            if (d < 0 || d > 9) {
                throw error("expected an integer value (the field is 'integer'), found '" + token() + "'");
            }
            if (v < limit / 10 || v * 10 < limit + d) {
                throw error("integer value " + token() + " does not fit in 64 bits");
            }
            v = v * 10 - d;
        }
        return negative ? v : -v;
    }

    private void endOfEntry(int found) throws MatrixMarketException {
        if (skipBlanks()) {
            throw tokenCount(found + 1);
        }
        endOfLine();
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
        return error("expected " + expectedTokens() + " tokens (" + lineShape() + ") for a " + h.format().word()
                + " " + h.field().word() + " entry, found " + (found < expectedTokens() ? String.valueOf(found) : "more"));
    }

    private MatrixMarketException error(String problem) {
        return new MatrixMarketException(source, line, problem);
    }
}
