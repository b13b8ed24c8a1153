package org.sparrow.interop.hipparchus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.OpenMapRealMatrix;
import org.hipparchus.linear.RealVector;
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

/** The README's "replace Hipparchus's solver by Sparrow's" lines, compiled and run as written there. */
class ReadmeExampleTest {

    /** The README's lines: A and b are the caller's Hipparchus objects. */
    static RealVector solve(OpenMapRealMatrix A, RealVector b) {
        // --- README begin
        CsrMatrix a = Hipparchus.toCsr(A);                              // O(nnz) copy
        SolverResult r = Cg.solve(a, Hipparchus.toArray(b), null, SolverOptions.defaults());
        RealVector x = Hipparchus.toRealVector(r.solution());           // zero-copy
        // --- README end
        return x;
    }

    @Test
    void readmeLinesSolveAHipparchusSystem() {
        CsrMatrix p = Generators.poisson2d(8);
        double[] ones = new double[p.rows()];
        Arrays.fill(ones, 1.0);
        RealVector x = solve(Hipparchus.toOpenMapRealMatrix(p), new ArrayRealVector(p.apply(ones)));
        for (int i = 0; i < ones.length; i++) {
            assertEquals(1.0, x.getEntry(i), 1e-6);
        }
    }

    @Test
    void readmeShowsExactlyTheseLines() throws IOException {
        // Surefire runs in the module's folder.
        String readme = Files.readString(Path.of("README.md"));
        String source = Files.readString(Path.of("src/test/java/org/sparrow/interop/hipparchus/ReadmeExampleTest.java"));
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
