package org.sparrow.core.io;

import static org.sparrow.testing.Processes.attributes;
import static org.sparrow.testing.Processes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;

/**
 * {@link SafeOutput}: links are written through, devices and FIFOs are written into (never replaced
 * by a regular file), regular files are replaced atomically with the permissions they had (or the
 * umask's for new ones), and no temporary file outlives a SIGTERM or, after a SIGKILL, the next write.
 * Every special file is made inside the test's temporary folder.
 */
class SafeOutputTest {

    @TempDir
    Path dir;

    @Test
    void symbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = dir.resolve("real.mtx");
        Files.writeString(real, "old\n");
        Path link = dir.resolve("link.mtx");
        Files.createSymbolicLink(link, Path.of("real.mtx")); // relative, as `ln -s` makes it
        Path chain = dir.resolve("chain.mtx");
        Files.createSymbolicLink(chain, link);

        MatrixMarket.write(CsrMatrix.identity(2), chain);

        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(Files.isSymbolicLink(chain), "the chain is still a link");
        assertEquals(CsrMatrix.identity(2), MatrixMarket.read(real).toCsr(), "the target holds the new content");
        assertEquals(List.of("chain.mtx", "link.mtx", "real.mtx"), names(), "no temporary file left");
    }

    @Test
    void danglingSymbolicLinkCreatesItsTarget() throws IOException {
        Path link = dir.resolve("link.txt");
        Files.createSymbolicLink(link, dir.resolve("made.txt"));
        SafeOutput.writeString(link, "made\n");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("made\n", Files.readString(dir.resolve("made.txt")));
    }

    @Test
    void fifoIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(run("mkfifo", fifo.toString()) == 0, "skipped: mkfifo is not available here");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo); // blocks until the writer opens the FIFO
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        MatrixMarket.write(CsrMatrix.identity(3), fifo);
        String text = reader.get(30, TimeUnit.SECONDS);
        assertTrue(text.startsWith("%%MatrixMarket matrix coordinate real general\n3 3 3\n"), text);
        assertTrue(attributes(fifo).isOther(), "the FIFO is still a FIFO");
        assertEquals(List.of("pipe"), names());
    }

    @Test
    void deviceNodeIsWrittenIntoNotReplaced() throws IOException, InterruptedException {
        Path nul = dir.resolve("null");
        assumeTrue(run("mknod", nul.toString(), "c", "1", "3") == 0,
                "skipped: mknod is not permitted here (needs CAP_MKNOD)");
        MatrixMarket.write(CsrMatrix.identity(50), nul);
        SafeOutput.writeString(nul, "more\n");
        assertTrue(attributes(nul).isOther(), "the device node is still a device, not a regular file");
        assertEquals(0, Files.readAllBytes(nul).length, "it is still the null device");
        assertEquals(List.of("null"), names());
    }

    @Test
    void nameNearTheLengthLimitStillGetsATemporaryFile() throws IOException {
        Path file = dir.resolve("m".repeat(246) + ".mtx"); // 250 bytes: a full-length temporary name would not fit
        MatrixMarket.write(CsrMatrix.identity(2), file);
        assertEquals(CsrMatrix.identity(2), MatrixMarket.read(file).toCsr());
        assertEquals(List.of(file.getFileName().toString()), names());
    }

    @Test
    void folderIsRefusedByName() {
        FileSystemException e = assertThrows(FileSystemException.class, () -> SafeOutput.writeString(dir, "x"));
        assertEquals(dir.toString(), e.getFile());
        assertEquals("is a folder", e.getReason());
    }

    @Test
    void overwritingKeepsTheExistingPermissions() throws IOException {
        for (String mode : List.of("rw-rw-r--", "rw-r-----", "rwxr-xr-x")) {
            Path file = dir.resolve("kept-" + mode + ".mtx");
            Files.writeString(file, "old\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            MatrixMarket.write(CsrMatrix.identity(2), file);
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            assertEquals(CsrMatrix.identity(2), MatrixMarket.read(file).toCsr());
        }
    }

    @Test
    void overwritingAnotherUsersFileKeepsItsOwnerWherePermitted() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "skipped: only root may give a file away");
        Path file = dir.resolve("theirs.txt");
        Files.writeString(file, "old\n");
        var nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(file, nobody);
        SafeOutput.writeString(file, "new\n");
        assertEquals("new\n", Files.readString(file));
        assertEquals(nobody, Files.getOwner(file), "the owner stays");
    }

    @Test
    void newFileHonoursTheUmask() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "umask").redirectErrorStream(true).start();
        String umask = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assumeTrue(p.waitFor() == 0 && umask.matches("[0-7]+"), "skipped: cannot read the umask (" + umask + ")");
        int expected = 0666 & ~Integer.parseInt(umask, 8);
        Path file = dir.resolve("new.mtx.gz");
        MatrixMarket.write(CsrMatrix.identity(2), file);
        assertEquals(expected, mode(Files.getPosixFilePermissions(file)),
                () -> "mode " + Integer.toOctalString(expected) + " (0666 less umask " + umask + ")");
    }

    @Test
    void staleTemporaryFileOfADeadProcessIsRemovedByTheNextWrite() throws IOException {
        Path target = dir.resolve("out.mtx");
        Path dead = dir.resolve(".out.mtx.sparrow-99999999-1.tmp"); // above any pid_max (2^22)
        Files.writeString(dead, "half a file");
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path live = dir.resolve(".out.mtx.sparrow-" + parent + "-1.tmp"); // a running process: maybe writing
        Files.writeString(live, "in progress");
        Path other = dir.resolve(".other.mtx.sparrow-99999999-1.tmp"); // another target's: not ours to judge
        Files.writeString(other, "x");
        assertTrue(SafeOutput.isTemporaryName(dead.getFileName().toString()));
        assertFalse(SafeOutput.isTemporaryName("out.mtx"));

        MatrixMarket.write(CsrMatrix.identity(2), target);

        assertFalse(Files.exists(dead), "the dead process's temporary file is gone");
        assertTrue(Files.exists(live), "a live process's temporary file is left alone");
        assertTrue(Files.exists(other), "another target's temporary file is left alone");
    }

    @Test
    void failedWriteNamesTheUsersFileNeverTheTemporaryOne() throws IOException {
        Path file = dir.resolve("out.mtx");
        Path missing = dir.resolve("no-such-folder").resolve("x.mtx");
        FileSystemException e = assertThrows(FileSystemException.class, () -> SafeOutput.writeString(missing, "x"));
        assertEquals(missing.toString(), e.getFile());
        assertTrue(e.getReason().startsWith("no such folder"), e.getReason());

        // a permission failure of the stream is reported against the user's file, as "permission denied"
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> SafeOutput.write(file, out -> {
            throw new AccessDeniedException(dir.resolve(".out.mtx.sparrow-1-1.tmp").toString());
        }));
        assertEquals(file.toString(), denied.getFile());
        assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
        assertFalse(denied.getMessage().contains(".tmp"), denied.getMessage());

        MatrixMarketException mm = assertThrows(MatrixMarketException.class,
                () -> MatrixMarket.write(CsrMatrix.identity(2), missing));
        assertTrue(mm.getMessage().startsWith(missing + ": cannot write: no such folder"), mm.getMessage());
        assertEquals(List.of(), names(), "nothing left behind");
    }

    @Test
    void readOnlyFileIsRefusedAsPermissionDenied() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "skipped: root may write any file");
        Path file = dir.resolve("ro.txt");
        Files.writeString(file, "keep\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> SafeOutput.writeString(file, "x"));
        assertEquals(file.toString(), e.getFile());
        assertEquals("keep\n", Files.readString(file));
    }

    @Test
    void sigtermWhileWritingLeavesNoTemporaryFileAndSigkillsLeftoverIsCleanedNextTime() throws Exception {
        Path target = dir.resolve("big.mtx");
        for (boolean forcibly : new boolean[] {false, true}) {
            Process child = startChild(target);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("writing", r.readLine(), "the child started writing");
                assertEquals(1, temporaries().size(), "a temporary file is being written: " + names());
                if (forcibly) {
                    child.destroyForcibly(); // SIGKILL: no hook runs
                } else {
                    child.destroy(); // SIGTERM: the shutdown hook runs
                }
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stopped");
            } finally {
                child.destroyForcibly();
            }
            assertFalse(Files.exists(target), "the target was never created");
            if (forcibly) {
                assertEquals(1, temporaries().size(), "SIGKILL leaves the temporary file: " + names());
                SafeOutput.writeString(target, "next\n");
                assertEquals("next\n", Files.readString(target));
                Files.delete(target);
            }
            assertEquals(List.of(), temporaries(), "no temporary file remains");
        }
    }

    private Process startChild(Path target) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SafeOutputChild.class.getName(), target.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private List<String> temporaries() throws IOException {
        return names().stream().filter(SafeOutput::isTemporaryName).toList();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }


    private static int mode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= 1 << (8 - p.ordinal()); // OWNER_READ is ordinal 0 = bit 8 (0400)
        }
        return m;
    }
}
