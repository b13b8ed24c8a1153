package org.sparrow.benchmarks.sbl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparrow.core.DenseMatrix;

class SblProblemTest {

    private static final SblProblem.Setup DEF = SblProblem.Setup.paperDefault();

    /** A[(r1·M2+r2)·M3+r3, (i1·N2+i2)·N3+i3] = A1[r1,i1]·A2[r2,i2]·A3[r3,i3], by the definition, entry by entry. */
    private static double[][] denseKron(SblProblem p) {
        DenseMatrix a1 = p.factors().get(0);
        DenseMatrix a2 = p.factors().get(1);
        DenseMatrix a3 = p.factors().get(2);
        double[][] a = new double[a1.rows() * a2.rows() * a3.rows()][a1.cols() * a2.cols() * a3.cols()];
        for (int r1 = 0; r1 < a1.rows(); r1++) {
            for (int r2 = 0; r2 < a2.rows(); r2++) {
                for (int r3 = 0; r3 < a3.rows(); r3++) {
                    for (int i1 = 0; i1 < a1.cols(); i1++) {
                        for (int i2 = 0; i2 < a2.cols(); i2++) {
                            for (int i3 = 0; i3 < a3.cols(); i3++) {
                                a[(r1 * a2.rows() + r2) * a3.rows() + r3][(i1 * a2.cols() + i2) * a3.cols() + i3] =
                                        a1.get(r1, i1) * a2.get(r2, i2) * a3.get(r3, i3);
                            }
                        }
                    }
                }
            }
        }
        return a;
    }

    private static double[] times(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += a[i][j] * x[j];
            }
        }
        return y;
    }

    private static int nonzeros(double[] v) {
        return (int) Arrays.stream(v).filter(d -> d != 0).count();
    }

    @Test
    void theSameSeedGivesTheSameTrialAndAnotherSeedAnother() {
        SblProblem a = SblProblem.generate(DEF, 7);
        SblProblem b = SblProblem.generate(DEF, 7);
        SblProblem c = SblProblem.generate(DEF, 8);
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.factors().get(2).data(), b.factors().get(2).data());
        assertNotEquals(Arrays.toString(a.y()), Arrays.toString(c.y()));
        assertNotEquals(SblProblem.trialSeed(1, 0), SblProblem.trialSeed(1, 1));
    }

    @Test
    void eachFactorSignalIsKSparseAndXIsTheirKroneckerProduct() {
        for (int k = 2; k <= 6; k++) {
            SblProblem p = SblProblem.generate(DEF.withK(k), 100 + k);
            for (double[] xf : p.factorSignals()) {
                assertEquals(15, xf.length);
                assertEquals(k, nonzeros(xf));
            }
            assertEquals(3375, p.x().length);
            assertEquals(k * k * k, nonzeros(p.x()));
            assertEquals(k * k * k, p.support().length);
            double[] x1 = p.factorSignals().get(0);
            double[] x2 = p.factorSignals().get(1);
            double[] x3 = p.factorSignals().get(2);
            for (int i1 = 0; i1 < 15; i1++) {
                for (int i2 = 0; i2 < 15; i2++) {
                    for (int i3 = 0; i3 < 15; i3++) {
                        assertEquals(x1[i1] * x2[i2] * x3[i3], p.x()[(i1 * 15 + i2) * 15 + i3], 0.0);
                    }
                }
            }
        }
    }

    @Test
    void measurementsAreTheDenseKroneckerProductTimesXPlusNoiseAtTheRequestedSnr() {
        for (double snr : new double[] {5, 25}) {
            SblProblem p = SblProblem.generate(DEF.withSnrDb(snr), 3);
            double[][] a = denseKron(p);
            assertEquals(1440, a.length);
            double[] clean = times(a, p.x());
            double signal = 0;
            double noise = 0;
            for (int i = 0; i < clean.length; i++) {
                signal += clean[i] * clean[i];
                double n = p.y()[i] - clean[i];
                noise += n * n;
            }
            // σ² is set from the clean power; the drawn noise power over 1440 samples is within a few percent of it.
            assertEquals(signal / 1440 / Math.pow(10, snr / 10), p.noiseVariance(), 1e-12 * signal);
            assertEquals(snr, 10 * Math.log10(signal / noise), 0.5);
            assertArrayEquals(clean, p.cleanMeasurements(), 1e-9 * Math.sqrt(signal));
        }
    }

    @Test
    void denseColumnsAreTheColumnsOfTheKroneckerProduct() {
        SblProblem p = SblProblem.generate(new SblProblem.Setup(4, 3, 2, 5, 2, 20, false), 11);
        double[][] a = denseKron(p);
        int[] cols = {0, 7, 13, 63, 30};
        DenseMatrix c = p.columns(cols);
        assertEquals(30, c.rows());
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                assertEquals(a[i][cols[j]], c.get(i, j), 0.0);
            }
        }
        assertEquals(64, p.dense().cols());
    }

    @Test
    void theM1SweepUsesTheFirstRowsOfOneDrawOfA1() {
        SblProblem six = SblProblem.generate(DEF.withM1(6), 5);
        SblProblem fourteen = SblProblem.generate(DEF.withM1(14), 5);
        assertEquals(6, six.factors().get(0).rows());
        assertArrayEquals(six.factors().get(0).data(), Arrays.copyOf(fourteen.factors().get(0).data(), 6 * 15));
        assertArrayEquals(six.factors().get(1).data(), fourteen.factors().get(1).data());
        assertArrayEquals(six.x(), fourteen.x());
    }

    @Test
    void blockSparseFactorsHoldClustersOfThreeAdjacentNonzeros() {
        for (int seed = 0; seed < 20; seed++) {
            SblProblem p = SblProblem.generate(DEF.withBlock(true).withK(seed % 2 == 0 ? 3 : 6), seed);
            int k = p.setup().k();
            for (int f = 0; f < 2; f++) {
                double[] xf = p.factorSignals().get(f);
                assertEquals(k, nonzeros(xf));
                int run = 0;
                for (int i = 0; i <= xf.length; i++) {
                    if (i < xf.length && xf[i] != 0) {
                        run++;
                    } else {
                        assertTrue(run == 0 || run == 3, "a run of " + run + " nonzeros in factor " + (f + 1));
                        run = 0;
                    }
                }
            }
            assertEquals(k, nonzeros(p.factorSignals().get(2)));
        }
    }

    @Test
    void theSizeSweepKeepsTheDefaultRatiosAndReachesTheDefaultAtFifteen() {
        assertEquals(DEF, DEF.withSize(15));
        SblProblem.Setup six = DEF.withSize(6);
        assertEquals(new SblProblem.Setup(6, 4, 5, 6, 3, 25, false), six);
        assertEquals(216, six.cols());
    }

    @Test
    void badSetupsAreRefusedWithTheValueThatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEF.withK(16));
        assertTrue(e.getMessage().contains("16"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DEF.withBlock(true).withK(4));
        assertThrows(IllegalArgumentException.class, () -> DEF.withSnrDb(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DEF.withM1(0));
    }
}
