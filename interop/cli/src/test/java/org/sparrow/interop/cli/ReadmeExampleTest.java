package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.Matrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;
import org.sparrow.solvers.AutoSolver;

/** The Java example in the repository's README.md compiles and runs exactly as written there. */
class ReadmeExampleTest {

    private static final String EXAMPLE_IN = "\"examples/bcsstk01.mtx\"";
    private static final String EXAMPLE_OUT = "\"bcsstk01-lower.mtx.gz\"";

    @TempDir
    Path tmp;

    @Test
    void readmeJavaExampleCompilesAndRuns() throws Exception {
        Path readme = TestData.tracked("README.md");
        Matcher m = Pattern.compile("(?s)```java\\R(.*?)```").matcher(Files.readString(readme));
        assertTrue(m.find(), "README.md has a ```java block");
        String block = m.group(1);
        assertTrue(block.contains(EXAMPLE_IN) && block.contains(EXAMPLE_OUT),
                "the example reads " + EXAMPLE_IN + " and writes " + EXAMPLE_OUT);

        // The block as written, with its two file names pointed at the real example and a temp file.
        Path out = tmp.resolve("bcsstk01-lower.mtx.gz");
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\\R")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String code = body.toString()
                .replace(EXAMPLE_IN, javaString(TestData.example().toString()))
                .replace(EXAMPLE_OUT, javaString(out.toString()));
        Path src = tmp.resolve("src/ReadmeExample.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, imports + "\npublic class ReadmeExample {\n"
                + "    public static void main(String[] args) throws Exception {\n" + code + "    }\n}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        // sparrow-core and sparrow-solvers: all the example uses
        String classpath = codeSource(Matrix.class) + java.io.File.pathSeparator + codeSource(AutoSolver.class);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", classes.toString(), "-cp", classpath, src.toString());
        assertEquals(0, rc, () -> "README example does not compile:\n" + errors.toString(StandardCharsets.UTF_8)
                + "\n" + src);

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("ReadmeExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("48×48") && text.contains("symmetric true"), text);
        assertTrue(text.contains("converged: relative residual") && text.contains("cg + ic0, because"), text);
        assertEquals(Symmetry.SYMMETRIC, MatrixMarket.readHeader(out).symmetry());
        assertEquals(MatrixMarket.readCsr(TestData.example()), MatrixMarket.readCsr(out));
    }

    private static String codeSource(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String javaString(String s) {
        List<String> parts = new ArrayList<>();
        for (char ch : s.toCharArray()) {
            parts.add(ch == '\\' || ch == '"' ? "\\" + ch : String.valueOf(ch));
        }
        return "\"" + String.join("", parts) + "\"";
    }
}
