package org.sparrow.benchmarks.kernels;

import org.openjdk.jmh.annotations.Benchmark;
import org.sparrow.benchmarks.harness.MediumMatrixBenchmark;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Transpose;

/**
 * Transpose Aᵀ ({@link Transpose#of(CsrMatrix, int)}, a parallel counting sort) on medium matrices,
 * on 1 and 2 threads. A new matrix per call; returned so JMH consumes it.
 */
public class TransposeBenchmark extends MediumMatrixBenchmark {

    /** Created by JMH, which then sets the {@code @Param} fields and reads the matrix. */
    public TransposeBenchmark() {
    }

    /** Aᵀ. */
    @Benchmark
    public CsrMatrix transpose() {
        return Transpose.of(a, threads);
    }
}
