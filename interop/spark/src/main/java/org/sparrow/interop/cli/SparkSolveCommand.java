package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.spark.DistributedCsrMatrix;
import org.sparrow.spark.DistributedSolvers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sparrow spark solve A}: {@code sparrow solve} with A spread over Spark
 * ({@link DistributedSolvers#solve}): the same options (inherited from {@link SolveCommand}) and JSON keys,
 * plus {@code partitions} and {@code master}. Products with A run on the executors, the vector updates on the
 * driver; the true residual is recomputed with a distributed product. Methods and preconditioners that need
 * the whole matrix on one machine (direct methods, SSOR, ILU(0), IC(0)) are refused in one sentence;
 * {@code auto} picks CG with Jacobi, MINRES, GMRES or LSQR (see {@link DistributedSolvers}).
 */
@Command(name = "solve",
        description = {"Solve A·x = b (least squares when A is rectangular) with A distributed over Spark.",
            "Without --rhs, b = A·1, so the error ‖x − 1‖∞ is reported too."})
final class SparkSolveCommand extends SolveCommand {

    @Mixin
    private SparkOptions spark;

    /** Creates the command (picocli instantiates it). */
    SparkSolveCommand() {
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"A", "--rhs"}, aFile, rhsFile);
        // The flags of the local solve that need the whole matrix on one machine, or an initial guess the
        // distributed solvers do not take yet: refused, never silently ignored.
        if (x0File != null || monitor) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (x0File != null ? "--x0" : "--monitor")
                    + " is not supported by sparrow spark solve yet; use sparrow solve on one machine");
        }
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX),
                new Outputs.Output("--history", history, Outputs.Kind.CSV),
                new Outputs.Output("--plot", plot, Outputs.Kind.PNG));
        PrintWriter out = Outputs.report(spec, output, history, plot);
        PrintWriter err = spec.commandLine().getErr();
        SparkInput.header(aFile);
        JavaSparkContext sc = spark.start("solve");
        try {
            int partitions = spark.partitions(sc);
            DistributedCsrMatrix a = SparkInput.load(spec, sc, aFile, partitions);
            double[] b;
            if (rhsFile == null) {
                double[] ones = new double[a.cols()];
                Arrays.fill(ones, 1.0);
                b = a.multiply(ones);
            } else {
                b = readVector(rhsFile, a.rows(), a.cols());
                AutoSolver.checkFinite(b, rhsFile.toString());
            }
            ProgressBar bar = SparrowCli.of(spec).stderrTerminal() ? new ProgressBar(err, tol) : null;
            SolverOptions options = SolverOptions.defaults().withRelativeTolerance(tol).withMaxIterations(maxit)
                    .withRestart(restart).withAbsoluteTolerance(atol).withDamping(damp).withListener(bar);
            AutoSolver.Solution s;
            try {
                s = DistributedSolvers.solve(a, b, method, precond, options);
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
            SolverResult r = s.result();
            Double errorInf = rhsFile == null ? errorFromOnes(r.solution()) : null;
            writeOutputs(spec, r, tol, aFile, output, history, plot);
            Report rep = report(s, method, tol, errorInf, aFile, rhsFile, a.rows(), a.cols(), a.nnz(), damp, view,
                    output, history, plot);
            SparkOptions.describe(rep, sc, partitions).print(out, common.json);
            if (!r.converged()) {
                return SparrowCli.notConverged(err, "sparrow: " + r.verdict(tol));
            }
            return SparrowCli.EXIT_OK;
        } finally {
            spark.stop(sc);
        }
    }
}
