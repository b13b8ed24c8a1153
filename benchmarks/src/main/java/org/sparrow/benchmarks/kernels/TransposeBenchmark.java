package org.sparrow.benchmarks.kernels;

import java.io.IOException;
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
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Transpose;

/**
 * Transpose Aᵀ ({@link Transpose#of(CsrMatrix, int)}, a parallel counting sort) on medium matrices,
 * on 1 and 2 threads. A new matrix per call; returned so JMH consumes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public class TransposeBenchmark {

    /** Which medium matrix (file name without {@code .mtx.gz}). */
    @Param({"bcsstk33", "wiki-Vote", "luxembourg_osm", "e20r0000"})
    public String matrix;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private CsrMatrix a;

    /** Created by JMH, which then sets the {@code @Param} fields and calls {@link #setUp()}. */
    public TransposeBenchmark() {
    }

    /** Reads the matrix. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        a = KernelInputs.medium(matrix);
    }

    /** Aᵀ. */
    @Benchmark
    public CsrMatrix transpose() {
        return Transpose.of(a, threads);
    }
}
