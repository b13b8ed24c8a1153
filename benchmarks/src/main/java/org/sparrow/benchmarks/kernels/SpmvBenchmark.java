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
import org.sparrow.core.ops.Spmv;

/**
 * SpMV {@code y = A·x} and SpMᵀV {@code y = Aᵀ·x} ({@link Spmv}) on medium matrices, on 1 and 2
 * threads. The output vector is preallocated and overwritten; it is returned so JMH consumes it.
 * Effective bandwidth is {@code (12·nnz + 4·(rows+1) + 8·cols + 8·rows) / time}; the
 * {@link KernelSuite} reports it against a copy bandwidth measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public class SpmvBenchmark {

    /** Which medium matrix (file name without {@code .mtx.gz}). */
    @Param({"bcsstk33", "wiki-Vote", "luxembourg_osm", "e20r0000"})
    public String matrix;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private CsrMatrix a;
    private double[] x;
    private double[] y;
    private double[] xt;
    private double[] yt;

    /** Created by JMH, which then sets the {@code @Param} fields and calls {@link #setUp()}. */
    public SpmvBenchmark() {
    }

    /** Reads the matrix and fills the vectors. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        a = KernelInputs.medium(matrix);
        x = ResultCheck.inputs(a.cols());
        y = new double[a.rows()];
        xt = ResultCheck.inputs(a.rows());
        yt = new double[a.cols()];
    }

    /** {@code y = A·x}. */
    @Benchmark
    public double[] multiply() {
        Spmv.multiply(a, x, y, threads);
        return y;
    }

    /** {@code y = Aᵀ·x}. */
    @Benchmark
    public double[] multiplyTranspose() {
        Spmv.multiplyTranspose(a, xt, yt, threads);
        return yt;
    }
}
