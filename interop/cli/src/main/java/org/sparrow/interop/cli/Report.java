package org.sparrow.interop.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.io.MatrixMarket;

/**
 * What a command prints: the same figures as aligned {@code label: value} lines for people, or as
 * one JSON object with stable snake_case keys for programs ({@code --json}).
 */
final class Report {

    /** The text shown for a figure that cannot be computed (JSON shows {@code null}). */
    static final String NOT_AVAILABLE = "n/a";

    private record Line(String label, String text) {
    }

    private final Json json = new Json();
    private final List<Line> lines = new ArrayList<>();

    /** A figure for both forms: JSON {@code key: value}, and a line {@code label: text(value)}. */
    Report put(String key, String label, Object value) {
        json.put(key, value);
        lines.add(new Line(label, text(value)));
        return this;
    }

    /** A JSON member only (its human form is part of some {@link #line}). */
    Report json(String key, Object value) {
        json.put(key, value);
        return this;
    }

    /** A human line only (its JSON form is given by {@link #json} members). */
    Report line(String label, String text) {
        lines.add(new Line(label, text));
        return this;
    }

    /** Prints the report: one JSON object on one line, or aligned lines. */
    void print(PrintWriter out, boolean asJson) {
        if (asJson) {
            out.println(json);
        } else {
            int width = 0;
            for (Line l : lines) {
                width = Math.max(width, l.label().length() + 1);
            }
            for (Line l : lines) {
                String key = l.label() + ":";
                out.println(key + " ".repeat(width - key.length() + 1) + l.text());
            }
        }
        out.flush();
    }

    /** A value as people read it: yes/no, integers plainly, doubles to 6 significant digits, n/a for null/NaN. */
    static String text(Object value) {
        return switch (value) {
            case null -> NOT_AVAILABLE;
            case Boolean b -> b ? "yes" : "no";
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            default -> value.toString();
        };
    }

    /** {@code d} to 6 significant digits without trailing zeros: 8.33333, 0.1875, 3.09006e+09, n/a for NaN. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return NOT_AVAILABLE;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return "0";
        }
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e9) {
            return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(java.util.Locale.ROOT, "%.5e", d); // 3.09006e+09
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + s.substring(e);
    }

    /** A figure in a verdict's style, 2 significant digits: 3.1e-10; n/a for NaN. */
    static String sci(double v) {
        return Double.isNaN(v) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.2g", v);
    }

    /** An input file as messages name it: its path, or "standard input" for {@code -}. */
    static String source(Path p) {
        return MatrixMarket.STDIN.equals(p) ? MatrixMarket.STDIN_NAME : p.toString();
    }

    /** An input file's name without its folder, as file headers cite it; "standard input" for {@code -}. */
    static String sourceFileName(Path p) {
        return MatrixMarket.STDIN.equals(p) || p.getFileName() == null ? source(p) : p.getFileName().toString();
    }
}
