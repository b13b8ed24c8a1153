package org.sparrow.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.io.SafeOutput;

/**
 * A results table: named columns and rows of text cells, written as CSV (RFC 4180: a cell holding a
 * comma, a double quote or a line break is quoted, its quotes doubled) or as a GitHub Markdown table
 * (a {@code |} in a cell is escaped, line breaks become spaces). Cells are formatted by the suite; the
 * helpers {@link #num}, {@link #g} and {@link #na} cover the common cases. Every suite's CSV goes through
 * here, so quoting is done once.
 */
public final class Table {

    /** Alignment of a Markdown column. */
    public enum Align {
        /** {@code |---|}. */
        LEFT,
        /** {@code |---:|}, for numbers. */
        RIGHT
    }

    private final List<String> columns;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * A table with these columns.
     *
     * @param columns the column names, at least one
     */
    public Table(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.of(columns);
    }

    /**
     * Appends a row.
     *
     * @param cells one value per column; {@code null} is written as an empty cell, anything else as
     *              {@link String#valueOf(Object)}
     * @return this table
     * @throws IllegalArgumentException if the count of cells is not the count of columns
     */
    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + cells.length
                    + " cells but the table has " + columns.size() + " columns (" + String.join(", ", columns) + ")");
        }
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    /** The number of columns. */
    public int columns() {
        return columns.size();
    }

    /** The number of rows (the header not counted). */
    public int size() {
        return rows.size();
    }

    /** The table as CSV: the header line, then one line per row, each ending in {@code \n}. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        line(b, columns.toArray(String[]::new));
        for (String[] r : rows) {
            line(b, r);
        }
        return b.toString();
    }

    /**
     * Writes {@link #csv()} to {@code file} (UTF-8).
     *
     * @param file Output: the file, replaced if it exists
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        SafeOutput.writeString(file, csv());
    }

    /**
     * The table in Markdown.
     *
     * @param align the columns' alignments, one per column, or none for all left-aligned
     * @return the header, the alignment row and the rows, each line ending in {@code \n}
     */
    public String markdown(Align... align) {
        if (align.length != 0 && align.length != columns.size()) {
            throw new IllegalArgumentException(align.length + " alignments for " + columns.size() + " columns");
        }
        StringBuilder b = new StringBuilder();
        markdownLine(b, columns.toArray(String[]::new));
        b.append('|');
        for (int i = 0; i < columns.size(); i++) {
            b.append(align.length != 0 && align[i] == Align.RIGHT ? "---:|" : "---|");
        }
        b.append('\n');
        for (String[] r : rows) {
            markdownLine(b, r);
        }
        return b.toString();
    }

    /**
     * Alignments for a Markdown table: {@code left} left-aligned columns, then right-aligned ones up to
     * {@code total}.
     *
     * @param left  leading text columns
     * @param total all columns
     * @return the alignments
     */
    public static Align[] leftThenRight(int left, int total) {
        Align[] a = new Align[total];
        Arrays.fill(a, 0, left, Align.LEFT);
        Arrays.fill(a, left, total, Align.RIGHT);
        return a;
    }

    /**
     * A CSV cell: the text, quoted when it holds a comma, a double quote or a line break.
     *
     * @param text the cell's text
     * @return the text as it stands in a CSV line
     */
    public static String csvCell(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /**
     * A Markdown cell: {@code |} escaped, line breaks as spaces.
     *
     * @param text the cell's text
     * @return the text as it stands between two {@code |}
     */
    public static String markdownCell(String text) {
        return text.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * A number in {@code format} ({@link Locale#ROOT}), or an empty cell for NaN and infinities.
     *
     * @param v      the value
     * @param format a {@link String#format} pattern with one conversion
     * @return the cell
     */
    public static String num(double v, String format) {
        return na(v, format, "");
    }

    /**
     * A number to five significant digits ({@code %.5g}), or an empty cell for NaN and infinities.
     *
     * @param v the value
     * @return the cell
     */
    public static String g(double v) {
        return num(v, "%.5g");
    }

    /**
     * A number in {@code format}, or {@code missing} for NaN and infinities.
     *
     * @param v       the value
     * @param format  a {@link String#format} pattern with one conversion
     * @param missing the text for a value that is not finite, e.g. {@code "—"} or {@code "n/a"}
     * @return the cell
     */
    public static String na(double v, String format, String missing) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : missing;
    }

    private static void line(StringBuilder b, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : ",").append(csvCell(cells[i]));
        }
        b.append('\n');
    }

    private static void markdownLine(StringBuilder b, String[] cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(markdownCell(c)).append(" |");
        }
        b.append('\n');
    }
}
