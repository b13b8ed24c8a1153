package org.sparrow.solvers.krylov;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.krylov.KrylovTestSupport.dense;
import static org.sparrow.solvers.krylov.KrylovTestSupport.denseDampedLeastSquares;
import static org.sparrow.solvers.krylov.KrylovTestSupport.denseLeastSquares;
import static org.sparrow.solvers.krylov.KrylovTestSupport.load;
import static org.sparrow.solvers.krylov.KrylovTestSupport.norm;
import static org.sparrow.solvers.krylov.KrylovTestSupport.random;
import static org.sparrow.solvers.krylov.KrylovTestSupport.residual;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.LinearOperator;

/**
 * LSQR and LSMR on the rectangular matrices of the suite. The singular values quoted (σ_min, σ_max:
 * smallest nonzero and largest) were computed with numpy.linalg.svd on each file. The error bounds
 * used: for x in the row space of A, Aᵀ(b − A·x) = AᵀA·(x* − x) gives ‖x − x*‖ ≤ ‖Aᵀr‖/σ_min²; for the
 * damped problem (AᵀA + λ²I)(x_λ − x) = Aᵀr − λ²x gives ‖x − x_λ‖ ≤ ‖Aᵀr − λ²x‖/(σ_min² + λ²). The
 * dense QR oracle carries its own error, about κ²·ε·‖x*‖ for a least-squares problem with a large
 * residual; 1e-14·κ²·‖x*‖ covers it.
 */
class LeastSquaresTest {

    enum Ls {
        LSQR, LSMR;

        SolverResult solve(LinearOperator a, double[] b, SolverOptions o) {
            return this == LSQR ? Lsqr.solve(a, b, o) : Lsmr.solve(a, b, o);
        }
    }

    /** g = Aᵀ(b − A·x) − λ²x. */
    private static double[] normalGradient(CsrMatrix a, double[] b, double[] x, double lambda) {
        double[] g = a.applyTranspose(residual(a, b, x));
        for (int i = 0; i < g.length; i++) {
            g[i] -= lambda * lambda * x[i];
        }
        return g;
    }

