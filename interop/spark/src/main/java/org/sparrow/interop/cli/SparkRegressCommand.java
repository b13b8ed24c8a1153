package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparrow.sketching.lstsq.LeastSquaresResult;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.spark.DistributedCsrMatrix;
import org.sparrow.spark.DistributedSolvers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sparrow spark regress A b}: {@code sparrow regress} with A spread over Spark
 * ({@link DistributedSolvers#leastSquares}): the same options (inherited from {@link RegressCommand}) and
 * JSON keys, plus {@code partitions} and {@code master}. Sketch-and-precondition forms S·A where A's rows
 * live (the same S as locally for the same seed), factors it on the driver and runs LSQR with distributed
 * products; dense QR, which needs the whole matrix on one machine, is refused in one sentence.
 */
@Command(name = "regress",
        description = {"Least squares min ‖A·x − b‖₂ with A distributed over Spark (sketch-and-precondition, "
                + "sketch-and-solve or LSQR).", "A is n×d with n ≥ d; b is a Matrix Market vector of length n."})
final class SparkRegressCommand extends RegressCommand {

    @Mixin
    private SparkOptions spark;

    /** Creates the command (picocli instantiates it). */
    SparkRegressCommand() {
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions.checkOneStdin(spec, new String[] {"A", "b"}, aFile, bFile);
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX));
        PrintWriter out = Outputs.report(spec, output);
        PrintWriter err = spec.commandLine().getErr();
        SparkInput.header(aFile);
        JavaSparkContext sc = spark.start("regress");
        try {
            int partitions = spark.partitions(sc);
            DistributedCsrMatrix a = SparkInput.load(spec, sc, aFile, partitions);
            double[] b = SolveCommand.readVector(bFile, a.rows(), a.cols());
            AutoSolver.checkFinite(b, bFile.toString());
            LeastSquaresResult r = DistributedSolvers.leastSquares(a, b, options);
            writeOutput(spec, r, aFile, bFile, output);
            Report rep = report(r, aFile, bFile, a.rows(), a.cols(), a.nnz(), output);
            SparkOptions.describe(rep, sc, partitions).print(out, common.json);
            if (!r.converged()) {
                return SparrowCli.notConverged(err, "sparrow: " + describeMethod(r) + " did not converge"
                        + (r.detail().isEmpty() ? "" : ": " + r.detail()));
            }
            return SparrowCli.EXIT_OK;
        } finally {
            spark.stop(sc);
        }
    }
}
