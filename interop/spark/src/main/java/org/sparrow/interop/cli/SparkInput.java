package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.spark.DistributedCsrMatrix;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

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
     * @param spec       the command whose argument {@code file} is (its original text is what is read)
     * @param sc         the context
     * @param file       a Matrix Market file
     * @param partitions partitions, ≥ 1
     * @return the distributed matrix
     * @throws IOException when the file cannot be read (the message names the file and line)
     */
    static DistributedCsrMatrix load(CommandSpec spec, JavaSparkContext sc, Path file, int partitions)
            throws IOException {
        DistributedCsrMatrix a = loadUnchecked(spec, sc, file, partitions);
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
     * @param spec       the command whose argument {@code file} is (its original text is what is read)
     * @param sc         the context
     * @param file       a Matrix Market file
     * @param partitions partitions, ≥ 1
     * @return the distributed matrix
     * @throws IOException when the file cannot be read (the message names the file and line)
     */
    static DistributedCsrMatrix loadUnchecked(CommandSpec spec, JavaSparkContext sc, Path file, int partitions)
            throws IOException {
        return DistributedCsrMatrix.read(sc, location(spec, file), partitions);
    }

    /**
     * The location as Hadoop's file systems read it: the argument exactly as typed. The commands take a
     * {@link Path}, which folds a URI's "//" ({@code hdfs://nn2/a.mtx} would become {@code hdfs:/nn2/a.mtx} and
     * lose its name node), so the original text is looked up among the parsed arguments; a path not found there
     * (a program that set the field itself) is used as it is.
     *
     * @param spec the command that parsed {@code file}
     * @param file one of its arguments
     * @return the text to hand to Hadoop's file systems
     */
    static String location(CommandSpec spec, Path file) {
        ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
        if (parsed != null) {
            List<ArgSpec> args = new ArrayList<>(parsed.matchedPositionals());
            args.addAll(parsed.matchedOptions());
            for (ArgSpec arg : args) {
                for (String text : arg.originalStringValues()) {
                    if (file.equals(Path.of(text))) {
                        return text;
                    }
                }
            }
        }
        return file.toString();
    }

    private static boolean isUri(Path file) {
        return file.toString().matches("[A-Za-z][A-Za-z0-9+.-]+:/.*");
    }
}
