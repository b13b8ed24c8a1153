package org.sparrow.benchmarks.kernels;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.sparrow.benchmarks.harness.MediumMatrixBenchmark;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;

/**
 * SpGEMM {@code C = A·A} ({@link Spgemm#multiply(CsrMatrix, CsrMatrix, SpgemmOptions)}) on medium
 * matrices of different structure (see {@link MediumMatrixBenchmark}), on 1 and 2 threads, with sorted
 * (canonical) and unsorted output. Explicit zeros are kept (the default). The product is returned so
 * JMH consumes it. The fork's heap is fixed and pre-touched ({@code -Xms = -Xmx}, {@code AlwaysPreTouch}):
 * each product allocates its output and buffers, and a growing heap would bill page faults to the first
 * iterations.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch", "--enable-native-access=ALL-UNNAMED"})
public class SpgemmBenchmark extends MediumMatrixBenchmark {

    /** Sorted (canonical) or unsorted output. */
    @Param({"true", "false"})
    public boolean sorted;

    private SpgemmOptions options;

    /** Created by JMH, which then sets the {@code @Param} fields and reads the matrix. */
    public SpgemmBenchmark() {
    }

    /** Fixes the options. */
    @Override
    protected void prepare() {
        options = new SpgemmOptions(threads, sorted, false);
    }

    /** One product {@code A·A}. */
    @Benchmark
    public CsrMatrix square() {
        return Spgemm.multiply(a, a, options);
    }
}
