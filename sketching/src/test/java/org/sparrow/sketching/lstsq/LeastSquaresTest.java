package org.sparrow.sketching.lstsq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Submatrix;
import org.sparrow.sketching.Sketch;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.SketchableOperator;
import org.sparrow.sketching.Sketches;

class LeastSquaresTest {

    private static final LeastSquaresOptions GAUSS = LeastSquaresOptions.defaults().withSketch(SketchKind.GAUSSIAN);

    private static LeastSquaresOptions opts(LeastSquaresMethod m) {
        return GAUSS.withMethod(m);
    }

    /** The relative difference |p − q|/|q|. */
    private static double rel(double p, double q) {
        return Math.abs(p - q) / Math.abs(q);
    }

    @Test
    void qrRecoversTheKnownSolutionOfAWellConditionedProblem() {
        Problems.Known k = Problems.known(300, 17, 10.0, 0.5, 1);
        LeastSquaresResult r = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.QR));
        assertTrue(r.converged());
        assertNull(r.sketch());
        assertTrue(Problems.norm(Problems.minus(r.solution(), k.x())) <= 1e-13, "forward error");
        assertTrue(rel(r.residuals().norm(), k.residual()) <= 1e-13, "residual " + r.residuals().norm());
        assertTrue(r.normalResidual() <= 1e-14, "normal residual " + r.normalResidual());
        // ‖A†‖ = 1/σ_min = cond for σ from 1 to 1/cond
        assertTrue(rel(r.linf().pinvNormEstimate(), 10.0) <= 1e-12, "pinv " + r.linf().pinvNormEstimate());
        assertTrue(Double.isNaN(r.linf().bound()));
        assertEquals(17, r.rank());
    }

    @Test
    void lsqrMatchesTheKnownSolutionOfAWellConditionedProblem() {
        Problems.Known k = Problems.known(300, 17, 10.0, 0.5, 2);
        LeastSquaresResult r = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.LSQR));
        assertTrue(r.converged(), r.verdict());
        assertTrue(r.iterations() > 0);
        assertTrue(Problems.norm(Problems.minus(r.solution(), k.x())) <= 1e-10, r.verdict());
        assertTrue(r.normalResidual() <= 1e-12, r.verdict());
    }

    /*
     * What "full precision" can mean at cond(A) = 1e10. A backward-stable solver's forward error is about
     * cond·eps + cond²·eps·‖r‖/(‖A‖‖x‖) ≥ 1e-6 here, so two correct solvers' x may differ by 1e-6 and
     * comparing x against QR's would test rounding, not the solver. What both must agree on to ~1e-12 are
     * (1) the minimum residual norm ‖Ax − b‖ (first-order insensitive to errors in x; here known in closed
     * form, ρ, and also compared with QR's) and (2) the normal-equation residual ‖Aᵀr‖/(‖A‖_F·‖r‖) (zero
     * at the optimum, O(eps) for a backward-stable solver). The forward error is checked where it is
     * meaningful: at cond = 1.
     */
    @Test
    void sketchPreconditionReachesQrAccuracyInBoundedIterationsUpToCond1e10() {
        int n = 2000;
        int d = 50;
        List<String> report = new ArrayList<>();
        int minIt = Integer.MAX_VALUE;
        int maxIt = 0;
        for (int e = 0; e <= 10; e += 2) {
            double cond = Math.pow(10, e);
            Problems.Known k = Problems.known(n, d, cond, 0.1, 100 + e);
            LeastSquaresResult qr = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.QR));
            LeastSquaresResult sp = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.SKETCH_PRECONDITION));
            report.add(String.format("cond 1e%d: %d iterations, ‖r‖ rel diff vs QR %.1e, normal %.1e (QR %.1e), fwd %.1e (QR %.1e)",
                    e, sp.iterations(), rel(sp.residuals().norm(), qr.residuals().norm()), sp.normalResidual(), qr.normalResidual(),
                    Problems.norm(Problems.minus(sp.solution(), k.x())), Problems.norm(Problems.minus(qr.solution(), k.x()))));
            assertTrue(sp.converged(), sp.verdict());
            assertEquals(SketchKind.GAUSSIAN, sp.sketch().kind());
            assertEquals(4 * d, sp.sketch().rows());
            assertEquals(d, sp.rank());
            assertTrue(rel(sp.residuals().norm(), qr.residuals().norm()) <= 1e-12, "cond 1e" + e + ": " + sp.verdict());
            assertTrue(rel(sp.residuals().norm(), k.residual()) <= 1e-12, "cond 1e" + e + ": " + sp.verdict());
            assertTrue(sp.normalResidual() <= 1e-12, "cond 1e" + e + ": " + sp.verdict());
            if (cond == 1) {
                // x − x* = (AᵀA)⁻¹Aᵀr, so ‖x − x*‖ ≤ ‖A†‖²·normal·‖A‖_F·‖r‖ ≈ 1e-12·7·0.1 here
                assertTrue(Problems.norm(Problems.minus(sp.solution(), k.x())) <= 1e-11, sp.verdict());
            }
            // the sketch's ‖A†‖ is within a constant factor of the truth (1 ± √(d/m) for a Gaussian sketch)
            assertTrue(sp.linf().pinvNormEstimate() / cond > 0.4 && sp.linf().pinvNormEstimate() / cond < 2.5, sp.verdict());
            minIt = Math.min(minIt, sp.iterations());
            maxIt = Math.max(maxIt, sp.iterations());
        }
        System.out.println(String.join("\n", report));
        assertTrue(maxIt <= 80, "iterations " + report);
        assertTrue(maxIt <= 2 * minIt + 5, "iterations should not grow with cond(A): " + report);
    }

    @Test
    void plainLsqrNeedsFarMoreIterationsThanThePreconditionedSolve() {
        Problems.Known k = Problems.known(2000, 50, 1e4, 0.1, 7);
        LeastSquaresResult plain = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.LSQR).withRelativeTolerance(1e-10));
        LeastSquaresResult sp = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.SKETCH_PRECONDITION).withRelativeTolerance(1e-10));
        System.out.println("cond 1e4: plain LSQR " + plain.iterations() + " iterations (" + plain.converged()
                + "), sketch-precondition " + sp.iterations());
        assertTrue(sp.converged());
        assertTrue(plain.iterations() > 3 * sp.iterations(), plain.verdict() + " vs " + sp.verdict());
    }

    @Test
    void aConvergedFlagIsNeverClaimedWhenTheIterationLimitCutsTheSolveShort() {
        Problems.Known k = Problems.known(2000, 50, 1e10, 0.1, 8);
        LeastSquaresResult sp = LeastSquares.solve(k.a(), k.b(),
                opts(LeastSquaresMethod.SKETCH_PRECONDITION).withMaxIterations(2));
        assertFalse(sp.converged());
        assertTrue(sp.iterations() <= 2);
        assertTrue(sp.normalResidual() > sp.normalResidual() * 0 + 1e-12, sp.verdict());
        assertTrue(sp.detail().contains("max iterations"), sp.detail());
        LeastSquaresResult plain = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.LSQR).withMaxIterations(20));
        assertFalse(plain.converged());
        assertFalse(plain.detail().isEmpty());
    }

    @Test
    void sketchPreconditionOverEveryAvailableSketchKind() {
        Problems.Known k = Problems.known(1500, 30, 1e8, 0.1, 9);
        LeastSquaresResult qr = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.QR));
        int ran = 0;
        for (SketchKind kind : SketchKind.values()) {
            if (!available(kind)) {
                continue;
            }
            LeastSquaresResult sp = LeastSquares.solve(k.a(), k.b(), LeastSquaresOptions.defaults().withSketch(kind));
            System.out.println(kind + ": " + sp.verdict());
            assertTrue(sp.converged(), kind + ": " + sp.verdict());
            assertTrue(rel(sp.residuals().norm(), qr.residuals().norm()) <= 1e-12, kind + ": " + sp.verdict());
            assertTrue(sp.iterations() <= 100, kind + ": " + sp.verdict());
            ran++;
        }
        assertTrue(ran >= 1);
    }

    static boolean available(SketchKind kind) {
        try {
            Sketches.create(kind, 4, 8, 1L);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    @Test
    void sketchAndSolveErrorShrinksAsTheSketchGrows() {
        int n = 4000;
        int d = 20;
        int[] ms = {40, 160, 640, 2560};
        double[] excess = new double[ms.length];
        double[] linf = new double[ms.length];
        double[] bound = new double[ms.length];
        int seeds = 3;
        for (int s = 0; s < seeds; s++) {
            Problems.Known k = Problems.known(n, d, 100.0, 1.0, 200 + s);
            for (int i = 0; i < ms.length; i++) {
                LeastSquaresResult r = LeastSquares.solve(k.a(), k.b(),
                        opts(LeastSquaresMethod.SKETCH_SOLVE).withSketchRows(ms[i]).withSeed(1000 + s));
                assertEquals(ms[i], r.sketch().rows());
                assertTrue(r.converged());
                assertTrue(r.residuals().norm() >= k.residual() * (1 - 1e-12), "no solution beats the optimum");
                excess[i] += (r.residuals().norm() / k.residual() - 1) / seeds;
                linf[i] += Problems.normInf(Problems.minus(r.solution(), k.x())) / seeds;
                bound[i] += r.linf().bound() / seeds;
                assertTrue(r.sketch().formulaRows() > n);
                assertTrue(r.detail().contains("theorem does not cover"), r.detail());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ms.length; i++) {
            sb.append(String.format("m = %d: residual excess %.2e, ℓ∞ error %.2e, (ε/√d)‖r‖‖A†‖ %.2e%n", ms[i], excess[i], linf[i], bound[i]));
        }
        System.out.print(sb);
        for (int i = 1; i < ms.length; i++) {
            // 4× the rows: the excess ‖Ax′ − b‖/‖Ax* − b‖ − 1 ≈ d/(m − d − 1) for a Gaussian sketch falls ≥ 2×
            assertTrue(excess[i] < excess[i - 1] / 2, sb.toString());
            assertTrue(linf[i] < linf[i - 1], sb.toString());
        }
    }

    @Test
    void sketchAndSolveRefusesWhenTheFormulaGivesMAtLeastN() {
        Problems.Known k = Problems.known(2000, 50, 10, 0.1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.SKETCH_SOLVE)));
        long formula = LeastSquares.formulaSketchRows(0.5, 0.01, 50, 2000);
        assertTrue(e.getMessage().contains("m = " + formula) && e.getMessage().contains("give the sketch rows"),
                e.getMessage());
    }

    @Test
    void sketchAndSolveUsesTheFormulaWhenItIsBelowN() {
        // d = 1, ε = 0.9, δ = 0.5, n = 2000: m = ⌈ln³(4000)/0.81⌉ = 705 < n
        long expected = (long) Math.ceil(Math.pow(Math.log(2000 / 0.5), 3) / (0.9 * 0.9));
        assertEquals(expected, LeastSquares.formulaSketchRows(0.9, 0.5, 1, 2000));
        assertEquals(705, expected);
        Problems.Known k = Problems.known(2000, 1, 1, 1.0, 4);
        LeastSquaresResult r = LeastSquares.solve(k.a(), k.b(),
                opts(LeastSquaresMethod.SKETCH_SOLVE).withEpsilon(0.9).withDelta(0.5));
        assertEquals(705, r.sketch().rows());
        assertEquals(705, r.sketch().formulaRows());
        assertTrue(r.detail().isEmpty(), r.detail());
        // the ℓ∞ bound's ingredients: (ε/√d)·‖Ax′ − b‖·‖A†‖ with the reported figures
        assertEquals(0.9 * r.residuals().norm() * r.linf().pinvNormEstimate(), r.linf().bound(), 1e-15 * r.linf().bound());
        // measured, not asserted by the library: here the ℓ∞ error is well inside it
        double err = Problems.normInf(Problems.minus(r.solution(), k.x()));
        assertTrue(err <= r.linf().bound(), err + " vs " + r.linf().bound());
    }

    @Test
    void formulaSketchRowsFollowsTheClosedForm() {
        double l = Math.log(10_000 / 0.01);
        assertEquals((long) Math.ceil(50 * l * l * l / 0.25), LeastSquares.formulaSketchRows(0.5, 0.01, 50, 10_000));
        assertTrue(LeastSquares.formulaSketchRows(0.5, 0.01, 50, 10_000) > 500_000);
        assertEquals(Long.MAX_VALUE, LeastSquares.formulaSketchRows(1e-160, 0.01, 50, 10_000));
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.formulaSketchRows(0, 0.01, 5, 10));
        assertEquals(200, LeastSquares.defaultPreconditionerRows(10_000, 50));
        assertEquals(120, LeastSquares.defaultPreconditionerRows(120, 50));
    }

    @Test
    void sparseSketchSolveReportsNoLinfBound() {
        Problems.Known k = Problems.known(1000, 10, 10, 0.1, 5);
        for (SketchKind kind : SketchKind.values()) {
            if (kind.dense() || !available(kind)) {
                continue;
            }
            LeastSquaresResult r = LeastSquares.solve(k.a(), k.b(), opts(LeastSquaresMethod.SKETCH_SOLVE)
                    .withSketch(kind).withSketchRows(200));
            assertTrue(Double.isNaN(r.linf().bound()), kind.toString());
            assertTrue(r.detail().contains("dense sketches only"), r.detail());
        }
    }

    @Test
    void badArgumentsGiveClearErrors() {
        Problems.Known k = Problems.known(200, 50, 10, 0.1, 6);
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(k.a(), k.b(),
                opts(LeastSquaresMethod.SKETCH_PRECONDITION).withSketchRows(10)));
        assertTrue(e.getMessage().contains("m = 10 must be ≥ d = 50"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(k.a(), k.b(),
                opts(LeastSquaresMethod.SKETCH_SOLVE).withSketchRows(49)));
        assertTrue(e.getMessage().contains("m = 49 must be ≥ d = 50"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(k.a(), new double[199], GAUSS));
        assertTrue(e.getMessage().contains("b has length 199"), e.getMessage());
        double[] nan = k.b().clone();
        nan[17] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(k.a(), nan, GAUSS));
        assertTrue(e.getMessage().contains("b(18) = NaN"), e.getMessage()); // 1-based, as every message counts
        double[] ad = k.a().data().clone();
        ad[3 * 50 + 4] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(new DenseMatrix(200, 50, ad), k.b(), GAUSS));
        assertTrue(e.getMessage().contains("A(4, 5) = Infinity"), e.getMessage());
        DenseMatrix wide = DenseMatrix.zeros(10, 20);
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(wide, new double[10], GAUSS));
        assertTrue(e.getMessage().contains("fewer rows than columns"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(asOperator(k.a()), k.b(),
                opts(LeastSquaresMethod.QR)));
        assertTrue(e.getMessage().contains("pass a Matrix"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(k.a(), k.b(), null));
    }

    @Test
    void optionsNameTheWrongField() {
        LeastSquaresOptions d = LeastSquaresOptions.defaults();
        assertEquals(LeastSquaresMethod.SKETCH_PRECONDITION, d.method());
        assertEquals(SketchKind.SRHT, d.sketch());
        assertEquals(0, d.sketchRows());
        assertEquals(1e-12, d.relativeTolerance());
        assertMessage(() -> d.withMethod(null), "method");
        assertMessage(() -> d.withSketch(null), "sketch");
        assertMessage(() -> d.withSketchRows(-1), "sketch rows");
        assertMessage(() -> d.withEpsilon(1.0), "epsilon");
        assertMessage(() -> d.withEpsilon(Double.NaN), "epsilon");
        assertMessage(() -> d.withDelta(0.0), "delta");
        assertMessage(() -> d.withRelativeTolerance(0.0), "tolerance");
        assertMessage(() -> d.withMaxIterations(0), "maximum iterations");
        assertEquals(7L, d.withSeed(7).seed());
        assertEquals(LeastSquaresMethod.SKETCH_SOLVE, LeastSquaresMethod.parse(" Sketch_Solve "));
        assertEquals("sketch-precondition", LeastSquaresMethod.SKETCH_PRECONDITION.cliName());
        assertMessage(() -> LeastSquaresMethod.parse("svd"), "expected one of qr, lsqr, sketch-solve, sketch-precondition");
    }

    private static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    /** A with column 19 a copy of column 3: rank 19 of 20. */
    private static DenseMatrix duplicatedColumn(DenseMatrix a) {
        double[] x = a.data().clone();
        int d = a.cols();
        for (int i = 0; i < a.rows(); i++) {
            x[i * d + d - 1] = x[i * d + 3];
        }
        return new DenseMatrix(a.rows(), d, x);
    }

    @Test
    void rankDeficientMatrixIsRefusedByQrAndTruncatedByTheSketchingMethods() {
        Problems.Known k = Problems.known(600, 20, 100, 0.3, 11);
        DenseMatrix a = duplicatedColumn(k.a());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeastSquares.solve(a, k.b(), opts(LeastSquaresMethod.QR)));
        assertTrue(e.getMessage().contains("rank-deficient") && e.getMessage().contains("rank 19 of 20"), e.getMessage());

        // the reference: QR on A without its duplicate column (full rank 19)
        double[] red = new double[600 * 19];
        for (int i = 0; i < 600; i++) {
            System.arraycopy(a.data(), i * 20, red, i * 19, 19);
        }
        LeastSquaresResult ref = LeastSquares.solve(new DenseMatrix(600, 19, red), k.b(), opts(LeastSquaresMethod.QR));

        LeastSquaresResult sp = LeastSquares.solve(a, k.b(), opts(LeastSquaresMethod.SKETCH_PRECONDITION));
        assertEquals(19, sp.rank());
        assertTrue(sp.converged(), sp.verdict());
        assertTrue(sp.detail().contains("rank-deficient"), sp.detail());
        assertTrue(rel(sp.residuals().norm(), ref.residuals().norm()) <= 1e-12, sp.verdict());
        // the minimum-norm solution splits the duplicated column's coefficient equally
        double c = ref.solution()[3];
        assertEquals(c / 2, sp.solution()[3], 1e-9 * Math.abs(c));
        assertEquals(c / 2, sp.solution()[19], 1e-9 * Math.abs(c));

        LeastSquaresResult ss = LeastSquares.solve(a, k.b(), opts(LeastSquaresMethod.SKETCH_SOLVE).withSketchRows(200));
        assertEquals(19, ss.rank());
        assertTrue(ss.residuals().norm() < 1.5 * ref.residuals().norm(), ss.verdict());
        assertTrue(ss.detail().contains("rank-deficient"), ss.detail());

        LeastSquaresResult ls = LeastSquares.solve(a, k.b(), opts(LeastSquaresMethod.LSQR));
        assertTrue(ls.converged(), ls.verdict());
        assertTrue(rel(ls.residuals().norm(), ref.residuals().norm()) <= 1e-10, ls.verdict());
    }

    @Test
    void zeroRightHandSideGivesZero() {
        Problems.Known k = Problems.known(300, 10, 10, 0.1, 12);
        for (LeastSquaresMethod m : LeastSquaresMethod.values()) {
            LeastSquaresResult r = LeastSquares.solve(k.a(), new double[300], opts(m).withSketchRows(100));
            assertEquals(0.0, Problems.normInf(r.solution()), m.toString());
            assertEquals(0.0, r.residuals().norm());
            assertTrue(r.converged(), m + ": " + r.verdict());
        }
    }

    static LinearOperator asOperator(DenseMatrix a) {
        return LinearOperator.of(a.rows(), a.cols(), a::apply, a::applyTranspose);
    }

    @Test
    void anOperatorSolvesLikeTheMatrixItWraps() {
        Problems.Known k = Problems.known(1000, 70, 1e6, 0.1, 13);
        LinearOperator op = asOperator(k.a());
        for (LeastSquaresMethod m : new LeastSquaresMethod[] {LeastSquaresMethod.SKETCH_PRECONDITION,
                LeastSquaresMethod.SKETCH_SOLVE}) {
            LeastSquaresResult viaMatrix = LeastSquares.solve(k.a(), k.b(), opts(m).withSketchRows(280));
            LeastSquaresResult viaOp = LeastSquares.solve(op, k.b(), opts(m).withSketchRows(280));
            assertTrue(rel(viaOp.residuals().norm(), viaMatrix.residuals().norm()) <= 1e-10, m + ": " + viaOp.verdict());
            assertTrue(rel(viaOp.normalResidual(), viaMatrix.normalResidual()) <= 1e-3
                    || viaOp.normalResidual() <= 1e-12, m + ": " + viaOp.verdict() + " vs " + viaMatrix.verdict());
        }
        LeastSquaresResult ls = LeastSquares.solve(op, k.b(), opts(LeastSquaresMethod.LSQR).withMaxIterations(50));
        assertFalse(Double.isNaN(ls.normalResidual()));
    }

    /** The matrix split into row blocks, S·A summed from {@code Sketch.sketchRows}: what a distributed matrix does. */
    private static SketchableOperator rowBlocks(CsrMatrix a, int... cuts) {
        return new SketchableOperator() {
            @Override
            public int rows() {
                return a.rows();
            }

            @Override
            public int cols() {
                return a.cols();
            }

            @Override
            public void apply(double[] x, double[] y) {
                a.apply(x, y);
            }

            @Override
            public void applyTranspose(double[] x, double[] y) {
                a.applyTranspose(x, y);
            }

            @Override
            public DenseMatrix sketchedBy(Sketch s) {
                double[] sum = new double[s.rows() * a.cols()];
                double[] part = new double[sum.length];
                for (int b = 0; b + 1 < cuts.length; b++) {
                    s.sketchRows(Submatrix.of(a, cuts[b], cuts[b + 1], 0, a.cols()), cuts[b], part, 1);
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += part[i];
                    }
                }
                return new DenseMatrix(s.rows(), a.cols(), sum);
            }

            @Override
            public double frobeniusNorm() {
                return a.frobeniusNorm();
            }
        };
    }

    @Test
    void aSketchableOperatorSolvesLikeTheMatrixWithTheSameIterations() throws IOException {
        CsrMatrix a = MatrixMarket.readCsr(Problems.dataFile("small/illc1033.mtx"));
        Random rnd = new Random(15);
        double[] b = new double[a.rows()];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        SketchableOperator op = rowBlocks(a, 0, 100, 100, 517, 1033);
        for (SketchKind kind : SketchKind.values()) {
            LeastSquaresOptions o = opts(LeastSquaresMethod.SKETCH_PRECONDITION).withSketch(kind).withSketchRows(1024);
            LeastSquaresResult local = LeastSquares.solve(a, b, o);
            LeastSquaresResult blocks = LeastSquares.solve(op, b, o);
            assertTrue(blocks.converged(), kind + ": " + blocks.verdict());
            assertEquals(local.iterations(), blocks.iterations(), kind + ": iterations");
            assertTrue(rel(blocks.residuals().norm(), local.residuals().norm()) <= 1e-12, kind + ": " + blocks.verdict());
            // ‖A‖_F comes from the operator, so the normal-equation residual is measured, not left unknown
            assertTrue(blocks.normalResidual() <= 1e-12, kind + ": " + blocks.verdict());
            double fwd = Problems.norm(Problems.minus(blocks.solution(), local.solution()))
                    / Problems.norm(local.solution());
            assertTrue(fwd <= 1e-9, kind + ": relative difference of x " + fwd);
        }
    }

    @Test
    void sparseRealMatrixMatchesQr() throws IOException {
        // illc1033 (Harwell–Boeing least-squares set), 1033×320, cond ≈ 1.9e4
        CsrMatrix a = MatrixMarket.readCsr(Problems.dataFile("small/illc1033.mtx"));
        Random rnd = new Random(14);
        double[] b = new double[a.rows()];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        LeastSquaresResult qr = LeastSquares.solve(a, b, opts(LeastSquaresMethod.QR));
        LeastSquaresResult sp = LeastSquares.solve(a, b, opts(LeastSquaresMethod.SKETCH_PRECONDITION));
        LeastSquaresResult coo = LeastSquares.solve(a.toCoo(), b, opts(LeastSquaresMethod.SKETCH_PRECONDITION));
        System.out.println("illc1033: " + sp.verdict() + "; QR: " + qr.verdict());
        assertTrue(sp.converged(), sp.verdict());
        assertTrue(rel(sp.residuals().norm(), qr.residuals().norm()) <= 1e-12, sp.verdict() + " vs " + qr.verdict());
        assertTrue(sp.normalResidual() <= 1e-12);
        assertTrue(rel(coo.residuals().norm(), sp.residuals().norm()) <= 1e-13);
        // the solutions agree to about cond·eps
        double fwd = Problems.norm(Problems.minus(sp.solution(), qr.solution())) / Problems.norm(qr.solution());
        assertTrue(fwd <= 1e-8, "relative difference of x " + fwd);
    }
}
