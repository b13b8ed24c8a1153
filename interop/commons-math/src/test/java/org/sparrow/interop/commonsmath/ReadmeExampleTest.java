package org.sparrow.interop.commonsmath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.OpenMapRealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Cg;

/** The README's "replace Commons Math's solver by Sparrow's" lines, compiled and run as written there. */
class ReadmeExampleTest {

    /** The README's lines: A and b are the caller's Commons Math objects. */
    static RealVector solve(OpenMapRealMatrix A, RealVector b) {
        // --- README begin
        CsrMatrix a = CommonsMath.toCsr(A);                              // O(nnz) copy
        SolverResult r = Cg.solve(a, CommonsMath.toArray(b), null, SolverOptions.defaults());
        RealVector x = CommonsMath.toRealVector(r.solution());           // zero-copy
        // --- README end
        return x;
    }

    @Test
    void readmeLinesSolveACommonsMathSystem() {
        CsrMatrix p = Generators.poisson2d(8);
        double[] ones = new double[p.rows()];
        Arrays.fill(ones, 1.0);
        RealVector x = solve(CommonsMath.toOpenMapRealMatrix(p), new ArrayRealVector(p.apply(ones)));
        for (int i = 0; i < ones.length; i++) {
            assertEquals(1.0, x.getEntry(i), 1e-6);
        }
    }
}
