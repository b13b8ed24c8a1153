package org.sparrow.benchmarks.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;

/**
 * Matrix Market read time on the three largest shared matrices (by uncompressed size), from the
 * gzipped file as shipped and from a plain copy. Throughput in MB/s is the uncompressed size over
 * the time per read; {@link MatrixMarketReadComparison} reports it next to scipy's.
 *
 * <p>What is timed is {@link MatrixMarket#read}: the whole file to expanded triplets, the same
 * result {@code scipy.io.mmread} produces (a COO matrix, symmetric storage expanded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class MatrixMarketReadBenchmark {

    /** The three largest shared matrices by uncompressed bytes (MANIFEST.tsv). */
    public static final String[] LARGEST = {"medium/Dubcova1.mtx.gz", "medium/e20r0000.mtx.gz", "medium/bcsstk33.mtx.gz"};

    /** Which matrix. */
    @Param({"medium/Dubcova1.mtx.gz", "medium/e20r0000.mtx.gz", "medium/bcsstk33.mtx.gz"})
    public String matrix;

    /** {@code gz}: the shipped file; {@code plain}: an uncompressed copy in a temporary folder. */
    @Param({"plain", "gz"})
    public String compression;

    private Path file;

    /** Resolves the file, decompressing a copy for {@code plain}. */
    @Setup(Level.Trial)
    public void locate() throws IOException {
        Path gz = BenchmarkData.matrix(matrix);
        file = "gz".equals(compression) ? gz
                : BenchmarkData.gunzipInto(gz, Path.of(System.getProperty("java.io.tmpdir"), "sparrow-bench-mtx"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file);
        }
    }

    /** One whole read. */
    @Benchmark
    public MatrixMarketData read() throws IOException {
        return MatrixMarket.read(file);
    }
}
