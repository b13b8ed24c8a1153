package org.sparrow.benchmarks.structured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.structured.LowRankMatrix;
import org.sparrow.core.structured.MonarchMatrix;

class StructuredStudyTest {

    @Test
    void densifyByTheIndexConventionEqualsTheLibrarysDenseForm() {
        for (int[] shape : new int[][] {{16, 16, 4}, {9, 9, 3}, {12, 8, 4}, {6, 15, 3}}) {
            MonarchMatrix m = MonarchMatrix.random(shape[0], shape[1], shape[2], 7);
            assertArrayEquals(m.toDense().data(), MonarchStudy.densify(m), 1e-15, java.util.Arrays.toString(shape));
        }
    }

    @Test
    void monarchRelativeErrorIsZeroOnItsOwnDenseFormAndMatchesADenseComputationOtherwise() {
        MonarchMatrix m = MonarchMatrix.random(25, 25, 5, 3);
        double[] a = MonarchStudy.densify(m);
        assertEquals(0.0, MonarchStudy.relativeError(a, m), 0.0);
        double[] other = a.clone();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < other.length; i++) {
            other[i] += r.nextGaussian();
        }
        double[] md = m.toDense().data();
        double d = 0;
        double n = 0;
        for (int i = 0; i < other.length; i++) {
            d += (other[i] - md[i]) * (other[i] - md[i]);
            n += other[i] * other[i];
        }
        assertEquals(Math.sqrt(d / n), MonarchStudy.relativeError(other, m), 1e-14);
    }

    @Test
    void monarchSizesMustBeSquares() {
        assertEquals(32, MonarchStudy.blocksFor(1024));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MonarchStudy.blocksFor(1000));
        assertTrue(e.getMessage().contains("n = 1000"), e.getMessage());
    }

    @Test
    void completionProblemObservesExactlyOmegaDistinctEntriesOfUTimesVTransposed() {
        CompletionProblem p = CompletionProblem.generate(40, 30, 3, 3, 2, 11);
        long expected = Math.round(2 * 30 * 3 * Math.log(30));
        assertEquals(expected, p.omega());
        CooMatrix o = p.observed();
        Set<Long> seen = new HashSet<>();
        for (int e = 0; e < o.nnz(); e++) {
            int i = o.rowIndices()[e];
            int j = o.columnIndices()[e];
            assertTrue(seen.add((long) i * 30 + j), "duplicate entry");
            double mv = 0;
            for (int t = 0; t < 3; t++) {
                mv += p.u()[i * 3 + t] * p.v()[j * 3 + t];
            }
            assertEquals(mv, o.values()[e], 1e-12);
        }
        // |Ω| is capped at m·n
        assertEquals(20 * 20, CompletionProblem.generate(20, 20, 5, 5, 100, 1).omega());
    }

    @Test
    void completionRelativeErrorMatchesADenseComputation() {
        CompletionProblem p = CompletionProblem.generate(17, 13, 2, 2, 1, 5);
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        double[] x = new double[17 * 3];
        double[] y = new double[13 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
        double[] s = {2.0, 0.5, -1.0};
        double d = 0;
        double n = 0;
        for (int i = 0; i < 17; i++) {
            for (int j = 0; j < 13; j++) {
                double mv = p.u()[2 * i] * p.v()[2 * j] + p.u()[2 * i + 1] * p.v()[2 * j + 1];
                double ev = 0;
                for (int t = 0; t < 3; t++) {
                    ev += x[3 * i + t] * s[t] * y[3 * j + t];
                }
                d += (mv - ev) * (mv - ev);
                n += mv * mv;
            }
        }
        assertEquals(Math.sqrt(d / n), p.relativeError(new DenseMatrix(17, 3, x), s, new DenseMatrix(13, 3, y)), 1e-13);
        // the exact factors have no error
        assertEquals(0.0, p.relativeError(new DenseMatrix(17, 2, p.u()), new double[] {1, 1},
                new DenseMatrix(13, 2, p.v())), 1e-15);
    }

    @Test
    void hardImputeRecoversALowRankMatrixFromHalfOfItsEntries() {
        CompletionProblem p = CompletionProblem.generate(60, 50, 2, 2, 4, 21);
        assertTrue(p.density() > 0.4 && p.density() < 0.6, "density " + p.density());
        HardImpute.Result r = HardImpute.run(p.observed().toCsr(), 2, 500, 1e-12, 3);
        LowRankMatrix l = r.estimate();
        double err = p.relativeError(l.u(), l.s(), l.v());
        assertTrue(err < 1e-6, "hard-impute error " + err + " after " + r.iterations() + " iterations");
        // one iteration is the rank-2 SVD of the zero-filled matrix: about half of M, far from it
        HardImpute.Result one = HardImpute.run(p.observed().toCsr(), 2, 1, 1e-12, 3);
        assertTrue(p.relativeError(one.estimate().u(), one.estimate().s(), one.estimate().v()) > 0.1);
    }

    @Test
    void growthPerDoublingIsTwoForLinearAndFourForQuadraticTimes() {
        List<CompletionStudy.Row> linear = new ArrayList<>();
        List<CompletionStudy.Row> quadratic = new ArrayList<>();
        for (int k : new int[] {5, 10, 20, 40, 80, 100}) {
            linear.add(row(k, 0.01 * k));
            quadratic.add(row(k, 0.001 * k * k));
        }
        assertEquals(2.0, CompletionStudy.growthPerDoubling(linear, 10, 100), 1e-12);
        assertEquals(4.0, CompletionStudy.growthPerDoubling(quadratic, 10, 100), 1e-12);
        assertTrue(Double.isNaN(CompletionStudy.growthPerDoubling(linear, 200, 300)));
    }

    @Test
    void speedupGrowthIsMeasuredPerFourfoldSize() {
        List<MonarchStudy.MultiplyRow> rows = new ArrayList<>();
        int[] ns = {256, 1024, 4096};
        for (int i = 0; i < ns.length; i++) {
            rows.add(mult(ns[i], "monarch", 1.0));
            rows.add(mult(ns[i], "dense", 3.0 * Math.pow(2, i)));
        }
        assertEquals(12.0, StructuredReport.speedup(rows, 4096, 1, "dense"), 1e-12);
        assertEquals(2.0, StructuredReport.growth(rows, 1, "dense"), 1e-12);
        assertTrue(Double.isNaN(StructuredReport.speedup(rows, 4096, 1, "ejml")));
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructuredSuite.settings(StructuredSuite.ARGS.parse("--sizes", "256,1000")));
        assertTrue(e.getMessage().contains("n = 1000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StructuredSuite.settings(StructuredSuite.ARGS.parse("--parts", "monarch")));
        assertTrue(e.getMessage().contains("'monarch'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StructuredSuite.settings(StructuredSuite.ARGS.parse("--k-size", "50", "--ranks", "5,60")));
        assertTrue(e.getMessage().contains("rank 60"), e.getMessage());
        StructuredSuite.Settings q = StructuredSuite.settings(StructuredSuite.ARGS.parse("--quick"));
        assertTrue(q.quick() && q.runs("k-sweep") && q.runs("multiply"));
    }

    private static CompletionStudy.Row row(int k, double secondsPerIteration) {
        return new CompletionStudy.Row("k-sweep", 100, 100, k, 1, 100, 1000, "am", "converged", 3,
                secondsPerIteration, 3 * secondsPerIteration, 1e-12, 1e-12, 0, 0, "");
    }

    private static MonarchStudy.MultiplyRow mult(int n, String impl, double seconds) {
        return new MonarchStudy.MultiplyRow(n, (int) Math.sqrt(n), 1, impl, "ok", seconds, seconds, 5, false, 0);
    }
}
