package com.example.consumer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketException;
import org.sparrow.interop.ejml.Ejml;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.precond.Ic0;

/**
 * An application that keeps its matrices in EJML and lets Sparrow solve: it reads a symmetric positive
 * definite Matrix Market file, holds it as an EJML {@code DMatrixSparseCSC}, forms b = A·1 with EJML,
 * solves A·x = b with Sparrow's CG and IC(0) preconditioner, and checks x with EJML again (the true
 * residual ‖b − A·x‖/‖b‖ computed by EJML, not by Sparrow, and the error against the known x = 1).
 *
 * <p>Usage: {@code java com.example.consumer.Main FILE.mtx}. Exit status 0 when Sparrow converged and
 * EJML agrees, 1 when not, 2 on bad input.
 */
public final class Main {

    /** The relative tolerance of the solve. */
    static final double TOLERANCE = 1e-10;

    private Main() {
    }

    /**
     * Runs the example on the file named by the first argument and exits with its status.
     *
     * @param args the Matrix Market file
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java com.example.consumer.Main FILE.mtx");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), System.out, System.err));
    }

    /**
     * Reads, converts, solves, checks and prints.
     *
     * @param file a square symmetric positive definite matrix in Matrix Market format
     * @param out  where the report goes
     * @param err  where a problem with the input goes
     * @return 0 when the solve converged and EJML's residual confirms it, 1 when not, 2 on bad input
     */
    static int run(Path file, PrintStream out, PrintStream err) {
        CsrMatrix read;
        try {
            read = MatrixMarket.readCsr(file); // symmetric storage is expanded
        } catch (MatrixMarketException e) {
            err.println("consumer: " + e.getMessage()); // names the file and the line
            return 2;
        } catch (IOException e) {
            err.println("consumer: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        if (read.rows() != read.cols()) {
            err.println("consumer: " + file + " is " + read.rows() + "×" + read.cols() + ", not square");
            return 2;
        }

        // The application's own matrix, in EJML (an O(nnz) copy: CSR of A is EJML's CSC of Aᵀ).
        DMatrixSparseCSC e = Ejml.fromCsr(read);
        int n = e.numRows;
        DMatrixRMaj ones = new DMatrixRMaj(n, 1);
        ones.fill(1.0);
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        CommonOps_DSCC.mult(e, ones, b); // b = A·1 by EJML: the solution is known

        // EJML -> Sparrow (the vector is shared, not copied), and Sparrow solves.
        CsrMatrix a = Ejml.toCsr(e);
        double[] rhs = Ejml.toVector(b);
        SolverResult r;
        try {
            r = Cg.solve(a, rhs, Ic0.of(a), SolverOptions.defaults().withRelativeTolerance(TOLERANCE));
        } catch (IllegalArgumentException ex) { // not symmetric, or a diagonal entry missing or ≤ 0
            err.println("consumer: " + file + ": " + ex.getMessage());
            return 2;
        }

        // Sparrow -> EJML (zero-copy), and EJML checks the answer on its own.
        DMatrixRMaj x = Ejml.fromVector(r.solution());
        DMatrixRMaj ax = new DMatrixRMaj(n, 1);
        CommonOps_DSCC.mult(e, x, ax);
        double residual = NormOps_DDRM.normF(CommonOps_DDRM.subtract(b, ax, null)) / NormOps_DDRM.normF(b);
        double error = 0;
        for (int i = 0; i < n; i++) {
            error = Math.max(error, Math.abs(x.get(i, 0) - 1));
        }

        out.printf("%s: %d×%d, %d stored entries (EJML %s)%n", file.getFileName(), n, n, a.nnz(),
                e.getClass().getSimpleName());
        out.println("Sparrow CG + IC(0): " + r.verdict(TOLERANCE));
        out.printf("EJML's check: relative residual ‖b − A·x‖/‖b‖ = %.1e, max |x − 1| = %.1e%n", residual, error);
        boolean agreed = r.converged() && residual <= 10 * TOLERANCE;
        out.println(agreed ? "verdict: solved (EJML confirms Sparrow's answer)" : "verdict: NOT solved");
        return agreed ? 0 : 1;
    }
}
