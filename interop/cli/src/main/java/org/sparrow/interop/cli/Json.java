package org.sparrow.interop.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal JSON object writer for the CLI's {@code --json} output: one flat or nested object whose
 * keys keep their insertion order.
 *
 * <p>Values may be {@code null}, {@link String}, {@link Boolean}, any {@link Number}, nested
 * {@code Json} objects and {@code double[]} (a JSON array of numbers). Doubles are written in Java's shortest round-trip form; NaN and infinities,
 * which JSON cannot express, are written as {@code null}. Strings are escaped as RFC 8259 asks
 * (quote, backslash and every control character below U+0020), plus U+2028 and U+2029 so that the
 * output is also a valid JavaScript literal.
 */
public final class Json {

    private final Map<String, Object> members = new LinkedHashMap<>();

    /** An empty object. */
    public Json() {
    }

    /**
     * Adds (or replaces) a member.
     *
     * @param key   the member name (snake_case by the CLI's convention)
     * @param value null, a String, Boolean, Number, nested {@code Json}, {@code double[]}, {@code boolean[]}, or a
     *              {@code List} of such values
     * @return this object, for chaining
     * @throws IllegalArgumentException for a value of any other type
     */
    public Json put(String key, Object value) {
        if (key == null) {
            throw new IllegalArgumentException("JSON key is null");
        }
        if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof Number
                || value instanceof Json || value instanceof double[] || value instanceof boolean[]
                || value instanceof java.util.List<?>)) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON (key '"
                    + key + "')");
        }
        members.put(key, value);
        return this;
    }

    /** The object as compact JSON text on one line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb);
        return sb.toString();
    }

    private void write(StringBuilder sb) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : members.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(e.getKey(), sb);
            sb.append(':');
            value(e.getValue(), sb);
        }
        sb.append('}');
    }

    private static void value(Object v, StringBuilder sb) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> quote(s, sb);
            case Boolean b -> sb.append(b.booleanValue());
            case Double d -> number(d, sb);
            case Float f -> number(f.doubleValue(), sb);
            case Number n -> sb.append(n); // Integer, Long, Short, Byte, BigInteger, BigDecimal
            case Json j -> j.write(sb);
            case double[] a -> {
                sb.append('[');
                for (int k = 0; k < a.length; k++) {
                    if (k > 0) {
                        sb.append(',');
                    }
                    number(a[k], sb);
                }
                sb.append(']');
            }
            case boolean[] a -> {
                sb.append('[');
                for (int k = 0; k < a.length; k++) {
                    sb.append(k > 0 ? "," : "").append(a[k]);
                }
                sb.append(']');
            }
            case java.util.List<?> list -> { // strings, numbers, objects: whatever value() writes
                sb.append('[');
                for (int k = 0; k < list.size(); k++) {
                    if (k > 0) {
                        sb.append(',');
                    }
                    value(list.get(k), sb);
                }
                sb.append(']');
            }
            default -> throw new IllegalStateException("unexpected JSON value " + v.getClass().getName());
        }
    }

    private static void number(double d, StringBuilder sb) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null");
        } else {
            sb.append(d); // Double.toString: "1.0", "1.0E-5" — both valid JSON numbers
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
