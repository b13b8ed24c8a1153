package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sparrow.benchmarks.harness.Stats;

/**
 * Whole-process timings for the large family ({@link LargeSuite}): what a user pays for one command,
 * JVM or Python start-up, reading the file and first-touch memory included. Two timers:
 * <ul>
 *   <li>{@link #hyperfine}: {@code hyperfine --shell=none} (when it is on PATH; else the own timer below),
 *       for commands whose output is not needed ({@code sparrow --version}, {@code sparrow info},
 *       {@code scipy.io.mmread});</li>
 *   <li>{@link #time}: starts the command itself, waits for it and keeps its standard output, for
 *       commands that report their own in-process figure ({@code sparrow multiply --json}, the scipy
 *       script's fresh mode).</li>
 * </ul>
 * Both count from process start to exit; warm-up runs (not counted) first fill the page cache.
 */
final class FreshProcess {

    /**
     * Timed runs of one command.
     *
     * @param wallSeconds the runs' whole-process times (empty when it failed)
     * @param outputs     each run's standard output (empty strings under hyperfine)
     * @param problem     why it failed, or {@code null}
     * @param tool        which timer measured it ("hyperfine 1.15.0", "process timer")
     */
    record Timed(List<Double> wallSeconds, List<String> outputs, String problem, String tool) {

        /** The median whole-process time, or NaN when nothing was timed. */
        double medianWall() {
            return wallSeconds.isEmpty() ? Double.NaN : Stats.median(wallSeconds);
        }

        /** Whether every run finished with status 0. */
        boolean ok() {
            return problem == null && !wallSeconds.isEmpty();
        }

        /** The median of a number each run printed in its JSON output under {@code key}, or NaN. */
        double medianOfJson(String key) {
            List<Double> v = new ArrayList<>();
            for (String o : outputs) {
                double x = jsonNumber(o, key);
                if (!Double.isNaN(x)) {
                    v.add(x);
                }
            }
            return v.isEmpty() ? Double.NaN : Stats.median(v);
        }
    }

    private static final Pattern HYPERFINE_VERSION = Pattern.compile("hyperfine\\s+(\\S+)");

    private FreshProcess() {
    }

