package org.sparrow.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A child process for {@link SafeOutputTest}: writes an endless output to {@code args[0]} through
 * {@link SafeOutput}, announcing "writing" on stdout once the first megabyte is out, until it is killed.
 */
public final class SafeOutputChild {

    private SafeOutputChild() {
    }

    /**
     * Writes {@code args[0]} until killed.
     *
     * @param args the target file
     * @throws IOException when the write fails
     * @throws InterruptedException never in practice
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) '7');
        SafeOutput.write(Path.of(args[0]), out -> {
            out.write(chunk);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            while (true) {
                out.write(chunk, 0, 4096);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }
}
