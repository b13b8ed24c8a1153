package org.sparrow.solvers.krylov;

import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.StopReason;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.krylov.KrylovTestSupport.dense;
import static org.sparrow.solvers.krylov.KrylovTestSupport.diagonalPreconditioner;
import static org.sparrow.solvers.krylov.KrylovTestSupport.filled;
import static org.sparrow.solvers.krylov.KrylovTestSupport.norm;
import static org.sparrow.solvers.krylov.KrylovTestSupport.random;
import static org.sparrow.solvers.krylov.KrylovTestSupport.trueRelativeResidual;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.solvers.krylov.KrylovTestSupport.CountingOperator;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * The rules every Krylov method shares (validation, zero right-hand side, non-finite input, the
 * listener and history, the stopping targets, the true-residual verdict), checked for all six on
 * small seeded problems that each of them can solve.
 */
class KrylovContractTest {

    /** The six methods behind one signature; the square ones also take a preconditioner. */
    enum Method {
        CG(true) {
            @Override
            SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
                return Cg.solve(a, b, m, o);
            }
        },
        BICGSTAB(true) {
            @Override
            SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
                return Bicgstab.solve(a, b, m, o);
            }
        },
        GMRES(true) {
            @Override
            SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
                return Gmres.solve(a, b, m, o);
            }
        },
        MINRES(true) {
            @Override
            SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
                return Minres.solve(a, b, m, o);
            }
        },
        LSQR(false) {
            @Override
            SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
                return Lsqr.solve(a, b, o);
            }
        },
        LSMR(false) {
            @Override
            SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
                return Lsmr.solve(a, b, o);
            }
        };

        final boolean square;

        Method(boolean square) {
            this.square = square;
        }

        abstract SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o);

        SolverResult solve(LinearOperator a, double[] b, SolverOptions o) {
            return solve(a, b, null, o);
        }
    }

    /** tridiag(−1, 4, −1) of odd order 13, with the entry (3, 3) replaced by {@code d33}: SPD for d33 = 4. */
    private static CsrMatrix tridiagonal(int n, double d33) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 4.0;
            if (i > 0) {
                a[i][i - 1] = -1.0;
            }
            if (i + 1 < n) {
                a[i][i + 1] = -1.0;
            }
        }
        a[3][3] = d33;
        return dense(a);
    }

    private static final CsrMatrix A = tridiagonal(13, 4.0);

    @ParameterizedTest
    @EnumSource(Method.class)
    void zeroRightHandSideReturnsZeroAtOnceWithoutTouchingA(Method method) {
        CountingOperator a = new CountingOperator(A);
        List<Integer> calls = new ArrayList<>();
        SolverResult r = method.solve(a, new double[13],
                SolverOptions.defaults().withListener((k, e) -> calls.add(k)));
        assertArrayEquals(new double[13], r.solution());
        assertTrue(r.converged());
        assertEquals(StopReason.CONVERGED, r.reason());
        assertEquals("", r.detail());
        assertEquals(0, r.iterations());
        assertEquals(0.0, r.relativeResidual());
        assertArrayEquals(new double[] {0.0}, r.residualHistory());
        assertEquals(0, a.applies + a.transposeApplies, "no product may be computed for b = 0");
        assertTrue(calls.isEmpty());
        if (method.square) {
            assertTrue(Double.isNaN(r.normalResidual()));
        } else {
            assertEquals(0.0, r.normalResidual());
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void rightHandSideOfTheWrongLengthIsRejectedNamingBothLengths(Method method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> method.solve(A, new double[12], SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("b has length 12") && e.getMessage().contains("A is 13×13, so it needs length 13"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void nanOrInfinityInTheRightHandSideIsRejectedNamingTheFirstBadIndex(Method method) {
        double[] b = filled(13, 1.0);
        b[5] = Double.NaN;
        b[9] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> method.solve(A, b, SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("b(6) = NaN is not finite"), e.getMessage());
        b[5] = 1.0;
        e = assertThrows(IllegalArgumentException.class, () -> method.solve(A, b, SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("b(10) = Infinity"), e.getMessage());
        b[9] = Double.NEGATIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> method.solve(A, b, SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("b(10) = -Infinity"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"CG", "BICGSTAB", "GMRES", "MINRES"})
    void aNonSquareOperatorIsRejectedNamingItsShape(Method method) {
        CsrMatrix rect = dense(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> method.solve(rect, filled(4, 1.0), SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("4×3") && e.getMessage().contains("square"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"CG", "BICGSTAB", "GMRES", "MINRES"})
    void aPreconditionerOfAnotherShapeIsRejected(Method method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> method.solve(A, filled(13, 1.0), diagonalPreconditioner(filled(12, 1.0)), SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("12×12") && e.getMessage().contains("13×13"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void nullArgumentsAreRejected(Method method) {
        assertThrows(NullPointerException.class, () -> method.solve(null, filled(13, 1.0), SolverOptions.defaults()));
        assertThrows(NullPointerException.class, () -> method.solve(A, null, SolverOptions.defaults()));
        assertThrows(NullPointerException.class, () -> method.solve(A, filled(13, 1.0), null));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void nanInTheMatrixStopsWithNotFiniteInsteadOfAQuietNan(Method method) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            CsrMatrix a = tridiagonal(13, bad);
            SolverResult r = method.solve(a, random(13, 3), SolverOptions.defaults());
            assertFalse(r.converged(), r.toString());
            assertEquals(StopReason.NOT_FINITE, r.reason(), r.detail());
            assertFalse(r.detail().isEmpty());
            assertTrue(r.iterations() <= 1, "stopped at the first product: " + r.iterations());
            assertFalse(r.verdict(1e-8).startsWith("converged"), r.verdict(1e-8));
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void theListenerIsCalledOncePerIterationWithTheHistoryValues(Method method) {
        List<Integer> its = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double[] b = random(13, 5);
        SolverResult r = method.solve(A, b, SolverOptions.defaults().withRelativeTolerance(1e-12)
                .withListener((k, e) -> {
                    its.add(k);
                    values.add(e);
                }));
        assertTrue(r.converged(), r.toString());
        assertTrue(r.iterations() >= 2, "a real iteration: " + r.iterations());
        assertEquals(r.iterations(), its.size());
        double[] h = r.residualHistory();
        assertEquals(r.iterations() + 1, h.length);
        assertEquals(1.0, h[0], "history[0] is the start x = 0");
        for (int k = 1; k <= r.iterations(); k++) {
            assertEquals(k, its.get(k - 1));
            assertEquals(h[k], values.get(k - 1));
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void theReportedResidualIsTheTrueOneAndMeetsTheTolerance(Method method) {
        double[] b = random(13, 7);
        double[] copy = b.clone();
        SolverResult r = method.solve(A, b, SolverOptions.defaults().withRelativeTolerance(1e-10));
        assertArrayEquals(copy, b, "b must not be modified");
        double rel = trueRelativeResidual(A, b, r.solution());
        assertTrue(r.converged());
        assertTrue(rel <= 1e-10, "true relative residual " + rel);
        assertEquals(rel, r.relativeResidual(), 1e-12 * rel + 1e-300);
        assertTrue(r.seconds() >= 0 && Double.isFinite(r.seconds()));
        assertEquals(method.name().toLowerCase(Locale.ROOT), r.method().cliName());
        assertEquals(PreconditionerKind.NONE, r.preconditioner());
        assertEquals(0.0, r.diagonalShift());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void theAbsoluteFloorStopsTheSolve(Method method) {
        double[] b = random(13, 9);
        double bn = norm(b);
        SolverResult r = method.solve(A, b, SolverOptions.defaults().withRelativeTolerance(1e-14).withAbsoluteTolerance(1e-3 * bn));
        assertTrue(r.converged(), r.toString());
        assertTrue(r.relativeResidual() * bn <= 1e-3 * bn, "‖b − A·x‖ ≤ floor");
        SolverResult full = method.solve(A, b, SolverOptions.defaults().withRelativeTolerance(1e-14));
        assertTrue(r.iterations() < full.iterations(), r.iterations() + " vs " + full.iterations());

        SolverResult none = method.solve(A, b, SolverOptions.defaults().withAbsoluteTolerance(2 * bn));
        assertTrue(none.converged());
        assertEquals(0, none.iterations(), "the floor is above ‖b‖: x = 0 already meets it");
        assertArrayEquals(new double[13], none.solution());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void theIterationLimitIsReportedAsSuch(Method method) {
        double[] b = random(13, 11);
        SolverResult r = method.solve(A, b, SolverOptions.defaults().withRelativeTolerance(1e-14).withMaxIterations(2));
        assertFalse(r.converged());
        assertEquals(StopReason.MAX_ITERATIONS, r.reason());
        assertEquals(2, r.iterations());
        assertEquals(3, r.residualHistory().length);
        assertTrue(r.detail().contains("limit of 2"), r.detail());
        assertTrue(r.verdict(1e-14).startsWith("not converged (max iterations)"), r.verdict(1e-14));
    }

    /**
     * Products rounded to float precision make the recurrences drift: their residual estimates keep
     * falling while the true residual stalls near the float rounding level (~1e-8). A target of 1e-13
     * is then claimed by the recurrence but refused by the true residual: the result must say so (not
     * converged, STAGNATION, "drifted") instead of passing the claim on.
     */
    @ParameterizedTest
    @EnumSource(Method.class)
    void aConvergenceClaimedByADriftedRecurrenceIsRefused(Method method) {
        LinearOperator a = floatRounded(method.square ? A : tall());
        double[] b = method.square ? random(a.rows(), 1) : a.apply(random(a.cols(), 2));
        SolverResult r = method.solve(a, b, SolverOptions.defaults().withRelativeTolerance(1e-13));
        assertFalse(r.converged(), r.toString());
        assertEquals(StopReason.STAGNATION, r.reason());
        assertTrue(r.detail().contains("drifted"), r.detail());
        assertTrue(r.relativeResidual() > 1e-12, "the true residual is reported: " + r.relativeResidual());
    }

    /**
     * The band between τ and 10·τ: no tolerance band above τ exists. Every product carries a fresh
     * seeded error of norm 3·τ (τ = tol·‖b‖), so the recurrence claims convergence while the true
     * residual, recomputed with one more product, stays a few τ away — inside (τ, 10·τ]. The claim is
     * refused all the same (not converged, STAGNATION, "drifted"); with an error of 0.1·τ per product
     * the same solve converges, so the refusal is the band's doing, not the problem's.
     */
    @ParameterizedTest
    @EnumSource(Method.class)
    void aTrueResidualBetweenTauAndTenTauIsNotConverged(Method method) {
        double tol = 1e-6;
        LinearOperator exact = method.square ? A : tall();
        double[] b = method.square ? random(exact.rows(), 3) : exact.apply(random(exact.cols(), 4));
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(tol);

        SolverResult r = method.solve(noisy(exact, 3 * tol * norm(b), 5), b, o);
        assertTrue(r.relativeResidual() > tol && r.relativeResidual() <= 10 * tol,
                "the construction puts the true residual in (τ, 10τ]: " + r.relativeResidual());
        assertFalse(r.converged(), r.toString());
        assertEquals(StopReason.STAGNATION, r.reason());
        assertTrue(r.detail().contains("drifted"), r.detail());
        assertTrue(r.verdict(tol).startsWith("not converged (stagnation)"), r.verdict(tol));

        SolverResult ok = method.solve(noisy(exact, 0.1 * tol * norm(b), 5), b, o);
        assertTrue(ok.converged(), ok.toString());
        assertTrue(ok.relativeResidual() <= tol, "converged means true residual ≤ τ: " + ok.relativeResidual());
    }

    /** A with a fresh seeded error of norm {@code size} added to every product (and transposed product). */
    private static LinearOperator noisy(LinearOperator a, double size, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        java.util.function.Consumer<double[]> perturb = y -> { // y += a fresh error of norm size
            double[] e = new double[y.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = rnd.nextGaussian();
            }
            double s = size / norm(e);
            for (int i = 0; i < y.length; i++) {
                y[i] += s * e[i];
            }
        };
        return LinearOperator.of(a.rows(), a.cols(), (x, y) -> {
            a.apply(x, y);
            perturb.accept(y);
        }, (x, y) -> {
            a.applyTranspose(x, y);
            perturb.accept(y);
        });
    }

    /** A 21×13 matrix of full column rank: A stacked on a bidiagonal block. */
    private static CsrMatrix tall() {
        double[][] t = new double[21][13];
        for (int i = 0; i < 13; i++) {
            for (int j = 0; j < 13; j++) {
                t[i][j] = A.get(i, j);
            }
        }
        for (int i = 0; i < 8; i++) {
            t[13 + i][i] = 1.0;
            t[13 + i][i + 5] = 0.5;
        }
        return dense(t);
    }

    private static LinearOperator floatRounded(LinearOperator a) {
        return LinearOperator.of(a.rows(), a.cols(), (x, y) -> {
            a.apply(x, y);
            roundToFloat(y);
        }, (x, y) -> {
            a.applyTranspose(x, y);
            roundToFloat(y);
        });
    }

    private static void roundToFloat(double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) y[i];
        }
    }
}