    /**
     * Runs {@code command} {@code warmups + runs} times, one after the other, timing each from start to exit.
     *
     * @param command        Input: the program and its arguments
     * @param warmups        untimed runs first
     * @param runs           timed runs, ≥ 1
     * @param timeoutSeconds the longest one run may take
     * @return the timed runs' wall times and outputs, or the first failure
     * @throws InterruptedException if interrupted while waiting
     */
    static Timed time(List<String> command, int warmups, int runs, long timeoutSeconds) throws InterruptedException {
        List<Double> walls = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (int r = 0; r < warmups + runs; r++) {
            Path err;
            try {
                err = Files.createTempFile("sparrow-bench-fresh", ".err");
            } catch (IOException e) {
                return new Timed(List.of(), List.of(), "no temporary file: " + e.getMessage(), "process timer");
            }
            try {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                byte[][] out = {new byte[0]};
                Thread reader = Thread.ofPlatform().daemon().start(() -> {
                    try (InputStream in = p.getInputStream()) {
                        out[0] = in.readAllBytes();
                    } catch (IOException e) {
                        // the exit status says what went wrong
                    }
                });
                boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                double wall = (System.nanoTime() - t0) * 1e-9;
                if (!done) {
                    p.destroyForcibly();
                    p.waitFor();
                    return new Timed(walls, outputs, "stopped after " + timeoutSeconds + " s: " + display(command),
                            "process timer");
                }
                reader.join(10_000);
                if (p.exitValue() != 0) {
                    String why = lastLine(Files.readString(err, StandardCharsets.UTF_8));
                    return new Timed(List.of(), List.of(), "exit status " + p.exitValue() + (why.isEmpty() ? ""
                            : " (" + why + ")") + ": " + display(command), "process timer");
                }
                if (r >= warmups) {
                    walls.add(wall);
                    outputs.add(new String(out[0], StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                return new Timed(List.of(), List.of(), "could not start " + display(command) + ": " + e.getMessage(),
                        "process timer");
            } finally {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException e) {
                    // a left-over temporary file is harmless
                }
            }
        }
        return new Timed(walls, outputs, null, "process timer");
    }

    /**
     * Times {@code command} with hyperfine ({@code --shell=none}, output discarded), or with {@link #time}
     * when hyperfine is not on PATH.
     *
     * @param command        Input: the program and its arguments
     * @param warmups        untimed runs first
     * @param runs           timed runs, ≥ 1
     * @param timeoutSeconds the longest the whole measurement may take
     * @return the wall times
     * @throws InterruptedException if interrupted while waiting
     */
    static Timed hyperfine(List<String> command, int warmups, int runs, long timeoutSeconds)
            throws InterruptedException {
        String version = hyperfineVersion();
        if (version == null) {
            return time(command, warmups, runs, timeoutSeconds);
        }
        Path json = null;
        try {
            json = Files.createTempFile("sparrow-bench-hyperfine", ".json");
            List<String> cmd = List.of("hyperfine", "--shell=none", "--style", "none", "--warmup",
                    String.valueOf(warmups), "--runs", String.valueOf(runs), "--export-json", json.toString(),
                    shellWords(command));
            Timed t = time(cmd, 0, 1, timeoutSeconds);
            if (!t.ok()) {
                return new Timed(List.of(), List.of(), t.problem(), version);
            }
            List<Double> times = jsonNumbers(Files.readString(json, StandardCharsets.UTF_8), "times");
            return times.isEmpty() ? new Timed(List.of(), List.of(), "hyperfine reported no times", version)
                    : new Timed(times, List.of(), null, version);
        } catch (IOException e) {
            return new Timed(List.of(), List.of(), "hyperfine's results could not be read: " + e.getMessage(), version);
        } finally {
            if (json != null) {
                try {
                    Files.deleteIfExists(json);
                } catch (IOException e) {
                    // a left-over temporary file is harmless
                }
            }
        }
    }

    /** "hyperfine X.Y.Z" when hyperfine is on PATH, else {@code null}. */
    static String hyperfineVersion() throws InterruptedException {
        Timed v = time(List.of("hyperfine", "--version"), 0, 1, 30);
        if (!v.ok()) {
            return null;
        }
        Matcher m = HYPERFINE_VERSION.matcher(v.outputs().getFirst());
        return m.find() ? "hyperfine " + m.group(1) : "hyperfine";
    }

    /**
     * The first number stored under {@code "key"} in a JSON text (flat lookup: enough for the CLI's
     * {@code --json} objects and hyperfine's export).
     *
     * @param json Input: the text
     * @param key  the key
     * @return the number, or NaN when the key is missing or its value is not a number
     */
    static double jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /**
     * The numbers of the first array stored under {@code "key"} in a JSON text.
     *
     * @param json Input: the text
     * @param key  the key
     * @return the numbers, or an empty list when the key is missing
     */
    static List<Double> jsonNumbers(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        List<Double> out = new ArrayList<>();
        if (m.find()) {
            for (String part : m.group(1).split(",")) {
                if (!part.isBlank()) {
                    out.add(Double.parseDouble(part.strip()));
                }
            }
        }
        return out;
    }

    /** The command as one string of single-quoted words (hyperfine splits it back into the same words). */
    static String shellWords(List<String> command) {
        List<String> words = new ArrayList<>();
        for (String w : command) {
            words.add(w.matches("[A-Za-z0-9_./=:,+@-]+") ? w : "'" + w.replace("'", "'\"'\"'") + "'");
        }
        return String.join(" ", words);
    }

    /** The command as shown in the report: words joined by spaces, paths shortened to their file names. */
    static String display(List<String> command) {
        List<String> words = new ArrayList<>();
        for (String w : command) {
            words.add(w.contains("/") && !w.startsWith("./") ? Path.of(w).getFileName().toString() : w);
        }
        return String.join(" ", words);
    }

    private static String lastLine(String text) {
        String t = text.strip();
        int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1);
    }
}
