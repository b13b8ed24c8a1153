package org.sparrow.core.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text taken from a file for a message: valid UTF-8 is shown as it is, while control bytes and bytes
 * that are not valid UTF-8 are shown escaped ({@code \t}, {@code \x00}, {@code \xff}), so a message
 * about a hostile file cannot move the cursor, ring the bell or print mojibake. Long text is shortened
 * to {@value #MAX_CHARS} characters with "...".
 */
final class FileText {

    /** Longest quotation a message carries. */
    static final int MAX_CHARS = 80;

    private FileText() {
    }

    /** The bytes {@code b[from..to)}, escaped and shortened. */
    static String show(byte[] b, int from, int to) {
        // Never decode more than a quotation can show: 4 bytes per character at most.
        int limit = (int) Math.min(to, (long) from + 4L * (MAX_CHARS + 1));
        StringBuilder out = new StringBuilder();
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, limit - from);
        CharBuffer chars = CharBuffer.allocate(limit - from + 1);
        while (in.hasRemaining()) {
            CoderResult r = d.decode(in, chars, true);
            if (r.isError()) {
                chars.flip();
                appendEscaped(out, chars);
                chars.clear();
                for (int i = 0; i < r.length(); i++) {
                    hex(out, in.get());
                }
            } else {
                break;
            }
        }
        chars.flip();
        appendEscaped(out, chars);
        boolean cut = limit < to || out.length() > MAX_CHARS;
        if (cut) {
            int keep = MAX_CHARS - 3;
            if (Character.isHighSurrogate(out.charAt(keep - 1))) {
                keep--;
            }
            return out.substring(0, keep) + "...";
        }
        return out.toString();
    }

    /** A string from the file (already decoded), with its control characters escaped and shortened. */
    static String show(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return show(b, 0, b.length);
    }

    /** Decodes header text: UTF-8 where valid, each invalid byte as U+FFFD (the comments a file keeps). */
    static String decode(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private static void appendEscaped(StringBuilder out, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        hex(out, (byte) c);
                    } else if ((c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
                            || (c >= 0x2066 && c <= 0x2069)) {
                        // C1 controls, line separators and bidirectional overrides: invisible or disruptive.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static void hex(StringBuilder out, byte b) {
        out.append("\\x").append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
}
