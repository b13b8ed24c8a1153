package org.sparrow.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Sparrow writes an output file: never half a file, and never a regular file in place of
 * something that is not one.
 *
 * <ul>
 *   <li>A symbolic link is followed (to any depth), and what it points to is written; the link stays.</li>
 *   <li>Anything that exists and is not a regular file or a folder (a character or block device such
 *       as {@code /dev/null}, a FIFO, a socket) is opened and written directly: it cannot be replaced
 *       by a rename, and must not be.</li>
 *   <li>A regular file, or a name that does not exist yet, is written to a temporary file in the
 *       target's folder and renamed over the target when complete, so a reader sees the old file or
 *       the new one, never a part. The temporary file is created like any new file (mode 0666 less the
 *       process umask); when it replaces an existing file it takes that file's permissions.</li>
 * </ul>
 *
 * <p>The temporary file is named after the target and the writing process,
 * {@code .NAME.sparrow-PID-SEQ.tmp}. A shutdown hook deletes the ones still being written when the
 * JVM stops (SIGTERM, SIGINT, {@code System.exit}); one left by a process that was killed outright
 * (SIGKILL) is recognized by its name and dead PID and deleted by the next write to the same target.
 *
 * <p>Errors are {@link FileSystemException}s naming the user's file (never the temporary one), with a
 * reason such as "permission denied" or "no such folder".
 */
public final class SafeOutput {

