package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.spark.DistributedCsrMatrix;

/** How the {@code sparrow spark} commands load their matrix: one place, so every command reads alike. */
final class SparkInput {

    private SparkInput() {
    }

    /**
     * Reads the header of {@code file}, so that a missing or malformed file is reported before Spark starts
     * (which takes seconds).
     *
     * @param file a Matrix Market file
     * @return its header
     * @throws IOException when the file cannot be read or its header is malformed
     */
    static MatrixMarketHeader header(Path file) throws IOException {
        return MatrixMarket.readHeader(file);
    }

    /**
     * The matrix in {@code file}, checked finite (the first bad entry named, 1-based), spread over
     * {@code partitions} partitions by work.
     *
     * @param sc         the context
     * @param file       a Matrix Market file
     * @param partitions partitions, ≥ 1
     * @return the distributed matrix
     * @throws IOException when the file cannot be read (the message names the file and line)
     */
    static DistributedCsrMatrix load(JavaSparkContext sc, Path file, int partitions) throws IOException {
        CsrMatrix a = MatrixMarket.readCsr(file);
        AutoSolver.checkFinite(a, file.toString());
        return DistributedCsrMatrix.fromLocal(sc, a, partitions);
    }

    /**
     * The matrix in {@code file} as it is, NaN and infinity included (for {@code info}, which counts them).
     *
     * @param sc         the context
     * @param file       a Matrix Market file
     * @param partitions partitions, ≥ 1
     * @return the distributed matrix
     * @throws IOException when the file cannot be read (the message names the file and line)
     */
    static DistributedCsrMatrix loadUnchecked(JavaSparkContext sc, Path file, int partitions) throws IOException {
        return DistributedCsrMatrix.fromLocal(sc, MatrixMarket.readCsr(file), partitions);
    }
}