    private static double distance(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        return norm(d);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "LSQR, well1033, 0.01087, 1.807",
        "LSMR, well1033, 0.01087, 1.807",
        "LSQR, illc1033, 1.135e-4, 2.144",
        "LSMR, illc1033, 1.135e-4, 2.144",
        "LSQR, ash219,   1.152,   3.485",
        "LSMR, ash219,   1.152,   3.485",
    })
    void consistentOverdeterminedSystemsConvergeToTheirSolution(Ls method, String name, double smin, double smax) {
        CsrMatrix a = load(name);
        double[] x0 = random(a.cols(), 21);
        double[] b = a.apply(x0);
        double tol = 1e-10;
        SolverResult r = method.solve(a, b, SolverOptions.defaults().withRelativeTolerance(tol));
        assertTrue(r.converged(), r.verdict(tol));
        assertTrue(r.relativeResidual() <= tol, "true relative residual " + r.relativeResidual());
        // ‖x − x₀‖ ≤ ‖A(x − x₀)‖/σ_min = ‖r‖/σ_min (A has full column rank)
        double bound = r.relativeResidual() * norm(b) / smin;
        assertTrue(distance(r.solution(), x0) <= bound * 1.001, distance(r.solution(), x0) + " vs " + bound);
        double[] qr = denseLeastSquares(a, b);
        double cond = smax / smin;
        assertTrue(distance(r.solution(), qr) <= bound * 1.001 + 1e-14 * cond * cond * norm(qr));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "LSQR, well1033, 0.01087, 1.807",
        "LSMR, well1033, 0.01087, 1.807",
        "LSQR, illc1033, 1.135e-4, 2.144",
        "LSMR, illc1033, 1.135e-4, 2.144",
        "LSQR, ash219,   1.152,   3.485",
        "LSMR, ash219,   1.152,   3.485",
    })
    void inconsistentLeastSquaresProblemsAgreeWithDenseQr(Ls method, String name, double smin, double smax) {
        CsrMatrix a = load(name);
        double[] b = random(a.rows(), 23);
        double tol = 1e-10;
        SolverResult r = method.solve(a, b, SolverOptions.defaults().withRelativeTolerance(tol));
        assertTrue(r.converged(), r.verdict(tol));
        double[] g = normalGradient(a, b, r.solution(), 0.0);
        double rn = norm(residual(a, b, r.solution()));
        double normal = norm(g) / (a.frobeniusNorm() * rn);
        assertEquals(normal, r.normalResidual(), 1e-9 * normal, "the reported measure is the true one");
        assertTrue(normal <= tol, "‖Aᵀr‖/(‖A‖_F‖r‖) = " + normal);
        double[] qr = denseLeastSquares(a, b);
        double cond = smax / smin;
        double err = distance(r.solution(), qr);
        assertTrue(err <= norm(g) / (smin * smin) * 1.001 + 1e-14 * cond * cond * norm(qr), err + " from dense QR");
    }

    @ParameterizedTest(name = "{0} on {1}, λ = {2}")
    @CsvSource({
        "LSQR, well1033, 0.1",
        "LSMR, well1033, 0.1",
        "LSQR, illc1033, 0.01",
        "LSMR, illc1033, 0.01",
        "LSQR, abb313,   1.0",
        "LSMR, abb313,   1.0",
    })
    void dampedProblemsAgreeWithTheAugmentedSystem(Ls method, String name, double lambda) {
        CsrMatrix a = load(name);
        double[] b = random(a.rows(), 25);
        double tol = 1e-10;
        SolverResult r = method.solve(a, b, SolverOptions.defaults().withRelativeTolerance(tol).withDamping(lambda));
        assertTrue(r.converged(), r.verdict(tol));
        assertTrue(r.normalResidual() <= tol, "damped optimality measure " + r.normalResidual());
        double[] aug = denseDampedLeastSquares(a, b, lambda); // QR of (A; λI), κ ≤ σ_max/λ
        double err = distance(r.solution(), aug);
        double[] g = normalGradient(a, b, r.solution(), lambda);
        double cond = 9.0 / lambda;
        assertTrue(err <= norm(g) / (lambda * lambda) * 1.001 + 1e-14 * cond * cond * norm(aug), err + " from the augmented QR");
    }

    /** abb313 has rank 128 of 176: from x₀ = 0 both methods stay in the row space and find x = A⁺b. */
    @ParameterizedTest
    @EnumSource(Ls.class)
    void onARankDeficientMatrixTheMinimumNormLeastSquaresSolutionIsFound(Ls method) {
        CsrMatrix a = load("abb313");
        double[] b = random(a.rows(), 27);
        SolverResult r = method.solve(a, b, SolverOptions.defaults().withRelativeTolerance(1e-10));
        assertTrue(r.converged(), r.verdict(1e-10));
        double[] pinv = pseudoInverseSolve(a, b);
        double smin = 0.1553; // smallest nonzero singular value
        double bound = norm(normalGradient(a, b, r.solution(), 0.0)) / (smin * smin);
        assertTrue(distance(r.solution(), pinv) <= bound * 1.001 + 1e-10 * norm(pinv),
                distance(r.solution(), pinv) + " vs " + bound);
    }

    /** lp_afiro is 27×51 with full row rank: b is always reachable and x = Aᵀ(AAᵀ)⁻¹b is the one of least norm. */
    @ParameterizedTest
    @EnumSource(Ls.class)
    void anUnderdeterminedSystemGetsItsMinimumNormSolution(Ls method) {
        CsrMatrix a = load("lp_afiro");
        double[] b = random(a.rows(), 29);
        SolverResult r = method.solve(a, b, SolverOptions.defaults().withRelativeTolerance(1e-10));
        assertTrue(r.converged(), r.verdict(1e-10));
        assertTrue(r.relativeResidual() <= 1e-10);
        double[] xmn = pseudoInverseSolve(a, b);
        // both in the row space: ‖x − x_mn‖ ≤ ‖A(x − x_mn)‖/σ_min = ‖r‖/σ_min, σ_min = 0.6056
        double bound = r.relativeResidual() * norm(b) / 0.6056;
        assertTrue(distance(r.solution(), xmn) <= bound * 1.001 + 1e-12 * norm(xmn));
    }

    @ParameterizedTest
    @EnumSource(Ls.class)
    void whenATransposeBIsZeroXZeroIsOptimalAtOnce(Ls method) {
        CsrMatrix a = dense(new double[][] {{1, 0}, {0, 0}, {0, 0}});
        SolverResult r = method.solve(a, new double[] {0, 1, 0}, SolverOptions.defaults());
        assertTrue(r.converged());
        assertEquals(0, r.iterations());
        assertArrayEquals(new double[2], r.solution());
        assertEquals(1.0, r.relativeResidual());
        assertEquals(0.0, r.normalResidual());
    }

    /**
     * Given only products, ‖A‖_F is the bidiagonalization's estimate ‖B̄ₖ‖_F ≤ ‖A‖_F, so the reported
     * measure can only be larger (more cautious) than with the exact norm a {@code CsrMatrix} gives.
     */
    @ParameterizedTest
    @EnumSource(Ls.class)
    void withAPlainOperatorTheNormalResidualUsesTheCautiousNormEstimate(Ls method) {
        CsrMatrix a = load("ash219");
        double[] b = random(a.rows(), 31);
        LinearOperator plain = LinearOperator.of(a.rows(), a.cols(), a::apply, a::applyTranspose);
        SolverResult r = method.solve(plain, b, SolverOptions.defaults().withRelativeTolerance(1e-10));
        assertTrue(r.converged(), r.verdict(1e-10));
        double[] x = r.solution();
        double exact = norm(normalGradient(a, b, x, 0.0)) / (a.frobeniusNorm() * norm(residual(a, b, x)));
        assertTrue(r.normalResidual() >= exact * (1 - 1e-12), r.normalResidual() + " < " + exact);
        assertTrue(r.normalResidual() <= 1e-10);
    }

    /** x = A⁺b by EJML's SVD-based pseudo-inverse. */
    private static double[] pseudoInverseSolve(CsrMatrix a, double[] b) {
        DMatrixRMaj m = new DMatrixRMaj(a.rows(), a.cols(), true, a.toDense().data().clone());
        DMatrixRMaj pinv = new DMatrixRMaj(a.cols(), a.rows());
        CommonOps_DDRM.pinv(m, pinv);
        DMatrixRMaj x = new DMatrixRMaj(a.cols(), 1);
        CommonOps_DDRM.mult(pinv, new DMatrixRMaj(b.length, 1, true, b.clone()), x);
        return x.data.clone();
    }
}
