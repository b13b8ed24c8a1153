package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sparrow} launcher, run by bash on a throw-away copy of the repository layout with a
 * fake {@code mvn} (which only writes the jar and counts the builds) and fake JDKs (shell scripts
 * with a {@code release} file, which print their name and arguments): the freshness stamp, the
 * remembered JDK and {@code SPARROW_JAVA_OPTS}, in about a second, without Maven or a JVM. Skipped
 * where bash or git is missing. One case runs the real JDK on the flags the launcher chose, to show
 * that the later flags win.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path bin;
    private Path noJvms;

    @BeforeEach
    void layout() throws IOException, InterruptedException {
        assumeTrue(works("bash", "-c", "command -v git && command -v find"), "bash, git or find is missing");
        Path launcher = findLauncher();
        assumeTrue(launcher != null, "the sparrow launcher is not next to this module");
        repo = tmp.resolve("repo");
        bin = tmp.resolve("bin");
        noJvms = Files.createDirectories(tmp.resolve("no-jvms"));
        write(repo.resolve("sparrow"), Files.readString(launcher), true);
        write(repo.resolve("pom.xml"), "<project/>\n", false);
        write(repo.resolve("core/pom.xml"), "<project/>\n", false);
        write(repo.resolve("core/src/main/java/A.java"), "class A {}\n", false);
        write(repo.resolve("core/src/test/java/ATest.java"), "class ATest {}\n", false);
        write(repo.resolve("interop/cli/pom.xml"), "<project/>\n", false);
        write(repo.resolve("interop/cli/src/main/java/B.java"), "class B {}\n", false);
        write(repo.resolve(".gitignore"), "target/\nbuilds.log\n", false);
        // The fake Maven: counts builds, writes the jar (run in the repository root, as the launcher does).
        write(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                echo build >> builds.log
                mkdir -p interop/cli/target && printf 'jar' > interop/cli/target/sparrow.jar
                """, true);
        git("init", "-q");
        git("add", "-A");
        git("commit", "-q", "-m", "start");
    }

    @Test
    void rebuildsAfterASourceEditAndNotOtherwise() throws Exception {
        Path jdk = fakeJdk("a", "25.0.1");
        Path a = repo.resolve("core/src/main/java/A.java");
        assertEquals(0, launch(jdk, null, "--version").exitCode);
        assertEquals(1, builds(), "missing jar: built");
        assertEquals(0, launch(jdk, null, "--version").exitCode);
        assertEquals(1, builds(), "nothing changed: not built again");

        edit(a);
        launch(jdk, null, "--version");
        assertEquals(2, builds(), "a tracked source edited: rebuilt");
        launch(jdk, null, "--version");
        assertEquals(2, builds(), "the edited source unchanged since the build: not rebuilt");

        edit(a);
        launch(jdk, null, "--version");
        assertEquals(3, builds(), "an already modified source edited again: rebuilt");

        git("commit", "-q", "-am", "edit");
        launch(jdk, null, "--version");
        assertEquals(3, builds(), "the built sources committed: nothing is newer than the jar, not rebuilt");

        edit(repo.resolve("core/src/test/java/ATest.java"));
        launch(jdk, null, "--version");
        assertEquals(3, builds(), "a test source is not in the jar: not rebuilt");

        Thread.sleep(20);
        write(repo.resolve("interop/cli/src/main/java/C.java"), "class C {}\n", false);
        launch(jdk, null, "--version");
        assertEquals(4, builds(), "a new, untracked source: rebuilt");

        edit(repo.resolve("core/pom.xml"));
        launch(jdk, null, "--version");
        assertEquals(5, builds(), "a pom.xml edited: rebuilt");
        launch(jdk, null, "--version");
        assertEquals(5, builds());
    }

    @Test
    void rebuildsWhenTheStampIsGoneAndASourceIsNewerThanTheJar() throws Exception {
        Path jdk = fakeJdk("a", "25");
        launch(jdk, null, "--version");
        assertEquals(1, builds());
        Files.delete(repo.resolve("target/launcher/sparrow.jar.stamp"));
        launch(jdk, null, "--version");
        assertEquals(1, builds(), "no stamp, but no source newer than the jar: the scan says fresh");
        assertTrue(Files.exists(repo.resolve("target/launcher/sparrow.jar.stamp")), "the stamp is written again");
        Files.delete(repo.resolve("target/launcher/sparrow.jar.stamp"));
        edit(repo.resolve("interop/cli/src/main/java/B.java"));
        launch(jdk, null, "--version");
        assertEquals(2, builds(), "no stamp and a newer source: rebuilt");
    }

    @Test
    void remembersTheJdkItFoundAndProbesAgainWhenItIsNoLongerAJdk25() throws Exception {
        Path a = fakeJdk("a", "25.0.2");
        Path b = fakeJdk("b", "25");
        Run first = launch(null, List.of(a), "--version");
        assertEquals("a", first.jdk(), first.toString());
        assertEquals(a.resolve("bin/java").toRealPath().toString(),
                Files.readString(repo.resolve("target/launcher/java")).strip());

        Run remembered = launch(null, List.of(b, a), "--version");
        assertEquals("a", remembered.jdk(), "the remembered JDK is used without probing PATH: " + remembered);

        write(a.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n", false);
        Run probed = launch(null, List.of(b, a), "--version");
        assertEquals("b", probed.jdk(), "a remembered JDK that is no longer 25 is probed again: " + probed);
        assertEquals(b.resolve("bin/java").toRealPath().toString(),
                Files.readString(repo.resolve("target/launcher/java")).strip());

        Path c = fakeJdk("c", "25.0.3");
        Run home = launch(c, List.of(b), "--version");
        assertEquals("c", home.jdk(), "JAVA_HOME wins over the remembered JDK: " + home);

        Files.delete(b.resolve("bin/java"));
        Run none = launch(null, List.of(a), "--version");
        assertEquals(1, none.exitCode, none.toString());
        assertTrue(none.err.contains("sparrow needs a JDK 25"), none.toString());
    }

    @Test
    void trainsTheAotCacheOnceAfterABuildAndPassesItToTheJvm() throws Exception {
        Path jdk = fakeJdk("a", "25");
        Run first = launch(jdk, null, "--version");
        Path aot = repo.resolve("interop/cli/target/sparrow.aot");
        assertTrue(Files.exists(aot), first.toString());
        assertTrue(first.args.contains("-XX:AOTCache=" + aot.toRealPath()), first.toString());
        assertTrue(first.args.contains("-XX:AOTMode=auto") && first.args.contains("-Xlog:aot=off"), first.toString());
        assertEquals(1, Files.readString(tmp.resolve("a.trainings")).lines().count());
        launch(jdk, null, "--version");
        assertEquals(1, Files.readString(tmp.resolve("a.trainings")).lines().count(), "the cache is fresh: no training");

        edit(repo.resolve("core/src/main/java/A.java"));
        launch(jdk, null, "--version");
        assertEquals(2, Files.readString(tmp.resolve("a.trainings")).lines().count(), "a new jar: trained again");

        Run off = launch(jdk, Map.of("SPARROW_AOT", "0"), null, "--version");
        assertFalse(off.args.stream().anyMatch(s -> s.startsWith("-XX:AOTCache")), off.toString());
    }

    @Test
    void sparrowJavaOptsComeAfterTheLaunchersFlagsAndACollectorThereReplacesItsOwn() throws Exception {
        Path jdk = fakeJdk("a", "25");
        Run plain = launch(jdk, null, "info", "x.mtx");
        assertTrue(plain.args.contains("-XX:+UseParallelGC"), plain.toString());
        int jar = plain.args.indexOf("-jar");
        assertEquals(List.of("info", "x.mtx"), plain.args.subList(jar + 2, plain.args.size()));

        Run opts = launch(jdk, Map.of("SPARROW_JAVA_OPTS", "-Xmx1g -XX:+UseG1GC -Xmx768m"), null, "info", "x.mtx");
        assertFalse(opts.args.contains("-XX:+UseParallelGC"), "two collectors would stop the JVM: " + opts);
        int g1 = opts.args.indexOf("-XX:+UseG1GC");
        assertTrue(g1 > opts.args.indexOf("-Djdk.console=java.base") && g1 < opts.args.indexOf("-jar"), opts.toString());

        // The real JDK running this test, on the flags the launcher chose: SPARROW_JAVA_OPTS wins.
        List<String> real = new ArrayList<>();
        real.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String s : opts.args.subList(0, opts.args.indexOf("-jar"))) {
            if (!s.startsWith("-XX:AOT") && !s.startsWith("-Xlog:")) { // the fake JDK's cache is no cache
                real.add(s);
            }
        }
        real.add("-XX:+PrintFlagsFinal");
        real.add("-version");
        Process p = new ProcessBuilder(real).redirectErrorStream(true).start();
        String flags = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, flags);
        assertTrue(flags.matches("(?s).*\\bUseG1GC\\s+= true.*"), flags);
        assertTrue(flags.matches("(?s).*\\bUseParallelGC\\s+= false.*"), flags);
        assertTrue(flags.matches("(?s).*\\bMaxHeapSize\\s+= " + (768L << 20) + "\\b.*"), "the last -Xmx wins");
    }

    /** One launcher run: exit code, stderr, and what the fake JDK printed (its name, then its arguments). */
    private record Run(int exitCode, String jdkLine, List<String> args, String err) {
        String jdk() {
            return jdkLine.startsWith("jdk=") ? jdkLine.substring(4) : "";
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", " + jdkLine + ", args " + args + ", stderr: " + err;
        }
    }

    private Run launch(Path javaHome, List<Path> pathJdks, String... args) throws IOException, InterruptedException {
        return launch(javaHome, Map.of(), pathJdks, args);
    }

    private Run launch(Path javaHome, Map<String, String> env, List<Path> pathJdks, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve("sparrow").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        Map<String, String> e = pb.environment();
        StringBuilder path = new StringBuilder(bin.toString());
        for (Path jdk : pathJdks == null ? List.<Path>of() : pathJdks) {
            path.append(':').append(jdk.resolve("bin"));
        }
        e.put("PATH", path + ":/usr/local/bin:/usr/bin:/bin");
        e.remove("JAVA_HOME");
        e.remove("SPARROW_JAVA_OPTS");
        e.remove("SPARROW_AOT");
        if (javaHome != null) {
            e.put("JAVA_HOME", javaHome.toString());
        }
        e.put("SPARROW_JVM_DIR", noJvms.toString());
        e.putAll(new HashMap<>(env));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        List<String> lines = Files.readAllLines(out);
        String first = lines.isEmpty() ? "" : lines.get(0);
        List<String> rest = lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
        return new Run(p.exitValue(), first, List.copyOf(rest), Files.readString(err));
    }

    /** A fake JDK {@code name}: a release file and a bin/java that prints its name and arguments. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = tmp.resolve("jdk-" + name);
        write(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n", false);
        write(home.resolve("lib/modules"), "", false);
        write(home.resolve("bin/java"), """
                #!/usr/bin/env bash
                for a in "$@"; do
                    case "$a" in
                        -XX:AOTCacheOutput=*) printf 'cache' > "${a#-XX:AOTCacheOutput=}"; echo trained >> "%s"; exit 0 ;;
                    esac
                done
                echo "jdk=%s"
                printf '%%s\\n' "$@"
                """.formatted(tmp.resolve(name + ".trainings"), name), true);
        return home;
    }

    private int builds() throws IOException {
        Path log = repo.resolve("builds.log");
        return Files.exists(log) ? (int) Files.readString(log).lines().count() : 0;
    }

    /** Appends a line to a file, a little after the last launcher run (file times have a coarse clock). */
    private static void edit(Path file) throws IOException, InterruptedException {
        Thread.sleep(20);
        Files.writeString(file, "// edited\n", StandardOpenOption.APPEND);
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + String.join(" ", args) + ": " + out);
    }

    private static void write(Path file, String text, boolean executable) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        if (executable) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The launcher at the repository root: this module's folder is interop/cli. */
    private static Path findLauncher() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("sparrow")) && Files.isDirectory(d.resolve("interop"))) {
                return d.resolve("sparrow");
            }
        }
        return null;
    }
}
