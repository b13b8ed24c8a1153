package org.sparrow.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * The lines of a file that start in the byte range {@code [from, to)}, as Hadoop's line reader
 * assigns them: a line belongs to the range where it starts, so a range that begins inside a line
 * skips to the next line start, and the range's last line is read to its end past {@code to}.
 * Every line therefore lands in exactly one range, whatever the ranges are.
 */
final class SplitStream extends InputStream {

    private final InputStream in;
    private final long to;
    private long pos;
    private boolean atLineStart;
    private long delivered;

    /**
     * @param raw       the opened file (positioned anywhere; this stream seeks)
     * @param from      the range's first byte
     * @param to        one past the range's last byte
     * @param lineStart an offset known to start a line (the first entry line): a range starting there
     *                  skips nothing
     */
    SplitStream(FSDataInputStream raw, long from, long to, long lineStart) throws IOException {
        this.to = to;
        if (from <= lineStart) {
            raw.seek(lineStart);
            this.in = new BufferedInputStream(raw, 1 << 16);
            this.pos = lineStart;
        } else {
            raw.seek(from - 1);
            this.in = new BufferedInputStream(raw, 1 << 16);
            this.pos = from - 1;
            int c;
            do { // skip the rest of the line that started before the range (just the newline if it ended at from − 1)
                c = in.read();
                if (c >= 0) {
                    pos++;
                }
            } while (c >= 0 && c != '\n');
        }
        this.atLineStart = true;
    }

    /** The bytes delivered so far. */
    long delivered() {
        return delivered;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= to && atLineStart) {
            return -1; // the next line starts at or past the range's end: another range's
        }
        int n;
        if (pos < to) {
            n = in.read(b, off, (int) Math.min(len, to - pos));
        } else { // finish the line that started inside the range, byte by byte up to its newline
            n = 0;
            while (n < len) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                b[off + n++] = (byte) c;
                if (c == '\n') {
                    break;
                }
            }
            if (n == 0) {
                return -1;
            }
        }
        if (n < 0) {
            return -1;
        }
        pos += n;
        delivered += n;
        atLineStart = b[off + n - 1] == '\n';
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
