package org.sparrow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Small system helpers for tests that make FIFOs, device nodes and links in a temporary folder. */
public final class Processes {

    private Processes() {
    }

    /**
     * Runs a command to its end, discarding its output (e.g. {@code mkfifo DIR/f}, {@code mknod DIR/null c 1 3}).
     *
     * @param command the program and its arguments
     * @return its exit status, or -1 when it could not be started (the program is missing)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static int run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The attributes of a path itself, not of what a link points to.
     *
     * @param p the path
     * @return its attributes
     * @throws IOException when it cannot be read
     */
    public static BasicFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
