package org.sparrow.sketching.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.Sketches;
import org.sparrow.sketching.lstsq.Problems;

class RandomizedSvdTest {

    /** Singular values of a dense matrix by EJML, decreasing: the independent reference. */
    static double[] denseSingularValues(DenseMatrix a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.rows(), a.cols(), false, false, true);
        assertTrue(svd.decompose(DMatrixRMaj.wrap(a.rows(), a.cols(), a.data().clone())));
        double[] s = svd.getSingularValues().clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    /** ‖M‖₂ by EJML's dense SVD. */
    static double spectralNorm(DenseMatrix m) {
        return denseSingularValues(m)[0];
    }

    /** A − U·diag(σ)·Vᵀ. */
    static DenseMatrix residual(DenseMatrix a, LowRankApproximation r) {
        DenseMatrix l = Problems.fromFactors(r.u().data(), r.singularValues(), r.v().data(), a.rows(), a.cols());
        double[] x = a.data().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] -= l.data()[i];
        }
        return new DenseMatrix(a.rows(), a.cols(), x);
    }

    /** (I − Q·Qᵀ)·A. */
    static DenseMatrix projectionResidual(DenseMatrix a, DenseMatrix q) {
        int n = a.rows();
        int d = a.cols();
        int l = q.cols();
        double[] qta = new double[l * d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < l; t++) {
                double qi = q.data()[i * l + t];
                for (int j = 0; j < d; j++) {
                    qta[t * d + j] += qi * a.data()[i * d + j];
                }
            }
        }
        double[] x = a.data().clone();
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < l; t++) {
                double qi = q.data()[i * l + t];
                for (int j = 0; j < d; j++) {
                    x[i * d + j] -= qi * qta[t * d + j];
                }
            }
        }
        return new DenseMatrix(n, d, x);
    }

    static void assertOrthonormalColumns(DenseMatrix q, double tol) {
        int n = q.rows();
        int k = q.cols();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += q.data()[i * k + a] * q.data()[i * k + b];
                }
                assertEquals(a == b ? 1.0 : 0.0, s, tol, "QᵀQ(" + a + ", " + b + ")");
            }
        }
    }

    @Test
    void rangeFinderReturnsAnOrthonormalBasisThatCapturesAnExactlyLowRankMatrix() {
        Random rnd = new Random(1);
        double[] sigma = {5, 3, 2, 1, 0.5};
        DenseMatrix a = Problems.fromFactors(Problems.orthonormal(120, 5, rnd), sigma, Problems.orthonormal(90, 5, rnd), 120, 90);
        DenseMatrix q = RangeFinder.find(a, 8, 0, 3L);
        assertEquals(120, q.rows());
        assertEquals(8, q.cols());
        assertOrthonormalColumns(q, 1e-13);
        // rank 5 ≤ ℓ = 8: the range is captured to rounding
        assertTrue(spectralNorm(projectionResidual(a, q)) <= 1e-13 * 5, "‖(I − QQᵀ)A‖");
        assertThrows(IllegalArgumentException.class, () -> RangeFinder.find(a, 91, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> RangeFinder.find(a, 0, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> RangeFinder.find(a, 4, -1, 1L));
    }

    @Test
    void fastDecayMatchesDenseSvdWithoutPowerIterations() {
        Random rnd = new Random(2);
        int n = 300;
        int d = 200;
        double[] sigma = new double[d];
        for (int j = 0; j < d; j++) {
            sigma[j] = Math.pow(2, -j);
        }
        DenseMatrix a = Problems.withSpectrum(n, d, sigma, rnd);
        double[] ref = denseSingularValues(a);
        int k = 10;
        RandomizedSvdOptions o = RandomizedSvdOptions.defaults(k).withPowerIterations(0);
        LowRankApproximation r = RandomizedSvd.compute(a, o);
        assertEquals(k, r.rank());
        assertEquals(20, r.sampledColumns());
        assertEquals(0, r.powerIterations());
        assertEquals(RandomizedSvd.TEST_VECTORS, r.testVectors());
        for (int i = 0; i < k; i++) {
            // the projection loses about (σ_ℓ/σ_i)²·σ_i of σ_i (ℓ = 20 sampled columns)
            double ratio = ref[20] / ref[i];
            assertEquals(ref[i], r.singularValues()[i], 10 * ratio * ratio * ref[i] + 1e-14, "σ_" + i);
        }
        assertOrthonormalColumns(r.u(), 1e-12);
        assertOrthonormalColumns(r.v(), 1e-12);
        double err = spectralNorm(residual(a, r));
        assertTrue(err <= 1.01 * ref[k], "‖A − UΣVᵀ‖ = " + err + " vs σ_{k+1} = " + ref[k]);
        // the a-posteriori estimate bounds the projection error from above, and not by orders of magnitude
        double proj = spectralNorm(projectionResidual(a, RangeFinder.find(a, 20, 0, o.seed())));
        assertTrue(r.errorEstimate() >= proj && r.errorEstimate() <= 50 * proj, r.errorEstimate() + " vs " + proj);
        assertTrue(err <= r.errorEstimate() + r.nextSingularValue());
        assertTrue(r.errorLowerBound() <= err * (1 + 1e-12) && r.errorLowerBound() >= 0.5 * err,
                "lower bound " + r.errorLowerBound() + " vs " + err);
    }

    /** A seeded 400×300 matrix with σ_j = 1/√j: too flat a spectrum for a plain range finder. */
    private static DenseMatrix slowDecay() {
        double[] sigma = new double[300];
        for (int j = 0; j < sigma.length; j++) {
            sigma[j] = 1.0 / Math.sqrt(j + 1.0);
        }
        return Problems.withSpectrum(400, 300, sigma, new Random(3));
    }

    @Test
    void slowDecayNeedsPowerIterations() {
        DenseMatrix a = slowDecay();
        double[] ref = denseSingularValues(a);
        int k = 20;
        double[] errs = new double[3];
        double[] sigmaErr = new double[3];
        for (int q = 0; q <= 2; q++) {
            LowRankApproximation r = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(k).withPowerIterations(q));
            errs[q] = spectralNorm(residual(a, r));
            for (int i = 0; i < k; i++) {
                sigmaErr[q] = Math.max(sigmaErr[q], Math.abs(r.singularValues()[i] - ref[i]) / ref[i]);
            }
            assertTrue(errs[q] <= r.errorEstimate() + r.nextSingularValue(), "q = " + q);
            assertTrue(r.errorLowerBound() <= errs[q] * (1 + 1e-12) && r.errorLowerBound() >= 0.5 * errs[q],
                    "q = " + q + ": lower bound " + r.errorLowerBound() + " vs " + errs[q]);
        }
        System.out.printf("slow decay, k = 20: ‖A − UΣVᵀ‖/σ_{k+1} = %.3f, %.3f, %.3f for q = 0, 1, 2; max σ rel err %.1e, %.1e, %.1e%n",
                errs[0] / ref[k], errs[1] / ref[k], errs[2] / ref[k], sigmaErr[0], sigmaErr[1], sigmaErr[2]);
        assertTrue(errs[1] < errs[0] && errs[2] < errs[1], Arrays.toString(errs));
        assertTrue(errs[2] <= 1.3 * ref[k], "q = 2 error " + errs[2] / ref[k] + "·σ_{k+1}");
        assertTrue(sigmaErr[2] < sigmaErr[0]);
    }

    @Test
    void realSparseMatrixMatchesDenseSvd() throws IOException {
        // illc1033 (Harwell–Boeing least-squares set), 1033×320. Its spectrum is flat at the top (σ₁₀/σ₁₁ = 1.009)
        // with a gap after σ₁₃ (σ₁₄/σ₁₃ = 0.85) and a plateau near √2 beyond: ask for k = 13, and expect the
        // singular values to converge like (σ_{ℓ+1}/σ_i)^(2q+1) ≈ 0.77^(2q+1) (HMT §4.5), i.e. slowly.
        CsrMatrix a = MatrixMarket.readCsr(Problems.dataFile("small/illc1033.mtx"));
        DenseMatrix dense = a.toDense();
        double[] ref = denseSingularValues(dense);
        int k = 13;
        double[] worst = new double[2];
        int[] qs = {4, 12};
        for (int t = 0; t < 2; t++) {
            LowRankApproximation r = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(k).withPowerIterations(qs[t]));
            for (int i = 0; i < k; i++) {
                worst[t] = Math.max(worst[t], Math.abs(r.singularValues()[i] - ref[i]) / ref[i]);
            }
            double err = spectralNorm(residual(dense, r));
            System.out.printf("illc1033 k = 13, q = %d: max σ rel err %.1e, ‖A − UΣVᵀ‖/σ_{k+1} = %.4f, estimate %.3g + %.3g, %.2f s%n",
                    qs[t], worst[t], err / ref[k], r.errorEstimate(), r.nextSingularValue(), r.seconds());
            assertTrue(err <= 1.05 * ref[k], err / ref[k] + "·σ_{k+1}");
            assertTrue(err <= r.errorEstimate() + r.nextSingularValue());
            assertTrue(r.errorLowerBound() <= err * (1 + 1e-12) && r.errorLowerBound() >= 0.9 * err,
                    "lower bound " + r.errorLowerBound() + " vs " + err);
            assertOrthonormalColumns(r.u(), 1e-12);
            assertOrthonormalColumns(r.v(), 1e-12);
            // A·v_i = σ_i·u_i + (I − QQᵀ)-part: for the leading triplet the difference is at most the error
            double[] v0 = new double[a.cols()];
            for (int j = 0; j < v0.length; j++) {
                v0[j] = r.v().get(j, 0);
            }
            double[] av = a.apply(v0);
            for (int i = 0; i < av.length; i++) {
                av[i] -= r.singularValues()[0] * r.u().get(i, 0);
            }
            assertTrue(Problems.norm(av) <= err, "‖A·v₁ − σ₁·u₁‖ = " + Problems.norm(av));
        }
        assertTrue(worst[0] <= 0.05, "q = 4: σ relative error " + worst[0]);
        assertTrue(worst[1] <= worst[0] / 10, "q = 12: σ relative error " + worst[1] + " vs " + worst[0]);
    }

    @Test
    void fullRankRequestIsExactAndNeedsNoEstimate() {
        Random rnd = new Random(4);
        DenseMatrix a = Problems.withSpectrum(30, 40, Problems.geometric(30, 1e3), rnd);
        LowRankApproximation r = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(30));
        assertEquals(30, r.sampledColumns());
        assertEquals(0, r.testVectors());
        assertEquals(0.0, r.errorEstimate());
        assertTrue(Double.isNaN(r.nextSingularValue()));
        assertTrue(spectralNorm(residual(a, r)) <= 1e-12);
    }

    @Test
    void everyAvailableSketchKindWorksAsTheTestMatrix() {
        Random rnd = new Random(5);
        double[] sigma = new double[100];
        for (int j = 0; j < sigma.length; j++) {
            sigma[j] = Math.pow(0.7, j);
        }
        DenseMatrix a = Problems.withSpectrum(160, 100, sigma, rnd);
        int ran = 0;
        for (SketchKind kind : SketchKind.values()) {
            try {
                Sketches.create(kind, 4, 8, 1L);
            } catch (UnsupportedOperationException e) {
                continue;
            }
            LowRankApproximation r = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(8).withSketch(kind));
            assertOrthonormalColumns(r.u(), 1e-12);
            double err = spectralNorm(residual(a, r));
            assertTrue(err <= 1.05 * sigma[8], kind + ": " + err / sigma[8] + "·σ_{k+1}");
            ran++;
        }
        assertTrue(ran >= 1);
    }

    @Test
    void worksOnABareOperatorAndChecksArguments() {
        Random rnd = new Random(6);
        DenseMatrix a = Problems.withSpectrum(80, 50, Problems.geometric(50, 1e6), rnd);
        LinearOperator op = LinearOperator.of(80, 50, a::apply, a::applyTranspose);
        LowRankApproximation viaOp = RandomizedSvd.compute(op, RandomizedSvdOptions.defaults(5));
        LowRankApproximation viaMatrix = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(5));
        assertTrue(Arrays.equals(viaOp.singularValues(), viaMatrix.singularValues())
                || Math.abs(viaOp.singularValues()[4] - viaMatrix.singularValues()[4]) <= 1e-13);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(51)));
        assertTrue(e.getMessage().contains("exceeds min(rows, cols) = 50"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RandomizedSvdOptions.defaults(0))
                .getMessage().contains("rank"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RandomizedSvdOptions.defaults(3).withOversampling(-1))
                .getMessage().contains("oversampling"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RandomizedSvdOptions.defaults(3).withPowerIterations(-1))
                .getMessage().contains("power iterations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RandomizedSvdOptions.defaults(3).withSketch(null))
                .getMessage().contains("sketch"));
    }
    /**
     * The 20 largest singular values of Dubcova1 (16129 × 16129, symmetric positive definite, so its singular values
     * are its eigenvalues; the smallest is 0.0048). A dense SVD would need 2 GB and ~10¹² flops, so the reference is
     * another algorithm: ARPACK's implicitly restarted Lanczos, {@code scipy.sparse.linalg.eigsh(A, k=30,
     * which='LA', tol=1e-14)} (scipy 1.17.1), unchanged to 9 digits with k = 45. The spectrum is flat and every value
     * double: σ₁ = σ₂ = 4.7963, σ₂₁ = 4.7716, σ₆₀ = 4.7255.
     */
    private static final double[] DUBCOVA1_TOP20 = {4.796328579, 4.796328579, 4.793227196, 4.793227196, 4.788430309,
        4.788430309, 4.788064197, 4.788064197, 4.785345403, 4.785345403, 4.780848526, 4.780848526, 4.780209846,
        4.780209846, 4.775290920, 4.775290920, 4.773032554, 4.773032554, 4.772233423, 4.772233423};

    @Test
    void dubcova1WithDefaultsIsFlaggedAndAdaptiveModeReachesTheReferenceWithinItsTolerance() throws IOException {
        CsrMatrix a = MatrixMarket.readCsr(Problems.dataFile("medium/Dubcova1.mtx.gz"));
        int k = 20;
        // the defaults (p = 10, q = 2) leave σ̃₁ about 8 % low: the result must say so
        LowRankApproximation d = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(k));
        assertTrue(Math.abs(d.singularValues()[0] - DUBCOVA1_TOP20[0]) > 0.05 * DUBCOVA1_TOP20[0],
                "σ̃₁ = " + d.singularValues()[0]);
        assertTrue(!d.trustworthy() && !d.toleranceMet(), "β = " + d.relativeSingularValueError());
        assertTrue(d.relativeSingularValueError() > 0.05, "β = " + d.relativeSingularValueError());
        assertTrue(d.trustProblem().contains("not certified"), d.trustProblem());
        // the HMT §4.3 estimate is hundreds of times σ_k here (it behaves like a Frobenius norm)
        assertTrue(d.errorEstimate() > 50 * d.singularValues()[k - 1], "E = " + d.errorEstimate());
        // the lower bound on ‖A − UΣVᵀ‖ is a lower bound on σ₁ too
        assertTrue(d.errorLowerBound() <= DUBCOVA1_TOP20[0] * (1 + 1e-12), "L = " + d.errorLowerBound());
        assertCertified(d, DUBCOVA1_TOP20);

        double tol = RandomizedSvdOptions.DEFAULT_TOLERANCE;
        LowRankApproximation r = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(k).withAdaptive(true));
        System.out.printf("Dubcova1 k = 20: defaults σ̃₁ = %.4f, β = %.3g; adaptive q = %d, σ̃₁ = %.6f, β = %.3g, %.2f s%n",
                d.singularValues()[0], d.relativeSingularValueError(), r.powerIterations(), r.singularValues()[0],
                r.relativeSingularValueError(), r.seconds());
        assertTrue(r.adaptive() && r.toleranceMet() && r.trustworthy(), r.trustProblem());
        assertEquals("", r.trustProblem());
        assertTrue(r.powerIterations() > 2 && r.powerIterations() < RandomizedSvdOptions.DEFAULT_MAX_POWER_ITERATIONS,
                "q = " + r.powerIterations());
        assertTrue(r.relativeSingularValueError() <= tol);
        for (int i = 0; i < k; i++) {
            assertEquals(DUBCOVA1_TOP20[i], r.singularValues()[i], tol * DUBCOVA1_TOP20[i], "σ" + (i + 1));
        }
        assertCertified(r, DUBCOVA1_TOP20);
        assertOrthonormalColumns(r.u(), 1e-12);
        assertOrthonormalColumns(r.v(), 1e-12);
    }

    /** σ̃_i ≤ σ_i (interlacing) and some reference singular value lies within η_i of σ̃_i (the residual bound). */
    private static void assertCertified(LowRankApproximation r, double[] ref) {
        for (int i = 0; i < r.rank(); i++) {
            double s = r.singularValues()[i];
            assertTrue(s <= ref[i] * (1 + 1e-10), "σ̃" + (i + 1) + " = " + s + " > σ = " + ref[i]);
            double nearest = Double.POSITIVE_INFINITY;
            for (double x : ref) {
                nearest = Math.min(nearest, Math.abs(x - s));
            }
            // the nearest true value may lie beyond the reference's range only when σ̃_i is below its last entry
            if (s >= ref[ref.length - 1]) {
                assertTrue(nearest <= r.singularValueErrors()[i] * (1 + 1e-9) + 1e-13 * ref[0],
                        "σ̃" + (i + 1) + " = " + s + ": nearest σ at " + nearest + " > η = " + r.singularValueErrors()[i]);
            }
        }
    }

    @Test
    void fastDecayWithDefaultsIsTrustworthyAndItsCertificatesContainTheKnownSingularValues() {
        Random rnd = new Random(7);
        double[] sigma = new double[150];
        for (int j = 0; j < sigma.length; j++) {
            sigma[j] = Math.pow(0.6, j);
        }
        DenseMatrix a = Problems.withSpectrum(210, 150, sigma, rnd);
        LowRankApproximation r = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(12));
        assertTrue(r.trustworthy() && r.toleranceMet(), r.trustProblem());
        assertEquals("", r.trustProblem());
        assertEquals(2, r.powerIterations());
        assertTrue(r.relativeSingularValueError() <= 1e-6, "β = " + r.relativeSingularValueError());
        assertCertified(r, sigma);
        for (int i = 0; i < 12; i++) {
            assertEquals(sigma[i], r.singularValues()[i], 1e-6 * sigma[11], "σ" + (i + 1));
        }
        assertEquals(r.errorEstimate() + r.nextSingularValue(), r.errorUpperBound());
    }

    @Test
    void slowDecayAdaptiveModeMeetsItsToleranceAgainstADenseSvdOrReportsTheCap() {
        DenseMatrix a = slowDecay();
        double[] ref = denseSingularValues(a);
        int k = 20;
        double tol = 1e-3;
        RandomizedSvdOptions o = RandomizedSvdOptions.defaults(k).withTolerance(tol);
        LowRankApproximation fixed = RandomizedSvd.compute(a, o);
        assertTrue(!fixed.toleranceMet() && !fixed.trustworthy(), "β = " + fixed.relativeSingularValueError());
        assertCertified(fixed, ref);

        LowRankApproximation r = RandomizedSvd.compute(a, o.withAdaptive(true));
        System.out.printf("slow decay, k = 20, τ = 1e-3: fixed q = 2 β = %.3g; adaptive q = %d β = %.3g%n",
                fixed.relativeSingularValueError(), r.powerIterations(), r.relativeSingularValueError());
        assertTrue(r.toleranceMet() && r.trustworthy(), r.trustProblem());
        assertTrue(r.powerIterations() > 2, "q = " + r.powerIterations());
        for (int i = 0; i < k; i++) {
            assertEquals(ref[i], r.singularValues()[i], tol * ref[i], "σ" + (i + 1));
        }
        assertCertified(r, ref);
        // one power iteration fewer does not meet the tolerance: the mode stops at the first q that does
        LowRankApproximation before = RandomizedSvd.compute(a, o.withPowerIterations(r.powerIterations() - 1));
        assertTrue(!before.toleranceMet(), "β = " + before.relativeSingularValueError());
        // equal options give equal results, and the fixed run at the q the adaptive one stopped at is the same run
        LowRankApproximation same = RandomizedSvd.compute(a, o.withPowerIterations(r.powerIterations()));
        assertTrue(Arrays.equals(same.singularValues(), r.singularValues()));

        // a cap below what the tolerance needs: stops at the cap and says so
        LowRankApproximation capped = RandomizedSvd.compute(a, o.withAdaptive(true).withMaxPowerIterations(3));
        assertEquals(3, capped.powerIterations());
        assertTrue(!capped.toleranceMet() && !capped.trustworthy());
        assertTrue(capped.trustProblem().contains("after 3 power iterations (the cap of the adaptive mode)"),
                capped.trustProblem());
    }

    @Test
    void optionsRefuseAbsurdValuesNamingTheFieldAndTheRange() {
        RandomizedSvdOptions o = RandomizedSvdOptions.defaults(5);
        String[][] cases = {
            {"oversampling", "≤ 10000"}, {"power iterations", "≤ 10000"}, {"tolerance", "< 1"},
            {"max power iterations", "≥ 0"}, {"tolerance", "> 0"}, {"rank", "≥ 1"}};
        java.util.List<org.junit.jupiter.api.function.Executable> bad = java.util.List.of(
            () -> o.withOversampling(2_000_000_000), () -> o.withPowerIterations(10_001), () -> o.withTolerance(1.0),
            () -> o.withMaxPowerIterations(-1), () -> o.withTolerance(Double.NaN), () -> o.withRank(-3));
        for (int c = 0; c < cases.length; c++) {
            String m = assertThrows(IllegalArgumentException.class, bad.get(c)).getMessage();
            assertTrue(m.startsWith(cases[c][0] + " must") && m.contains(cases[c][1]), m);
        }
        String m = assertThrows(IllegalArgumentException.class, () -> o.withRank(31).checkFor(30, 40)).getMessage();
        assertTrue(m.contains("rank k = 31") && m.contains("≤ 30"), m);
        o.withRank(30).checkFor(30, 40);
        // the largest accepted values are accepted: the limits are not off by one
        assertEquals(10_000, o.withOversampling(10_000).withPowerIterations(10_000).withMaxPowerIterations(10_000)
                .oversampling());
    }
}
