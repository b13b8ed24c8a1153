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
import org.sparrow.core.ops.Add;
import org.sparrow.core.ops.Transpose;

/**
 * Sparse add {@code C = A + 2·Aᵀ} ({@link Add#of(double, CsrMatrix, double, CsrMatrix, int)}) on
 * medium matrices, on 1 and 2 threads. Aᵀ is formed once in the setup; for the nonsymmetric
 * matrices (wiki-Vote, e20r0000) its pattern differs from A's, so the row merge sees a real union.
 * A new matrix per call; returned so JMH consumes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public class AddBenchmark {

    /** Which medium matrix (file name without {@code .mtx.gz}). */
    @Param({"bcsstk33", "wiki-Vote", "luxembourg_osm", "e20r0000"})
    public String matrix;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private CsrMatrix a;
    private CsrMatrix at;

    /** Created by JMH, which then sets the {@code @Param} fields and calls {@link #setUp()}. */
    public AddBenchmark() {
    }

    /** Reads the matrix and forms its transpose. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        a = KernelInputs.medium(matrix);
        at = Transpose.of(a, 1);
    }

    /** {@code A + 2·Aᵀ}. */
    @Benchmark
    public CsrMatrix add() {
        return Add.of(1.0, a, 2.0, at, threads);
    }
}
