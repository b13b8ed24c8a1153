package org.sparrow.interop.mtj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import no.uib.cipr.matrix.DenseVector;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Cg;

/** The README's "replace MTJ's solver by Sparrow's" lines, compiled and run as written there. */
class ReadmeExampleTest {

    /** The README's lines: A and b are the caller's MTJ objects. */
    static DenseVector solve(CompRowMatrix A, DenseVector b) {
        // --- README begin
        CsrMatrix a = Mtj.toCsr(A);                                     // zero-copy
        SolverResult r = Cg.solve(a, Mtj.toArray(b), null, SolverOptions.defaults());
        DenseVector x = Mtj.toDenseVector(r.solution());                // zero-copy
        // --- README end
        return x;
    }

    @Test
    void readmeLinesSolveAnMtjSystem() {
        CsrMatrix p = Generators.poisson2d(8);
        CompRowMatrix A = Mtj.toCompRowMatrix(p);
        double[] ones = new double[p.rows()];
        java.util.Arrays.fill(ones, 1.0);
        DenseVector b = Mtj.toDenseVector(p.apply(ones));
        DenseVector x = solve(A, b);
        for (int i = 0; i < ones.length; i++) {
            assertEquals(1.0, x.get(i), 1e-6);
        }
    }

    @Test
    void readmeShowsExactlyTheseLines() throws IOException {
        // Surefire runs in the module's folder.
        String readme = Files.readString(Path.of("README.md"));
        String source = Files.readString(Path.of("src/test/java/org/sparrow/interop/mtj/ReadmeExampleTest.java"));
        Matcher block = Pattern.compile("(?s)```java\\R(.*?)```").matcher(readme);
        assertTrue(block.find(), "README.md has a ```java block");
        Matcher lines = Pattern.compile("(?s)// --- README begin\\R(.*?)\\R\\s*// --- README end").matcher(source);
        assertTrue(lines.find(), "this test marks the README's lines");
        List<String> shown = block.group(1).strip().lines().map(String::strip).toList();
        List<String> run = lines.group(1).strip().lines().map(String::strip).toList();
        assertEquals(run, shown, "README.md's example and the lines this test runs");
        assertTrue(shown.size() <= 5, "the example fits in five lines");
    }
}
