package org.sparrow.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A peer measured by a Python script (scipy): the script, a resource next to the suite's classes, is
 * written to a temporary folder, run with {@code python3} (or the interpreter named by the system
 * property {@value #INTERPRETER_PROPERTY}) while the JVM waits, and its standard output is read line by
 * line. The scripts share one protocol:
 * <ul>
 *   <li>a line {@code # NAME VERSION ...} names what measured (e.g. {@code # scipy 1.16.1 numpy 2.3.2});</li>
 *   <li>every other line is the suite's, handed to its line handler (typically CSV);</li>
 *   <li>exit status {@value #NO_SCIPY} means scipy could not be imported; standard error goes to the
 *       suite's standard error.</li>
 * </ul>
 * A missing interpreter or a missing scipy is reported in the {@link Outcome} ("scipy not measured: …"),
 * never thrown, so a suite runs to the end on a machine without them.
 */
public final class PythonPeer implements AutoCloseable {

    /** System property naming the Python interpreter (default {@code python3}). */
    public static final String INTERPRETER_PROPERTY = "sparrow.python";

    /** The scripts' exit status when {@code import scipy} fails. */
    public static final int NO_SCIPY = 3;

    /**
     * What a run of the script did.
     *
     * @param version     the script's {@code #} line without the {@code "# "}, or {@code null} if it printed none
     * @param unavailable why the peer was not measured at all (the interpreter could not be started, or it
     *                    has no scipy), as a sentence starting "scipy not measured: ", or {@code null}
     * @param exitCode    the script's exit status (-1 when it did not start)
     * @param timedOut    whether the script was stopped after the time limit
     */
    public record Outcome(String version, String unavailable, int exitCode, boolean timedOut) {

        /** Whether the script ran to the end with status 0. */
        public boolean ok() {
            return unavailable == null && !timedOut && exitCode == 0;
        }

        /** The version line if the script printed one, else {@code fallback}. */
        public String versionOr(String fallback) {
            return version != null ? version : fallback;
        }
    }

    /**
     * The interpreters tried, in order, by {@link #interpreterWith}: the one named by
     * {@value #INTERPRETER_PROPERTY} (when set), {@code python3} on PATH, and Debian's {@code /usr/bin/python3}
     * (where {@code apt-get install python3-sklearn python3-pot} puts scikit-learn and POT when
     * {@code python3} on PATH is another installation, e.g. pyenv's, that lacks them).
     *
     * @return the candidates, most preferred first, without duplicates
     */
    public static List<String> candidateInterpreters() {
        List<String> out = new ArrayList<>();
        String named = System.getProperty(INTERPRETER_PROPERTY);
        if (named != null && !named.isBlank()) {
            out.add(named);
        }
        for (String c : List.of("python3", "/usr/bin/python3")) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The first of {@link #candidateInterpreters()} that imports every module in {@code modules}
     * (e.g. {@code "sklearn"}, {@code "ot"}), checked by running {@code -c "import …"} once.
     *
     * @param modules Input: Python module names, at least one
     * @return the interpreter, or {@code null} when none of the candidates has them all
     * @throws InterruptedException if interrupted while a candidate is being tried
     */
    public static String interpreterWith(String... modules) throws InterruptedException {
        if (modules.length == 0) {
            throw new IllegalArgumentException("name at least one Python module");
        }
        String imports = "import " + String.join(", ", modules);
        for (String candidate : candidateInterpreters()) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", imports)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // This candidate is not installed; try the next.
            }
        }
        return null;
    }

    private final String interpreter;
    private final Path folder;
    private final Path script;

    /**
     * Writes the script {@code resource} (found next to {@code owner}'s class file) into a new temporary
     * folder, to be run with the interpreter of {@link #INTERPRETER_PROPERTY} or {@code python3}.
     *
     * @param owner    the class whose package holds the script
     * @param resource the script's file name, e.g. {@code kernels_scipy.py}
     * @throws IOException if the script is missing from the jar or cannot be written
     */
    public PythonPeer(Class<?> owner, String resource) throws IOException {
        this(System.getProperty(INTERPRETER_PROPERTY, "python3"), owner, resource);
    }

    /**
     * As {@link #PythonPeer(Class, String)} with an explicit interpreter.
     *
     * @param interpreter the Python executable: a name looked up on PATH, or a path
     * @param owner       the class whose package holds the script
     * @param resource    the script's file name
     * @throws IOException if the script is missing from the jar or cannot be written
     */
    public PythonPeer(String interpreter, Class<?> owner, String resource) throws IOException {
        this.interpreter = interpreter;
        byte[] text;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the benchmarks jar (next to "
                        + owner.getPackageName().replace('.', '/') + ")");
            }
            text = in.readAllBytes();
        }
        this.folder = Files.createTempDirectory("sparrow-bench-python");
        this.script = folder.resolve(resource);
        Files.write(script, text);
    }

    /** The temporary folder the script lives in; the suite may let the script write results there. */
    public Path folder() {
        return folder;
    }

    /**
     * Runs the script with {@code args} and waits for it, at most {@code timeoutSeconds}.
     *
     * @param args           Input: the script's arguments
     * @param timeoutSeconds the longest the run may take before the script is stopped
     * @param lines          receives each output line other than the version line, on a reader thread, in order
     * @return what happened; never throws for a missing interpreter or scipy
     * @throws InterruptedException if interrupted while waiting
     */
    public Outcome run(List<String> args, long timeoutSeconds, Consumer<String> lines) throws InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(interpreter);
        cmd.add(script.toString());
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return new Outcome(null, "scipy not measured: " + interpreter + " could not be started ("
                    + e.getMessage() + ")", -1, false);
        }
        String[] version = {null};
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("# ")) {
                        synchronized (version) {
                            version[0] = line.substring(2);
                        }
                    } else {
                        lines.accept(line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The exit status says what went wrong; a line the suite cannot parse ends its reading.
            }
        });
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
            p.waitFor();
        }
        reader.join(5_000);
        int rc = p.exitValue();
        String v;
        synchronized (version) {
            v = version[0];
        }
        if (finished && rc == NO_SCIPY) {
            return new Outcome(v, "scipy not measured: " + interpreter + " has no scipy", rc, false);
        }
        return new Outcome(v, null, rc, !finished);
    }

    /** Removes the temporary folder and whatever the script left in it. */
    @Override
    public void close() {
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
