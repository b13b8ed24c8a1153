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
import org.sparrow.core.ops.Spmm;

/**
 * SpMM {@code Y = A·X} ({@link Spmm#multiply(CsrMatrix, double[], double[], int, int)}) with X dense
 * row-major {@code cols × k} (k = 32 by default), on medium matrices, on 1 and 2 threads. The output
 * block is preallocated and overwritten; GFLOP/s is {@code 2·nnz·k / time}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public class SpmmBenchmark {

    /** Which medium matrix (file name without {@code .mtx.gz}). */
    @Param({"bcsstk33", "wiki-Vote", "luxembourg_osm", "e20r0000"})
    public String matrix;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    /** Columns of the dense block X. */
    @Param({"32"})
    public int k;

    private CsrMatrix a;
    private double[] x;
    private double[] y;

    /** Created by JMH, which then sets the {@code @Param} fields and calls {@link #setUp()}. */
    public SpmmBenchmark() {
    }

    /** Reads the matrix and fills the blocks. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        a = KernelInputs.medium(matrix);
        x = ResultCheck.inputs(Math.multiplyExact(a.cols(), k));
        y = new double[Math.multiplyExact(a.rows(), k)];
    }

    /** {@code Y = A·X}. */
    @Benchmark
    public double[] multiply() {
        Spmm.multiply(a, x, y, k, threads);
        return y;
    }
}
