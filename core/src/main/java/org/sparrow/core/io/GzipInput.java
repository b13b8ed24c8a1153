package org.sparrow.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A gzip stream (RFC 1952) decompressed strictly: one or more members, each with its CRC-32 and
 * length checked, and nothing after the last one. {@link java.util.zip.GZIPInputStream} silently
 * ignores bytes after a member that do not start another one; here they are an error, as
 * {@code gzip -t} reports them ("trailing garbage"), since a file with junk appended is damaged.
 */
final class GzipInput extends InputStream {

    /** The two magic bytes every gzip member starts with. */
    static final int MAGIC0 = 0x1f;
    static final int MAGIC1 = 0x8b;

    /** How the message about bytes after the last member starts. */
    static final String TRAILING = "trailing data after the end of the gzip data";

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private boolean eof;

    /** Reads the first member's header now, so a stream that is not gzip fails at once. */
    GzipInput(InputStream in) throws IOException {
        this.in = in;
        readHeader();
    }

    /** Whether {@code b} starts with the gzip magic bytes. */
    static boolean isGzip(byte[] b, int length) {
        return length >= 2 && (b[0] & 0xff) == MAGIC0 && (b[1] & 0xff) == MAGIC1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!eof) {
            int n;
            try {
                n = inflater.inflate(out, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("invalid compressed data: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(out, off, n);
                return n;
            }
            if (inflater.finished()) {
                pos = limit - inflater.getRemaining();
                endOfMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("the compressed data needs a preset dictionary, which gzip does not allow");
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw new EOFException("the compressed data ends in the middle of a member");
                }
                inflater.setInput(buf, pos, limit - pos);
                pos = limit;
            }
        }
        return -1;
    }

    /** Checks the trailer of the member just inflated; then the stream ends or another member starts. */
    private void endOfMember() throws IOException {
        long expectedCrc = readLittleEndian(4);
        long expectedSize = readLittleEndian(4);
        if (expectedCrc != crc.getValue()) {
            throw new ZipException("CRC-32 mismatch: the data is corrupt");
        }
        if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("length mismatch: the data is corrupt");
        }
        if (!fill()) {
            eof = true;
            return;
        }
        long offset = consumed - (limit - pos);
        if ((buf[pos] & 0xff) != MAGIC0) {
            throw new ZipException(TRAILING + " (at byte " + offset + "): the file is damaged or was appended to");
        }
        inflater.reset();
        crc.reset();
        try {
            readHeader();
        } catch (ZipException | EOFException e) {
            throw new ZipException(TRAILING + " (at byte " + offset + "): the file is damaged or was appended to");
        }
    }

    private void readHeader() throws IOException {
        if (readByte() != MAGIC0 || readByte() != MAGIC1) {
            throw new ZipException("not in gzip format");
        }
        if (readByte() != 8) {
            throw new ZipException("unsupported compression method (gzip knows only deflate)");
        }
        int flags = readByte();
        skipHeaderBytes(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skipHeaderBytes(readLittleEndian(2));
        }
        if ((flags & FNAME) != 0) {
            while (readByte() != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (readByte() != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FHCRC) != 0) {
            skipHeaderBytes(2);
        }
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        consumed += n;
        return true;
    }

    private int readByte() throws IOException {
        if (!fill()) {
            throw new EOFException("the gzip data ends in a member's header or trailer");
        }
        return buf[pos++] & 0xff;
    }

    private long readLittleEndian(int bytes) throws IOException {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) readByte() << (8 * i);
        }
        return v;
    }

    private void skipHeaderBytes(long n) throws IOException {
        for (long i = 0; i < n; i++) {
            readByte();
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