    /** What writes the content: given the stream, writes everything (it may close the stream). */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the content to {@code out}.
         *
         * @param out the destination, unbuffered
         * @throws IOException when writing fails; the target is then left as it was (for a regular file)
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_MARK = ".sparrow-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern TEMP_NAME = Pattern.compile("\\.sparrow-(\\d+)-\\d+\\.tmp$");
    private static final Pattern PID_SEQ = Pattern.compile("(\\d+)-\\d+\\.tmp");
    private static final int MAX_LINKS = 40; // Linux's MAXSYMLINKS
    private static final int MAX_STEM = 160; // of the target's name kept in the temporary one (NAME_MAX is 255 bytes)
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(SafeOutput::deleteInFlight, "sparrow-output-cleanup"));
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: nothing new will be written
        }
    }

    private SafeOutput() {
    }

    /**
     * Writes {@code file} with {@code body}, as described in the class comment.
     *
     * @param file the target as the user named it (messages use this name)
     * @param body writes the content
     * @throws IOException a {@link FileSystemException} naming {@code file} when it cannot be written,
     *                     or whatever {@code body} throws
     */
    public static void write(Path file, Body body) throws IOException {
        // What the name finally refers to, links followed by the kernel: this also sees through the
        // "magic" links of /proc (/dev/stdout -> /proc/self/fd/1 -> pipe:[N]), which have no path.
        BasicFileAttributes attrs = attributes(file);
        if (attrs != null && attrs.isDirectory()) {
            throw new FileSystemException(file.toString(), null, "is a folder");
        }
        if (attrs != null && !attrs.isRegularFile()) {
            writeDirectly(file, file, body);
            return;
        }
        Path target = resolveLinks(file); // a regular file, or a name to create: renamed into its folder
        if (attrs != null && !Files.isWritable(target)) {
            throw new AccessDeniedException(file.toString(), null, "permission denied");
        }
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        if (name.length() > MAX_STEM) { // keep the temporary name within NAME_MAX (255 bytes)
            name = name.substring(0, MAX_STEM);
        }
        removeStaleTemps(dir, name);
        Path tmp = dir.resolve("." + name + TEMP_MARK + PID + "-" + SEQUENCE.incrementAndGet() + TEMP_SUFFIX);
        IN_FLIGHT.add(tmp);
        boolean done = false;
        try {
            OutputStream out;
            try {
                out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw translate(file, dir, e);
            }
            try (out) {
                body.writeTo(out);
            } catch (IOException e) {
                throw plain(e) ? translate(file, dir, e) : e;
            }
            if (attrs != null) {
                copyPermissions(target, tmp);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                // the shutdown hook removed the temporary file: the JVM is stopping
                throw new FileSystemException(file.toString(), null, "not written: the program is stopping");
            } catch (IOException e) {
                throw translate(file, dir, e);
            }
            done = true;
        } finally {
            IN_FLIGHT.remove(tmp);
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the write's own failure is the one to report; a later write removes this file
                }
            }
        }
    }

    /**
     * Writes {@code text} as UTF-8 to {@code file} with {@link #write(Path, Body)}.
     *
     * @param file the file to write
     * @param text the text
     * @throws IOException if the file cannot be written (the old file, if any, is left as it was)
     */
    public static void writeString(Path file, CharSequence text) throws IOException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    /**
     * Whether {@code name} is one of this class's temporary files, {@code .TARGET.sparrow-PID-SEQ.tmp}.
     *
     * @param name a file name, without folder
     * @return true for a temporary output file
     */
    public static boolean isTemporaryName(String name) {
        return name.startsWith(".") && TEMP_NAME.matcher(name).find();
    }

    /** Follows symbolic links from {@code file} to the path that is finally written (it need not exist). */
    private static Path resolveLinks(Path file) throws IOException {
        Path p = file;
        for (int hops = 0; hops <= MAX_LINKS; hops++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            Path link = Files.readSymbolicLink(p);
            Path parent = p.toAbsolutePath().getParent();
            p = link.isAbsolute() || parent == null ? link : parent.resolve(link);
        }
        throw new FileSystemLoopException(file.toString());
    }

    /** The attributes of what {@code p} refers to, links followed; null when nothing is there (or a link dangles). */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw translate(p, p.toAbsolutePath().getParent(), e);
        }
    }

    /** A device, FIFO or socket: opened as it is (no create, no rename) and written. */
    private static void writeDirectly(Path file, Path target, Body body) throws IOException {
        OutputStream out;
        try {
            out = Files.newOutputStream(target, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw translate(file, null, e);
        }
        try (out) {
            body.writeTo(out);
        } catch (IOException e) {
            throw plain(e) ? translate(file, null, e) : e;
        }
    }

    /** An I/O failure of the stream itself (not a content error such as a {@link MatrixMarketException}). */
    private static boolean plain(IOException e) {
        return e instanceof FileSystemException || e.getClass() == IOException.class;
    }

    /**
     * Gives {@code tmp} the permission bits of {@code target} (POSIX file systems only), and its owner
     * and group where this process may set them (root may; others keep their own, as {@code cp} does).
     */
    private static void copyPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (from != null && to != null) {
            PosixFileAttributes old = from.readAttributes();
            try {
                if (!old.group().equals(to.readAttributes().group())) {
                    to.setGroup(old.group());
                }
                if (!old.owner().equals(to.getOwner())) {
                    to.setOwner(old.owner());
                }
            } catch (IOException e) {
                // not permitted: the new file keeps this process's owner and group
            }
            to.setPermissions(old.permissions()); // after the owner: chown may clear set-id bits
        }
    }

    /** Deletes temporary files of {@code name} in {@code dir} left by processes that no longer run. */
    private static void removeStaleTemps(Path dir, String name) {
        String prefix = "." + name + TEMP_MARK;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, entry -> {
            String n = entry.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX);
        })) {
            for (Path p : s) {
                Matcher m = PID_SEQ.matcher(p.getFileName().toString().substring(prefix.length()));
                if (m.matches() && stale(Long.parseLong(m.group(1)), p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // best effort: an unreadable folder fails the write itself with a clear message
        }
    }

    /** A temporary file is stale when its process is gone, or is this one and no write owns it. */
    private static boolean stale(long pid, Path tmp) {
        if (pid == PID) {
            return !IN_FLIGHT.contains(tmp);
        }
        return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteInFlight() {
        for (Path p : IN_FLIGHT) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more can be done while the JVM stops
            }
        }
    }

    /** The same failure, about the user's {@code file}, with a plain reason. */
    private static FileSystemException translate(Path file, Path dir, IOException e) {
        String name = file.toString();
        return switch (e) {
            case AccessDeniedException a -> new AccessDeniedException(name, null, "permission denied"
                    + (dir != null && a.getFile() != null && !Path.of(a.getFile()).equals(file)
                            ? " (cannot create a file in " + dir + ")" : ""));
            case NoSuchFileException n -> new NoSuchFileException(name, null,
                    "no such folder" + (dir != null ? ": " + dir : ""));
            case NotDirectoryException n -> new NotDirectoryException(name);
            case FileSystemException f -> new FileSystemException(name, null, reason(f.getReason()));
            default -> new FileSystemException(name, null, reason(e.getMessage()));
        };
    }

    /** The operating system's reason in the lower-case style of Sparrow's messages. */
    private static String reason(String r) {
        if (r == null) {
            return "I/O error";
        }
        return switch (r) {
            case "No space left on device" -> "no space left on the device";
            case "Read-only file system" -> "read-only file system";
            case "Permission denied" -> "permission denied";
            default -> r;
        };
    }
}
