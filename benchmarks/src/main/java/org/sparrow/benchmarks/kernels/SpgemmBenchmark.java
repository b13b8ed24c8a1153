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
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;

/**
 * SpGEMM {@code C = A·A} ({@link Spgemm#multiply(CsrMatrix, CsrMatrix, SpgemmOptions)}) on medium
 * matrices of different structure: a FEM stiffness matrix (bcsstk33), a power-law graph (wiki-Vote),
 * a road network with very short rows (luxembourg_osm) and a nonsymmetric CFD matrix (e20r0000);
 * on 1 and 2 threads, with sorted (canonical) and unsorted output. Explicit zeros are kept (the
 * default). The product is returned so JMH consumes it. The fork's heap is fixed and pre-touched
 * ({@code -Xms = -Xmx}, {@code AlwaysPreTouch}): each product allocates its output and buffers, and
 * a growing heap would bill page faults to the first iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch", "--enable-native-access=ALL-UNNAMED"})
public class SpgemmBenchmark {

    /** Which medium matrix (file name without {@code .mtx.gz}). */
    @Param({"bcsstk33", "wiki-Vote", "luxembourg_osm", "e20r0000"})
    public String matrix;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    /** Sorted (canonical) or unsorted output. */
    @Param({"true", "false"})
    public boolean sorted;

    private CsrMatrix a;
    private SpgemmOptions options;

    /** Created by JMH, which then sets the {@code @Param} fields and calls {@link #setUp()}. */
    public SpgemmBenchmark() {
    }

    /** Reads the matrix and fixes the options. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        a = KernelInputs.medium(matrix);
        options = new SpgemmOptions(threads, sorted, false);
    }

    /** One product {@code A·A}. */
    @Benchmark
    public CsrMatrix square() {
        return Spgemm.multiply(a, a, options);
    }
}
