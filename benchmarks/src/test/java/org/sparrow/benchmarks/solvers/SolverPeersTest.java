package org.sparrow.benchmarks.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import no.uib.cipr.matrix.sparse.CompRowMatrix;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;

class SolverPeersTest {

    private static double maxError(double[] x) {
        double e = 0;
        for (double v : x) {
            e = Math.max(e, Math.abs(v - 1.0));
        }
        return e;
    }

    @Test
    void mtjAndCommonsMathPeersSolveAPoissonSystemToItsKnownSolution() {
        CsrMatrix a = Generators.poisson2d(12);
        double[] ones = new double[a.rows()];
        java.util.Arrays.fill(ones, 1.0);
        double[] b = a.apply(ones);
        CompRowMatrix m = SolverPeers.mtjMatrix(a);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                assertEquals(a.get(i, j), m.get(i, j), 0.0);
            }
        }
        for (String p : new String[] {"none", "jacobi", "ilu0", "ic0"}) {
            SolverPeers.Outcome o = SolverPeers.mtj(m, b, "cg", p, 1e-10, 1000, 30);
            assertTrue(o.converged(), "MTJ CG " + p + ": " + o.note());
            assertTrue(maxError(o.x()) < 1e-7, "MTJ CG " + p + " error " + maxError(o.x()));
        }
        for (String p : new String[] {"none", "jacobi"}) {
            SolverPeers.Outcome o = SolverPeers.commonsCg(a, b, p, 1e-10, 1000);
            assertTrue(o.converged(), "Commons Math CG " + p + ": " + o.note());
            assertTrue(maxError(o.x()) < 1e-7, "Commons Math CG " + p + " error " + maxError(o.x()));
        }
        // Unpreconditioned CG in exact arithmetic takes as many steps on both; in floating point within one or two.
        int mtjIt = SolverPeers.mtj(m, b, "cg", "none", 1e-10, 1000, 30).iterations();
        int cmIt = SolverPeers.commonsCg(a, b, "none", 1e-10, 1000).iterations();
        assertTrue(Math.abs(mtjIt - cmIt) <= 3, "MTJ " + mtjIt + " and Commons Math " + cmIt + " CG iterations");
    }
}
