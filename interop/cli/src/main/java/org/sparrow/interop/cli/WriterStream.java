package org.sparrow.interop.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The bytes of an output named {@code -} when the command line runs in-process
 * ({@link SparrowCli#execute(PrintWriter, PrintWriter, String...)}): each byte becomes the char of the
 * same value (ISO-8859-1), so ASCII text such as Matrix Market arrives unchanged and binary data
 * (a PNG) survives a round trip. {@link SparrowCli#main} writes to the real stdout instead.
 */
final class WriterStream extends OutputStream {

    private final PrintWriter out;

    WriterStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        out.write((char) (b & 0xff));
    }

    @Override
    public void write(byte[] b, int off, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = (char) (b[off + i] & 0xff);
        }
        out.write(c, 0, len);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush(); // stdout stays open for the rest of the command
    }
}
