package org.sparrow.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonPeerTest {

    @Test
    void aMissingInterpreterIsReportedAsScipyNotMeasuredNamingTheInterpreter(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("no-such-python3").toString();
        List<String> lines = new ArrayList<>();
        try (PythonPeer peer = new PythonPeer(missing, PythonPeerTest.class, "echo_peer.py")) {
            PythonPeer.Outcome o = peer.run(List.of("0", "x"), 60, lines::add);
            assertFalse(o.ok());
            assertTrue(o.unavailable().startsWith("scipy not measured: " + missing + " could not be started ("),
                    o.unavailable());
            assertEquals(-1, o.exitCode());
            assertNull(o.version());
            assertEquals("scipy", o.versionOr("scipy"));
        }
        assertEquals(List.of(), lines);
    }

    @Test
    void aScriptMissingFromTheJarIsAnIoErrorNamingIt() {
        IOException e = assertThrows(IOException.class, () -> new PythonPeer("python3", PythonPeerTest.class, "nope.py"));
        assertTrue(e.getMessage().startsWith("nope.py is missing from the benchmarks jar"), e.getMessage());
    }

    @Test
    void closeRemovesTheTemporaryFolder() throws Exception {
        Path folder;
        try (PythonPeer peer = new PythonPeer("python3", PythonPeerTest.class, "echo_peer.py")) {
            folder = peer.folder();
            assertTrue(Files.isRegularFile(folder.resolve("echo_peer.py")));
        }
        assertFalse(Files.exists(folder));
    }

    /** Runs the echo script where a python3 exists (the device and team machines); skipped elsewhere. */
    @Test
    void theVersionLineIsSeparatedAndExitStatusThreeMeansNoScipy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("python3"), "no python3 on PATH");
        try (PythonPeer peer = new PythonPeer("python3", PythonPeerTest.class, "echo_peer.py")) {
            List<String> lines = new ArrayList<>();
            PythonPeer.Outcome ok = peer.run(List.of("0", "a,b", "c"), 60, lines::add);
            assertTrue(ok.ok());
            assertEquals("echo 1.0", ok.version());
            assertEquals(List.of("a,b", "c"), lines);
            PythonPeer.Outcome none = peer.run(List.of("3"), 60, l -> { });
            assertEquals("scipy not measured: python3 has no scipy", none.unavailable());
            PythonPeer.Outcome failed = peer.run(List.of("1"), 60, l -> { });
            assertNull(failed.unavailable());
            assertEquals(1, failed.exitCode());
            assertFalse(failed.ok());
        }
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void interpreterWithFindsOneThatImportsTheModulesAndNoneForAModuleNobodyHas() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("python3"), "no python3 on PATH");
        assertEquals("python3", PythonPeer.interpreterWith("sys", "os"));
        assertNull(PythonPeer.interpreterWith("no_such_module_sparrow_test"));
        assertThrows(IllegalArgumentException.class, PythonPeer::interpreterWith);
    }

    @Test
    void theCandidatesStartWithTheNamedInterpreterAndEndWithDebiansPython() {
        String before = System.getProperty(PythonPeer.INTERPRETER_PROPERTY);
        try {
            System.setProperty(PythonPeer.INTERPRETER_PROPERTY, "/opt/py/bin/python3");
            assertEquals(List.of("/opt/py/bin/python3", "python3", "/usr/bin/python3"), PythonPeer.candidateInterpreters());
            System.clearProperty(PythonPeer.INTERPRETER_PROPERTY);
            assertEquals(List.of("python3", "/usr/bin/python3"), PythonPeer.candidateInterpreters());
        } finally {
            if (before != null) {
                System.setProperty(PythonPeer.INTERPRETER_PROPERTY, before);
            } else {
                System.clearProperty(PythonPeer.INTERPRETER_PROPERTY);
            }
        }
    }
}
