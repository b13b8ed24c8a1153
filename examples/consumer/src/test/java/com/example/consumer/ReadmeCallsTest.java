package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "five calls" block of Sparrow's README ("Use Sparrow in your project") compiles against the installed
 * artifacts this project depends on, and runs, exactly as written there.
 */
class ReadmeCallsTest {

    /** Sparrow's repository root, two levels up from this project. */
    private static final Path ROOT = Path.of("..", "..");

    @TempDir
    Path tmp;

    @Test
    void readmeFiveCallsCompileAndRunAgainstTheInstalledArtifacts() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("## Use Sparrow in your project");
        assertTrue(section >= 0, "README.md has the section \"Use Sparrow in your project\"");
        Matcher m = Pattern.compile("(?s)```java\\R(.*?)```").matcher(readme);
        assertTrue(m.find(section), "the section has a ```java block");
        String block = m.group(1);

        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\\R")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        // The block's paths are relative to the repository root; this test runs in examples/consumer.
        String code = body.toString().replace("Path.of(\"examples/", "Path.of(\"../");
        Path src = tmp.resolve("src/FiveCalls.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, imports + "\npublic class FiveCalls {\n"
                + "    public static void main(String[] args) throws Exception {\n" + code + "    }\n}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        // The jars this project resolved: Sparrow's core, solvers, sketching and EJML adapter, and EJML.
        String classpath = Stream.of(org.sparrow.core.CsrMatrix.class, org.sparrow.solvers.AutoSolver.class,
                        org.sparrow.sketching.lstsq.LeastSquares.class, org.sparrow.interop.ejml.Ejml.class,
                        org.ejml.data.DMatrixSparseCSC.class)
                .map(ReadmeCallsTest::codeSource).collect(Collectors.joining(File.pathSeparator));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", classes.toString(), "-cp", classpath, src.toString());
        assertEquals(0, rc, () -> "the README block does not compile:\n" + errors.toString(StandardCharsets.UTF_8));

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("FiveCalls").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        String[] lines = out.split("\\R");
        assertEquals(3, lines.length, out);
        assertTrue(lines[0].startsWith("converged: "), out);
        assertTrue(lines[1].startsWith("sketch-precondition (srht, m = ") && !lines[1].contains("not converged"), out);
        assertTrue(lines[2].endsWith("EJML round trip equal: true"), out);
    }

    private static String codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
