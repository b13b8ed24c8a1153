package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.Parallelism;

class SparrowCliTest {

    @TempDir
    Path tmp;

    @Test
    void helpPrintsUsageWithCommandsAndExitCodesAndExitsZero() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Usage: sparrow"), r::toString);
        assertTrue(r.out().contains("info"), r::toString);
        assertTrue(r.out().contains("convert"), r::toString);
        assertTrue(r.out().contains("Exit codes"), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void subcommandHelpExitsZero() {
        for (String[] args : new String[][] {{"info", "--help"}, {"convert", "--help"}, {"help", "info"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().contains("--json") && r.out().contains("--threads"), r::toString);
        }
    }

    @Test
    void commandLineBuildsOnlyTheNamedSubcommandNoneForTheVersionAndAllOtherwise() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (Class<?> c : SparrowCli.SUBCOMMANDS) {
            all.add(c.getAnnotation(picocli.CommandLine.Command.class).name());
        }
        SparrowCli root = new SparrowCli(java.io.OutputStream.nullOutputStream(), false);
        assertEquals(java.util.Set.of("info"), SparrowCli.commandLine(root, "info", "x.mtx").getSubcommands().keySet());
        assertEquals(java.util.Set.of("solve"), SparrowCli.commandLine(root, "solve", "--help").getSubcommands().keySet());
        assertEquals(java.util.Set.of(), SparrowCli.commandLine(root, "--version").getSubcommands().keySet());
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "info"}, {"nonsense"}, {"--version", "info"}}) {
            assertEquals(all, new java.util.TreeSet<>(SparrowCli.commandLine(root, args).getSubcommands().keySet()),
                    String.join(" ", args));
        }
        assertTrue(all.containsAll(java.util.Set.of("info", "convert", "multiply", "solve", "help")), all::toString);
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingTheUnmatchedArguments() {
        Cli.Result r = Cli.run("inf", "x.mtx");
        assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
        assertEquals("sparrow: Unmatched arguments from index 0: 'inf', 'x.mtx' (see 'sparrow --help')",
                r.err().strip(), r::toString);
    }

    @Test
    void versionPrintsTheMavenProjectVersionAndExitsZero() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exitCode(), r::toString);
        String first = r.out().lines().findFirst().orElse("");
        assertTrue(first.matches("sparrow \\d+\\.\\d+\\.\\d+.*"), "version line was: " + first);
        assertTrue(!first.contains("${") && !first.contains("unknown"), "resource not filtered: " + first);
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCodeTwoAndOneLine() {
        Cli.Result r = Cli.run("info", "--bogus", "x.mtx");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("--bogus"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void missingParameterOrSubcommandIsAUsageError() {
        assertEquals(2, Cli.run("info").exitCode());
        assertEquals(2, Cli.run("convert", "only-one.mtx").exitCode());
        assertEquals(2, Cli.run().exitCode());
        assertEquals(2, Cli.run("frobnicate").exitCode());
    }

    @Test
    void badThreadCountsAreUsageErrors() {
        Cli.Result zero = Cli.run("info", "--threads", "0", "x.mtx");
        assertEquals(2, zero.exitCode(), zero::toString);
        assertTrue(zero.err().contains("--threads must be ≥ 1"), zero::toString);
        assertEquals(2, Cli.run("info", "--threads", "many", "x.mtx").exitCode());
        assertEquals(2, Cli.run("convert", "--format", "csr", "a.mtx", "b.mtx").exitCode());
        assertEquals(2, Cli.run("convert", "--field", "complex", "a.mtx", "b.mtx").exitCode());
    }

    @Test
    void threadsOptionSetsTheSparrowThreadsProperty() throws Exception {
        Path f = tmp.resolve("tiny.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 4.0\n");
        String before = System.getProperty(Parallelism.THREADS_PROPERTY);
        try {
            Cli.Result r = Cli.run("info", "--threads", "3", f.toString());
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("3", System.getProperty(Parallelism.THREADS_PROPERTY));
        } finally {
            if (before == null) {
                System.clearProperty(Parallelism.THREADS_PROPERTY);
            } else {
                System.setProperty(Parallelism.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void missingFileIsAFailureWithOneLineNamingIt() {
        Path missing = tmp.resolve("no-such-matrix.mtx");
        Cli.Result r = Cli.run("info", missing.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: ") && r.err().contains("no-such-matrix.mtx"), r::toString);
    }

    @Test
    void unexpectedExceptionsAreDescribedInOneLineWithAHint() {
        String s = SparrowCli.describe(new NullPointerException("boom\nsecond line"));
        assertEquals("internal error: java.lang.NullPointerException: boom second line"
                + " (run with --verbose for the stack trace)", s);
        assertEquals("I/O error: disk full", SparrowCli.describe(new java.io.IOException("disk full")));
        assertEquals("x.mtx: permission denied",
                SparrowCli.describe(new java.nio.file.AccessDeniedException("x.mtx")));
    }
}
