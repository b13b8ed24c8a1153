package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.spark.DistributedCsrMatrix;

/**
 * How the {@code sparrow spark} commands load their matrix, in one place: read in parallel by byte ranges
 * ({@link DistributedCsrMatrix#read}, local paths or any Hadoop file system URI), then checked finite where the
 * rows live, the first bad entry named as the local commands name it.
 */
final class SparkInput {

    private SparkInput() {
    }

    /**
     * Reads the header of a local {@code file}, so that a missing or malformed file is reported before Spark
     * starts (which takes seconds); a URI ({@code hdfs://…}) is left to the distributed reader.
     *
     * @param file a Matrix Market file
     * @return its header, or null for a URI
     * @throws IOException when the file cannot be read or its header is malformed
     */
    static MatrixMarketHeader header(Path file) throws IOException {
        return isUri(file) ? null : MatrixMarket.readHeader(file);
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
        DistributedCsrMatrix a = loadUnchecked(sc, file, partitions);
        List<String> bad = a.blocks().map(b -> {
            CsrMatrix m = b.matrix();
            int[] rp = m.rowPointers();
            int[] ci = m.columnIndices();
            double[] v = m.values();
            for (int r = 0; r < m.rows(); r++) {
                for (int p = rp[r]; p < rp[r + 1]; p++) {
                    if (!Double.isFinite(v[p])) {
                        long i = b.firstRow() + r + 1L;
                        return "A(" + i + ", " + (ci[p] + 1L) + ") = " + v[p] + " in row " + i + " is not finite";
                    }
                }
            }
            return "";
        }).collect();
        for (String s : bad) { // partition order: the first bad entry of the file's row order
            if (!s.isEmpty()) {
                throw new IllegalArgumentException(file + ": " + s);
            }
        }
        return a;
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
        return DistributedCsrMatrix.read(sc, location(file), partitions);
    }

    /**
     * The location as Hadoop's file systems read it. The commands take a path, which folds a URI's "//":
     * {@code hdfs:///data/a.mtx} arrives as {@code hdfs:/data/a.mtx}, which Hadoop reads the same (the default
     * name node); a URI naming another authority ({@code hdfs://nn2/…}) loses it, so such files are named
     * through the cluster's default file system.
     */
    private static String location(Path file) {
        return file.toString();
    }

    private static boolean isUri(Path file) {
        return file.toString().matches("[A-Za-z][A-Za-z0-9+.-]+:/.*");
    }
}
