package org.sparrow.interop.cli;

import static org.sparrow.testing.Processes.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.testing.Processes;

/**
 * Where the CLI's outputs go: {@code -} is stdout (and the report moves to stderr), names with a
 * foreign suffix are refused, links, devices and FIFOs are written through, errors name the user's
 * file, running out of memory is one sentence, the progress bar keys on stderr and library log
 * records are one line. Special files are made inside the test's temporary folder only.
 */
class OutputsTest {

    @TempDir
    Path tmp;

    @Test
    void convertToDashWritesTheMatrixToStdoutAndTheStatusLineToStderr() throws IOException {
        Path ex = TestData.example();
        Path file = tmp.resolve("copy.mtx");
        Cli.Result toFile = Cli.run("convert", ex.toString(), file.toString());
        assertEquals(0, toFile.exitCode(), toFile::toString);
        Cli.Result r = Cli.run("convert", ex.toString(), "-");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(Files.readString(file), r.out(), "stdout carries exactly what the file would hold");
        assertTrue(r.err().startsWith("wrote stdout: 48x48"), r::toString);
        assertFalse(Files.exists(tmp.resolve("-")), "no file named '-'");
    }

    @Test
    void generateToDashIsReadableMatrixMarket() throws IOException {
        Cli.Result r = Cli.run("generate", "poisson2d", "--n", "4", "-o", "-");
        assertEquals(0, r.exitCode(), r::toString);
        CsrMatrix back = MatrixMarket.read(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.US_ASCII)), "stdout")
                .toCsr();
        assertEquals(Generators.poisson2d(4), back);
        assertEquals(1, r.errLines().length, r::toString);
    }

    @Test
    void solveWithDashOutputsPutsOnlyTheDataOnStdout() throws IOException {
        Path ex = TestData.example();
        Cli.Result x = Cli.run("solve", ex.toString(), "-o", "-");
        assertEquals(0, x.exitCode(), x::toString);
        assertTrue(x.out().startsWith("%%MatrixMarket matrix array real general\n"), x::toString);
        double[] sol = MatrixMarket.read(new ByteArrayInputStream(x.out().getBytes(StandardCharsets.US_ASCII)), "stdout")
                .toCsr().toDense().data();
        assertEquals(48, sol.length);
        for (double v : sol) {
            assertEquals(1.0, v, 1e-5, "b = A·1, so x ≈ 1");
        }
        assertTrue(x.err().contains("verdict") && x.err().contains("x written to") && x.err().contains("stdout"),
                "the report moved to stderr: " + x);

        Cli.Result h = Cli.run("solve", ex.toString(), "--history", "-");
        assertEquals(0, h.exitCode(), h::toString);
        List<String> lines = h.out().lines().toList();
        assertEquals("iteration,relative_residual", lines.get(0), h::toString);
        assertTrue(lines.size() > 2 && lines.stream().skip(1).allMatch(l -> l.matches("\\d+,[-0-9.eE]+")), h::toString);

        Cli.Result p = Cli.run("solve", ex.toString(), "--plot", "-");
        assertEquals(0, p.exitCode(), p::toString);
        assertTrue(p.out().startsWith("\u0089PNG\r\n\u001a\n"), "stdout holds the PNG bytes");
    }

    @Test
    void jsonAndDashTogetherAreRefusedAsAUsageError() {
        Path ex = TestData.example();
        for (String[] args : new String[][] {
            {"solve", ex.toString(), "-o", "-", "--json"},
            {"convert", ex.toString(), "-", "--json"},
            {"generate", "poisson2d", "--n", "3", "-o", "-", "--json"},
            {"solve", ex.toString(), "-o", "-", "--history", "-"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains("stdout"), r::toString);
            assertEquals("", r.out(), r::toString);
        }
    }

    @Test
    void unknownSuffixesAreRefusedNamingTheAcceptedOnes() throws IOException {
        Path ex = TestData.example();
        String[][] cases = {
            {"convert", ex.toString(), tmp.resolve("a.npz").toString()},
            {"convert", ex.toString(), tmp.resolve("a.mtx.bz2").toString()},
            {"generate", "poisson2d", "--n", "3", "-o", tmp.resolve("a.csv").toString()},
            {"multiply", ex.toString(), ex.toString(), "-o", tmp.resolve("c.npy").toString()},
            {"solve", ex.toString(), "-o", tmp.resolve("x.csv").toString()},
            {"solve", ex.toString(), "--history", tmp.resolve("h.png").toString()},
            {"solve", ex.toString(), "--plot", tmp.resolve("p.csv").toString()}};
        for (String[] args : cases) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains("does not end in"), r::toString);
        }
        Cli.Result r = Cli.run(cases[0]);
        assertTrue(r.err().contains(".mtx, .mtx.gz, .mm, .mm.gz"), r::toString);
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList(), "nothing was written");
        }
        // names without a suffix, and names that say Matrix Market, are fine
        for (String ok : new String[] {"plain", "a.mm", "b.MTX", "c.mtx.gz", ".hidden"}) {
            Cli.Result g = Cli.run("generate", "poisson2d", "--n", "2", "-o", tmp.resolve(ok).toString());
            assertEquals(0, g.exitCode(), g::toString);
        }
    }

    @Test
    void convertWritesThroughASymlinkAFifoAndADeviceNodeWithoutReplacingThem() throws Exception {
        Path ex = TestData.example();
        Path real = tmp.resolve("real.mtx");
        Path link = tmp.resolve("link.mtx");
        Files.createSymbolicLink(link, real);
        Cli.Result r = Cli.run("convert", ex.toString(), link.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(48, MatrixMarket.readHeader(real).rows());

        Path fifo = tmp.resolve("fifo");
        if (Processes.run("mkfifo", fifo.toString()) == 0) {
            var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readString(fifo);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Cli.Result f = Cli.run("convert", ex.toString(), fifo.toString());
            assertEquals(0, f.exitCode(), f::toString);
            assertEquals(Files.readString(real), reader.get(30, TimeUnit.SECONDS));
            assertTrue(attributes(fifo).isOther(), "still a FIFO");
        }

        Path nul = tmp.resolve("null");
        assumeTrue(Processes.run("mknod", nul.toString(), "c", "1", "3") == 0, "skipped: mknod is not permitted here");
        Cli.Result d = Cli.run("generate", "poisson2d", "--n", "3", "-o", nul.toString());
        assertEquals(0, d.exitCode(), d::toString);
        assertTrue(attributes(nul).isOther(), "the device node is still a device");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("fifo", "link.mtx", "null", "real.mtx"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void aLinkToTheProcessStdoutIsWrittenThroughNotReplaced() throws Exception {
        // what `convert A.mtx /dev/stdout` does, with a link of our own: /proc/self/fd/1 is a "magic"
        // link to a pipe, which has no path; the child's stdout is a pipe to this test
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/1")), "skipped: no /proc/self/fd here");
        Path ex = TestData.example();
        Path link = tmp.resolve("stdout-link");
        Files.createSymbolicLink(link, Path.of("/proc/self/fd/1"));
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), SparrowCli.class.getName(),
                "convert", ex.toString(), link.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.startsWith("%%MatrixMarket matrix coordinate real general\n"), out);
        assertEquals(48, MatrixMarket.read(new ByteArrayInputStream(out.getBytes(StandardCharsets.US_ASCII)), "out")
                .toCsr().rows());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(err.startsWith("wrote " + link), err);
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Test
    void historyAndPlotErrorsNameTheFile() {
        Path ex = TestData.example();
        for (String option : new String[] {"--history", "--plot", "-o"}) {
            String name = option.equals("--plot") ? "p.png" : option.equals("-o") ? "x.mtx" : "h.csv";
            Path missing = tmp.resolve("no-such-folder").resolve(name);
            Cli.Result r = Cli.run("solve", ex.toString(), option, missing.toString());
            assertEquals(1, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().startsWith("sparrow: " + missing) && r.err().contains("no such folder"), r::toString);
            assertFalse(r.err().contains(".tmp"), r::toString);
        }
    }

    @Test
    void solverOptionRangesComeFromTheOptionsRecordAsUsageErrors() {
        Path ex = TestData.example();
        String[][] cases = {{"--tol", "0", "--tol: relative tolerance must be in (0, 1)"},
            {"--tol", "1.5", "--tol: relative tolerance must be in (0, 1)"},
            {"--maxit", "0", "--maxit: maximum iterations must be ≥ 1"},
            {"--restart", "-3", "--restart: GMRES restart must be ≥ 1"}};
        for (String[] c : cases) {
            Cli.Result r = Cli.run("solve", ex.toString(), c[0], c[1]);
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains(c[2]), r::toString);
        }
    }

    @Test
    void outOfMemoryAnywhereIsOneSentenceWithTheRemedy() throws Exception {
        assertEquals(SparrowCli.outOfMemory(),
                SparrowCli.describe(new RuntimeException(new OutOfMemoryError("Java heap space"))));
        assertTrue(SparrowCli.outOfMemory().contains("SPARROW_JAVA_OPTS=-Xmx"), SparrowCli.outOfMemory());

        // a real one, in a JVM with a small heap: a random matrix with 10^7 entries needs ~120 MB
        Process p = new ProcessBuilder(java(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                SparrowCli.class.getName(), "generate", "random", "--n", "10000", "--density", "0.1",
                "-o", tmp.resolve("big.mtx").toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals(0, out.length);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("sparrow: out of memory (the Java heap is ") && err.contains("SPARROW_JAVA_OPTS=-Xmx"),
                err);
        assertFalse(Files.exists(tmp.resolve("big.mtx")));
    }

    @Test
    void progressBarIsDrawnOnlyWhenStderrIsATerminalAndErasesItself() throws IOException {
        Path ex = TestData.example();
        Cli.Result plain = Cli.run("solve", ex.toString());
        assertFalse(plain.err().contains("\r"), "no bar when stderr is not a terminal");

        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), 1e-8);
        bar.draw(12, 1e-4, 3.2);
        assertEquals("\r[###############               ] iteration 12, residual 0.00010, 3.2 s", err.toString());
        bar.close();
        String erased = err.toString().substring(err.toString().lastIndexOf('\r', err.toString().length() - 2));
        assertTrue(erased.matches("\r +\r"), "the bar is overwritten with blanks: " + erased.replace("\r", "\\r"));

        // the launcher's hint wins; without it, /proc/self/fd/2 decides (here: surefire's pipe, no terminal)
        String before = System.getProperty(Terminal.STDERR_TTY_PROPERTY);
        try {
            System.setProperty(Terminal.STDERR_TTY_PROPERTY, "true");
            assertTrue(Terminal.stderrIsTerminal());
            System.setProperty(Terminal.STDERR_TTY_PROPERTY, "false");
            assertFalse(Terminal.stderrIsTerminal());
        } finally {
            if (before == null) {
                System.clearProperty(Terminal.STDERR_TTY_PROPERTY);
            } else {
                System.setProperty(Terminal.STDERR_TTY_PROPERTY, before);
            }
        }
        assertTrue(Terminal.isTerminalDevice("/dev/pts/3") && Terminal.isTerminalDevice("/dev/tty1"));
        assertFalse(Terminal.isTerminalDevice("pipe:[12345]") || Terminal.isTerminalDevice("/tmp/log"));

        // with a terminal, a long solve draws and then erases the bar: the last thing on stderr is blank
        StringWriter out2 = new StringWriter();
        StringWriter err2 = new StringWriter();
        PrintWriter o = new PrintWriter(out2);
        int code = SparrowCli.execute(o, new ByteArrayOutputStream(), new PrintWriter(err2), true, "solve", ex.toString());
        assertEquals(0, code, err2::toString);
        String e = err2.toString();
        assertTrue(e.isEmpty() || e.matches("(?s).*\r +\r"), "any bar drawn is erased: " + e.replace("\r", "\\r"));
    }

    @Test
    void spmmSaysWhyTheGpuIsUnusedInItsReportNotInALogRecord() throws Exception {
        Path ex = TestData.example();
        String[] quiet = run(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), SparrowCli.class.getName(),
                "spmm", ex.toString(), "--k", "4", "--gpu-threshold", "0"));
        assumeTrue(quiet[0].startsWith("backend:           cpu"), "skipped: a GPU is usable here, so nothing is refused");
        assertEquals("", quiet[1], "nothing on stderr: the report's backend line says why");
        assertTrue(quiet[0].contains("GPU is unavailable"), quiet[0]);
        String[] verbose = run(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), SparrowCli.class.getName(),
                "spmm", ex.toString(), "--k", "4", "--gpu-threshold", "0", "--verbose"));
        assertEquals(1, verbose[1].lines().count(), verbose[1]);
        assertTrue(verbose[1].startsWith("sparrow: warning: the cuda GPU backend is unavailable"), verbose[1]);
    }

    /** Runs a command to the end; its stdout and stderr. */
    private static String[] run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).start();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new String[] {out, err.get()};
    }

    @Test
    void libraryLogRecordsAreOneShortLine() {
        LogRecord r = new LogRecord(Level.WARNING, "Sparrow: no usable GPU:\n  libcudart not found");
        r.setLoggerName("org.sparrow.core.backend");
        assertEquals("sparrow: warning: no usable GPU: libcudart not found" + System.lineSeparator(),
                new Terminal.OneLine().format(r));
    }

}
