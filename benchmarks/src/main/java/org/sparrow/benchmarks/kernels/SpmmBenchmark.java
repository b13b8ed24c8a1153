package org.sparrow.benchmarks.kernels;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.sparrow.benchmarks.harness.MediumMatrixBenchmark;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Spmm;

/**
 * SpMM {@code Y = A·X} ({@link Spmm#apply(CsrMatrix, double[], double[], int, int)}) with X dense
 * row-major {@code cols × k} (k = 32 by default), on medium matrices, on 1 and 2 threads. The output
 * block is preallocated and overwritten; GFLOP/s is {@code 2·nnz·k / time}.
 */
public class SpmmBenchmark extends MediumMatrixBenchmark {

    /** Columns of the dense block X. */
    @Param({"32"})
    public int k;

    private double[] x;
    private double[] y;

    /** Created by JMH, which then sets the {@code @Param} fields and reads the matrix. */
    public SpmmBenchmark() {
    }

    /** Fills the blocks. */
    @Override
    protected void prepare() {
        x = ResultCheck.inputs(Math.multiplyExact(a.cols(), k));
        y = new double[Math.multiplyExact(a.rows(), k)];
    }

    /** {@code Y = A·X}. */
    @Benchmark
    public double[] multiply() {
        Spmm.apply(a, x, y, k, threads);
        return y;
    }
}
