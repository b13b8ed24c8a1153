package org.sparrow.benchmarks.sbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OracleLeastSquaresTest {

    @Test
    void oracleRecoversANoiselessSignalExactly() {
        SblProblem p = SblProblem.generate(SblProblem.Setup.paperDefault().withSnrDb(300).withK(4), 21);
        double[] x = OracleLeastSquares.solve(p);
        assertTrue(SblMetrics.nmse(x, p.x()) < 1e-20, "NMSE " + SblMetrics.nmse(x, p.x()));
        assertEquals(1.0, SblMetrics.supportRecovery(x, p.support()));
    }

    @Test
    void oracleErrorFallsWithTheSnrAsTheNoiseVarianceDoes() {
        double lo = 0;
        double hi = 0;
        for (int t = 0; t < 10; t++) {
            lo += SblMetrics.nmse(OracleLeastSquares.solve(SblProblem.generate(SblProblem.Setup.paperDefault().withSnrDb(5), t)),
                    SblProblem.generate(SblProblem.Setup.paperDefault().withSnrDb(5), t).x());
            hi += SblMetrics.nmse(OracleLeastSquares.solve(SblProblem.generate(SblProblem.Setup.paperDefault().withSnrDb(25), t)),
                    SblProblem.generate(SblProblem.Setup.paperDefault().withSnrDb(25), t).x());
        }
        // The same draws with the noise scaled by 10^(−20/20): the LS error scales by exactly 10^(−2).
        assertEquals(100.0, lo / hi, 1e-6 * 100);
    }
}
