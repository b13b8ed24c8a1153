package org.sparrow.benchmarks.kernels;

import org.openjdk.jmh.annotations.Benchmark;
import org.sparrow.benchmarks.harness.MediumMatrixBenchmark;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Add;
import org.sparrow.core.ops.Transpose;

/**
 * Sparse add {@code C = A + 2·Aᵀ} ({@link Add#of(double, CsrMatrix, double, CsrMatrix, int)}) on
 * medium matrices, on 1 and 2 threads. Aᵀ is formed once in the setup; for the nonsymmetric
 * matrices (wiki-Vote, e20r0000) its pattern differs from A's, so the row merge sees a real union.
 * A new matrix per call; returned so JMH consumes it.
 */
public class AddBenchmark extends MediumMatrixBenchmark {

    private CsrMatrix at;

    /** Created by JMH, which then sets the {@code @Param} fields and reads the matrix. */
    public AddBenchmark() {
    }

    /** Forms the transpose. */
    @Override
    protected void prepare() {
        at = Transpose.of(a, 1);
    }

    /** {@code A + 2·Aᵀ}. */
    @Benchmark
    public CsrMatrix add() {
        return Add.of(1.0, a, 2.0, at, threads);
    }
}
