package org.sparrow.solvers.krylov;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.Par;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.DenseProducts;
import org.sparrow.core.ops.Spmv;

/**
 * The Golub–Kahan bidiagonalization LSQR and LSMR share: its vectors, its scalars and one step
 * (Paige and Saunders, ACM TOMS 8(1), 1982, eq. 3.1; Fong and Saunders, SIAM J. Sci. Comput. 33(5),
 * 2011, §2). The first step, β₁u₁ = b and α₁v₁ = Aᵀu₁, is {@link KrylovRun#bidiagonalStart}.
 *
 * <p>{@code u} and {@code v} are the current vectors; {@code um} and {@code vn} are spare arrays of
 * the same lengths that a step writes into and then swaps with them (so the solvers may use the spare
 * ones as scratch between steps). When A is a {@link CsrMatrix} or a {@link DenseMatrix} the
 * products Aᵀ·u run with a workspace kept here, on the thread count A's own
 * {@link LinearOperator#applyTranspose} would choose, so the result is the same bits and a step
 * allocates nothing.
 */
final class GolubKahan {

    private final LinearOperator a;
    private final CsrMatrix csr;     // A, when it is one: Aᵀ·u with the workspace
    private final DenseMatrix dense; // A, when it is one
    private final Par par;
    private final double[] workspace;
    private final double lambda2;

    /** The current uᵢ (length m) and vᵢ (length n). */
    double[] u;
    double[] v;
    /** Spare arrays, lengths m and n: scratch between steps. */
    double[] um;
    double[] vn;
    /** αᵢ and βᵢ. */
    double alpha;
    double beta;
    /** Σ αⱼ² + βⱼ₊₁² + λ² over the steps taken: ‖B̄ᵢ‖_F², the estimate of ‖Ā‖_F². */
    double anorm2;

    GolubKahan(LinearOperator a, double lambda) {
        this.a = a;
        this.lambda2 = lambda * lambda;
        this.u = new double[a.rows()];
        this.um = new double[a.rows()];
        this.v = new double[a.cols()];
        this.vn = new double[a.cols()];
        if (a instanceof CsrMatrix c) {
            this.csr = c;
            this.dense = null;
            this.par = Par.threads(Spmv.defaultThreads(c.nnz())); // what CsrMatrix.applyTranspose uses
            this.workspace = new double[Spmv.transposeWorkspaceLength(c, par)];
        } else if (a instanceof DenseMatrix d) {
            this.csr = null;
            this.dense = d;
            this.par = Par.AUTO; // the dense products are bit-identical for every thread count
            this.workspace = new double[DenseProducts.transposeWorkspaceLength(d)];
        } else {
            this.csr = null;
            this.dense = null;
            this.par = Par.AUTO;
            this.workspace = null;
        }
    }

    /** {@code y = Aᵀ·x}, with the workspace when A is a CSR or dense matrix. */
    void applyTranspose(double[] x, double[] y) {
        if (csr != null) {
            Spmv.applyTranspose(csr, x, y, par, workspace);
        } else if (dense != null) {
            DenseProducts.applyTranspose(dense, x, y, par, workspace);
        } else {
            a.applyTranspose(x, y);
        }
    }

    /**
     * One step: {@code u = A·v − α·u}, {@code β = ‖u‖}, {@code u /= β}, {@code v = Aᵀ·u − β·v},
     * {@code α = ‖v‖}, {@code v /= α}, adding {@code α² + β² + λ²} (the old α) to {@link #anorm2}.
     * β = 0 ends the bidiagonalization: then α = 0 and v is left as it was.
     *
     * @return null, or the product whose norm was not finite ("A·v" or "Aᵀ·u"); after "A·v"
     *     {@link #anorm2} is not updated
     */
    String step() {
        a.apply(v, um);
        beta = Blas.axpyNorm(-alpha, u, um); // um = A·v − α·u and β = ‖um‖, one sweep
        double[] t = u;
        u = um;
        um = t;
        if (!Double.isFinite(beta)) {
            return "A·v";
        }
        anorm2 += alpha * alpha + beta * beta + lambda2;
        if (beta > 0.0) {
            Blas.scale(1.0 / beta, u, u);
            applyTranspose(u, vn);
            alpha = Blas.axpyNorm(-beta, v, vn); // vn = Aᵀ·u − β·v and α = ‖vn‖, one sweep
            t = v;
            v = vn;
            vn = t;
            if (!Double.isFinite(alpha)) {
                return "Aᵀ·u";
            }
            if (alpha > 0.0) {
                Blas.scale(1.0 / alpha, v, v);
            }
        } else {
            alpha = 0.0; // the bidiagonalization ended; the solver's rotations finish the solve
        }
        return null;
    }
}
