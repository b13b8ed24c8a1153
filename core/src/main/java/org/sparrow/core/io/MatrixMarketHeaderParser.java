package org.sparrow.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

/**
 * Part 1 of the reader: the banner, the comment lines and the size line, turned into a
 * {@link MatrixMarketHeader}. Fed block by block ({@link #consume}); it keeps its place between
 * blocks, so a header of any length is parsed in one pass (linear time), and comments are kept only
 * when asked for.
 */
final class MatrixMarketHeaderParser {

    /** Largest array length the JVM allows: the most entries a file may declare. */
    static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;

    /** The banner's three words. */
    record Banner(Format format, Field field, Symmetry symmetry) {
    }

    private final String source;
    private final List<String> comments;
    private long line;
    private Banner banner;
    private MatrixMarketHeader header;

    /** @param keepComments whether to keep the comment lines (a header-only read does not need them) */
    MatrixMarketHeaderParser(String source, boolean keepComments) {
        this.source = source;
        this.comments = keepComments ? new ArrayList<>() : null;
    }

    /**
     * Parses the lines of {@code b[from..to)}, which ends on a line boundary or at the end of input.
     *
     * @return the offset just after the size line once it has been read, else -1 (more input needed)
     */
    int consume(byte[] b, int from, int to) throws MatrixMarketException {
        int p = from;
        while (p < to) {
            int end = p;
            while (end < to && b[end] != '\n') {
                end++;
            }
            line++;
            int next = Math.min(end + 1, to);
            if (line == 1) {
                banner = parseBanner(strip(b, p, end));
            } else {
                int s = p;
                while (s < end && isBlank(b[s])) {
                    s++;
                }
                if (s < end && b[s] != '%') {
                    header = parseSizeLine(strip(b, s, end));
                    return next;
                }
                if (s < end && comments != null) {
                    int c = s + 1 < end && b[s + 1] == ' ' ? s + 2 : s + 1;
                    comments.add(FileText.decode(b, c, trimEnd(b, c, end)));
                }
            }
            p = next;
        }
        return -1;
    }

    /** The input ended before the size line: the error that says so. */
    MatrixMarketException endedEarly() {
        if (line == 0) {
            return error(1, "the file is empty; expected the banner '%%MatrixMarket matrix <format> <field> <symmetry>'");
        }
        return error(line + 1, "the file ends before the size line ('rows cols entries' or 'rows cols')");
    }

    /** The header, once {@link #consume} has found the size line. */
    MatrixMarketHeader header() {
        return header;
    }

    /** The comment lines (empty when they were not kept). */
    List<String> comments() {
        return comments == null ? List.of() : comments;
    }

    /** The lines parsed so far: after the size line, the size line's number. */
    long line() {
        return line;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static int trimEnd(byte[] b, int from, int end) {
        while (end > from && isBlank(b[end - 1])) {
            end--;
        }
        return end;
    }

    /** The line's text without surrounding blanks, as Latin-1 (only ASCII words are matched). */
    private static String strip(byte[] b, int from, int end) {
        while (from < end && isBlank(b[from])) {
            from++;
        }
        end = trimEnd(b, from, end);
        return new String(b, from, end - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private Banner parseBanner(String text) throws MatrixMarketException {
        String[] w = text.split("[ \t\r\f\u000b]+");
        if (!w[0].equalsIgnoreCase("%%MatrixMarket")) {
            throw error(1, "missing Matrix Market banner: expected '%%MatrixMarket matrix <format> <field> <symmetry>', found '"
                    + quote(text) + "'");
        }
        if (w.length != 5) {
            throw error(1, "garbled banner: expected '%%MatrixMarket matrix <format> <field> <symmetry>' (5 words), found '"
                    + quote(text) + "'");
        }
        if (!w[1].equalsIgnoreCase("matrix")) {
            throw error(1, "unknown object '" + quote(w[1]) + "' in the banner: only 'matrix' is supported");
        }
        Format format = switch (w[2].toLowerCase(Locale.ROOT)) {
            case "coordinate" -> Format.COORDINATE;
            case "array" -> Format.ARRAY;
            default -> throw error(1, "unknown format '" + quote(w[2]) + "' in the banner: expected 'coordinate' or 'array'");
        };
        Field field = switch (w[3].toLowerCase(Locale.ROOT)) {
            case "real" -> Field.REAL;
            case "integer" -> Field.INTEGER;
            case "pattern" -> Field.PATTERN;
            case "complex" -> Field.COMPLEX;
            default -> throw error(1, "unknown field '" + quote(w[3])
                    + "' in the banner: expected 'real', 'integer', 'pattern' or 'complex'");
        };
        Symmetry symmetry = switch (w[4].toLowerCase(Locale.ROOT)) {
            case "general" -> Symmetry.GENERAL;
            case "symmetric" -> Symmetry.SYMMETRIC;
            case "skew-symmetric" -> Symmetry.SKEW_SYMMETRIC;
            case "hermitian" -> Symmetry.HERMITIAN;
            default -> throw error(1, "unknown symmetry '" + quote(w[4])
                    + "' in the banner: expected 'general', 'symmetric', 'skew-symmetric' or 'hermitian'");
        };
        if (format == Format.ARRAY && field == Field.PATTERN) {
            throw error(1, "'array pattern' is not a valid combination: array files store values");
        }
        if (symmetry == Symmetry.HERMITIAN && field != Field.COMPLEX) {
            throw error(1, "'hermitian' symmetry needs the 'complex' field, found '" + quote(w[3]) + "'");
        }
        return new Banner(format, field, symmetry);
    }

    private MatrixMarketHeader parseSizeLine(String text) throws MatrixMarketException {
        Format format = banner.format();
        Symmetry symmetry = banner.symmetry();
        String[] t = text.split("[ \t\r\f\u000b]+");
        int expected = format == Format.COORDINATE ? 3 : 2;
        String shape = format == Format.COORDINATE ? "'rows cols entries'" : "'rows cols'";
        if (t.length != expected) {
            throw error(line, "bad size line: expected " + shape + " (" + expected + " integers) for a " + format.word()
                    + " file, found '" + quote(text) + "'");
        }
        long[] v = new long[expected];
        for (int i = 0; i < expected; i++) {
            if (!t[i].matches("[+-]?[0-9]+")) {
                throw error(line, "bad size line: '" + quote(t[i]) + "' is not an integer (expected " + shape + ")");
            }
            try {
                v[i] = Long.parseLong(t[i]);
            } catch (NumberFormatException e) {
                throw error(line, "size " + quote(t[i]) + " in the size line is too large: sizes must fit in an int");
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
            if (rows * cols > MAX_ENTRIES) {
                throw error(line, "a dense " + rows + "×" + cols + " array has " + rows * cols
                        + " entries, more than Sparrow holds in one array (" + MAX_ENTRIES + ")");
            }
            entries = switch (symmetry) {
                case GENERAL -> rows * cols;
                case SYMMETRIC, HERMITIAN -> rows * (rows + 1) / 2;
                case SKEW_SYMMETRIC -> rows * (rows - 1) / 2;
            };
        }
        return new MatrixMarketHeader(banner.format(), banner.field(), symmetry, (int) rows, (int) cols, entries);
    }

    private static String quote(String latin1) {
        byte[] b = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return FileText.show(b, 0, b.length);
    }

    private MatrixMarketException error(long at, String problem) {
        return new MatrixMarketException(source, at, problem);
    }
}
